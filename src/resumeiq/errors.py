"""Service errors, each with a stable ``code``. Services raise these, never HTTP exceptions;
``resumeiq.problems`` maps them (and the engine's errors) to RFC 9457 responses in one place.

    ServiceError                          code
    ├── NotFound                          not_found
    ├── InvalidInput                      invalid_input
    │   ├── UnknownIndustryRequested      unknown_industry
    │   ├── InvalidUpload                 invalid_upload
    │   ├── ProcessingTimeout             processing_timeout
    │   ├── UnprocessableFile             unprocessable_file
    │   ├── NothingToTailor               nothing_to_tailor
    │   ├── InvalidTailoredResume         invalid_resume
    │   ├── LLMNotConfigured              llm_not_configured
    │   ├── ConfirmationRequired          confirmation_required
    │   └── WeakPassword                  weak_password
    ├── PayloadTooLarge                   too_large
    ├── UnsupportedMediaType              unsupported_media_type
    ├── Conflict                          conflict
    │   ├── EmailTaken                    email_taken
    │   ├── ResumeNotReady                resume_not_ready
    │   ├── StalePreview                  stale_preview
    │   ├── PreviewHashMismatch           preview_hash_mismatch
    │   ├── AlreadyConfirmed              already_confirmed
    │   ├── NoCoverLetter                 no_cover_letter
    │   ├── ResultNotReady                result_not_ready
    │   └── PreviewCountMismatch          preview_count_mismatch
    ├── Forbidden                         forbidden
    │   ├── RegistrationClosed            registration_closed
    │   ├── CsrfFailed                    csrf_failed
    │   ├── PasswordMismatch              password_mismatch
    │   └── RoleRequired                  role_required
    ├── AuthenticationFailed              not_authenticated
    │   ├── InvalidCredentials            invalid_credentials
    │   └── InvalidToken                  invalid_token
    ├── InsufficientCredits               insufficient_credits
    ├── RateLimited                       rate_limited
    │   └── EmailCapReached               email_cap_reached
    └── ServiceUnavailable                service_unavailable
        ├── EngineUnavailable             engine_unavailable
        ├── EmailNotConfigured            email_not_configured
        └── EmailNotDelivered             email_not_delivered
"""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """Base of all service errors. ``message`` is for people; ``extra`` goes into the problem body."""

    code = "service_error"

    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra


class NotFound(ServiceError):
    code = "not_found"

    @classmethod
    def of(cls, kind: str, ident: object) -> NotFound:
        return cls(f"{kind} {ident} was not found.")


class InvalidInput(ServiceError):
    code = "invalid_input"


class UnknownIndustryRequested(InvalidInput):
    code = "unknown_industry"

    def __init__(self, industry: str, valid: list[str]) -> None:
        super().__init__(
            f"Unknown industry {industry!r}; valid industries are: {', '.join(valid)}.",
            industry=industry,
            valid_industries=valid,
        )


class InvalidUpload(InvalidInput):
    """The request is not a usable multipart upload (no file part, malformed body, …)."""

    code = "invalid_upload"


class ProcessingTimeout(InvalidInput):
    """The engine did not finish this file within the time limit."""

    code = "processing_timeout"


class UnprocessableFile(InvalidInput):
    """The parser failed on this file in a way it has no specific code for (a parser bug)."""

    code = "unprocessable_file"


class WeakPassword(InvalidInput):
    """A new password the policy refuses (``users.passwords``); the message says why."""

    code = "weak_password"


class NothingToTailor(InvalidInput):
    """The resume has no content a tailoring could work from (resumeiq never writes one from nothing)."""

    code = "nothing_to_tailor"


class InvalidTailoredResume(InvalidInput):
    """Confirm ``edits`` that make the resume invalid; ``errors`` lists each field path and why."""

    code = "invalid_resume"


class LLMNotConfigured(InvalidInput):
    """``mode: "llm"`` asked for, and no language model is available."""

    code = "llm_not_configured"


class ConfirmationRequired(InvalidInput):
    """An action that cannot be undone (sending e-mail) without ``confirm`` and what was previewed."""

    code = "confirmation_required"


class PayloadTooLarge(ServiceError):
    code = "too_large"


class UnsupportedMediaType(ServiceError):
    """The request body's media type is not one this endpoint takes."""

    code = "unsupported_media_type"


class Conflict(ServiceError):
    code = "conflict"


class EmailTaken(Conflict):
    code = "email_taken"


class ResumeNotReady(Conflict):
    code = "resume_not_ready"


class StalePreview(Conflict):
    """The resume or the job changed after the preview was made."""

    code = "stale_preview"


class PreviewHashMismatch(Conflict):
    code = "preview_hash_mismatch"


class AlreadyConfirmed(Conflict):
    code = "already_confirmed"


class NoCoverLetter(Conflict):
    """The preview has no cover letter: none was requested, or writing it failed."""

    code = "no_cover_letter"


class ResultNotReady(Conflict):
    """The work behind this result has not completed (still queued, running, or failed)."""

    code = "result_not_ready"


class PreviewCountMismatch(Conflict):
    """What would be sent now is not what the confirmed preview counted; ``count`` is the new count."""

    code = "preview_count_mismatch"


class Forbidden(ServiceError):
    code = "forbidden"


class RegistrationClosed(Forbidden):
    code = "registration_closed"


class RoleRequired(Forbidden):
    """The user's role does not allow this (screenings and candidate e-mail are for recruiters);
    ``required_roles`` lists the roles that do."""

    code = "role_required"


class CsrfFailed(Forbidden):
    """A web form post without this session's CSRF token, or from another origin."""

    code = "csrf_failed"


class PasswordMismatch(Forbidden):
    """A password asked again to confirm an operation (deleting the account) is not the user's."""

    code = "password_mismatch"


class AuthenticationFailed(ServiceError):
    code = "not_authenticated"


class InvalidCredentials(AuthenticationFailed):
    code = "invalid_credentials"


class InvalidToken(AuthenticationFailed):
    code = "invalid_token"


class InsufficientCredits(ServiceError):
    """Credits are on and the balance is short; ``credits_needed`` and ``credits_available``
    say by how much (HTTP 402)."""

    code = "insufficient_credits"


class RateLimited(ServiceError):
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, retry_after=retry_after)
        self.retry_after = retry_after


class EmailCapReached(RateLimited):
    """Queuing these messages would pass a cap on e-mail (per user per day, or the server's per day)."""

    code = "email_cap_reached"


class ServiceUnavailable(ServiceError):
    code = "service_unavailable"


class EngineUnavailable(ServiceUnavailable):
    code = "engine_unavailable"


class EmailNotConfigured(ServiceUnavailable):
    code = "email_not_configured"


class EmailNotDelivered(ServiceUnavailable):
    """The SMTP server refused or could not be reached for a message sent while the caller waits."""

    code = "email_not_delivered"
