"""An invented person's resume as JSON Resume v1, with the facts the truth files carry
(occupation, seniority, years of experience, canonical skills and the aliases written)."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import phonenumbers
from occupations import OCCUPATIONS, SENIORITY, WEIGHTS
from prose import highlights, summary
from words import (
    CAMEL_HEADS,
    CAMEL_TAILS,
    CERT_ISSUERS,
    CERT_NAMES,
    COUNTRIES,
    COUNTRY_WEIGHTS,
    DEGREES,
    FLUENCY,
    GENERIC_HEADS,
    INDUSTRY_NOUNS,
    LANGUAGE_NAMES,
    NAME_KIND_OF,
    NAME_KINDS,
    NAME_ROOTS,
    NAME_TAILS,
    NAMES,
    NATIVE,
    PARTICLES,
    REGIONAL_CITIES,
    ROMAN,
    SCHOOL_LEVELS,
    SCHOOL_PATTERNS,
    TEAMS,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "resumeiq" / "engine" / "data"


@cache
def _places() -> dict:
    return json.loads((DATA / "places.json").read_text())


@cache
def _industry_skills(industry: str) -> tuple[str, ...]:
    data = json.loads((DATA / "industries" / f"{industry}.json").read_text())
    return tuple(data["expected_skills"])


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    """Canonical skill → short aliases people write ("AWS" for Amazon Web Services)."""
    data = json.loads((DATA / "skills.json").read_text())
    out: dict[str, tuple[str, ...]] = {}
    for s in data["skills"]:
        if s.get("source") == "curated":
            short = tuple(a for a in s.get("aliases", []) if 2 <= len(a) <= 8 and a.isascii())
            if short:
                out[s["name"]] = short
    return out


@dataclass
class Person:
    """A resume and what the truth file says about it."""

    resume: dict
    occupation: str
    seniority: str
    lang: str  # language of the headings
    country: str
    as_of: str
    skills_canonical: list[str] = field(default_factory=list)
    skill_aliases: dict[str, str] = field(default_factory=dict)

    @property
    def years_experience(self) -> float:
        months = 0
        for w in self.resume["work"]:
            end = w.get("endDate") or self.as_of
            months += _months(end) - _months(w["startDate"])
        return round(months / 12, 2)


def _months(ym: str) -> int:
    y, m = ym[:7].split("-")
    return int(y) * 12 + int(m) - 1


def _ym(months: int) -> str:
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = sorted(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def _slug(*parts: str, sep: str = "") -> str:
    return sep.join(re.sub(r"[^a-z0-9]+", "", ascii_fold(p).lower()) for p in parts if p)


def _cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def pick_city(rng: random.Random, country: str) -> tuple[str, str | None]:
    """(city, region or None). Cities from the engine's gazetteer, a region where people write one."""
    if country in REGIONAL_CITIES and rng.random() < 0.85:
        return rng.choice(REGIONAL_CITIES[country])
    cities = [c for c in _places()["cities"].get(country, []) if _cp1252(c) and "." not in c and len(c) <= 18]
    if not cities:
        return rng.choice(REGIONAL_CITIES["US"])
    # The gazetteer lists spellings side by side (Cologne, Köln): a few dozen well-spread ones do.
    return rng.choice(sorted(cities)[:: max(1, len(cities) // 60)]), None


def _phone(rng: random.Random, country: str) -> str:
    if country == "GB":
        national = f"07700 900{rng.randint(0, 999):03d}"
        return rng.choice((national, "+44 " + national[1:]))
    if country in ("US", "CA"):
        area = rng.choice((201, 212, 303, 312, 415, 503, 512, 617, 646, 713, 206, 416, 604, 613))
        number = f"{area}-555-01{rng.randint(0, 99):02d}"
        return rng.choice((number, f"({area}) 555-01{rng.randint(0, 99):02d}", f"+1 {number}", f"+1 ({area}) 555-01{rng.randint(0, 99):02d}"))
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    if example is None:
        example = phonenumbers.example_number(country)
    digits = str(example.national_number)
    for _ in range(20):
        tail = "".join(str(rng.randint(0, 9)) for _ in range(4))
        candidate = phonenumbers.parse(digits[:-4] + tail, country)
        if phonenumbers.is_valid_number(candidate):
            break
    else:
        candidate = example
    fmt = rng.choice((phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL,
                      phonenumbers.PhoneNumberFormat.INTERNATIONAL))
    return phonenumbers.format_number(candidate, fmt)


def company_name(rng: random.Random, country: str, kind: str, surnames: tuple[str, ...]) -> str:
    legal = rng.choice(COUNTRIES[country]["legal"])
    shape = rng.random()
    if rng.random() < 0.55:
        return _company_other_shape(rng, country, kind, surnames, legal)
    if kind == "health" and rng.random() < 0.6:
        city, _ = pick_city(rng, country)
        base = rng.choice((f"{city} General Hospital", f"St. {rng.choice(('Mary', 'Luke', 'Anne', 'George', 'Clare'))}'s Hospital",
                           f"{city} Community Health", f"{rng.choice(NAME_ROOTS)} Medical Centre", f"{city} Children's Hospital"))
        return base
    if kind == "education" and rng.random() < 0.7:
        city, _ = pick_city(rng, country)
        return rng.choice((f"{city} High School", f"{rng.choice(surnames)} Primary School", f"{city} Academy",
                           f"{rng.choice(NAME_ROOTS)} International School", f"St. {rng.choice(('Mark', 'Brigid', 'Paul'))}'s College"))
    if shape < 0.45:
        base = rng.choice(NAME_ROOTS) + rng.choice(NAME_TAILS) + " " + rng.choice(NAME_KINDS[kind])
    elif shape < 0.7:
        base = rng.choice(NAME_ROOTS) + " " + rng.choice(NAME_KINDS[kind])
    elif shape < 0.85:
        a, b = rng.sample(surnames, 2)
        base = f"{a} & {b}" if rng.random() < 0.6 else f"{a} {rng.choice(NAME_KINDS[kind])}"
    else:
        base = rng.choice(NAME_ROOTS) + rng.choice(NAME_TAILS)
    return f"{base} {legal}".strip() if legal and rng.random() < 0.7 else base


def _company_other_shape(rng: random.Random, country: str, kind: str, surnames: tuple[str, ...], legal: str) -> str:
    """Names that are no root+tail compound: a surname and a kind, partners, compounds, acronyms,
    generic pairs, a place and a kind, a web domain, a surname with a particle."""
    k = rng.choice(NAME_KINDS[kind])
    last = rng.choice(surnames)
    shape = rng.choices(range(10), weights=(14, 14, 6, 12, 8, 10, 6, 3, 3, 6))[0]
    if shape == 0:
        base = f"{last} {k}" if rng.random() < 0.6 else last
        return f"{base} {legal}".strip() if legal and (rng.random() < 0.7 or base == last) else base
    if shape == 1:
        a, b, c = rng.sample(surnames, 3)
        return rng.choice((f"{a}, {b} and {c}", f"{a}, {b} & {c}", f"{a} and {b}", f"{a} & {b} {legal}".strip(),
                           f"{a} & Sons"))
    if shape == 2:
        a, b = rng.sample(surnames, 2)
        return f"{a}-{b}"
    if shape == 3:
        tail = rng.choice(CAMEL_TAILS)
        base = rng.choice(CAMEL_HEADS) + tail
        return base if rng.random() < 0.6 else f"{base} {k}"
    if shape == 4:
        letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWX") for _ in range(rng.choice((2, 3, 3, 4))))
        return letters if rng.random() < 0.5 else f"{letters} {rng.choice((k, legal or k, 'Group'))}".strip()
    if shape == 5:
        base = f"{rng.choice(GENERIC_HEADS)} {rng.choice(INDUSTRY_NOUNS)}"
        return base if rng.random() < 0.6 else f"{base} {legal}".strip()
    if shape == 6:
        city, _ = pick_city(rng, country)
        return rng.choice((f"{city} {rng.choice(INDUSTRY_NOUNS)}", f"First {city} Bank", f"{city} {k}",
                           f"{city} City Council", f"{city} General Hospital"))
    if shape == 7:
        return rng.choice((f"{rng.choice(NAME_ROOTS)}.com", f"{rng.choice(NAME_ROOTS).lower()}.io",
                           f"{rng.choice(CAMEL_HEADS)}{rng.choice(CAMEL_TAILS).lower()}.com"))
    if shape == 8:
        particle = rng.choice(PARTICLES)
        return f"{particle} {last} {k}"
    return f"{rng.choice(NAME_ROOTS)} {rng.choice(NAME_ROOTS)} {k}"


def school_name(rng: random.Random, country: str, lang: str, surnames: tuple[str, ...]) -> tuple[str, str]:
    city, region = pick_city(rng, country)
    patterns = SCHOOL_PATTERNS.get(lang if rng.random() < 0.8 else "en", SCHOOL_PATTERNS["en"])
    name = rng.choice(patterns).format(city=city, name=rng.choice(surnames + NAME_ROOTS))
    place = f"{city}, {region}" if region else f"{city}, {COUNTRIES[country]['name']}" if rng.random() < 0.5 else city
    return name, place


_SMALL = {"of", "and", "in", "for", "the", "to", "on", "at", "or"}
_ACRONYMS = {w.lower(): w for w in (
    "RN", "IT", "HR", "QA", "UX", "UI", "SRE", "SEO", "PPC", "CPA", "ICU", "NICU", "CCU", "PACU", "APRN", "LPN",
    "GMAT", "SQL", "ERP", "CRM", "HVAC", "CAD", "PLC", "AI", "ML", "BI", "VP", "CEO", "CFO", "COO", "CTO", "PMO",
    "EHS", "ETL", "GIS", "PR", "CNC", "PCB", "RF", "SAP", "ESL", "EMT", "CNA", "MRI", "ER", "OR", "NLP", "API")}
_PLURAL_OK = ("sales", "analytics", "logistics", "operations", "relations", "systems", "services", "communications",
              "affairs", "economics", "statistics", "graphics", "mechanics", "electronics", "robotics", "claims",
              "accounts", "payables", "receivables", "resources", "arts", "sciences", "studies")


@cache
def _onet_titles(codes: tuple[str, ...]) -> tuple[str, ...]:
    """O*NET job titles of an occupation (via the engine's titles.json), written as people write them."""
    data = json.loads((DATA / "titles.json").read_text())["titles"]
    out = []
    for title, code in sorted(data.items()):
        words = title.split()
        if not code.startswith(codes) or not 2 <= len(words) <= 5 or any(len(w) == 1 for w in words):
            continue
        if words[-1].endswith("s") and words[-1] not in _PLURAL_OK:
            continue
        out.append(" ".join(_ACRONYMS.get(w, w if w in _SMALL and i else w.capitalize()) for i, w in enumerate(words)))
    return tuple(out)


def _title(rng: random.Random, occ: dict, level: str, *, intern: bool = False) -> str:
    field = rng.choice(occ["fields"])
    if intern and rng.random() < 0.7:
        return rng.choice((f"{field} Intern", "Intern", f"{rng.choice(occ['titles'])} Intern", "Summer Intern",
                           f"{field} Trainee", "Working Student", "Graduate Trainee"))
    if level == "lead" and rng.random() < 0.35:
        return rng.choice((f"Head of {field}", f"Director of {field}", f"VP, {field}", f"{field} Lead",
                           f"{field} Manager", f"Senior Manager, {field}"))
    onet = _onet_titles(tuple(occ.get("onet", ())))
    title = rng.choice(onet) if onet and rng.random() < 0.25 else rng.choice(occ["titles"])
    prefix = rng.choice(SENIORITY[level])
    roll = rng.random()
    if prefix and prefix.split()[0] not in title.split() and not title.startswith(("Head", "Junior", "Senior", "Associate")):
        title = f"{prefix} {title}"
    elif roll < 0.15 and level in ("junior", "mid", "senior"):
        title = f"{title} {ROMAN[min(2, ('junior', 'mid', 'senior').index(level))]}"
    if rng.random() < 0.06:
        title = f"{title}, {rng.choice(TEAMS)}"
    elif rng.random() < 0.04:
        other = rng.choice(occ["titles"])
        if other != title:
            title = rng.choice((f"{title}/{other}", f"{title} / {other}"))
    return title


def _level(years_before: float) -> str:
    return "junior" if years_before < 2.5 else "mid" if years_before < 6 else "senior" if years_before < 11 else "lead"


def make_person(rng: random.Random, as_of: str = "2025-06") -> Person:
    country = _weighted(rng, COUNTRY_WEIGHTS)
    info = COUNTRIES[country]
    culture = _weighted(rng, info["names"])
    given, surnames = NAMES[culture]
    lang = info["lang"] if info["lang"] != "en" and rng.random() < 0.45 else "en"
    first, last = rng.choice(given), rng.choice(surnames)
    if rng.random() < 0.08:
        first = f"{first} {rng.choice(given)}" if culture in ("spanish", "portuguese", "filipino") else f"{first} {rng.choice('ABCDEJKLMRST')}."
    name = f"{first} {last}"
    occ_key = _weighted(rng, WEIGHTS)
    occ = OCCUPATIONS[occ_key]
    kind = NAME_KIND_OF.get(occ_key, "business")

    # Career: jobs back from as_of.
    now = _months(as_of)
    total_years = rng.choice((0.5, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22))
    n_jobs = max(1, min(7, int(rng.triangular(1, 7, 1 + min(5, total_years / 3)))))
    cursor = now - (0 if rng.random() < 0.75 else rng.randint(1, 8))
    career_start = now - int(total_years * 12)
    spans: list[tuple[int, int | None]] = []
    current = cursor == now
    for k in range(n_jobs):
        end = cursor
        left = max(1, end - career_start)
        remaining = n_jobs - k
        length = max(3, min(int(rng.triangular(4, 72, 24)), left // remaining if k < n_jobs - 1 else left))
        if rng.random() < 0.1:
            length = rng.randint(2, 4)  # an internship or a short contract
        start = end - length
        spans.append((start, None if (k == 0 and current) else end))
        cursor = start - (rng.randint(0, 5) if rng.random() < 0.5 else 0)
        if cursor <= career_start - 24:
            break
    first_start = min(s for s, _ in spans)
    work: list[dict] = []
    employer = None
    for k, (start, end) in enumerate(spans):
        years_before = (start - first_start) / 12
        level = _level(years_before)
        same = employer is not None and k > 0 and rng.random() < 0.15
        if not same:
            employer = company_name(rng, country if rng.random() < 0.85 else _weighted(rng, COUNTRY_WEIGHTS), kind, surnames)
        intern = (end or now) - start <= 4 and k == len(spans) - 1
        entry = {"name": employer, "position": _title(rng, occ, level, intern=intern)}
        if rng.random() < 0.75:
            city, region = pick_city(rng, country)
            entry["location"] = (
                f"{city}, {region}" if region else rng.choice((city, f"{city}, {info['name']}", city))
            )
            if rng.random() < 0.05:
                entry["location"] = "Remote"
        entry["startDate"] = _ym(start)
        if end is not None:
            entry["endDate"] = _ym(end)
        n_high = rng.choice((0, 1, 2, 3, 3, 4, 4, 5, 6)) if k < 3 else rng.choice((0, 0, 1, 2, 3))
        if n_high:
            entry["highlights"] = highlights(rng, occ["objects"], n_high)
        if rng.random() < 0.2:
            entry["summary"] = summary(rng, entry["position"], rng.choice(occ["fields"]), max(1, (end or now) - start) // 12)
        work.append(entry)
    # Promotions within an employer keep the later role first; give the earlier one a junior title.
    for a, b in zip(work, work[1:], strict=False):
        if a["name"] == b["name"] and a["position"] == b["position"]:
            b["position"] = _title(rng, occ, "junior")
    years = (now - first_start) / 12

    # Education: a first degree before the career, maybe a master's, rarely a doctorate.
    education: list[dict] = []
    grad = first_start - rng.randint(0, 10)
    levels = ["bachelor"]
    if rng.random() < 0.35:
        levels.append("master")
    if occ_key in ("data_scientist", "pharmacist") and rng.random() < 0.2:
        levels.append("doctorate")
    if occ_key in ("registered_nurse", "administrative_assistant", "it_support") and rng.random() < 0.4:
        levels = ["associate"]
    for level in reversed(levels):
        long, shorts = rng.choice(DEGREES[level])
        study = long if rng.random() < 0.55 else rng.choice(shorts)
        school, place = school_name(rng, country if rng.random() < 0.85 else _weighted(rng, COUNTRY_WEIGHTS), lang, surnames)
        length = {"bachelor": rng.choice((36, 45, 48)), "master": rng.choice((12, 21, 24)), "doctorate": 48, "associate": 24}[level]
        entry = {"institution": school, "area": rng.choice(occ["fields"]), "studyType": study}
        if rng.random() < 0.6:
            entry["location"] = place
        entry["startDate"] = _ym(grad - length)
        entry["endDate"] = _ym(grad)
        if rng.random() < 0.2:
            entry["score"] = rng.choice(("3.7/4.0", "3.8 GPA", "First Class Honours", "2:1", "Magna Cum Laude", "85%", "8.6/10"))
        education.append(entry)
        grad = grad - length - rng.randint(0, 24)
    education.sort(key=lambda e: e["endDate"], reverse=True)
    levels_of_school = SCHOOL_LEVELS.get(country)
    if levels_of_school and rng.random() < (0.35 if country == "IN" else 0.08):
        # School leaving certificates after the degrees: "HSC, Maharashtra State Board, 2012".
        end = _months(education[-1]["startDate"])
        for name_, boards in rng.sample(levels_of_school, min(len(levels_of_school), rng.choice((1, 2)))):
            city, _ = pick_city(rng, country)
            education.append({"institution": rng.choice(boards).format(city=city), "studyType": name_,
                              "startDate": _ym(end - 24), "endDate": _ym(end)})
            end -= 24
    if years > 1 and rng.random() < 0.1:
        # Still studying part-time: the latest degree ends after as_of.
        education[0]["endDate"] = _ym(now + rng.randint(3, 14))
        education[0]["startDate"] = _ym(now - 12)

    # Skills: groups of the occupation's skills, some written under a short alias.
    pool = list(_industry_skills(occ["industry"]))
    general = [s for s in _industry_skills("general") if s not in pool]
    rng.shuffle(pool)
    n_sk = rng.randint(6, min(22, len(pool)))
    chosen = pool[:n_sk] + rng.sample(general, min(len(general), rng.randint(0, 3)))
    aliases: dict[str, str] = {}
    written: list[str] = []
    for s in chosen:
        short = _aliases().get(s)
        if short and rng.random() < 0.25:
            alias = rng.choice(short)
            aliases[alias] = s
            written.append(alias)
        else:
            written.append(s)
    groups: list[dict] = []
    if rng.random() < 0.5:
        groups.append({"name": "Skills", "keywords": written})
    else:
        cut = sorted(rng.sample(range(1, len(written)), min(len(written) - 1, rng.randint(1, 3))))
        names = rng.sample(("Technical", "Tools", "Core", "Software", "Methods", "Platforms", "Domain", "Other"), len(cut) + 1)
        for name_, part in zip(names, _split(written, cut), strict=True):
            groups.append({"name": name_, "keywords": part})

    # Contact.
    city, region = pick_city(rng, country)
    location = {"city": city, "countryCode": country}
    if region:
        location["region"] = region
    domain = rng.choice(("example.com", "example.org", "example.net", "mail.example.com"))
    user = rng.choice((_slug(first, last, sep="."), _slug(first[0], last), _slug(first, last) + str(rng.randint(1, 99)),
                       _slug(last, first[0], sep="_")))
    basics: dict = {
        "name": name,
        "label": work[0]["position"],
        "email": f"{user}@{domain}",
        "phone": _phone(rng, country),
        "location": location,
        "profiles": [],
    }
    slug = _slug(first, last, sep="-") + (str(rng.randint(1, 999)) if rng.random() < 0.4 else "")
    if rng.random() < 0.65:
        basics["profiles"].append({"network": "LinkedIn", "username": slug, "url": f"https://www.linkedin.com/in/{slug}"})
    if kind == "tech" and rng.random() < 0.5:
        gh = _slug(first[0], last) + (str(rng.randint(1, 99)) if rng.random() < 0.5 else "")
        basics["profiles"].append({"network": "GitHub", "username": gh, "url": f"https://github.com/{gh}"})
    if rng.random() < 0.12:
        basics["url"] = f"https://{_slug(first, last)}.example.com"
    if rng.random() < 0.7:
        basics["summary"] = summary(rng, work[0]["position"], rng.choice(occ["fields"]), int(years))

    resume: dict = {"basics": basics, "work": work, "education": education, "skills": groups}
    langs = [NATIVE[country]] + rng.sample([x for x in LANGUAGE_NAMES if x != NATIVE[country]], rng.randint(0, 2))
    if rng.random() < 0.6:
        resume["languages"] = [{"language": x, "fluency": "Native" if i == 0 else rng.choice(FLUENCY[1:])} for i, x in enumerate(langs)]
    if rng.random() < 0.35:
        word = occ["titles"][0].split()[-1] if rng.random() < 0.5 else occ["fields"][0]
        resume["certificates"] = [
            {"name": rng.choice(CERT_NAMES).format(occ=word), "issuer": rng.choice(CERT_ISSUERS),
             "date": _ym(now - rng.randint(3, 60))}
            for _ in range(rng.randint(1, 2))
        ]
    seniority = _level(years)
    canonical = sorted({aliases.get(k, k) for g in groups for k in g["keywords"]})
    return Person(resume=resume, occupation=occ_key, seniority=seniority, lang=lang, country=country, as_of=as_of,
                  skills_canonical=canonical, skill_aliases=aliases)


def _split(items: list[str], cuts: list[int]) -> list[list[str]]:
    out, prev = [], 0
    for c in [*cuts, len(items)]:
        out.append(items[prev:c])
        prev = c
    return out
