"""Articles as JSON-ready dicts, shared by ``clean``, ``show`` and ``search``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any

from idlibtui.model import Article

PRECISE_DAYS = 7  # an estimate narrower than this is given as a day (annotate.dating)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _shown_date(article: Article) -> str | None:
    """The day to state: None for an estimate wider than a week (``date_range`` has it)."""
    if article.date is None:
        return None
    if article.date_kind == "estimated":
        lo, hi = article.date_earliest, article.date_latest
        if lo is None or hi is None:
            return None
        if (hi - lo).days > PRECISE_DAYS:
            # a calendar month (a page that states only its month): the month, ISO 8601
            whole_month = lo.day == 1 and (hi + dt.timedelta(days=1)).day == 1
            if whole_month and (lo.year, lo.month) == (hi.year, hi.month):
                return lo.isoformat()[:7]
            return None
    return article.date.isoformat()


def article_to_dict(article: Article, *, include_raw: bool = False) -> dict[str, Any]:
    """Everything about an article as plain JSON types (dates ISO, blocks as kind/start/end)."""
    out: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "source_evidence": article.source_evidence,
        "date": _shown_date(article),
        "date_best": article.date.isoformat() if article.date else None,
        "date_kind": article.date_kind or ("unknown" if article.date is None else "stated"),
        "date_range": [_iso(article.date_earliest), _iso(article.date_latest)],
        "date_inferred": article.date_inferred,
        "date_evidence": article.date_evidence,
        "date_claims": [_plain(c) for c in article.date_claims],
        "agency": article.agency,
        "url": article.url,
        "lang": article.lang,
        "dateline": article.dateline,
        "photo_credit": article.photo_credit,
        "encoding": article.encoding,
        "word_count": article.word_count,
        "text": article.text,
        "blocks": [
            {"kind": _plain(b.kind), "start": b.start, "end": b.end} for b in article.blocks
        ],
        "repairs": [_plain(r) for r in article.repairs],
        "figures": [_plain(f) for f in article.figures],
        "entities": [_plain(m) for m in article.entities],
    }
    if include_raw:
        out["raw"] = article.raw
    return out
