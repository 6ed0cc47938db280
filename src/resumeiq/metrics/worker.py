"""Metrics of a Celery worker (``resumeiq worker --metrics-port``): the engine's stage times and
the e-mail outcomes are counted where those jobs run, in the worker's pool processes.

The pool processes are forked from the worker's main process, so their counters live in
prometheus-client's multiprocess files: ``PROMETHEUS_MULTIPROC_DIR`` (a new temporary directory
unless the environment names one; its old files are removed) must be set before the first
metric is created, which is why this runs first thing in the ``worker`` command. The main
process serves the sum over its pool processes over HTTP (prometheus-client's own server, a
thread), with no authentication: bind it to an interface only the scraper reaches.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def serve_worker_metrics(host: str, port: int) -> str:
    """Switch prometheus-client to multiprocess mode and serve on ``host:port``; returns the
    directory. Raises ``RuntimeError`` if metrics were created already (too late to switch)."""
    if "prometheus_client" in sys.modules and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        raise RuntimeError("prometheus_client was imported before the multiprocess directory was set")
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        for stale in Path(directory).glob("*.db"):
            stale.unlink(missing_ok=True)
    else:
        directory = tempfile.mkdtemp(prefix="resumeiq-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory

    from prometheus_client import CollectorRegistry, start_http_server
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    start_http_server(port, addr=host, registry=registry)
    return directory
