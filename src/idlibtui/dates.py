"""Date expressions in free text. PLACEHOLDER until the figures-and-entities work lands."""

from __future__ import annotations

import datetime as dt


def infer_article_date(text: str) -> tuple[dt.date | None, str]:
    """Best estimate of when an undated article was written, and the evidence for it."""
    return None, ""
