"""Content-addressed file storage in a local directory (the default).

A file with key ``k`` lives at ``<root>/files/k``; uploads are first written under ``<root>/tmp``
(same filesystem, so the move into place is an atomic rename). See ``storage.base``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

from resumeiq.storage.base import FileStorage, StoredFile, StoredFileMissing, check_key, key_for


class LocalFileStorage(FileStorage):
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        super().__init__(self.root / "tmp")
        self.files_dir = self.root / "files"
        self.files_dir.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.files_dir / check_key(key)

    def local_path(self, key: str) -> Path:
        return self.path(key)

    async def put(self, source: Path, sha256: str) -> StoredFile:
        key = key_for(sha256)
        dest = self.path(key)
        size = source.stat().st_size
        if dest.exists():
            source.unlink(missing_ok=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, dest)
        return StoredFile(key=key, sha256=sha256, size_bytes=size)

    async def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    async def read_bytes(self, key: str) -> bytes:
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError as exc:
            raise StoredFileMissing(key) from exc

    async def delete(self, key: str) -> None:
        path = self.path(key)
        path.unlink(missing_ok=True)
        for parent in (path.parent, path.parent.parent):  # drop empty fan-out dirs
            with suppress(OSError):
                parent.rmdir()

    async def keys(self) -> list[str]:
        return sorted(str(p.relative_to(self.files_dir)) for p in self.files_dir.rglob("*") if p.is_file())

    @asynccontextmanager
    async def local_copy(self, key: str) -> AsyncIterator[Path]:
        path = self.path(key)
        if not path.is_file():
            raise StoredFileMissing(key)
        yield path
