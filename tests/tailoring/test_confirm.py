"""POST /tailorings/confirm: a new resume version from a preview, with edits; stale, wrong-hash and
repeated confirms refused; validation with field paths."""

from __future__ import annotations

import asyncio

from tailoring.people import FULL_STACK_JOB, ready_preview


async def confirm(user, body, **kw):
    return await user.post(
        "/api/v1/tailorings/confirm",
        json={"preview_id": body["preview_id"], "preview_hash": body["preview_hash"], **kw},
    )


async def test_confirm_creates_a_version_with_the_original_as_parent(user):
    resume, _, body = await ready_preview(user)
    r = await confirm(user, body)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["parent_id"] == resume["resume_id"]
    assert out["candidate_id"] == resume["candidate_id"]
    assert out["version_number"] == resume["version_number"] + 1
    assert out["applied"] == [d["id"] for d in body["diff"]] and out["rejected"] == []
    new = (await user.get(f"/api/v1/resumes/{out['resume_id']}")).json()
    assert new["parent_id"] == resume["resume_id"] and new["processing_status"] == "ready"
    assert new["parsed"] == body["tailored"]
    assert new["is_master"] is False  # the original stays the master
    assert (await user.get(f"/api/v1/resumes/{resume['resume_id']}")).json()["is_master"] is True
    # The version is a resume like any other: its text is the tailored one.
    text = (await user.get(f"/api/v1/resumes/{out['resume_id']}/text")).json()["text"]
    assert "Key skills for this role" in text and "JavaScript" in text
    again = (await user.get(f"/api/v1/tailorings/{body['preview_id']}")).json()
    assert again["confirmed_resume_id"] == out["resume_id"]


async def test_rejected_diff_entries_are_not_applied(user):
    resume, _, body = await ready_preview(user)
    rename = next(d for d in body["diff"] if d["after"] == "JavaScript")
    summary = next(d for d in body["diff"] if d["path"] == "/basics/summary")
    r = await confirm(
        user,
        body,
        edits=[{"id": rename["id"], "action": "reject"}, {"id": summary["id"], "action": "reject"}],
    )
    assert r.status_code == 201, r.text
    assert sorted(r.json()["rejected"]) == sorted([rename["id"], summary["id"]])
    parsed = (await user.get(f"/api/v1/resumes/{r.json()['resume_id']}")).json()["parsed"]
    original = (await user.get(f"/api/v1/resumes/{resume['resume_id']}")).json()["parsed"]
    assert "JS" in parsed["skills"][0]["keywords"] and "JavaScript" not in parsed["skills"][0]["keywords"]
    assert parsed["basics"]["summary"] == original["basics"]["summary"]
    # The accepted reorder still applies (to the original name).
    assert parsed["skills"][0]["keywords"][0] == "JS"


async def test_accept_after_reject_keeps_the_entry(user):
    _, _, body = await ready_preview(user)
    first = body["diff"][0]["id"]
    r = await confirm(
        user, body, edits=[{"id": first, "action": "reject"}, {"id": first, "action": "accept"}]
    )
    assert r.status_code == 201 and first in r.json()["applied"]


async def test_own_values_are_set_and_validated_with_field_paths(user):
    _, _, body = await ready_preview(user)
    r = await confirm(
        user, body, edits=[{"action": "set", "path": "/work/0/startDate", "value": "last spring"}]
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_resume"
    assert [e["path"] for e in r.json()["errors"]] == ["/work/0/startDate"]
    assert r.json()["errors"][0]["message"] == "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"
    r = await confirm(
        user, body, edits=[{"action": "set", "path": "/work/1/highlights", "value": "one string"}]
    )
    assert r.status_code == 422 and r.json()["errors"][0]["path"] == "/work/1/highlights"
    r = await confirm(user, body, edits=[{"action": "set", "path": "/work/9/name", "value": "X"}])
    assert r.status_code == 422 and r.json()["errors"][0]["path"] == "/work/9/name"
    r = await confirm(user, body, edits=[{"action": "set", "path": "/basics/nickname", "value": "M"}])
    assert r.status_code == 422 and r.json()["errors"][0]["path"] == "/basics/nickname"
    r = await confirm(user, body, edits=[{"id": "d99", "action": "reject"}])
    assert r.status_code == 422 and "d99" in r.json()["detail"]
    # Nothing was stored by the refused confirms; a valid edit goes through.
    r = await confirm(
        user, body, edits=[{"action": "set", "path": "/work/0/highlights/-", "value": "Ran the on-call rota"}]
    )
    assert r.status_code == 201, r.text
    parsed = (await user.get(f"/api/v1/resumes/{r.json()['resume_id']}")).json()["parsed"]
    assert parsed["work"][0]["highlights"][-1] == "Ran the on-call rota"


async def test_a_stale_preview_is_refused(user):
    _, job, body = await ready_preview(user)
    r = await user.request("PATCH", f"/api/v1/jobs/{job['id']}", json={"text": FULL_STACK_JOB + "- Go\n"})
    assert r.status_code == 200, r.text
    r = await confirm(user, body)
    assert r.status_code == 409 and r.json()["code"] == "stale_preview"
    assert r.json()["changed"] == ["job"]
    assert "job" in r.json()["detail"]


async def test_a_company_change_makes_the_preview_stale_too(user):
    _, job, body = await ready_preview(user, cover_letter=True)
    r = await user.request("PATCH", f"/api/v1/jobs/{job['id']}", json={"company": "Another Co"})
    assert r.status_code == 200
    assert (await confirm(user, body)).status_code == 409


async def test_a_hash_that_is_not_the_previews_is_refused(user):
    _, _, body = await ready_preview(user)
    r = await confirm(user, {**body, "preview_hash": "0" * 64})
    assert r.status_code == 409 and r.json()["code"] == "preview_hash_mismatch"


async def test_api_011_a_preview_is_confirmed_once_even_concurrently(user):
    """API-011 of the earlier system: an update did not check that it updated anything. The
    confirm's conditional update must claim the preview, or the confirm fails."""
    resume, _, body = await ready_preview(user)
    results = await asyncio.gather(*(confirm(user, body) for _ in range(4)))
    codes = sorted(r.status_code for r in results)
    assert codes == [201, 409, 409, 409], [r.text for r in results]
    assert all(r.json()["code"] == "already_confirmed" for r in results if r.status_code == 409)
    listed = (await user.get("/api/v1/resumes", params={"candidate_id": resume["candidate_id"]})).json()
    assert listed["total"] == 2
