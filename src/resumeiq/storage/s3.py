"""Content-addressed file storage in an S3-compatible bucket (``RESUMEIQ_STORAGE_URL=s3://bucket/prefix``).

The object of key ``k`` is ``<prefix>/k`` in the bucket (AWS S3, MinIO, Ceph, Garage, …; the
endpoint, region and keys are settings, else boto3's own chain: ``AWS_*`` variables, the
instance's role). boto3's client is thread-safe; its blocking calls run in threads, so the
event loop never waits on the network. ``put`` sends a file only when no object has its key
yet (same key, same bytes). Uploads still land in the local temporary directory first: the
upload is typed, hashed and size-checked while it streams in, before anything is sent.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from resumeiq.storage.base import FileStorage, StoredFile, StoredFileMissing, check_key, key_for

log = logging.getLogger(__name__)

_MISSING = {"404", "NoSuchKey", "NotFound", "NoSuchBucket"}


def _missing(exc: Exception) -> bool:
    from botocore.exceptions import ClientError

    return isinstance(exc, ClientError) and str(exc.response.get("Error", {}).get("Code")) in _MISSING


class S3FileStorage(FileStorage):
    def __init__(self, *, bucket: str, prefix: str, client: Any, tmp_dir: Path) -> None:
        super().__init__(tmp_dir)
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.client = client

    @classmethod
    def connect(
        cls,
        *,
        bucket: str,
        prefix: str,
        tmp_dir: Path,
        endpoint_url: str | None = None,
        region: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        addressing_style: str = "auto",
    ) -> S3FileStorage:
        try:
            import boto3
            from botocore.config import Config
        except ImportError as exc:
            from resumeiq.config import ConfigError

            raise ConfigError(
                "RESUMEIQ_STORAGE_URL=s3://… needs boto3: pip install 'resumeiq[s3]'"
            ) from exc

        client = boto3.session.Session().client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            config=Config(
                s3={"addressing_style": addressing_style},
                retries={"max_attempts": 5, "mode": "standard"},
                connect_timeout=10,
                read_timeout=60,
            ),
        )
        return cls(bucket=bucket, prefix=prefix, client=client, tmp_dir=tmp_dir)

    def object_key(self, key: str) -> str:
        return self.prefix + check_key(key)

    async def put(self, source: Path, sha256: str) -> StoredFile:
        key = key_for(sha256)
        size = source.stat().st_size
        try:
            if not await self.exists(key):
                await asyncio.to_thread(
                    self.client.upload_file,
                    str(source),
                    self.bucket,
                    self.object_key(key),
                    ExtraArgs={"ContentType": "application/octet-stream"},
                )
        finally:
            source.unlink(missing_ok=True)
        return StoredFile(key=key, sha256=sha256, size_bytes=size)

    async def exists(self, key: str) -> bool:
        try:
            await asyncio.to_thread(self.client.head_object, Bucket=self.bucket, Key=self.object_key(key))
        except Exception as exc:
            if _missing(exc):
                return False
            raise
        return True

    async def read_bytes(self, key: str) -> bytes:
        def read() -> bytes:
            try:
                response = self.client.get_object(Bucket=self.bucket, Key=self.object_key(key))
            except Exception as exc:
                if _missing(exc):
                    raise StoredFileMissing(key) from exc
                raise
            with response["Body"] as body:
                return body.read()

        return await asyncio.to_thread(read)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket, Key=self.object_key(key))

    async def keys(self) -> list[str]:
        def list_keys() -> list[str]:
            found = []
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self.prefix + "sha256/"
            )
            for page in pages:
                found.extend(obj["Key"][len(self.prefix) :] for obj in page.get("Contents", []))
            return sorted(found)

        return await asyncio.to_thread(list_keys)

    @asynccontextmanager
    async def local_copy(self, key: str) -> AsyncIterator[Path]:
        target = self.tmp_dir / f"copy-{uuid.uuid4().hex}"
        try:
            try:
                await asyncio.to_thread(self.client.download_file, self.bucket, self.object_key(key), str(target))
            except Exception as exc:
                if _missing(exc):
                    raise StoredFileMissing(key) from exc
                raise
            yield target
        finally:
            target.unlink(missing_ok=True)

    async def check(self) -> None:
        await asyncio.to_thread(self.client.head_bucket, Bucket=self.bucket)

    async def prepare(self, *, create: bool = False) -> None:
        """Create the bucket when ``create`` and it does not exist (a bundled MinIO, say); with
        AWS the bucket and its policies are the operator's. Unreachable: logged, not raised
        (``/ready`` reports it until it answers)."""
        try:
            await self.check()
        except Exception as exc:
            if create and _missing(exc):
                region = self.client.meta.region_name
                extra = (
                    {"CreateBucketConfiguration": {"LocationConstraint": region}}
                    if region and region != "us-east-1"
                    else {}
                )
                await asyncio.to_thread(self.client.create_bucket, Bucket=self.bucket, **extra)
                log.info("created bucket %s", self.bucket)
            else:
                log.warning("bucket %s is not reachable: %s", self.bucket, type(exc).__name__)

    def close(self) -> None:
        self.client.close()
