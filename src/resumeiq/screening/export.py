"""A screening as CSV: one row per item, completed ones best first with their rank, then failed,
duplicate and unfinished items by position, each with its reason."""

from __future__ import annotations

import csv
import io
import uuid

from resumeiq.matches.schemas import related_labels, skill_names, split_skills
from resumeiq.screening.models import ItemStatus, Screening, ScreeningItem
from resumeiq.screening.schemas import label

_IDENTITY = ["name", "email", "phone", "location", "filename"]
# A cell starting with one of these is a formula to a spreadsheet (CSV injection): quote it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def screening_csv(screening: Screening, items: list[ScreeningItem], positions: dict[uuid.UUID, int]) -> str:
    """The CSV text. A blind screening has no identity columns; ``candidate`` is "Candidate N"."""
    header = ["rank", "position", "candidate", "status", "score", "category"]
    header += [] if screening.blind else _IDENTITY
    header += ["matched_required", "related_required", "missing_required", "duplicate_of_position", "error",
               "item_id"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    rank = 0
    for item in items:
        scored = item.status == ItemStatus.COMPLETED
        rank += scored
        details = item.details or {}
        row: list[object] = [
            rank if scored else "",
            item.position,
            label(item, blind=screening.blind),
            item.status,
            item.score,
            item.category,
        ]
        if not screening.blind:
            row += [
                item.candidate_name,
                item.candidate_email,
                item.candidate_phone,
                item.candidate_location,
                item.filename,
            ]
        row += [
            "; ".join(skill_names(split_skills(details, "required")[0])),
            "; ".join(related_labels(split_skills(details, "required")[1])),
            "; ".join(skill_names(details.get("missing_required"))),
            positions.get(item.duplicate_of_id) if item.duplicate_of_id else None,
            item.error,
            item.id,
        ]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()
