"""No import circles in src/idlibtui: modules that import each other cannot be understood,
tested or replaced one at a time (the search wing's fast path, sidecar and backend did).

Every module is parsed (not imported). Imports at module level must form no cycle at all.
Imports inside functions (deferred, often to keep start-up light) must form none either,
except the known debt listed below, which may shrink but not grow. ``if TYPE_CHECKING:`` imports
never run and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "idlibtui"

#: Cycles through deferred (function-level) imports not yet untangled: the app's screens open
#: one another. Remove an entry when its cycle is gone; never add one.
KNOWN_DEFERRED_CYCLES: list[set[str]] = [
    {
        "idlibtui.tui.screens.claims",
        "idlibtui.tui.screens.compare",
        "idlibtui.tui.screens.picker",
        "idlibtui.tui.screens.reader",
    },
]


def modules(package: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted name → (file, is a package) of every module under ``package``."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts.pop()
        out[".".join(parts)] = (path, is_pkg)
    return out


def _is_type_checking(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def imports(name: str, mods: dict[str, tuple[Path, bool]]) -> list[tuple[str, bool]]:
    """(imported module, at module level?) for every import of our own package in ``name``."""
    path, is_pkg = mods[name]
    finder = _ImportFinder(name, is_pkg, mods)
    finder.walk(ast.parse(path.read_text(encoding="utf-8")), True)
    return finder.found


class _ImportFinder:
    """Walks one module's tree, noting where each import of the package stands."""

    def __init__(self, name: str, is_pkg: bool, mods: dict[str, tuple[Path, bool]]) -> None:
        self.name, self.is_pkg, self.mods = name, is_pkg, mods
        self.root = name.split(".")[0]
        self.found: list[tuple[str, bool]] = []

    def resolve(self, dotted: str) -> str | None:
        while dotted and dotted not in self.mods:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    def add(self, target: str | None, top_level: bool) -> None:
        if target is not None and target != self.name:
            self.found.append((target, top_level))

    def walk(self, node: ast.AST, top_level: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for stmt in child.orelse:
                    self.walk_one(stmt, top_level)
                continue
            self.walk_one(child, top_level)

    def walk_one(self, child: ast.AST, top_level: bool) -> None:
        if isinstance(child, ast.Import):
            for alias in child.names:
                if alias.name.split(".")[0] == self.root:
                    self.add(self.resolve(alias.name), top_level)
        elif isinstance(child, ast.ImportFrom):
            self.import_from(child, top_level)
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            self.walk(child, False)
        else:
            self.walk(child, top_level)

    def import_from(self, child: ast.ImportFrom, top_level: bool) -> None:
        if child.level:
            base = self.name.split(".") if self.is_pkg else self.name.split(".")[:-1]
            base = base[: len(base) - (child.level - 1)]
            module = ".".join(base + ([child.module] if child.module else []))
        else:
            module = child.module or ""
        if module.split(".")[0] != self.root:
            return
        for alias in child.names:
            full = f"{module}.{alias.name}"
            self.add(full if full in self.mods else self.resolve(module), top_level)


def graphs(package: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(module-level imports, all imports) as adjacency sets."""
    mods = modules(package)
    top: dict[str, set[str]] = {m: set() for m in mods}
    every: dict[str, set[str]] = {m: set() for m in mods}
    for name in mods:
        for target, at_top in imports(name, mods):
            every[name].add(target)
            if at_top:
                top[name].add(target)
    return top, every


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(group)
    return found


def _path_through(graph: dict[str, set[str]], group: set[str]) -> str:
    """One cycle inside ``group``, as ``a → b → a``, for the failure message."""
    start = min(group)
    path, node, seen = [start], start, {start}
    while True:
        node = min(t for t in graph[node] if t in group)
        path.append(node)
        if node in seen:
            return " → ".join(path[path.index(node) :])
        seen.add(node)


def test_no_cycle_among_module_level_imports() -> None:
    top, _ = graphs(PACKAGE)
    assert len(top) > 50 and sum(map(len, top.values())) > 100  # really read the package
    found = cycles(top)
    assert not found, "import cycles: " + "; ".join(_path_through(top, g) for g in found)


def test_no_new_cycle_through_deferred_imports() -> None:
    _, every = graphs(PACKAGE)
    found = cycles(every)
    new = [g for g in found if not any(g <= known for known in KNOWN_DEFERRED_CYCLES)]
    assert not new, "import cycles: " + "; ".join(_path_through(every, g) for g in new)


def test_the_search_wing_has_no_cycle_at_all() -> None:
    _, every = graphs(PACKAGE)
    search = [g for g in cycles(every) if any(m.startswith("idlibtui.search") for m in g)]
    assert not search, search


def test_the_checker_finds_module_level_and_deferred_cycles(tmp_path: Path) -> None:
    pkg = tmp_path / "demo"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from demo.sub import b\n")
    (pkg / "sub" / "b.py").write_text("from .. import a\n")  # a ↔ b at module level
    (pkg / "c.py").write_text("def f():\n    import demo.d\n")
    (pkg / "d.py").write_text("from demo import c\n")  # c ↔ d through a function
    (pkg / "e.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from demo import f\n"
    )
    (pkg / "f.py").write_text("import demo.e\n")  # e ↔ f only for the type checker: none
    top, every = graphs(pkg)
    assert cycles(top) == [{"demo.a", "demo.sub.b"}]
    assert sorted(map(sorted, cycles(every))) == [["demo.a", "demo.sub.b"], ["demo.c", "demo.d"]]
    assert _path_through(every, {"demo.c", "demo.d"}) == "demo.c → demo.d → demo.c"
