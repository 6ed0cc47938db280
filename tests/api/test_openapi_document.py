"""The API documents itself: every route its problem responses (the bodies really sent), every
body an example that is valid, and /docs and /redoc without any asset from another host."""

from __future__ import annotations

import inspect
import re
import uuid
from typing import Any

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute
from pydantic import TypeAdapter

from resumeiq.apidoc import Problem, RateLimitedProblem, ValidationProblem
from resumeiq.apidoc.document import recorded_examples

PROBLEM = "application/problem+json"
PROBLEM_SCHEMAS = {"Problem", "ValidationProblem", "RateLimitedProblem"}
METHODS = {"get", "post", "put", "patch", "delete"}


def operations(document: dict[str, Any]):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", operation


def has_example(media: dict[str, Any], components: dict[str, Any]) -> bool:
    if media.get("example") is not None or media.get("examples"):
        return True
    ref = media.get("schema", {}).get("$ref", "")
    schema = components.get(ref.rsplit("/", 1)[-1], {}) if ref else media.get("schema", {})
    return bool(schema.get("examples") or schema.get("example") is not None)


def documentation_gaps(document: dict[str, Any]) -> list[str]:
    """Every way an operation falls short of documenting itself, one line each."""
    components = document["components"]["schemas"]
    gaps = []
    for name, op in operations(document):
        responses = op.get("responses", {})
        problems = {}
        for status, response in responses.items():
            if status.startswith(("4", "5")):
                media = response.get("content", {}).get(PROBLEM)
                ref = (media or {}).get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
                if media is None or ref not in PROBLEM_SCHEMAS:
                    gaps.append(f"{name}: {status} is not a problem+json response with the problem schema")
                elif not media.get("examples"):
                    gaps.append(f"{name}: {status} has no example")
                problems[status] = ref
        params = op.get("parameters", [])
        wanted = set()
        if op.get("security"):
            wanted.add("401")
        if any(p["in"] == "path" for p in params):
            wanted.add("404")
        if params or "requestBody" in op:
            wanted.add("422")
        for status in sorted(wanted - set(problems)):
            gaps.append(f"{name}: {status} is not documented")
        if problems.get("422") not in (None, "ValidationProblem"):
            gaps.append(f"{name}: 422 is not documented as a ValidationProblem")
        if problems.get("429") not in (None, "RateLimitedProblem"):
            gaps.append(f"{name}: 429 is not documented as a RateLimitedProblem")
        for media_type, media in op.get("requestBody", {}).get("content", {}).items():
            if not has_example(media, components):
                gaps.append(f"{name}: its {media_type} request body has no example")
        for status, response in responses.items():
            if not status.startswith("2"):
                continue
            for media_type, media in response.get("content", {}).items():
                if media.get("schema", {}).get("format") == "binary":
                    continue  # a file (PDF, DOCX, …): its media type is its documentation
                if not has_example(media, components):
                    gaps.append(f"{name}: its {status} {media_type} body has no example")
    if {"HTTPValidationError", "ValidationError"} & set(components):
        gaps.append("FastAPI's HTTPValidationError is documented: the app never sends it")
    return gaps


async def test_every_route_documents_its_errors_and_examples(api):
    document = (await api.client.get("/openapi.json")).json()
    assert documentation_gaps(document) == []
    assert len(list(operations(document))) >= 45


async def test_the_walk_finds_a_route_without_documented_errors(api):
    """The check above is not vacuous: strip one route's declarations and it says so."""
    document = (await api.client.get("/openapi.json")).json()
    op = document["paths"]["/api/v1/jobs/{job_id}"]["get"]
    op["responses"] = {"200": op["responses"]["200"]}
    del document["paths"]["/api/v1/resumes"]["post"]["requestBody"]["content"]["multipart/form-data"]["example"]
    gaps = documentation_gaps(document)
    assert "GET /api/v1/jobs/{job_id}: 401 is not documented" in gaps
    assert "GET /api/v1/jobs/{job_id}: 404 is not documented" in gaps
    assert "POST /api/v1/resumes: its multipart/form-data request body has no example" in gaps


def test_recorded_examples_are_valid_bodies_of_their_routes():
    """Each recorded response example validates against its route's response model (run
    scripts/record_api_examples.py again when a body changes)."""
    from resumeiq import main

    routers = [r for name, r in vars(main).items() if name.endswith("_router") and isinstance(r, APIRouter)]
    examples = recorded_examples()
    checked = 0
    for route in (route for router in routers for route in router.routes):
        if not isinstance(route, APIRoute) or route.response_model is None:
            continue
        for method in route.methods:
            recorded = examples.get(f"{method} {main.API_PREFIX}{route.path}", {})
            body = recorded.get("responses", {}).get(str(route.status_code or 200), {}).get("application/json")
            if body is not None:
                TypeAdapter(route.response_model).validate_python(body)
                checked += 1
    assert checked >= 35


async def test_the_problems_sent_are_the_documented_schemas(api, user):
    """Real error bodies validate against the documented schemas and carry the same fields as
    their examples."""
    document = (await api.client.get("/openapi.json")).json()
    documented = document["paths"]["/api/v1/resumes/{resume_id}"]["get"]["responses"]

    r = await api.client.get(f"/api/v1/resumes/{uuid.uuid4()}")
    assert r.status_code == 401 and r.headers["content-type"].startswith(PROBLEM)
    Problem.model_validate(r.json())

    r = await user.get(f"/api/v1/resumes/{uuid.uuid4()}")
    assert r.status_code == 404
    example = documented["404"]["content"][PROBLEM]["examples"]["not_found"]["value"]
    assert set(r.json()) == set(example)

    r = await user.get("/api/v1/resumes/not-a-uuid")
    assert r.status_code == 422
    body = ValidationProblem.model_validate(r.json())
    assert body.errors and body.errors[0].loc == ["path", "resume_id"]
    example = documented["422"]["content"][PROBLEM]["examples"]["validation_error"]["value"]
    assert set(r.json()) == set(example)
    assert set(r.json()["errors"][0]) == set(example["errors"][0])

    r = await user.post("/api/v1/jobs", content=b"text", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    assert "415" in document["paths"]["/api/v1/jobs"]["post"]["responses"]
    Problem.model_validate(r.json())


@pytest.mark.parametrize("make_settings_overrides", [{"rate_limit_analysis": "1/hour"}])
async def test_a_rate_limited_answer_is_the_documented_schema(
    start_api, make_settings, make_settings_overrides, resume_text
):
    async with start_api(make_settings(**make_settings_overrides)) as api:
        user = await api.register()
        rid = (await user.upload(resume_text)).json()["resume_id"]
        # A request refused for bad input (here: another resume) is not counted; a good one is.
        missing = {"resume_id": str(uuid.uuid4()), "industry": "general"}
        assert (await user.post("/api/v1/analyses", json=missing)).status_code == 404
        body = {"resume_id": rid, "industry": "general"}
        assert (await user.post("/api/v1/analyses", json=body)).status_code == 202
        r = await user.post("/api/v1/analyses", json=body)
        assert r.status_code == 429
        problem = RateLimitedProblem.model_validate(r.json())
        assert str(problem.retry_after) == r.headers["Retry-After"]


async def test_docs_and_redoc_load_nothing_from_another_host(api):
    for page in ("/docs", "/redoc"):
        r = await api.client.get(page)
        assert r.status_code == 200
        sources = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']+)', r.text) + re.findall(
            r"url:\s*['\"]([^'\"]+)", r.text
        )
        assert sources, page
        assert not [s for s in sources if re.match(r"(https?:)?//", s)], (page, sources)
        for asset in (s for s in sources if s.startswith("/static-offline-docs/")):
            got = await api.client.get(asset)
            assert got.status_code == 200 and len(got.content) > 1000, asset
    assert "fonts.googleapis" not in (await api.client.get("/redoc")).text
    redoc = await api.client.get("/static-offline-docs/redoc.standalone.js")
    assert redoc.status_code == 200 and b"cdn.redoc.ly" not in redoc.content  # its logo, served here


async def test_the_earlier_paths_are_kept_and_marked_deprecated(api, user, resume_text):
    document = (await api.client.get("/openapi.json")).json()
    paths = document["paths"]
    assert paths["/api/v1/analysis/analysis/{analysis_id}/status"]["get"]["deprecated"] is True
    assert paths["/api/v1/analysis/resumes/{resume_id}/analyze"]["post"]["deprecated"] is True
    assert not paths["/api/v1/analyses/{analysis_id}"]["get"].get("deprecated")

    rid = (await user.upload(resume_text)).json()["id"]
    r = await user.post("/api/v1/analyses", json={"resume_id": rid, "industry": "general"})
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert accepted["id"] == accepted["analysis_id"]  # the former name, kept for clients
    assert accepted["status_url"] == f"/api/v1/analyses/{accepted['id']}"
    new = (await user.get(accepted["status_url"])).json()
    old = (await user.get(f"/api/v1/analysis/analysis/{accepted['id']}/status")).json()
    assert new["id"] == old["id"] == accepted["id"] and new["resume_id"] == rid
    listed = (await user.get("/api/v1/analyses")).json()["items"]
    assert [a["id"] for a in listed] == [accepted["id"]]


async def test_resources_name_their_own_id_id(api):
    """A resource's own id is ``id`` in every body that is that resource; the former names
    (analysis_id, resume_id, …) are kept only as deprecated copies."""
    document = (await api.client.get("/openapi.json")).json()
    components = document["components"]["schemas"]
    for name in ("AnalysisStatus", "MatchStatus", "MatchAccepted", "ResumeOut", "ScreeningStatus",
                 "ScreeningItemOut", "EmailOut", "PreviewOut", "JobOut", "CandidateOut"):
        schema = components.get(name) or components[f"{name}-Output"]
        props = schema["properties"]
        assert "id" in props, name
        for field, spec in props.items():
            if field.endswith("_id") and spec.get("deprecated"):
                assert spec.get("readOnly"), (name, field)
    match = components["MatchStatus"]["properties"]
    assert match["analysis_id"]["deprecated"] is True


async def test_a_rate_limited_route_documents_its_429(api):
    """Routes counted by the limiter (its dependency, or a limiter call in the route for bodies
    read by hand: uploads and screenings) say so with a 429."""
    from resumeiq import main

    document = (await api.client.get("/openapi.json")).json()
    routers = [r for name, r in vars(main).items() if name.endswith("_router") and isinstance(r, APIRouter)]
    limited = set()
    for route in (route for router in routers for route in router.routes):
        if isinstance(route, APIRoute):
            calls = [d.dependency for d in route.dependencies]
            counted = any("rate_limit" in getattr(c, "__qualname__", "") for c in calls)
            source = inspect.getsource(route.endpoint)
            if counted or "limiter.hit" in source or "limiter.check" in source:
                limited |= {(m.lower(), main.API_PREFIX + route.path) for m in route.methods}
    assert ("post", "/api/v1/screenings") in limited and ("post", "/api/v1/analyses") in limited
    for method, path in sorted(limited):
        assert "429" in document["paths"][path][method]["responses"], (method, path)
