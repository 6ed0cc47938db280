"""A NUL character or a lone surrogate in any string a request carries is a 422 problem naming
the field, on SQLite and PostgreSQL alike (PostgreSQL refuses NUL in text; no encoder writes a
lone surrogate): registration, the token form, candidates, jobs (JSON, form fields, PATCH) and
e-mail templates. Every request schema is a ``RequestModel``, so a new one cannot forget it."""

from __future__ import annotations

import json
import secrets
import typing

import pytest

from emails import smtp
from screening.screenings import create_job, start_screening, wait_for_screening

# What a client can send: NUL through JSON or a form, a lone surrogate through a JSON escape.
NOT_STORABLE = ["\x00", "\\ud800", "\\udfff"]


@pytest.fixture
def user(recruiter):
    """Screening and candidate e-mail are for recruiters: this module's user is one."""
    return recruiter


def json_with(template: dict, field_path: tuple[str, ...], bad: str) -> bytes:
    """``template`` as JSON with ``bad`` (a raw character, or a JSON escape) put into the string
    at ``field_path``."""
    body = json.loads(json.dumps(template))
    target = body
    for key in field_path[:-1]:
        target = target[key]
    target[field_path[-1]] = target[field_path[-1]][:3] + "@@BAD@@" + target[field_path[-1]][3:]
    escaped = "\\u0000" if bad == "\x00" else bad
    return json.dumps(body).replace("@@BAD@@", escaped).encode()


def assert_refused(r, field_path: tuple[str, ...], what) -> None:
    assert r.status_code == 422, (what, r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json"), what
    problem = r.json()
    assert problem["code"] == "validation_error", (what, problem)
    # The field is named; or, for a body read by pydantic's own JSON parser, which refuses a lone
    # surrogate escape as JSON, the body is.
    assert any(
        e["loc"][-len(field_path) :] == list(field_path) or (e["loc"] == ["body"] and "JSON" in e["msg"])
        for e in problem["errors"]
    ), (what, problem)


@pytest.fixture
def smtp_server():
    yield from smtp.serve_smtp()


@pytest.fixture
def settings(make_settings, smtp_server):
    return smtp.smtp_settings(make_settings, smtp_server)


REGISTER = {"email": "mira.okafor@example.com", "password": "a long invented passphrase"}
CANDIDATE = {"name": "Tomasz Ekwueme", "email": "tomasz@example.org"}
JOB = {"text": "Data engineer\nRequirements\n- Python and SQL\n", "title": "Data engineer", "company": "Invented Ltd"}
TEMPLATES = {
    "templates": {
        "selected": {"subject": "About {job_title}", "body": "Dear {candidate_name}, thank you."},
    },
}


async def test_json_bodies_with_text_no_database_stores_are_422(api, user, resume_text, job_text):
    job_id = await create_job(user, job_text)
    r = await user.upload(resume_text)
    r = await start_screening(user, job_id, resume_ids=[r.json()["resume_id"]])
    assert r.status_code == 202, r.text
    sid = r.json()["screening_id"]
    await wait_for_screening(user, sid)

    cases = [
        (api.client, "POST", "/api/v1/auth/register", REGISTER, ("email",)),
        (api.client, "POST", "/api/v1/auth/register", REGISTER, ("password",)),
        (user, "POST", "/api/v1/candidates", CANDIDATE, ("name",)),
        (user, "POST", "/api/v1/candidates", CANDIDATE, ("email",)),
        (user, "POST", "/api/v1/jobs", JOB, ("text",)),
        (user, "POST", "/api/v1/jobs", JOB, ("title",)),
        (user, "POST", "/api/v1/jobs", JOB, ("company",)),
        (user, "PATCH", f"/api/v1/jobs/{job_id}", JOB, ("text",)),
        (user, "PATCH", f"/api/v1/jobs/{job_id}", JOB, ("title",)),
        (user, "PATCH", f"/api/v1/jobs/{job_id}", JOB, ("company",)),
        (user, "POST", f"/api/v1/screenings/{sid}/emails", TEMPLATES, ("templates", "selected", "subject")),
        (user, "POST", f"/api/v1/screenings/{sid}/emails", TEMPLATES, ("templates", "selected", "body")),
    ]
    for client, method, url, template, field_path in cases:
        for bad in NOT_STORABLE:
            content = json_with(template, field_path, bad)
            r = await client.request(method, url, content=content, headers={"Content-Type": "application/json"})
            assert_refused(r, field_path, (method, url, field_path, bad))
    assert (await user.get("/api/v1/candidates")).json()["total"] == 1  # the user's own, from the upload
    assert (await user.get("/api/v1/jobs")).json()["total"] == 1
    assert (await user.get(f"/api/v1/screenings/{sid}/emails")).json()["total"] == 0


async def test_form_fields_with_text_no_database_stores_are_422(api, user):
    for field in ("username", "password"):
        form = {"username": "mira.okafor@example.com", "password": "a long invented passphrase"}
        form[field] = form[field][:3] + "\x00" + form[field][3:]
        r = await api.client.post("/api/v1/auth/token", data=form)
        assert_refused(r, (field,), ("token", field))

    posting = b"Data engineer\nRequirements\n- Python and SQL\n"
    for field in ("title", "company"):
        r = await user.post(
            "/api/v1/jobs", files={"file": ("posting.txt", posting)}, data={field: "Data\x00 engineer"}
        )
        assert_refused(r, (field,), ("job form", field))
    assert (await user.get("/api/v1/jobs")).json()["total"] == 0


def test_every_request_body_is_a_request_model(tmp_path):
    """Routes whose body FastAPI reads, and the models routers read themselves."""
    from fastapi.routing import APIRoute

    from resumeiq.config import Settings
    from resumeiq.inputs import RequestModel
    from resumeiq.main import create_app

    def routes(router):
        for route in router.routes:
            if getattr(route, "original_router", None) is not None:  # an included router
                yield from routes(route.original_router)
            elif isinstance(route, APIRoute):
                yield route

    app = create_app(Settings(data_dir=tmp_path, jwt_secret=secrets.token_urlsafe(32)))
    bodies = []
    for route in routes(app.router):
        if route.body_field is not None and not route.endpoint.__module__.startswith("resumeiq.web"):  # web forms: tests/web
            bodies.append((route.path, route.body_field.field_info.annotation))
    assert len(bodies) >= 7, bodies
    for path, annotation in bodies:
        # An optional body ("MasterRequest | None") is the model or nothing.
        models = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
        for model in models:
            assert isinstance(model, type) and issubclass(model, RequestModel), (path, annotation)
