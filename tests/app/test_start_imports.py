"""Start-up imports only what the first frame needs; the rest comes when it is first used."""

from __future__ import annotations

import json
import subprocess
import sys

# Not needed for the search screen's first frame: the index engine is imported in a worker, the
# cleaning pipeline by the index check after the first results, the screens when pushed.
LATER = (
    "whoosh",
    "ftfy",
    "rapidfuzz",
    "selectolax",
    "idlibtui.search",
    "idlibtui.pipeline",
    "idlibtui.clean",
    "idlibtui.annotate",
    "idlibtui.compare",
    "idlibtui.tui.commands",
    "idlibtui.tui.screens.help",
    "idlibtui.tui.screens.indexing",
    "idlibtui.tui.screens.reader",
    "idlibtui.tui.screens.compare",
    "idlibtui.tui.screens.picker",
    "idlibtui.tui.screens.claims",
)


def _modules_after(code: str) -> list[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_importing_the_app_leaves_engine_pipeline_and_other_screens_for_later() -> None:
    modules = _modules_after("import idlibtui.tui.app")
    assert "idlibtui.tui.screens.search" in modules  # the first screen itself is there
    assert _loaded(modules, LATER) == []


def test_opening_the_app_from_the_command_line_imports_no_command_module() -> None:
    code = (
        "import idlibtui.tui as t\n"
        "t.launch = lambda settings: 0\n"
        "from idlibtui.cli.main import main\n"
        "assert main(['--corpus', 'corpus', '--index', 'index']) == 0"
    )
    modules = _modules_after(code)
    assert [m for m in modules if m.startswith("idlibtui.cli.") and m.endswith("_cmd")] == []


def test_help_still_lists_every_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "idlibtui", "--help"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    for name in ("index", "search", "show", "clean", "figures", "compare"):
        assert name in result.stdout


async def test_palette_providers_are_loaded_when_the_palette_needs_them(make_app) -> None:
    from textual.command import Provider

    app = make_app()
    providers = [p() if not isinstance(p, type) else p for p in app.COMMANDS]
    names = {p.__name__ for p in providers}
    assert {"ArticleProvider", "ScreenProvider", "ThemeProvider"} <= names
    assert all(issubclass(p, Provider) for p in providers)
