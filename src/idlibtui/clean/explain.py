"""An article with every change the cleaner made and why, as plain text a user can paste.

``explain(article)`` lists, in the order of the raw text, each removed line or span, each
repair (what it was, what stands now) and each kept line the cleaner flagged (possible
boilerplate, truncated text), with its raw line number. Space-only repairs are counted, not
listed: they are many and never a wrong call worth reporting.
"""

from __future__ import annotations

from idlibtui.model import Article

_WIDTH = 90


def visible(text: str, width: int = _WIDTH) -> str:
    """``text`` on one line with every control character shown as an escape, cut to ``width``."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("⏎")
        elif ch == "\t":
            out.append("⇥")
        elif ch.isprintable() or ch in "\u00a0\u2009\u202f":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    s = "".join(out)
    return s if len(s) <= width else s[: width - 1] + "…"


def _line_of(raw: str, pos: int) -> int:
    return raw.count("\n", 0, pos) + 1


def _date_text(article: Article) -> str:
    """The date as the JSON states it: the day, a range ("after 2015-01-01") or "unknown";
    never the start of an open range printed as if it were the day."""
    if article.date is None:
        return "unknown"
    from idlibtui.datelabel import article_date_text
    from idlibtui.serialize import _shown_date

    lo, hi = article.date_earliest, article.date_latest
    if _shown_date(article) is None:  # the JSON states no day: say the range it gives
        if lo is not None and hi is not None:
            return f"{lo.isoformat()} – {hi.isoformat()} (estimated)"
        if lo is not None:
            return f"after {lo.isoformat()} (estimated)"
        if hi is not None:
            return f"before {hi.isoformat()} (estimated)"
        return "unknown (estimated)"

    return article_date_text(article)


def explain(article: Article) -> str:
    """The cleaned article followed by the list of changes, one per line."""
    raw = article.raw
    head = [
        f"Title:    {visible(article.title)}",
        f"Language: {article.lang or 'unknown'}",
    ]
    if article.source:
        head.append(f"Outlet:   {visible(article.source)}")
    head.append(f"Date:     {_date_text(article)}")
    lines = [*head, "", "──── cleaned article " + "─" * 30]
    for block in article.blocks:
        kind = block.kind.value
        text = article.text[block.start : block.end]
        lines.append(f"[{kind}] " + "".join(ch if ch.isprintable() else " " for ch in text))
    changes = []
    spaces = 0
    # every repair, not only the outermost: a removed line is later swallowed by the paragraph
    # break that closes the gap, and it is the removal a user wants to see
    for r in sorted(article.repairs, key=lambda r: (r.raw_start, r.raw_end)):
        where = f"L{_line_of(raw, r.raw_start)}"
        if r.kind == "flag":
            end = raw.find("\n", r.raw_start)
            kept = raw[r.raw_start : end if end >= 0 else len(raw)]
            changes.append(f"{where:>6}  kept     {r.note}: {visible(kept.strip(), 70)}")
        elif r.kind == "space":
            spaces += 1
        elif r.replacement == "":
            changes.append(f"{where:>6}  removed  {r.kind}: {r.note}: {visible(r.raw.strip(), 70)}")
        else:
            changes.append(
                f"{where:>6}  repaired {r.kind}: {r.note}: "
                f"{visible(r.raw, 40)} → {visible(r.replacement, 40)}"
            )
    lines += ["", f"──── changes ({len(changes)}, and {spaces} to spaces) " + "─" * 20]
    lines += changes or ["(none)"]
    return "\n".join(lines) + "\n"
