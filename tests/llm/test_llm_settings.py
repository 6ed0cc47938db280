"""RESUMEIQ_LLM_* settings: both of base URL and model or neither, the key kept secret."""

from __future__ import annotations

import pytest

from resumeiq.config import ConfigError, Settings, load_settings
from resumeiq.tailoring.llm import LLMSettings

KEY = "sk-invented-5e77ab-settings-test"


def test_no_model_by_default_and_a_two_minute_timeout(monkeypatch, tmp_path):
    for name in ("BASE_URL", "MODEL", "API_KEY", "TIMEOUT_SECONDS"):
        monkeypatch.delenv(f"RESUMEIQ_LLM_{name}", raising=False)
    settings = Settings(data_dir=tmp_path)
    assert not settings.llm_configured and LLMSettings.from_settings(settings) is None
    assert settings.llm_timeout_seconds == 120


def test_read_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RESUMEIQ_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("RESUMEIQ_LLM_MODEL", "llama3.1:8b")
    monkeypatch.setenv("RESUMEIQ_LLM_API_KEY", KEY)
    monkeypatch.setenv("RESUMEIQ_LLM_TIMEOUT_SECONDS", "30")
    settings = Settings(data_dir=tmp_path)
    assert settings.llm_configured
    llm = LLMSettings.from_settings(settings)
    assert llm is not None and llm.model == "llama3.1:8b" and llm.api_key == KEY and llm.timeout_seconds == 30
    for text in (repr(settings), str(settings), settings.model_dump_json(), repr(llm)):
        assert KEY not in text


def test_empty_values_mean_unset(monkeypatch, tmp_path):
    monkeypatch.setenv("RESUMEIQ_LLM_BASE_URL", "")
    monkeypatch.setenv("RESUMEIQ_LLM_MODEL", "")
    monkeypatch.setenv("RESUMEIQ_LLM_API_KEY", "")
    settings = Settings(data_dir=tmp_path)
    assert not settings.llm_configured and settings.llm_api_key is None


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"llm_base_url": "http://127.0.0.1:8000/v1"}, "go together"),
        ({"llm_model": "some-model"}, "go together"),
        ({"llm_base_url": "127.0.0.1:8000/v1", "llm_model": "m"}, "http"),
        ({"llm_base_url": "http://127.0.0.1:8000/v1", "llm_model": "m", "llm_timeout_seconds": 0}, "timeout"),
    ],
)
def test_unusable_settings_are_refused_at_start_up(tmp_path, values, message):
    with pytest.raises(ConfigError) as err:
        load_settings(data_dir=tmp_path, **values)
    assert message in str(err.value)
