"""Contact details: name, label (headline), email, phone, links and location.

Read from the header (the lines before the first section heading) first, then from the whole
document for what the header lacks (an email in a sidebar or footer). Phones are normalised with
``phonenumbers``; the region used for numbers without a country code comes from the location.
"""

from __future__ import annotations

import re

import phonenumbers

from resumeiq.engine.model import Basics, ExtractedDocument, Location, Profile, Section
from resumeiq.engine.parse.places import read_location
from resumeiq.engine.parse.segment import heading_kind, iter_body
from resumeiq.engine.parse.titles import title_score

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-](?:[\w.+'-]*[\w+-])?@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])")
URL_RE = re.compile(
    r"(?<![\w@/.-])(?:https?://|www\.)[^\s<>()\"',;|]+[^\s<>()\"',;|.]"
    r"|(?<![\w@/.-])(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|me|co|ai|app|info|page|site|xyz|tech|de|uk|nl|fr|in|eu|ca|au|ie)"
    r"(?:/[^\s<>()\"',;|]*[^\s<>()\"',;|.])?(?![\w@])",
    re.IGNORECASE,
)
_PHONE_CANDIDATE = re.compile(r"(?<![\w.])(?:\+|\(?\d)[\d\s().\-/]{6,20}\d(?![\w])")
_SEPARATORS = re.compile(
    r"\s*(?:\||•|·|◦|▪|●|■|\t|\s{3,}| - | – | — |;|\b(?:tel|phone|cell|mobile|home|fax|e-?mail)\b\s*[:.#])\s*",
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
}
_ORG_WORD = re.compile(
    r"\b(?:university|college|school|institute|department|center|centre|inc|ltd|llc|corp|company|"
    r"group|services|solutions|technologies|bank|hospital|academy|association|society|children)\b",
    re.IGNORECASE,
)

_NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "twitter.com": "Twitter",
    "x.com": "X",
    "stackoverflow.com": "Stack Overflow",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
    "medium.com": "Medium",
    "kaggle.com": "Kaggle",
    "indeed.com": "Indeed",
    "facebook.com": "Facebook",
    "instagram.com": "Instagram",
    "youtube.com": "YouTube",
    "scholar.google.com": "Google Scholar",
    "researchgate.net": "ResearchGate",
    "orcid.org": "ORCID",
}


def parse_basics(doc: ExtractedDocument, sections: list[Section]) -> Basics:
    text = doc.text
    header = next((s for s in sections if s.kind == "header"), None)
    header_spans = [(s, e) for s, e, _ in iter_body(doc, header)] if header else []
    contact_sections = [s for s in sections if s.kind == "personal"]
    for sec in contact_sections:
        header_spans.extend((s, e) for s, e, _ in iter_body(doc, sec))
    if not header_spans and doc.lines:
        header_spans = [(ln.start, ln.end) for ln in doc.lines[:8]]
    basics = Basics()

    email = _find_email(text, header_spans) or _find_email(text, [(0, len(text))])
    if email:
        basics.email, basics.evidence["email"] = email[0].rstrip("."), email[1]

    location = _find_location(text, header_spans)
    if location:
        basics.location = location
    region = location.countryCode if location and location.countryCode else None

    phone = _find_phone(text, header_spans, region) or _find_phone(text, [(0, min(len(text), 3000))], region)
    if phone:
        basics.phone, basics.evidence["phone"] = phone

    _add_links(basics, text, header_spans, sections)

    name_line = _find_name(doc, header_spans)
    if name_line:
        s, e = name_line
        basics.name = _clean_name(text[s:e])
        basics.evidence["name"] = (s, e)
        label = _find_label(doc, header_spans, e)
        if label:
            basics.label, basics.evidence["label"] = text[label[0] : label[1]].strip(), label
    return basics


_PLACEHOLDER = re.compile(r"^(?:x+|your[._-]?(?:name|email)|name|email)@|@(?:example|domain|email)\.com$", re.IGNORECASE)
_EMAIL_TAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]*)*$")
_EMAIL_CONT = re.compile(r"\n(\.?[a-z]{1,4}(?:\.[a-z]{2,3})?)(?=\s|$)")


def _find_email(text: str, spans) -> tuple[str, tuple[int, int]] | None:
    """The first email address, also when a narrow column wrapped it ("name@gmail" + "\n.com")."""
    for s, e in spans:
        for m in re.finditer(r"[^\s]*@[^\s]*", text[s:e]):
            a, b = s + m.start(), s + m.end()
            full = EMAIL_RE.search(text, a, b)
            tail = _EMAIL_TAIL.search(text, a, b) if b == e else None
            cont = _EMAIL_CONT.match(text, b) if tail else None
            if cont:
                joined = text[tail.start() : b] + cont.group(1)
                if EMAIL_RE.fullmatch(joined):
                    return joined, (tail.start(), cont.end())
            if full and not _PLACEHOLDER.match(full.group(0)):
                return full.group(0).rstrip("."), (full.start(), full.end())
    return None


def _find_phone(text: str, spans, region: str | None) -> tuple[str, tuple[int, int]] | None:
    regions = [region] if region else []
    regions += [r for r in ("US", "GB", "IN", "DE", "FR", "AU", "CA", "IE", "NL") if r not in regions]
    for s, e in spans:
        for m in _PHONE_CANDIDATE.finditer(text, s, e):
            raw = m.group(0).strip()
            digits = re.sub(r"\D", "", raw)
            if not 7 <= len(digits) <= 15 or _looks_like_date(raw):
                continue
            for reg in regions:
                try:
                    num = phonenumbers.parse(raw, reg)
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(num):
                    fmt = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
                    return fmt, (m.start(), m.end())
            if len(digits) >= 10:  # a number that no numbering plan knows (e.g. 123-345-7890): as written
                return raw, (m.start(), m.end())
    return None


def _looks_like_date(raw: str) -> bool:
    return bool(re.fullmatch(r"\(?(?:19|20)\d\d\s*[-–/.]\s*(?:19|20)?\d\d\)?", raw.strip())) or bool(
        re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", raw.strip())
    )


def _add_links(basics: Basics, text: str, spans, sections: list[Section]) -> None:
    seen: set[str] = set()
    # Links anywhere in the header, then the rest of the document (a "Links" section or footer).
    search = [(s, e, True) for s, e in spans] + [(0, len(text), False)]
    for s, e, in_header in search:
        for m in URL_RE.finditer(text, s, e):
            url = m.group(0)
            if "@" in text[max(0, m.start() - 1) : m.start()] or EMAIL_RE.fullmatch(url):
                continue
            key = re.sub(r"^(https?://)?(www\.)?", "", url.lower()).rstrip("/")
            if key in seen:
                continue
            seen.add(key)
            host = key.split("/")[0]
            network = next((n for d, n in _NETWORKS.items() if host == d or host.endswith("." + d)), None)
            if network:
                parts = [p for p in key.split("/")[1:] if p]
                username = parts[-1] if parts and parts[0] not in ("company", "jobs") else None
                profile = Profile(network=network, url=_with_scheme(url), username=username)
                profile.evidence["url"] = (m.start(), m.end())
                basics.profiles.append(profile)
            elif basics.url is None and in_header:
                basics.url = _with_scheme(url)
                basics.evidence["url"] = (m.start(), m.end())


def _with_scheme(url: str) -> str:
    return url if re.match(r"https?://", url, re.IGNORECASE) else "https://" + url


_LOCATION_GAPS = re.compile(r"\s{2,}|\s~\s")


def _find_location(text: str, spans) -> Location | None:
    for s, e in spans:
        line = text[s:e]
        for piece_m in _iter_pieces(line):
            # Two spaces or a tilde also part the items of a header line ("48 Alder Rd.  Portland, OR").
            pos = 0
            for sub in [*_LOCATION_GAPS.split(piece_m[0])]:
                at = piece_m[0].find(sub, pos)
                pos = at + len(sub)
                loc = _piece_location(sub, s + piece_m[1] + at)
                if loc:
                    return loc
    return None


def _piece_location(raw: str, offset: int) -> Location | None:
    piece = raw.strip(" ,")
    if not piece or "@" in piece or URL_RE.search(piece):
        return None
    if len(piece) > 60:
        # An office and an institution before the place ("Alumni Office, Lakemont College,
        # Rochester, New York USA 14604"): its last two parts.
        parts = piece.split(", ")
        piece = ", ".join(parts[-2:]) if len(parts) > 2 else ""
        if not piece or len(piece) > 60:
            return None
    if title_score(piece.split(",")[0]) >= 0.5:
        return None
    loc = read_location(piece)
    if loc:
        start = offset + raw.find(piece)
        loc.evidence["city"] = (start, start + len(piece))
    return loc


def _iter_pieces(line: str):
    pos = 0
    for m in _SEPARATORS.finditer(line):
        yield line[pos : m.start()], pos
        pos = m.end()
    yield line[pos:], pos


def _find_name(doc: ExtractedDocument, spans) -> tuple[int, int] | None:
    """The candidate's name: an early header line (or its leading words) that reads as a personal
    name — not a job title, a place, a heading or an organisation — preferring the biggest font
    and a DOCX/Markdown title."""
    text = doc.text
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
        for piece in [p for part in _SEPARATORS.split(raw.strip())[:2] for p in re.split(r"\s{2,}", part)][:2]:
            piece = re.sub(r"^(?:#{1,6}\s*|name\s*[:\-]\s*)", "", piece, flags=re.IGNORECASE).strip(" ,*_")
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
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c[0], -c[1]))
    return best[1], best[2]


def _leading_name(piece: str) -> str | None:
    """``piece`` if it is a name, else its leading 2–4 words if those are a name followed by
    something else: a headline in capitals ("Rosa Maria Lind SAP BASIS CONSULTANT") or a street
    address ("Ines Okoro 14 Birch Lane")."""
    if _is_name(piece):
        return piece
    words = piece.split()
    for k in range(min(4, len(words) - 1), 1, -1):
        head, rest = " ".join(words[:k]), words[k]
        if not _is_name(head):
            continue
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
    if low & _NOT_NAME_WORDS:
        return False
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
    if title_score(piece) >= 0.5 or read_location(piece) is not None or _ORG_WORD.search(piece):
        return False
    from resumeiq.engine.parse.education import find_degree

    if find_degree(piece, 0, len(piece)):
        return False  # "BA Elementary", "PhD Education"
    return not _covered_by_skills(piece)


def _covered_by_skills(piece: str) -> bool:
    from resumeiq.engine.parse.skills import find_skills

    hits = find_skills(piece)
    return bool(hits) and sum(h.end - h.start for h in hits) >= 0.8 * len(piece.replace(" ", ""))


def _clean_name(raw: str) -> str:
    name = " ".join(raw.split()).strip(" ,|")
    if name.isupper():
        name = " ".join(w.capitalize() if w.lower() not in _NAME_PARTICLES else w.lower() for w in name.split())
    return name


def _find_label(doc: ExtractedDocument, spans, name_end: int) -> tuple[int, int] | None:
    text = doc.text
    for s, e in spans:
        if e <= name_end:
            continue
        raw = text[max(s, name_end) : e].strip(" \t|,")
        if not raw:
            continue
        if EMAIL_RE.search(raw) or URL_RE.search(raw) or _PHONE_CANDIDATE.search(raw):
            return None
        if title_score(raw) >= 0.5 and len(raw) <= 80:
            start = text.find(raw, max(s, name_end))
            return start, start + len(raw)
        return None
    return None
