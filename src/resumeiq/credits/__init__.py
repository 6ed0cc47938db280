"""Optional per-user credits (``RESUMEIQ_CREDITS_ENABLED``): a review costs 1, a screening of N
resumes N; every grant, charge and refund is a ledger row."""
