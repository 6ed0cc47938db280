"""Web addresses of the candidate: profiles on known networks (LinkedIn, GitHub, …) and a
personal site, read from the text and from the file's own links (a PDF link annotation, a DOCX
hyperlink), which stand in for addresses shown only as an icon or a word ("LinkedIn")."""

from __future__ import annotations

import re

from resumeiq.engine.model import Basics, Link, Profile
from resumeiq.engine.parse.emails import EMAIL_RE, continues_address, is_placeholder

Span = tuple[int, int]

URL_RE = re.compile(
    r"(?<![\w@/.-])(?:https?://|www\.)[^\s<>()\"',;|]+[^\s<>()\"',;|.]"
    r"|(?<![\w@/.-])(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|me|co|ai|app|info|page|site|xyz|tech|de|uk|nl|fr|in|eu|ca|au|ie)"
    r"(?:/[^\s<>()\"',;|]*[^\s<>()\"',;|.])?(?![\w@])",
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
_USERNAME = re.compile(r"@?[\w.%-]*\w[\w.%-]*")


def add_links(
    basics: Basics, text: str, header: list[Span], everywhere: list[Span], links: list[Link]
) -> None:
    """Profiles and the personal site into ``basics``: the addresses written in the header, then
    in the rest of the text (``everywhere``: the text outside the referees), then the file's links."""
    seen: set[str] = set()
    # Links anywhere in the header, then the rest of the document (a "Links" section or footer).
    search = [(s, e, True) for s, e in header] + [(s, e, False) for s, e in everywhere]
    for s, e, in_header in search:
        for m in URL_RE.finditer(text, s, e):
            url = m.group(0)
            if "@" in text[max(0, m.start() - 1) : m.start()] or EMAIL_RE.fullmatch(url):
                continue
            if continues_address(text, m.start()):
                continue  # the end of an e-mail address wrapped onto the next line ("l.com")
            key = _key(url)
            if key in seen or "." not in key.split("/")[0]:
                continue  # seen, or "www.janedoe" cut at the end of its line
            seen.add(key)
            host = key.split("/")[0]
            network = _network(host)
            if network:
                parts = [p for p in key.split("/")[1:] if p]
                username = parts[-1] if parts and parts[0] not in ("company", "jobs") else None
                profile = Profile(network=network, url=_with_scheme(url), username=username)
                profile.evidence["url"] = (m.start(), m.end())
                basics.profiles.append(profile)
            elif basics.url is None and in_header:
                basics.url = _with_scheme(url)
                basics.evidence["url"] = (m.start(), m.end())
    for link in links:
        _add_link(basics, link, seen, header, everywhere)


def _add_link(basics: Basics, link: Link, seen: set[str], header: list[Span], everywhere: list[Span]) -> None:
    """One link of the file: a network profile (wherever it is set, but not on a referee) when
    its address is a profile's; the personal site or the e-mail when it is set in the header."""
    url = "".join(link.url.split())  # "…/in/jane- doe-12": a space the PDF writer left in
    span = link.span
    in_header = span is not None and _overlaps(span, header)
    if span is not None and not _overlaps(span, everywhere):
        return  # under a referee
    if url[:7].lower() == "mailto:":
        address = url[7:].split("?")[0]
        if basics.email is None and in_header and EMAIL_RE.fullmatch(address) and not is_placeholder(address):
            basics.email = address
            basics.evidence["email"] = span
        return
    if not re.match(r"(?:https?://|www\.)[^/\s]+\.[^/\s]+", url, re.IGNORECASE):
        return
    key = _key(url)
    if key in seen:
        return
    seen.add(key)
    host, _, path = key.partition("/")
    network = _network(host)
    url = url.rstrip("/")
    if network is None:
        if basics.url is None and in_header:
            basics.url = _with_scheme(url)
            if span is not None:
                basics.evidence["url"] = span
        return
    username = _profile_name(network, [p for p in path.split("/") if p])
    if username is None or any(p.network == network for p in basics.profiles):
        return  # a page that is no profile ("linkedin.com/in/", a company page), or one already read
    profile = Profile(network=network, url=_with_scheme(url), username=username)
    if span is not None:
        profile.evidence["url"] = span
    basics.profiles.append(profile)


def _profile_name(network: str, parts: list[str]) -> str | None:
    """The user name in a profile's path: "in/<name>" on LinkedIn, "<name>" elsewhere."""
    if network == "LinkedIn":
        name = parts[1] if len(parts) == 2 and parts[0] in ("in", "pub") else None
    else:
        name = parts[0] if len(parts) == 1 else None
    if name is None or not _USERNAME.fullmatch(name):
        return None
    return name.lstrip("@")


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _key(url: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", url.lower()).rstrip("/")


def _network(host: str) -> str | None:
    return next((n for d, n in _NETWORKS.items() if host == d or host.endswith("." + d)), None)


def _with_scheme(url: str) -> str:
    return url if re.match(r"https?://", url, re.IGNORECASE) else "https://" + url
