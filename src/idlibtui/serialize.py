"""Articles as JSON-ready dicts, shared by ``clean``, ``show`` and ``search``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any

from idlibtui.model import Article


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


def article_to_dict(article: Article, *, include_raw: bool = False) -> dict[str, Any]:
    """Everything about an article as plain JSON types (dates ISO, blocks as kind/start/end)."""
    out: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "source_evidence": article.source_evidence,
        "date": article.date.isoformat() if article.date else None,
        "date_inferred": article.date_inferred,
        "date_evidence": article.date_evidence,
        "dateline": article.dateline,
        "photo_credit": article.photo_credit,
        "encoding": article.encoding,
        "lang": article.lang,
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
