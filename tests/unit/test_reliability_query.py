"""Queries that nest too deeply or run too long get a clear query error, never a crash
(issue 18, family 4)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from idlibtui.cli.main import main
from idlibtui.model import QueryError
from idlibtui.search import open_index
from idlibtui.search import query as q
from idlibtui.search.build import update_index
from idlibtui.search.highlight import match_offsets

SEEDS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("query_limits")
    shutil.copytree(SEEDS, base / "corpus")
    update_index(base / "corpus", base / "index", workers=1)
    return base / "index"


DEEP = [
    "(" * 300 + "idlib" + ")" * 300,
    "NOT " * 400 + "idlib",
    "idlib " + "-(" * 200 + "x" + ")" * 200,
    "(NOT " * 150 + "idlib" + ")" * 150,
]


@pytest.mark.parametrize("text", DEEP, ids=["parens", "not-chain", "minus-parens", "mixed"])
def test_deep_nesting_is_a_query_error(text: str, index_dir: Path) -> None:
    with pytest.raises(QueryError, match="nests too deeply"):
        q.parse(text)
    with pytest.raises(QueryError, match="nests too deeply"):
        open_index(index_dir).search(text)
    with pytest.raises(QueryError):
        match_offsets(text, "idlib is a city")


def test_nesting_up_to_the_limit_works_everywhere(index_dir: Path) -> None:
    """The deepest allowed query goes through parse, compile, search and highlighting, also
    in a worker thread (the app searches in one)."""
    depth = q.MAX_NESTING
    text = "(" * (depth - 1) + "NOT kreimesh" + ")" * (depth - 1)
    assert q.parse(text) is not None
    outcome: list = []

    def work() -> None:
        try:
            outcome.append(open_index(index_dir).search(text).total)
            outcome.append(match_offsets("idlib " + text, "Idlib was shelled"))
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome[0] == 4 and outcome[1] == [(0, 5)]


def test_too_many_terms_is_a_query_error(index_dir: Path) -> None:
    text = " OR ".join(f"word{i}" for i in range(5000))
    with pytest.raises(QueryError, match="too long"):
        open_index(index_dir).search(text)
    allowed = " OR ".join(f"word{i}" for i in range(q.MAX_TERMS))
    assert open_index(index_dir).search(allowed).total == 0


def test_too_many_characters_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="too long"):
        q.parse('"' + "x" * (q.MAX_QUERY_CHARS + 10) + '"')


def test_cli_reports_a_deep_query_as_a_bad_query(index_dir: Path, capsys) -> None:
    code = main(["--index", str(index_dir), "search", "(" * 400 + "idlib" + ")" * 400])
    err = capsys.readouterr().err
    assert code == 2
    assert "bad query: the query nests too deeply" in err and "internal error" not in err


def test_many_entity_values_do_not_rescan_every_name(index_dir: Path, monkeypatch) -> None:
    """Each entity value that is not a whole name was matched by splitting every name of the
    index again (3.7 s for 256 values at 3k articles); the names are split once."""
    import re

    ix = open_index(index_dir)
    names = len(ix._keyword_terms("entity"))
    calls = 0
    real = re.findall

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(re, "findall", counting)
    query = " OR ".join(f"entity:zz{i}" for i in range(100)) + " OR entity:erdogan"
    assert ix.search(query).total == ix.search("entity:erdogan").total > 0
    assert calls <= names + 5


def test_too_many_wildcards_is_a_query_error(index_dir: Path) -> None:
    many = " OR ".join(f"{a}{b}*" for a in "abcdefgh" for b in "abcdefgh")
    with pytest.raises(QueryError, match="too many prefixes and wildcards"):
        open_index(index_dir).search(many)
    allowed = " OR ".join(f"q{a}*" for a in "abcdefghijklmnop"[: q.MAX_WILDCARDS])
    open_index(index_dir).search(allowed)
