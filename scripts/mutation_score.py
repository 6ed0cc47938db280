"""Print the mutation score of `make mutation` per module, and every mutant that survived.

Reads mutmut's results (``mutants/**/*.py.meta``) for the mutants ``make mutation`` runs
(``PATTERNS``: in ``_docx.py`` and ``extract/__init__.py`` only the limit checks). A mutant is
killed when a test failed or timed out with it; one no test reached counts as survived. Exits 1
when fewer than ``--min`` percent (default 90) are killed.

    python scripts/mutation_score.py [--min 90]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from collections import defaultdict
from pathlib import Path

# Mutant name patterns (mutmut's names: module.x_function__mutmut_N, module.xǁClassǁmethod__mutmut_N)
# and the module each is reported under. `make mutation` passes the same patterns to `mutmut run`.
PATTERNS = {
    "resumeiq.ratelimit.*": "ratelimit/",
    "resumeiq.worker.claim.*": "worker/claim.py",
    "resumeiq.emails.tasks.*": "emails/tasks.py",
    "resumeiq.engine.extract._limits.*": "engine/extract limits",
    "resumeiq.engine.extract._docx.x__check_zip__*": "engine/extract limits",
    "resumeiq.engine.extract.x_extract_text__*": "engine/extract limits",
    "resumeiq.screening.export.*": "screening/export.py",
    "resumeiq.users.security.*": "users/security.py",
}
KILLED = {1, 3, 24, -24, 36, 152, 255}  # a test failed, or the run timed out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min", type=float, default=90.0, help="lowest acceptable score, in percent")
    ap.add_argument("--mutants", type=Path, default=Path("mutants"))
    args = ap.parse_args()

    results: dict[str, int | None] = {}
    for meta in args.mutants.rglob("*.py.meta"):
        results.update(json.loads(meta.read_text())["exit_code_by_key"])
    by_module: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for name, code in sorted(results.items()):
        module = next((m for p, m in PATTERNS.items() if fnmatch.fnmatchcase(name, p)), None)
        if module is not None:
            by_module[module].append((name, code))
    if not by_module:
        print("no mutmut results under", args.mutants, "- run `make mutation`", file=sys.stderr)
        return 1

    total = killed = 0
    unchecked: list[str] = []
    survivors: list[tuple[str, int | None]] = []
    print(f"{'module':24} {'mutants':>8} {'killed':>8} {'score':>7}")
    for module in dict.fromkeys(PATTERNS.values()):
        rows = [(n, c) for n, c in by_module.get(module, []) if c is not None]
        unchecked += [n for n, c in by_module.get(module, []) if c is None]
        k = sum(c in KILLED for _, c in rows)
        survivors += [(n, c) for n, c in rows if c not in KILLED]
        total, killed = total + len(rows), killed + k
        score = f"{100 * k / len(rows):6.1f}%" if rows else "      -"
        print(f"{module:24} {len(rows):8} {k:8} {score}")
    score = 100 * killed / total if total else 0.0
    print(f"{'all':24} {total:8} {killed:8} {score:6.1f}%")
    if unchecked:
        print(f"\n{len(unchecked)} mutant(s) not run yet (an interrupted `mutmut run`?)")
    if survivors:
        print("\nsurvivors (`.venv/bin/mutmut show NAME` shows the change):")
        for name, code in survivors:
            print(f"  {name}  ({'no test reached it' if code in (5, 33) else 'survived'})")
    return 0 if score >= args.min and not unchecked else 1


if __name__ == "__main__":
    sys.exit(main())
