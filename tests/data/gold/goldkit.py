"""Writes a hand-made gold set (tuples in a generator script) as the JSON the scorer reads."""

from __future__ import annotations

import json
from pathlib import Path

FIGURE_KEYS = ("text", "occurrence", "kind", "value", "what", "qualifier", "date")
ENTITY_KEYS = ("text", "type", "canonical", "count")


def write_gold(docs: list[dict], filename: str) -> None:
    out = [
        {
            "id": doc["id"],
            "article_date": doc["article_date"],
            "text": doc["text"],
            "figures": [dict(zip(FIGURE_KEYS, f, strict=True)) for f in doc["figures"]],
            "entities": [dict(zip(ENTITY_KEYS, e, strict=True)) for e in doc["entities"]],
        }
        for doc in docs
    ]
    path = Path(__file__).with_name(filename)
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
