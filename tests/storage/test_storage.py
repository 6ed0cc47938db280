"""The file storage contract, on the local directory and on a real S3-compatible server (moto's
server mode on loopback): put/get/delete, content addressing, missing files, temp files."""

from __future__ import annotations

import hashlib

import pytest

from resumeiq.config import Settings
from resumeiq.storage import LocalFileStorage, StoredFileMissing, open_storage
from resumeiq.storage.s3 import S3FileStorage


@pytest.fixture(params=["local", "s3"])
def backend(request, tmp_path):
    if request.param == "local":
        storage = LocalFileStorage(tmp_path / "data")
        yield storage, None
        return
    s3 = request.getfixturevalue("s3_server")
    bucket = s3.new_bucket()
    settings = Settings(data_dir=tmp_path / "data", **s3.settings(bucket, prefix="tenant/files"))
    storage = open_storage(settings)
    assert isinstance(storage, S3FileStorage)
    yield storage, (s3, bucket)
    storage.close()


def temp_file(storage, data: bytes):
    path = storage.new_temp_path()
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


async def test_put_get_delete(backend):
    storage, s3 = backend
    path, sha = temp_file(storage, b"hello resume")
    stored = await storage.put(path, sha)
    assert stored.key == f"sha256/{sha[:2]}/{sha[2:4]}/{sha}" and stored.size_bytes == 12
    assert not path.exists()  # moved (or sent) and gone from the temp dir
    assert await storage.exists(stored.key)
    assert await storage.read_bytes(stored.key) == b"hello resume"
    async with storage.local_copy(stored.key) as copy:
        assert copy.read_bytes() == b"hello resume"
    assert await storage.keys() == [stored.key]
    if s3 is not None:
        server, bucket = s3
        assert server.objects(bucket) == ["tenant/files/" + stored.key]  # under the prefix
    await storage.delete(stored.key)
    assert not await storage.exists(stored.key) and await storage.keys() == []
    await storage.delete(stored.key)  # a missing one is fine
    assert list(storage.tmp_dir.iterdir()) == []  # no download left behind


async def test_identical_content_is_stored_once(backend):
    storage, s3 = backend
    first = await storage.put(*temp_file(storage, b"same bytes"))
    again, sha = temp_file(storage, b"same bytes")
    assert await storage.put(again, sha) == first and not again.exists()
    other = await storage.put(*temp_file(storage, b"other bytes"))
    assert await storage.keys() == sorted([first.key, other.key])


async def test_a_missing_file_is_reported_as_such(backend):
    storage, _ = backend
    key = storage.key_for("a" * 64)
    with pytest.raises(StoredFileMissing):
        await storage.read_bytes(key)
    with pytest.raises(StoredFileMissing):
        async with storage.local_copy(key):
            pass
    assert list(storage.tmp_dir.iterdir()) == []


@pytest.mark.parametrize("key", ["../../etc/passwd", "sha256/aa/bb/../x", "/abs", ""])
async def test_keys_that_are_not_ours_are_refused(backend, key):
    storage, _ = backend
    with pytest.raises(ValueError):
        await storage.read_bytes(key)


@pytest.mark.parametrize(
    "url", ["s3://", "s3://A_Bucket/x", "file:///tmp/x", "s3://bucket/../up", "http://bucket/x"]
)
def test_a_storage_url_that_is_not_a_bucket_is_refused(tmp_path, url):
    with pytest.raises(ValueError):
        Settings(data_dir=tmp_path, storage_url=url)


def test_storage_url_names_bucket_and_prefix(tmp_path):
    assert Settings(data_dir=tmp_path, storage_url="s3://my-bucket/a/b/").storage_location == ("my-bucket", "a/b")
    assert Settings(data_dir=tmp_path, storage_url="s3://my-bucket").storage_location == ("my-bucket", "")
    assert Settings(data_dir=tmp_path).storage_location is None
