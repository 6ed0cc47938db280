"""Per-user rate limits (``limits``), in memory or on Redis."""
