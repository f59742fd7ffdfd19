"""The annotators against hand-made gold: the five seeds and a held-out set of new sentences."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bench.annotate_score import Score, score_entities, score_figures

from idlibtui.annotate import annotate_text
from idlibtui.model import Article
from idlibtui.pipeline import load_article

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _score(docs: list[dict], texts: list[tuple[str, dt.date | None, bool]]):
    figures, entities = Score(), Score()
    for doc, (text, anchor, inferred) in zip(docs, texts, strict=True):
        figs, ents = annotate_text(text, anchor, anchor_inferred=inferred)
        f, _ = score_figures(text, figs, doc["figures"])
        figures.add(f)
        entities.add(score_entities(text, ents, doc["entities"], strict=False))
    return figures, entities


@pytest.fixture(scope="module")
def seed_scores():
    docs = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    texts = []
    for doc in docs:
        article = load_article(CORPUS / doc["file"], CORPUS)
        assert isinstance(article, Article)
        texts.append((article.text, article.date, article.date_inferred))
    return _score(docs, texts)


@pytest.fixture(scope="module", params=["heldout.json", "heldout2.json", "heldout3.json"])
def heldout_scores(request):
    docs = json.loads((GOLD / request.param).read_text(encoding="utf-8"))
    texts = [
        (
            d["text"],
            dt.date.fromisoformat(d["article_date"]) if d.get("article_date") else None,
            False,
        )
        for d in docs
    ]
    return _score(docs, texts)


def test_seed_figures(seed_scores) -> None:
    figures, _ = seed_scores
    assert figures.precision >= 0.95, figures.false_positives
    assert figures.recall >= 0.95, figures.false_negatives


def test_seed_entities(seed_scores) -> None:
    _, entities = seed_scores
    assert entities.precision >= 0.95, entities.false_positives
    assert entities.recall >= 0.95, entities.false_negatives


def test_heldout_figures(heldout_scores) -> None:
    figures, _ = heldout_scores
    assert figures.precision >= 0.85, figures.false_positives
    assert figures.recall >= 0.85, figures.false_negatives


def test_heldout_entities(heldout_scores) -> None:
    _, entities = heldout_scores
    assert entities.precision >= 0.85, entities.false_positives
    assert entities.recall >= 0.85, entities.false_negatives
