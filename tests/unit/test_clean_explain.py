"""``idlibtui clean --explain``: every removal, repair and flag with its reason, safe to print."""

from __future__ import annotations

from pathlib import Path

import pytest

from idlibtui.cli.main import main

RAW = (
    "World News\n"
    "Shelling resumes &quot;south&quot; of the city\n"
    "5 min read\n"
    "The army\x1b[31m shelled villages overnight, and residents said many families had left.\n"
    "Keep reading\n"
    "The factions have long sought to"
)


def test_explain_lists_each_change_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(RAW, encoding="utf-8")
    assert main(["clean", "--explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out  # the removed escape is shown, not sent to the terminal
    assert "\\x1b[31m" in out
    assert "removed  boilerplate: section label above the headline: World News" in out
    assert "removed  boilerplate: reading time: 5 min read" in out
    assert "removed  boilerplate: widget label: Keep reading" in out
    assert "repaired entity: &quot;" in out
    assert "kept     truncated text (kept): The factions have long sought to" in out
    assert "L3" in out and "Language: en" in out
