"""From a person and a style to a renderer-neutral document: sections of blocks of lines, each line
with runs of text, an optional right-aligned part, a rail part (a column left of the body), a bullet
and a dot leader. The entry arrangements (where the title, employer, place and dates go) live here,
shared by the PDF, DOCX and text renderers; the renderers decide the page (columns, sidebars,
tables, tabs). ``compose`` also lists the JSON pointers of values the document does not show."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from fmt import DateStyle, date_range, month
from people import Person
from words import HEADINGS, PROJECT_NOUNS, PROJECT_ROLES, SUBHEADS, TEAMS


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Line:
    runs: list[Run]
    right: list[Run] | None = None  # right-aligned on the same line (tab stop, drawn at the edge)
    bullet: str | None = None  # a bullet glyph, "" for a highlight line without one
    leader: bool = False  # dots between the text and the right part
    indent: int = 0
    gap: float = 0.0  # extra space before, in line heights
    size: float = 0.0  # font size change
    right_size: float = 0.0  # font size change of the right part
    keep: bool = False  # keep with the next line (entry headers)
    align: str = "left"  # left | center

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Block:
    lines: list[Line]
    rail: list[str] | None = None  # text beside the block in the rail column, line by line


@dataclass
class Section:
    kind: str
    title: str | None
    blocks: list[Block]
    side: bool = False  # placed in the sidebar


@dataclass
class Style:
    """What one resume looks like; picked per resume from its layout's options."""

    layout: str
    renderer: str
    frame: str = "single"  # single | sidebar_left | sidebar_right | twocol | rail_headings | table_rail | cols
    work: str = "title_org"
    edu: str = "deg_school"
    heading_case: str = "upper"  # upper | title
    heading_spaced: bool = False
    heading_rule: str = "none"  # none | below | above
    heading_colon: bool = False
    name_align: str = "left"
    contact: str = "line"  # line | stack | side
    contact_sep: str = " | "
    bullet: str = "•"
    dates: DateStyle = field(default_factory=lambda: DateStyle("mon", " – ", "Present"))
    font: str = "Helvetica"
    size: float = 10.0
    running: str | None = None  # running header/footer template
    group_roles: bool = False
    skills: str = "lines"  # lines | comma | bullets | pipes
    show_location: bool = True
    show_label: bool = True
    lang: str = "en"
    side_kinds: tuple[str, ...] = ("contact", "skills", "languages")
    edu_first: bool = False
    labels: bool = False  # "E-mail: …" before contact items
    wrap: bool = True  # text: wrap long lines
    rail_stack: bool = False  # rail dates over two lines
    entry_case: str = "none"  # none | upper_org | upper_title | upper_both: entry lines in capitals
    title_size: float = 0.0  # an entry's first line in bigger type
    date_size: float = 0.0  # dates in smaller type
    entry_gap: float = 0.3  # space between entries, in line heights
    page: str = "A4"
    accent: tuple[float, float, float] = (0.0, 0.0, 0.0)
    extra: dict = field(default_factory=dict)


def heading(kind: str, style: Style, rng: random.Random) -> str:
    lang = style.lang if kind in HEADINGS[style.lang] else "en"
    text = rng.choice(HEADINGS[lang][kind])
    if style.heading_case == "upper":
        text = text.upper()
    if style.heading_colon:
        text += ":"
    return text


def _dates(start: str | None, end: str | None, style: Style, rng: random.Random) -> tuple[str, bool, bool]:
    return date_range(start, end, style.dates, rng)


def _deg_text(e: dict, form: int) -> str:
    study, area = e["studyType"], e.get("area")
    if not area:
        return study
    short = " of " not in study
    forms = [f"{study} in {area}", f"{study}, {area}", f"{study} - {area}"]
    if short:
        forms += [f"{study} {area}", f"{area} ({study})", f"{area}, {study}"]
    else:
        forms += [f"{study} in {area}", f"{study} ({area})"]
    return forms[form % len(forms)]


def _without_dates(lines: list[Line]) -> list[Line]:
    """Lines of an entry with the date placeholder and what only framed it ("()", ", ", "Year:") taken out."""
    out = []
    for ln in lines:
        for attr in ("runs", "right"):
            runs = getattr(ln, attr)
            if not runs:
                continue
            kept = []
            for r in runs:
                if "\x00" in r.text:
                    r.text = r.text.replace("\x00", "")
                    if not r.text.strip(" ,|()–-"):
                        continue
                kept.append(r)
            setattr(ln, attr, kept or (None if attr == "right" else []))
        label_only = len(ln.runs) == 1 and ln.runs[0].text.strip().endswith(":")
        if ln.text.strip() and not label_only:
            out.append(ln)
    return out


class Composer:
    def __init__(self, person: Person, style: Style, rng: random.Random) -> None:
        self.p = person
        self.s = style
        self.rng = rng
        self.hidden: list[str] = []
        self._once: dict[str, object] = {}

    def once(self, key: str, options: tuple):
        """One choice per document: every entry of a resume is set the same way."""
        if key not in self._once:
            self._once[key] = self.rng.choice(options)
        return self._once[key]

    def chance(self, key: str, p: float) -> bool:
        """True with probability ``p``, decided once per document."""
        if key not in self._once:
            self._once[key] = self.rng.random() < p
        return bool(self._once[key])

    # ------------------------------------------------------------------ helpers

    def hide(self, pointer: str) -> None:
        if pointer not in self.hidden:
            self.hidden.append(pointer)

    def bullet_lines(self, texts: list[str], base: str) -> list[Line]:
        glyph = "" if self.s.bullet == "none" else self.s.bullet
        return [Line([Run(t)], bullet=glyph, indent=1) for t in texts] if texts else []

    def _date_text(self, entry: dict, base: str, *, to_words: bool = False) -> str:
        text, s_vis, e_vis = _dates(entry.get("startDate"), entry.get("endDate"), self.s, self.rng)
        if to_words and self.s.dates.sep.strip() in ("–", "-", "—", "--"):
            text = text.replace(self.s.dates.sep, " to ", 1) if self.s.dates.sep in text else text
        if not s_vis and entry.get("startDate"):
            self.hide(f"{base}/startDate")
        if not e_vis and entry.get("endDate"):
            self.hide(f"{base}/endDate")
        return text

    # ------------------------------------------------------------------ work

    def work_blocks(self) -> list[Block]:
        work = self.p.resume["work"]
        blocks: list[Block] = []
        i = 0
        while i < len(work):
            j = i + 1
            if self.s.group_roles and self.s.work in ("title_org", "org_title", "dates_below", "rail", "leaders"):
                while j < len(work) and work[j]["name"] == work[i]["name"]:
                    j += 1
            if j - i > 1:
                blocks.extend(self.grouped(work, i, j))
            else:
                blocks.append(self.work_entry(work[i], f"/work/{i}"))
            i = j
        return blocks

    def _desc(self, entry: dict, base: str) -> list[Line]:
        lines: list[Line] = []
        if entry.get("summary"):
            lines.append(Line([Run(entry["summary"], italic=self.rng.random() < 0.2)]))
        if entry.get("highlights") and self.chance("resp_label", self.s.extra.get("resp_label", 0.06)):
            word = self.once("resp_word", ("Responsibilities:", "Roles & Responsibilities:", "Key Achievements:",
                                           "Achievements:", "Key responsibilities:", "Responsibilities",
                                           "Roles and responsibilities", "Role and Responsibilities"))
            lines.append(Line([Run(word, bold=True)]))
        labelled = bool(lines) and lines[-1].runs[0].bold
        if entry.get("highlights") and not labelled and self.chance("subhead", self.s.extra.get("subhead", 0.05)):
            lines.append(Line([Run(self.once("subhead_word", SUBHEADS) + self.once("subhead_colon", ("", ":")), bold=True)]))
        lines.extend(self.bullet_lines(list(entry.get("highlights") or []), base))
        if self.chance("job_projects", self.s.extra.get("job_projects", 0.04)) and self.rng.random() < 0.6:
            lines.extend(self._job_projects())
        if entry.get("highlights") and self.chance("environment", self.s.extra.get("environment", 0.05)) and self.rng.random() < 0.7:
            # "Environment: Java, Maven, Jenkins": the tools of a job, no part of its header.
            keywords = [k for g in self.p.resume["skills"] for k in g["keywords"]]
            label = self.once("env_word", ("Environment: ", "Technologies: ", "Tools used: ", "Tech stack: ",
                                           "Environment - "))
            lines.append(Line([Run(label, bold=True), Run(", ".join(self.rng.sample(keywords, min(len(keywords), 6))))]))
        return lines

    def _job_projects(self) -> list[Line]:
        """Projects within a job, as Indian and job-board resumes list them: name, client, role,
        team size, a description, the tools. None of it is the job's header."""
        rng, out = self.rng, []
        keywords = [k for g in self.p.resume["skills"] for k in g["keywords"]]
        from people import company_name
        from words import COUNTRIES, NAMES

        surnames = NAMES[next(iter(COUNTRIES[self.p.country]["names"]))][1]
        for k in range(rng.choice((1, 1, 2))):
            name = rng.choice((f"{rng.choice(('Falcon', 'Orion', 'Atlas', 'Nova', 'Helios', 'Titan'))} {rng.choice(PROJECT_NOUNS)}",
                               rng.choice(PROJECT_NOUNS), "".join(rng.choice("ABCDEFGHKLMPRST") for _ in range(4))))
            label = self.once("proj_label", ("Project: ", "Project Name: ", "Project #{n}: ", "Project {n}: "))
            out.append(Line([Run(label.format(n=k + 1), bold=True), Run(name)], gap=0.3))
            if rng.random() < 0.6:
                client = company_name(rng, self.p.country, "business", surnames)
                out.append(Line([Run("Client: ", bold=True), Run(client)]))
            if rng.random() < 0.5:
                out.append(Line([Run("Role: ", bold=True), Run(rng.choice(PROJECT_ROLES))]))
            if rng.random() < 0.4:
                out.append(Line([Run("Team Size: ", bold=True), Run(str(rng.randint(3, 25)))]))
            out.append(Line([Run("Description: ", bold=True),
                             Run(f"The {name} lets {rng.choice(('customers', 'agents', 'analysts', 'partners'))} "
                                 f"{rng.choice(('track orders', 'file claims', 'book visits', 'see reports', 'pay invoices'))} online.")]))
            if keywords and rng.random() < 0.6:
                out.append(Line([Run(self.once("proj_env", ("Technologies: ", "Environment: ", "Tools: ")), bold=True),
                                 Run(", ".join(rng.sample(keywords, min(len(keywords), 5))))]))
        return out

    def _loc(self, entry: dict, base: str) -> str | None:
        loc = entry.get("location")
        if loc and not self.s.show_location:
            self.hide(f"{base}/location")
            return None
        return loc

    def cased(self, text: str, what: str) -> str:
        case = self.s.entry_case
        if case == "upper_both" or case == f"upper_{what}":
            return text.upper()
        if case == f"sentence_{what}":  # "Associate network engineer"
            words = text.split(" ")
            return " ".join([words[0]] + [w if w.isupper() else w.lower() for w in words[1:]])
        if case == f"lower_{what}":
            return text.lower()
        return text

    def work_entry(self, e: dict, base: str) -> Block:
        s = self.s
        T, C = self.cased(e["position"], "title"), self.cased(e["name"], "org")
        L = self._loc(e, base)
        arr = s.work
        desc = self._desc(e, base)
        rail = None
        D = self._date_text(e, base, to_words=True) if arr == "jobboard" else self._date_text(e, base)
        if arr == "title_org":
            head = [Line([Run(T, bold=True)], right=[Run(D)], keep=True),
                    Line([Run(C, italic=True)] + ([Run(", " + L, italic=True)] if L else []), keep=True)]
        elif arr == "title_org_dates2":
            head = [Line([Run(T, bold=True)], right=[Run(L)] if L else None, keep=True),
                    Line([Run(C, italic=True)], right=[Run(D)], keep=True)]
        elif arr == "org_title":
            if L:
                head = [Line([Run(C, bold=True)], right=[Run(L)], keep=True),
                        Line([Run(T, italic=True)], right=[Run(D, italic=True)], keep=True)]
            else:
                head = [Line([Run(C, bold=True)], right=[Run(D)], keep=True), Line([Run(T, italic=True)], keep=True)]
        elif arr == "comma_line":
            sep = self.once("comma_sep", (" — ", " – ", ", ", " | "))
            runs = [Run(T, bold=True), Run(", "), Run(C)] + ([Run(sep + L)] if L else [])
            head = [Line(runs, right=[Run(D)], keep=True)]
        elif arr == "org_comma_title":
            runs = [Run(C, bold=True), Run(", "), Run(T, italic=True)] + ([Run(" — " + L)] if L else [])
            head = [Line(runs, right=[Run(D)], keep=True)]
        elif arr == "pipes":
            parts = [T, C] + ([L] if L else []) + [D]
            if self.chance("pipes_org_first", 0.3):
                parts = [C, T] + parts[2:]
            runs: list[Run] = []
            for k, part in enumerate(parts):
                if k:
                    runs.append(Run(" | "))
                runs.append(Run(part, bold=k == 0))
            head = [Line(runs, keep=True)]
        elif arr == "dates_below":
            second = [Run(C)] + ([Run(self.once("loc_sep", (" · ", ", ", " — ", " | ")) + L)] if L else [])
            head = [Line([Run(T, bold=True)], keep=True), Line(second, keep=True), Line([Run(D, italic=True)], keep=True)]
            if self.chance("below_org_first", 0.4):
                head[0], head[1] = Line([Run(C, bold=True)] + second[1:], keep=True), Line([Run(T, italic=True)], keep=True)
        elif arr == "rail":
            rail = self._rail_dates(D)
            second = [Run(C, italic=True)] + ([Run(", " + L, italic=True)] if L else [])
            head = [Line([Run(T, bold=True)], keep=True), Line(second, keep=True)]
            if self.chance("rail_org_first", 0.35):
                head = [Line([Run(C, bold=True)] + ([Run(", " + L)] if L else []), keep=True), Line([Run(T, italic=True)], keep=True)]
        elif arr == "org_dates_title":
            head = [Line([Run(C, bold=True)] + ([Run(", " + L)] if L else []), keep=True),
                    Line([Run(D)], keep=True), Line([Run(T, italic=True)], keep=True)]
        elif arr == "title_dates_org":
            head = [Line([Run(T, bold=True)], keep=True), Line([Run(D, italic=True)], keep=True),
                    Line([Run(C)] + ([Run(" | " + L)] if L else []), keep=True)]
        elif arr == "at_line":
            word = {"en": " at ", "fr": " chez ", "de": " bei ", "es": " en ", "pt": " na "}[s.lang]
            head = [Line([Run(T, bold=True), Run(word), Run(C, bold=True)], keep=True),
                    Line([Run(D)] + ([Run(" | " + L)] if L else []), keep=True)]
        elif arr == "dates_first":
            runs = [Run(D + "   "), Run(T, bold=True), Run(", "), Run(C)] + ([Run(", " + L)] if L else [])
            head = [Line(runs, keep=True)]
        elif arr == "jobboard":
            first = [Run(C)] + ([Run(" - " + L)] if L else [])
            head = [Line(first, keep=True), Line([Run(T)], keep=True), Line([Run(D)], keep=True)]
            if self.chance("jobboard_title_first", 0.5):
                head[0], head[1] = head[1], head[0]
        elif arr == "labeled":
            words = self.once("work_labels", (("Designation", "Company", "Duration", "Location"),
                                ("Job Title", "Employer", "Period", "Location"),
                                ("Role", "Organization", "Dates", "Place")))
            head = [Line([Run(words[0] + ": ", bold=True), Run(T)], keep=True),
                    Line([Run(words[1] + ": ", bold=True), Run(C)], keep=True),
                    Line([Run(words[2] + ": ", bold=True), Run(D)], keep=True)]
            if L:
                head.append(Line([Run(words[3] + ": ", bold=True), Run(L)], keep=True))
            if self.chance("labels_org_first", 0.5):
                head[0], head[1] = head[1], head[0]
        elif arr == "leaders":
            head = [Line([Run(T, bold=True), Run(", "), Run(C)], right=[Run(D)], leader=True, keep=True)]
            if L:
                head.append(Line([Run(L, italic=True)], keep=True))
        elif arr == "org_dash_title":
            head = [Line([Run(C, bold=True), Run(" — "), Run(T)], right=[Run(D)], keep=True)]
            if L:
                head.append(Line([Run(L, italic=True)], keep=True))
        else:
            raise ValueError(arr)
        if self.chance("teams", 0.12) and self.rng.random() < 0.5:
            # A team or department under the employer: no part of the employer's name.
            team = self.rng.choice(TEAMS) + self.once("team_word", (" Team", " Department", " Division", ""))
            head.append(Line([Run(("Department: " if arr == "labeled" else "") + team, italic=True)], keep=True))
        if self.chance("head_bullet", 0.05) and self.s.bullet not in ("none", ""):
            head[0].bullet = self.s.bullet  # the entry's first line starts with a bullet too
        if desc and self.chance("desc_gap", 0.3):
            desc[0].gap = 0.2
        self._sizes(head, D)
        return Block(head + desc, rail=rail)

    def _sizes(self, head: list[Line], dates: str) -> None:
        """The entry's first line in the title size, its dates in the date size."""
        if head:
            head[0].size = self.s.title_size
        for ln in head:
            if ln.right:
                ln.right_size = self.s.date_size - ln.size
            if ln.text == dates:
                ln.size = self.s.date_size

    def _rail_dates(self, text: str) -> list[str]:
        sep = self.s.dates.sep
        if self.s.rail_stack and sep in text:
            a, b = text.split(sep, 1)
            return [a + sep.rstrip(), b]
        return [text]

    def grouped(self, work: list[dict], i: int, j: int) -> list[Block]:
        """Roles held at one employer: the employer once, then each dated role."""
        C = self.cased(work[i]["name"], "org")
        L = self._loc(work[i], f"/work/{i}")
        for k in range(i + 1, j):
            self._loc(work[k], f"/work/{k}")
        head = Line([Run(C, bold=True)], right=[Run(L)] if L else None, keep=True)
        blocks = []
        for k in range(i, j):
            base = f"/work/{k}"
            D = self._date_text(work[k], base)
            if self.s.work == "rail":
                lines = [Line([Run(self.cased(work[k]["position"], "title"), italic=True)], keep=True)]
                rail = self._rail_dates(D)
            else:
                lines = [Line([Run(self.cased(work[k]["position"], "title"), italic=True)], right=[Run(D)], keep=True)]
                rail = None
            lines += self._desc(work[k], base)
            if k == i:
                lines.insert(0, head)
            self._sizes(lines[:2] if k == i else lines[:1], D)
            blocks.append(Block(lines, rail=rail))
            if k > i and work[k].get("location") and work[k]["location"] != work[i].get("location"):
                self.hide(f"{base}/location")
        return blocks

    # ------------------------------------------------------------------ education

    def edu_blocks(self) -> list[Block]:
        out = []
        for i, e in enumerate(self.p.resume["education"]):
            out.append(self.edu_entry(e, f"/education/{i}"))
        return out

    def edu_entry(self, e: dict, base: str) -> Block:
        s, rng = self.s, self.rng
        S = self.cased(e["institution"], "org")
        G = _deg_text(e, self.once("deg_form", (0, 1, 2, 3, 4, 5)))
        L = e.get("location") if s.show_location else None
        if e.get("location") and not L:
            self.hide(f"{base}/location")
        year_only = self.chance("edu_year_only", 0.5)
        if self.chance("edu_no_dates", 0.1):
            D = "\x00"  # no dates: the runs holding them are dropped below
            self.hide(f"{base}/startDate")
            self.hide(f"{base}/endDate")
        elif year_only:
            D, _, _ = date_range(None, e["endDate"], DateStyle("year", s.dates.sep, s.dates.present, s.lang), rng)
            self.hide(f"{base}/startDate")
            self.hide(f"{base}/endDate")
            if self.chance("edu_graduated", 0.2) and s.lang == "en":
                D = self.once("edu_graduated_word", ("Graduated ", "Class of ", "")) + D
        else:
            D, sv, ev = date_range(e["startDate"], e["endDate"], s.dates, rng)
            if not sv:
                self.hide(f"{base}/startDate")
            if not ev:
                self.hide(f"{base}/endDate")
        arr = s.edu
        rail = None
        if arr == "deg_school":
            head = [Line([Run(G, bold=True)], right=[Run(D)], keep=True),
                    Line([Run(S, italic=True)] + ([Run(", " + L, italic=True)] if L else []))]
        elif arr == "school_deg":
            if L:
                head = [Line([Run(S, bold=True)], right=[Run(L)], keep=True), Line([Run(G, italic=True)], right=[Run(D)])]
            else:
                head = [Line([Run(S, bold=True)], right=[Run(D)], keep=True), Line([Run(G, italic=True)])]
        elif arr == "one_line":
            if self.chance("edu_one_line_right", 0.5):
                head = [Line([Run(G, bold=True), Run(", "), Run(S)], right=[Run(D)])]
            else:
                head = [Line([Run(G, bold=True), Run(" — "), Run(S), Run(f" ({D})")])]
        elif arr == "rail":
            rail = [D]
            head = [Line([Run(G, bold=True)], keep=True), Line([Run(S)] + ([Run(", " + L)] if L else []))]
        elif arr == "stack":
            head = [Line([Run(S, bold=True)], keep=True), Line([Run(G)], keep=True), Line([Run(D, italic=True)])]
        elif arr == "jobboard":
            form = self.once("edu_jobboard", ("from", "pipes", "stack"))
            if form == "stack":  # "Degree / School - City / 2010 to 2014"
                head = [Line([Run(G)], keep=True), Line([Run(S)] + ([Run(" - " + L)] if L else []), keep=True),
                        Line([Run(D.replace(s.dates.sep, " to ") if s.dates.sep.strip() in ("–", "-", "—", "--") else D)])]
            elif form == "from":
                head = [Line([Run(G), Run(" from "), Run(S), Run(", " + D)])]
            else:
                head = [Line([Run(G), Run(" | "), Run(S), Run(" | " + D)])]
        elif arr == "labeled":
            words = self.once("edu_labels", (("Degree", "Institution", "Year"), ("Qualification", "University", "Passing Year"),
                                ("Course", "College", "Year of Passing")))
            head = [Line([Run(words[0] + ": ", bold=True), Run(G)], keep=True),
                    Line([Run(words[1] + ": ", bold=True), Run(S)], keep=True),
                    Line([Run(words[2] + ": ", bold=True), Run(D)])]
        else:
            raise ValueError(arr)
        if D == "\x00":
            head = _without_dates(head)
            rail = None
        self._sizes(head, D)
        if e.get("score"):
            if rng.random() < 0.7:
                head.append(Line([Run(rng.choice(("GPA: ", "Grade: ", "")) + e["score"])]))
            else:
                self.hide(f"{base}/score")
        return Block(head, rail=rail)

    # ------------------------------------------------------------------ other sections

    def skill_blocks(self) -> list[Block]:
        groups = self.p.resume["skills"]
        st = self.s.skills
        lines: list[Line] = []
        if st == "lines" and (len(groups) > 1 or self.rng.random() < 0.5):
            for g in groups:
                lines.append(Line([Run(g["name"] + ": ", bold=True), Run(", ".join(g["keywords"]))]))
        elif st == "bullets":
            glyph = "" if self.s.bullet == "none" else self.s.bullet
            for g in groups:
                lines.extend(Line([Run(k)], bullet=glyph) for k in g["keywords"])
        elif st == "pipes":
            lines.append(Line([Run(" | ".join(k for g in groups for k in g["keywords"]))]))
        elif st == "years":
            # Job-board exports: "Python (5 years), SQL (Less than 1 year)".
            def years(k: str) -> str:
                n = self.rng.choice((1, 1, 2, 3, 4, 5, 6, 8, 10))
                return f"{k} ({'Less than 1 year' if self.rng.random() < 0.1 else f'{n} year' + ('s' if n > 1 else '')})"
            lines.append(Line([Run(", ".join(years(k) for g in groups for k in g["keywords"]))]))
        else:
            sep = self.rng.choice((", ", " · ", " • ", "; "))
            lines.append(Line([Run(sep.join(k for g in groups for k in g["keywords"]))]))
        return [Block(lines)]

    def language_blocks(self) -> list[Block]:
        langs = self.p.resume.get("languages") or []
        form = self.once("lang_form", ("{l} ({f})", "{l} — {f}", "{l}: {f}"))
        if self.rng.random() < 0.5:
            return [Block([Line([Run(form.format(l=x["language"], f=x["fluency"]))]) for x in langs])]
        return [Block([Line([Run(", ".join(form.format(l=x["language"], f=x["fluency"]) for x in langs))])])]

    def cert_blocks(self) -> list[Block]:
        out = []
        for c in self.p.resume.get("certificates") or []:
            when, _ = month(c["date"], self.s.dates, self.rng)
            out.append(Block([Line([Run(c["name"], bold=True), Run(f", {c['issuer']}"), Run(f" ({when})")])]))
        return out

    def contact_items(self) -> list[str]:
        b = self.p.resume["basics"]
        loc = b["location"]
        place = ", ".join(x for x in (loc["city"], loc.get("region")) if x)
        if not loc.get("region") and self.rng.random() < 0.5:
            from words import COUNTRIES

            place += ", " + COUNTRIES[loc["countryCode"]]["name"]
        items = [("Phone", b["phone"]), ("E-mail", b["email"]), ("Address", place)]
        for k, prof in enumerate(b.get("profiles", [])):
            if self.rng.random() < 0.2:
                self.hide(f"/basics/profiles/{k}/url")  # an icon link only
                continue
            url = prof["url"]
            shown = url if self.rng.random() < 0.3 else url.split("://", 1)[1].removeprefix("www.")
            items.append((prof["network"], shown))
        if b.get("url"):
            items.append(("Web", b["url"].split("://", 1)[1]))
        self.rng.shuffle(items) if self.rng.random() < 0.3 else None
        if self.s.labels:
            return [f"{k}: {v}" for k, v in items]
        return [v for _, v in items]

    # ------------------------------------------------------------------ the document

    def compose(self) -> tuple[list[Line], list[Section]]:
        """The header lines (name, label, contact unless in the sidebar) and the sections."""
        s, rng, r = self.s, self.rng, self.p.resume
        b = r["basics"]
        header = [Line([Run(b["name"], bold=True)], size=rng.choice((6, 8, 10, 12)), align=s.name_align)]
        if s.show_label and rng.random() < 0.7:
            header.append(Line([Run(b["label"])], size=2, align=s.name_align))
        sections: list[Section] = []
        contact = self.contact_items()
        if s.contact == "side":
            sections.append(Section("contact", heading("contact", s, rng), [Block([Line([Run(c)]) for c in contact])], side=True))
        elif s.contact == "stack":
            header.extend(Line([Run(c)], align=s.name_align) for c in contact)
        else:
            per = rng.choice((2, 3, 4, 9))
            for k in range(0, len(contact), per):
                header.append(Line([Run(s.contact_sep.join(contact[k : k + per]))], align=s.name_align))
        if b.get("summary"):
            if rng.random() < 0.85:
                sections.append(Section("summary", heading("summary", s, rng) if rng.random() < 0.85 else None,
                                        [Block([Line([Run(b["summary"])])])]))
            else:
                self.hide("/basics/summary")
        body = [("experience", self.work_blocks()), ("education", self.edu_blocks())]
        if s.edu_first:
            body.reverse()
        extra = [("skills", self.skill_blocks())]
        if r.get("languages"):
            extra.append(("languages", self.language_blocks()))
        if r.get("certificates"):
            extra.append(("certificates", self.cert_blocks()))
        rng.shuffle(extra)
        order = body + extra if rng.random() < 0.7 else [body[0], *extra, body[1]]
        side = s.frame in ("sidebar_left", "sidebar_right") or s.extra.get("side")
        for kind, blocks in order:
            sections.append(Section(kind, heading(kind, s, rng), blocks, side=bool(side) and kind in s.side_kinds))
        return header, sections
