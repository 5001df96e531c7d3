"""The package structure the next change relies on (issue 13).

- No import cycle between modules of `talestream`.
- The domain packages (everything but the web layer) are layered: no cycle between packages.
- The web layer (routers and FastAPI dependencies) sits on top: only the app imports routers,
  and a router imports only packages below its own (so `children` cannot read `stories`).

The import graph is read from the source with `ast`, so every import counts: module level,
`if TYPE_CHECKING:` blocks and imports inside functions alike.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
# Modules that assemble the application from every package's router.
ROUTER_ASSEMBLERS = {"talestream.app"}
# FastAPI glue that routers share; it may reach the services container, so it is not domain.
WEB_HELPERS = {"talestream.deps", "talestream.auth.dependencies", "talestream.error_handlers"}
# Import every model so that Alembic sees the whole schema.
MODEL_AGGREGATORS = {"talestream.db.models", "talestream.db.migrations.env"}


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Every module of `package` under `root`, with the modules of `package` it imports."""
    files = {module_name(root, p): p for p in (root / package).rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: resolve against this module's package
                    anchor = name.split(".")
                    anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                    base = ".".join([*anchor, base] if base else anchor)
                # `from pkg import mod` imports the module pkg.mod when there is one.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base
                    for alias in node.names
                ]
            for target in targets:
                # `import a.b.c` names a module, or an attribute of the nearest module above it.
                while target and target not in files:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_inside_talestream() -> None:
    graph = import_graph(SRC, "talestream")
    assert len(graph) > 50, "the scan found the package"
    assert cycles(graph) == []


def test_only_the_app_imports_routers() -> None:
    graph = import_graph(SRC, "talestream")
    wrong = sorted(
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if target.endswith(".router") and module not in ROUTER_ASSEMBLERS
    )
    assert wrong == []


def package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def is_web(module: str) -> bool:
    return module.endswith("router") or module in WEB_HELPERS | ROUTER_ASSEMBLERS


def domain_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Package -> packages its domain modules (not the web layer, not aggregators) import."""
    packages: dict[str, set[str]] = {package(m): set() for m in graph}
    for module, targets in graph.items():
        if is_web(module) or module in MODEL_AGGREGATORS:
            continue
        packages[package(module)] |= {package(t) for t in targets} - {package(module)}
    return packages


def reachable(packages: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in packages[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_domain_packages_are_layered() -> None:
    assert cycles(domain_packages(import_graph(SRC, "talestream"))) == []


def test_routers_import_only_lower_packages() -> None:
    graph = import_graph(SRC, "talestream")
    packages = domain_packages(graph)
    upward = sorted(
        (module, target)
        for module, targets in graph.items()
        if module.endswith("router")
        for target in targets
        if not is_web(target)
        and package(target) != package(module)
        and package(module) in reachable(packages, package(target))
    )
    assert upward == []


def test_the_cycle_check_finds_a_cycle(tmp_path: Path) -> None:
    """A cycle through a `from pkg import module`, a relative import and a TYPE_CHECKING block."""
    pkg = tmp_path / "demo"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from demo.sub import b\n")
    (pkg / "sub" / "b.py").write_text("from . import c\n")
    (pkg / "sub" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import demo.a\n"
    )
    (pkg / "d.py").write_text("import demo.a\n")
    assert cycles(import_graph(tmp_path, "demo")) == [["demo.a", "demo.sub.b", "demo.sub.c"]]
