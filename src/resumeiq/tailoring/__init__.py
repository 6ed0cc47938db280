"""Tailoring a resume to a job: preview (diff, keywords, cover letter, outreach), confirm, export."""
