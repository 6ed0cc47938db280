"""A real S3-compatible server on loopback for the storage tests: moto's server mode (a Flask
app speaking the S3 protocol over HTTP), started once per test session on a free port. Each test
gets a bucket of its own. A pytest plugin (``pytest_plugins`` in conftest.py)."""

from __future__ import annotations

import logging
import secrets
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

ACCESS_KEY = "resumeiq-test-access"
SECRET_KEY = "resumeiq-test-secret-not-a-real-one"
REGION = "eu-west-1"


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str

    def client(self) -> Any:
        import boto3

        return boto3.session.Session().client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def new_bucket(self) -> str:
        name = f"resumeiq-test-{secrets.token_hex(6)}"
        client = self.client()
        client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
        client.close()
        return name

    def objects(self, bucket: str) -> list[str]:
        client = self.client()
        try:
            pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
            return sorted(obj["Key"] for page in pages for obj in page.get("Contents", []))
        finally:
            client.close()

    def settings(self, bucket: str, prefix: str = "files") -> dict[str, Any]:
        """Settings overrides that store files in ``bucket`` under ``prefix``."""
        return {
            "storage_url": f"s3://{bucket}/{prefix}",
            "s3_endpoint_url": self.endpoint_url,
            "s3_region": REGION,
            "s3_access_key_id": ACCESS_KEY,
            "s3_secret_access_key": SECRET_KEY,
            "s3_addressing_style": "path",
        }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield S3Server(f"http://127.0.0.1:{port}")
    finally:
        server.stop()
