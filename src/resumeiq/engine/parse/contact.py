"""Contact details: name, label (headline), email, phone, links and location.

Read from the header (the lines before the first section heading) first, then from the whole
document for what the header lacks (an email in a sidebar or footer). Phones are read by
``phones``: a national number takes the country of the location read here, and none when no
location or numbering plan says which.
"""

from __future__ import annotations

import re
from functools import cache

from resumeiq.engine._data import load_json
from resumeiq.engine.model import Basics, ExtractedDocument, Location, Section
from resumeiq.engine.parse.emails import EMAIL_RE, find_email
from resumeiq.engine.parse.phones import PHONE_CANDIDATE, find_phone, phone_in_named_country
from resumeiq.engine.parse.places import countries_named, location_countries, looks_like_street, read_location
from resumeiq.engine.parse.profiles import URL_RE, add_links
from resumeiq.engine.parse.segment import heading_kind, iter_body, normalize_heading
from resumeiq.engine.parse.titles import title_score

_SEPARATORS = re.compile(
    r"\s*(?:\||•|·|◦|▪|●|■|\t|\s{3,}| - | – | — |;|(?:^|\s)/(?:\s|$)|"
    r"\b(?:tel|phone|cell|mobile|home|fax|e-?mail|address|location)\b\s*[:.#])\s*",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ][A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ'’.-]*$")
_NAME_PARTICLES = {"van", "de", "der", "den", "von", "da", "di", "del", "la", "le", "du", "dos", "das", "bin", "al", "el", "y", "ter", "ten"}
# Letters after a name: ", MBA, PMP", ", MS (EE), MS (OR), CSM", ", M.ED."
_CREDENTIALS = re.compile(
    r"(?:,\s*(?=[A-Za-z.]*(?:[A-Z][a-z]*[A-Z]|[A-Z]\.))(?:[A-Z][A-Za-z]{0,3}\.?){1,4}(?:\s*\([A-Z]{2,5}\))?)+\s*$"
)
_NOT_NAME_WORDS = {
    "resume", "résumé", "curriculum", "vitae", "cv", "profile", "contact", "page", "email", "phone", "address",
    "mobile", "name", "sample", "template", "seeker", "applicant", "candidate", "student", "graduate",
    "objective", "summary", "confidential", "references", "dear", "sincerely",
    "cum", "laude",  # an honour ("Magna Cum Laude") standing on its own line
    "po", "p.o",  # "PO Box 118": an address
}
_ORG_WORD = re.compile(
    r"\b(?:university|college|school|institute|department|center|centre|inc|ltd|llc|corp|company|"
    r"group|services|solutions|technologies|bank|hospital|academy|association|society|children)\b",
    re.IGNORECASE,
)

# Icon glyphs of the private use areas (Font Awesome's envelope U+F0E0, phone U+F095, …) set
# before contact items: read as separators, one character for one, so that spans stay valid.
_ICONS = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")


def parse_basics(doc: ExtractedDocument, sections: list[Section]) -> Basics:
    text = _ICONS.sub("|", doc.text)
    # (a name read after a margin heading is a header of its own, after the lines above it)
    header_spans = [(s, e) for sec in sections if sec.kind == "header" for s, e, _ in iter_body(doc, sec)]
    contact_sections = [s for s in sections if s.kind == "personal" or _is_location_heading(s)]
    for sec in contact_sections:
        header_spans.extend((s, e) for s, e, _ in iter_body(doc, sec))
    if not header_spans and doc.lines:
        header_spans = [(ln.start, ln.end) for ln in doc.lines[:8]]
    # A referee's e-mail and phone are not the candidate's: references are searched nowhere.
    referees = _referee_spans(doc, sections)
    header_spans = _without(header_spans, referees)
    everywhere = _without([(0, len(text))], referees)
    basics = Basics()

    email = find_email(text, header_spans) or find_email(text, everywhere)
    if email:
        basics.email, basics.evidence["email"] = email

    labelled = _labelled_name(doc, text, header_spans)
    name_line = None if labelled else _find_name(doc, text, header_spans)
    location = _find_location(text, header_spans, name_line) or _find_location(text, _without(_address_spans(doc, text), referees))
    if location:
        basics.location = location
    countries = location_countries(location, text[slice(*location.evidence["city"])]) if location else ()

    early = _without([(0, 3000)], referees)
    phone = find_phone(text, header_spans, countries) or find_phone(text, early, countries)
    if phone and not phone[0].startswith("+") and not countries:
        # No location in the header: a country the resume names elsewhere (its schools' and
        # employers' cities) in whose plan the number is valid as written.
        placed = phone_in_named_country(text[slice(*phone[1])], countries_named(text[: everywhere[-1][1]] if everywhere else text))
        if placed:
            phone = (placed, phone[1])
    if phone:
        basics.phone, basics.evidence["phone"] = phone

    add_links(basics, text, header_spans, everywhere, doc.links)

    if labelled:
        basics.name, basics.evidence["name"] = labelled
    elif name_line:
        s, e = name_line
        basics.name = _clean_name(text[s:e])
        basics.evidence["name"] = (s, e)
        label = _find_label(text, header_spans, e)
        if label:
            basics.label, basics.evidence["label"] = text[label[0] : label[1]].strip(), label
    return basics


def _referee_spans(doc: ExtractedDocument, sections: list[Section]) -> list[tuple[int, int]]:
    """Where referees are listed: a references section, and the rest of any section from a line
    that starts with "Referees" or "Reference:"."""
    out = []
    hints = _referee_hints()
    low = doc.text.lower()
    hinted = any(w in low for w in hints)  # most resumes name no referee at all
    for sec in sections:
        if sec.kind == "references":
            out.append((sec.heading_span[0] if sec.heading_span else sec.start, sec.end))
            continue
        for s, e, _ in iter_body(doc, sec) if hinted else ():
            if not any(w in low[s:e] for w in hints):
                continue
            if _referee_label().match(doc.text, s, e) or (
                e - s <= 40 and heading_kind(doc.text[s:e], fuzzy=False) == "references"
            ):
                out.append((s, sec.end))
                break
    return sorted(out)


@cache
def _referee_hints() -> tuple[str, ...]:
    """Words one of which every referee label and every references heading holds (lower case)."""
    single = [p for p in load_json("headings.json")["sections"]["references"] if " " not in p]
    return tuple(sorted({w.lower() for w in (*load_json("contact.json")["referee_labels"], *single)}))


@cache
def _referee_label() -> re.Pattern[str]:
    """ "Referees", "Reference:" starting a line (data/contact.json)."""
    words = "|".join(map(re.escape, load_json("contact.json")["referee_labels"]))
    return re.compile(rf"\W*(?i:{words})(?:\s*[:\-–]|$|\s+(?=[A-Z]))")


def _without(spans, holes) -> list[tuple[int, int]]:
    """``spans`` with the parts inside ``holes`` (sorted) cut out."""
    out = []
    for s, e in spans:
        for a, b in holes:
            if b <= s or a >= e:
                continue
            if a > s:
                out.append((s, a))
            s = max(s, b)
        if s < e:
            out.append((s, e))
    return out


_LOCATION_GAPS = re.compile(r"\s{2,}|\s~\s")


@cache
def _address_label() -> re.Pattern[str]:
    labels = sorted(load_json("contact.json")["address_labels"], key=len, reverse=True)
    return re.compile(r"\W{0,3}(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in labels) + r")\s*:\s*(?=\S)", re.IGNORECASE)


_ADDRESS_LINES = 60


def _address_spans(doc: ExtractedDocument, text: str) -> list[tuple[int, int]]:
    """The text after an address label ("Home Address: …") on a line near the top, wherever its
    section (a "Personal details" block read as another section), with the next line when the
    address runs on after a comma."""
    spans: list[tuple[int, int]] = []
    lines = doc.lines[:_ADDRESS_LINES]
    for k, ln in enumerate(lines):
        m = _address_label().match(text, ln.start, ln.end)
        if m is None:
            continue
        spans.append((m.end(), ln.end))
        if text[ln.start : ln.end].rstrip().endswith(",") and k + 1 < len(lines):
            spans.append((lines[k + 1].start, lines[k + 1].end))
    return spans


def _is_location_heading(section: Section) -> bool:
    """A section headed "Location" or "Region" (kind "other"): where the person lives."""
    return section.kind == "other" and normalize_heading(section.heading or "") in _location_headings()


@cache
def _location_headings() -> frozenset[str]:
    return frozenset(load_json("contact.json")["location_headings"])


def _find_location(text: str, spans, name: tuple[int, int] | None = None) -> Location | None:
    """The first place of the header a places table knows; else the first postcode and town; else
    a place set among e-mails and numbers with spaces only ("Boston, MA zhou@example.com")."""
    return (
        _first_location(text, spans, name, False)
        or _first_location(text, spans, name, True)
        or _first_location(text, spans, name, False, masked=True)
    )


def _first_location(text: str, spans, name: tuple[int, int] | None, postcodes: bool, masked: bool = False) -> Location | None:
    for s, e in spans:
        line = _masked(text[s:e]) if masked else text[s:e]
        for piece_m in _iter_pieces(line):
            # Two spaces or a tilde also part the items of a header line ("48 Alder Rd.  Portland, OR").
            pos = 0
            for sub in [*_LOCATION_GAPS.split(piece_m[0])]:
                at = piece_m[0].find(sub, pos)
                pos = at + len(sub)
                start = s + piece_m[1] + at
                # "Frankfurt am Main Hesse" without a comma is a place, but not on the name's line.
                loose = name is None or not (start < name[1] and name[0] < start + len(sub))
                loc = _piece_location(sub, start, loose, postcodes)
                if loc:
                    return loc
    return None


def _masked(line: str) -> str:
    """The line with its e-mails, web addresses and phone numbers read as separators, one
    character for one ("Boston, MA zhou@example.com (503) 555-0152" parted by spaces only)."""
    if "@" not in line and not any(c.isdigit() for c in line) and "." not in line:
        return line
    for pattern in (EMAIL_RE, URL_RE, PHONE_CANDIDATE):
        line = pattern.sub(lambda m: "|".center(len(m.group(0))), line)
    return line


def _piece_location(raw: str, offset: int, loose: bool = False, postcodes: bool = False) -> Location | None:
    piece = raw.strip(" ,")
    if not piece or "@" in piece or URL_RE.search(piece):
        return None
    whole = piece
    if len(piece) > 60:
        # An office and an institution before the place ("Alumni Office, Lakemont College,
        # Rochester, New York USA 14604"): its last two parts.
        parts = piece.split(", ")
        piece = ", ".join(parts[-2:]) if len(parts) > 2 else ""
        if not piece or len(piece) > 60:
            piece = ""
    loc = None
    if piece and title_score(piece.split(",")[0]) < 0.5:
        loc = _postcode_town(piece) if postcodes else read_location(piece, unpunctuated=loose)
    if loc:
        start = offset + raw.find(piece)
        loc.evidence["city"] = (start, start + len(piece))
    if (loc is None or loc.city is None) and not postcodes and "," in whole:
        # A country alone or nothing read: the town of a full address, if it has one.
        loc = _address_place(whole, offset + raw.find(whole)) or loc
    return loc


_NUMBER_PART = re.compile(r"^[\d\s()+./-]+$")


def _address_place(piece: str, start: int) -> Location | None:
    """The town of a full address written on one line with commas, read without the parts a
    places table cannot know: the house and street before it, a lone postcode or phone number
    after it ("No. 4, Birch Building, Elm Street, Oslo, Norway, 12345678" → Oslo, Norway; "8
    Banksia Way, Ringwood VIC 3134" → Ringwood, VIC)."""
    parts = piece.split(",")
    while len(parts) > 1 and _NUMBER_PART.match(parts[-1].strip()):
        parts.pop()
    first = 0
    while first < len(parts) - 1 and looks_like_street(parts[first].strip()) and not _has_place_words(parts[first]):
        first += 1
    if first == 0 or first >= len(parts):
        return None
    for k in range(first, max(first, len(parts) - 2) + 1):
        rest = ",".join(parts[k:]).strip(" ,")
        if not rest or len(rest) > 60 or title_score(rest.split(",")[0]) >= 0.5:
            continue
        loc = read_location(rest)
        if loc is not None and loc.city:
            at = start + piece.find(rest)
            loc.evidence["city"] = (at, at + len(rest))
            return loc
    return None


def _has_place_words(part: str) -> bool:
    """A part that names a town with its postcode ("8001 Zürich", "Ringwood VIC 3134") is no street."""
    words = [w for w in part.split() if not any(c.isdigit() for c in w)]
    return bool(words) and read_location(" ".join(words)) is not None and not looks_like_street(" ".join(words))


# A European postcode before its town ("87439 Kempten", "D-78462 Konstanz", "94320, Thiais",
# "07000 PRIVAS FRANCE"): the town need not be in the places data.
_POSTCODE_TOWN = re.compile(
    r"^(?:[A-Z]{1,2}[- ])?(?P<code>\d{4,5}),?\s+(?P<town>[A-ZÀ-Ý][\w'’.-]+(?:[ -][A-ZÀ-Ý][\w'’.-]+)?)(?:,?\s+(?P<rest>.+))?$"
)


def _postcode_town(piece: str) -> Location | None:
    m = _POSTCODE_TOWN.match(piece)
    if m is None:
        return None
    code = m.group("code")
    if len(code) == 4 and 1950 <= int(code) <= 2039:
        return None  # a year before a word, not a postcode
    country = None
    if m.group("rest"):
        country = read_location(m.group("rest"))
        if country is None or country.city is not None or country.countryCode is None:
            return None  # more than a country after the town
    town = m.group("town")
    if looks_like_street(town) or looks_like_street("x " + town.split()[0]):
        return None  # "12345 Maple Street": a house number and its street
    head, _, last = town.rpartition(" ")
    if head and country is None and (tail := read_location(last)) is not None and tail.city is None and tail.countryCode:
        town, country = head, tail  # "PRIVAS FRANCE"
    if town.isupper():
        town = town.title()
    return Location(city=town, postalCode=code, countryCode=country.countryCode if country else None)


def _iter_pieces(line: str):
    pos = 0
    for m in _SEPARATORS.finditer(line):
        yield line[pos : m.start()], pos
        pos = m.end()
    yield line[pos:], pos


# "RESUME OF Ines Okoro", "Curriculum Vitae de Ines Okoro", "Lebenslauf von Ines Okoro"
_OF_PREFIX = r"(?:resume|résumé|cv|curriculum vitae|lebenslauf|hoja de vida)\s+(?:of|de|von|di|do|da)\s+(?=[A-ZÀ-Ý])"
_NAME_PREFIX = re.compile(r"^(?:#{1,6}\s*|name\s*[:\-]\s*|" + _OF_PREFIX + ")", re.IGNORECASE)
_WIDE_GAP = re.compile(r"\s{2,}")


def _find_name(doc: ExtractedDocument, text: str, spans) -> tuple[int, int] | None:
    """The candidate's name: an early header line (or its leading words) that reads as a personal
    name — not a job title, a place, a heading or an organisation — preferring the biggest font
    and a DOCX/Markdown title."""
    candidates: list[tuple[float, int, int]] = []
    sizes = [ln.size for ln in doc.lines[:15] if ln.size]
    max_size = max(sizes) if sizes else 0
    line_by_start = {ln.start: ln for ln in doc.lines[:60]}
    rank = 0
    for s, e in spans[:16]:
        raw = text[s:e]
        if not any(c.isalpha() for c in raw):
            continue
        rank += 1
        for piece in [p for part in _SEPARATORS.split(raw.strip())[:2] for p in _WIDE_GAP.split(part)][:2]:
            piece = _NAME_PREFIX.sub("", piece).strip(" ,*_")
            piece = _CREDENTIALS.sub("", piece)
            name = _leading_name(piece)
            if name is None:
                continue
            score = 1.0 - rank * 0.08 - (0.3 if len(name) < len(piece) else 0.0)
            ln = line_by_start.get(s)
            if ln is not None:
                if max_size and ln.size >= max_size - 0.5:
                    score += 0.5
                if ln.style in ("Title", "h1"):
                    score += 0.5
            off = raw.find(name)
            candidates.append((score, s + off, s + off + len(name)))
            break
    stacked = _stacked_name(doc, text, spans, max_size)
    if stacked is not None:
        candidates.append((1.6, *stacked))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c[0], -c[1]))
    return best[1], best[2]


def _stacked_name(doc: ExtractedDocument, text: str, spans, max_size: float) -> tuple[int, int] | None:
    """A name set in the biggest type over two lines ("JOÃO VICTOR" over "LISBOA PORCEL")."""
    if not max_size:
        return None
    starts = {s for s, _e in spans[:16]}
    lines = doc.lines[:16]
    for a, b in zip(lines, lines[1:], strict=False):
        if a.start not in starts or b.start not in starts or a.page != b.page:
            continue
        if min(a.size, b.size) < max_size - max(0.5, 0.05 * max_size):
            continue
        first, second = text[a.start : a.end].strip(), text[b.start : b.end].strip()
        if not (1 <= len(first.split()) <= 3 and 1 <= len(second.split()) <= 3):
            continue
        if _is_name(f"{first} {second}") and not _is_name(first) or first.isupper() and second.isupper() and _is_name(f"{first} {second}"):
            return a.start, b.end
    return None


@cache
def _name_label() -> re.Pattern[str]:
    labels = load_json("contact.json")["name_labels"]
    groups = "|".join(
        f"(?P<{kind}>{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})" for kind, words in labels.items()
    )
    return re.compile(rf"\s*(?:{groups})\s*[:：]\s*(?P<value>.*?)\s*$", re.IGNORECASE)


def _labelled_name(doc: ExtractedDocument, text: str, spans) -> tuple[str, tuple[int, int]] | None:
    """A name given in a personal-data table: "Prénom : Solène" / "Nom : VARLIN", "Name: …", or
    "Name, Vorname:" in a label column beside "Dupont, Anne". The label decides the order."""
    label = _name_label()
    parts: dict[str, tuple[str, int, int]] = {}
    by_start = {ln.start: ln for ln in doc.lines}
    for s, e in spans[:40]:
        m = label.match(text, s, e)
        if m is None:
            continue
        kind = next(k for k in ("family_given", "full", "given", "family") if m.group(k))
        vs, ve = m.span("value")
        if vs >= ve and (ln := by_start.get(s)) is not None and ln.size:
            # The value stands in the next column on the same baseline.
            beside = [o for o in doc.lines if o.page == ln.page and abs(o.top - ln.top) < 2 and o.x0 > ln.x1 and o is not ln]
            if beside:
                vs, ve = beside[0].start, beside[0].end
        value = text[vs:ve].strip()
        words = value.replace(",", " ").split()
        if not 1 <= len(words) <= 5 or not all(_NAME_TOKEN.match(w) for w in words):
            continue
        parts.setdefault(kind, (value, vs, vs + len(value)))
    if "family_given" in parts:
        value, vs, ve = parts["family_given"]
        family, _, given = value.partition(",")
        name = f"{given.strip()} {family.strip()}" if given.strip() else family.strip()
    elif "full" in parts:
        value, vs, ve = parts["full"]
        name = value
    elif "given" in parts and "family" in parts:
        (given, gs, ge), (family, fs, fe) = parts["given"], parts["family"]
        name, vs, ve = f"{given} {family}", min(gs, fs), max(ge, fe)
    else:
        return None
    name = " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())
    return (name, (vs, ve)) if len(name.split()) >= 2 else None


def _leading_name(piece: str) -> str | None:
    """``piece`` if it is a name, else its leading 2–4 words if those are a name followed by
    something else: a headline in capitals ("Rosa Maria Lind SAP BASIS CONSULTANT") or a street
    address ("Ines Okoro 14 Birch Lane")."""
    if _is_name(piece):
        return piece
    words = piece.split()
    for k in range(min(4, len(words) - 1), 1, -1):
        head, rest = " ".join(words[:k]), words[k]
        if head.endswith(","):
            # "Nadia Petrova, Data Engineer": a comma ends the name, a headline follows.
            tail = " ".join(words[k:])
            if _is_name(head[:-1]) and (title_score(tail) >= 0.5 or read_location(f"{head} {rest}") is None):
                return head[:-1]
            continue  # not a name, or a town before its region ("Alder Springs, CA")
        if not _is_name(head) or title_score(f"{head} {rest}".rstrip(",")) >= 0.5:
            continue  # not a name, or the first words of a job title ("Senior Data Engineer")
        follows_name = _NAME_TOKEN.match(rest) and rest[:1].isupper() and (rest.isupper() == head.isupper())
        if not follows_name or title_score(" ".join(words[k:])) >= 0.5:
            return head
    return None


def _is_name(piece: str) -> bool:
    words = piece.split()
    if not 2 <= len(words) <= 5 or len(piece) > 50:
        return False
    if heading_kind(piece) is not None:
        return False
    low = {w.lower().strip(".,") for w in words}
    if low & _NOT_NAME_WORDS or words[0].lower().strip(".") in ("sr", "snr"):
        return False  # "Sr Java Developer": a title, cut short ("Jr"/"Sr" end a name, never start it)
    caps = 0
    for w in words:
        if not _NAME_TOKEN.match(w):
            return False
        if w.lower() in _NAME_PARTICLES:
            continue
        if w[0].isupper():
            caps += 1
        else:
            return False
    if not (caps >= 2 or (caps >= 1 and len(words) == 2)):
        return False
    # A job title, a place, an organisation or a skill is not a person's name.
    if title_score(piece) >= 0.5 and not _proper_before_head(words):
        return False
    if read_location(piece) is not None or _ORG_WORD.search(piece):
        return False
    from resumeiq.engine.parse.education import find_degree

    if find_degree(piece, 0, len(piece)):
        return False  # "BA Elementary", "PhD Education"
    if _covered_by_skills(piece):
        return False
    # "Key Elements", "Online Applications", "Excellent Java": every word an ordinary word or a
    # skill; a name has at least one word of its own.
    own = [w for w in (t.lower().strip(".,'’") for t in words) if len(w) > 1 and w not in _NAME_PARTICLES]
    return not all(_ordinary_word(w) for w in own)


def _proper_before_head(words: list[str]) -> bool:
    """Every word before the last is no ordinary word, skill or title word: a given name before a
    surname that is also a job's head noun ("Oyelaran Hand", "Ayodele Cook"), not "Farm Hand"."""
    from resumeiq.engine.parse.titles import title_score as score

    if words[-1].lower().strip(".,") not in _common_words()[1]:
        return False  # "Deloitte Consultant": the head is no surname
    return all(not _ordinary_word(w.lower().strip(".,")) and score(w) < 0.5 for w in words[:-1])


def _ordinary_word(word: str) -> bool:
    """A word of ordinary prose or a skill, and no common given name or surname ("will", "hall")."""
    common, name_words = _common_words()
    return word not in name_words and (word in common or _covered_by_skills(word))


@cache
def _common_words() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(load_json("common_words.json")["words"]), frozenset(load_json("contact.json")["name_words"])


def _covered_by_skills(piece: str) -> bool:
    from resumeiq.engine.parse.skills import find_skills

    hits = find_skills(piece)
    return bool(hits) and sum(h.end - h.start for h in hits) >= 0.8 * len(piece.replace(" ", ""))


def _clean_name(raw: str) -> str:
    name = " ".join(raw.split()).strip(" ,|")
    if name.isupper():
        name = " ".join(w.capitalize() if w.lower() not in _NAME_PARTICLES else w.lower() for w in name.split())
    return name


def _find_label(text: str, spans, name_end: int) -> tuple[int, int] | None:
    for s, e in spans:
        if e <= name_end:
            continue
        raw = text[max(s, name_end) : e].strip(" \t|,")
        if not raw:
            continue
        if EMAIL_RE.search(raw) or URL_RE.search(raw) or PHONE_CANDIDATE.search(raw):
            return None
        if title_score(raw) >= 0.5 and len(raw) <= 80:
            start = text.find(raw, max(s, name_end))
            return start, start + len(raw)
        return None
    return None
