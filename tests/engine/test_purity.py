"""The engine is pure: importing all of it pulls in no web, database, queue, LLM or settings code,
configures no logging, and a full analysis runs with the network switched off.

Each check runs in a fresh interpreter, since the test session itself imports the service.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

FORBIDDEN_PACKAGES = [
    "fastapi", "starlette", "sqlalchemy", "alembic", "asyncpg", "aiosqlite", "celery", "kombu", "redis",
    "limits", "httpx", "openai", "requests", "uvicorn", "pydantic_settings", "jwt", "argon2",
]


def _run(code: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_importing_every_engine_module_loads_no_service_code():
    result = _run(
        """
        import importlib, json, logging, pkgutil, sys
        import resumeiq.engine as engine

        modules = sorted(m.name for m in pkgutil.walk_packages(engine.__path__, "resumeiq.engine."))
        for name in modules:
            importlib.import_module(name)
        for name in engine.__all__:
            getattr(engine, name)
        print(json.dumps({
            "modules": modules,
            "loaded": sorted(sys.modules),
            "root_handlers": len(logging.root.handlers),
            "handlers": sorted(
                n for n, lg in logging.Logger.manager.loggerDict.items()
                if isinstance(lg, logging.Logger) and lg.handlers
            ),
        }))
        """
    )
    # The walk saw the whole engine, so the check below is about all of it.
    assert {"resumeiq.engine.extract._pdf", "resumeiq.engine.extract._docx", "resumeiq.engine.score.summary",
            "resumeiq.engine.pipeline", "resumeiq.engine.parse.work"} <= set(result["modules"])
    loaded = set(result["loaded"])
    top_level = {name.split(".")[0] for name in loaded}
    assert not top_level & set(FORBIDDEN_PACKAGES), sorted(top_level & set(FORBIDDEN_PACKAGES))
    project = {name for name in loaded if name.startswith("resumeiq.")}
    assert {name for name in project if not name.startswith("resumeiq.engine")} == set()
    assert "resumeiq.config" not in loaded and "resumeiq.db" not in loaded
    assert result["root_handlers"] == 0 and result["handlers"] == []


def test_extraction_alone_does_not_load_the_scoring_data():
    result = _run(
        """
        import json, sys
        from resumeiq.engine import extract_text
        extract_text(b"Maria Gonzalez\\nmaria@example.com\\n\\nSKILLS\\nPython, SQL\\n")
        print(json.dumps(sorted(m for m in sys.modules if m.startswith("resumeiq"))))
        """
    )
    loaded = set(result)
    assert "resumeiq.engine.extract" in loaded
    assert not {"resumeiq.engine.score", "resumeiq.engine.parse.skills", "resumeiq.engine.score.industries"} & loaded


def test_full_analysis_needs_no_network():
    result = _run(
        """
        import json, socket

        def refuse(*args, **kwargs):
            raise AssertionError("the engine tried to open a network connection")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        from resumeiq.engine import analyze_resume
        text = (
            "Maria Gonzalez\\nmaria@example.com | (415) 555-0132 | San Francisco, CA\\n\\n"
            "EXPERIENCE\\nSenior Data Analyst, Acme Corp\\tJan 2020 – Present\\n"
            "• Built a churn model in Python that cut attrition by 12%.\\n\\n"
            "EDUCATION\\nB.S. in Statistics, University of Michigan\\t2012 – 2016\\n\\nSKILLS\\nPython, SQL\\n"
        )
        parsed, review = analyze_resume(text.encode(), industry="data_science")
        print(json.dumps({"name": parsed.resume.basics.name, "overall": review.overall_score}))
        """
    )
    assert result["name"] == "Maria Gonzalez"
    assert 0 <= result["overall"] <= 100
