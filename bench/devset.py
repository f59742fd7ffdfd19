"""Score dates and outlets on a real-page development set kept outside the repository.

    python -m bench.devset --pages /work/devpages/en --facts tests/data/realpages/facts_en.tsv

The pages are third-party text and never enter the repository (tests/data/realpages/README.md
says how to gather them again); the facts file is ours. Prints the score-dates summary (right
within 3 days, wrong, missing; outlets right, wrong, missing) and the dates by kind.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

from idlibtui.pipeline import load_article
from idlibtui.serialize import article_to_dict


def _norm(name: str) -> str:
    name = name.strip().lower()
    if name.startswith("the "):
        name = name[4:]
    return "".join(ch for ch in name if ch.isalnum())


def score(pages: Path, facts_path: Path) -> dict[str, int]:
    """The same counts as ../shared/tools/score-dates, and the date kinds behind them."""
    facts = {
        r["file"]: r for r in csv.DictReader(facts_path.open(encoding="utf-8"), delimiter="\t")
    }
    counts: Counter[str] = Counter()
    for name, fact in sorted(facts.items()):
        path = pages / name
        if not path.is_file():
            continue
        out = article_to_dict(load_article(path, pages))
        got, want = (out["date"] or "")[:10], (fact.get("date") or "").strip()
        if want:
            counts["dates"] += 1
            if not got:
                counts[f"missing ({out['date_kind']})"] += 1
            elif len(want) == 10:
                ok = (
                    len(got) == 10
                    and abs((dt.date.fromisoformat(got) - dt.date.fromisoformat(want)).days) <= 3
                )
                counts[f"{'right' if ok else 'wrong'} ({out['date_kind']})"] += 1
            else:
                counts[f"{'right' if got[:7] == want[:7] else 'wrong'} ({out['date_kind']})"] += 1
        if (fact.get("outlet") or "").strip():
            counts["outlets"] += 1
            have = out["source"]
            key = (
                "missing"
                if not have
                else "right"
                if _norm(have) == _norm(fact["outlet"])
                else "wrong"
            )
            counts[f"outlet {key}"] += 1
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, required=True)
    parser.add_argument("--facts", type=Path, required=True)
    args = parser.parse_args()
    print(json.dumps(score(args.pages, args.facts), indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
