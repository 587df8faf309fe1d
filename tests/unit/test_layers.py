"""The architecture, kept honest: no package imports a layer above it, the pure core does no IO and
reads no clock, and there is no import cycle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"
# the domain, shared by every layer; crashpoints is the fault-test hook the IO edges call
DOMAIN = {"assistant", "assistant.models", "assistant.errors", "assistant.addresses", "assistant.crashpoints"}
# the pure core, lowest first: each may import the domain and the layers before it
PURE = ("reading", "understanding", "network", "digest", "actions")
IO = ("mailbox", "state", "smtp", "resources", "llm")  # import the domain and their own package only
EDGES = ("config", "jobs", "cli")  # may import anything
FORBIDDEN_IMPORTS = {"imapclient", "smtplib", "socket", "ssl", "tinydb", "schedule", "subprocess", "urllib.request",
                     "http", "shutil", "tempfile"}
FILE_CALLS = {"read_text", "read_bytes", "write_text", "write_bytes", "open", "unlink", "mkdir", "rmdir",
              "touch", "rename", "replace", "iterdir", "glob", "rglob"}
OS_CALLS = {"open", "remove", "unlink", "rename", "replace", "listdir", "scandir", "mkdir", "makedirs", "rmdir",
            "walk", "stat", "chmod", "fsync", "link", "symlink", "truncate", "ftruncate", "write", "read"}
CLOCK_CALLS = {("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"), ("date", "today"),
               ("time", "time"), ("time", "monotonic"), ("time", "perf_counter")}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def layer(module: str) -> str:
    if module in DOMAIN:
        return "domain"
    top = module.split(".")[1]
    if top in PURE or top in IO or top in EDGES:
        return top
    raise AssertionError(f"{module} belongs to no layer: add it to test_layers.py and to the package docstring")


def imports(tree: ast.AST) -> Iterator[tuple[str, int]]:
    """Every module imported anywhere in the tree (function-level imports count too)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
            for alias in node.names:  # `from assistant.reading import dates` imports a module
                yield f"{node.module}.{alias.name}", node.lineno


def project_imports(path: Path) -> set[str]:
    known = {name for name, _ in modules()}
    return {name for name, _ in imports(ast.parse(path.read_text())) if name in known}


def allowed(importer: str, imported: str) -> bool:
    mine, theirs = layer(importer), layer(imported)
    if theirs == "domain" or mine in EDGES:
        return True
    if mine == "domain":
        return False
    if mine in IO:
        return theirs == mine
    if theirs not in PURE:
        return False  # the pure core never reaches the IO edges or the glue
    return PURE.index(theirs) <= PURE.index(mine)


@pytest.mark.parametrize("name, path", list(modules()), ids=lambda v: v if isinstance(v, str) else "")
def test_no_module_imports_a_layer_above_it(name, path):
    wrong = sorted(i for i in project_imports(path) if not allowed(name, i))
    assert not wrong, f"{name} ({layer(name)}) imports {wrong}"


PURE_MODULES = [(n, p) for n, p in modules() if layer(n) in PURE or n in ("assistant.models", "assistant.addresses")]


@pytest.mark.parametrize("name, path", PURE_MODULES, ids=lambda v: v if isinstance(v, str) else "")
def test_the_pure_core_does_no_io_and_reads_no_clock(name, path):
    tree = ast.parse(path.read_text())
    problems = [f"line {line}: imports {mod}" for mod, line in imports(tree)
                if mod.split(".")[0] in FORBIDDEN_IMPORTS or mod in FORBIDDEN_IMPORTS]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            problems.append(f"line {node.lineno}: open()")
        if isinstance(func, ast.Attribute):
            owner = _name(func.value)
            if owner == "os" and func.attr in OS_CALLS:
                problems.append(f"line {node.lineno}: os.{func.attr}()")
            elif (owner, func.attr) in CLOCK_CALLS:
                problems.append(f"line {node.lineno}: {owner}.{func.attr}() reads the clock; take `now`")
            elif func.attr in FILE_CALLS and owner not in ("re", "str", "self") and not _string_method(func):
                problems.append(f"line {node.lineno}: .{func.attr}() touches files")
    assert not problems, f"{name}: " + "; ".join(problems)


def _name(node: ast.expr) -> str | None:
    """`os` of os.open, `datetime` of datetime.datetime.now."""
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _string_method(func: ast.Attribute) -> bool:
    """str.replace / bytes.replace / dataclasses.replace are not file operations."""
    return func.attr == "replace"


def test_there_is_no_import_cycle():
    graph = {name: project_imports(path) - {name} for name, path in modules()}
    # a package's __init__ imported for its submodule is not an edge back from the submodule
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt == node.rpartition(".")[0]:
                continue
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
