"""compose.yaml (production: api, worker, postgres, redis, minio) is well-formed, and the commands it runs
are real ``resumeiq`` commands with real options (parsed by the CLI itself, not run)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main
import yaml

from resumeiq.cli import app
from resumeiq.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def interpolate(value: str) -> str:
    """Compose's ``${VAR:-default}`` / ``${VAR:?message}`` with nothing set: the default."""

    def sub(m: re.Match[str]) -> str:
        op, rest = m.group(2), m.group(3)
        return rest if op == ":-" else "x" * 40 if op == ":?" else ""

    return re.sub(r"\$\{(\w+)(:-|:\?)?([^}]*)\}", sub, value).replace("$$", "$")


def parse_cli(args: list[str]) -> dict:
    assert args[0] == "resumeiq", args
    root = typer.main.get_command(app)
    ctx = root.make_context("resumeiq", args[1:2])
    command = root.get_command(ctx, args[1])
    assert command is not None, f"no such command: {args[1]}"
    return command.make_context(args[1], args[2:], parent=ctx).params


def test_services_volumes_and_healthchecks():
    spec = compose()
    services = spec["services"]
    assert set(services) == {"api", "worker", "postgres", "redis", "minio"}
    assert all("healthcheck" in s for s in services.values())
    assert {"data", "pgdata"} <= set(spec["volumes"])
    assert "data:/data" in services["api"]["volumes"] and "data:/data" in services["worker"]["volumes"]
    assert "pgdata:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert services["worker"]["depends_on"]["api"]["condition"] == "service_healthy"
    assert services["api"]["depends_on"]["minio"]["condition"] == "service_healthy"
    assert "s3data:/data" in services["minio"]["volumes"]


def test_commands_are_real_cli_commands():
    services = compose()["services"]
    serve = parse_cli([interpolate(a) for a in services["api"]["command"]])
    assert serve["host"] == "0.0.0.0" and serve["port"] == 8000
    worker = parse_cli([interpolate(a) for a in services["worker"]["command"]])
    assert worker["concurrency"] == 2
    health = interpolate(services["worker"]["healthcheck"]["test"][1])
    assert health.startswith("celery -A resumeiq.worker.celery_app inspect ping")
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.M)
    assert cmd is not None
    parse_cli(yaml.safe_load(cmd.group(1)))


def test_environment_makes_valid_scale_out_settings(tmp_path):
    env = {k: interpolate(str(v)) for k, v in compose()["services"]["worker"]["environment"].items()}
    assert env == {k: interpolate(str(v)) for k, v in compose()["services"]["api"]["environment"].items()}
    values = {k.removeprefix("RESUMEIQ_").lower(): v for k, v in env.items()}
    settings = Settings(**values | {"data_dir": tmp_path})
    assert settings.queue == "celery" and settings.redis_url == "redis://redis:6379/0"
    assert settings.database_url.startswith("postgresql+asyncpg://resumeiq:")
    assert settings.smtp_host is None and not settings.smtp_password
    # The files go to the bundled MinIO's bucket, with its credentials.
    assert settings.storage_location == ("resumeiq", "files")
    assert settings.s3_endpoint_url == "http://minio:9000" and settings.s3_create_bucket
    minio = compose()["services"]["minio"]["environment"]
    assert interpolate(minio["MINIO_ROOT_USER"]) == settings.s3_access_key_id
    assert interpolate(minio["MINIO_ROOT_PASSWORD"]) == settings.s3_secret_access_key.get_secret_value()
