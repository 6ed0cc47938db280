"""Content-addressed local storage."""

from __future__ import annotations

import hashlib

import pytest

from resumeiq.storage import LocalFileStorage


def write_temp(storage: LocalFileStorage, data: bytes):
    path = storage.new_temp_path()
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


def test_put_is_content_addressed_and_deduplicated(tmp_path):
    storage = LocalFileStorage(tmp_path)
    path, sha = write_temp(storage, b"hello")
    stored = storage.put(path, sha)
    assert stored.key == f"sha256/{sha[:2]}/{sha[2:4]}/{sha}"
    assert storage.read_bytes(stored.key) == b"hello" and not path.exists()
    again, _ = write_temp(storage, b"hello")
    assert storage.put(again, sha) == stored and not again.exists()
    assert list(storage.tmp_dir.iterdir()) == []


def test_delete_removes_file_and_empty_dirs(tmp_path):
    storage = LocalFileStorage(tmp_path)
    stored = storage.put(*write_temp(storage, b"bye"))
    storage.delete(stored.key)
    assert not storage.exists(stored.key)
    assert list(storage.files_dir.rglob("*")) == [storage.files_dir / "sha256"]
    storage.delete(stored.key)  # missing is fine


@pytest.mark.parametrize("key", ["../../etc/passwd", "sha256/aa/bb/../x", "/abs", ""])
def test_keys_that_are_not_ours_are_refused(tmp_path, key):
    with pytest.raises(ValueError):
        LocalFileStorage(tmp_path).path(key)
