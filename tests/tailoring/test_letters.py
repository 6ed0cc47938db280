"""Cover letter and outreach: each with its own status; filled only with the resume's evidence; a
failure is a failure, with the reason, in the part and in warnings."""

from __future__ import annotations

from tailoring.people import NURSE_JOB, create_job, preview, ready_preview, upload


async def test_cover_letter_and_outreach_are_filled_with_the_matched_evidence(user):
    _, _, body = await ready_preview(user, cover_letter=True, outreach=True)
    letter, note = body["cover_letter"], body["outreach"]
    assert letter["status"] == "success" and letter["error"] is None
    assert note["status"] == "success" and note["error"] is None
    text = letter["text"]
    assert "Full Stack Engineer" in text and "Cobalt Systems" in text
    # The strongest matched requirements, each with the role that shows it and that role's own bullet.
    assert "JavaScript: as Backend Developer at Lumen Freight" in text
    assert "Maintained internal dashboards in JS and React" in text
    assert "Python: as Junior Developer at Harbor Analytics" in text
    assert "Kubernetes" not in text and "GraphQL" not in text
    assert text.rstrip().splitlines()[-2] == "Mira Okafor"
    assert "Mira Okafor" in note["text"] and "Cobalt Systems" in note["text"]
    assert "Kubernetes" not in note["text"]
    assert len(note["text"]) <= 600


async def test_parts_not_asked_for_are_not_requested_not_success(user):
    _, _, body = await ready_preview(user)
    for part in ("cover_letter", "outreach"):
        assert body[part] == {"status": "not_requested", "text": None, "error": None}


async def test_api_001_a_failed_cover_letter_is_reported_as_failed(user):
    """API-001 of the earlier system: a failed step was reported as a success. A resume that
    shows none of the job's skills gives no evidence to write from: status ``failed``, the
    reason in ``error`` and in ``warnings``, and the rest of the preview still answers."""
    resume = await upload(user)
    job = await create_job(user, text=NURSE_JOB)
    r = await preview(user, resume["resume_id"], job["id"], cover_letter=True, outreach=True)
    assert r.status_code == 201, r.text
    body = r.json()
    for part, words in (("cover_letter", "cover letter"), ("outreach", "outreach note")):
        assert body[part]["status"] == "failed" and body[part]["text"] is None
        assert "none of the job's skills" in body[part]["error"]
        assert any(words in w and "not written" in w for w in body["warnings"]), body["warnings"]
    assert body["tailored"]["basics"]["name"] == "Mira Okafor"
    r = await user.get(f"/api/v1/tailorings/{body['preview_id']}/cover-letter")
    assert r.status_code == 409 and "failed" in r.json()["detail"]
