"""The import contract: the layout is the diagram, so imports point one way.

    bot (front ends) → retrieval facade (service, evaluation, diagnostics) → answering → indexing
    → parsing → core

Every import statement counts, including those inside functions (the CLI imports lazily)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["retrieval.core", "retrieval.parsing", "retrieval.indexing", "retrieval.answering", "retrieval"]
# What a front end may use: the facade and the shared records, nothing deeper.
FRONT_END_ALLOWED = ("retrieval", "retrieval.service", "retrieval.evaluation", "retrieval.diagnostics",
                     "retrieval.core")


def layer_of(module: str) -> int | None:
    for n, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + "."):
            return n
    return None


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            out.append((node.lineno, target))
    return out


def violations(root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted((root / "retrieval").rglob("*.py")):
        me = module_name(path)
        mine = layer_of(me)
        assert mine is not None
        for line, target in imports_of(path):
            if target.split(".")[0] in ("bot", "tests", "harness", "bench"):
                found.append(f"{me}:{line} imports {target} (the core never imports a front end or tests)")
                continue
            theirs = layer_of(target)
            if theirs is not None and theirs > mine:
                found.append(f"{me}:{line} imports {target} (a later stage)")
    for path in sorted((root / "bot").rglob("*.py")):
        me = module_name(path)
        for line, target in imports_of(path):
            if target.startswith("retrieval") and not any(
                    target == a or (a == "retrieval.core" and target.startswith("retrieval.core."))
                    for a in FRONT_END_ALLOWED):
                found.append(f"{me}:{line} imports {target} (front ends use the facade)")
    for path in sorted((root / "bench").rglob("*.py")):
        for line, target in imports_of(path):
            if target.split(".")[0] == "tests":
                found.append(f"{module_name(path)}:{line} imports {target} (benchmarks use harness/, not tests/)")
    return found


def test_imports_point_one_way() -> None:
    assert violations() == []


def test_the_contract_catches_a_reverse_import(tmp_path: Path) -> None:
    """The check itself can fail: a parsing module that imports the answering stage is reported."""
    for d in ("retrieval/parsing", "retrieval/answering", "bot"):
        (tmp_path / d).mkdir(parents=True)
    (tmp_path / "bench").mkdir()
    (tmp_path / "retrieval/parsing/bad.py").write_text("def f():\n    from retrieval.answering.search import Engine\n")
    (tmp_path / "bot/cli.py").write_text("from retrieval.indexing.store import ClauseIndex\n")
    (tmp_path / "bench/b.py").write_text("from tests.servers import free_port\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = violations(tmp_path)
    finally:
        ROOT = saved
    assert len(found) == 3, found
    assert any("retrieval.parsing.bad:2 imports retrieval.answering.search" in f for f in found)


@pytest.mark.parametrize("package", ["core", "parsing", "indexing", "answering"])
def test_each_stage_says_what_it_owns(package: str) -> None:
    init = ROOT / "retrieval" / package / "__init__.py"
    assert ast.get_docstring(ast.parse(init.read_text())), f"{init} needs a docstring"
