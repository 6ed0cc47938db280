"""Build the engine's shipped taxonomy: ``engine/data/skills.json`` and ``engine/data/titles.json``.

Sources: the O*NET 29.2 database and ESCO v1.2 CSVs under ``--source`` (default ``../shared/taxonomy``
relative to the repository root), merged with the hand-curated files in ``scripts/taxonomy/``.
Output is sorted and deterministic: running the script twice gives identical files.

    python scripts/build_taxonomy.py [--source DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CURATED = Path(__file__).resolve().parent / "taxonomy"
DEFAULT_SOURCE = REPO.parent / "shared" / "taxonomy"
DEFAULT_OUT = REPO / "src" / "resumeiq" / "engine" / "data"
MAX_BYTES = 2_000_000

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA."
)
ESCO_ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
ESCO_LICENCE = "ESCO v1.2, reuse authorised under Commission Decision 2011/833/EU (commercial use included)"

# Characters that separate words; the engine's matchers normalise text the same way (see skills.py).
_SEPARATORS = re.compile(r"[^\w+#.&'@]")
_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9+#/-]{1,7}$")
_ROMAN = re.compile(r"(?=[mdclxvi])m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})")
_NUMBERISH = re.compile(r"v?\d+([.x]\d+)*[a-z]?|\d+(st|nd|rd|th|s)")
_STOP = {"of", "for", "and", "in", "the", "a", "an", "to", "on", "with", "or", "by", "at", "from"}
_ADJECTIVE_ENDINGS = ("ive", "al", "ous", "ic", "ary", "ent", "ant", "able", "ible", "ful")
# ESCO knowledge labels ending in these words are categories of things, not resume keywords.
_VAGUE_TAILS = {
    "types",
    "characteristics",
    "principles",
    "policies",
    "legislation",
    "regulations",
    "trends",
    "procedures",
    "processes",
    "standards",
    "guidelines",
    "requirements",
    "features",
    "functions",
    "components",
    "operations",
    "issues",
    "concepts",
    "theories",
    "aspects",
    "products",
    "parts",
    "methods",
    "techniques",
    "practices",
    "range",
    "market",
    "industry",
    "sector",
    "field",
    "area",
    "areas",
    "law",
    "rules",
}


def norm_key(surface: str) -> str:
    """Lower-case key a surface form is looked up by: separators become spaces, runs collapse."""
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", surface.lower())).strip()


def load_json(name: str) -> dict:
    with open(CURATED / name, encoding="utf-8") as fh:
        return json.load(fh)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- common words


def lowercase_word_counts(onet: Path, esco: Path) -> Counter[str]:
    """How often each word is written in lower case in O*NET and ESCO prose: a proxy for
    "ordinary English word" (``access``, ``word``, ``spark``) without shipping a dictionary."""
    counts: Counter[str] = Counter()
    texts: list[str] = [r.get("Description", "") for r in read_tsv(onet / "Occupation Data.txt")]
    for name in ("skills.csv", "occupations.csv"):
        if (esco / name).exists():
            texts += [r.get("description", "") for r in read_csv(esco / name)]
    for text in texts:
        counts.update(w for w in re.findall(r"[a-z][a-z'-]*", text))
    return counts


# --------------------------------------------------------------------------- skills


@dataclass
class Skill:
    name: str
    category: str
    source: str  # curated | onet | esco
    rank: int  # lower wins a contested surface
    aliases: set[str] = field(default_factory=set)
    hot: bool = False


def commodity_category(title: str, rules: list[list[str]]) -> str:
    low = title.lower()
    for needle, category in rules:
        if needle in low:
            return category
    return "other"


def onet_names(raw: str, strip_vendors: list[str]) -> tuple[str, set[str]] | None:
    """Canonical name and aliases for an O*NET product name, or None for generic descriptions
    such as "Accounting software" or "Code libraries"."""
    name = raw.strip()
    aliases: set[str] = set()
    tokens = name.split()
    if (
        len(tokens) >= 2
        and all(t == t.lower() for t in tokens[1:])
        and tokens[0][1:] == tokens[0][1:].lower()
    ):
        return None  # descriptive phrase, not a product
    if name.lower().endswith(" software") and len(tokens) > 2:
        name = name[: -len(" software")]
        tokens = name.split()
    # "Hypertext markup language HTML" -> HTML; "Apache Subversion SVN" -> Apache Subversion + SVN.
    # A trailing capitalised word that does not abbreviate the rest is part of the product name
    # ("Altera Quartus II", "Nuance Power PDF", "Lathem Time PayClock EZ"): keep the name whole.
    if len(tokens) >= 3 and _ACRONYM.match(tokens[-1]):
        rest = " ".join(tokens[:-1])
        if not abbreviates(tokens[-1], tokens[:-1]):
            aliases.add(rest)  # "Adobe FreeHand" for "Adobe FreeHand MX", if distinctive (see build)
        elif all(t == t.lower() for t in tokens[1:-1]):
            aliases.add(rest)
            name = tokens[-1]
        else:
            aliases.add(tokens[-1])
            name = rest
        tokens = name.split()
    for vendor in strip_vendors:
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 2:
            aliases.add(name)
            name = name[len(vendor) + 1 :]
            break
    return name, aliases


def abbreviates(acronym: str, words: list[str]) -> bool:
    """True if ``acronym`` abbreviates ``words``: its first letter starts one of the words and its
    other letters follow in order ("SVN" for "Apache Subversion", "XUI" for "XML User Interface").
    Version and edition marks ("II", "XP", "PC", "EZ") do not."""
    if re.fullmatch(r"[A-Z][2-4]", acronym):  # "S3" for "Simple Storage Service"
        acronym = acronym[0] * int(acronym[1])
    letters = [c for c in acronym.lower() if c.isalpha()]
    if _ROMAN.fullmatch(acronym.lower()) or not letters:
        return False
    low = [w.lower() for w in words]
    if len(letters) == 1:  # "A++" for "Abstraction plus ..."
        return acronym[1:].strip("+#") == "" and low[0].startswith(letters[0])
    for i, w in enumerate(low):
        if not w.startswith(letters[0]):
            continue
        rest = " ".join(low[i:])[1:]
        pos = 0
        for c in letters[1:]:
            pos = rest.find(c, pos) + 1
            if pos == 0:
                break
        else:
            return True
    return False


def vendor_remainders(name: str, prefixes: Counter[str]) -> list[str]:
    """A product name without its vendor, for each leading one- to three-word prefix that several
    O*NET products share ("Yardi Systems Yardi Enterprise" -> "Yardi Enterprise" and
    "Systems Yardi Enterprise"; ``alias_ok`` then rejects the second)."""
    words = name.split()
    out = []
    for n in (3, 2, 1):
        shared = len(words) > n and prefixes[" ".join(words[:n])] >= (3 if n == 1 else 2)
        if shared and words[0][:1].isupper():
            out.append(" ".join(words[n:]))
    return out


def alias_ok(alias: str, name: str, words: WordLists) -> bool:
    """Whether an alias derived from an O*NET product name is distinctive enough to match on its
    own. Rejected: numbers and version marks ("2000", "II"), one or two characters, ordinary
    English words ("Kingdom", "TOTAL", "Vista"), generic phrases ("User Interface", "Media Player")
    and remainders of a stripped company name ("Systems Yardi Enterprise", "Health Organization ...")."""
    key = norm_key(alias)
    tokens = key.split()
    if not tokens or norm_key(name) == key:
        return False
    compact = re.sub(r"[^a-z0-9]", "", key)
    if len(compact) <= 2 or all(_NUMBERISH.fullmatch(t) or _ROMAN.fullmatch(t) for t in tokens):
        return False
    if key in words.generic_phrases or tokens[0] in words.company or tokens[-1] in _STOP:
        return False
    if len(tokens) == 1:
        t = tokens[0]
        return not (words.is_ordinary(t) or words.common[t] >= 1)
    ordinary = [words.is_ordinary(t) or t in _STOP or _NUMBERISH.fullmatch(t) for t in tokens]
    # "Production Planning", "Blood Bank"; longer ones ending in a generic tail: "Data Management System"
    return not (all(ordinary) and (len(tokens) <= 2 or tokens[-1] in words.generic_tails))


@dataclass
class WordLists:
    """Ordinary-word knowledge: lower-case counts from O*NET/ESCO prose plus the curated lists."""

    common: Counter[str]
    ordinary: set[str]  # curated ordinary English words (ambiguous.json "ordinary_words")
    generic: set[str]  # curated generic words (ambiguous.json "generic_words")
    generic_phrases: set[str]  # generic software phrases ("user interface", "media player")
    company: set[str]  # words that continue a company name ("systems", "software", "research")
    generic_tails: set[str]  # last words of generic phrases ("system", "software", "tools")

    def is_ordinary(self, word: str) -> bool:
        w = word.lower()
        return w in self.ordinary or w in self.generic or self.common[w] >= 3


def esco_preferred_label(description: str) -> str | None:
    """ESCO runs preferred label, alternative labels and definition together. The preferred label
    is the longest leading phrase (up to 4 words) that the rest of the text repeats."""
    tokens = description.split()
    low = description.lower()
    for k in range(min(4, len(tokens) - 1), 0, -1):
        phrase = " ".join(tokens[:k])
        stem = phrase.lower().rstrip("s")
        rest = low[len(phrase) :]
        if re.search(r"(?<![\w-])" + re.escape(stem) + r"s?(?![\w-])", rest):
            return phrase
    return None


def esco_definition_start(description: str) -> str | None:
    tokens = description.split()
    for i in range(1, len(tokens) - 1):
        t = tokens[i]
        if t[:1].isupper() and t.isalpha() and not t.isupper() and tokens[i + 1][:1].islower():
            return t
    return None


def esco_skills(
    path: Path, common: Counter[str], generic: set[str], rules: list[list[str]]
) -> list[tuple[str, str]]:
    """Short knowledge labels and named tools from ESCO; competences ("manage staff ...") are left out."""
    out: list[tuple[str, str]] = []
    for row in read_csv(path):
        desc = _SPACES.sub(" ", row.get("description", "")).strip()
        label = esco_preferred_label(desc)
        lowdesc = desc.lower()
        tool = "computer program" in lowdesc or "programming" in lowdesc or "software" in lowdesc
        # Knowledge entries define a noun ("The study of ..."); competences start with a verb.
        if not label or (
            esco_definition_start(desc) not in ("The", "A", "An") and not (tool and label[0].isupper())
        ):
            continue
        words = label.split()
        low = [w.lower() for w in words]
        if len(words) > 3 or len(label) > 40 or len(set(low)) < len(low):
            continue
        if (
            any(w in _STOP for w in low)
            or low[-1] in _VAGUE_TAILS
            or low[-1].endswith(_ADJECTIVE_ENDINGS)
            or not all(re.fullmatch(r"[\w.+#/-]+", w) for w in words)
        ):
            continue
        if any(w in generic for w in low) and len(words) == 1:
            continue
        if len(words) == 1:
            w = words[0]
            if w == w.lower() or common[w.lower()] >= 3 or not tool:
                continue
        category = "domain"
        for needle, cat in rules:
            if needle in lowdesc and label[0].isupper():
                category = cat
                break
        out.append((label, category))
    return out


def build_skills(source: Path) -> dict:
    onet, esco = source / "onet", source / "esco"
    curated = load_json("curated_skills.json")
    aliases = load_json("aliases.json")
    amb = load_json("ambiguous.json")
    cats = load_json("categories.json")
    common = lowercase_word_counts(onet, esco)
    drop = {d.lower() for d in amb["drop"]}
    generic = {g.lower() for g in amb["generic_words"]}
    soft = {s.lower() for s in amb["soft_words"]}
    exact_listed = set(amb["exact_case"])
    # Section labels and generic words that are never skills, whatever the source (names or aliases).
    not_skills = {norm_key(n) for n in amb["not_skills"]}
    # Names matched only when capitalised ("Real Estate", "Reporting"): in prose they are ordinary words.
    capitalised = {norm_key(n) for n in amb["capitalised_only"]}
    words = WordLists(
        common=common,
        ordinary={w.lower() for w in amb["ordinary_words"]},
        generic=generic,
        generic_phrases={norm_key(p) for p in amb["generic_phrases"]},
        company={w.lower() for w in amb["company_words"]},
        generic_tails={w.lower() for w in amb["generic_tails"]},
    )

    skills: dict[str, Skill] = {}  # canonical name -> Skill
    owner: dict[str, str] = {}  # norm key -> canonical name

    def claim(surface: str, canonical: str) -> None:
        key = norm_key(surface)
        if not key or key in not_skills:
            return
        current = owner.get(key)
        if current is None or skills[canonical].rank < skills[current].rank:
            owner[key] = canonical

    def add(name: str, category: str, source_name: str, rank: int, extra: set[str]) -> None:
        key = norm_key(name)
        if key in not_skills:
            return
        if key in owner:  # merge into the entry that already owns this surface
            target = skills[owner[key]]
            target.aliases |= {a for a in extra | {name} if a != target.name}
            for a in extra:
                claim(a, target.name)
            return
        skills[name] = Skill(name, category, source_name, rank, aliases=set(extra))
        claim(name, name)
        for a in extra:
            claim(a, name)

    languages = set(curated["programming_language"])
    for category, names in sorted(curated.items()):
        if category.startswith("_"):
            continue
        for name in names:
            add(name, category, "curated", 0, set(aliases.get(name, [])))

    # O*NET technology products, hot technologies first so they win contested aliases.
    products: dict[str, dict] = {}
    for row in read_tsv(onet / "Technology Skills.txt"):
        p = products.setdefault(row["Example"].strip(), {"titles": Counter(), "hot": False, "occ": 0})
        p["titles"][row["Commodity Title"].strip()] += 1
        p["hot"] |= row.get("Hot Technology", "N") == "Y"
        p["occ"] += 1
    prefixes: Counter[str] = Counter()
    for product in products:
        tokens = product.split()
        for n in (1, 2, 3):
            if len(tokens) > n:
                prefixes[" ".join(tokens[:n])] += 1
    order = sorted(products, key=lambda n: (not products[n]["hot"], -products[n]["occ"], n))
    for raw in order:
        info = products[raw]
        derived = onet_names(raw, cats["strip_vendors"])
        if derived is None:
            continue
        name, extra = derived
        # Longer spellings that contain the name ("Atlassian JIRA") and spelled-out acronyms
        # ("Hypertext markup language" for HTML) stay; anything else must be distinctive on its own.
        extra = {
            a
            for a in extra
            if norm_key(name) in norm_key(a)
            or abbreviates(name, a.split())
            or alias_ok(a, name, words)
            and not (name.startswith(a + " ") and prefixes[a] >= 2)
        }
        if name.lower() in drop or raw.lower() in drop or len(name) < 2 and name not in languages:
            continue
        if " " not in name and name == name.lower() and common[name] >= 1:
            continue
        if (
            " " not in name
            and common[name.lower()] >= 20
            and name not in exact_listed
            and norm_key(name) not in owner
        ):
            continue  # an ordinary word ("Focus", "Compass") would match everywhere
        for rest in vendor_remainders(name, prefixes):
            if rest.lower() not in drop and alias_ok(rest, name, words):
                extra.add(rest)
        title = info["titles"].most_common(1)[0][0]
        category = (
            "programming_language"
            if name in languages or "programming language" in raw.lower()
            else commodity_category(title, cats["commodity_rules"])
        )
        add(name, category, "onet", 1 if info["hot"] else 2, extra)
        if info["hot"] and owner.get(norm_key(name)) in skills:
            skills[owner[norm_key(name)]].hot = True

    if (esco / "skills.csv").exists():
        for label, category in sorted(
            set(esco_skills(esco / "skills.csv", common, generic, cats["esco_rules"]))
        ):
            if label.lower() in drop or norm_key(label) in owner:
                continue
            if norm_key(label) in soft:
                category = "soft_skill"
            tokens = norm_key(label).split()
            if (
                len(tokens) > 1
                and all(words.is_ordinary(w) or w in _STOP for w in tokens)
                and (tokens[-1] in words.generic_tails or " ".join(tokens) in words.generic_phrases)
            ):
                continue  # "management systems", "knowledge base"
            add(label, category, "esco", 3, set())

    # Emit: every surface that its entry still owns, with the exact-case ones listed.
    entries = []
    for name in sorted(skills, key=str.lower):
        s = skills[name]
        if owner.get(norm_key(name)) != name:
            continue
        surfaces = sorted(
            a for a in s.aliases if owner.get(norm_key(a)) == name and norm_key(a) != norm_key(name)
        )
        # Curated names are deliberate: only listed or short-capital spellings are exact-case there.
        word_counts = words if s.source != "curated" else None
        exact = {x for x in [name, *surfaces] if is_exact(x, exact_listed, word_counts)}
        # Spellings of one key given case variants in exact_case ("Act!", "ACT!") travel together.
        exact |= {v for x in [name, *surfaces] for v in exact_listed if norm_key(v) == norm_key(x)}
        for x in [name, *surfaces]:
            if norm_key(x) in capitalised:
                exact |= capitalised_spellings(x)
        exact = sorted(exact)
        if norm_key(name) in capitalised and name == name.lower():
            # A lower-case ESCO label matched only when capitalised: show it capitalised too.
            name = name.title()
        entry: dict = {"name": name, "category": s.category}
        if surfaces:
            entry["aliases"] = surfaces
        if exact:
            entry["exact"] = exact
        if s.hot:
            entry["hot"] = True
        entry["source"] = s.source
        entries.append(entry)

    context = {k: v for k, v in amb["context"].items() if owner.get(norm_key(k))}
    return {
        "_meta": meta("skills", with_esco=(esco / "skills.csv").exists()),
        "categories": cats["categories"],
        "context": context,
        # Generic phrases that are not skills but must not yield a shorter skill inside them either.
        "blocked": sorted(amb["not_skills"], key=str.lower),
        "skills": entries,
    }


def is_exact(surface: str, listed: set[str], words: WordLists | None) -> bool:
    """Surfaces matched only in their exact spelling: listed ones, short capitals ("SAS", "CPA", "R")
    and single ordinary English words ("Excel", "Chef", "Act!")."""
    if surface in listed:
        return True
    letters = re.sub(r"[^A-Za-z]", "", surface)
    if len(surface) <= 4 and letters and letters.isupper():
        return True
    if len(surface) <= 2:
        return True
    key = norm_key(surface)
    return words is not None and " " not in key and surface[:1].isupper() and words.is_ordinary(key)


def capitalised_spellings(surface: str) -> set[str]:
    """Title-case and sentence-case spellings of a name ("Real Estate", "Real estate")."""
    title = " ".join(w[:1].upper() + w[1:] for w in surface.split())
    return {title, surface[:1].upper() + surface[1:].lower()}


# --------------------------------------------------------------------------- titles

_TITLE_ABBREV = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "asst": "assistant",
    "assoc": "associate",
    "admin": "administrator",
    "vp": "vice president",
    "rep": "representative",
    "coord": "coordinator",
    "dir": "director",
    "exec": "executive",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "swe": "software engineer",
    "sde": "software development engineer",
}


def norm_title(text: str) -> str:
    """Lower-case, '&' -> 'and', punctuation dropped, common abbreviations expanded."""
    text = text.lower().replace("&", " and ")
    text = re.sub(r"\([^)]*\)", " ", text)
    words = re.findall(r"[a-z0-9+#]+", text)
    out: list[str] = []
    for w in words:
        out.extend(_TITLE_ABBREV.get(w, w).split())
    return " ".join(out)


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def build_titles(source: Path) -> dict:
    onet = source / "onet"
    cur = load_json("titles_curated.json")
    occupations = {r["O*NET-SOC Code"]: r["Title"].strip() for r in read_tsv(onet / "Occupation Data.txt")}
    votes: dict[str, Counter[str]] = defaultdict(Counter)

    def vote(title: str, code: str, weight: int) -> None:
        key = norm_title(title)
        if key and code in occupations:
            votes[key][code] += weight

    for code, title in occupations.items():
        vote(title, code, 10)
        words = norm_title(title).split()
        if words:
            vote(" ".join([*words[:-1], singular(words[-1])]), code, 10)
    for r in read_tsv(onet / "Sample of Reported Titles.txt"):
        vote(r["Reported Job Title"], r["O*NET-SOC Code"], 3 if r.get("Shown in My Next Move") == "Y" else 2)
        for inner in re.findall(r"\(([^)]*)\)", r["Reported Job Title"]):
            vote(inner, r["O*NET-SOC Code"], 1)
    for r in read_tsv(onet / "Alternate Titles.txt"):
        vote(r["Alternate Title"], r["O*NET-SOC Code"], 1)
        short = r.get("Short Title", "n/a")
        if short and short != "n/a":
            vote(short, r["O*NET-SOC Code"], 1)
    titles = {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in votes.items()}

    # Head-word fallback: the occupation most titles ending in this word (or two words) belong to.
    tails: dict[str, Counter[str]] = defaultdict(Counter)
    last_words: Counter[str] = Counter()
    for key, code in titles.items():
        words = key.split()
        last_words[words[-1]] += 1
        for n in (1, 2, 3):
            if len(words) >= n:
                tails[" ".join(words[-n:])][code] += 1
    tail_map: dict[str, str] = {}
    for tail, c in tails.items():
        code, n = min(c.items(), key=lambda kv: (-kv[1], kv[0]))
        total = sum(c.values())
        # A one-word tail ("manager") spans many occupations: keep it only when one clearly dominates.
        if total >= 3 and (" " in tail or n / total >= 0.3):
            tail_map[tail] = code
    heads = {
        w
        for w, n in last_words.items()
        if n >= 40 and len(w) > 2 and w not in _STOP and w != "other" and singular(w) == w
    }
    heads |= set(cur["head_words"])
    return {
        "_meta": meta("titles", with_esco=False),
        "occupations": dict(sorted(occupations.items())),
        "titles": dict(sorted(titles.items())),
        "tails": dict(sorted(tail_map.items())),
        "head_words": sorted(heads),
        "seniority": {k: sorted(set(v)) for k, v in sorted(cur["seniority"].items())},
        "modifiers": sorted(set(cur["modifiers"])),
        "not_title_words": sorted(set(cur["not_title_words"])),
    }


# --------------------------------------------------------------------------- output


def meta(kind: str, *, with_esco: bool) -> dict:
    sources = ["O*NET 29.2 Database (February 2025)"]
    attribution = [ONET_ATTRIBUTION]
    licence = ["O*NET: Creative Commons Attribution 4.0 International (CC BY 4.0)"]
    if with_esco:
        sources.append("ESCO v1.2 skills (European Commission)")
        attribution.append(ESCO_ATTRIBUTION)
        licence.append(ESCO_LICENCE)
    return {
        "kind": kind,
        "source": sources,
        "licence": licence,
        "attribution": attribution,
        "modified": (
            "Derived by resumeiq scripts/build_taxonomy.py: names normalised, vendor prefixes and generic "
            "entries removed, selected entries kept, and merged with curated skills, aliases and rules. "
            "The data was modified from the original sources."
        ),
    }


def write(data: dict, out: Path, stem: str) -> Path:
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    plain, gz = out / f"{stem}.json", out / f"{stem}.json.gz"
    if len(text.encode()) <= MAX_BYTES:
        plain.write_text(text + "\n", encoding="utf-8")
        gz.unlink(missing_ok=True)
        return plain
    gz.write_bytes(gzip.compress(text.encode(), mtime=0))
    plain.unlink(missing_ok=True)
    return gz


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source", type=Path, default=DEFAULT_SOURCE, help="taxonomy source dir (onet/, esco/)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output dir (engine/data)")
    args = parser.parse_args(argv)
    if not (args.source / "onet").is_dir():
        print(f"error: no onet/ directory under {args.source}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    skills = build_skills(args.source)
    titles = build_titles(args.source)
    for data, stem in ((skills, "skills"), (titles, "titles")):
        path = write(data, args.out, stem)
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    print(
        f"{len(skills['skills']):,} skills, {len(titles['titles']):,} titles, {len(titles['occupations']):,} occupations"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
