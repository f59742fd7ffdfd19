"""Score annotations against a gold file: precision and recall for figures and entities.

Gold items are anchored by text, not offsets, so they survive cleaner changes:

- a figure is ``{"text", "occurrence", "kind", "value", "what", "qualifier", "date"}``: the
  ``occurrence``-th whole-word occurrence of ``text`` in the cleaned text. A predicted figure
  matches when the spans overlap, the kind is the same, the value agrees (when gold gives one)
  and the resolved date agrees (when gold gives one).
- an entity is ``{"text", "type", "canonical", "count"}``: every whole-word occurrence of
  ``text`` (minus those inside a longer listed surface) is a mention; ``count`` is how many the
  annotator of the gold saw, checked so a changed text cannot silently change the gold. A
  prediction matches when the spans overlap and type and canonical name agree.

Matching is one-to-one. ``what`` and ``qualifier`` agreement on matched figures is reported too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from idlibtui.model import Figure, Mention


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives

    def __str__(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w])" + re.escape(surface) + r"(?![\w])")
    return [m.span() for m in pattern.finditer(text)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class GoldError(ValueError):
    """The gold no longer fits the text (a surface missing or counted differently)."""


def gold_figure_spans(text: str, gold: Sequence[dict]) -> list[tuple[tuple[int, int], dict]]:
    out = []
    for item in gold:
        occ = occurrences(text, item["text"])
        n = int(item.get("occurrence", 1))
        if len(occ) < n:
            raise GoldError(f"figure {item['text']!r} occurrence {n} not in the text")
        out.append((occ[n - 1], item))
    return out


def gold_entity_spans(
    text: str, gold: Sequence[dict], *, strict: bool = True
) -> list[tuple[tuple[int, int], dict]]:
    by_length = sorted(gold, key=lambda g: -len(g["text"]))
    taken: list[tuple[int, int]] = []
    out = []
    for item in by_length:
        spans = [
            s for s in occurrences(text, item["text"]) if not any(_overlap(s, t) for t in taken)
        ]
        if strict and "count" in item and len(spans) != int(item["count"]):
            n = len(spans)
            raise GoldError(f"entity {item['text']!r}: gold says {item['count']}, text has {n}")
        taken += spans
        out += [(s, item) for s in spans]
    out.sort(key=lambda x: x[0])
    return out


def _value_ok(fig: Figure, gold: dict) -> bool:
    value = gold.get("value")
    if value is None:
        return True
    return fig.value is not None and abs(fig.value - float(value)) <= 1e-6 * max(1.0, abs(value))


def _date_ok(fig: Figure, gold: dict) -> bool:
    day = gold.get("date")
    if not day:
        return True
    return fig.date == dt.date.fromisoformat(day)


def score_figures(text: str, figures: Iterable[Figure], gold: Sequence[dict]) -> tuple[Score, dict]:
    """Figure P/R, plus agreement counts for ``what`` and ``qualifier`` on matched figures."""
    golds = gold_figure_spans(text, gold)
    used = [False] * len(golds)
    score = Score()
    agree = {"what": 0, "qualifier": 0, "matched": 0, "what_misses": []}
    for fig in figures:
        hit = None
        for k, (span, item) in enumerate(golds):
            if (
                not used[k]
                and _overlap((fig.start, fig.end), span)
                and fig.kind == item["kind"]
                and _value_ok(fig, item)
                and _date_ok(fig, item)
            ):
                hit = k
                break
        if hit is None:
            score.fp += 1
            score.false_positives.append(f"{fig.text!r} {fig.kind} {fig.value} {fig.date}")
            continue
        used[hit] = True
        score.tp += 1
        item = golds[hit][1]
        agree["matched"] += 1
        if (item.get("what") or "").lower() == fig.what.lower():
            agree["what"] += 1
        else:
            agree["what_misses"].append(
                f"{item['text']!r}: gold {item.get('what')!r} got {fig.what!r}"
            )
        if (item.get("qualifier") or "").lower() == fig.qualifier.lower():
            agree["qualifier"] += 1
    for k, (_span, item) in enumerate(golds):
        if not used[k]:
            score.fn += 1
            score.false_negatives.append(
                f"{item['text']!r} #{item.get('occurrence', 1)} {item['kind']}"
            )
    return score, agree


def score_entities(
    text: str, mentions: Iterable[Mention], gold: Sequence[dict], *, strict: bool = True
) -> Score:
    """Typed entity P/R; ``strict`` checks each surface's mention count against the gold."""
    golds = gold_entity_spans(text, gold, strict=strict)
    used = [False] * len(golds)
    score = Score()
    for m in mentions:
        hit = None
        for k, (span, item) in enumerate(golds):
            if (
                not used[k]
                and _overlap((m.start, m.end), span)
                and m.type == item["type"]
                and m.canonical == item["canonical"]
            ):
                hit = k
                break
        if hit is None:
            score.fp += 1
            score.false_positives.append(f"{m.text!r} {m.type} {m.canonical}")
        else:
            used[hit] = True
            score.tp += 1
    for k, (span, item) in enumerate(golds):
        if not used[k]:
            score.fn += 1
            score.false_negatives.append(
                f"{item['text']!r}@{span[0]} {item['type']} {item['canonical']}"
            )
    return score


def score_file(
    gold_path: str, corpus: str = "corpus", *, verbose: bool = False
) -> tuple[Score, Score]:
    """Score the annotators on one gold file (seed files are read from ``corpus``)."""
    import json
    from pathlib import Path

    from idlibtui.annotate import annotate_text
    from idlibtui.model import Article
    from idlibtui.pipeline import load_article

    figures, entities = Score(), Score()
    for doc in json.loads(Path(gold_path).read_text(encoding="utf-8")):
        if "file" in doc:
            article = load_article(Path(corpus) / doc["file"], Path(corpus))
            if not isinstance(article, Article):
                raise GoldError(f"cannot read {doc['file']}: {article.reason}")
            text, anchor, inferred = article.text, article.date, article.date_inferred
        else:
            text = doc["text"]
            anchor = dt.date.fromisoformat(doc["article_date"]) if doc.get("article_date") else None
            inferred = False
        figs, ents = annotate_text(text, anchor, anchor_inferred=inferred)
        f, _ = score_figures(text, figs, doc["figures"])
        e = score_entities(text, ents, doc["entities"], strict=False)
        figures.add(f)
        entities.add(e)
        if verbose:
            for line in f.false_positives + e.false_positives:
                print(f"  {doc.get('file', doc.get('id'))}: extra {line}")
            for line in f.false_negatives + e.false_negatives:
                print(f"  {doc.get('file', doc.get('id'))}: missed {line}")
    return figures, entities


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.annotate_score tests/data/gold/*.json [--corpus DIR] [-v]``"""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.annotate_score")
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    for path in args.gold:
        figures, entities = score_file(path, args.corpus, verbose=args.verbose)
        print(f"{path}: figures {figures}; entities {entities}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
