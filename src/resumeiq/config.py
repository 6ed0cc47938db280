"""Service settings, read from ``RESUMEIQ_*`` environment variables (pydantic-settings).

``load_settings()`` is what the service calls at start-up: it validates the settings and makes
sure a JWT secret exists (generated once and stored under the data dir, mode 0600, if unset).
Secrets are ``SecretStr`` so that a repr or a log line never shows them.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Literal

from limits import parse as parse_rate_limit
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

JWT_SECRET_FILE = "jwt_secret"
_MIN_SECRET_CHARS = 32
# Values copied from tutorials and .env examples; a deployment using one of them is insecure.
_KNOWN_DEFAULT_SECRETS = frozenset(
    {
        "secret",
        "changeme",
        "change-me",
        "changethis",
        "change_this",
        "please-change-me",
        "your-secret-key",
        "your_secret_key",
        "supersecret",
        "super-secret",
        "jwt-secret",
        "jwt_secret",
        "development",
        "dev",
        "test",
        "password",
        "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7",  # FastAPI docs
    }
)


class ConfigError(RuntimeError):
    """The settings cannot be used (bad value, insecure secret, unreadable secret file)."""


class Settings(BaseSettings):
    """Every field maps to ``RESUMEIQ_<FIELD>`` (case-insensitive)."""

    model_config = SettingsConfigDict(env_prefix="RESUMEIQ_", extra="ignore")

    data_dir: Path = Path("./data")
    database_url: str = Field(default="", description="Empty → sqlite+aiosqlite under data_dir")
    redis_url: str | None = None
    # Where background jobs run: ``local`` (in the API process) or ``celery`` (tasks on the Redis
    # at redis_url, run by ``resumeiq worker``).
    queue: Literal["local", "celery"] = "local"
    celery_queue: str = Field(default="resumeiq", min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")
    # A job still waiting in the broker after this long is queued again by the worker's sweep
    # (its message may have been lost; a duplicate is harmless, the job is claimed once).
    queue_resend_seconds: int = Field(default=900, ge=10)

    # Where original files are stored: empty → <data_dir>/files; ``s3://bucket/prefix`` → an
    # S3-compatible bucket (resumeiq.storage.s3) reached with the s3_* settings.
    storage_url: str = ""
    s3_endpoint_url: str | None = None  # e.g. http://minio:9000; unset: AWS
    s3_region: str | None = None
    s3_access_key_id: str | None = None  # unset: boto3's own chain (AWS_* variables, instance role)
    s3_secret_access_key: SecretStr | None = None
    s3_addressing_style: Literal["auto", "path", "virtual"] = "auto"
    s3_create_bucket: bool = False  # create the bucket at start-up if it does not exist

    upload_max_bytes: int = Field(default=10 * 1024 * 1024, gt=0)  # per file
    screening_max_files: int = Field(default=1000, ge=1, le=10_000)
    screening_max_bytes: int = Field(default=1024 * 1024 * 1024, gt=0)  # a screening's whole upload
    # Sized for a recruiter's or a job seeker's working day; each per role too (below).
    rate_limit_upload: str = "300/hour"
    rate_limit_analysis: str = "60/hour"
    rate_limit_analysis_burst: str = "10/minute"  # empty: no burst limit
    rate_limit_analysis_block_seconds: int = Field(default=0, ge=0)  # >0: a block after going over
    rate_limit_screening_files: str = "3000/day"  # resumes screened (a screening counts its items)
    # {"recruiter": {"upload": "1000/hour", "analysis": "200/hour;20/minute"}}: a role's own limits
    # (kinds: upload, analysis, screening-files; several rates joined by ";").
    rate_limits_by_role: dict[str, dict[str, str]] = Field(default_factory=dict)
    # Against password guessing (OWASP Authentication Cheat Sheet): attempts per account (a
    # success clears its count) and per client address; sign-ups per client address.
    rate_limit_login_account: str = "10/15 minutes"
    rate_limit_login_ip: str = "50/15 minutes"
    rate_limit_register_ip: str = "10/hour"
    # Top matches, comparisons and job postings per user (engine work whose size the caller picks).
    rate_limit_expensive: str = "30/minute"
    rate_limit_key_prefix: str = "resumeiq"

    jwt_secret: SecretStr | None = None
    jwt_expiry_minutes: int = Field(default=60, gt=0)
    registration_open: bool = True
    # Recruiters see other people's data and send mail from the operator's server: by default
    # they are made by an administrator (``resumeiq user set-role EMAIL recruiter``), not by sign-up.
    registration_recruiters: bool = False
    # Without a second factor, OWASP's Authentication Cheat Sheet (after NIST SP 800-63B-4) counts
    # passwords under 15 characters as weak; 8 is its floor with one.
    password_min_length: int = Field(default=15, ge=8, le=64)

    # Candidate e-mails (SMTP). Without a host, e-mails cannot be queued.
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    # The one sender of every message (a request cannot choose it); replies go to the recruiter.
    smtp_from: str | None = None
    smtp_timeout_seconds: float = Field(default=30.0, gt=0)
    email_max_attempts: int = Field(default=5, ge=1)
    email_retry_seconds: float = Field(default=60.0, ge=0)  # back-off after the first failure, doubling
    # Caps on candidate e-mail over any 24 hours: per user, and for the whole server.
    email_max_per_user_per_day: int = Field(default=1000, ge=1)  # 3 screenings of 300 people
    email_max_per_day: int = Field(default=10_000, ge=1)

    # Resumes (and screened files) older than this many days are purged by a periodic task
    # (``resumeiq.retention``); unset: kept until deleted.
    resume_retention_days: int | None = Field(default=None, ge=1, le=36_500)
    retention_interval_seconds: float = Field(default=3600.0, ge=1)

    # Credits (resumeiq.credits): off → everything is free; on → a review costs 1 credit and a
    # screening 1 per resume, granted by an administrator (API or CLI).
    credits_enabled: bool = False

    # GET /metrics (Prometheus): off unless a bearer token is set, or metrics_open for a
    # network that keeps the public away (see resumeiq.metrics.router).
    metrics_token: SecretStr | None = None
    metrics_open: bool = False

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # The HTTP server of ``resumeiq serve`` (see resumeiq.server).
    http_header_max_bytes: int = Field(default=32 * 1024, ge=4096, le=1024 * 1024)
    http_header_timeout_seconds: float = Field(default=10.0, gt=0)
    http_body_idle_seconds: float = Field(default=30.0, gt=0)
    http_keep_alive_seconds: int = Field(default=5, ge=1)
    http_max_connections: int = Field(default=500, ge=10)
    worker_pool_size: int = Field(default=2, ge=1, le=64)
    engine_timeout_seconds: float = Field(default=60.0, gt=0)
    # Engine worker processes run this much nicer than the API, so that a backlog of reviews
    # never makes the API slow to answer (0: same priority).
    engine_nice: int = Field(default=10, ge=0, le=19)
    review_lease_seconds: float = Field(default=120.0, gt=0)
    review_max_attempts: int = Field(default=3, ge=1)
    # Match categories: ``selected`` at or above the first score (0-100), ``considered`` at or
    # above the second, else ``rejected``.
    match_selected_min: float = Field(default=75.0, ge=0, le=100)
    match_considered_min: float = Field(default=36.0, ge=0, le=100)

    # Optional language model for tailoring (any OpenAI-compatible Chat Completions server:
    # OpenAI, Ollama, vLLM, LM Studio, llama.cpp). Base URL and model together turn it on; then a
    # preview's ``mode`` defaults to ``llm``. The timeout bounds the whole model step of a preview
    # (every attempt); past it the preview answers with the deterministic tailoring and says why.
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_seconds: float = Field(default=120.0, gt=0)
    llm_max_retries: int = Field(default=2, ge=0, le=10)  # after a 429, a 5xx or a lost connection

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("queue", mode="before")
    @classmethod
    def _lower_queue(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("rate_limits_by_role")
    @classmethod
    def _valid_role_rates(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        roles, kinds = {"job_seeker", "recruiter", "admin"}, {"upload", "analysis", "screening-files", "expensive"}
        for role, rates in value.items():
            if role not in roles:
                raise ValueError(f"RESUMEIQ_RATE_LIMITS_BY_ROLE: unknown role {role!r}")
            for kind, rate in rates.items():
                if kind not in kinds:
                    raise ValueError(f"RESUMEIQ_RATE_LIMITS_BY_ROLE: unknown limit {kind!r}")
                for part in rate.split(";"):
                    try:
                        parse_rate_limit(part)
                    except ValueError as exc:
                        raise ValueError(f"not a rate limit like '20/10 minutes': {part!r}") from exc
        return value

    @field_validator("rate_limit_analysis_burst")
    @classmethod
    def _valid_optional_rate(cls, value: str) -> str:
        if value.strip():
            try:
                parse_rate_limit(value)
            except ValueError as exc:
                raise ValueError(f"not a rate limit like '10/minute': {value!r}") from exc
        return value.strip()

    @field_validator(
        "rate_limit_upload",
        "rate_limit_analysis",
        "rate_limit_screening_files",
        "rate_limit_login_account",
        "rate_limit_login_ip",
        "rate_limit_register_ip",
        "rate_limit_expensive",
    )
    @classmethod
    def _valid_rate(cls, value: str) -> str:
        try:
            parse_rate_limit(value)
        except ValueError as exc:
            raise ValueError(f"not a rate limit like '20/10 minutes': {value!r}") from exc
        return value

    @field_validator("resume_retention_days", mode="before")
    @classmethod
    def _empty_retention(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("storage_url")
    @classmethod
    def _valid_storage_url(cls, value: str) -> str:
        value = value.strip()
        if value and _bucket_and_prefix(value) is None:
            raise ValueError(f"RESUMEIQ_STORAGE_URL must be empty or s3://bucket[/prefix], not {value!r}")
        return value

    @field_validator(
        "redis_url",
        "smtp_host",
        "smtp_username",
        "smtp_from",
        "llm_base_url",
        "llm_model",
        "llm_api_key",
        "s3_endpoint_url",
        "s3_region",
        "s3_access_key_id",
        mode="before",
    )
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @model_validator(mode="after")
    def _defaults_and_secret(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir / 'resumeiq.db'}"
        if self.match_considered_min > self.match_selected_min:
            raise ValueError("RESUMEIQ_MATCH_CONSIDERED_MIN must not exceed RESUMEIQ_MATCH_SELECTED_MIN")
        if self.queue == "celery" and not self.redis_url:
            raise ConfigError(
                "RESUMEIQ_QUEUE=celery needs RESUMEIQ_REDIS_URL (the Celery broker), e.g. redis://localhost:6379/0"
            )
        if bool(self.llm_base_url) != bool(self.llm_model):
            raise ConfigError(
                "RESUMEIQ_LLM_BASE_URL and RESUMEIQ_LLM_MODEL go together (e.g. http://localhost:11434/v1 "
                "and a model name); set both to use a language model, or neither"
            )
        if self.llm_base_url and not self.llm_base_url.startswith(("http://", "https://")):
            raise ConfigError("RESUMEIQ_LLM_BASE_URL must be an http:// or https:// URL")
        if self.jwt_secret is not None:
            check_secret(self.jwt_secret.get_secret_value(), origin="RESUMEIQ_JWT_SECRET")
        if self.metrics_token is not None:
            if not self.metrics_token.get_secret_value():
                self.metrics_token = None
            else:
                check_secret(self.metrics_token.get_secret_value(), origin="RESUMEIQ_METRICS_TOKEN")
        return self

    @property
    def storage_location(self) -> tuple[str, str] | None:
        """(bucket, prefix) of an S3 ``storage_url``; None for the local directory."""
        return _bucket_and_prefix(self.storage_url) if self.storage_url else None

    @property
    def match_thresholds(self) -> tuple[float, float]:
        """(selected, considered) minimum scores, as the engine's matching takes them."""
        return (self.match_selected_min, self.match_considered_min)

    @property
    def llm_configured(self) -> bool:
        """A language model is configured (``mode`` defaults to ``llm``)."""
        return bool(self.llm_base_url and self.llm_model)

    @property
    def jwt_secret_value(self) -> str:
        if self.jwt_secret is None:
            raise ConfigError("no JWT secret: call load_settings() or ensure_jwt_secret() first")
        return self.jwt_secret.get_secret_value()


_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


def _bucket_and_prefix(url: str) -> tuple[str, str] | None:
    """``s3://bucket/some/prefix`` → ("bucket", "some/prefix"); None if it is not one."""
    if not url.startswith("s3://"):
        return None
    bucket, _, prefix = url.removeprefix("s3://").partition("/")
    prefix = prefix.strip("/")
    if not _BUCKET.match(bucket) or ".." in prefix or any(c in prefix for c in "\\\x00"):
        return None
    return bucket, prefix


def check_secret(secret: str, *, origin: str) -> None:
    """Refuse secrets that are short or well known."""
    if secret.strip().lower() in _KNOWN_DEFAULT_SECRETS:
        raise ConfigError(f"{origin} is a well-known default value; set a random secret")
    if len(secret) < _MIN_SECRET_CHARS:
        raise ConfigError(f"{origin} must be at least {_MIN_SECRET_CHARS} characters long")


def ensure_jwt_secret(settings: Settings) -> Settings:
    """Return ``settings`` with a JWT secret: the configured one, or the one stored under the data
    dir, or a new random one written there (mode 0600) on first start."""
    if settings.jwt_secret is not None:
        return settings
    path = settings.data_dir / JWT_SECRET_FILE
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        secret = path.read_text(encoding="utf-8").strip()
        check_secret(secret, origin=str(path))
    else:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secret + "\n")
    return settings.model_copy(update={"jwt_secret": SecretStr(secret)})


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment (plus ``overrides``), with a JWT secret. Raises ConfigError."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValueError as exc:  # pydantic.ValidationError and our ConfigError raised inside it
        raise ConfigError(str(exc)) from exc
    return ensure_jwt_secret(settings)
