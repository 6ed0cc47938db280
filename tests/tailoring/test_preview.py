"""POST /tailorings/preview, GET /tailorings/{id}, GET /tailorings: the contract, the deterministic
tailoring and its guarantees, one row per preview, ownership."""

from __future__ import annotations

import asyncio
import re
import uuid

from tailoring.people import MIRA, NAME_ONLY, create_job, preview, ready_preview, strings, upload

PREVIEW_KEYS = {
    "preview_id",
    "preview_hash",
    "mode",
    "ai_model_used",
    "tailored",
    "diff",
    "keywords",
    "cover_letter",
    "outreach",
    "warnings",
}


async def test_preview_answers_the_contract(user):
    resume, job, body = await ready_preview(user, cover_letter=True, outreach=True)
    assert set(body) >= PREVIEW_KEYS
    assert body["mode"] == "deterministic" and body["ai_model_used"] is None
    assert re.fullmatch(r"[0-9a-f]{64}", body["preview_hash"])
    assert body["resume_id"] == resume["resume_id"] and body["job_id"] == job["id"]
    for entry in body["diff"]:
        assert entry["path"].startswith("/") and entry["op"] in {"added", "removed", "changed", "moved"}
        assert set(entry) >= {"id", "path", "op", "before", "after"}
    assert set(body["keywords"]) == {"before", "after"}
    for part in ("cover_letter", "outreach"):
        assert set(body[part]) >= {"status", "text", "error"}
    assert isinstance(body["warnings"], list)


async def test_skills_are_renamed_to_the_postings_name_and_ordered_by_relevance(user):
    _, _, body = await ready_preview(user)
    renames = [d for d in body["diff"] if d["op"] == "changed" and d["path"].startswith("/skills/")]
    assert [(d["path"], d["before"], d["after"]) for d in renames] == [
        ("/skills/0/keywords/2", "JS", "JavaScript")
    ]
    keywords = body["tailored"]["skills"][0]["keywords"]
    # Required skills first (in the resume's order), then preferred (AWS), then the rest.
    assert keywords[:3] == ["JavaScript", "React", "Python"]
    assert keywords[3] == "AWS"
    assert sorted(keywords) == sorted(["Go", "Git", "JavaScript", "React", "Python", "AWS"])
    moved = next(d for d in body["diff"] if d["path"] == "/skills/0/keywords")
    assert moved["op"] == "moved" and moved["after"] == keywords


async def test_highlights_are_reordered_within_their_role_and_roles_keep_their_order(user):
    _, _, body = await ready_preview(user)
    work = body["tailored"]["work"]
    assert [w["name"] for w in work] == ["Lumen Freight", "Harbor Analytics"]
    assert work[0]["highlights"][0] == "Maintained internal dashboards in JS and React"
    assert len(work[0]["highlights"]) == 3


async def test_summary_names_matched_required_skills_only(user):
    _, _, body = await ready_preview(user)
    summary = body["tailored"]["basics"]["summary"]
    assert summary.startswith("Developer who builds web products end to end.")
    for skill in ("JavaScript", "React", "Python"):
        assert skill in summary
    assert "Kubernetes" not in summary


async def test_keywords_before_and_after_against_the_jobs_requirements(user):
    _, _, body = await ready_preview(user)
    before, after = body["keywords"]["before"], body["keywords"]["after"]
    assert set(before["matched"]) == {"JavaScript", "React", "Python"}
    assert before["missing"] == ["Kubernetes"]
    assert set(after["matched"]) >= set(before["matched"])
    assert "Kubernetes" in after["missing"]
    assert after["match_score"] >= before["match_score"]


async def test_a_missing_required_skill_is_a_suggestion_never_an_edit(user):
    _, _, body = await ready_preview(user)
    assert not any("kubernetes" in s.lower() for s in strings(body["tailored"]))
    assert not any("graphql" in s.lower() for s in strings(body["tailored"]))
    suggestion = next(s for s in body["suggestions"] if s["kind"] == "missing_skill")
    assert "Kubernetes" in suggestion["text"] and "Lumen Freight" in suggestion["text"]
    assert suggestion["path"] == "/work/0/highlights"


async def test_bullets_without_a_number_get_a_placeholder_suggestion_not_a_number(user):
    _, _, body = await ready_preview(user)
    numbered = [s for s in body["suggestions"] if s["kind"] == "add_number"]
    paths = {s["path"] for s in numbered}
    # Three bullets have no digit ("Mentored two new hires" included); the Go and ETL ones do.
    assert paths == {"/work/0/highlights/0", "/work/0/highlights/2", "/work/1/highlights/1"}
    assert all("[add a number]" in s["text"] for s in numbered)
    tailored = body["tailored"]
    assert not any("[add a number]" in s for s in strings(tailored))


async def test_no_fact_or_number_appears_that_the_original_lacks(user):
    resume, _, body = await ready_preview(user, cover_letter=True, outreach=True)
    original = (await user.get(f"/api/v1/resumes/{resume['resume_id']}")).json()["parsed"]
    tailored = body["tailored"]
    for section, fields in {
        "work": ("name", "position", "startDate", "endDate", "location"),
        "education": ("institution", "studyType", "area", "startDate", "endDate"),
    }.items():
        assert [[e.get(f) for f in fields] for e in tailored[section]] == [
            [e.get(f) for f in fields] for e in original[section]
        ]
    source = MIRA.decode()
    for text in strings(tailored) + [body["cover_letter"]["text"], body["outreach"]["text"]]:
        for number in re.findall(r"\d+(?:[.,]\d+)*", text):
            assert number in source, (number, text)
    # Nothing of the original is gone: every highlight is still in its role.
    for before, after in zip(original["work"], tailored["work"], strict=True):
        assert sorted(before["highlights"]) == sorted(after["highlights"])


async def test_api_006_contact_details_are_copied_from_the_original(user):
    """API-006 of the earlier system: contact details were generated. They are the original's."""
    resume, _, body = await ready_preview(user, cover_letter=True)
    original = (await user.get(f"/api/v1/resumes/{resume['resume_id']}")).json()["parsed"]["basics"]
    tailored = body["tailored"]["basics"]
    for key in ("name", "email", "phone", "location", "url", "profiles"):
        assert tailored.get(key) == original.get(key), key
    assert tailored["email"] == "mira.okafor@example.org"
    letter = body["cover_letter"]["text"]
    assert "mira.okafor@example.org" in letter and original["phone"] in letter


async def test_each_preview_is_its_own_row_and_can_be_read_again(user):
    resume = await upload(user)
    job = await create_job(user)
    results = await asyncio.gather(*(preview(user, resume["resume_id"], job["id"]) for _ in range(4)))
    assert all(r.status_code == 201 for r in results), [r.text for r in results]
    ids = {r.json()["preview_id"] for r in results}
    assert len(ids) == 4
    listed = (await user.get("/api/v1/tailorings", params={"limit": 10})).json()
    assert listed["total"] == 4 and {i["preview_id"] for i in listed["items"]} == ids
    first = results[0].json()
    again = (await user.get(f"/api/v1/tailorings/{first['preview_id']}")).json()
    assert again == first
    # Same inputs, same output (deterministic) and so the same hash, each still its own row.
    assert len({r.json()["preview_hash"] for r in results}) == 1
    assert len({str(r.json()["tailored"]) for r in results}) == 1
    filtered = (await user.get("/api/v1/tailorings", params={"job_id": str(uuid.uuid4())})).json()
    assert filtered["total"] == 0


async def test_another_users_resume_job_and_preview_are_404(api, user):
    resume, job, body = await ready_preview(user, cover_letter=True)
    other = await api.register()
    own_resume = await upload(other)
    own_job = await create_job(other)
    for rid, jid in ((resume["resume_id"], own_job["id"]), (own_resume["resume_id"], job["id"])):
        r = await preview(other, rid, jid)
        assert r.status_code == 404 and r.json()["code"] == "not_found", r.text
    pid = body["preview_id"]
    r = await other.get(f"/api/v1/tailorings/{pid}")
    assert r.status_code == 404 and pid in r.json()["detail"]
    assert (await other.get(f"/api/v1/tailorings/{pid}/cover-letter")).status_code == 404
    r = await other.post(
        "/api/v1/tailorings/confirm", json={"preview_id": pid, "preview_hash": body["preview_hash"]}
    )
    assert r.status_code == 404
    assert (await other.get("/api/v1/tailorings")).json()["total"] == 0
    assert (await other.get(f"/api/v1/resumes/{resume['resume_id']}/export?format=pdf")).status_code == 404


async def test_api_012_errors_name_the_missing_record(user):
    """API-012 of the earlier system: errors did not say what was missing."""
    resume = await upload(user)
    missing = str(uuid.uuid4())
    r = await preview(user, resume["resume_id"], missing)
    assert r.status_code == 404 and f"Job {missing}" in r.json()["detail"]
    r = await preview(user, missing, missing)
    assert r.status_code == 404 and f"Resume {missing}" in r.json()["detail"]
    r = await user.get(f"/api/v1/tailorings/{missing}")
    assert r.status_code == 404 and missing in r.json()["detail"]


async def test_empty_input_never_yields_a_made_up_resume(user):
    resume = await upload(user, NAME_ONLY, "tobias.txt")
    job = await create_job(user)
    r = await preview(user, resume["resume_id"], job["id"])
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "nothing_to_tailor" and "nothing to tailor" in r.json()["detail"]
    assert (await user.get("/api/v1/tailorings")).json()["total"] == 0


async def test_api_007_llm_mode_without_a_model_is_refused_not_silently_deterministic(user):
    """API-007 of the earlier system: a skipped step was reported as done. Asking for the LLM
    when none is configured is a clear 422, never a deterministic answer called "llm"."""
    resume = await upload(user)
    job = await create_job(user)
    r = await preview(user, resume["resume_id"], job["id"], mode="llm")
    assert r.status_code == 422 and r.json()["code"] == "llm_not_configured"
    assert (await user.get("/api/v1/tailorings")).json()["total"] == 0
    r = await preview(user, resume["resume_id"], job["id"], mode="deterministic")
    assert r.status_code == 201 and r.json()["mode"] == "deterministic"


async def test_bad_preview_requests_are_422(user):
    r = await user.post("/api/v1/tailorings/preview", json={"resume_id": "nope", "job_id": str(uuid.uuid4())})
    assert r.status_code == 422 and r.json()["code"] == "validation_error"
    r = await user.post("/api/v1/tailorings/preview", json={})
    assert r.status_code == 422


async def test_api_009_a_preview_that_cannot_be_stored_is_not_reported_as_made(user, monkeypatch):
    """API-009 of the earlier system: a failed write of the result (its cache) was logged and the
    answer still said success. Here the job is deleted while the preview is being made, so its row
    cannot be written: the answer is a 404 that says so, and no preview is listed afterwards."""
    import resumeiq.tailoring.service as service_module

    resume = await upload(user)
    job = await create_job(user)
    real = service_module.model_rewrites

    async def delete_the_job_meanwhile(*args, **kwargs):
        r = await user.delete(f"/api/v1/jobs/{job['id']}")
        assert r.status_code == 204, r.text
        return await real(*args, **kwargs)

    monkeypatch.setattr(service_module, "model_rewrites", delete_the_job_meanwhile)
    r = await preview(user, resume["resume_id"], job["id"])
    assert r.status_code == 404, r.text
    assert "deleted while the preview was being made" in r.json()["detail"]
    assert (await user.get("/api/v1/tailorings")).json()["total"] == 0
