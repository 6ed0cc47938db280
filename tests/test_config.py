"""Settings: environment variables, defaults, the JWT secret."""

from __future__ import annotations

import stat

import pytest

from resumeiq.config import ConfigError, Settings, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    import os

    for name in list(os.environ):
        if name.startswith("RESUMEIQ_"):
            monkeypatch.delenv(name)


def test_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Settings()
    assert s.database_url == "sqlite+aiosqlite:///data/resumeiq.db"
    assert s.upload_max_bytes == 10 * 1024 * 1024
    assert s.rate_limit_upload == "300/hour"
    assert s.rate_limit_analysis == "60/hour" and s.rate_limit_analysis_block_seconds == 0
    assert s.registration_open is True and s.redis_url is None and s.queue == "local"


def test_environment_variables(monkeypatch, tmp_path):
    monkeypatch.setenv("RESUMEIQ_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("RESUMEIQ_UPLOAD_MAX_BYTES", "1234")
    monkeypatch.setenv("RESUMEIQ_REGISTRATION_OPEN", "false")
    monkeypatch.setenv("RESUMEIQ_REDIS_URL", "")
    monkeypatch.setenv("RESUMEIQ_LOG_LEVEL", "debug")
    s = Settings()
    assert s.upload_max_bytes == 1234 and s.registration_open is False and s.redis_url is None
    assert s.log_level == "DEBUG"
    assert s.database_url == f"sqlite+aiosqlite:///{tmp_path / 'd' / 'resumeiq.db'}"


def test_jwt_secret_is_generated_once_stored_0600_and_reused(tmp_path):
    first = load_settings(data_dir=tmp_path)
    path = tmp_path / "jwt_secret"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first.jwt_secret_value) >= 32
    assert load_settings(data_dir=tmp_path).jwt_secret_value == first.jwt_secret_value
    assert first.jwt_secret_value not in repr(first) and first.jwt_secret_value not in str(first.model_dump())


@pytest.mark.parametrize("secret", ["changeme", "secret", "too-short-but-random-x"])
def test_weak_secrets_are_refused(tmp_path, monkeypatch, secret):
    monkeypatch.setenv("RESUMEIQ_JWT_SECRET", secret)
    with pytest.raises(ConfigError):
        load_settings(data_dir=tmp_path)


def test_weak_secret_file_is_refused(tmp_path):
    (tmp_path / "jwt_secret").write_text("changeme\n")
    with pytest.raises(ConfigError, match="well-known"):
        load_settings(data_dir=tmp_path)


def test_bad_values_are_refused(tmp_path):
    with pytest.raises(ConfigError):
        load_settings(data_dir=tmp_path, rate_limit_upload="lots")
    with pytest.raises(ConfigError):
        load_settings(data_dir=tmp_path, upload_max_bytes=0)
