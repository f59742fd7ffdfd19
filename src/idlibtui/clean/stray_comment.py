"""A reader's comment left at the end of a page without its comment area ("Poor villagers…they
never learn", "lol who believes this!!"): a short last line in a reader's voice (a glued ellipsis,
doubled marks, a first person, chat words) about nothing the report talks of. The report's own
last line shares its words, or quotes someone, or cites a source: those stay."""

from __future__ import annotations

import re

from idlibtui.clean.title_cues import content_words

_VOICE = re.compile(
    r"[a-z]…[a-z]|[a-z]\.\.\.[a-z]|[!?]{2,}|\b(?:lol|lmao|haha+|smh|omg|imho)\b"
    r"|(?:^|\s)(?:I|I'm|I’m|my|me)\s",
    re.I,
)
_REPORT = re.compile(r"[\"“”«»]|\b(?:said|says|told|according|reported)\b", re.I)


def stray_comment(line: str, body: str) -> bool:
    """``line`` (the page's last) is a reader's comment: short, in a reader's voice, and sharing
    no content word with ``body`` (the report above it)."""
    s = line.strip()
    words = s.split()
    if not 2 <= len(words) <= 20 or _REPORT.search(s) or not _VOICE.search(s):
        return False
    body_words = content_words(body)
    return len(body_words) >= 40 and not (content_words(s) & body_words)
