"""The review workflow: review requests, their results, and the task that produces them."""
