"""CLI messages a new user meets: a corpus that is not there, a page past the end, counted
nouns, and a touched file that ``index`` re-reads."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from idlibtui.cli.main import main
from idlibtui.words import plural

SEEDS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    return corpus, tmp_path / "index"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_corpus_given_on_the_line_that_does_not_exist_is_an_error(
    tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a ./index here must not be searched instead
    shutil.copytree(SEEDS, tmp_path / "corpus")
    assert main(["index", "--progress=none", "--workers=1"]) == 0
    capsys.readouterr()
    missing = tmp_path / "nonexistent"
    code, out, err = run(capsys, "--corpus", str(missing), "search", "idlib")
    assert code == 2 and out == ""
    assert "does not exist" in err and str(missing) in err
    assert len(err.strip().splitlines()) == 1
    a_file = tmp_path / "corpus" / "000_221080df3991f770.txt"
    code, _out, err = run(capsys, "--corpus", str(a_file), "search", "idlib")
    assert code == 2 and "is not a folder" in err


def test_a_page_past_the_end_says_so(dirs, capsys) -> None:
    corpus, index = dirs
    base = ("--corpus", str(corpus), "--index", str(index))
    assert run(capsys, *base, "index", "--progress=none", "--workers=1")[0] == 0
    code, out, err = run(capsys, *base, "search", "idlib", "--page", "99")
    assert code == 2 and out == ""
    assert "page 99 is past the end" in err and "5 results" in err and "1 page " in err
    code, out, err = run(capsys, *base, "search", "idlib", "--page", "99", "--json")
    assert code == 2 and "past the end" in err
    code, out, _ = run(capsys, *base, "search", "idlib", "--limit", "2", "--page", "3")
    assert code == 0 and "page 3 of 3" in out


def test_touched_file_is_reported_as_re_read(dirs, capsys) -> None:
    corpus, index = dirs
    base = ("--corpus", str(corpus), "--index", str(index))
    assert run(capsys, *base, "index", "--progress=none", "--workers=1")[0] == 0
    touched = corpus / "001_a27e626ff12f024e.txt"
    stat = touched.stat()
    os.utime(touched, (stat.st_atime + 100, stat.st_mtime + 100))
    code, out, _ = run(capsys, *base, "index", "--progress=none", "--workers=1")
    assert code == 0
    assert "5 unchanged (1 file re-read: touched, but its text is the same)" in out
    code, out, _ = run(capsys, *base, "index", "--progress=json", "--workers=1")
    summary = json.loads(out.splitlines()[-1])["summary"]
    assert summary["unchanged"] == 5 and summary["reread"] == 1
    assert summary["updated"] == 0


def test_counted_nouns() -> None:
    assert plural(1, "figure") == "1 figure"
    assert plural(0, "figure") == "0 figures"
    assert plural(1204, "article") == "1,204 articles"
    assert plural(2, "match", "matches") == "2 matches"


def test_one_article_index_says_article(tmp_path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "001_a27e626ff12f024e.txt", corpus)
    code, out, _ = run(
        capsys,
        "--corpus",
        str(corpus),
        "--index",
        str(tmp_path / "ix"),
        "index",
        "--progress=none",
        "--workers=1",
    )
    assert code == 0 and "(1 article in" in out
