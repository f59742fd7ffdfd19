"""An article's figures as the index stores them: by column, not figure after figure.

A figure is a dict of some twenty fields, most of them empty in most figures; stored as a JSON
list of dicts (every key in every figure) the figures were the index's largest column. Here they
are one JSON object: the keys once (``k``, in the figures' own order), each field either one
value that every figure shares (``c``) or a list with a value per figure (``v``), and a figure's
``text`` left out (null) where it is the article's text at ``start:end`` (``decode`` puts it
back). A third less after compression than the list of dicts, on the benchmark's corpus.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

_TEXT, _START, _END = "text", "start", "end"


def encode(figures: list[dict[str, Any]], text: str) -> bytes:
    """``figures`` (dicts with the same keys, JSON values) as compact JSON bytes."""
    if not figures:
        return b"[]"
    keys = list(figures[0])
    return encode_columns(keys, [[f[key] for f in figures] for key in keys], text)


def encode_columns(keys: Sequence[str], columns: Sequence[list[Any]], text: str) -> bytes:
    """``encode`` of figures given by field: ``columns[i]`` holds every figure's value of
    ``keys[i]`` (JSON values), one list per key; the same bytes as ``encode`` of the dicts."""
    if not columns or not columns[0]:
        return b"[]"
    keys = list(keys)
    shared: dict[str, Any] = {}
    varied: dict[str, list[Any]] = {}
    by_key = dict(zip(keys, columns, strict=True))
    for key, values in by_key.items():
        if key == _TEXT and _START in by_key and _END in by_key:
            values = [
                None if v == text[a:b] else v
                for v, a, b in zip(values, by_key[_START], by_key[_END], strict=True)
            ]
        first = values[0]
        kind = type(first)
        # (a count below all of them: some value differs; else the exact test, which == and
        # type decide as before)
        if values.count(first) == len(values) and all(
            v == first and type(v) is kind for v in values
        ):
            shared[key] = first
        else:
            varied[key] = values
    out = {"k": keys, "n": len(columns[0]), "c": shared, "v": varied}
    return json.dumps(out, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def decode(raw: bytes, text: str) -> list[dict[str, Any]]:
    """The figures ``encode`` stored (or a plain JSON list of figure dicts), as dicts."""
    data = json.loads(raw) if raw else []
    if isinstance(data, list):
        return data
    keys, n, shared, columns = data["k"], data["n"], data["c"], data["v"]
    figures = [{k: (shared[k] if k in shared else columns[k][i]) for k in keys} for i in range(n)]
    if _TEXT in keys:
        for f in figures:
            if f[_TEXT] is None:
                f[_TEXT] = text[f[_START] : f[_END]]
    return figures
