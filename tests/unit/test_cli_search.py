"""``idlibtui index``, ``search`` and ``show``: exit codes, messages and JSON shape."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from idlibtui.cli.main import main
from idlibtui.pipeline import article_id

SEEDS = Path(__file__).resolve().parents[2] / "corpus"
PROTEST = "000_221080df3991f770.txt"


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    return corpus, tmp_path / "index"


def run(capsys, corpus: Path, index: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--corpus", str(corpus), "--index", str(index), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_index_then_search_table(dirs, capsys) -> None:
    corpus, index = dirs
    code, out, _ = run(capsys, corpus, index, "index", "--progress=none", "--workers=1")
    assert code == 0
    assert "5 added" in out and "0 skipped" in out
    code, out, _ = run(capsys, corpus, index, "search", "Kreimesh")
    assert code == 0
    assert "1 result" in out and "Kreimesh" in out and article_id(PROTEST) in out


def test_index_progress_json(dirs, capsys) -> None:
    corpus, index = dirs
    code, out, _ = run(capsys, corpus, index, "index", "--progress=json", "--workers=1")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    events, summary = lines[:-1], lines[-1]["summary"]
    assert {"done", "total", "phase"} <= set(events[0])
    process = [e for e in events if e["phase"] == "process"]
    assert [e["done"] for e in process] == [1, 2, 3, 4, 5]
    assert all(e["total"] == 5 and e["path"] for e in process)
    assert summary["added"] == 5 and summary["skipped"] == [] and summary["seconds"] >= 0
    assert summary["still_skipped"] == 0


def test_index_json_counts_files_still_skipped(dirs, capsys) -> None:
    """A bad file is reported on every run; the second time without being re-read."""
    corpus, index = dirs
    (corpus / "empty.txt").write_bytes(b"")
    run(capsys, corpus, index, "index", "--progress=json", "--workers=1")
    code, out, _ = run(capsys, corpus, index, "index", "--progress=json", "--workers=1")
    assert code == 0
    summary = json.loads(out.splitlines()[-1])["summary"]
    assert [s["path"] for s in summary["skipped"]] == ["empty.txt"]
    assert summary["still_skipped"] == 1 and summary["unchanged"] == 5


def test_search_json_shape(dirs, capsys) -> None:
    corpus, index = dirs
    run(capsys, corpus, index, "index", "--progress=none", "--workers=1")
    code, out, _ = run(capsys, corpus, index, "search", "refugees", "--json", "--limit", "2")
    assert code == 0
    data = json.loads(out)
    assert {"query", "parsed_query", "total", "page", "page_size", "facets", "hits"} <= set(data)
    assert data["total"] >= 2 and len(data["hits"]) == 2
    hit = data["hits"][0]
    assert {
        "id",
        "path",
        "title",
        "source",
        "date",
        "score",
        "snippet",
        "snippet_hits",
        "text_hits",
        "date_inferred",
    } <= set(hit)
    for s, e in hit["snippet_hits"]:
        assert hit["snippet"][s:e].lower().startswith("refugee")
    assert set(data["facets"]) == {"source", "agency", "lang", "year", "entity"}
    assert data["expansions"] == []
    # the other spellings a search added go out with it, and in the table as "also:"
    code, out, _ = run(capsys, corpus, index, "search", "HTS", "--json")
    added = json.loads(out)["expansions"]
    assert code == 0 and added and added[0]["term"] == "HTS" and added[0]["also"]
    code, out, _ = run(capsys, corpus, index, "search", "HTS")
    assert f"HTS, also: {', '.join(added[0]['also'])}" in out


def test_search_sort_by_date_json(dirs, capsys) -> None:
    corpus, index = dirs
    run(capsys, corpus, index, "index", "--progress=none", "--workers=1")
    code, out, _ = run(capsys, corpus, index, "search", "--sort", "date", "--json")
    dates = [h["date"] for h in json.loads(out)["hits"] if h["date"]]
    assert code == 0 and dates == sorted(dates, reverse=True)


def test_bad_query_exit_2_with_caret(dirs, capsys) -> None:
    corpus, index = dirs
    run(capsys, corpus, index, "index", "--progress=none", "--workers=1")
    code, out, err = run(capsys, corpus, index, "search", "idlib AND (aleppo")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert "never closed" in lines[0]
    assert lines[1] == "  idlib AND (aleppo"
    assert lines[2] == "  " + " " * 10 + "^"


def test_search_without_index(dirs, capsys) -> None:
    corpus, index = dirs
    code, _, err = run(capsys, corpus, index, "search", "idlib")
    assert code == 2 and "no index at" in err and "idlibtui index" in err
    assert "Traceback" not in err


def test_missing_and_empty_corpus(tmp_path, capsys) -> None:
    code, _, err = run(capsys, tmp_path / "nope", tmp_path / "index", "index")
    assert code == 2 and "--corpus" in err and "IDLIBTUI_CORPUS" in err
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, tmp_path / "empty", tmp_path / "index", "index")
    assert code == 2 and "no .txt" in err


def test_show_by_id_path_raw_json(dirs, capsys) -> None:
    corpus, index = dirs
    code, out, _ = run(capsys, corpus, index, "show", article_id(PROTEST))
    assert code == 0 and "Kreimesh" in out and f"id: {article_id(PROTEST)}" in out
    code, out_path, _ = run(capsys, corpus, index, "show", str(corpus / PROTEST))
    assert code == 0 and out_path == out
    code, raw, _ = run(capsys, corpus, index, "show", PROTEST, "--raw")
    assert code == 0 and raw.startswith(" date 2019-12-28")
    code, js, _ = run(capsys, corpus, index, "show", PROTEST, "--json")
    data = json.loads(js)
    assert code == 0 and data["path"] == PROTEST and "Kreimesh" in data["text"]
    code, _, err = run(capsys, corpus, index, "show", "nosuchid")
    assert code == 2 and "no article" in err


def test_terminal_escapes_in_files_never_reach_output(dirs, capsys) -> None:
    corpus, index = dirs
    (corpus / "evil\x1b]0;pwned\x07.txt").write_text(
        "Evil title\n\nThe word snorklewag \x1b[31mred\x1b[0m here.\n", encoding="utf-8"
    )
    run(capsys, corpus, index, "index", "--progress=json", "--workers=1")
    code, out, _ = run(capsys, corpus, index, "search", "snorklewag")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    code, out, err = run(capsys, corpus, index, "search", "snorklewag \x1b[2J(")
    assert code == 2 and "\x1b" not in err


def test_an_internal_error_is_one_line_and_leaves_the_index_as_it_was(
    dirs, capsys, monkeypatch
) -> None:
    from idlibtui.search.build import driver

    corpus, index = dirs
    assert run(capsys, corpus, index, "index", "--progress=none", "--workers=1")[0] == 0
    target = corpus / PROTEST
    target.write_bytes(target.read_bytes() + b"\n\nZygomorphic aftermath paragraph.\n")

    def broken(*_args, **_kwargs):
        raise TypeError("sequence item 61: expected a bytes-like object, tuple found")

    monkeypatch.setattr(driver, "update_prepared", broken)
    monkeypatch.delenv("IDLIBTUI_DEBUG", raising=False)
    code, _, err = run(capsys, corpus, index, "index", "--progress=none", "--workers=1")
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[0] == (
        "idlibtui: internal error: TypeError: sequence item 61: expected a bytes-like object, "
        "tuple found"
    )
    assert "IDLIBTUI_DEBUG=1" in err
    code, out, _ = run(capsys, corpus, index, "search", "--json", "zygomorphic")
    assert code == 0 and json.loads(out)["total"] == 0
    monkeypatch.undo()
    assert run(capsys, corpus, index, "index", "--progress=none", "--workers=1")[0] == 0
    code, out, _ = run(capsys, corpus, index, "search", "--json", "zygomorphic")
    assert json.loads(out)["total"] == 1
