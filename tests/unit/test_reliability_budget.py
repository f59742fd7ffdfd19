"""One file never holds the build: past a per-file time budget it is indexed without
annotation, or skipped with the reason (issue 18, family 2). The stages themselves are linear
(``bench/slow_file.py`` times them); here a stage is made slow on purpose."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from idlibtui import pipeline
from idlibtui.annotate.figures import find_figures
from idlibtui.search import open_index
from idlibtui.search.build import update_index

ARTICLE = "Shelling in Idlib\n\nAbout 300 people fled Saraqeb on Monday, aid workers said.\n"
SLOW = "Slow report\n\nThe zqxslowword report says 4,000 people fled Maarat al-Numan.\n"


def _burn(seconds: float = 8.0) -> None:
    """Spend CPU time (the budget counts CPU, not waiting) for at most ``seconds``."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "slow.txt").write_text(SLOW, encoding="utf-8")
    return root


def test_slow_annotation_indexes_the_file_without_it(corpus, tmp_path, monkeypatch) -> None:
    real = pipeline.annotate

    def slow_annotate(article, **kwargs):
        if "zqxslowword" in article.text:
            _burn()
        return real(article, **kwargs)

    monkeypatch.setattr(pipeline, "annotate", slow_annotate)
    started = time.process_time()
    report = update_index(corpus, tmp_path / "index", workers=1, file_budget=0.3)
    assert time.process_time() - started < 6  # the budget stopped it, not the end of _burn
    assert report.doc_count == 2 and not report.skipped
    assert [p.path for p in report.unannotated] == ["slow.txt"]
    assert "annotating took longer than 0.3 s" in report.unannotated[0].reason
    index = open_index(tmp_path / "index")
    (hit,) = index.search("zqxslowword").hits
    assert index.get(hit.id)["figures"] == []  # cleaned text only
    (good,) = index.search("Saraqeb").hits
    assert index.get(good.id)["figures"]  # the other file is annotated as usual


def test_slow_cleaning_skips_the_file_with_the_reason(corpus, tmp_path, monkeypatch) -> None:
    real = pipeline.clean_document

    def slow_clean(text, **kwargs):
        if "zqxslowword" in text:
            _burn()
        return real(text, **kwargs)

    monkeypatch.setattr(pipeline, "clean_document", slow_clean)
    report = update_index(corpus, tmp_path / "index", workers=1, file_budget=0.3)
    assert report.doc_count == 1
    assert {p.path: p.reason for p in report.skipped} == {
        "slow.txt": "took longer than 0.3 s to clean (a time budget per file)"
    }


def test_a_budget_survives_a_stage_that_catches_exception(corpus, tmp_path, monkeypatch) -> None:
    real = pipeline.annotate

    def stubborn(article, **kwargs):
        if "zqxslowword" in article.text:
            try:
                _burn()
            except Exception:  # a stage's own broad handler must not swallow the budget
                _burn()
        return real(article, **kwargs)

    monkeypatch.setattr(pipeline, "annotate", stubborn)
    report = update_index(corpus, tmp_path / "index", workers=1, file_budget=0.3)
    assert [p.path for p in report.unannotated] == ["slow.txt"]


def test_figures_on_one_long_line_do_not_rescan_the_line() -> None:
    """The list-number check stepped back to the line start for every figure (quadratic on
    a one-line file); it must look at the spaces before the number only."""

    class CountingText(str):
        reads = 0

        def rfind(self, *args):  # the old code searched back for the line start
            CountingText.reads += 1
            return super().rfind(*args)

    line = " ".join(["12. Twenty people fled, 30 were hurt."] * 50)
    figures = find_figures(CountingText("Report\n\n" + line + "\n1. Heading\n"))
    assert len(figures) >= 100
    assert CountingText.reads == 0
