"""Running jobs: the job kinds, claiming with leases, the engine process pool, and the two
dispatchers (local, in the API process; Celery, with ``resumeiq worker``)."""
