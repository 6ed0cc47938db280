"""Education entries on layouts the rules were not built on: headings in Portuguese and spaced
letters, schools set like headings, entries cut over lines by a narrow column."""

from __future__ import annotations

import io

from resumeiq.engine import parse_resume

HEAD = "Ilse Marchetti\nilse.marchetti@example.org\n\n"


def _txt(body: str):
    return parse_resume((HEAD + body).encode(), filename="resume.txt").resume.education


def _rows(education) -> list[tuple]:
    return [(e.studyType, e.area, e.institution) for e in education]


def _pdf(rows: list[tuple[float, float, str, str, float]], *, width: float = 595) -> bytes:
    """One page: rows of (x, y from the top, text, font, size); a tab in the text sets the rest
    right-aligned at the page's right margin."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, 842))
    for x, y, text, font, size in rows:
        c.setFont(font, size)
        left, _, right = text.partition("\t")
        c.drawString(x, 842 - y, left)
        if right:
            c.drawRightString(width - 40, 842 - y, right)
    c.save()
    return buf.getvalue()


def test_portuguese_heading_and_spaced_letters_with_an_accented_tail():
    body = "FORMAÇÃO\nBachelor of Science in Marine Biology — Universidade Federal de Pelotas (2019)\n"
    assert _rows(_txt(body)) == [("Bachelor of Science", "Marine Biology", "Universidade Federal de Pelotas")]
    body = "E X P E R IÊNCIA\nAnalyst, Verdant Loop\t2020 – 2022\n\nE D U C A ÇÃO:\nMSc in Geology, Universidade de Tavira\t2018 – 2020\n"
    assert _rows(_txt(body)) == [("MSc", "Geology", "Universidade de Tavira")]
    body = "F O R M A C IÓN:\nMaster of Arts in History — Universidad de Lorca (2015)\n"
    assert _rows(_txt(body)) == [("Master of Arts", "History", "Universidad de Lorca")]


def test_school_set_in_the_headings_type_is_an_entry_not_a_section():
    rows = [
        (40, 60, "Tomas Reyl", "Helvetica-Bold", 18),
        (40, 80, "tomas.reyl@example.org", "Helvetica", 10),
        (40, 120, "Experience", "Helvetica-Bold", 13),
        (40, 140, "Surveyor, Brantwick Maps\t2019 – 2023", "Helvetica", 10),
        (40, 160, "Mapping Corner", "Helvetica-Bold", 13),
        (40, 170, "Ran a weekly map club.", "Helvetica", 10),
        (40, 190, "Education", "Helvetica-Bold", 13),
        (40, 200, "Harlow State University", "Helvetica-Bold", 13),
        (40, 216, "Master of Engineering in Geomatics", "Helvetica", 10),
        (40, 240, "Fenwick Polytechnic", "Helvetica-Bold", 13),
        (40, 256, "BSc in Surveying", "Helvetica", 10),
        (40, 290, "Skills", "Helvetica-Bold", 13),
        (40, 310, "GIS, AutoCAD", "Helvetica", 10),
    ]
    education = parse_resume(_pdf(rows)).resume.education
    assert _rows(education) == [
        ("Master of Engineering", "Geomatics", "Harlow State University"),
        ("BSc", "Surveying", "Fenwick Polytechnic"),
    ]


def test_school_cut_by_the_column_before_its_generic_words():
    body = (
        "EDUCATION\nBachelor of Arts in Finance — Merrow\nState University (Sep 2015–Jun 2019)\n"
        "Master of Engineering - Civil Engineering, Tallis\nMetropolitan University\n"
        "High School Diploma — Dunmore High\nSchool (2011–2015)\n"
    )
    assert _rows(_txt(body)) == [
        ("Bachelor of Arts", "Finance", "Merrow State University"),
        ("Master of Engineering", "Civil Engineering", "Tallis Metropolitan University"),
        ("High School Diploma", None, "Dunmore High School"),
    ]


def test_field_right_after_the_degree_is_not_joined_to_the_school_below():
    body = "EDUCATION\nBS - Information Systems\nState University of Ravensmoor\n2013 – 2016\n"
    assert _rows(_txt(body)) == [("BS", "Information Systems", "State University of Ravensmoor")]


def test_school_and_field_cut_before_a_date_set_right():
    body = (
        "EDUCATION\nPhysics, MA, Universidade Federal de\t2022 – 2024\nCaravela\n"
        "Master of Engineering, Pharmaceutical\t2014 – 2016\nSciences\nKelso Technical Institute\n"
    )
    education = _txt(body)
    assert _rows(education) == [
        ("MA", "Physics", "Universidade Federal de Caravela"),
        ("Master of Engineering", "Pharmaceutical Sciences", "Kelso Technical Institute"),
    ]
    assert [(e.startDate, e.endDate) for e in education] == [("2022", "2024"), ("2014", "2016")]


def test_degree_and_field_cut_over_lines_and_in_brackets():
    body = (
        "EDUCATION\nOstrava College\nBachelor of Business\nAdministration - Computer\nScience\n2019\n"
        "Bachelor of Business Administration (Human Resource\nManagement)\nQuarry Institute\n2016\n"
    )
    assert _rows(_txt(body)) == [
        ("Bachelor of Business Administration", "Computer Science", "Ostrava College"),
        ("Bachelor of Business Administration", "Human Resource Management", "Quarry Institute"),
    ]


def test_a_cut_school_keeps_evidence_in_the_document_text():
    parsed = parse_resume((HEAD + "EDUCATION\nMSc in Ecology, Universidade Estadual de\t2018 – 2020\nLagoa\n").encode(), filename="r.txt")
    ed = parsed.resume.education[0]
    assert ed.institution == "Universidade Estadual de Lagoa"
    a, b = ed.evidence["institution"]
    assert parsed.document.text[a:b].startswith("Universidade Estadual de") and parsed.document.text[a:b].endswith("Lagoa")
    a, b = ed.evidence["startDate"]
    assert parsed.document.text[a:b] == "2018 – 2020"


def test_school_written_in_lower_case():
    body = "EDUCATION\nuniversity of kessing\nMaster of Science (Marine Biology)\n2018\nBachelor of Arts in History — harrow school of music (2014)\n"
    assert _rows(_txt(body)) == [
        ("Master of Science", "Marine Biology", "university of kessing"),
        ("Bachelor of Arts", "History", "harrow school of music"),
    ]


def test_master_of_arts_before_a_school_is_no_state_code():
    body = "EDUCATION\nBiology, MA, College of Penrith\nHistory, BA, Arden University\n"
    assert _rows(_txt(body)) == [("MA", "Biology", "College of Penrith"), ("BA", "History", "Arden University")]


def test_field_before_a_grade_label_and_in_brackets():
    body = (
        "EDUCATION\nMirren Institute of Technology\nFeb 2011 - Nov 2014\nB.S. - Soil Chemistry GPA: CGPA 7.6/10\n"
        "Bachelor of Engineering (Hydrology) | Caskey School of Mines | Graduated 2009\n"
        "Degree: Economics (BEng)\nInstitution: Corlen State University\n"
    )
    assert _rows(_txt(body)) == [
        ("B.S.", "Soil Chemistry", "Mirren Institute of Technology"),
        ("Bachelor of Engineering", "Hydrology", "Caskey School of Mines"),
        ("BEng", "Economics", "Corlen State University"),
    ]


def test_field_cut_before_its_grade_label():
    body = "EDUCATION\nTarrow Institute of Technology\n2003 - 2007\nBachelor of Business Administration - Retail\nManagement GPA: summa cum laude\n"
    assert _rows(_txt(body)) == [("Bachelor of Business Administration", "Retail Management", "Tarrow Institute of Technology")]


def test_school_named_after_its_level_is_the_school():
    body = "EDUCATION\nBachelor of Arts, Economics\nKITE UNIVERSITY\nHigher Secondary\nDELMORE HIGHER SECONDARY SCHOOL\n"
    assert _rows(_txt(body)) == [
        ("Bachelor of Arts", "Economics", "KITE UNIVERSITY"),
        ("Higher Secondary", None, "DELMORE HIGHER SECONDARY SCHOOL"),
    ]


def test_german_and_cyrillic_education_headings():
    body = "BILDUNGSABSCHLÜSSE\nMaster Elektrotechnik — Hochschule Lindenau (2021)\n"
    assert _rows(_txt(body)) == [("Master", "Elektrotechnik", "Hochschule Lindenau")]
    body = "Образование\nKaspian University\nмагистр\n2019 - 2021\n"
    assert _rows(_txt(body)) == [("магистр", None, "Kaspian University")]


def test_school_initials_beside_the_entry_dates():
    body = "EDUCATION\nIFTQ (2018 - 2022)\nBacharel em Física\nCETR (2015 - 2017)\nLicenciatura em Química\n"
    assert [(e.studyType, e.institution, e.startDate) for e in _txt(body)] == [("Bacharel", "IFTQ", "2018"), ("Licenciatura", "CETR", "2015")]
    assert [e.area for e in _txt(body)] == ["Física", "Química"]


def test_line_carried_on_by_a_joining_word_or_in_lower_case():
    body = (
        "EDUCATION\n2012 - 2014\nTechnician Diploma\nHöhere Fachschule Brenner für Elektronik\nund Informatik Lienz\n"
        "2010 - 2012\nBachelor systèmes\nembarqués & robotique\nÉcole Varenne\n"
    )
    assert [(e.studyType, e.area, e.institution) for e in _txt(body)] == [
        ("Diploma", None, "Höhere Fachschule Brenner für Elektronik und Informatik Lienz"),
        ("Bachelor", "systèmes embarqués & robotique", "École Varenne"),
    ]


def test_centred_entry_lines_cut_by_the_column():
    rows = [
        (40, 60, "Lucie Armand", "Helvetica-Bold", 18),
        (40, 80, "lucie.armand@example.org", "Helvetica", 10),
        (40, 120, "FORMATIONS", "Helvetica-Bold", 12),
    ]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def centred(y, text, font="Helvetica-Bold"):
        return (120 - stringWidth(text, font, 10) / 2, y, text, font, 10)

    rows += [
        centred(140, "2016 - 2017"),
        centred(152, "Bachelor systèmes"),
        centred(164, "embarqués & robotique"),
        centred(176, "École Varenne - Tarbes", "Helvetica"),
        (40, 220, "COMPÉTENCES", "Helvetica-Bold", 12),
        (40, 236, "C, Python", "Helvetica", 10),
    ]
    education = parse_resume(_pdf(rows)).resume.education
    assert [(e.studyType, e.area) for e in education] == [("Bachelor", "systèmes embarqués & robotique")]


def test_long_field_ends_before_its_specialisation():
    body = "EDUCATION\nB.Tech in Marine and Offshore Structural Engineering with a minor in Robotics and Control - 8.9 CGPA\nHarwell Institute of Technology\n"
    assert _rows(_txt(body)) == [("B.Tech", "Marine and Offshore Structural Engineering", "Harwell Institute of Technology")]


def test_degree_set_in_the_headings_type_inside_education_is_an_entry():
    rows = [
        (40, 60, "Jonas Feld", "Helvetica-Bold", 18),
        (40, 80, "jonas.feld@example.org", "Helvetica", 10),
        (40, 120, "Erfahrung", "Helvetica-Bold", 13),
        (40, 140, "Techniker, Ostwerk AG\t2019 – 2023", "Helvetica", 10),
        (40, 170, "Ausbildung", "Helvetica-Bold", 13),
        (40, 190, "10/2016 - 07/2019", "Helvetica", 10),
        (40, 206, "Master Regelungstechnik", "Helvetica-Bold", 13),
        (40, 222, "Hochschule Amberg", "Helvetica", 10),
        (40, 260, "Kenntnisse", "Helvetica-Bold", 13),
        (40, 280, "MATLAB, Python", "Helvetica", 10),
    ]
    education = parse_resume(_pdf(rows)).resume.education
    assert _rows(education) == [("Master", "Regelungstechnik", "Hochschule Amberg")]


def test_town_the_school_name_already_says_is_left_out():
    body = "EDUCATION\nUNIVERSITY OF WARRENVALE, Warrenvale\nBachelor of Arts in History\nUniversity of Calder, Westbrook\nMSc in Ecology\n"
    assert [e.institution for e in _txt(body)] == ["UNIVERSITY OF WARRENVALE", "University of Calder, Westbrook"]


def test_school_name_broken_at_the_column_edge():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    upper = "Bachelor of Science in Supply Chain Management — University of Port Ellery New"
    size = 10
    while stringWidth(upper, "Helvetica", size) < 470:
        size += 0.1
    rows = [
        (40, 60, "Anselm Okoro", "Helvetica-Bold", 18),
        (40, 80, "anselm.okoro@example.org", "Helvetica", 10),
        (40, 120, "EXPERIENCE", "Helvetica-Bold", 13),
        (40, 140, "Planner, Bexley Freight\t2019 – 2023", "Helvetica", size),
        (40, 154, "Planned the routes of a fleet of forty lorries and the depots that served them all", "Helvetica", size),
        (40, 190, "EDUCATION", "Helvetica-Bold", 13),
        (40, 210, upper, "Helvetica", size),
        (40, 224, "Harbour (2016)", "Helvetica", size),
        (40, 260, "SKILLS", "Helvetica-Bold", 13),
        (40, 280, "SAP, Excel", "Helvetica", size),
    ]
    education = parse_resume(_pdf(rows)).resume.education
    assert [e.institution for e in education] == ["University of Port Ellery New Harbour"]


def test_a_sentence_about_the_school_and_the_next_french_heading_are_no_school():
    body = (
        "FORMATIONS\nMaster informatique\t2016 - 2018\nÉcole qui forme des ingénieurs logiciels, avec des projets\n"
        "Université de Valdrôme\n\nEXPÉRIENCES DE BÉNÉVOLAT\nFestival des Lanternes\t2017\n"
    )
    assert _rows(_txt(body)) == [("Master", "informatique", "Université de Valdrôme")]


def test_school_cut_before_a_date_closing_the_line_or_after_its_adjective():
    body = (
        "EDUCATION\nBachelor of Arts History at University Sept 2015 - Jun 2019\nof Lower Saxony\n"
        "Master of Science Geology at Tarrant Academy of Higher\tAug 2019 - May 2021\nLearning\n"
    )
    assert [(e.institution, e.startDate) for e in _txt(body)] == [
        ("University of Lower Saxony", "2015-09"),
        ("Tarrant Academy of Higher Learning", "2019-08"),
    ]


def test_a_line_closed_by_its_date_is_whole():
    body = (
        "EDUCATION\nTeachers Academy, Harlan University\nMaster of Arts in Adult Education, Expected May 2024\n"
        "State University, Dover, DE\nBachelor of Arts in History, May 2020\n"
        "Degree: M.Eng., Process Engineering\nInstitution: ONYX UNIVERSITY\nYear: Class of 2018\n"
        "Degree: BSc, Physics\nInstitution: Tallis University\nYear: Class of 2015\n"
    )
    assert [(e.studyType, e.institution, e.endDate) for e in _txt(body)] == [
        ("Master of Arts", "Teachers Academy, Harlan University", "2024-05"),
        ("Bachelor of Arts", "State University", "2020-05"),
        ("M.Eng.", "ONYX UNIVERSITY", "2018"),
        ("BSc", "Tallis University", "2015"),
    ]


def test_field_ends_before_its_average():
    body = "EDUCATION\nBachelor of Arts in French Literature with average of 81.5%\nUniversity of Lorne\nHigh school diploma from Pellan high school with\naverage of 90 percent.\n"
    assert _rows(_txt(body)) == [("Bachelor of Arts", "French Literature", "University of Lorne"), ("High school diploma", None, "Pellan high school")]


def test_two_schools_of_a_joint_degree_are_one_institution():
    body = "EDUCATION\nPhD in Acoustics\nUNIVERSITÉ DE VALDRÔME – TARROW INSTITUTE OF TECHNOLOGY\t2016 – 2020\n"
    assert _rows(_txt(body)) == [("PhD", "Acoustics", "UNIVERSITÉ DE VALDRÔME – TARROW INSTITUTE OF TECHNOLOGY")]


def test_school_word_at_the_end_of_a_hyphenated_compound():
    body = "AUSBILDUNG\n09/2010 – 10/2013\nBachelor Logistik\nHandels-Akademie zu Ebersfeld\n"
    assert _rows(_txt(body)) == [("Bachelor", "Logistik", "Handels-Akademie zu Ebersfeld")]


def test_abbreviated_degree_beside_its_school_without_an_education_heading():
    text = (
        "Petra Lindqvist\npetra.lindqvist@example.org\n\n"
        "Geography Teacher\tSep 2012 – Jun 2020\nHollin Park Academy\nTaught physical geography to years 9 to 11.\n"
        "University of Marrowby\tSep 2008 – Jun 2012\nB.Ed. in Geography\n"
    )
    education = parse_resume(text.encode(), filename="resume.txt").resume.education
    assert [(e.studyType, e.area, e.institution, e.startDate) for e in education] == [
        ("B.Ed.", "Geography", "University of Marrowby", "2008-09")
    ]


def test_school_cut_after_its_kind_word_or_before_its_place_cell():
    body = (
        "EDUCATION\nBA in History — Universidad\nAutónoma de Lorcana (2011–2014)\n"
        "Tarrow School\tLeeds, UK\nof Business\nBachelor of Science (Applied Mathematics)\n"
        "BCom in Commerce 3.4/4.0 — Ellery College\n"
    )
    assert _rows(_txt(body)) == [
        ("BA", "History", "Universidad Autónoma de Lorcana"),
        ("Bachelor of Science", "Applied Mathematics", "Tarrow School of Business"),
        ("BCom", "Commerce", "Ellery College"),
    ]


def test_school_in_bold_over_the_rest_of_its_name_but_not_over_its_field():
    rows = [
        (40, 60, "Ines Calvo", "Helvetica-Bold", 18),
        (40, 80, "ines.calvo@example.org", "Helvetica", 10),
        (40, 120, "EXPERIENCIA", "Helvetica-Bold", 12),
        (40, 140, "Hydraulic Engineer, Cauce SA\t2019 – 2023", "Helvetica", 10),
        (40, 152, "Designed the spillways of two river dams and the canals that feed the valley farms", "Helvetica", 10),
        (40, 180, "ESTUDIOS", "Helvetica-Bold", 12),
        (40, 200, "Universidad Politécnica de Ribamar", "Helvetica-Bold", 10),
        (40, 212, "Tocantins", "Helvetica-Bold", 10),
        (40, 224, "MEng Hydraulics", "Helvetica", 10),
        (40, 244, "Instituto Tecnológico de Olmedo", "Helvetica-Bold", 10),
        (40, 256, "Geology (M.A.)", "Helvetica", 10),
    ]
    education = parse_resume(_pdf(rows, width=595)).resume.education
    assert _rows(education) == [
        ("MEng", "Hydraulics", "Universidad Politécnica de Ribamar Tocantins"),
        ("M.A.", "Geology", "Instituto Tecnológico de Olmedo"),
    ]


def test_heading_with_a_colon_under_a_line_dated_at_the_edge():
    rows = [
        (40, 60, "Oren Bask", "Helvetica-Bold", 18),
        (40, 80, "oren.bask@example.org", "Helvetica", 10),
        (40, 120, "Work History:", "Helvetica-Bold", 12.5),
        (40, 140, "Tallow Works — Intern\t2024", "Helvetica-Bold", 12),
        (40, 170, "Education & Training:", "Helvetica-Bold", 12.5),
        (40, 190, "Fenwick Polytechnic", "Helvetica-Bold", 12),
        (40, 206, "Bachelor of Science (Geodesy)", "Helvetica", 10.5),
    ]
    education = parse_resume(_pdf(rows)).resume.education
    assert _rows(education) == [("Bachelor of Science", "Geodesy", "Fenwick Polytechnic")]

def test_board_beside_a_school_level_is_no_field_and_initials_after_an_entry_start_the_next():
    body = (
        "EDUCATION\nCOLLEGE OF KALVAN\nBachelor of Science, Botany\n2013\n"
        "CSEB\nHigher Secondary Certificate\n2009\n"
        "HSC, Varanda State Board\t2007\n"
    )
    education = _txt(body)
    assert [e.area for e in education] == ["Botany", None, None]
    assert [(e.studyType, e.institution, e.endDate) for e in education] == [
        ("Bachelor of Science", "COLLEGE OF KALVAN", "2013"),
        ("Higher Secondary Certificate", "CSEB", "2009"),
        ("HSC", "Varanda State Board", "2007"),
    ]
