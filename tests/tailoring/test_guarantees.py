"""The guarantees checker, and the preview dropping (and reporting) a change that breaks one."""

from __future__ import annotations

import copy

from resumeiq.engine import ExtractLimits, parse_resume
from resumeiq.engine.match.jobs import parse_job
from resumeiq.tailoring import work
from resumeiq.tailoring.changes import Change, PointerError, apply_changes
from resumeiq.tailoring.guarantees import violations
from resumeiq.tailoring.tailor import Tailored
from resumeiq.worker.engine_jobs import EngineFailure
from tailoring.people import FULL_STACK_JOB, MIRA

ORIGINAL = parse_resume(MIRA, filename="m.txt").resume.to_json_resume()
TEXT = MIRA.decode()


def changed(**edits):
    doc = copy.deepcopy(ORIGINAL)
    for path, value in edits.items():
        section, index, field = path.split("__")
        doc[section][int(index)][field] = value
    return doc


def test_the_original_itself_breaks_nothing():
    assert violations(ORIGINAL, TEXT, ORIGINAL) == []


def test_a_fabricated_employer_title_or_date_is_caught():
    for field, value in (("name", "Stripe"), ("position", "Staff Engineer"), ("startDate", "2015-01")):
        found = violations(ORIGINAL, TEXT, changed(**{f"work__0__{field}": value}))
        assert any(field in v and value in v for v in found), (field, found)


def test_a_fabricated_number_is_caught():
    doc = copy.deepcopy(ORIGINAL)
    doc["work"][0]["highlights"][1] = "Designed a Go service handling 9,000 requests per second"
    assert any("9,000" in v for v in violations(ORIGINAL, TEXT, doc))


def test_changed_contact_details_are_caught():
    doc = copy.deepcopy(ORIGINAL)
    doc["basics"]["email"] = "mira@invented.example"
    assert violations(ORIGINAL, TEXT, doc) == ["the contact detail basics.email differs from the original"]


def test_a_dropped_entry_highlight_or_skill_is_caught():
    doc = copy.deepcopy(ORIGINAL)
    doc["work"][1]["highlights"].pop()
    doc["skills"][0]["keywords"].remove("Go")
    found = violations(ORIGINAL, TEXT, doc)
    assert any("highlight of work[1]" in v for v in found) and any("'go'" in v for v in found)
    doc = copy.deepcopy(ORIGINAL)
    doc["education"] = []
    assert any("education" in v for v in violations(ORIGINAL, TEXT, doc))


def test_a_skill_the_original_does_not_show_is_caught_and_an_alias_rename_is_not():
    doc = copy.deepcopy(ORIGINAL)
    doc["skills"][0]["keywords"].append("Kubernetes")
    assert any("kubernetes" in v for v in violations(ORIGINAL, TEXT, doc))
    doc = copy.deepcopy(ORIGINAL)
    keywords = doc["skills"][0]["keywords"]
    keywords[keywords.index("JS")] = "JavaScript"
    assert violations(ORIGINAL, TEXT, doc) == []


def test_a_skill_named_in_the_summary_that_the_original_lacks_is_caught():
    doc = copy.deepcopy(ORIGINAL)
    doc["basics"]["summary"] += " Key skills for this role: Python and Kubernetes."
    assert violations(ORIGINAL, TEXT, doc) == [
        "the skill 'kubernetes' is named but the original does not show it"
    ]


def test_changes_apply_by_original_paths_and_bad_orders_are_refused():
    rename = Change("d1", "/skills/0/keywords/2", "changed", "JS", "JavaScript")
    order = list(range(len(ORIGINAL["skills"][0]["keywords"])))[::-1]
    move = Change("d2", "/skills/0/keywords", "moved", order=order)
    doc = apply_changes(ORIGINAL, [move, rename])
    assert doc["skills"][0]["keywords"] == apply_changes(ORIGINAL, [rename])["skills"][0]["keywords"][::-1]
    assert ORIGINAL["skills"][0]["keywords"][2] == "JS"  # the original is left alone
    try:
        apply_changes(ORIGINAL, [Change("d3", "/skills/0/keywords", "moved", order=[0, 0])])
    except PointerError as exc:
        assert exc.path == "/skills/0/keywords"
    else:
        raise AssertionError("a non-permutation was applied")


def test_api_004_a_change_that_breaks_a_guarantee_is_dropped_and_reported(tmp_path, monkeypatch):
    """API-004 of the earlier system: a failed step left no trace. A change that would add an
    employer or a number is dropped from the diff and named in ``warnings``; the rest stay."""
    import resumeiq.tailoring.tailor as tailor_module

    fabricated = [
        Change("d1", "/work/0/name", "changed", "Lumen Freight", "Globex Corporation", "invented"),
        Change(
            "d2",
            "/work/1/highlights/1",
            "changed",
            ORIGINAL["work"][1]["highlights"][1],
            "Answered 500 support tickets a week",
            "invented",
        ),
        Change("d3", "/skills/0/keywords/2", "changed", "JS", "JavaScript", "alias"),
    ]
    monkeypatch.setattr(tailor_module, "tailor_resume", lambda *a, **k: Tailored(changes=list(fabricated)))
    path = tmp_path / "m.txt"
    path.write_bytes(MIRA)
    job = parse_job(FULL_STACK_JOB)
    out = work.preview(
        str(path),
        "m.txt",
        ORIGINAL,
        "k",
        job.model_dump(mode="json"),
        FULL_STACK_JOB,
        job.title,
        None,
        False,
        False,
        ExtractLimits(),
    )
    assert [d["id"] for d in out["diff"]] == ["d3"]
    assert out["tailored"]["work"][0]["name"] == "Lumen Freight"
    assert not any("500" in h for h in out["tailored"]["work"][1]["highlights"])
    dropped = [w for w in out["warnings"] if "was dropped" in w]
    assert len(dropped) == 2
    assert "/work/0/name" in dropped[0] and "Globex" in dropped[0]
    assert "/work/1/highlights/1" in dropped[1] and "500" in dropped[1]


def test_api_008_a_step_that_fails_inside_the_preview_fails_the_preview(tmp_path, monkeypatch):
    """API-008 of the earlier system: a step that failed half-way (the diff, the read-back) still
    answered "success" with what it had. Here a failure inside any step is the preview's failure:
    a typed engine failure (the API answers it as a problem), never a result with success parts."""
    import resumeiq.tailoring.render as render_module

    def broken(*args, **kwargs):
        raise RuntimeError("the renderer broke")

    monkeypatch.setattr(render_module, "render_resume", broken)
    path = tmp_path / "m.txt"
    path.write_bytes(MIRA)
    job = parse_job(FULL_STACK_JOB)
    out = work.preview(
        str(path), "m.txt", ORIGINAL, "k", job.model_dump(mode="json"), FULL_STACK_JOB, job.title, None,
        True, True, ExtractLimits(),
    )
    assert isinstance(out, EngineFailure), out
    assert out.internal and "the renderer broke" in out.message
