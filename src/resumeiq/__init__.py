"""resumeiq: self-hostable resume intelligence."""

__version__ = "0.1.0"
