"""Content-addressed storage of original files."""

from resumeiq.storage.local import LocalFileStorage, StoredFile

__all__ = ["LocalFileStorage", "StoredFile"]
