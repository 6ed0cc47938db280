"""Places: read "City, Region", "City, ST 12345", "Street, City, Country", "Grand Rapids MI US".

Countries, first-level regions and major cities come from ``data/places.json``. A piece is a
place only when something in it is known (a region, a country or a listed city): "Carver,
Lindqvist and Oduya" or "Staff Nurse, ICU" are not places.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from resumeiq.engine._data import load_json
from resumeiq.engine.model import Location

_LABEL = re.compile(r"^(?:address|location|based in|lives in|residence|city|current location)\s*[:\-]?\s*", re.IGNORECASE)
_POSTCODE = re.compile(
    r"(?:^|\s+|-\s*)(?:\d{4,6}(?:-\d{4})?|\d{3}\s\d{3}|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
    r"|[A-Z]\d[A-Z]\s?\d[A-Z]\d"  # Canada: M2N 4P6
    r"|\d{1,4}[xX]{1,4})$"  # a template's masked code: 68xxx
)
_STREET = re.compile(
    r"^(?:st|st\.|street|ave|ave\.|avenue|road|rd|rd\.|drive|dr|dr\.|blvd|boulevard|lane|ln|way|court|ct|"
    r"place|pl|suite|apt|apartment|floor|building|circle|terrace|highway|hwy|vill\.?|nagar|colony|sector|layout)$",
    re.IGNORECASE,
)
_ORG_WORD = re.compile(
    r"\b(?:inc|llc|ltd|limited|corp|corporation|company|co|gmbh|plc|llp|pvt|group|bank|army|university|college|"
    r"school|institute|hospital|clinic|agency|partners?|associates|department|ministry|technologies|solutions|"
    r"systems|services|consulting|labs?|foundation)\b",
    re.IGNORECASE,
)
_DOTTED_DEGREE = re.compile(r"(?:M\.\s?[ASDE]|B\.\s?[AS]|P\.\s?A)\.?")
_PART = re.compile(r"[A-Za-zÀ-ÿĀ-ž .'’-]+")


@cache
def _tables() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, str]]:
    data = load_json("places.json")
    countries = {name: code for code, names in data["countries"].items() for name in names}
    regions: dict[str, tuple[str, str]] = {}
    for country, table in data["regions"].items():
        for abbr, name in table.items():
            regions.setdefault(abbr.lower(), (country, abbr))
            regions.setdefault(name.lower(), (country, name))
    cities = {name.lower(): code for code, names in data["cities"].items() for name in names}
    return countries, regions, cities


@cache
def _country_regions() -> frozenset[tuple[str, str]]:
    """(country, region name or code) pairs, lower-case: "TN" is Tennessee and Tamil Nadu."""
    data = load_json("places.json")
    return frozenset(
        (country, key.lower()) for country, table in data["regions"].items() for abbr, name in table.items() for key in (abbr, name)
    )


# Country names left out of the countries table because a region ends in them ("New Mexico"):
# a part of its own after a comma still names the country.
_WHOLE_PART_COUNTRIES = {"mexico": "MX"}
_INDEED_NOTE = re.compile(r"\s*-\s*email me on indeed.*$", re.IGNORECASE)
_PAREN_COUNTRY = re.compile(r"\(([A-Za-z .]{2,30})\)\s*$")
_PAREN_COUNTRY_REGION = re.compile(r"([^,()]+?)\s*\(([A-Za-z .]{2,30})\)\s*,([^,()]+)$")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def read_location(piece: str, *, unpunctuated: bool = False) -> Location | None:
    """A ``Location`` if the piece names a place, else None. With ``unpunctuated``, a listed city
    followed by a region of its country without a comma ("Frankfurt am Main Hesse") is one too
    (off by default: "Sydney Victoria" may be a person)."""
    countries, regions, cities = _tables()
    # Letters written with combining marks ("A" + U+030A ring, as some PDFs give them) are looked up composed.
    piece = _LABEL.sub("", unicodedata.normalize("NFC", piece.strip()))
    piece = _INDEED_NOTE.sub("", piece).strip(" ,;")
    country = None
    paren = _PAREN_COUNTRY.search(piece)
    if paren:
        country = countries.get(paren.group(1).lower())
        piece = piece[: paren.start()].strip(" ,")
    else:
        # "Liverpool (GB), England": the country in brackets after the city, then its region
        paren = _PAREN_COUNTRY_REGION.match(piece)
        code = countries.get(paren.group(2).lower()) if paren else None
        if code and (code, paren.group(3).strip().lower()) in _country_regions():
            country = code
            piece = paren.group(1) + "," + paren.group(3)
    piece = piece.rstrip(".")
    parts = [_POSTCODE.sub("", p.strip()).strip(" -") for p in piece.split(",") if p.strip()]
    # Drop postcodes and phone numbers standing as parts of their own ("…, 722122, IN").
    parts = [p for p in parts if p and _LATIN_LETTER.search(p)]
    if unpunctuated and len(parts) == 1 and country is None:
        spaced = _city_and_region(parts[0].split())
        if spaced is not None:
            return Location(city=spaced[0], region=spaced[1], countryCode=spaced[2])
    if parts:
        # "New York USA": a country name ending the last part
        words = parts[-1].split()
        if len(words) >= 2 and words[-1].lower() in countries and len(words[-1]) >= 3 and parts[-1].lower() not in regions:
            country = countries[words[-1].lower()]
            parts[-1] = " ".join(words[:-1])
            if len(parts) == 1 and not _known_place(parts[0], country):
                return None  # "Brightline India", "Technical University of Denmark": a name, then a country
    if not parts or len(parts) > 5:
        return None
    last = parts[-1].lower()
    # "Boise, ID" is Idaho, but in "Chennai, Tamil Nadu, IN" the region before it makes IN India.
    short_region = len(parts) > 1 and len(last) <= 3 and last in regions
    if short_region and last in countries and len(parts) >= 3:
        prev = regions.get(parts[-2].lower())
        short_region = not (prev and prev[0] == countries[last])
    if short_region and last in countries and cities.get(parts[-2].lower()) == countries[last]:
        short_region = False  # "Pune, IN" is India: Pune is a city there
    if len(parts) >= 2 and len(last) <= 3 and last in regions and country is None:
        home = cities.get(parts[-2].lower())
        if home and home != regions[last][0] and (home, last) in _country_regions():
            country = home  # "Chennai, TN" is Tamil Nadu, not Tennessee
    if last in _WHOLE_PART_COUNTRIES and len(parts) > 1 and country is None:
        country = _WHOLE_PART_COUNTRIES[last]  # "Zacatecas, Mexico" (but "Santa Fe, New Mexico")
        parts = parts[:-1]
    elif last in countries and not short_region and (len(parts) > 1 or len(last) > 3):
        country = countries[parts[-1].lower()]
        parts = parts[:-1]
        if not parts:
            return Location(countryCode=country) if len(piece) > 3 else None
    region = None
    if len(parts) >= 2 and _region(parts[-1]) is None and parts[-1].lower() in cities:
        if any(_ORG_WORD.search(p) for p in parts[:-1]):
            return None  # "Riverland Army, Adelaide", "Acme Inc, London": an employer and its city
        parts = parts[-1:]  # "East Vill., New York City": an address line ending in a listed city
    if len(parts) >= 2 or (len(parts) == 1 and parts[0].lower() in regions and parts[0].lower() not in cities):
        reg = _region(parts[-1])
        if reg and _DOTTED_DEGREE.fullmatch(parts[-1]) and not (len(parts) >= 2 and parts[-2].lower() in cities):
            return None  # "Noor Haddad, M.A.": letters after a name, not Massachusetts
        if reg and (country is None or reg[0] == country):
            region = parts[-1]
            country = country or reg[0]
            parts = parts[:-1]
        elif len(parts) >= 2 and country is None:
            return None  # neither a known region nor a country after the comma
        elif len(parts) >= 2:
            region = parts[-1] if _PART.fullmatch(parts[-1]) and len(parts[-1].split()) <= 3 else None
            if region:
                parts = parts[:-1]
    if not parts:
        return Location(region=region, countryCode=country)
    city = _city_of(parts[-1])
    if city is None:
        if region and looks_like_street(parts[-1]):
            return Location(region=region, countryCode=country)  # "58 Orchard St, New York"
        return None
    words = city.split()
    if len(parts) == 1 and region is None and country is None:
        # A lone name: a listed city ("San Francisco"), or a trailing country/region word ("Grand Rapids MI US").
        if city.lower() in cities:
            country = cities[city.lower()]
        else:
            # Only an explicit code at the end makes a lone piece a place: a country ("Grand Rapids MI US")
            # or a region (a suburb and "VIC"); a two-word personal name is not a place.
            if len(words) >= 2 and words[-1].isupper() and words[-1].lower() in countries:
                country = countries[words[-1].lower()]
                words = words[:-1]
                if not any(" ".join(words[:k]).lower() in cities for k in range(1, len(words) + 1)) and not _region(
                    words[-1]
                ):
                    if countries.get(" ".join(words).lower()) == country:
                        return Location(countryCode=country)  # "Holland NL": the country, twice
                    return None  # "SAP FI", "People Manager QA": a code after words that name no place
            elif len(words) >= 2 and words[-1].isupper() and 2 <= len(words[-1]) <= 3 and _region(words[-1]):
                country = _region(words[-1])[0]
            else:
                return None
            for k in range(1, min(4, len(words))):
                tail = " ".join(words[-k:]).lower()
                if tail in regions and regions[tail][0] == country and len(words) > k:
                    region = " ".join(words[-k:])
                    words = words[:-k]
                    break
            city = " ".join(words)
    if not city or not city[:1].isupper() or len(city.split()) > 4:
        return None
    if city.lower() in countries and city.lower() not in cities:  # "Holland NL" is no city; Singapore is
        return None
    return Location(city=city, region=region, countryCode=country)


def _city_and_region(words: list[str]) -> tuple[str, str, str] | None:
    """(city, region, country) for words that are a listed city, then a region of the same
    country: "Frankfurt am Main Hesse", "THE HAGUE SOUTH HOLLAND"."""
    _, _, cities = _tables()
    pairs = _country_regions()
    for k in range(1, min(3, len(words) - 1) + 1):
        head, tail = " ".join(words[:-k]), " ".join(words[-k:])
        country = cities.get(head.lower())
        if country and len(tail) > 3 and (country, tail.lower()) in pairs:
            return head, tail, country
    return None


def location_countries(loc: Location, written: str) -> tuple[str, ...]:
    """The countries a location read from ``written`` may be in, its own country first: one,
    unless only a region shared by several countries places it ("TN" is Tennessee and Tamil
    Nadu, "WA" Washington and Western Australia) and neither a listed city nor a country says which."""
    if loc.countryCode is None:
        return ()
    if loc.region is None:
        return (loc.countryCode,)
    countries, _, cities = _tables()
    if loc.city and cities.get(loc.city.lower()) == loc.countryCode:
        return (loc.countryCode,)
    region = loc.region.lower()
    for part in re.split(r"[,()]", written):
        words = part.split()
        for k in range(1, min(3, len(words)) + 1):
            tail = " ".join(words[-k:]).lower()
            if tail in countries and tail != region:
                return (loc.countryCode,)  # "Austin, TX, USA": the country is written
    by_region = _countries_by_region()
    found = by_region.get(region, frozenset()) | by_region.get(region.replace(".", ""), frozenset())
    others = sorted(found - {loc.countryCode})
    return (loc.countryCode, *others)


@cache
def _countries_by_region() -> dict[str, frozenset[str]]:
    """Region name or code, lower-case → the countries that have it (``_country_regions`` by key)."""
    out: dict[str, set[str]] = {}
    for country, key in _country_regions():
        out.setdefault(key, set()).add(country)
    return {key: frozenset(found) for key, found in out.items()}


def _known_place(text: str, country: str) -> bool:
    """A listed city or region of ``country`` ends ``text``."""
    _, regions, cities = _tables()
    words = text.split()
    for k in range(1, min(4, len(words)) + 1):
        tail = " ".join(words[-k:]).lower()
        if cities.get(tail) == country or (country, tail) in _country_regions():
            return True
    return False


def looks_like_street(part: str) -> bool:
    """An address part: a house number, "#12", or a street word after a name ("Baker Street")."""
    words = part.split()
    return any(c.isdigit() for c in part) or "#" in part or any(_STREET.match(w.rstrip(".,")) for w in words[1:])


def _region(text: str) -> tuple[str, str] | None:
    """(country, region) for a region name or code, dots ignored ("N.J." is NJ)."""
    _, regions, _ = _tables()
    key = text.lower()
    return regions.get(key) or regions.get(key.replace(".", ""))


def _city_of(part: str) -> str | None:
    """The city in the last address part: words after a house number or street word."""
    words = part.split()
    cut = 0
    for i, w in enumerate(words):
        if any(c.isdigit() for c in w) or w.startswith("#") or (i > 0 and _STREET.match(w.rstrip(".,"))):
            cut = i + 1
    city = " ".join(words[cut:])
    if not city or not _PART.fullmatch(city):
        return None
    return city


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(load_json("entry_lexicon.json")["legal_forms"])


def countries_named(text: str) -> list[str]:
    """Countries the text names, most named first: by a listed city or a country's name written
    with capitals ("University of Edinburgh", "Karlsruhe", "Sydney, Australia")."""
    countries, _, cities = _tables()
    counts: dict[str, int] = {}
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        k = 0
        while k < len(words):
            step = 1
            for n in range(len(words) - k, 0, -1):
                key = " ".join(words[k : k + n]).lower()
                code = cities.get(key) or countries.get(key)
                if code and not (k and n == 1 and key in _legal_forms()):  # "Zahn KG" names no country
                    counts[code] = counts.get(code, 0) + 1
                    step = n
                    break
            k += step
    return sorted(counts, key=lambda c: -counts[c])

