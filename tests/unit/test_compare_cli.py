"""``idlibtui compare``: text, JSON and Markdown output, untrusted text kept inert."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from rich.console import Console

from idlibtui.cli import compare_cmd
from idlibtui.cli.main import main
from idlibtui.compare import compare_articles
from tests.unit.compare_builders import article, fig

HOSTILE = "[/] [bold]x[/bold] [@click=app.quit]y[/] [a[0]] \x1b]0;pwned\x07"


@pytest.fixture
def fake_articles(monkeypatch, tmp_path):
    lt = f"The airstrikes killed 12 people in Idlib on Monday.\n\n{HOSTILE} Leftover words here."
    rt = "The airstrikes killed at least 19 people in Idlib on Monday. Only the right says this."
    arts = {
        "L": article(
            lt,
            id="L",
            title=f"Left {HOSTILE}",
            source="Outlet [red]A[/red]",
            date=dt.date(2020, 2, 4),
            figures=(fig(lt, "12", value=12, what="people killed"),),
        ),
        "R": article(
            rt,
            id="R",
            source="Outlet B",
            date=dt.date(2020, 2, 4),
            figures=(fig(rt, "at least 19", value=19, qualifier="at least", what="people killed"),),
        ),
    }
    monkeypatch.setattr(compare_cmd, "load", lambda target, settings: arts[target])
    monkeypatch.chdir(tmp_path)
    return arts


def test_json_output_has_everything(fake_articles, capsys) -> None:
    assert main(["compare", "L", "R", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["left"]["id"] == "L" and data["right"]["source"] == "Outlet B"
    assert data["summary"]["figure_discrepancies"] == 1
    (group,) = data["figures"]
    assert group["relation"] == "differ"
    assert group["left"][0]["sentence"].startswith("The airstrikes killed 12")
    assert group["period"]["label"].startswith("undated")


def test_markdown_output_is_evidence(fake_articles, capsys) -> None:
    assert main(["compare", "L", "R", "--markdown"]) == 0
    out = capsys.readouterr().out
    f = fake_articles["R"].figures[0]
    assert f"figure chars {f.start}–{f.end}" in out
    assert "Outlet B" in out and "2020-02-04" in out
    assert "\x1b" not in out and "\x07" not in out


def test_text_output_never_interprets_article_text_as_markup(fake_articles, capsys) -> None:
    assert main(["compare", "L", "R"]) == 0
    out = capsys.readouterr().out
    assert "\x1b]0" not in out and "\x07" not in out
    assert "[bold]x[/bold]" in out  # shown as written, not as style
    assert "[red]A[/red]" in out
    assert "differ" in out


def test_render_styles_the_diff_without_markup(fake_articles) -> None:
    left, right = fake_articles["L"], fake_articles["R"]
    console = Console(file=io.StringIO(), width=120, force_terminal=True, color_system="truecolor")
    compare_cmd.render(compare_articles(left, right), left, right, console=console)
    out = console.file.getvalue()
    assert "figures differ" in out
    assert "[@click=app.quit]y[/]" in out


def test_unknown_target_is_a_usage_error(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    assert main(["compare", "nope-1", "nope-2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope-1" in err


def test_compare_seed_files_by_path_and_by_id(monkeypatch, capsys) -> None:
    pipeline = pytest.importorskip("idlibtui.pipeline", reason="pipeline not importable yet")
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    (a,) = corpus.glob("001_*.txt")
    (b,) = corpus.glob("002_*.txt")
    monkeypatch.chdir(corpus.parent)
    assert main(["--corpus", str(corpus), "compare", str(a), str(b), "--json"]) == 0
    by_path = json.loads(capsys.readouterr().out)
    assert by_path["summary"]["left_sentences"] > 10
    id_a = pipeline.article_id(a.name)
    id_b = pipeline.article_id(b.name)
    assert (
        main(["--corpus", str(corpus), "--index", "/nonexistent", "compare", id_a, id_b, "--json"])
        == 0
    )
    by_id = json.loads(capsys.readouterr().out)
    assert by_id["left"]["id"] == id_a and by_id["summary"] == by_path["summary"]


def test_compare_by_id_through_the_index(monkeypatch, tmp_path, capsys) -> None:
    pipeline = pytest.importorskip("idlibtui.pipeline", reason="pipeline not importable yet")
    build = pytest.importorskip("idlibtui.search.build", reason="index not importable yet")
    from pathlib import Path

    from idlibtui.cli import show_cmd

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    index = tmp_path / "index"
    build.update_index(corpus, index)

    def no_scan(target, corpus):  # only the index may resolve the ids
        raise AssertionError("corpus scan used")

    monkeypatch.setattr(show_cmd, "find_file", no_scan)
    monkeypatch.chdir(tmp_path)
    (a,) = corpus.glob("003_*.txt")
    (b,) = corpus.glob("000_*.txt")
    ids = [pipeline.article_id(a.name), pipeline.article_id(b.name)]
    argv = ["--corpus", str(corpus), "--index", str(index), "compare", *ids, "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert [data["left"]["id"], data["right"]["id"]] == ids


def test_text_output_lists_one_sided_sentences_only_with_all(tmp_path, capsys) -> None:
    left = tmp_path / "a.txt"
    right = tmp_path / "b.txt"
    shared = "Shelling hit the market in Saraqib on Monday, witnesses said."
    left.write_text(f"{shared}\n\nOnly the left report says the bakery burned down.\n")
    right.write_text(f"{shared}\n\nOnly the right report mentions the school closing.\n")
    assert main(["--corpus", str(tmp_path), "compare", str(left), str(right)]) == 0
    short = capsys.readouterr().out
    assert "bakery" not in short and "school" not in short
    assert "1 only left, 1 only right (--all lists them)" in " ".join(short.split())
    assert main(["--corpus", str(tmp_path), "compare", "--all", str(left), str(right)]) == 0
    full = capsys.readouterr().out
    assert "bakery" in full and "school" in full
