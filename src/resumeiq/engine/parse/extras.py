"""Smaller sections: summary, certificates, languages, projects."""

from __future__ import annotations

import re

from resumeiq.engine.model import Certificate, ExtractedDocument, Language, Project, Section
from resumeiq.engine.parse.dates import find_date_ranges
from resumeiq.engine.parse.lines import body_lines, split_pieces

_FLUENCY = re.compile(
    r"\b(?:native(?: speaker)?|mother tongue|bilingual|fluent|fluency|proficient|full professional(?: proficiency)?|"
    r"professional working(?: proficiency)?|limited working(?: proficiency)?|elementary(?: proficiency)?|"
    r"conversational|intermediate|advanced|basic|beginner|working knowledge|business level|[ABC][12])\b",
    re.IGNORECASE,
)
_LANGUAGE_NAME = re.compile(r"^[A-Z][a-zà-ÿ]+(?:\s(?:Sign Language|[A-Z][a-z]+))?$")


def parse_summary(doc: ExtractedDocument, section: Section) -> tuple[str, tuple[int, int]] | None:
    lines = body_lines(doc, section)
    if not lines:
        return None
    text = " ".join(" ".join(bl.text for bl in lines).split())
    return text, (lines[0].start, lines[-1].end)


def parse_certificates(doc: ExtractedDocument, section: Section) -> list[Certificate]:
    out: list[Certificate] = []
    for bl in body_lines(doc, section):
        if out and not bl.bullet and bl.text[:1].islower():
            continue  # a wrapped line
        cert = Certificate()
        dates = find_date_ranges(doc.text, bl.start, bl.end)
        text = bl.text
        if dates:
            d = dates[-1]
            cert.date = d.end or d.start
            cert.evidence["date"] = d.span
            a, b = d.span[0] - bl.start, d.span[1] - bl.start
            text = text[:a] + " " * (b - a) + text[b:]
        pieces = split_pieces(text, bl.start)
        if not pieces:
            continue
        name, s, e = pieces[0]
        issuer = pieces[1] if len(pieces) > 1 else None
        if issuer is None and ", " in name:
            # "AWS Certified Solutions Architect, Amazon Web Services": issuer after the last comma
            head, _, tail = name.rpartition(", ")
            if len(tail.split()) <= 5 and "(" not in tail:
                issuer = (tail, s + len(head) + 2, e)
                name, e = head, s + len(head)
        cert.name, cert.evidence["name"] = name.strip(" ,"), (s, e)
        if issuer:
            cert.issuer, cert.evidence["issuer"] = issuer[0], (issuer[1], issuer[2])
        out.append(cert)
    return out


def parse_languages(doc: ExtractedDocument, section: Section) -> list[Language]:
    out: list[Language] = []
    for bl in body_lines(doc, section):
        for piece, s, e in split_pieces(bl.text.replace(",", "\t"), bl.start):
            fluency = _FLUENCY.search(piece)
            name = re.split(r"\s*[(:\-–—]\s*|\s+(?=\b(?:native|fluent|basic|intermediate|advanced)\b)", piece, maxsplit=1)[0].strip()
            if not name:
                continue
            if fluency and fluency.start() == 0 and out and not out[-1].fluency:
                out[-1].fluency = piece.strip(" ()")
                out[-1].evidence["fluency"] = (s, e)
                continue
            if not _LANGUAGE_NAME.match(name):
                if out and not out[-1].fluency and len(piece) < 40:
                    out[-1].fluency = piece.strip(" ()")  # "English" / "Native speaker" on the next line
                    out[-1].evidence["fluency"] = (s, e)
                continue
            lang = Language(language=name)
            lang.evidence["language"] = (s, s + len(name))
            rest = piece[len(name) :].strip(" ()-–—:")
            if rest:
                lang.fluency = rest
                lang.evidence["fluency"] = (s + piece.find(rest), e)
            out.append(lang)
    return out


def parse_projects(doc: ExtractedDocument, section: Section) -> list[Project]:
    out: list[Project] = []
    for bl in body_lines(doc, section):
        if out and (bl.bullet or bl.text[:1].islower()) and bl.words > 3:
            out[-1].highlights.append(bl.text)
            continue
        pieces = split_pieces(bl.text, bl.start)
        if not pieces:
            continue
        name, s, e = pieces[0]
        project = Project(name=name)
        project.evidence["name"] = (s, e)
        if len(pieces) > 1:
            project.description = " ".join(p[0] for p in pieces[1:])
        dates = find_date_ranges(doc.text, bl.start, bl.end)
        if dates:
            project.startDate = dates[0].start
            project.endDate = None if dates[0].current else (dates[0].end or dates[0].start)
        out.append(project)
    return out
