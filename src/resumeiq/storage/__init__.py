"""Content-addressed storage of original files: a local directory (default) or an
S3-compatible bucket (``RESUMEIQ_STORAGE_URL=s3://bucket/prefix``). See ``storage.base``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resumeiq.storage.base import FileStorage, StoredFile, StoredFileMissing
from resumeiq.storage.local import LocalFileStorage

if TYPE_CHECKING:
    from resumeiq.config import Settings

__all__ = ["FileStorage", "LocalFileStorage", "StoredFile", "StoredFileMissing", "open_storage"]


def open_storage(settings: Settings) -> FileStorage:
    """The storage the settings name: the bucket of ``storage_url``, else ``<data dir>``."""
    location = settings.storage_location
    if location is None:
        return LocalFileStorage(settings.data_dir)
    from resumeiq.storage.s3 import S3FileStorage

    bucket, prefix = location
    return S3FileStorage.connect(
        bucket=bucket,
        prefix=prefix,
        tmp_dir=settings.data_dir / "tmp",
        endpoint_url=settings.s3_endpoint_url,
        region=settings.s3_region,
        access_key_id=settings.s3_access_key_id,
        secret_access_key=settings.s3_secret_access_key.get_secret_value() if settings.s3_secret_access_key else None,
        addressing_style=settings.s3_addressing_style,
    )
