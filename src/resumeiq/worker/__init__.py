"""Running jobs: the engine process pool, claiming with leases, and the local dispatcher."""
