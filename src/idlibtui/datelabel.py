"""How a judged date reads on screen: the day, and what kind of knowledge it is.

Shared by the results list, the reader header and the CLI, so an estimate reads the same
everywhere: "2020-02-11" (stated), "2020-02-11 (derived)", "~2020-02-11 (estimated 10–16 Feb)",
"2020-02 (month only)", "after 2019-12-01 (estimated)".
"""

from __future__ import annotations

import datetime as dt

PRECISE_DAYS = 7  # the same bound as ``annotate.dating.PRECISE_DAYS``


def _span(lo: dt.date, hi: dt.date) -> str:
    if lo.year != hi.year:
        return f"{lo.isoformat()} – {hi.isoformat()}"
    if lo.month != hi.month:
        return f"{lo.day} {lo:%b} – {hi.day} {hi:%b} {hi.year}"
    return f"{lo.day}–{hi.day} {hi:%b} {hi.year}"


def date_label(
    day: dt.date | None,
    kind: str = "",
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
    *,
    inferred: bool = False,
) -> tuple[str, str]:
    """``(date text, note)``: the note is "" for a stated or supplied day, else says how the
    day is known ("derived", "estimated 10–16 Feb 2020", "month only", "estimated")."""
    if day is None:
        return "no date", ""
    kind = kind or ("estimated" if inferred else "stated")
    if kind in ("stated", "supplied"):
        return day.isoformat(), ("supplied" if kind == "supplied" else "")
    if kind == "derived":
        return day.isoformat(), "derived"
    if earliest is not None and latest is not None:
        whole_month = (
            earliest.day == 1
            and (latest + dt.timedelta(days=1)).day == 1
            and (earliest.year, earliest.month) == (latest.year, latest.month)
        )
        if whole_month:
            return earliest.isoformat()[:7], "month only"
        if (latest - earliest).days <= PRECISE_DAYS:
            note = "estimated" if earliest == latest else f"estimated {_span(earliest, latest)}"
            return f"~{day.isoformat()}", note
        return f"~{day.isoformat()}", f"estimated {_span(earliest, latest)}"
    if earliest is not None:
        return f"after {earliest.isoformat()}", "estimated"
    return f"~{day.isoformat()}", "estimated"


def article_date_text(article) -> str:
    """An article's date in one line ("~2020-02-04 (estimated 3–9 Feb 2020)", "2019-12-28"),
    for the places that show it without styling (comparison panes, `compare`, `show`)."""
    if article.date is None:
        return ""
    text, note = date_label(
        article.date,
        article.date_kind,
        article.date_earliest,
        article.date_latest,
        inferred=article.date_inferred,
    )
    return f"{text} ({note})" if note else text
