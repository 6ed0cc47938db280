"""Content-addressed file storage in a local directory.

A file with SHA-256 ``h`` lives at ``<root>/files/sha256/h[:2]/h[2:4]/h``; its storage key is the
part after ``files/``. Uploads are first written under ``<root>/tmp`` (same filesystem, so the move
into place is an atomic rename). Identical content is stored once.

Deleting is reference-counted by the caller (a file is removed when no row uses its hash); the
per-hash lock below orders "store + commit row" against "check references + remove" inside this
process. Several processes sharing one directory would need a database lock instead.
"""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_KEY = re.compile(r"^sha256/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class StoredFile:
    key: str
    sha256: str
    size_bytes: int


class LocalFileStorage:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.files_dir = self.root / "files"
        self.tmp_dir = self.root / "tmp"
        self.files_dir.mkdir(parents=True, exist_ok=True)
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @staticmethod
    def key_for(sha256: str) -> str:
        if not _SHA256.match(sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return f"sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def new_temp_path(self) -> Path:
        return self.tmp_dir / f"upload-{uuid.uuid4().hex}"

    def path(self, key: str) -> Path:
        if not _KEY.match(key):  # keys come from our own rows; refuse anything path-like anyway
            raise ValueError(f"invalid storage key: {key!r}")
        return self.files_dir / key

    def put(self, source: Path, sha256: str) -> StoredFile:
        """Move ``source`` (a temp file whose SHA-256 is ``sha256``) into the store."""
        key = self.key_for(sha256)
        dest = self.path(key)
        size = source.stat().st_size
        if dest.exists():
            source.unlink(missing_ok=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, dest)
        return StoredFile(key=key, sha256=sha256, size_bytes=size)

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    def read_bytes(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def delete(self, key: str) -> None:
        path = self.path(key)
        path.unlink(missing_ok=True)
        for parent in (path.parent, path.parent.parent):  # drop empty fan-out dirs
            with suppress(OSError):
                parent.rmdir()

    @asynccontextmanager
    async def lock(self, sha256: str) -> AsyncIterator[None]:
        """Serialise store/remove decisions for one content hash within this process."""
        lock, users = self._locks.get(sha256, (asyncio.Lock(), 0))
        self._locks[sha256] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[sha256]
            if users <= 1:
                del self._locks[sha256]
            else:
                self._locks[sha256] = (lock, users - 1)
