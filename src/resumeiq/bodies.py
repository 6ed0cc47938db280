"""Reading request bodies that routers parse themselves (a route taking JSON or multipart)."""

from __future__ import annotations

from typing import TypeVar

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from python_multipart.multipart import parse_options_header
from starlette.requests import ClientDisconnect, Request

from resumeiq.errors import InvalidInput, PayloadTooLarge

M = TypeVar("M", bound=BaseModel)


def media_type(request: Request) -> str:
    """The request's media type, lower-case, without parameters ("" if none)."""
    value, _ = parse_options_header(request.headers.get("content-type"))
    return value.decode("latin-1").lower()


async def read_json_model(request: Request, model: type[M], *, max_bytes: int) -> M:
    """Read a JSON body of at most ``max_bytes`` (counted while streaming) into ``model``.
    Validation errors are the usual 422 ``validation_error`` problem."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise PayloadTooLarge(f"The request body is larger than {max_bytes} bytes.")
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_bytes:
                raise PayloadTooLarge(f"The request body is larger than {max_bytes} bytes.")
    except ClientDisconnect as exc:
        raise InvalidInput("The client disconnected before the body was read.") from exc
    try:
        return model.model_validate_json(bytes(body))
    except ValidationError as exc:
        raise RequestValidationError(
            [{**err, "loc": ("body", *err.get("loc", ()))} for err in exc.errors(include_input=False)]
        ) from exc
