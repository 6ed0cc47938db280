"""Section headings in French, Spanish, German, Portuguese and Chinese, and resumes written in
Chinese characters. Inputs are invented."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume
from resumeiq.engine.parse.segment import heading_kind, normalize_heading


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("Expérience professionnelle", "experience"),
        ("Formation", "education"),
        ("Diplômes", "education"),
        ("Données personnelles", "personal"),
        ("Prix et distinctions", "awards"),
        ("Experiencia laboral", "experience"),
        ("Formación académica", "education"),
        ("Berufserfahrung", "experience"),
        ("Praxiserfahrung", "experience"),
        ("Ausbildung", "education"),
        ("Akademischer Werdegang", "education"),
        ("Ehrenamtliches Engagement", "volunteer"),
        ("Experiência profissional", "experience"),
        ("Competências", "skills"),
        ("Cursos complementares", "courses"),
        ("工作经历", "experience"),
        ("工作經歷", "experience"),
        ("实习经历", "experience"),
        ("教育背景", "education"),
        ("教育經歷", "education"),
        ("技能", "skills"),
        ("专业技能", "skills"),
        ("项目经验", "projects"),
        ("自我评价", "summary"),
        ("语言能力", "languages"),
        ("获奖情况", "awards"),
        ("个人信息", "personal"),
        ("【教育背景】", "education"),
        ("ÉTAT CIVIL", "personal"),
        ("Persönliche Daten", "personal"),
        ("Fähigkeiten", "skills"),
        ("Über mich", "summary"),
        ("Compétences clés", "skills"),
        ("Formação Acadêmica", "education"),
        ("Informações pessoais", "personal"),
        ("Références", "references"),
        ("工作经历：", "experience"),
        ("教 育 背 景", "education"),
    ],
)
def test_headings_in_other_languages(heading, kind):
    assert heading_kind(heading) == kind


def test_accents_are_folded_the_same_way_written_or_not():
    assert normalize_heading("EXPÉRIENCE PROFESSIONNELLE") == normalize_heading("Experience professionnelle") == "experience professionnelle"
    assert normalize_heading("Veröffentlichungen") == "veroffentlichungen"
    assert normalize_heading("Straße") == "strasse"


def test_chinese_characters_survive_normalisation():
    assert normalize_heading("【工作经历】") == "工作经历"
    assert normalize_heading("工作經歷 Work Experience") == "工作經歷 work experience"


_CHINESE = """张晓明
xiaoming.zhang@example.com | +86 138 0000 0000

工作经历
2019.03 - 至今  星河数据科技有限公司  高级数据工程师
• 搭建数据管道，每日处理两亿条记录。

教育背景
2012.09 - 2016.06  东岭大学  计算机科学 学士

技能：Python, SQL, Kafka
"""


@pytest.mark.parametrize("suffix", ["resume.txt", "resume.md"])
def test_chinese_resume_is_split_into_its_sections(suffix):
    parsed = parse_resume(_CHINESE.encode(), filename=suffix)
    kinds = [s.kind for s in parsed.sections]
    assert kinds == ["header", "experience", "education", "skills"]
    assert parsed.resume.basics.email == "xiaoming.zhang@example.com"
    assert {"Python", "SQL", "Kafka"} <= {k for g in parsed.resume.skills for k in g.keywords}


def test_text_in_chinese_japanese_and_korean_does_not_break_parsing():
    text = "李华\nli.hua@example.com\n\n職務経歴\n株式会社サンプル 2018年 – 2021年\n\n경력\n샘플 주식회사 2015 – 2018\n\n技能\n日本語、中文、한국어\n"
    parsed = parse_resume(text.encode(), filename="resume.txt")
    assert [s.kind for s in parsed.sections] == ["header", "experience", "experience", "skills"]
