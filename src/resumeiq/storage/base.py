"""The file storage interface: content-addressed originals, in a local directory or an
S3-compatible bucket.

A file with SHA-256 ``h`` has the storage key ``sha256/h[:2]/h[2:4]/h`` on every backend (rows
keep the key, so a database can move between backends with its files). Uploads are first written
to a temporary file under ``<data dir>/tmp``; ``put`` moves it into the store (and removes it),
and stores identical content once.

Deleting is reference-counted by the caller (a file is removed when no row uses its hash); the
per-hash lock orders "store + commit row" against "check references + remove" inside one
process. Several processes sharing one store would need a database lock for that ordering; a
file removed while another process was storing the same bytes is the one window left.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_KEY = re.compile(r"^sha256/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}$")


class StoredFileMissing(FileNotFoundError):
    """No stored file has this key (a row outlived its file, or the bucket lost it)."""


@dataclass(frozen=True, slots=True)
class StoredFile:
    key: str
    sha256: str
    size_bytes: int


def key_for(sha256: str) -> str:
    if not _SHA256.match(sha256):
        raise ValueError(f"not a sha256 hex digest: {sha256!r}")
    return f"sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def check_key(key: str) -> str:
    """``key`` if it is one of ours; keys come from our own rows, anything else is refused."""
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValueError(f"invalid storage key: {key!r}")
    return key


class FileStorage(ABC):
    """Where the original files live. ``tmp_dir`` is always local: uploads land there first."""

    def __init__(self, tmp_dir: Path) -> None:
        self.tmp_dir = Path(tmp_dir)
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    key_for = staticmethod(key_for)

    def new_temp_path(self) -> Path:
        return self.tmp_dir / f"upload-{uuid.uuid4().hex}"

    @abstractmethod
    async def put(self, source: Path, sha256: str) -> StoredFile:
        """Move ``source`` (a temp file whose SHA-256 is ``sha256``) into the store."""

    @abstractmethod
    async def exists(self, key: str) -> bool: ...

    @abstractmethod
    async def read_bytes(self, key: str) -> bytes:
        """The file's bytes. Raises ``StoredFileMissing``."""

    @abstractmethod
    async def delete(self, key: str) -> None:
        """Remove the file (a missing one is fine)."""

    @abstractmethod
    async def keys(self) -> list[str]:
        """Every stored file's key (for checks and tests; lists the whole store)."""

    def local_path(self, key: str) -> Path | None:
        """The file's own path when the store is a local directory, else None."""
        return None

    @abstractmethod
    def local_copy(self, key: str) -> AbstractAsyncContextManager[Path]:
        """A local file with the content, for the engine (which reads paths): the stored file
        itself for a directory, a temporary download removed on exit for a bucket. Raises
        ``StoredFileMissing`` on entering when the file is missing."""

    async def check(self) -> None:  # noqa: B027  (a directory is always there)
        """Raise if the store cannot be reached (for readiness)."""

    async def prepare(self, *, create: bool = False) -> None:  # noqa: B027
        """At start-up: make sure the store exists (``create``: make it if it does not)."""

    def close(self) -> None:  # noqa: B027  (optional hook)
        """Release connections."""

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
