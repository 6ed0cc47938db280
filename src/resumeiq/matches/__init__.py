"""Matching resumes against jobs: queued matches (review requests of type ``job_match``), a
resume's top matches across the user's jobs, and side-by-side comparisons."""
