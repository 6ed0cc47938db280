"""The text of the shared measurement sets, as hashed runs of words, and a scanner for it.

What is read, how text is compared and what is excluded: see ``test_no_eval_text.py``. A plain
module (like ``evalset``) so that the scanner can be run by hand:
``python tests/evaltext.py [FILE ...]`` prints the hits in tests/ and src/ (or in the files given).
"""

from __future__ import annotations

import ast
import hashlib
import html
import json
import os
import pickle
import re
import sys
import tempfile
import unicodedata
import zipfile
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

RUN = 6  # words in a compared run
PHONE_DIGITS = 8  # the last digits of a phone number compared
REAL_AUTHORS_GENERIC = 3  # a run in this many documents of real authors is common phrasing
SETS = ("eval-dev", "eval-layouts", "eval-real", "eval-public")
REPO = Path(__file__).resolve().parents[1]
SCANNED = ("src", "tests")
SKIPPED_DIRS = {
    ".venv",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "mutants",
    "node_modules",
}

_WORD = re.compile(r"\w+")
_STOP = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves s t ll re ve d m""".split()  # noqa: SIM905 — a word list reads better as text
)


# --------------------------------------------------------------------------- words and runs


def words(text: str) -> list[str]:
    return _WORD.findall((text if text.isascii() else unicodedata.normalize("NFKC", text)).casefold())


_IDS: dict[str, int] = {}


def _word_ids(ws: list[str]) -> list[int]:
    """A stable 64-bit number per word (blake2b): the hash of a tuple of ints is the same in every
    process, unlike the hash of a string, so the table of runs can be cached."""
    for w in set(ws).difference(_IDS):
        digest = hashlib.blake2b(w.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        _IDS[w] = int.from_bytes(digest, "little")
    return list(map(_IDS.__getitem__, ws))


def _generic_word(word: str) -> bool:
    return word in _STOP or word.isdigit() or len(word) == 1


def run_hashes(ws: list[str], *, skip_generic: bool = False) -> list[int]:
    """The hash of every run of ``RUN`` consecutive words, in order (without the runs made only of
    stop words, numbers and single letters when ``skip_generic``)."""
    ids = _word_ids(ws)
    runs = list(map(hash, zip(*(ids[i:] for i in range(RUN)), strict=False)))
    if not skip_generic:
        return runs
    # words that are not generic among the first i: a run is generic when it holds none of them
    seen = list(accumulate((not _generic_word(w) for w in ws), initial=0))
    return [run for run, lo, hi in zip(runs, seen, seen[RUN:], strict=False) if hi > lo]


# --------------------------------------------------------------------------- the index


@dataclass
class Document:
    """Text of one eval set. ``author`` names a document written by a real author (runs shared by
    several of them are common phrasing); None for labels and generated documents."""

    label: str
    text: str
    author: str | None = None


@dataclass
class Index:
    runs: dict[str, set[int]]  # set label → hashes of its runs
    names: dict[tuple[str, ...], str] = field(default_factory=dict)  # a name's words → set label
    emails: dict[str, str] = field(default_factory=dict)  # lower-case e-mail → set label
    phones: dict[str, str] = field(default_factory=dict)  # a number's last 8 digits → set label

    def __post_init__(self) -> None:
        self.every = set().union(*self.runs.values())
        self.names_by_start: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for ws in self.names:
            self.names_by_start.setdefault(ws[:2], []).append(ws)
        self.name_starts = set(self.names_by_start)

    def sets_of(self, run: int) -> tuple[str, ...]:
        return tuple(sorted(label for label, runs in self.runs.items() if run in runs))


def build_index(
    documents: Iterable[Document],
    generic_texts: Iterable[str] = (),
    names: Iterable[tuple[str, str]] = (),
    emails: Iterable[tuple[str, str]] = (),
    phones: Iterable[tuple[str, str]] = (),
) -> Index:
    """The runs of the documents less the generic ones: runs of stop words, numbers and single
    letters; runs in ``REAL_AUTHORS_GENERIC`` or more documents of real authors; runs that also
    occur in one of ``generic_texts``. Names of one word are left out."""
    runs: dict[str, set[int]] = {}
    per_author: dict[str, set[int]] = {}
    for doc in documents:
        hashes = set(run_hashes(words(doc.text), skip_generic=True))
        runs.setdefault(doc.label, set()).update(hashes)
        if doc.author is not None:
            per_author.setdefault(doc.author, set()).update(hashes)
    shared = Counter(h for hashes in per_author.values() for h in hashes)
    generic = {h for h, n in shared.items() if n >= REAL_AUTHORS_GENERIC}
    every = set().union(*runs.values())
    for text in generic_texts:
        generic.update(every.intersection(run_hashes(words(text))))
    return Index(
        runs={label: hashes - generic for label, hashes in runs.items()},
        names={tuple(ws): label for name, label in names if len(ws := words(name)) >= 2},
        emails={email.strip().casefold(): label for email, label in emails if "@" in email},
        phones={
            digits[-PHONE_DIGITS:]: label
            for phone, label in phones
            if len(digits := _digits(phone)) >= PHONE_DIGITS and not _placeholder(digits[-PHONE_DIGITS:])
        },
    )


def _placeholder(digits: str) -> bool:
    """A number nobody owns ("12345678", "00000000"): a counting run or one or two digits."""
    return digits in "01234567890123" or digits in "98765432109876" or len(set(digits)) <= 2


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


# --------------------------------------------------------------------------- reading the sets


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _pdf_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


_DOCX_BREAK = re.compile(r"</w:p>|<w:br\b[^>]*/>|<w:tab/>|<w:cr/>")
_TAG = re.compile(r"<[^>]+>")


def _docx_text(path: Path) -> str:
    parts = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml") and "/_rels/" not in name:
                xml = archive.read(name).decode("utf-8", "replace")
                parts.append(html.unescape(_TAG.sub("", _DOCX_BREAK.sub("\n", xml))))
    return "\n".join(parts)


def _layer_text(path: Path) -> str:
    """The text layer of a PDF or DOCX, a text file's text ("" when there is none to read)."""
    try:
        if path.suffix == ".pdf":
            return _pdf_text(path)
        if path.suffix == ".docx":
            return _docx_text(path)
        return path.read_text("utf-8", errors="replace")
    except Exception:  # noqa: BLE001 — a file that cannot be read has no text to compare
        return ""


def _generated_set(shared: Path, label: str, names: list, emails: list, phones: list) -> Iterator[Document]:
    root = shared / label
    rows = [line.split("\t") for line in (root / "manifest.tsv").read_text().splitlines()[1:] if line.strip()]
    for row in rows:
        file, group = row[1], row[2]
        truth_path = root / "truth" / f"{Path(file).name.split('.')[0]}.truth.json"
        truth = json.loads(truth_path.read_text()) if truth_path.is_file() else {}
        for key in ("resume", "ocr_truth"):
            resume = truth.get(key) or {}
            for text in _strings(resume):
                yield Document(label, text)
            basics = resume.get("basics") or {}
            if basics.get("name"):
                names.append((basics["name"], label))
            if basics.get("email"):
                emails.append((basics["email"], label))
            if basics.get("phone"):
                phones.append((basics["phone"], label))
        if group != "hard":  # broken on purpose; the truth holds what they show
            yield Document(label, _layer_text(root / file))
    for job in sorted((root / "jobs").glob("*.txt")):
        yield Document(f"{label}/jobs", job.read_text("utf-8", errors="replace"))


def _real_set(shared: Path, names: list, emails: list) -> Iterator[Document]:
    root = shared / "eval-real"
    for text_path in sorted(root.glob("*.txt")):
        text = text_path.read_text("utf-8", errors="replace")
        yield Document("eval-real", text, author=f"eval-real/{text_path.stem}")
        truth_path = root / f"{text_path.stem}.truth.json"
        if truth_path.is_file():
            truth = json.loads(truth_path.read_text())
            for value in _strings(truth):
                yield Document("eval-real", value)
            if truth.get("name"):
                names.append((truth["name"], "eval-real"))
            emails.extend((email, "eval-real") for email in truth.get("emails") or [])


def _public_set(shared: Path, names: list, emails: list, phones: list) -> Iterator[Document]:
    root = shared / "eval-public"
    for node in ast.walk(ast.parse((root / "truth.py").read_text())):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield Document("eval-public", node.value)
        elif isinstance(node, ast.keyword) and node.arg in ("name", "email", "phone"):
            gathered = {"name": names, "email": emails, "phone": phones}[node.arg]
            for const in ast.walk(node.value):
                if isinstance(const, ast.Constant) and isinstance(const.value, str):
                    gathered.append((const.value, "eval-public"))
    for path in sorted((root / "files").iterdir()):
        if path.is_file():  # the PDF and the DOCX of one resume are one author's
            yield Document("eval-public", _layer_text(path), author=f"eval-public/{path.name.split('.')[0]}")


def _taxonomy_texts(shared: Path) -> Iterator[str]:
    for path in sorted((shared / "taxonomy").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".csv") and "read me" not in path.name.lower():
            yield path.read_text("utf-8", errors="replace")


def missing_sets(shared: Path) -> list[str]:
    return [label for label in (*SETS, "taxonomy") if not (shared / label).is_dir()]


def index_from_shared(shared: Path) -> Index:
    names: list[tuple[str, str]] = []
    emails: list[tuple[str, str]] = []
    phones: list[tuple[str, str]] = []
    documents = [
        *_generated_set(shared, "eval-dev", names, emails, phones),
        *_generated_set(shared, "eval-layouts", names, emails, phones),
        *_real_set(shared, names, emails),
        *_public_set(shared, names, emails, phones),
    ]  # reading them gathered the names, e-mails and phone numbers
    return build_index(documents, _taxonomy_texts(shared), names, emails, phones)


def _cache_key(shared: Path) -> str:
    h = hashlib.sha256(f"{RUN} {REAL_AUTHORS_GENERIC} {sys.version_info[:2]} {sys.hash_info}".encode())
    h.update(Path(__file__).read_bytes())
    for label in (*SETS, "taxonomy"):
        for path in sorted(p for p in (shared / label).rglob("*") if p.is_file()):
            st = path.stat()
            h.update(f"{path.relative_to(shared)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


def cached_index(shared: Path, cache_dir: Path) -> Index:
    """``index_from_shared``, kept in ``cache_dir`` under a key of the sets' paths, sizes and
    modification times (and of this module)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"eval-runs-{_cache_key(shared)}.pickle"
    if target.is_file():
        try:
            runs, names, emails, phones = pickle.loads(target.read_bytes())
            return Index({label: set(hashes) for label, hashes in runs.items()}, names, emails, phones)
        except Exception:  # noqa: BLE001 — a damaged cache is rebuilt
            pass
    index = index_from_shared(shared)
    payload = ({label: array("q", sorted(h)) for label, h in index.runs.items()}, index.names, index.emails, index.phones)
    for old in cache_dir.glob("eval-runs-*.pickle"):
        old.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, target)  # atomic: another pytest worker may be building the same table
    return index


# --------------------------------------------------------------------------- scanning


@dataclass(frozen=True)
class Hit:
    file: str
    line: int
    phrase: str
    sets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.phrase!r} ({', '.join(self.sets)})"


_PY_UNICODE = re.compile(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})")
_PY_ESCAPE = re.compile(r"\\[ntr]")
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"\+?\d[\d \t().\-/]{6,}\d")  # a phone number however grouped
_FENCE = " stringfencezz "  # a word no eval text has: no run spans it


def _unescaped(source: str) -> str:
    """``\\n``, ``\\t``, ``\\r`` and ``\\uXXXX`` read as what they stand for (Python and JSON),
    without moving a line break."""

    def char(m: re.Match[str]) -> str:
        c = chr(int(m.group(1) or m.group(2), 16))
        return " " if c.isspace() else c

    return _PY_ESCAPE.sub(" ", _PY_UNICODE.sub(char, source))


def comparable_text(path: Path, text: str) -> str:
    """A file's text as compared, its line breaks where they were: a ``.py`` file with its escapes
    read; a ``.json`` file also with each string fenced off from its neighbours."""
    if path.suffix == ".json":
        return _unescaped(text).replace('"', _FENCE)
    if path.suffix in (".py", ".pyi"):
        return _unescaped(text)
    return text


def scan_text(name: str, path: Path, text: str, index: Index) -> list[Hit]:
    compared = unicodedata.normalize("NFKC", comparable_text(path, text)).casefold()
    ws = _WORD.findall(compared)
    runs = run_hashes(ws)
    copied = index.every.intersection(runs)
    named = index.name_starts.intersection(zip(ws, ws[1:], strict=False))
    mailed = [m for m in _EMAIL.finditer(compared) if m.group() in index.emails] if "@" in compared else []
    numbered = []
    for m in _NUMBER.finditer(compared):
        digits = _digits(m.group())
        if len(digits) >= PHONE_DIGITS and digits[-PHONE_DIGITS:] in index.phones:
            numbered.append(m)
    if not (copied or named or mailed or numbered):
        return []
    starts = [m.start() for m in _WORD.finditer(compared)]

    def line_of(offset: int) -> int:
        return compared.count("\n", 0, offset) + 1

    hits = []
    for i, run in enumerate(runs):
        if run in copied:
            hits.append(Hit(name, line_of(starts[i]), " ".join(ws[i : i + RUN]), index.sets_of(run)))
    for i, pair in enumerate(zip(ws, ws[1:], strict=False)):
        for name_words in index.names_by_start.get(pair, ()) if pair in named else ():
            if tuple(ws[i : i + len(name_words)]) == name_words:
                label = index.names[name_words]
                hits.append(Hit(name, line_of(starts[i]), "name: " + " ".join(name_words), (label,)))
    for m in mailed:
        hits.append(Hit(name, line_of(m.start()), "e-mail: " + m.group(), (index.emails[m.group()],)))
    for m in numbered:
        label = index.phones[_digits(m.group())[-PHONE_DIGITS:]]
        hits.append(Hit(name, line_of(m.start()), "phone: " + m.group(), (label,)))
    return hits


def text_files(root: Path) -> Iterator[Path]:
    for top in SCANNED:
        for dirpath, dirnames, filenames in os.walk(root / top):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.endswith(".egg-info"))
            for filename in sorted(filenames):
                yield Path(dirpath) / filename


def scan_files(paths: Iterable[Path], index: Index, root: Path = REPO) -> list[Hit]:
    hits = []
    for path in paths:
        data = path.read_bytes()
        if b"\0" in data:
            continue  # binary: a model, an image
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        shown = path.resolve().relative_to(root) if path.resolve().is_relative_to(root) else path
        hits.extend(scan_text(str(shown), path, text, index))
    return hits


if __name__ == "__main__":
    from evalset import SHARED_DIR

    if missing := missing_sets(SHARED_DIR):
        sys.exit(f"not at {SHARED_DIR}: {', '.join(missing)} (set RESUMEIQ_TEST_SHARED_DIR)")
    found = cached_index(SHARED_DIR, Path(tempfile.gettempdir()) / "resumeiq-no-eval-text")
    targets = [Path(a) for a in sys.argv[1:]] or list(text_files(REPO))
    all_hits = scan_files(targets, found)
    print("\n".join(map(str, all_hits)))
    print(f"{len(all_hits)} hit(s)")
