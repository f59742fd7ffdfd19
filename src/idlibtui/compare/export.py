"""A comparison as JSON-ready dicts, or as a Markdown evidence export for an analyst's notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from idlibtui.compare.model import Comparison, FigureGroup, Period
from idlibtui.model import Article, Figure
from idlibtui.textsafe import printable

RELATION_WORDS = {
    "same": "same",
    "consistent": "consistent",
    "differ": "DIFFER",
    "different_dates": "different dates",
    "left_only": "one side only (left)",
    "right_only": "one side only (right)",
}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Period):
        return {**{k: _plain(v) for k, v in _fields(value).items()}, "label": value.label}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in _fields(value).items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def _article_meta(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "date": article.date.isoformat() if article.date else None,
        "date_inferred": article.date_inferred,
    }


def to_dict(
    comparison: Comparison, left: Article | None = None, right: Article | None = None
) -> dict[str, Any]:
    """Everything in plain types; with the articles, sentence and figure texts are included."""
    out = _plain(comparison)
    if left is not None and right is not None:
        out["left"] = _article_meta(left)
        out["right"] = _article_meta(right)
        for pair in out["pairs"]:
            for side, article in (("left", left), ("right", right)):
                span = pair[f"{side}_span"]
                pair[f"{side}_text"] = article.text[span[0] : span[1]] if span else None
        for group, original in zip(out["figures"], comparison.figures, strict=True):
            group["verdict"] = original.verdict
            for side, article in (("left", left), ("right", right)):
                for fig in group[side]:
                    fig["sentence"] = _sentence_text(article, fig)
    else:
        for group, original in zip(out["figures"], comparison.figures, strict=True):
            group["verdict"] = original.verdict
    return out


def _sentence_span(article: Article, fig: Figure | dict) -> tuple[int, int]:
    get = fig.get if isinstance(fig, dict) else lambda k: getattr(fig, k)
    s, e = int(get("sentence_start") or 0), int(get("sentence_end") or 0)
    if e and e > s:
        return s, e
    # No sentence recorded: the surrounding sentence by punctuation.
    text = article.text
    start = max(text.rfind(". ", 0, get("start")) + 2, text.rfind("\n", 0, get("start")) + 1, 0)
    ends = [i for i in (text.find(". ", get("end")), text.find("\n", get("end"))) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return start, min(end, len(text))


def _sentence_text(article: Article, fig: Figure | dict) -> str:
    s, e = _sentence_span(article, fig)
    return article.text[s:e]


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Untrusted text made inert in Markdown: controls gone, one line, specials escaped."""
    return _MD_SPECIAL.sub(r"\\\1", printable(text))


def md_code(text: str) -> str:
    """Untrusted text as a code span (no escapes work inside one, so backticks are replaced)."""
    return "`" + printable(text).replace("`", "'") + "`"


def _figure_value(fig: Figure) -> str:
    if fig.value is None:
        return "?"
    v = f"{fig.value:,.10g}"
    if fig.value_max is not None and fig.value_max != fig.value:
        v += f"–{fig.value_max:,.10g}"
    if fig.vague:
        v = f"~{v} (vague)"
    return v


def _cite(article: Article, fig: Figure, period: Period | None) -> list[str]:
    s, e = _sentence_span(article, fig)
    outlet = article.source or "unknown outlet"
    date = article.date.isoformat() if article.date else "undated"
    if article.date and article.date_inferred:
        date += " (inferred)"
    head = f"**{md_escape(fig.text)}** = {_figure_value(fig)}"
    extra = []
    if fig.qualifier:
        extra.append(f"qualifier: {md_escape(fig.qualifier)}")
    if fig.attribution:
        extra.append(f"attribution: {md_escape(fig.attribution)}")
    if period is not None:
        extra.append(f"period: {md_escape(period.label)}")
    lines = [
        f"- {head}" + (f" ({'; '.join(extra)})" if extra else ""),
        f"  - {md_escape(outlet)}, {date}, {md_code(article.path or article.id)}, "
        f"figure chars {fig.start}–{fig.end}, sentence chars {s}–{e}",
        f"  - > {md_escape(article.text[s:e].strip())}",
    ]
    return lines


def _describe(article: Article) -> str:
    bits = [md_escape(article.title or article.path or article.id)]
    bits.append(md_escape(article.source) if article.source else "unknown outlet")
    if article.date:
        bits.append(article.date.isoformat() + (" (inferred)" if article.date_inferred else ""))
    else:
        bits.append("undated")
    bits.append(md_code(article.path or article.id))
    return " — ".join(bits)


def _group_md(group: FigureGroup, left: Article, right: Article) -> list[str]:
    period = group.period.label if group.period else "several dates"
    tag = " (projection)" if group.projection else ""
    verdict = RELATION_WORDS.get(group.relation, group.relation)
    if group.reason and group.relation in ("same", "consistent", "differ"):
        verdict += f" ({md_escape(group.reason)})"
    lines = [
        f"### {md_escape(group.what)}{tag} — {verdict} — {md_escape(period)}",
        "",
    ]
    if group.places or group.by:
        where = ", ".join(md_escape(p) for p in group.places)
        by = f"by {md_escape(group.by)}" if group.by else ""
        lines += ["Event: " + "; ".join(x for x in (where, by) if x), ""]
    for name, article, figs, periods in (
        ("Left", left, group.left, group.left_periods),
        ("Right", right, group.right, group.right_periods),
    ):
        if not figs:
            continue
        lines.append(f"{name}:")
        lines.append("")
        for fig, p in zip(figs, periods or [None] * len(figs), strict=False):
            lines.extend(_cite(article, fig, p))
        lines.append("")
    return lines


def to_markdown(comparison: Comparison, left: Article, right: Article) -> str:
    """An evidence export: every cited figure with outlet, date, sentence and offsets."""
    s = comparison.summary
    lines = [
        "# Comparison",
        "",
        f"- Left: {_describe(left)}",
        f"- Right: {_describe(right)}",
        "",
        "## Summary",
        "",
        f"- Sentences: {s.left_sentences} left, {s.right_sentences} right; {s.same} same, "
        f"{s.similar} similar, {s.left_only} only left, {s.right_only} only right",
        f"- Similarity: {s.similarity:.2f}",
        f"- Passages with differing figures: {s.figure_discrepancies}; figure groups that "
        f"differ: {s.figure_groups_differ}",
        "",
        "## Figures",
        "",
    ]
    if not comparison.figures:
        lines += ["No figures to compare.", ""]
    for group in comparison.figures:
        lines += _group_md(group, left, right)
    flagged = [p for p in comparison.pairs if p.figure_discrepancy]
    if flagged:
        lines += ["## Passages whose figures differ", ""]
        for p in flagged:
            ls, rs = p.left_span, p.right_span
            assert ls is not None and rs is not None
            lines += [
                f"- Left chars {ls[0]}–{ls[1]}: {md_escape(left.text[ls[0] : ls[1]])}",
                f"- Right chars {rs[0]}–{rs[1]}: {md_escape(right.text[rs[0] : rs[1]])}",
            ]
            lines += [f"  - {md_escape(n)}" for n in p.notes]
            lines.append("")
    e = comparison.entities
    lines += ["## Entities", ""]
    for title, rows in (
        ("Shared", e.shared),
        ("Only left", e.left_only),
        ("Only right", e.right_only),
    ):
        names = ", ".join(f"{md_escape(r.canonical)} ({r.left}/{r.right})" for r in rows)
        lines.append(f"- {title}: {names or '—'}")
    lines.append("")
    return "\n".join(lines)
