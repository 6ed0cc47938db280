"""The problem+json bodies ``resumeiq.problems`` sends, as schemas, and the ``responses``
declaration a route lists its error statuses with.

``problems(401, 404, (409, "result_not_ready"), 422)``: each status with the schema of its body
(422: ``ValidationProblem``, 429: ``RateLimitedProblem``, else ``Problem``) under
``application/problem+json`` and one example per code named (by default the status's generic code).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(BaseModel):
    """An RFC 9457 problem. Some codes add fields (``valid_industries``, ``errors``, ``retry_after``,
    ``request_id`` on a 500); clients should ignore fields they do not know."""

    model_config = ConfigDict(extra="allow", title="Problem")

    type: str = Field("about:blank", description="Always about:blank: ``code`` says what happened")
    title: str = Field(description="The HTTP status phrase")
    status: int = Field(description="The HTTP status code")
    detail: str = Field(description="What went wrong, for people")
    instance: str = Field(description="The request's path")
    code: str = Field(description="A stable machine-readable code, e.g. not_found, rate_limited")


class FieldError(BaseModel):
    model_config = ConfigDict(title="FieldError")

    loc: list[str | int] = Field(description='Where: ["body", "industry"], ["path", "resume_id"], …')
    msg: str
    type: str = Field(description="Pydantic's error type, e.g. missing, uuid_parsing")


class ValidationProblem(Problem):
    """A 422 ``validation_error``: each invalid field in ``errors`` (values left out); other 422
    codes (``invalid_input``, ``unprocessable_file``, …) have no ``errors``."""

    model_config = ConfigDict(title="ValidationProblem")

    errors: list[FieldError] | None = None


class RateLimitedProblem(Problem):
    """A 429 ``rate_limited``; the ``Retry-After`` header says the same as ``retry_after``."""

    model_config = ConfigDict(title="RateLimitedProblem")

    retry_after: int = Field(description="Seconds until a retry can succeed")


_SCHEMAS: dict[int, type[Problem]] = {422: ValidationProblem, 429: RateLimitedProblem}
SCHEMAS: tuple[type[BaseModel], ...] = (Problem, FieldError, ValidationProblem, RateLimitedProblem)

DEFAULT_CODE = {
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    503: "service_unavailable",
}

# What each code's problem looks like: its detail and any fields it adds.
EXAMPLES: dict[str, dict[str, Any]] = {
    "not_authenticated": {"detail": "Log in first: send 'Authorization: Bearer <token>'."},
    "invalid_token": {"detail": "The token is invalid or has expired; log in again."},
    "invalid_credentials": {"detail": "Wrong e-mail or password."},
    "forbidden": {"detail": "This account may not do that."},
    "registration_closed": {"detail": "Registration is closed on this server."},
    "not_found": {"detail": "Resume 2f1c0b9e-7a4d-4d8e-9b1a-3c5e6f7a8b9c was not found."},
    "conflict": {"detail": "Too many simultaneous uploads for this candidate; try again."},
    "resume_not_ready": {
        "detail": "Resume 2f1c0b9e-7a4d-4d8e-9b1a-3c5e6f7a8b9c is failed, not ready for matching."
    },
    "result_not_ready": {"detail": "The match is processing; its result is not ready yet."},
    "stale_preview": {"detail": "The resume or the job changed after this preview was made."},
    "preview_hash_mismatch": {"detail": "preview_hash does not match the preview."},
    "already_confirmed": {"detail": "This preview was confirmed already."},
    "no_cover_letter": {"detail": "This preview has no cover letter."},
    "too_large": {"detail": "The file is larger than 10485760 bytes."},
    "unsupported_media_type": {
        "detail": "Send the job as application/json or as multipart/form-data with a 'file' field."
    },
    "unsupported_format": {"detail": "This file is not a PDF, DOCX, TXT or MD document."},
    "validation_error": {
        "detail": "body.industry: String should have at most 64 characters",
        "errors": [
            {
                "loc": ["body", "industry"],
                "msg": "String should have at most 64 characters",
                "type": "string_too_long",
            }
        ],
    },
    "invalid_input": {"detail": "job_id must be a UUID."},
    "invalid_upload": {"detail": "No file part named 'file' in the upload."},
    "unknown_industry": {
        "detail": "Unknown industry 'astrology'; valid industries are: general, strategy_tech.",
        "industry": "astrology",
        "valid_industries": ["general", "strategy_tech"],
    },
    "encrypted_file": {"detail": "The PDF is encrypted; upload a copy without a password."},
    "no_text_layer": {"detail": "The PDF has no text layer (a scan); upload a text PDF or DOCX."},
    "weak_password": {"detail": "The password is too short: use at least 10 characters."},
    "invalid_resume": {"detail": "The edits make the resume invalid.", "errors": []},
    "nothing_to_tailor": {"detail": "The resume has no content a tailoring could work from."},
    "llm_not_configured": {"detail": "mode 'llm' needs a language model; none is configured."},
    "rate_limited": {"detail": "Too many analyses (limit 60 per 1 hour).", "retry_after": 42},
    "service_unavailable": {"detail": "The database is unreachable."},
    "engine_unavailable": {"detail": "The engine is restarting; try again in a moment."},
    "role_required": {
        "detail": "Only recruiter or admin accounts can screen resumes; this account is a job_seeker.",
        "required_roles": ["recruiter", "admin"],
    },
    "email_cap_reached": {
        "detail": "These 40 message(s) would pass the cap of 1000 e-mails per 24 hours for your account "
        "(980 already queued in that time).",
        "retry_after": 3600,
    },
    "confirmation_required": {
        "detail": "Preview first (POST …/emails/preview), then send with confirm: true and the "
        "preview's count as expected_count."
    },
    "preview_count_mismatch": {
        "detail": "The preview you confirmed had 12 message(s); 11 would be sent now: preview again.",
        "count": 11,
    },
    "email_not_delivered": {"detail": "The SMTP server did not take the message: 421 try later"},
    "email_not_configured": {
        "detail": "E-mail is not configured on this server (set RESUMEIQ_SMTP_HOST)."
    },
}


def example(status: int, code: str, instance: str = "/api/v1/...") -> dict[str, Any]:
    """The problem body the app sends for ``code`` at ``status`` (its detail as in ``EXAMPLES``)."""
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "instance": instance,
        "code": code,
        **EXAMPLES.get(code, {"detail": HTTPStatus(status).description}),
    }


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.model_config.get('title') or model.__name__}"}


def problems(*declared: int | tuple[int, ...] | tuple[int, str]) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route: each status, or ``(status, code, code, …)`` to name the
    codes it sends at that status (an example each)."""
    out: dict[int | str, dict[str, Any]] = {}
    for item in declared:
        status, *codes = item if isinstance(item, tuple) else (item,)
        codes = [str(c) for c in codes] or [DEFAULT_CODE[status]]
        content = out.setdefault(status, {"description": HTTPStatus(status).phrase, "content": {}})[
            "content"
        ].setdefault(PROBLEM_MEDIA_TYPE, {"schema": _ref(_SCHEMAS.get(status, Problem)), "examples": {}})
        for code in codes:
            content["examples"][code] = {"summary": code, "value": example(status, code)}
    return out


# What a route that reads an uploaded document answers when the file cannot be read.
FILE_UNREADABLE = (
    422,
    "validation_error",
    "invalid_upload",
    "empty_file",
    "corrupt_file",
    "encrypted_file",
    "no_text_layer",
    "processing_timeout",
)
FILE_UNSUPPORTED = (415, "unsupported_format", "unsupported_media_type")


def file_response(description: str, *media_types: str) -> dict[int | str, dict[str, Any]]:
    """A 200 whose body is a file (not JSON): its media types, for ``responses=``."""
    return {
        200: {
            "description": description,
            "content": {media: {"schema": {"type": "string", "format": "binary"}} for media in media_types},
        }
    }
