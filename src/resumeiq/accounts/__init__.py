"""Account life cycle beyond sign-up: deleting one's own account, and the administrator's user
operations (delete a user; credits live in ``resumeiq.credits``)."""
