from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExtractLimits:
    """Bounds that keep a hostile file from costing time or memory. Sizes in bytes."""

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 50
    max_chars: int = 400_000  # extracted text
    max_docx_uncompressed: int = 50 * 1024 * 1024  # sum of all ZIP entries once inflated
    max_zip_entries: int = 2_000
    max_compression_ratio: int = 200  # per ZIP entry, inflated / compressed


DEFAULT_LIMITS = ExtractLimits()
