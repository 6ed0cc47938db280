"""Candidate e-mails: templates per category rendered into an outbox, sent over SMTP by the worker."""
