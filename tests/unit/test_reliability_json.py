"""``--json`` output never carries a raw control character, and still decodes to the real data
(issue 18, family 7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from idlibtui.cli.main import main

# What a terminal acts on or cannot print, that JSON would otherwise pass through raw.
RAW = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
NAME = "evil\u202egnp.txt"
TITLE = "Corrected \u202etitle\u009b2J with \u2066isolate\u2069"
BODY = "Shelling in Idlib\n\nAbout 300 people fled Saraqeb on Monday, aid workers said.\n"


@pytest.fixture
def setup(tmp_path: Path) -> tuple[list[str], Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / NAME).write_text(BODY, encoding="utf-8")
    corrections = tmp_path / "corrections.toml"
    corrections.write_text(
        f'[article."{NAME}"]\ntitle = "{TITLE}"\n'.replace("\u009b", "\\u009b"), encoding="utf-8"
    )
    base = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    base += ["--corrections", str(corrections)]
    assert main([*base, "index", "--progress=none", "--workers=1"]) == 0
    return base, corpus


def _lines(out: str) -> list[dict]:
    assert not RAW.search(out.replace("\n", "")), repr(RAW.search(out.replace("\n", "")))
    return [json.loads(line) for line in out.splitlines() if line.strip()] if out else []


def test_search_json_escapes_controls(setup, capsys) -> None:
    base, _corpus = setup
    capsys.readouterr()
    assert main([*base, "search", "--json", "Saraqeb"]) == 0
    (data,) = _lines(capsys.readouterr().out)
    (hit,) = data["hits"]
    assert hit["path"] == NAME and hit["title"] == TITLE  # the same data, escaped


@pytest.mark.parametrize("command", ["show", "clean"])
def test_show_and_clean_json_escape_controls(setup, capsys, command) -> None:
    base, corpus = setup
    capsys.readouterr()
    assert main([*base, command, "--json", str(corpus / NAME)]) == 0
    (data,) = _lines(capsys.readouterr().out)
    assert data["title"] == TITLE


def test_figures_json_escapes_controls(setup, capsys) -> None:
    base, _corpus = setup
    capsys.readouterr()
    assert main([*base, "figures", "--json"]) == 0
    out = capsys.readouterr().out
    assert not RAW.search(out.replace("\n", ""))
    rows = json.loads(out)["rows"]
    assert rows and all(row["title"] == TITLE for row in rows)


def test_escaping_keeps_the_data_and_readable_text() -> None:
    from idlibtui.textsafe import escape_json_controls, json_text

    data = {"k\u202e": ["a\x9bb", "إدلب Maʿarrat", "\udcff"], "n": 1}
    text = json_text(data)
    assert "إدلب Maʿarrat" in text and not RAW.search(text)
    assert json.loads(text) == data
    assert escape_json_controls('"\u2028"') == '"\\u2028"'


def test_figures_csv_strips_controls(setup, capsys) -> None:
    base, _corpus = setup
    capsys.readouterr()
    assert main([*base, "figures", "--csv"]) == 0
    out = capsys.readouterr().out
    assert "Corrected" in out and not RAW.search(out.replace("\n", "").replace("\r", ""))
