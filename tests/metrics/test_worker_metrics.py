"""``resumeiq worker --metrics-port``: the engine's and the e-mails' series, counted in the
Celery pool processes, are served by the worker's main process (multiprocess mode). The API and
the worker share no directory: the files are in a bucket of the S3 test server, as in the
compose file's scale-out set-up."""

from __future__ import annotations

import asyncio
import os
import secrets
import time

import httpx
import pytest
import redis

from accounts.everything import OWN_RESUME, poll
from emails.smtp import free_port
from metrics.test_metrics import value
from processes import CliProcess

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_worker_serves_the_metrics_of_its_pool(
    start_api, make_settings, database_url, redis_url, tmp_path, s3_server
):
    queue = f"resumeiq-test-{secrets.token_hex(4)}"
    bucket = s3_server.new_bucket()
    s3 = s3_server.settings(bucket)
    settings = make_settings(
        **s3,
        queue="celery",
        redis_url=redis_url,
        celery_queue=queue,
        rate_limit_key_prefix=queue,
        rate_limit_analysis="1000/minute",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RESUMEIQ_", "PROMETHEUS_"))} | {
        "RESUMEIQ_DATABASE_URL": database_url,
        "RESUMEIQ_REDIS_URL": redis_url,
        "RESUMEIQ_QUEUE": "celery",
        "RESUMEIQ_CELERY_QUEUE": queue,
        "RESUMEIQ_JWT_SECRET": settings.jwt_secret_value,
        "RESUMEIQ_DATA_DIR": str(tmp_path / "worker-data"),  # not the API's: files come from the bucket
    } | {f"RESUMEIQ_{k.upper()}": str(v) for k, v in s3.items()}
    port = free_port()
    worker = CliProcess(["worker", "--concurrency", "2", "--metrics-port", str(port)], env, tmp_path / "w.log")
    try:
        deadline = time.monotonic() + 60
        while " ready." not in worker.output():
            assert worker.proc.poll() is None and time.monotonic() < deadline, worker.output()[-3000:]
            await asyncio.sleep(0.1)
        async with start_api(settings) as api:
            user = await api.register()
            rid = (await user.upload(OWN_RESUME, "own.txt")).json()["resume_id"]
            ids = []
            for _ in range(2):
                r = await user.post(f"/api/v1/analysis/resumes/{rid}/analyze", json={"industry": "general"})
                assert r.status_code == 202, r.text
                ids.append(r.json()["analysis_id"])
            for aid in ids:
                await poll(
                    lambda aid=aid: user.get(f"/api/v1/analysis/analysis/{aid}/status"),
                    lambda r: r.json()["status"] == "completed",
                )
        async with httpx.AsyncClient() as client:
            text = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
        assert value(text, "resumeiq_engine_stage_seconds_count", stage="score") == 2
        assert value(text, "resumeiq_engine_stage_seconds_count", stage="extract") == 2
        assert len(s3_server.objects(bucket)) == 1
    finally:
        worker.stop()
        client = redis.Redis.from_url(redis_url)
        client.delete(queue, f"_kombu.binding.{queue}", *client.scan_iter(f"{queue}:*"))
        client.close()
