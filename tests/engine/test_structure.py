"""The engine's folders follow its pipeline, and its modules import one another without a circle.

The import graph is read from the source (every ``import``, also those inside functions), so a lazy
import cannot hide a circle. Stages only look down the pipeline: ``extract`` knows nothing of
parsing, ``parse`` nothing of scoring or matching, ``score`` and ``match`` nothing of each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import resumeiq.engine as engine

ROOT = Path(engine.__file__).parent
# What each stage folder may import from the others ("" is the engine's top level: model, errors, _data).
ALLOWED = {
    "extract": {"", "extract"},
    "parse": {"", "extract", "parse"},
    "score": {"", "parse", "score"},
    "match": {"", "extract", "parse", "match"},
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(["resumeiq.engine", *parts])


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target != "resumeiq.engine":
                    deps.add(target)
        graph[name] = deps
    return graph


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and (ROOT / parts[2]).is_dir() else ""


def test_no_import_circle():
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                raise AssertionError("import circle: " + " → ".join(stack[stack.index(dep) :] + [dep]))
            if dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_stages_only_import_down_the_pipeline():
    bad = []
    for module, deps in _graph().items():
        stage = _stage(module)
        if stage not in ALLOWED:
            continue
        for dep in deps:
            if _stage(dep) not in ALLOWED[stage] and not dep.startswith("resumeiq.engine.pipeline"):
                bad.append(f"{module} imports {dep}")
    assert not bad, bad


def test_top_level_holds_only_the_shared_modules():
    top = sorted(p.stem for p in ROOT.glob("*.py"))
    assert top == ["__init__", "_data", "errors", "model", "pipeline"]
    assert sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("__")) == [
        "data",
        "extract",
        "match",
        "parse",
        "score",
    ]
