"""No module over 600 lines: a module a reader can hold in mind has one job.

Data (the .toml, .json gazetteers and tables beside the code) is not counted. The modules
already over the limit are listed as known debt: the list may shrink (take a module out when it
is split) but never grow, so a new long module, or one that grows past the limit, fails here.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "idlibtui"
MAX_LINES = 600

#: Over the limit when the check was written (issue 14); to be split, never added to.
KNOWN_LONG: set[str] = set()  # (annotate/dates.py, dating.py and events.py were split)


def long_modules(package: Path, limit: int) -> dict[str, int]:
    """Module path (relative to the package, with /) → its line count, for those over ``limit``."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        with path.open(encoding="utf-8") as handle:
            n = sum(1 for _ in handle)
        if n > limit:
            out[path.relative_to(package).as_posix()] = n
    return out


def test_no_new_module_over_the_limit() -> None:
    assert len(list(PACKAGE.rglob("*.py"))) > 50  # really looked at the package
    new = {
        name: n for name, n in long_modules(PACKAGE, MAX_LINES).items() if name not in KNOWN_LONG
    }
    assert not new, f"modules over {MAX_LINES} lines (split them by job): {new}"


def test_the_known_debt_names_real_modules() -> None:
    missing = sorted(name for name in KNOWN_LONG if not (PACKAGE / name).is_file())
    assert not missing, f"remove from KNOWN_LONG (moved or deleted): {missing}"


def test_the_count_sees_a_long_module(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "long.py").write_text("x = 1\n" * 601)
    (tmp_path / "short.py").write_text("x = 1\n" * 600)
    (tmp_path / "table.json").write_text("[]\n" * 5000)
    assert long_modules(tmp_path, MAX_LINES) == {"sub/long.py": 601}
