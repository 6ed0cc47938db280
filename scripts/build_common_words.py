"""Build ``engine/data/common_words.json``: the English words the taxonomy's prose writes in lower case.

A line such as "Key Elements" or "Online Applications" at the top of a resume is capitalised like a
name, yet every word of it is an ordinary word. The engine's name reader uses this list to tell a
person's name from such a line: a name has at least one word that is not here ("Grant Hall" is the
rare name made only of common words, and is lost). The words are those that the O*NET occupation
descriptions and the ESCO skill and occupation descriptions write in lower case at least
``MIN_COUNT`` times; names of people do not occur there, and words written capitalised mid-sentence
there (products, places) are not counted.

    python scripts/build_common_words.py [--source DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path

from build_taxonomy import DEFAULT_OUT, DEFAULT_SOURCE, ESCO_ATTRIBUTION, ESCO_LICENCE, ONET_ATTRIBUTION

MIN_COUNT = 3
_WORD = re.compile(r"[A-Za-z][a-z'’-]*")


def _texts(source: Path):
    for name in ("skills.csv", "occupations.csv"):
        with open(source / "esco" / name, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                yield row["description"]
    with open(source / "onet" / "Occupation Data.txt", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            yield row["Description"]


def common_words(source: Path) -> list[str]:
    counts: Counter[str] = Counter()
    for text in _texts(source):
        counts.update(w for w in _WORD.findall(text) if w.islower() and len(w) >= 2)
    return sorted(w for w, n in counts.items() if n >= MIN_COUNT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    words = common_words(args.source)
    doc = {
        "_meta": {
            "generated_by": "scripts/build_common_words.py (do not edit by hand)",
            "what": f"words the sources' descriptions write in lower case at least {MIN_COUNT} times (derived: counted and filtered)",
            "attribution": [ONET_ATTRIBUTION, ESCO_ATTRIBUTION, ESCO_LICENCE],
        },
        "words": words,
    }
    target = args.out / "common_words.json"
    target.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{target}: {len(words)} words, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
