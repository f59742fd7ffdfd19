"""ftfy's own mojibake test cases, run through the cleaner in article context.

``python -m bench.mojibake_suite [--all] [DIR]`` prints, for each case, whether ftfy alone and the
cleaner give what ftfy's suite expects, then the totals. The cases are ftfy's (Apache 2.0) and are
read from ``../shared/data/ftfy-test-cases/`` beside the repository (found by walking up from
here); they are never copied into the repository.

Each case is set as a paragraph between two sentences of prose in a short article, so the line
goes through every pass a real report goes through (boilerplate and related-link heuristics
included). Outputs are compared after what the cleaner always does and ftfy's suite does not
expect (straight quotes: the suite's expectations come from ftfy's defaults, which straighten
curly quotes; NFC; control characters removed; runs of spaces made one).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FILES = ("in-the-wild", "synthetic", "language-names", "negative", "known-failures")
TITLE = "Aid convoy reaches the camps near the border"
BEFORE = "The convoy left the crossing on Tuesday morning after a long delay, officials said."
AFTER = "More trucks are expected to follow later this week, according to the aid agencies."


@dataclass(frozen=True, slots=True)
class Case:
    """One of ftfy's cases: ``expect`` is "pass" (or "fail" for ftfy's known failures)."""

    file: str
    label: str
    original: str
    fixed: str
    expect: str

    @property
    def negative(self) -> bool:
        return self.file == "negative"


def find_data(start: Path | None = None) -> Path | None:
    """``shared/data/ftfy-test-cases`` in the first ancestor of ``start`` that has a ``shared``
    sibling directory holding it (the worktree lives at ``/work/wt/iNN``, the data at
    ``/work/shared``), or None."""
    here = (start or Path(__file__)).resolve()
    for parent in here.parents:
        candidate = parent / "shared" / "data" / "ftfy-test-cases"
        if candidate.is_dir():
            return candidate
    return None


def load_cases(data: Path) -> list[Case]:
    cases = []
    for name in FILES:
        path = data / f"{name}.json"
        if not path.exists():
            continue
        for item in json.loads(path.read_text(encoding="utf-8")):
            cases.append(Case(name, item["label"], item["original"], item["fixed"], item["expect"]))
    return cases


def article_of(line: str) -> str:
    """A short report with ``line`` as its middle paragraph."""
    return f"{TITLE}\n\n{BEFORE}\n\n{line}\n\n{AFTER}\n"


def middle(text: str) -> str | None:
    """The text between the two prose sentences of :func:`article_of` (None when either is
    gone; "" when the case's paragraph was removed)."""
    a, b = text.find(BEFORE), text.find(AFTER)
    if a < 0 or b < 0 or b < a:
        return None
    return text[a + len(BEFORE) : b].strip()


_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# ftfy's uncurl_quotes, as a table: [\u02bc\u2018-\u201b] to ', [\u201c-\u201f] to "
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u02bc\u2018\u2019\u201a\u201b", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f", '"'),
    }
)


def _base(text: str) -> str:
    """NFC, without the control and format characters the cleaner always removes, runs of
    spaces made one."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf"))
    return _SPACES.sub(" ", text).strip()


def normal(text: str) -> str:
    """What the comparison ignores: curly against straight quotes (the ones ftfy's
    ``uncurl_quotes`` straightens: ``ʼ‘’‚‛“”„‟``), NFC, control and format characters the cleaner
    always removes, and runs of spaces."""
    return _base(text).translate(_QUOTES)


def _lost_byte(ch: str) -> bool:
    return any(b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in ch.encode("utf-8"))


def lossy_match(got: str, want: str) -> bool:
    """``want`` keeps U+FFFD where a byte was lost and ``got`` put back a character whose UTF-8
    has a byte cp1252 leaves undefined (the lost one): the cleaner restores ``â€�`` as ``”``,
    the one reading of it that is punctuation. Everything else must be equal (quotes aside)."""
    got, want = _base(got), _base(want)
    if "\ufffd" not in want or len(got) != len(want):
        return False
    for g, w in zip(got, want, strict=True):
        if g.translate(_QUOTES) == w.translate(_QUOTES):
            continue
        if w != "\ufffd" or not _lost_byte(g):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    ftfy: str | None
    ours: str | None

    def ok(self, which: str, *, lossy: bool = True) -> bool:
        got = self.ftfy if which == "ftfy" else self.ours
        if got is None:
            return False
        return normal(got) == normal(self.case.fixed) or (
            lossy and lossy_match(got, self.case.fixed)
        )

    @property
    def removed(self) -> bool:
        return self.ours is None or (self.ours == "" and normal(self.case.original) != "")


def ftfy_alone(article: str) -> str:
    import ftfy

    return ftfy.fix_text(article, uncurl_quotes=False)


def run(cases: list[Case]) -> Iterator[Outcome]:
    from idlibtui.clean import clean_document

    for case in cases:
        article = article_of(case.original)
        yield Outcome(case, middle(ftfy_alone(article)), middle(clean_document(article).text))


@dataclass(frozen=True, slots=True)
class Totals:
    passes: int
    ftfy_fixed: int
    ours_fixed: int
    ours_strict: int
    negatives: int
    negatives_unchanged: int
    removed: int


def totals(outcomes: list[Outcome]) -> Totals:
    passes = [o for o in outcomes if o.case.expect == "pass"]
    negatives = [o for o in outcomes if o.case.negative]
    return Totals(
        passes=len(passes),
        ftfy_fixed=sum(o.ok("ftfy") for o in passes),
        ours_fixed=sum(o.ok("ours") for o in passes),
        ours_strict=sum(o.ok("ours", lossy=False) for o in passes),
        negatives=len(negatives),
        negatives_unchanged=sum(o.ok("ours", lossy=False) for o in negatives),
        removed=sum(o.removed for o in outcomes),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.mojibake_suite", description=__doc__)
    ap.add_argument("data", nargs="?", help="the ftfy-test-cases directory")
    ap.add_argument("--all", action="store_true", help="print every case, not only differences")
    args = ap.parse_args(argv)
    data = Path(args.data) if args.data else find_data()
    if data is None or not data.is_dir():
        print("ftfy-test-cases not found (looked for ../shared/data/ftfy-test-cases)")
        return 1
    outcomes = list(run(load_cases(data)))
    for o in outcomes:
        f, u = o.ok("ftfy"), o.ok("ours")
        if not args.all and f == u and not o.removed:
            continue
        mark = "REMOVED" if o.removed else ""
        print(f"{o.case.file:15} {o.case.expect:4} ftfy={'ok' if f else '--'} "
              f"ours={'ok' if u else '--'} {mark}")  # fmt: skip
        print(f"    original {o.case.original!r}")
        print(f"    expected {o.case.fixed!r}")
        if not f:
            print(f"    ftfy     {o.ftfy!r}")
        print(f"    ours     {o.ours!r}")
    t = totals(outcomes)
    print(
        f"pass cases fixed: ours {t.ours_fixed} (strict {t.ours_strict}), ftfy alone "
        f"{t.ftfy_fixed}, of {t.passes}; negatives unchanged {t.negatives_unchanged} of "
        f"{t.negatives}; case lines removed {t.removed}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
