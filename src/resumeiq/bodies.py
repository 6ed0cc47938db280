"""Reading request bodies that routers parse themselves (a route taking JSON or multipart).

Both readers take only ``RequestModel`` schemas (see ``resumeiq.inputs``), so that every string a
request carries is checked the same way, whichever way the route reads it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from python_multipart.multipart import parse_options_header
from starlette.requests import ClientDisconnect, Request

from resumeiq.errors import InvalidInput, PayloadTooLarge
from resumeiq.inputs import RequestModel

M = TypeVar("M", bound=RequestModel)


def media_type(request: Request) -> str:
    """The request's media type, lower-case, without parameters ("" if none)."""
    value, _ = parse_options_header(request.headers.get("content-type"))
    return value.decode("latin-1").lower()


async def read_json_model(request: Request, model: type[M], *, max_bytes: int) -> M:
    """Read a JSON body of at most ``max_bytes`` (counted while streaming) into ``model``.
    Validation errors are the usual 422 ``validation_error`` problem."""
    _check_model(model)
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
        raise _in_body(exc) from exc


def read_form_fields(fields: Mapping[str, str], model: type[M]) -> M:
    """The text fields of a multipart body (read by the upload's stream parser) as ``model``;
    validation errors are the usual 422 ``validation_error`` problem."""
    _check_model(model)
    try:
        return model.model_validate(dict(fields))
    except ValidationError as exc:
        raise _in_body(exc) from exc


def _check_model(model: type[BaseModel]) -> None:
    if not issubclass(model, RequestModel):
        raise TypeError(f"{model.__name__} must derive from RequestModel")


def _in_body(exc: ValidationError) -> RequestValidationError:
    return RequestValidationError(
        [{**err, "loc": ("body", *err.get("loc", ()))} for err in exc.errors(include_input=False)]
    )
