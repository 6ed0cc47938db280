"""No text of the shared measurement sets in the repository's tests or source (issue 14).

The sets beside the checkout (``../shared/eval-dev``, ``eval-layouts``, ``eval-real``,
``eval-public``) are for measuring only. This test reads every text file under ``tests/`` and
``src/`` (binaries and ``.venv`` aside) and fails on

* a run of 6 consecutive words that also occurs in an eval document,
* an e-mail address of an eval document,
* a person's name (two words or more) of an eval document,
* a phone number of an eval document (its last 8 digits or more, however it is grouped),

listing each hit with its file, line, phrase and set. The machinery is in ``evaltext.py``;
``python tests/evaltext.py [FILE ...]`` prints the same list.

What counts as eval text:

* eval-dev and eval-layouts: each resume's text (a TXT file read directly; a PDF or DOCX through
  its own text layer) and the strings of its truth's ``resume`` and ``ocr_truth``; the job postings
  (``jobs/*.txt``); the names and e-mails of the truths.
* eval-real: the texts and every string of their truth files.
* eval-public: the documents' text layers and every string of ``truth.py`` (names, e-mails,
  employers, titles, schools, degrees).
* Not read: the sets' READMEs, scorers, licences and manifests (they describe the sets and are no
  document's text), and the text layer of the ``hard`` files (broken on purpose; their truth's
  strings are read).

Comparison: text is NFKC-normalised and case-folded, and a word is a ``\\w+`` token, so case,
punctuation, line breaks and layout do not matter. In ``.py`` files the escapes ``\\n``, ``\\t``,
``\\r`` and ``\\uXXXX`` are read as what they stand for, and a run may cross string literals (a test
document written as several literals is one text). In ``.json`` files each string is compared on
its own, so the neighbouring entries of a word list do not form a run.

Exclusions — runs that any text could contain, not one document's:

* runs that also occur in the taxonomy sources (``../shared/taxonomy``: O*NET and ESCO titles,
  skills and descriptions), which the project's data files are built from;
* runs made only of stop words, numbers and single letters;
* runs found in 3 or more different documents of real authors (the eval-real texts, the eval-public
  documents): phrasing many people share ("bachelor of science in computer science", "excellent
  written and verbal communication skills") and the boilerplate of resume templates and job boards
  (a template's copyright and licence notice, an export's footer). One document's own text is not
  in three documents. The generated sets (eval-dev, eval-layouts) get no such exclusion: a phrase of
  their generator's templates is still their text.

Speed: the sets' runs are hashed once into a table cached under the pytest cache directory (a
temporary directory without one), keyed by the sets' paths, sizes and modification times; with the
table cached the scan takes a few seconds. Without the sets the test is skipped, and fails under
``CI=true``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from availability import unavailable
from evalset import SHARED_DIR
from evaltext import (
    REPO,
    Document,
    Index,
    build_index,
    cached_index,
    missing_sets,
    scan_files,
    scan_text,
    text_files,
)


@pytest.fixture(scope="module")
def eval_index(request: pytest.FixtureRequest) -> Index:
    if missing := missing_sets(SHARED_DIR):
        unavailable(
            f"the shared measurement sets are not all at {SHARED_DIR} (missing: {', '.join(missing)}); "
            "set RESUMEIQ_TEST_SHARED_DIR to the folder holding eval-dev, eval-layouts, eval-real, "
            "eval-public and taxonomy"
        )
    cache = getattr(request.config, "cache", None)
    cache_dir = (
        Path(cache.mkdir("no-eval-text"))
        if cache is not None
        else Path(tempfile.gettempdir()) / "resumeiq-no-eval-text"
    )
    return cached_index(SHARED_DIR, cache_dir)


def test_no_eval_text_in_tests_or_source(eval_index: Index) -> None:
    hits = scan_files(text_files(REPO), eval_index)
    if hits:
        report = "\n".join(map(str, hits))
        pytest.fail(
            f"{len(hits)} hit(s) of eval text in tests/ or src/; rewrite them by hand:\n{report}",
            pytrace=False,
        )


def _toy_index() -> Index:
    """An index of invented documents (no eval text)."""
    return build_index(
        [
            Document(
                "set-a", "Quillon Ferraby\nRan the night desk at the Harbour Lantern gazette for six winters."
            ),
            Document("set-a", "It is what it is, as it was."),
            Document("set-b", "Ran the night desk; filed tide tables.", author="one"),
            # one stock phrase in three real authors' documents: common phrasing, not a copy
            *(Document("set-b", f"{w} with keen interest in tidal charts and maps", author=w) for w in "xyz"),
            Document("set-b", "certified operator of harbour cranes and forklift trucks"),
        ],
        generic_texts=["She is a certified operator of harbour cranes and forklift trucks."],
        names=[("Quillon Ferraby", "set-a"), ("Ferraby", "set-a")],
        emails=[("Q.Ferraby@lantern.example", "set-a")],
    )


def test_a_copy_is_found_across_case_punctuation_breaks_and_escapes() -> None:
    source = 'doc = "NIGHT desk at the\\nharbour-lantern Gazette, " "for six"\n# q.ferraby@Lantern.example\n'
    hits = scan_text("t.py", Path("t.py"), source, _toy_index())
    assert [(h.line, h.phrase, h.sets) for h in hits] == [
        (1, "night desk at the harbour lantern", ("set-a",)),
        (1, "desk at the harbour lantern gazette", ("set-a",)),
        (1, "at the harbour lantern gazette for", ("set-a",)),
        (1, "the harbour lantern gazette for six", ("set-a",)),
        (2, "e-mail: q.ferraby@lantern.example", ("set-a",)),
    ]
    assert [
        (h.line, h.phrase) for h in scan_text("n.md", Path("n.md"), "x\nBy QUILLON\nferraby.", _toy_index())
    ] == [(2, "name: quillon ferraby")]
    five = "the night desk at the harbour"  # six words, one short of none: a five-word overlap is no hit
    assert scan_text("f.txt", Path("f.txt"), five.replace("harbour", "pier"), _toy_index()) == []


def test_generic_runs_and_word_lists_are_no_hit() -> None:
    index = _toy_index()
    # a run in three real authors' documents, a run of the generic texts, a run of stop words
    generic = "keen interest in tidal charts and. A certified operator of harbour cranes and forklift. It is what it is as it"
    assert scan_text("g.txt", Path("g.txt"), generic, index) == []
    # a one-word name is no name to look for
    assert scan_text("o.txt", Path("o.txt"), "Ferraby", index) == []
    # JSON: each string on its own, so the neighbours of a word list form no run
    assert (
        scan_text("l.json", Path("l.json"), '["Ran the night", "desk at the", "harbour lantern"]\n', index)
        == []
    )
    assert len(scan_text("l.json", Path("l.json"), '{"k": "Ran the night desk at the"}', index)) == 1


def test_a_phone_number_is_found_however_it_is_grouped() -> None:
    index = build_index([], phones=[("+44 7700 961 482", "set-a"), ("06 12 34 56 78", "set-b")])
    source = 'a = "Tel. 07700961482"\nb = "(0)7700 96-14-82"\nc = "07700 961 483"\nd = "0612345678"\n'
    hits = scan_text("p.py", Path("p.py"), source, index)
    assert [(h.line, h.sets) for h in hits] == [(1, ("set-a",)), (2, ("set-a",))]
    # "12345678": a counting run is a placeholder nobody owns, no hit
