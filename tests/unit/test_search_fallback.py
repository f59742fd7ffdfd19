"""Correct or reported: the plan's answers on AND NOT and NOT are right (and Whoosh's own
evaluation, the reference, gives them too, its bugs fixed), and a plan the evaluator cannot run
or a failure inside the fast path is said, never quietly replaced by Whoosh's answer."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from whoosh import query as wq

from idlibtui import search
from idlibtui.cli.main import main
from idlibtui.search import codec, fast_search, fastpath, matching, whoosh_fixes
from idlibtui.search import query as q
from idlibtui.search.backend import IndexUnavailable, SearchError
from idlibtui.search.build import update_index
from idlibtui.search.whoosh_oracle import to_whoosh

#: Whoosh's own search is the oracle here: it needs the body's postings in its files.
pytestmark = pytest.mark.usefixtures("whoosh_oracle")

FILLER = (
    "Officials in the northern province described the situation on the ground in some detail "
    "to reporters who gathered outside the building later that afternoon."
)

# Written in this order (the build numbers documents by path): "market" has a document before
# the first "erdogan" document, which holds both; "zebra" is in one document, and the document
# after it is deleted by the update below. Both are the shapes Whoosh's own matchers got wrong.
ARTICLES = {
    "a_market.txt": "Traders reopened the market in the old town. ",
    "b_both.txt": "Erdogan visited the market and spoke to traders. ",
    "c_erdogan.txt": "Erdogan met the delegation in Ankara. ",
    "d_zebra.txt": "A zebra escaped from the zoo near the border. ",
    "e_gone.txt": "This report is withdrawn and deleted by the update. ",
    "f_last.txt": "Aid convoys crossed into the province. ",
}
CASES = {
    "erdogan -market": {"c_erdogan"},
    "erdogan NOT market": {"c_erdogan"},
    "(erdogan OR traders) -market": {"c_erdogan"},
    "NOT zebra": {"a_market", "b_both", "c_erdogan", "f_last"},
    "NOT (zebra OR market)": {"c_erdogan", "f_last"},
    "convoys OR NOT zebra": {"a_market", "b_both", "c_erdogan", "f_last"},
    "-zebra": {"a_market", "b_both", "c_erdogan", "f_last"},
}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> search.SearchBackend:
    root = tmp_path_factory.mktemp("fallback")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, lead in ARTICLES.items():
        (corpus / name).write_text(lead + FILLER + "\n", encoding="utf-8")
    update_index(corpus, root / "index", workers=1)
    (corpus / "e_gone.txt").unlink()
    report = update_index(corpus, root / "index", workers=1)
    assert report.removed == 1
    return search.open_index(root / "index")


def _names(results) -> set[str]:
    return {Path(h.path).stem for h in results.hits}


def _unsupported(*_a, **_k):
    raise fastpath.Unsupported("a query shape the plan does not evaluate (test)")


@pytest.mark.parametrize("query", sorted(CASES))
def test_and_not_is_right_and_whoosh_agrees(small, query, monkeypatch) -> None:
    """No patch of Whoosh here: the reference itself (the fixed classes) must be right."""
    monkeypatch.setattr(fast_search, "FAST_PATH_STRICT", True)
    fast = small.search(query, page_size=50)
    assert _names(fast) == CASES[query]
    assert {d["id"] for d in small.iter_documents(query)} == {h.id for h in fast.hits}
    # With the fast path off (the tests' reference) the answers are the same again.
    monkeypatch.setattr(fast_search, "FAST_PATH", False)
    slow = small.search(query, page_size=50)
    assert (slow.total, _names(slow)) == (fast.total, _names(fast))
    assert [h.score for h in slow.hits] == pytest.approx([h.score for h in fast.hits], abs=1e-4)
    assert {d["id"] for d in small.iter_documents(query)} == {h.id for h in fast.hits}


@pytest.mark.parametrize("query", sorted(CASES))
def test_a_plan_that_cannot_run_is_said_not_answered(small, query, monkeypatch) -> None:
    monkeypatch.setattr(matching.Evaluator, "run", _unsupported)
    with pytest.raises(SearchError) as info:
        small.search(query)
    assert query in str(info.value) and "report" in str(info.value)


def test_the_fixed_classes_are_what_whoosh_reads(small) -> None:
    plan = small.plan(small._expander().expand(q.parse("erdogan -market OR NOT zebra")).node)
    assert not whoosh_fixes.known_wrong(to_whoosh(plan))
    assert whoosh_fixes.known_wrong(wq.Or([wq.Term("b", "x"), wq.Not(wq.Term("b", "y"))]))


def test_a_shape_whoosh_gets_wrong_is_refused_not_answered(small, monkeypatch) -> None:
    monkeypatch.setattr(whoosh_fixes, "AndNot", wq.AndNot)  # as if translated to Whoosh's own
    monkeypatch.setattr(fast_search, "FAST_PATH", False)
    with pytest.raises(SearchError) as info:
        small.search("erdogan -market")
    assert "AndNot" in str(info.value) and "erdogan -market" in str(info.value)


class _Boom(RuntimeError):
    pass


def _boom(*_a, **_k):
    raise _Boom("an internal fault")


def test_an_unexpected_fast_path_failure_is_reported(small, monkeypatch, caplog) -> None:
    monkeypatch.setattr(fastpath.FastView, "postings", _boom)
    with caplog.at_level(logging.ERROR, logger="idlibtui.search"):
        with pytest.raises(SearchError) as info:
            small.search("erdogan -market")
        with pytest.raises(SearchError):
            list(small.iter_documents("erdogan"))
    message = str(info.value)
    assert "erdogan -market" in message and "_Boom" in message and "an internal fault" in message
    assert "report" in message  # what to do
    assert isinstance(info.value, IndexUnavailable)  # said by the CLI and the app as one line
    assert any(r.exc_info and r.exc_info[0] is _Boom for r in caplog.records)
    # Under FAST_PATH_STRICT (the tests') the original exception surfaces instead.
    monkeypatch.setattr(fast_search, "FAST_PATH_STRICT", True)
    with pytest.raises(_Boom):
        small.search("erdogan -market")


def test_a_posting_list_the_codec_cannot_read_is_reported(small, monkeypatch) -> None:
    def unreadable(*_a, **_k):
        raise codec.CodecError("unexpected posting header")

    monkeypatch.setattr(fastpath.FastView, "postings", unreadable)
    with pytest.raises(SearchError) as info:
        small.search("erdogan")
    assert "unexpected posting header" in str(info.value)
    assert "idlibtui index --rebuild" in str(info.value)


def test_the_cli_says_the_failure_in_one_line(small, monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.setattr(fastpath.FastView, "postings", _boom)
    code = main(["--corpus", str(tmp_path), "--index", str(small.index_dir), "search", "erdogan"])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("idlibtui: ") and "an internal fault" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_failure_while_planning_is_reported(small, monkeypatch) -> None:
    from idlibtui.search.planner import QueryPlanner

    monkeypatch.setattr(QueryPlanner, "_df", _boom)
    with pytest.raises(SearchError) as info:
        small.search("erdogan -market")
    assert "erdogan -market" in str(info.value) and "an internal fault" in str(info.value)
    with pytest.raises(SearchError):
        list(small.iter_documents("erdogan"))
    monkeypatch.setattr(QueryPlanner, "_df", _unreadable)
    with pytest.raises(SearchError, match="idlibtui index --rebuild"):
        small.search("erdogan")


def _unreadable(*_a, **_k):
    raise codec.CodecError("a segment has no sidecar")
