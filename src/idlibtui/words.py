"""Counted nouns for messages: "1 figure", "2 figures" (never "1 figures" or "file(s)")."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and ``noun`` in the right number, with thousands separated: ``1,204 articles``.

    ``many`` is the plural when it is not ``noun + "s"`` (``plural(2, "match", "matches")``).
    """
    word = noun if count == 1 else (many or noun + "s")
    return f"{count:,} {word}"
