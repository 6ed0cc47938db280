"""The DOCX limits read from the ZIP directory before anything is inflated, each at its boundary:
the total inflated size, the number of parts, the per-part compression ratio (for parts over
1 MB), encrypted parts; and the byte limit of any file."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from documents import docx_with_parts, docx_zip_bomb
from resumeiq.engine import ExtractLimits
from resumeiq.engine.errors import EncryptedFile, TooLarge
from resumeiq.engine.extract import extract_text

TEXT = "Tomasz Wierzbicki\nWarehouse Supervisor\nEXPERIENCE\nShift lead, Nordlicht Logistics, 2019 - Present"


def inflated_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return sum(info.file_size for info in zf.infolist())


def entries(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return len(zf.infolist())


def test_the_total_inflated_size_is_capped_at_its_limit():
    """Many parts, each small and only modestly compressed (no single one looks like a bomb),
    that add up to more than the cap."""
    parts = {f"extra/part{i}.xml": os.urandom(150_000).hex().encode()[:200_000] for i in range(6)}
    data = docx_with_parts(TEXT, parts)
    total = inflated_size(data)
    assert total > 1_200_000 and max(len(p) for p in parts.values()) < 1_000_000

    assert "Nordlicht Logistics" in extract_text(data, limits=ExtractLimits(max_docx_uncompressed=total)).text
    with pytest.raises(TooLarge) as info:
        extract_text(data, limits=ExtractLimits(max_docx_uncompressed=total - 1))
    assert info.value.code == "too_large"
    assert info.value.message == (
        f"The Word document inflates to {total / 1e6:,.0f} MB; the limit is {(total - 1) / 1e6:,.0f} MB."
    )


def test_the_default_total_cap_is_50_mb():
    parts = {f"extra/part{i}.xml": b"<x/>" * 240_000 for i in range(55)}  # 55 × 0.96 MB
    data = docx_with_parts(TEXT, parts)
    with pytest.raises(TooLarge, match=f"inflates to {inflated_size(data) / 1e6:,.0f} MB; the limit is 52 MB"):
        extract_text(data)
    assert ExtractLimits().max_docx_uncompressed == 50 * 1024 * 1024


def test_the_number_of_parts_is_capped_at_its_limit():
    data = docx_with_parts(TEXT, {f"extra/part{i}.xml": b"<x/>" for i in range(5)})
    n = entries(data)
    assert "Nordlicht Logistics" in extract_text(data, limits=ExtractLimits(max_zip_entries=n)).text
    with pytest.raises(TooLarge) as info:
        extract_text(data, limits=ExtractLimits(max_zip_entries=n - 1))
    assert info.value.message == f"The Word document holds {n:,} parts; the limit is {n - 1:,}."


def test_a_part_over_1_mb_inflating_past_the_ratio_is_a_bomb():
    bomb = docx_zip_bomb(TEXT, inflated_mb=3)
    with zipfile.ZipFile(io.BytesIO(bomb)) as zf:
        part = zf.getinfo("word/document.xml")
    ratio = part.file_size / part.compress_size
    assert ratio > 200
    with pytest.raises(TooLarge) as info:
        extract_text(bomb)  # default limits: 200-fold
    assert info.value.message == (
        f"The Word document part word/document.xml inflates {ratio:,.0f}-fold to "
        f"{part.file_size / 1e6:,.0f} MB: refused as a decompression bomb."
    )
    with pytest.raises(TooLarge, match="decompression bomb"):
        extract_text(bomb, limits=ExtractLimits(max_compression_ratio=int(ratio)))
    # Allowed a higher ratio, the same file gets past the directory check (and is read).
    assert "Nordlicht" in extract_text(bomb, limits=ExtractLimits(max_compression_ratio=int(ratio) + 1)).text


def test_the_ratio_applies_only_to_parts_over_1_mb():
    exactly = docx_with_parts(TEXT, {"extra/zeros.xml": b"\0" * 1_000_000})
    assert "Nordlicht" in extract_text(exactly).text  # 1,000,000 bytes, ~1000-fold: not "over 1 MB"
    over = docx_with_parts(TEXT, {"extra/zeros.xml": b"\0" * 1_000_001})
    with pytest.raises(TooLarge, match="extra/zeros.xml inflates"):
        extract_text(over)


def test_an_empty_part_is_no_bomb():
    data = docx_with_parts(TEXT, {"extra/empty.xml": b""}, compression=zipfile.ZIP_STORED)
    assert "Nordlicht" in extract_text(data, limits=ExtractLimits(max_compression_ratio=1)).text


def test_an_encrypted_part_is_refused_as_encrypted():
    """The directory marks word/document.xml encrypted (bit 0 of its flags): refused as such,
    before a reader asks for a password."""
    data = bytearray(docx_with_parts(TEXT, {}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        entry = zf.start_dir  # the first central directory entry
    while True:  # find the directory entry of word/document.xml
        name_len = int.from_bytes(data[entry + 28 : entry + 30], "little")
        extra_len = int.from_bytes(data[entry + 30 : entry + 32], "little")
        comment_len = int.from_bytes(data[entry + 32 : entry + 34], "little")
        if data[entry + 46 : entry + 46 + name_len] == b"word/document.xml":
            break
        entry += 46 + name_len + extra_len + comment_len
    data[entry + 8] |= 0x1
    with pytest.raises(EncryptedFile) as exc:
        extract_text(bytes(data))
    assert exc.value.message == "The Word document is encrypted; remove the password and upload it again."


def test_any_file_over_the_byte_limit_is_refused_before_reading():
    data = docx_with_parts(TEXT, {})
    assert extract_text(data, limits=ExtractLimits(max_bytes=len(data))).format == "docx"
    with pytest.raises(TooLarge) as info:
        extract_text(data, limits=ExtractLimits(max_bytes=len(data) - 1))
    assert info.value.details == {"size": len(data)}
    assert info.value.message == (
        f"The file is {len(data) / 1e6:.1f} MB; the limit is {(len(data) - 1) / 1e6:.0f} MB."
    )
    assert ExtractLimits().max_bytes == 10 * 1024 * 1024


def test_sizes_in_messages_are_in_megabytes_of_a_million_bytes():
    """1.5 MB rounds to 2 (a divisor other than 10**6 would show 1)."""
    data = docx_with_parts(TEXT, {})
    pad = 1_500_000 - inflated_size(data)
    data = docx_with_parts(TEXT, {"extra/pad.xml": os.urandom(pad // 2).hex().encode()[:pad]})
    assert inflated_size(data) == 1_500_000
    with pytest.raises(TooLarge, match=r"inflates to 2 MB; the limit is 1 MB\.$"):
        extract_text(data, limits=ExtractLimits(max_docx_uncompressed=1_499_999))
    data = docx_with_parts(TEXT, {"extra/pad.xml": os.urandom(pad // 2).hex().encode()[:pad], "extra/b": b"b"})
    with pytest.raises(TooLarge, match=r"inflates to 2 MB; the limit is 2 MB\.$"):
        extract_text(data, limits=ExtractLimits(max_docx_uncompressed=1_500_000))
    bomb = docx_with_parts(TEXT, {"extra/zeros.xml": b"\0" * 1_500_000})
    with pytest.raises(TooLarge, match=r"fold to 2 MB: refused as a decompression bomb\.$"):
        extract_text(bomb)
    text = b"Tomasz Wierzbicki\n" + b"x" * (1_050_001 - 18)
    with pytest.raises(TooLarge, match=r"] The file is 1\.1 MB; the limit is 1 MB\.$"):
        extract_text(text, limits=ExtractLimits(max_bytes=1_000_000))
    with pytest.raises(TooLarge, match=r"the limit is 2 MB\.$"):
        extract_text(text + b"x" * 450_000, limits=ExtractLimits(max_bytes=1_500_000))


def test_every_reader_gets_the_limits():
    from documents import text_pdf

    pdf = text_pdf(TEXT)
    assert extract_text(pdf).format == "pdf"
    with pytest.raises(TooLarge, match="pages"):
        extract_text(pdf, limits=ExtractLimits(max_pages=0))
    assert extract_text(b"# Tomasz\n\nWarehouse work", filename="cv.md").format == "md"
    with pytest.raises(TooLarge, match="characters"):
        extract_text(TEXT.encode(), limits=ExtractLimits(max_chars=20))
