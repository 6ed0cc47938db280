"""Typed engine errors, each with a stable ``code``.

    EngineError
    ├── EmptyFile            code="empty_file"
    ├── CorruptFile          code="corrupt_file"
    ├── EncryptedFile        code="encrypted_file"
    ├── UnsupportedFormat    code="unsupported_format"
    ├── TooLarge             code="too_large"
    ├── NoTextLayer          code="no_text_layer"
    └── UnknownIndustry      code="unknown_industry"

The engine raises nothing else for bad input: every other exception is a bug.
"""

from __future__ import annotations


class EngineError(Exception):
    """Base of all engine errors. ``code`` is stable; ``message`` is for people."""

    code: str = "engine_error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class EmptyFile(EngineError):
    code = "empty_file"


class CorruptFile(EngineError):
    code = "corrupt_file"


class EncryptedFile(EngineError):
    code = "encrypted_file"


class UnsupportedFormat(EngineError):
    code = "unsupported_format"


class TooLarge(EngineError):
    code = "too_large"


class NoTextLayer(EngineError):
    code = "no_text_layer"


class UnknownIndustry(EngineError):
    code = "unknown_industry"

    def __init__(self, industry: str, valid: list[str]) -> None:
        super().__init__(
            f"Unknown industry {industry!r}; valid industries are: {', '.join(valid)}.",
            industry=industry,
            valid=valid,
        )
        self.valid = valid
