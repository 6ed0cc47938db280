"""Receive a screening's multipart body as a stream: many files, each to its own temp file with
its SHA-256, each held to the per-file size limit while it is read.

A file over the per-file limit does not stop the upload: the rest of its part is skipped and it
comes back as ``ReceivedFile(too_large=True)`` (the screening records it as a failed item). The
number of files and the whole body are bounded too; going over those refuses the request.

With ``check_job``, the ``job_id`` field must come before the files, and it is checked when the
body reaches the first file, before anything is written to disk: what arrived of the files by
then (at most one slice of ``_SLICE`` bytes) waits in memory. A job that is not the caller's is
refused having read a few kilobytes of the body, not all of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect, Request

from resumeiq.errors import InvalidInput, InvalidUpload, PayloadTooLarge
from resumeiq.resumes.upload import PartHeaders, safe_filename

FILE_FIELDS = ("files", "file")
_MAX_FIELDS = 2_100
_MAX_FIELD_BYTES = 64 * 1024  # a comma-separated list of 1,000 resume ids fits
_SLICE = 64 * 1024  # the parser is fed this much at a time, so that a pending job check holds little
JOB_FIELD = "job_id"


@dataclass(slots=True)
class ReceivedFile:
    filename: str
    path: Path | None  # temp file; None when too large (nothing kept)
    size_bytes: int
    sha256: str | None
    too_large: bool = False


@dataclass(slots=True)
class ReceivedBatch:
    files: list[ReceivedFile] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)

    def discard(self) -> None:
        """Delete every temp file still held."""
        for f in self.files:
            if f.path is not None:
                f.path.unlink(missing_ok=True)

    def field(self, name: str) -> str | None:
        values = self.fields.get(name)
        return values[-1] if values else None


class _Abort(Exception):
    def __init__(self, error: Exception) -> None:
        self.error = error


class _BatchSink(PartHeaders):
    def __init__(
        self, new_temp_path: Callable[[], Path], max_bytes: int, max_files: int, *, job_checked: bool
    ) -> None:
        self.new_temp_path = new_temp_path
        self.max_bytes = max_bytes
        self.max_files = max_files
        self.batch = ReceivedBatch()
        self.file: BinaryIO | None = None
        self.current: ReceivedFile | None = None
        # Until the job is checked, files are held in memory, not written: ``job_to_check`` is
        # the job_id to check once the parser has taken the current slice.
        self.job_checked = job_checked
        self.job_to_check: str | None = None
        self._held: dict[int, tuple[ReceivedFile, bytearray]] = {}
        self.digest = hashlib.sha256()
        self.n_fields = 0
        self._headers: dict[bytes, bytes] = {}
        self._field = b""
        self._value = b""
        self._name = ""
        self._nameless = False
        self._buffer = bytearray()

    def on_part_begin(self) -> None:
        self._headers = {}
        self._buffer = bytearray()
        self.current = None

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition"))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            if self._name not in FILE_FIELDS:
                raise _Abort(InvalidUpload(f"Send the resumes in form fields named {FILE_FIELDS[0]!r}."))
            if len(self.batch.files) >= self.max_files:
                raise _Abort(PayloadTooLarge(f"A screening takes at most {self.max_files} resumes."))
            self._nameless = options[b"filename"] == b""
            self.current = ReceivedFile(
                filename=safe_filename(options[b"filename"].decode("utf-8", "replace")),
                path=None,
                size_bytes=0,
                sha256=None,
            )
            self.batch.files.append(self.current)
            self.digest = hashlib.sha256()
            if self.job_checked:
                self.current.path = self.new_temp_path()
                self.file = self.current.path.open("wb")
                return
            job_id = self.batch.field(JOB_FIELD)
            if job_id is None:
                raise _Abort(InvalidInput(f"Send the {JOB_FIELD} field before the files."))
            self.job_to_check = job_id
            self._held[id(self.current)] = (self.current, bytearray())
        else:
            self.n_fields += 1
            if self.n_fields > _MAX_FIELDS:
                raise _Abort(InvalidUpload("Too many form fields."))

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        item = self.current
        if item is None:
            self._buffer += chunk
            if len(self._buffer) > _MAX_FIELD_BYTES:
                raise _Abort(InvalidUpload(f"Form field {self._name!r} is too long."))
            return
        item.size_bytes += len(chunk)
        if item.too_large:
            return
        if item.size_bytes > self.max_bytes:
            item.too_large = True
            self._close_file()
            self._held.pop(id(item), None)
            if item.path is not None:
                item.path.unlink(missing_ok=True)
                item.path = None
            return
        self.digest.update(chunk)
        if self.file is not None:
            self.file.write(chunk)
        else:
            self._held[id(item)][1].extend(chunk)

    def on_part_end(self) -> None:
        item = self.current
        if item is None:
            value = self._buffer.decode("utf-8", "surrogateescape")  # refused by its readers (see resumes.upload)
            if self._name == JOB_FIELD and self.batch.files and value != self.batch.field(JOB_FIELD):
                raise _Abort(InvalidInput(f"Send one {JOB_FIELD}, before the files."))
            self.batch.fields.setdefault(self._name, []).append(value)
            return
        self._close_file()
        if not item.too_large:
            item.sha256 = self.digest.hexdigest()
        self.current = None
        if self._nameless and item.size_bytes == 0:  # a file input left empty, as browsers send it
            self.batch.files.remove(item)
            self._held.pop(id(item), None)
            if item.path is not None:
                item.path.unlink(missing_ok=True)

    def job_ok(self) -> None:
        """The job was checked: write what was held, and the rest of the files as they come."""
        self.job_checked, self.job_to_check = True, None
        for item, data in self._held.values():
            item.path = self.new_temp_path()
            fh = item.path.open("wb")
            fh.write(data)
            if item is self.current:
                self.file = fh
            else:
                fh.close()
        self._held.clear()

    def _close_file(self) -> None:
        if self.file is not None and not self.file.closed:
            self.file.close()
        self.file = None


async def receive_batch(
    request: Request,
    *,
    new_temp_path: Callable[[], Path],
    max_bytes: int,
    max_files: int,
    max_total_bytes: int,
    check_job: Callable[[str], Awaitable[object]] | None = None,
) -> ReceivedBatch:
    """Read a ``multipart/form-data`` body with up to ``max_files`` files (fields ``files``) and
    small text fields. ``check_job`` is awaited with the ``job_id`` field's value before the first
    file is written, and may raise to refuse the request. Raises ``PayloadTooLarge``,
    ``InvalidUpload``, ``InvalidInput`` (no job_id before the files) or what ``check_job``
    raises; on error no temp file is left behind."""
    media_type, params = parse_options_header(request.headers.get("content-type"))
    boundary = params.get(b"boundary")
    if media_type != b"multipart/form-data" or not boundary:
        raise InvalidUpload("Send the screening as multipart/form-data.")
    declared = request.headers.get("content-length")
    too_big = f"The upload is larger than the {max_total_bytes // (1024 * 1024)} MB limit of a screening."
    if declared and declared.isdigit() and int(declared) > max_total_bytes:
        raise PayloadTooLarge(too_big)

    sink = _BatchSink(new_temp_path, max_bytes, max_files, job_checked=check_job is None)
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
                if received > max_total_bytes:
                    raise PayloadTooLarge(too_big)
                for start in range(0, len(chunk), _SLICE):
                    parser.write(chunk[start : start + _SLICE])
                    if sink.job_to_check is not None:
                        assert check_job is not None
                        await check_job(sink.job_to_check)
                        sink.job_ok()
            parser.finalize()
        except _Abort as abort:
            raise abort.error from None
        except ClientDisconnect as exc:
            raise InvalidUpload("The client disconnected before the upload finished.") from exc
        except (ValueError, TypeError) as exc:
            raise InvalidUpload(f"Malformed multipart body: {exc}") from exc
        if sink.current is not None:
            raise InvalidUpload("The multipart body ended in the middle of a file.")
    except BaseException:
        sink._close_file()
        sink.batch.discard()
        raise
    return sink.batch
