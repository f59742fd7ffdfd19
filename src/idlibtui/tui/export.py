"""Export the comparison on screen to a Markdown file the user can find and keep.

The file goes to the working folder (where the user started idlibtui, as a download would),
named after both articles; an existing file is never overwritten (``-2``, ``-3``… follow).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from idlibtui.model import Article


def _slug(article: Article) -> str:
    base = article.id or Path(article.path).stem or "article"
    return re.sub(r"[^A-Za-z0-9_-]+", "-", base).strip("-")[:40] or "article"


def free_path(folder: Path, stem: str, suffix: str = ".md") -> Path:
    """``folder/stem.md``, or ``stem-2.md``… when that name is taken."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def export_markdown(
    comparison: Any, left: Article, right: Article, folder: Path | None = None
) -> Path:
    """Write ``comparison`` as Markdown; return the file's path. Raises OSError."""
    from idlibtui.compare.export import to_markdown

    text = to_markdown(comparison, left, right)
    target = free_path(folder or Path.cwd(), f"compare-{_slug(left)}-{_slug(right)}")
    with target.open("x", encoding="utf-8") as out:  # "x": never over another file
        out.write(text)
    return target.resolve()
