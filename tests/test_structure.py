"""The shape the architecture promises, checked on every run: no import circle among the
project's modules, no module over 400 lines, no function over 60 lines, in the packages the
application is made of. tests/, bench/ and migrations/ are exempt (a test or a benchmark reads
best as one story, run by hand; migrations are generated). The layers themselves
are the import contract in pyproject.toml, run by `make test` as `lint-imports`."""

import ast
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "textkit", "participation", "consultation", "survey", "analysis")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def project_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _import_circles() -> list[set[str]]:
    """Strongly connected groups of modules in the import graph (Tarjan), counting imports
    inside functions too: a lazy import still ties two modules together."""
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True, cache_dir=None)
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & set(modules)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in edges[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(group)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for module in modules:
        if module not in index:
            visit(module)
    return circles


def test_no_import_circle_among_the_projects_modules():
    assert _import_circles() == []


@pytest.mark.parametrize("path", list(project_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_and_functions_stay_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    too_long = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{path.relative_to(ROOT)}:{node.name}"
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                too_long.append((name, length))
    assert too_long == []
