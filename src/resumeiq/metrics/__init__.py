"""Prometheus metrics (prometheus-client): what the service counts and ``/metrics``.

    resumeiq_http_requests_total{method, route, status}        counter
    resumeiq_http_request_duration_seconds{method, route}      histogram
    resumeiq_engine_stage_seconds{stage}                       histogram (extract, parse, score,
                                                               match, job_parse: CPU time in the engine)
    resumeiq_emails_total{outcome}                             counter (sent, retry, failed)
    resumeiq_queue_jobs{kind, status}                          gauge, read from the database at
                                                               each scrape (pending, processing)
    resumeiq_queue_oldest_pending_age_seconds{kind}            gauge, same (0 when none waits)

``route`` is the route's template (``/api/v1/resumes/{resume_id}``), never the raw path, so that
ids do not make a series each; a request that matched no route counts as ``unmatched``.

Several processes: with ``PROMETHEUS_MULTIPROC_DIR`` set (before the service starts; an empty
directory, emptied at each start), prometheus-client keeps the counters and histograms in files
there, and ``/metrics`` of any process reports the sum over all of them.

The metric objects live in ``metrics.registry``; this package imports nothing on purpose:
``resumeiq worker --metrics-port`` must set the multiprocess directory before prometheus-client
is first imported (``metrics.worker``).
"""
