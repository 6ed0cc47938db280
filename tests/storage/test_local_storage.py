"""Content-addressed local storage: what only the directory does (the common contract is in
test_storage.py)."""

from __future__ import annotations

import hashlib

import pytest

from resumeiq.storage import LocalFileStorage


def write_temp(storage: LocalFileStorage, data: bytes):
    path = storage.new_temp_path()
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


async def test_files_live_under_their_key_and_empty_dirs_go(tmp_path):
    storage = LocalFileStorage(tmp_path)
    stored = await storage.put(*write_temp(storage, b"bye"))
    assert storage.local_path(stored.key) == tmp_path / "files" / stored.key
    async with storage.local_copy(stored.key) as path:
        assert path == storage.local_path(stored.key)  # no copy: the file itself
    await storage.delete(stored.key)
    assert list(storage.files_dir.rglob("*")) == [storage.files_dir / "sha256"]


@pytest.mark.parametrize("key", ["../../etc/passwd", "sha256/aa/bb/../x", "/abs", ""])
def test_keys_that_are_not_ours_are_refused(tmp_path, key):
    with pytest.raises(ValueError):
        LocalFileStorage(tmp_path).path(key)
