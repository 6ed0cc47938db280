"""Property: no input makes the service answer 5xx. Hypothesis walks every operation of the
OpenAPI document (read from the running app, so a new route is walked without a change here)
with generated path ids (real ones of the user, random UUIDs, junk text), query values (valid
by the schema, out of range, junk, NUL), JSON bodies (from the schema, half-broken, arbitrary
JSON, not JSON), form fields and multipart files (random bytes, small real documents), on
SQLite and PostgreSQL. Examples are bounded so that the walk takes seconds per database.

Our own walker rather than schemathesis: schemathesis pulls in a dependency tree that
conflicts with the pinned Starlette and Hypothesis, and a walker of ~150 lines needs none.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from documents import text_pdf
from screening.screenings import create_job

ALLOWED_BELOW = 500
TRACE = bool(__import__("os").environ.get("RESUMEIQ_TEST_WALK_TRACE"))
PASSWORD = "correct horse battery"
_JUNK = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "\x00", "\ud800", "-1", "1e309", "NaN", "9223372036854775808", "../../etc", "%00", " "]),
)


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc["components"]["schemas"][name]
    return schema


ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
_MEMO: dict[tuple[int, int], st.SearchStrategy[Any]] = {}


def value_for(doc: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values shaped by ``schema`` most of the time, and anything JSON can hold otherwise."""
    key = (id(schema), depth)
    if key not in _MEMO:
        _MEMO[key] = _value_for(doc, schema, depth)
    return _MEMO[key]


def _value_for(doc: dict[str, Any], schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    schema = _resolve(doc, schema or {})
    anything = ANYTHING
    if depth > 3:
        return anything
    options = schema.get("anyOf") or schema.get("oneOf") or schema.get("allOf")
    if options:
        return st.one_of([value_for(doc, o, depth + 1) for o in options])
    if "enum" in schema:
        return st.sampled_from(schema["enum"]) | st.text(max_size=10)
    if "const" in schema:
        return st.just(schema["const"])
    kind = schema.get("type")
    shaped: st.SearchStrategy[Any]
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        shaped = st.fixed_dictionaries(
            {k: value_for(doc, v, depth + 1) for k, v in props.items() if k in required},
            optional={k: value_for(doc, v, depth + 1) for k, v in props.items() if k not in required},
        )
    elif kind == "array":
        shaped = st.lists(value_for(doc, schema.get("items", {}), depth + 1), max_size=4)
    elif kind == "integer":
        lo, hi = schema.get("minimum"), schema.get("maximum")
        shaped = st.integers(min_value=lo, max_value=hi) | st.integers(min_value=-(2**70), max_value=2**70)
    elif kind == "number":
        shaped = st.floats(allow_nan=False, allow_infinity=False) | st.integers()
    elif kind == "boolean":
        shaped = st.booleans()
    elif kind == "string":
        fmt = schema.get("format")
        if fmt == "uuid":
            shaped = st.uuids().map(str)
        elif fmt == "email":
            shaped = st.emails()
        else:
            shaped = st.text(max_size=schema.get("maxLength", 200) or 200) | _JUNK
    elif kind == "null":
        shaped = st.none()
    else:
        shaped = anything
    return st.one_of(shaped, anything) if depth else st.one_of(shaped, shaped, shaped, anything)


# Walked last: logging out ends the walking user's token (tests/web/test_finding11_logout.py).
_LAST = {"/api/v1/auth/logout"}


def operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    ops = [
        (method.upper(), path, op)
        for path, ops in sorted(doc["paths"].items())
        for method, op in sorted(ops.items())
        if method in ("get", "post", "put", "patch", "delete")
    ]
    return sorted(ops, key=lambda o: o[1] in _LAST)


def path_value(name: str, ids: dict[str, list[str]]) -> st.SearchStrategy[str]:
    kind = name.removesuffix("_id")
    real = ids.get(kind, [])
    options = [st.uuids().map(str), _JUNK.map(lambda s: quote(s, safe="", errors="surrogatepass"))]
    if real:
        options = [st.sampled_from(real)] * 3 + options
    return st.one_of(options)


def sendable(value: Any) -> Any:
    """What an HTTP client can put in a URL or a form: a lone surrogate as the bytes a broken
    UTF-8 encoder would write (the server sees invalid UTF-8, not a surrogate)."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return value


def documents() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(
        st.tuples(st.sampled_from(["cv.txt", "cv.pdf", "x", "\u202ecv.txt"]), st.binary(max_size=600)),
        st.just(("cv.txt", b"Mira Talvik\nmira@example.com\nSKILLS\nPython, SQL\n")),
        st.just(("cv.pdf", text_pdf("Mira Talvik\nmira@example.com\nSKILLS\nPython\n"))),
        st.just(("cv.txt", "Светлана Орлова\nОПЫТ\n".encode("cp1251"))),
    )


@st.composite
def request_for(draw, doc: dict[str, Any], op_entry: tuple[str, str, dict[str, Any]], ids: dict[str, list[str]]):
    method, path, op = op_entry
    url = path
    query: dict[str, Any] = {}
    for param in op.get("parameters", []):
        name, where = param["name"], param["in"]
        if where == "path":
            url = url.replace("{" + name + "}", draw(path_value(name, ids)))
        elif where == "query" and (param.get("required") or draw(st.booleans())):
            value = draw(value_for(doc, param.get("schema", {})) | _JUNK)
            if name in ("job_ids",) and ids.get("job") and draw(st.booleans()):
                value = ",".join(draw(st.lists(st.sampled_from(ids["job"]), min_size=1, max_size=3)))
            query[name] = sendable(value) if isinstance(value, str | int | float) else json.dumps(value)
    kwargs: dict[str, Any] = {"params": query}
    content = op.get("requestBody", {}).get("content", {})
    if content:
        kind = draw(st.sampled_from(sorted(content)))
        schema = content[kind].get("schema", {})
        if kind == "application/json":
            body = draw(value_for(doc, schema))
            if isinstance(body, dict):
                for key in list(body):  # real ids where the body names one
                    real = ids.get(key.removesuffix("_id").removesuffix("_ids"))
                    if key.endswith("_id") and real and draw(st.booleans()):
                        body[key] = draw(st.sampled_from(real))
            raw = draw(st.sampled_from(["json", "json", "json", "broken"]))
            kwargs["content"] = json.dumps(body).encode() if raw == "json" else json.dumps(body).encode()[:-1]
            kwargs["headers"] = {"content-type": "application/json"}
        elif kind == "application/x-www-form-urlencoded":
            fields = _resolve(doc, schema).get("properties", {})
            kwargs["data"] = {
                k: sendable(draw(st.text(max_size=40) | _JUNK))
                for k in fields
                if draw(st.booleans()) or k in ("username", "password")
            }
        elif kind == "multipart/form-data":
            fields = _resolve(doc, schema).get("properties", {})
            files, data = [], {}
            for name, prop in fields.items():
                prop = _resolve(doc, prop)
                is_file = prop.get("format") == "binary" or _resolve(doc, prop.get("items", {})).get("format") == "binary"
                if is_file:
                    for filename, content in draw(st.lists(documents(), min_size=0, max_size=3)):
                        files.append((name, (sendable(filename), content)))
                elif draw(st.booleans()):
                    real = ids.get(name.removesuffix("_id"))
                    data[name] = draw(st.sampled_from(real)) if real and draw(st.booleans()) else sendable(draw(_JUNK))
            kwargs["files"] = files or None
            kwargs["data"] = data
    return method, url, kwargs


@pytest.fixture
def settings_(make_settings):
    return make_settings(
        rate_limit_upload="100000/minute",
        rate_limit_analysis="100000/minute",
        rate_limit_analysis_block_seconds=0,
        rate_limit_login_account="100000/minute",
        rate_limit_login_ip="100000/minute",
        rate_limit_register_ip="100000/minute",
        rate_limit_expensive="100000/minute",
    )


@pytest.fixture
async def walk(start_api, settings_, resume_text, job_text):
    async with start_api(settings_) as api:
        user = await api.register(password=PASSWORD)
        resume_id = (await user.upload(resume_text)).json()["resume_id"]
        job_id = await create_job(user, job_text)
        match = (await user.post("/api/v1/matches", json={"resume_id": resume_id, "job_id": job_id})).json()
        review = (
            await user.post(f"/api/v1/analysis/resumes/{resume_id}/analyze", json={"industry": "general"})
        ).json()
        screening = await user.post(
            "/api/v1/screenings", data={"job_id": job_id}, files=[("files", ("a.txt", resume_text))]
        )
        ids = {
            "resume": [resume_id],
            "job": [job_id],
            "match": [match.get("analysis_id") or match.get("id")],
            "analysis": [review.get("analysis_id") or review.get("id")],
            "screening": [screening.json().get("screening_id") or screening.json().get("id")],
            "candidate": [(await user.get(f"/api/v1/resumes/{resume_id}")).json().get("candidate_id")],
        }
        yield api, user, {k: [v for v in vs if v] for k, vs in ids.items()}


_STRATEGIES: dict[int, list[Any]] = {}


@settings(
    max_examples=5,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure lists every request that failed
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
async def test_no_generated_request_is_answered_with_a_5xx(walk, data):
    api, user, ids = walk
    doc = api.app.openapi()
    ops = operations(doc)
    assert len(ops) >= 40, [o[:2] for o in ops]
    failures: list[str] = []
    strategies = _STRATEGIES.setdefault(id(api.app), [request_for(doc, entry, ids) for entry in ops])
    for entry, strategy in zip(ops, strategies, strict=True):
        method, url, kwargs = data.draw(strategy, label=f"{entry[0]} {entry[1]}")
        if TRACE:
            print("WALK", method, url, str(kwargs)[:200], flush=True)
        r = await user.request(method, url, **kwargs)
        if r.status_code >= ALLOWED_BELOW:
            failures.append(f"{method} {url} {kwargs!r:.300} → {r.status_code} {r.text[:300]}")
    assert not failures, "\n".join(failures[:20])
