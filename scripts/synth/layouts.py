"""Named layouts: a renderer and the options a resume of that layout picks from. Two families with
no layout in common: "train" (what the entry labeller learns from) and "heldout" (other frames,
entry arrangements and option combinations, for measuring layouts the model has not seen)."""

from __future__ import annotations

import random

from compose import Style
from fmt import STYLES
from fmt import pick_style as pick_dates
from people import Person
from render_pdf import RUNNING

# Options not named by a layout take these.
DEFAULTS: dict[str, tuple] = {
    "frame": ("single",),
    "heading_case": ("upper", "upper", "title"),
    "heading_spaced": (False, False, False, True),
    "heading_rule": ("none", "below", "below", "above"),
    "heading_colon": (False, False, False, False, True),
    "name_align": ("left", "left", "center"),
    "contact": ("line", "line", "stack"),
    "contact_sep": (" | ", " · ", " • ", "  ", " — ", " / "),
    "bullet": ("•", "•", "–", "▪", "-", "none"),
    "font": ("Helvetica", "Times", "Helvetica", "Vera", "Courier"),
    "size": (9, 9.5, 10, 10, 10.5, 11, 11.5, 12),
    "running": (0.3,),
    "group_roles": (0.3,),
    "skills": ("lines", "comma", "bullets", "pipes"),
    "show_location": (True, True, True, False),
    "labels": (False, False, False, True),
    "wrap": (True,),
    "rail_stack": (False, True),
    "page": ("A4", "Letter"),
    "edu_first": (False, False, False, False, True),
    "date_styles": STYLES,
    "side_kinds": (("contact", "skills", "languages"), ("contact", "skills", "education", "languages", "certificates"),
                   ("skills", "languages", "certificates"), ("contact", "education", "skills")),
    "entry_case": ("none",) * 16 + ("upper_org", "upper_title", "upper_both", "upper_both", "sentence_title",
                                    "sentence_title", "lower_org"),
    "title_size": (0, 0, 0, 1, 1.5, 2, 2),
    "date_size": (0, 0, 0, 0, -1),
    "entry_gap": (0.15, 0.3, 0.5, 0.8, 1.0),
    "keep": (True, True, False),
    "accent": ((0, 0, 0), (0, 0, 0), (0.1, 0.2, 0.45), (0.55, 0.1, 0.1), (0.2, 0.4, 0.35)),
}

LAYOUTS: dict[str, dict] = {
    # ------------------------------------------------------------------ train family
    "pdf-classic": {"renderer": "pdf", "work": ("title_org", "org_title", "dates_below", "title_org_dates2", "at_line",
                                                "org_dates_title"),
                    "edu": ("deg_school", "school_deg")},
    "pdf-raildates": {"renderer": "pdf", "work": ("rail",), "edu": ("rail", "deg_school"),
                      "heading_rule": ("above", "below", "none"), "bullet": ("•", "▪", "none", "–")},
    "pdf-leftbar": {"renderer": "pdf", "frame": ("sidebar_left",), "work": ("title_org", "org_title", "comma_line"),
                    "edu": ("stack", "deg_school"), "contact": ("side", "side", "line")},
    "pdf-compact": {"renderer": "pdf", "work": ("comma_line", "pipes", "org_comma_title"), "edu": ("one_line",),
                    "size": (9, 9.5, 10), "font": ("Helvetica", "Courier", "Times")},
    "pdf-centered": {"renderer": "pdf", "work": ("at_line", "dates_first", "title_org_dates2", "org_dates_title", "title_dates_org"),
                     "edu": ("deg_school", "one_line"), "name_align": ("center",), "font": ("Times", "Vera", "Helvetica")},
    "pdf-employer-roles": {"renderer": "pdf", "work": ("org_title", "dates_below"), "group_roles": (0.8,),
                           "edu": ("school_deg", "stack")},
    "docx-tabs": {"renderer": "docx", "work": ("title_org", "org_title", "comma_line", "title_org_dates2", "leaders"),
                  "edu": ("deg_school", "school_deg"), "docx_heading": ("bold", "bold_rule", "style")},
    "docx-styles": {"renderer": "docx", "work": ("dates_below", "at_line", "pipes", "comma_line", "title_org", "org_dates_title"),
                    "edu": ("stack", "one_line"), "docx_heading": ("style",), "docx_bullets": ("list", "list", "text"),
                    "docx_entry_heading": (None, "Heading 2", "Heading 3")},
    "docx-sidebar": {"renderer": "docx", "frame": ("sidebar_left",), "work": ("title_org", "dates_below"),
                     "edu": ("stack",), "contact": ("side",), "docx_heading": ("bold", "style")},
    "txt-plain": {"renderer": "txt", "work": ("comma_line", "dates_first", "title_org", "org_title", "title_dates_org"),
                  "edu": ("one_line", "deg_school"), "bullet": ("•", "-", "*", "o", "none"),
                  "txt_heading": ("caps", "underline", "dashes"), "job_projects": (0.15,), "subhead": (0.15,),
                  "page_marks": (0.4,)},
    "txt-jobboard": {"renderer": "txt", "work": ("jobboard",), "edu": ("jobboard", "stack"),
                     "bullet": ("-", "•", "none", "*", "➢", "❖", "✓", "►", "〓", "●", "■"), "txt_heading": ("caps", "title", "colon"),
                     "environment": (0.3,), "page_marks": (0.6,), "job_projects": (0.3,), "subhead": (0.25,),
                     "date_styles": ("mon", "month", "mm/yyyy", "mon"), "skills": ("years", "comma", "lines"),
                     "resp_label": (0.2,)},
    "pdf-margin-compact": {"renderer": "pdf", "frame": ("rail_headings",), "work": ("comma_line", "at_line", "org_comma_title"),
                           "edu": ("one_line", "stack"), "font": ("Times", "Courier", "Vera"), "heading_case": ("upper",)},
    "docx-table-heads": {"renderer": "docx", "frame": ("table_rail",), "work": ("org_title", "comma_line", "dates_first"),
                         "edu": ("one_line", "deg_school"), "docx_heading": ("bold",), "heads_left": (True,)},
    "docx-labeled": {"renderer": "docx", "work": ("labeled", "jobboard"), "edu": ("labeled", "one_line"),
                     "docx_heading": ("bold", "bold_rule", "style"), "resp_label": (0.4,), "labels": (True, False),
                     "job_projects": (0.35,), "environment": (0.3,)},
    # ------------------------------------------------------------------ held-out family
    "pdf-marginheads": {"renderer": "pdf", "frame": ("rail_headings",), "work": ("title_org", "org_title", "dates_below", "pipes"),
                        "edu": ("deg_school", "one_line"), "heading_rule": ("none", "above")},
    "pdf-rightbar": {"renderer": "pdf", "frame": ("sidebar_right",), "work": ("org_dash_title", "at_line", "title_org_dates2"),
                     "edu": ("stack", "school_deg"), "contact": ("side", "line"), "group_roles": (0.5,)},
    "pdf-twocol": {"renderer": "pdf", "frame": ("twocol",), "work": ("dates_below", "at_line", "comma_line"),
                   "edu": ("stack", "one_line"), "size": (9, 9.5, 10)},
    "pdf-leaders": {"renderer": "pdf", "work": ("leaders", "org_comma_title"), "edu": ("one_line", "school_deg"),
                    "heading_spaced": (True,), "bullet": ("●", "◦", "›", "–")},
    "docx-table": {"renderer": "docx", "frame": ("table_rail",), "work": ("rail", "title_org"), "edu": ("rail",),
                   "docx_heading": ("bold", "style")},
    "docx-cols": {"renderer": "docx", "frame": ("cols",), "work": ("dates_below", "pipes", "org_title"),
                  "edu": ("stack", "one_line"), "docx_heading": ("bold", "style")},
    "txt-labeled": {"renderer": "txt", "work": ("labeled",), "edu": ("labeled", "jobboard"),
                    "bullet": ("-", "*", "none", "•"), "txt_heading": ("caps", "colon", "stars")},
}

FAMILIES = {
    "train": ("pdf-classic", "pdf-raildates", "pdf-leftbar", "pdf-compact", "pdf-centered", "pdf-employer-roles",
              "pdf-margin-compact", "docx-tabs", "docx-styles", "docx-sidebar", "docx-table-heads", "docx-labeled",
              "txt-plain", "txt-jobboard"),
    "heldout": ("pdf-marginheads", "pdf-rightbar", "pdf-twocol", "pdf-leaders", "docx-table", "docx-cols", "txt-labeled"),
}
# How often a family's layouts come up (PDF most).
WEIGHT = {"pdf": 3, "docx": 2, "txt": 4}


def pick_layout(rng: random.Random, family: str) -> str:
    names = FAMILIES[family]
    return rng.choices(names, weights=[WEIGHT[LAYOUTS[n]["renderer"]] for n in names])[0]


def make_style(name: str, person: Person, rng: random.Random) -> Style:
    spec = LAYOUTS[name]

    def opt(key: str):
        return rng.choice(spec.get(key, DEFAULTS.get(key, (None,))))

    def prob(key: str) -> bool:
        return rng.random() < spec.get(key, DEFAULTS[key])[0]

    renderer = spec["renderer"]
    style = Style(
        layout=name,
        renderer=renderer,
        frame=opt("frame"),
        work=opt("work"),
        edu=opt("edu"),
        heading_case=opt("heading_case"),
        heading_spaced=opt("heading_spaced") and renderer == "pdf",
        heading_rule=opt("heading_rule"),
        heading_colon=opt("heading_colon"),
        name_align=opt("name_align"),
        contact=opt("contact"),
        contact_sep=opt("contact_sep"),
        bullet=opt("bullet"),
        dates=pick_dates(rng, person.lang, spec.get("date_styles", DEFAULTS["date_styles"])),
        font=opt("font"),
        size=opt("size"),
        running=rng.choice(RUNNING) if prob("running") and renderer != "txt" else None,
        group_roles=prob("group_roles"),
        skills=opt("skills"),
        show_location=opt("show_location"),
        labels=opt("labels"),
        rail_stack=opt("rail_stack"),
        entry_case=opt("entry_case"),
        title_size=opt("title_size"),
        date_size=opt("date_size"),
        entry_gap=opt("entry_gap"),
        page=opt("page"),
        lang=person.lang,
        side_kinds=opt("side_kinds"),
        edu_first=opt("edu_first") or (person.seniority == "junior" and rng.random() < 0.4),
        accent=opt("accent"),
    )
    if style.contact == "side" and not style.frame.startswith("sidebar"):
        style.contact = "line"
    if style.frame.startswith("sidebar") and style.contact == "side" and "contact" not in style.side_kinds:
        style.side_kinds = ("contact", *style.side_kinds)
    style.extra["keep"] = opt("keep")
    profiles = person.resume["basics"].get("profiles") or []
    if profiles:
        style.extra["profile_link"] = profiles[0]["url"]
    for key in ("docx_heading", "docx_bullets", "txt_heading", "resp_label", "heads_left", "docx_entry_heading",
                "environment", "page_marks", "job_projects", "subhead"):
        if key in spec:
            style.extra[key] = rng.choice(spec[key])
    if renderer == "txt" and style.bullet in ("▪", "◦"):
        style.bullet = "-"
    return style
