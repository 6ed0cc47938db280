"""Phone numbers: the candidate's number, in international form only when its country is known.

A number written with its country code ("+44 20 7946 0958", "0049 30 901820") keeps it. A national
number ("07700 900123", "(312) 555-0142") takes the country of the resume's own location when it
fits that country's numbering plan (``phonenumbers``: a possible length, the plan's leading digits,
the trunk prefix "0" where the country writes one). With no location, it takes the one country,
among a few common ones (``data/contact.json``), in which ``phonenumbers`` finds it valid and which
groups its digits the way they are written. Otherwise it is given as written, without a "+":
better no country than a wrong one.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber, PhoneNumberFormat

from resumeiq.engine._data import load_json

Span = tuple[int, int]

# Digits with the separators of phone numbers, on one line (two stacked dates are not a number).
PHONE_CANDIDATE = re.compile(r"(?<![\w./])(?:\+|\(?\d)[\d ().\-/]{6,20}\d(?![\w])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_INTERNATIONAL = re.compile(r"^\s*(?:\+|00(?=[1-9]))")
_WRAPPED_HEAD = re.compile(r"(?<![\w+])(\+\d[\d ]{0,7}?) ?\n$")


@cache
def default_regions() -> tuple[str, ...]:
    """Regions tried for a national number when the resume names no country."""
    return tuple(load_json("contact.json")["phone_regions"])


def find_phone(text: str, spans, countries: tuple[str, ...] = ()) -> tuple[str, Span] | None:
    """The first phone number in ``spans`` of ``text``: its value and its span. ``countries`` are
    the ISO codes the resume's own location may be in (usually one; none when it names none)."""
    for s, e in spans:
        for m in PHONE_CANDIDATE.finditer(text, s, e):
            if _in_url(text, m.start(), m.end()):
                continue
            found = _read(m.group(0), m.start(), countries, _labelled(text, s, m.start()))
            head = _WRAPPED_HEAD.search(text, max(0, m.start() - 12), m.start())
            if head is not None and not (found and found[0].startswith("+")):
                # "… Phone: +20 10" / "0123 4567": a number wrapped after its country code
                joined = _read(f"{head.group(1)} {m.group(0)}", head.start(1), countries)
                if joined is not None and joined[0].startswith("+"):
                    found = (joined[0], (head.start(1), m.end()))
            if (found is None or not found[0].startswith("+")) and "/" in m.group(0):
                # "(312) 555-0142 / 2019", "… / (312) 555-0199": the pieces between slashes
                # ("0221/1234567" is one number, and stays one when no piece reads better)
                pieces = []
                pos = m.start()
                for piece in m.group(0).split("/"):
                    at = pos + len(piece) - len(piece.lstrip())
                    pieces.append(_read(piece.strip(), at, countries))
                    pos += len(piece) + 1
                pieces = [p for p in pieces if p is not None]
                placed = [p for p in pieces if p[0].startswith("+")]
                found = placed[0] if placed else found or (pieces[0] if pieces else None)
            if found is not None:
                return found
    return None


def _read(raw: str, start: int, countries: tuple[str, ...], labelled: bool = False) -> tuple[str, Span] | None:
    if not raw or looks_like_date(raw):
        return None
    value = phone_value(raw, countries)
    if value is None and labelled and len(re.sub(r"\D", "", raw)) >= 7:
        value = _as_written(raw)  # "Tel: 661204875": a number of a plan the defaults do not know
    return (value, (start, start + len(raw))) if value is not None else None


@cache
def _label() -> re.Pattern[str]:
    words = "|".join(map(re.escape, load_json("contact.json")["phone_labels"]))
    return re.compile(rf"\b(?:{words})\.?\s*(?:no\.?|number)?\s*[:.#-]?\s*$", re.IGNORECASE)


def _labelled(text: str, line_start: int, start: int) -> bool:
    """A phone label stands just before ``start`` on its line ("Tel: ", "Mobile - ")."""
    a = max(line_start, text.rfind("\n", 0, start) + 1, start - 24)
    return bool(_label().search(text, a, start))


def looks_like_date(raw: str) -> bool:
    """A date or a range of dates, not a number: every group of digits is a year or a month or
    day ("2022-05", "2019-08-01", "05/2016 - 09/2019", "2016 - 2019"), one of them a year."""
    if raw.lstrip().startswith("+"):
        return False
    groups = re.findall(r"\d+", raw)
    years = sum(1 for g in groups if _YEAR.fullmatch(g))
    return years > 0 and all(_YEAR.fullmatch(g) or (len(g) <= 2 and int(g) <= 31) for g in groups)


def _in_url(text: str, start: int, end: int) -> bool:
    """The digits are part of a web address ("…/2021/04/…", "…?id=5551234567")."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    token = text[a:b].lower()
    return "://" in token or token.startswith("www.") or "/" in text[a:start]


def phone_value(raw: str, countries: tuple[str, ...] = ()) -> str | None:
    """``raw`` as a phone: international format when its country is known, else as written
    (spaces collapsed); None when it is no phone number."""
    raw = raw.strip()
    digits = re.sub(r"\D", "", raw)
    if not 7 <= len(digits) <= 15:
        return None
    if _INTERNATIONAL.match(raw):
        try:
            num = phonenumbers.parse(raw if raw.startswith("+") else "+" + raw.lstrip()[2:], None)
        except phonenumbers.NumberParseException:
            num = None
        if num is not None and phonenumbers.is_possible_number(num):
            return phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
        return _as_written(raw) if len(digits) >= 10 else None
    num = _national(raw, digits, countries) if countries else _unplaced(raw, digits)
    if num is not None:
        return phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    if 10 <= len(digits) <= 13 or any(_fit(raw, digits, r) for r in (*countries, *default_regions())):
        return _as_written(raw)  # a phone, but of no country we can tell
    return None


def phone_in_named_country(raw: str, named: list[str], latest_first: bool = False) -> str | None:
    """A national number in the one country, of those the resume names (by its schools' and
    employers' cities), whose plan reads it as written (valid there, else only fitting there);
    None when none or several do, unless ``latest_first``: ``named`` is then in the order of the
    entries' dates, latest first, and the first of several countries that read it alike is taken
    (a Pune and a London number are both "020 …": where the person studied or worked last)."""
    digits = re.sub(r"\D", "", raw)
    if _INTERNATIONAL.match(raw.strip()) or not 7 <= len(digits) <= 15:
        return None
    fits = [num for c in named if (num := _fit(raw.strip(), digits, c)) is not None]
    # The countries whose national format groups the digits as written, else all that fit; of
    # those, the ones where the number is valid. A number of a range the library does not list
    # as in use (a new mobile block, the numbers kept for drama) still fits its country's plan.
    fits = [num for num in fits if _groups_agree(raw, num)] or fits
    fits = [num for num in fits if phonenumbers.is_valid_number(num)] or fits
    num = _only(fits) or (fits[0] if fits and latest_first else None)
    return phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL) if num is not None else None


def _as_written(raw: str) -> str:
    return " ".join(raw.split())


def _national(raw: str, digits: str, countries: tuple[str, ...]) -> PhoneNumber | None:
    """The number in the one country of the location it fits; when the location may be in more
    than one country ("TN": Tennessee or Tamil Nadu), the one whose grouping of the digits, then
    whose validity, agrees best with the number."""
    fits = [num for c in countries if (num := _fit(raw, digits, c)) is not None]
    if len(countries) == 1 or len(fits) <= 1:
        return fits[0] if fits else None
    ranked = [((_groups_agree(raw, num), phonenumbers.is_valid_number(num)), num) for num in fits]
    best = max(rank for rank, _ in ranked)
    return _only([num for rank, num in ranked if rank == best])


def _unplaced(raw: str, digits: str) -> PhoneNumber | None:
    """No location: the number if exactly one of the default countries makes it valid as written,
    and no other country's plan reads it as written either ("07700 900123" is a British number
    that ``phonenumbers`` keeps for drama, and valid in Germany: it stays without a country)."""
    readings = []
    for region in default_regions():
        num = _fit(raw, digits, region)
        if num is not None and _groups_agree(raw, num):
            readings.append(num)
    if _only(readings) is None:
        return None
    return _only([num for num in readings if phonenumbers.is_valid_number(num)])


def _only(nums: list[PhoneNumber]) -> PhoneNumber | None:
    """The number when all of ``nums`` are the same one (the US and Canada share +1), else None."""
    forms = {phonenumbers.format_number(n, PhoneNumberFormat.E164) for n in nums}
    return nums[0] if len(forms) == 1 else None


def _fit(raw: str, digits: str, region: str) -> PhoneNumber | None:
    """``raw`` read as a national number of ``region`` if it fits the plan: a possible length, the
    plan's digits, and the trunk prefix written where the country writes it ("020 …" in London,
    never "20 …"; "(312) 555-0142" has none in the US)."""
    try:
        num = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    meta = PhoneMetadata.metadata_for_region(region)
    if meta is None or num.country_code != meta.country_code or not phonenumbers.is_possible_number(num):
        return None
    nsn = phonenumbers.national_significant_number(num)
    if not re.fullmatch(meta.general_desc.national_number_pattern or r"\d+", nsn):
        return None
    if digits == nsn:
        return None if _needs_trunk_prefix(meta, nsn) else num
    if digits.endswith(nsn):
        return num
    # The plan rewrites a national form into the number ("011 15-2345-9873" in Argentina is
    # +54 9 11 2345-9873): taken when the rewritten number is valid there.
    return num if meta.national_prefix_transform_rule and phonenumbers.is_valid_number(num) else None


def _formats(meta: PhoneMetadata) -> list:
    if meta.number_format:
        return list(meta.number_format)
    main = phonenumbers.region_code_for_country_code(meta.country_code)  # Canada: the US formats
    main_meta = PhoneMetadata.metadata_for_region(main)
    return list(main_meta.number_format) if main_meta else []


def _format_for(formats: list, nsn: str):
    """The plan's format for the number, chosen as ``phonenumbers`` does."""
    for fmt in formats:
        if fmt.leading_digits_pattern and not re.match(fmt.leading_digits_pattern[-1], nsn):
            continue
        if re.fullmatch(fmt.pattern, nsn):
            return fmt
    return None


def _needs_trunk_prefix(meta: PhoneMetadata, nsn: str) -> bool:
    """The country writes its national numbers like this one with a trunk prefix (GB "0…")."""
    prefix = meta.national_prefix
    if not prefix:
        return False
    formats = _formats(meta)

    def needs(fmt) -> bool:
        rule = (fmt.national_prefix_formatting_rule or "").replace("\\1", "")
        return prefix in rule and not fmt.national_prefix_optional_when_formatting

    fmt = _format_for(formats, nsn)
    return needs(fmt) if fmt is not None else any(needs(f) for f in formats)


def _groups_agree(raw: str, num: PhoneNumber) -> bool:
    """The digit groups of ``raw`` break the number where the country's national format does
    ("0417 268 394" is Australian, not French "04 17 26 83 94"); an area code in brackets without
    its trunk prefix ("(451) …") is North American. A number written in one block agrees."""
    written = re.findall(r"\d+", raw)
    if len(written) <= 1:
        return True
    national = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    if "(" in raw and "(" not in national and not re.search(r"\(\s*0", raw):
        return False
    nsn_len = len(phonenumbers.national_significant_number(num))
    return _cuts(written, nsn_len) == _cuts(re.findall(r"\d+", national), nsn_len)


def _cuts(groups: list[str], nsn_len: int) -> frozenset[int]:
    """Where the groups break the national significant number (its trunk prefix left out)."""
    total = sum(map(len, groups))
    lead = total - nsn_len
    return frozenset(c - lead for c in accumulate(map(len, groups[:-1])) if c - lead > 0)
