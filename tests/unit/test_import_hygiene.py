"""The core never imports Textual: the app and the CLI are two faces over one core."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys
import idlibtui
names = [m.name for m in pkgutil.walk_packages(idlibtui.__path__, "idlibtui.")
         if not m.name.startswith("idlibtui.tui")]
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(len(names))
sys.exit(1 if leaked else 0)
"""


def test_core_modules_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) >= 10  # really walked the package


def test_cli_search_does_not_import_textual() -> None:
    code = (
        "import sys; from idlibtui.cli.main import build_parser; build_parser(['search']);"
        "sys.exit(1 if 'textual' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_index_staleness_check_does_not_load_the_pipeline(tmp_path) -> None:
    """The app checks its index at every start: that must not import the cleaner (ftfy) or the
    annotators (gazetteer), only compare versions and file stats."""
    code = (
        "import sys; from pathlib import Path;"
        "from idlibtui.search.build import index_status;"
        f"index_status(Path('corpus'), Path({str(tmp_path)!r}), corrections=Path('none.toml'));"
        "heavy = [m for m in ('idlibtui.clean', 'idlibtui.annotate', 'idlibtui.pipeline', 'ftfy')"
        " if m in sys.modules]; print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
