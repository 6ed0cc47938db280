"""Data retention: resumes older than ``RESUMEIQ_RESUME_RETENTION_DAYS`` are purged."""
