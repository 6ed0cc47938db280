"""The OpenAPI document as the app serves it, and the pages that show it offline.

``install_api_docs(app)`` replaces FastAPI's generated 422 (``HTTPValidationError``, a body the
app never sends) with the ``ValidationProblem`` actually sent, adds the problem schemas, and puts
the recorded example of every request and response body (``examples.json``, written by
``scripts/record_api_examples.py`` from a real run) where its operation is. ``/docs`` (Swagger UI)
and ``/redoc`` load their scripts from ``/static-offline-docs`` (the ``fastapi-offline`` package's
copies; ReDoc's with its vendor logo pointed at our favicon), so they work on a host without
internet access and ask no other host for anything.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic.json_schema import models_json_schema

from resumeiq.apidoc.problems import PROBLEM_MEDIA_TYPE, SCHEMAS, problems

EXAMPLES_PATH = Path(__file__).with_name("examples.json")
DOCS_ASSETS_URL = "/static-offline-docs"
_FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")


@cache
def recorded_examples() -> dict[str, Any]:
    """``{"GET /api/v1/x/{x_id}": {"request": {media type: body}, "responses": {status: {media type: body}}}}``."""
    if not EXAMPLES_PATH.exists():
        return {}
    return json.loads(EXAMPLES_PATH.read_text(encoding="utf-8"))


def build_openapi(app: FastAPI) -> dict[str, Any]:
    schema = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    _, defs = models_json_schema(
        [(model, "validation") for model in SCHEMAS], ref_template="#/components/schemas/{model}"
    )
    components.update(defs.get("$defs", {}))
    examples = recorded_examples()
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            generated = responses.get("422", {}).get("content", {}).get("application/json", {})
            if generated.get("schema", {}).get("$ref", "").endswith("/HTTPValidationError"):
                responses["422"] = problems(422)[422]
            _attach_examples(operation, examples.get(f"{method.upper()} {path}", {}))
    for name in _FASTAPI_VALIDATION:  # HTTPValidationError first: it refers to ValidationError
        components.pop(name, None)
        if f'"#/components/schemas/{name}"' in json.dumps(schema):
            raise RuntimeError(f"a route still documents FastAPI's {name}, which the app never sends")
    return schema


def _attach_examples(operation: dict[str, Any], recorded: dict[str, Any]) -> None:
    for media, value in (recorded.get("request") or {}).items():
        content = operation.get("requestBody", {}).get("content", {})
        if media in content and "example" not in content[media]:
            content[media]["example"] = value
    for status, by_media in (recorded.get("responses") or {}).items():
        response = operation.get("responses", {}).get(str(status))
        if response is None:
            continue
        for media, value in by_media.items():
            if media == PROBLEM_MEDIA_TYPE:
                continue
            entry = response.setdefault("content", {}).setdefault(media, {})
            entry.setdefault("example", value)


def install_api_docs(app: FastAPI, *, assets: Path) -> None:
    """Serve the OpenAPI document (see ``build_openapi``), ``/docs`` and ``/redoc`` from ``assets``
    (a directory with swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js, favicon.png).
    The app must be created with ``docs_url=None, redoc_url=None``."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    redoc_js = _redoc_script(assets / "redoc.standalone.js")

    @app.get(f"{DOCS_ASSETS_URL}/redoc.standalone.js", include_in_schema=False)
    async def redoc_script() -> Response:  # before the mount: it would serve the file as shipped
        return Response(redoc_js, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=str(assets)), name="docs-assets")
    redirect_url = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - API",
            oauth2_redirect_url=f"{root}{redirect_url}",
            swagger_js_url=f"{root}{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS_URL}/favicon.png",
        )

    @app.get(redirect_url, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - API reference",
            redoc_js_url=f"{root}{DOCS_ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{DOCS_ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )


# ReDoc's bundle shows its vendor's logo from the vendor's CDN in the side menu, whatever the
# options: the one request the pages would make to another host. It shows our favicon instead.
_REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"


def _redoc_script(path: Path) -> bytes:
    return path.read_bytes().replace(_REDOC_LOGO, f"{DOCS_ASSETS_URL}/favicon.png".encode())


def offline_assets() -> Path:
    """The Swagger UI and ReDoc files shipped in the ``fastapi-offline`` package."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"
