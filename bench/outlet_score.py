"""Score outlets, agencies and datelines of ``idlibtui clean --json`` output against a facts file.

usage: python -m bench.outlet_score FACTS.tsv CLEAN.jsonl [-v]

Outlets are counted as ``/work/shared/tools/score-dates`` counts them (case, spaces, punctuation
and a leading "The" ignored) and again through the package data's canonical names, so that two
written forms of one outlet ("Tasnim" and "Tasnim News Agency", "ISWNews" and "Islamic World
News") are one. Agencies compare through canonical names and wire tags ("AP", "AFP"); a facts
cell may list several (``Reuters; NAN``). Datelines compare without case and punctuation. Pages
whose facts name none but the output does are counted as ``extra``.
"""

from __future__ import annotations

import csv
import json
import re
import sys

from idlibtui.clean.outlets import by_dateline_tag, lookup


def _norm(s: str) -> str:
    s = re.sub(r"^the\s+", "", (s or "").strip().lower())
    return re.sub(r"[^a-z0-9а-яё]+", "", s)


def _canon(s: str) -> str:
    known = lookup(s or "") or by_dateline_tag((s or "").strip())
    return _norm(known.name if known else s)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    verbose = "-v" in argv
    with open(argv[0], encoding="utf-8") as f:
        facts = {r["file"]: r for r in csv.DictReader(f, delimiter="\t")}
    out = {}
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                out[o["path"].rsplit("/", 1)[-1]] = o
    fields = (
        ("outlet", "source", _norm),
        ("outlet (canonical)", "source", _canon),
        ("agency", "agency", _canon),
        ("dateline", "dateline", _norm),
    )
    for label, key, cmp in fields:
        right = wrong = missing = extra = n = 0
        column = label.split()[0]
        for name, row in sorted(facts.items()):
            if name not in out:
                continue
            want = [p.strip() for p in (row.get(column) or "").split(";") if p.strip()]
            got = out[name].get(key) or ""
            if not want:
                extra += bool(got)
                continue
            n += 1
            if not got:
                missing += 1
            elif any(cmp(got) == cmp(w) for w in want):
                right += 1
            else:
                wrong += 1
                if verbose:
                    print(f"  {label} {name}: {got!r} (want {' / '.join(want)})")
        print(f"{label}: right {right}/{n}, wrong {wrong}, missing {missing}, extra {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
