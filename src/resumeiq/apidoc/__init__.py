"""The API's own documentation: problem responses declared per route (``problems``), the
problem+json schemas the app really sends, examples of every body, and ``/docs`` and ``/redoc``
served with assets shipped in a package (no CDN).

    from resumeiq.apidoc import problems
    @router.get("/things/{thing_id}", responses=problems(401, 404, 422))
"""

from resumeiq.apidoc.problems import (
    FILE_UNREADABLE,
    FILE_UNSUPPORTED,
    FieldError,
    Problem,
    RateLimitedProblem,
    ValidationProblem,
    file_response,
    problems,
)

__all__ = [
    "FILE_UNREADABLE",
    "FILE_UNSUPPORTED",
    "FieldError",
    "Problem",
    "RateLimitedProblem",
    "ValidationProblem",
    "file_response",
    "problems",
]
