"""Receive a multipart upload as a stream, with the size limit enforced while reading.

The body is fed chunk by chunk to python-multipart's streaming parser; the file part goes straight
to a temp file while its SHA-256 is computed. Reading stops as soon as the file passes the limit
(at most one chunk past it), so a 2 GB upload costs 10 MB of disk and no memory.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect, Request

from resumeiq.errors import InvalidUpload, PayloadTooLarge

FILE_FIELD = "file"
_MAX_FIELDS = 8
_MAX_FIELD_BYTES = 1024
_BODY_OVERHEAD = 64 * 1024  # multipart headers, boundaries and small fields
_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f/\\]")


@dataclass(slots=True)
class ReceivedUpload:
    path: Path  # temp file; the caller moves it into storage or deletes it
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    fields: dict[str, str] = field(default_factory=dict)


class _Abort(Exception):
    def __init__(self, error: Exception) -> None:
        self.error = error


# Invisible characters that change how a name reads: controls (Cc), format characters (Cf: the
# bidi overrides and isolates U+202A-U+202E and U+2066-U+2069 that make "cv\u202egpj.exe" show as
# "cvexe.jpg", zero-width characters, the BOM), surrogates, private-use and unassigned code
# points, and line and paragraph separators.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def safe_filename(raw: str) -> str:
    """The last path component, printable, at most 200 characters; "upload" if nothing is left.
    Characters that are invisible or reorder the text (bidi controls) are removed."""
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME_CHARS.sub("", name)
    name = "".join(c for c in name if unicodedata.category(c) not in _INVISIBLE_CATEGORIES)
    name = name.strip().lstrip(".")
    return name[-200:] or "upload"


def _human(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


class PartHeaders:
    """python-multipart callbacks that collect the headers of the current part."""

    _headers: dict[bytes, bytes]
    _field: bytes
    _value: bytes

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._field.lower()] = self._value
        self._field = self._value = b""


class _UploadSink(PartHeaders):
    """Callbacks for the multipart parser: one file part to disk, small text fields in memory."""

    def __init__(self, temp_path: Path, max_bytes: int) -> None:
        self.temp_path = temp_path
        self.max_bytes = max_bytes
        self.fields: dict[str, str] = {}
        self.file: BinaryIO | None = None
        self.file_seen = False
        self.filename = ""
        self.content_type = ""
        self.size = 0
        self.digest = hashlib.sha256()
        self._headers: dict[bytes, bytes] = {}
        self._field = b""
        self._value = b""
        self._name = ""
        self._is_file = False
        self._buffer = bytearray()

    def on_part_begin(self) -> None:
        self._headers = {}
        self._buffer = bytearray()

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition"))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        self._is_file = b"filename" in options
        if self._is_file:
            if self._name != FILE_FIELD or self.file_seen:
                raise _Abort(InvalidUpload(f"Send exactly one file, in the form field {FILE_FIELD!r}."))
            self.file_seen = True
            self.filename = safe_filename(options[b"filename"].decode("utf-8", "replace"))
            ctype = self._headers.get(b"content-type", b"application/octet-stream")
            self.content_type = ctype.decode("latin-1")[:127]
            self.file = self.temp_path.open("wb")
        elif len(self.fields) >= _MAX_FIELDS:
            raise _Abort(InvalidUpload("Too many form fields."))

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if not self._is_file:
            self._buffer += chunk
            if len(self._buffer) > _MAX_FIELD_BYTES:
                raise _Abort(InvalidUpload(f"Form field {self._name!r} is too long."))
            return
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise _Abort(PayloadTooLarge(f"The file is larger than the {_human(self.max_bytes)} limit."))
        self.digest.update(chunk)
        assert self.file is not None
        # Small sequential writes to the page cache; not worth a thread hop per chunk.
        self.file.write(chunk)

    def on_part_end(self) -> None:
        if self._is_file:
            assert self.file is not None
            self.file.close()
        else:
            # Bytes that are not UTF-8 (a surrogate written as bytes too) become lone surrogates,
            # which every reader of a field refuses (RequestModel, a UUID, the CSRF token),
            # instead of U+FFFD stored as if it had been typed.
            self.fields[self._name] = self._buffer.decode("utf-8", "surrogateescape")

    def close(self) -> None:
        if self.file is not None and not self.file.closed:
            self.file.close()


async def receive_upload(request: Request, *, temp_path: Path, max_bytes: int) -> ReceivedUpload:
    """Read a ``multipart/form-data`` body with one file part named ``file``.

    Raises ``PayloadTooLarge`` (file over ``max_bytes``) or ``InvalidUpload``; on error nothing is
    left at ``temp_path``.
    """
    media_type, params = parse_options_header(request.headers.get("content-type"))
    boundary = params.get(b"boundary")
    if media_type != b"multipart/form-data" or not boundary:
        raise InvalidUpload(f"Send the file as multipart/form-data with a {FILE_FIELD!r} field.")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + _BODY_OVERHEAD:
        raise PayloadTooLarge(f"The file is larger than the {_human(max_bytes)} limit.")

    sink = _UploadSink(temp_path, max_bytes)
    callbacks = {name: getattr(sink, name) for name in dir(sink) if name.startswith("on_")}
    try:
        try:
            parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
        except ValueError as exc:
            raise InvalidUpload("Malformed multipart boundary.") from exc
        received = 0
        try:
            async for chunk in request.stream():
                received += len(chunk)
                if received > max_bytes + _BODY_OVERHEAD:
                    raise PayloadTooLarge(f"The file is larger than the {_human(max_bytes)} limit.")
                parser.write(chunk)
            parser.finalize()
        except _Abort as abort:
            raise abort.error from None
        except ClientDisconnect as exc:
            raise InvalidUpload("The client disconnected before the upload finished.") from exc
        except (ValueError, TypeError) as exc:  # python-multipart's parse errors are ValueErrors
            raise InvalidUpload(f"Malformed multipart body: {exc}") from exc
        if not sink.file_seen or (sink.file is not None and not sink.file.closed):
            raise InvalidUpload(f"The form field {FILE_FIELD!r} with a file is required.")
    except BaseException:
        sink.close()
        temp_path.unlink(missing_ok=True)
        raise
    return ReceivedUpload(
        path=temp_path,
        filename=sink.filename,
        content_type=sink.content_type,
        size_bytes=sink.size,
        sha256=sink.digest.hexdigest(),
        fields=sink.fields,
    )
