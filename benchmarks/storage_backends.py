#!/usr/bin/env python3
"""Time the file storage operations on the local directory and on an S3-compatible server.

    python benchmarks/storage_backends.py [--files 200] [--size 40000] [--endpoint URL --bucket B]

Without ``--endpoint`` it starts moto's S3 server on loopback (the one the tests use): that
measures resumeiq's own path (threads, boto3, HTTP on loopback), not a real S3 service's
latency. Prints p50/p95 milliseconds per operation: put (new content), put (content stored
already), read_bytes, local_copy (what the engine reads), delete.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import logging
import os
import secrets
import socket
import statistics
import tempfile
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def measure(storage, files: int, size: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {k: [] for k in ("put", "put_again", "read", "local_copy", "delete")}
    blobs = [os.urandom(size) for _ in range(files)]
    keys = []
    for data in blobs:
        sha = hashlib.sha256(data).hexdigest()
        for label in ("put", "put_again"):
            path = storage.new_temp_path()
            path.write_bytes(data)
            t = time.perf_counter()
            stored = await storage.put(path, sha)
            times[label].append(time.perf_counter() - t)
        keys.append(stored.key)
    for key in keys:
        t = time.perf_counter()
        await storage.read_bytes(key)
        times["read"].append(time.perf_counter() - t)
        t = time.perf_counter()
        async with storage.local_copy(key) as path:
            path.stat()
        times["local_copy"].append(time.perf_counter() - t)
    for key in keys:
        t = time.perf_counter()
        await storage.delete(key)
        times["delete"].append(time.perf_counter() - t)
    return times


def report(name: str, times: dict[str, list[float]]) -> None:
    cells = []
    for op, values in times.items():
        ms = sorted(v * 1000 for v in values)
        p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
        cells.append(f"{op} {statistics.median(ms):.2f}/{p95:.2f}")
    print(f"{name:<6} (p50/p95 ms)  " + "  ".join(cells))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--size", type=int, default=40_000, help="bytes per file")
    parser.add_argument("--endpoint", help="an S3 endpoint (default: moto's server on loopback)")
    parser.add_argument("--bucket", help="an existing bucket at --endpoint")
    args = parser.parse_args()

    from resumeiq.storage import LocalFileStorage
    from resumeiq.storage.s3 import S3FileStorage

    with tempfile.TemporaryDirectory() as tmp:
        report("local", await measure(LocalFileStorage(Path(tmp) / "local"), args.files, args.size))
        server = None
        endpoint, bucket = args.endpoint, args.bucket
        if endpoint is None:
            from moto.server import ThreadedMotoServer

            logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise

            port = _free_port()
            server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
            server.start()
            endpoint, bucket = f"http://127.0.0.1:{port}", f"bench-{secrets.token_hex(4)}"
        storage = S3FileStorage.connect(
            bucket=bucket,
            prefix="bench",
            tmp_dir=Path(tmp) / "s3tmp",
            endpoint_url=endpoint,
            region="us-east-1",
            access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "bench"),
            secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "bench-secret"),
            addressing_style="path",
        )
        try:
            if server is not None:
                storage.client.create_bucket(Bucket=bucket)
            report("s3", await measure(storage, args.files, args.size))
        finally:
            storage.close()
            if server is not None:
                server.stop()
    print(f"{args.files} files of {args.size} bytes; endpoint {endpoint if args.endpoint else 'moto on loopback'}")


if __name__ == "__main__":
    asyncio.run(main())
