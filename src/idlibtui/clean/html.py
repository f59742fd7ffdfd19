"""HTML: whole documents (``is_html``) and tags left in text files.

Works on the :class:`EditText` directly (a tokenizer, not a DOM), so every removed tag and element
is a recorded repair with exact raw offsets.
"""

from __future__ import annotations

import html as _html
import re
from bisect import bisect_right

from idlibtui.clean.edits import Edit, EditText
from idlibtui.clean.stamps import parse_date
from idlibtui.clean.structure import Info
from idlibtui.model import BlockKind

_RAW_TEXT = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|noscript|template|svg|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![A-Za-z][^>]*>|<\?[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)(/?)>")
_DROP_ELEMENTS = frozenset(
    [
        "head",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "iframe",
        "select",
        "figcaption",
        "menu",
        "dialog",
        "object",
        "embed",
        "video",
        "audio",
        "canvas",
        "map",
    ]
)
_DROP_CLASS = re.compile(
    r"""(?:class|id|role|aria-label)\s*=\s*["'][^"']*\b(?:related|promo|newsletter|share|sharing|
    social|comments?|advert\w*|ad-slot|ad-container|breadcrumbs?|subscribe|cookie\w*|sidebar|
    most-read|recommend\w*|byline|dateline|timestamp|navigation|banner|caption|credit)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "blockquote",
        "section",
        "article",
        "header",
        "main",
        "hr",
        "pre",
        "figure",
        "address",
        "center",
        "title",
        "body",
        "html",
    ]
)
_VOID = frozenset(
    [
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
        "param",
    ]
)
_HEADINGS = {
    "h1": BlockKind.TITLE,
    "h2": BlockKind.HEADING,
    "h3": BlockKind.HEADING,
    "h4": BlockKind.HEADING,
}
# Tags left inside text files: only real HTML element names, so "<40%" and "<3" stay text.
_KNOWN = (
    "a|abbr|article|aside|b|blockquote|body|br|center|cite|code|dd|div|dl|dt|em|figcaption|"
    "figure|font|footer|h[1-6]|head|header|hr|html|i|iframe|img|li|link|main|mark|meta|nav|ol|p|"
    "picture|pre|q|s|section|small|source|span|strike|strong|sub|sup|table|tbody|td|th|thead|"
    "time|title|tr|u|ul|video|audio|ins|del|label|input|button|form|noscript"
)
_STRAY_TAG = re.compile(
    r"<(/?)("
    + _KNOWN
    + r")\b((?:\s+[^<>]*)?)/?>|<!--.*?-->|</?[A-Za-z]{1,8}:[A-Za-z]{1,20}\b[^<>]*>"
    r"|<(script|style)\b[^>]*>.*?</\4\s*>",
    re.IGNORECASE | re.DOTALL,
)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)

_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
)


def _plain(fragment: str) -> str:
    text = re.sub(r"<[^>]*>", " ", fragment)
    return re.sub(r"\s+", " ", _html.unescape(text)).strip()


def _page_title(title: str) -> str:
    """ "Headline | Section | Outlet" → "Headline"."""
    from idlibtui.clean import outlets

    parts = re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]*$)", title)
    if len(parts) > 1 and (outlets.lookup(parts[-1]) is not None or " | " in title):
        return parts[0].strip()
    return title


def read_head(raw: str, info: Info) -> None:
    """Metadata from <title> and <meta>: title, outlet, publication date."""
    head = raw[:200_000]
    metas: dict[str, str] = {}
    for m in _META.finditer(head):
        attrs = {}
        for a in _ATTR.finditer(m.group(0)):
            attrs[a.group(1).lower()] = a.group(2) or a.group(3) or a.group(4) or ""
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs:
            metas.setdefault(key, _html.unescape(attrs["content"]).strip())
    for key in _DATE_KEYS:
        if key in metas:
            d = parse_date(metas[key])
            if d is not None:
                info.claim_date(d, "HTML meta", f"HTML meta {key}={metas[key]}")
                break
    if metas.get("og:site_name"):
        from idlibtui.clean import outlets

        found = outlets.lookup(metas["og:site_name"])
        info.set_source(found.name if found else metas["og:site_name"][:60], "HTML og:site_name")
    if not info.date_claims:
        t = re.search(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)", raw[:500_000], re.I)
        if t:
            d = parse_date(t.group(1))
            if d is not None:
                info.claim_date(d, "HTML meta", f"HTML <time datetime={t.group(1)}>")
    tm = _TITLE.search(head)
    if tm:
        info.title = _page_title(_plain(tm.group(1)))[:300]
    elif metas.get("og:title"):
        info.title = metas["og:title"][:300]


def html_document(doc: EditText, info: Info) -> None:
    """Reduce a whole HTML document to lines of text, recording headings by raw span."""
    read_head(doc.raw, info)
    doc.sub(_RAW_TEXT, "", "html", lambda m: "HTML comment, script or style")
    _drop_elements(doc, info)
    # Whitespace inside HTML text is a single space; lines come from block tags.
    doc.sub(re.compile(r"[ \t\r\n\f]{2,}|[\t\r\n\f]"), " ", "html", "HTML whitespace")
    tags = list(_TAG.finditer(doc.text))
    _type_headings(doc, info, tags)
    doc.apply(
        [
            Edit(m.start(), m.end(), "\n" if m.group(2).lower() in _BLOCK else "", "html", "tag")
            for m in tags
        ]
    )


def _element_end(tags: list[re.Match[str]], same: list[int], idx: int) -> int | None:
    """Where the element opened by ``tags[idx]`` ends (nested same-name tags counted), or None
    when it is never closed; ``same`` is the sorted indexes of the tags of its name."""
    depth = 1
    for t in (tags[k] for k in same[bisect_right(same, idx) :]):
        if t.group(4):
            continue
        depth += -1 if t.group(1) else 1
        if depth == 0:
            return t.end()
    return None


def _caption_credit(caption: str, info: Info) -> None:
    """A dropped caption's credit (or the short caption itself) is kept as the photo credit."""
    credit = re.search(
        r"(?:Photograph|Photo|Picture|Image|Video|Credit)s?\s*(?::|by)\s*.+$", caption
    )
    if credit:
        info.add_credit(credit.group(0))
    elif caption and len(caption) <= 200:
        info.add_credit(caption)


def _drop_elements(doc: EditText, info: Info) -> None:
    """Drop whole elements that are never article text (navigation, asides, captions …)."""
    text = doc.text
    tags = list(_TAG.finditer(text))
    by_name: dict[str, list[int]] = {}
    for idx, t in enumerate(tags):
        by_name.setdefault(t.group(2).lower(), []).append(idx)
    edits: list[Edit] = []
    skip_until = -1
    for idx, m in enumerate(tags):
        if m.start() < skip_until or m.group(1):
            continue
        name = m.group(2).lower()
        attrs = m.group(3) or ""
        if name in _VOID or m.group(4):
            continue
        if not (name in _DROP_ELEMENTS or _DROP_CLASS.search(attrs)):
            continue
        end = _element_end(tags, by_name[name], idx)
        if end is None:
            continue
        if name == "figcaption" or "caption" in attrs.lower() or "credit" in attrs.lower():
            _caption_credit(_plain(text[m.end() : end]), info)
        edits.append(Edit(m.start(), end, "", "html", f"<{name}> element"))
        skip_until = end
    doc.apply(edits)


def _type_headings(doc: EditText, info: Info, tags: list[re.Match[str]]) -> None:
    """Remember the raw span of each heading's content; the first <h1> is the title."""
    text = doc.text
    for idx, m in enumerate(tags):
        name = m.group(2).lower()
        if m.group(1) or name not in _HEADINGS:
            continue
        close = next(
            (t for t in tags[idx + 1 :] if t.group(1) and t.group(2).lower() == name), None
        )
        if close is None:
            continue
        content = text[m.end() : close.start()]
        if not _plain(content):
            continue
        info.typed_raw.append((doc.raw_pos(m.start()), doc.raw_pos(close.start()), _HEADINGS[name]))
        if name == "h1" and not any(k is BlockKind.TITLE for _a, _b, k in info.typed_raw[:-1]):
            info.title = _plain(content)


def stray_tags(doc: EditText) -> None:
    """Tags, comments and scripts left inside a text file."""

    def repl(m: re.Match[str]) -> str:
        name = (m.group(2) or "").lower()
        if name in ("br", "p"):
            # a paragraph break: a blank line, so that unwrapping a hard-wrapped text keeps it
            return "\n\n"
        if name in _BLOCK:
            return "\n"
        return ""

    doc.sub(_STRAY_TAG, repl, "html", lambda m: "HTML left in text")
