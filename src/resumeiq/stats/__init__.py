"""Per-user statistics: counts, score distributions and category totals."""
