"""Measure the comparison's verdicts on pairs of real reports (compare_pairs.tsv).

The pairs are in tests/data/realpages/compare_pairs.tsv.

The report texts live outside the repository (``--pages``, default /work/devpages). For each
figure pair a careful reader set side by side, the verdict the comparison gives it (the relation of
the figure group holding both) is set against the reader's: ``differ``, ``agree`` (same or
consistent) or ``dates``. Precision counts the comparison's own verdicts on
every pair of figures it sets against each other (the pairs inside its judged groups): right when
the reader labelled the pair that way, wrong when the reader labelled it otherwise; pairs the
reader did not label are counted apart (listed with -v).

    PYTHONPATH=src python bench/compare_pairs.py [--dates supplied|own] [-v]

``--dates supplied`` gives each report the publication date the TSV records (an analyst's date);
``own`` keeps the date the pipeline finds itself. Works on older code too (``agree`` counts as
agree), so the same command measures before and after.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TSV = ROOT / "tests" / "data" / "realpages" / "compare_pairs.tsv"
AGREE = {"same", "consistent", "agree"}


def read_rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load(name: str, pages: Path, date: str, mode: str):
    from idlibtui.annotate import annotate
    from idlibtui.pipeline import load_article

    path = ROOT / name if name.startswith("corpus/") else pages / name
    article = load_article(path, path.parent)
    if mode == "supplied" and date:
        day = dt.date.fromisoformat(date)
        changes = {"date": day, "date_inferred": False}
        fields = {f.name for f in dataclasses.fields(article)}
        if "date_kind" in fields:
            changes.update(date_kind="supplied", date_earliest=day, date_latest=day)
        article = annotate(dataclasses.replace(article, **changes))
    return article


def find(article, spec: str) -> list:
    """Every figure the spec names (a report often repeats its figure in the title)."""
    text, _, hint = spec.partition("|")
    text = text.lower()

    def ok(f, exact: bool) -> bool:
        if f.kind == "date" or (hint and hint not in f.what.lower()):
            return False
        low = f.text.lower()
        return low == text or text in low.split() if exact else text in low

    return [f for f in article.figures if ok(f, True)] or [
        f for f in article.figures if ok(f, False)
    ]


def pairwise(a, b) -> str:
    """The verdict on two figures in one judged group (this code's, or the older rule's)."""
    try:
        from idlibtui.compare.verdict import judge
    except ImportError:  # the code before verdicts: "agree" when the values are compatible
        from idlibtui.compare.figures import values_compatible

        return "agree" if values_compatible(a, b) else "differ"
    relation = judge(a, b).relation
    return "agree" if relation in AGREE else relation


def verdict_of(cmp, lefts: list, rights: list) -> tuple[str, list]:
    """The comparison's verdict on the named figures: the group holding most of them."""
    best, best_n, pair = None, 0, None
    for g in cmp.figures:
        ls = [a for a in lefts if any(x is a for x in g.left)]
        rs = [b for b in rights if any(x is b for x in g.right)]
        if len(ls) * len(rs) > best_n:
            best, best_n, pair = g, len(ls) * len(rs), (ls[0], rs[0])
    if best is None:
        return "none", []
    if best.relation in AGREE or best.relation == "differ":
        return pairwise(*pair), [best]
    return ("dates" if best.relation == "different_dates" else "none"), [best]


def judged_pairs(cmp):
    """Every cross pair of figures inside a judged group, with its pairwise verdict."""
    for g in cmp.figures:
        if g.relation in AGREE or g.relation == "differ":
            for a in g.left:
                for b in g.right:
                    yield g, a, b, pairwise(a, b)


GOLD_KINDS = ("differ", "agree", "dates")
VERDICTS = ("differ", "agree")


@dataclass
class _Tally:
    """Counts over all pairs: gold labels, labels the comparison matched, and for each verdict
    the comparison gave, how many the reader confirmed, contradicted or did not label."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GOLD_KINDS, 0))
    hit: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GOLD_KINDS, 0))
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    wrong: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    unlabelled: dict[str, list[str]] = field(
        default_factory=lambda: {kind: [] for kind in VERDICTS}
    )
    missing: list[tuple[str, str, str]] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=Path("/work/devpages"))
    ap.add_argument("--tsv", type=Path, default=TSV)
    ap.add_argument("--dates", choices=("supplied", "own"), default="supplied")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--only", default="", help="pairs whose id starts with this (P or H)")
    args = ap.parse_args(argv)
    from idlibtui.compare import compare_articles

    rows = [r for r in read_rows(args.tsv) if r["pair"].startswith(args.only)]
    by_pair: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_pair[r["pair"]].append(r)
    tally = _Tally()
    for pair, items in by_pair.items():
        first = items[0]
        left = load(first["left"], args.pages, first["left_date"], args.dates)
        right = load(first["right"], args.pages, first["right_date"], args.dates)
        cmp = compare_articles(left, right)
        labels = _score_labels(pair, items, left, right, cmp, tally, verbose=args.verbose)
        _score_verdicts(pair, cmp, labels, tally, verbose=args.verbose)
    print(f"pairs: {len(by_pair)}, labelled figure pairs: {len(rows)} (dates: {args.dates})")
    _report(tally, verbose=args.verbose)
    return 0


def _score_labels(
    pair: str,
    items: list[dict[str, str]],
    left: Any,
    right: Any,
    cmp: Any,
    tally: _Tally,
    *,
    verbose: bool,
) -> dict[tuple[int, int], str]:
    """Count the reader's labels of one pair and which of them the comparison matched; the
    labels by (left figure id, right figure id)."""
    labels: dict[tuple[int, int], str] = {}
    for r in items:
        lefts, rights = find(left, r["left_figure"]), find(right, r["right_figure"])
        says = r["reader_says"]
        for a in lefts:
            for b in rights:
                labels[id(a), id(b)] = says
        if says in tally.gold:
            tally.gold[says] += 1
        if not lefts or not rights:
            tally.missing.append((pair, r["left_figure"], r["right_figure"]))
            continue
        got, _ = verdict_of(cmp, lefts, rights)
        if says in tally.gold:
            tally.hit[says] += got == says
        if verbose:
            mark = "ok " if got == says or says == "skip" else "XX "
            print(f"{mark}{pair} {r['left_figure']!r} vs {r['right_figure']!r}: reader "
                  f"{says}, comparison {got}")  # fmt: skip
    return labels


def _score_verdicts(
    pair: str, cmp: Any, labels: dict[tuple[int, int], str], tally: _Tally, *, verbose: bool
) -> None:
    """Count the comparison's own verdicts against the reader's labels (its precision)."""
    for g, a, b, got in judged_pairs(cmp):
        if got not in tally.right:
            continue
        says = labels.get((id(a), id(b)))
        if says == got:
            tally.right[got] += 1
        elif says in ("differ", "agree", "dates", "other"):
            tally.wrong[got] += 1
            if verbose:
                print(f"   wrong {got} in {pair}: {g.what!r} {a.text!r} vs {b.text!r} "
                      f"(reader: {says})")  # fmt: skip
        elif says is None:
            tally.unlabelled[got].append(f"{pair}: {g.what} {a.text!r} vs {b.text!r}")


def _report(tally: _Tally, *, verbose: bool) -> None:
    hit, gold = tally.hit, tally.gold
    for kind in VERDICTS:
        right, wrong, unlabelled = tally.right[kind], tally.wrong[kind], tally.unlabelled[kind]
        precision = right / (right + wrong) if right + wrong else float("nan")
        recall = hit[kind] / gold[kind] if gold[kind] else float("nan")
        name = "differ" if kind == "differ" else "same/consistent"
        print(f"{name:16} recall {hit[kind]}/{gold[kind]} = {recall:.2f}   precision "
              f"{right}/{right + wrong} = {precision:.2f}   "
              f"unlabelled pairs {len(unlabelled)}")  # fmt: skip
        if verbose:
            for u in unlabelled:
                print(f"     unlabelled {kind}: {u}")
    print(f"different dates  recall {hit['dates']}/{gold['dates']}")
    if tally.missing:
        print(f"figures not found: {tally.missing}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
