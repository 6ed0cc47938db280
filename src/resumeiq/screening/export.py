"""A screening as a table a recruiter opens (CSV or XLSX, the columns of ``resumeiq.exports``):
one row per item, completed ones best first with their rank, then failed, duplicate and
unfinished items by position, each with its reason. A blind screening has no identity columns
(e-mail, phone, location, file) and names each candidate "Candidate N"."""

from __future__ import annotations

import uuid

from resumeiq.exports import CandidateRow, Cell, header, to_csv, to_xlsx
from resumeiq.matches.schemas import related_labels, skill_names, split_skills
from resumeiq.screening.models import ItemStatus, Screening, ScreeningItem
from resumeiq.screening.schemas import label


def screening_rows(
    screening: Screening,
    items: list[ScreeningItem],
    positions: dict[uuid.UUID, int],
    *,
    category: str | None = None,
) -> list[CandidateRow]:
    """``items`` in export order (``service.all_items``); ``positions``: item id → position. With
    ``category``, only that category's rows (ranked among all items)."""
    by_id = {item.id: item for item in items}
    ranks: dict[uuid.UUID, int] = {}
    for item in items:
        if item.status == ItemStatus.COMPLETED:
            ranks[item.id] = len(ranks) + 1
    rows = []
    for item in items:
        if category is not None and item.category != category:
            continue
        details = item.details or {}
        matched, related = split_skills(details, "required")
        rows.append(
            CandidateRow(
                rank=ranks.get(item.id),
                name=label(item, blind=screening.blind),
                score=item.score,
                category=item.category or item.status,
                years=(details.get("experience") or {}).get("relevant_years"),
                matched_required=skill_names(matched),
                related_required=related_labels(related),
                missing_required=skill_names(details.get("missing_required")),
                matched_preferred=skill_names(split_skills(details, "preferred")[0]),
                explanation=details.get("explanation"),
                email=item.candidate_email,
                phone=item.candidate_phone,
                location=item.candidate_location,
                file=item.filename,
                duplicate_of=duplicate_of(item, by_id, ranks, positions, blind=screening.blind),
                error=item.error,
            )
        )
    return rows


def duplicate_of(
    item: ScreeningItem,
    by_id: dict[uuid.UUID, ScreeningItem],
    ranks: dict[uuid.UUID, int],
    positions: dict[uuid.UUID, int],
    *,
    blind: bool,
) -> str | None:
    """Who this item repeats: the other item's name and rank ("Ada Lovelace (#1)"), from
    ``duplicate_of_id`` (set for the same file today; a duplicate found by person sets the same
    field, and shows here with no change)."""
    original_id = item.duplicate_of_id
    if original_id is None:
        return None
    original = by_id.get(original_id)
    if original is None:
        position = positions.get(original_id)
        return f"Candidate {position}" if position is not None else None
    rank = ranks.get(original_id)
    return label(original, blind=blind) + (f" (#{rank})" if rank is not None else "")


def _table(
    screening: Screening, items: list[ScreeningItem], positions: dict[uuid.UUID, int], category: str | None
) -> tuple[list[str], list[list[Cell]]]:
    rows = screening_rows(screening, items, positions, category=category)
    return header(blind=screening.blind), [row.cells(blind=screening.blind) for row in rows]


def screening_csv(
    screening: Screening,
    items: list[ScreeningItem],
    positions: dict[uuid.UUID, int],
    *,
    category: str | None = None,
) -> str:
    """The CSV text."""
    return to_csv(*_table(screening, items, positions, category))


def screening_xlsx(
    screening: Screening,
    items: list[ScreeningItem],
    positions: dict[uuid.UUID, int],
    *,
    category: str | None = None,
) -> bytes:
    """The XLSX workbook: one sheet, "Screening", with the columns of the CSV."""
    columns, rows = _table(screening, items, positions, category)
    return to_xlsx([("Screening", columns, rows)])
