"""Metadata that comes with the articles: what the scraper knew, kept and marked as supplied.

A corpus may carry, for each article, its URL, title, date and outlet:

- a **sidecar** beside the article file: ``report.txt`` + ``report.json`` (``{"url": …,
  "title": …, "date": "2020-01-29", "outlet": …}``; ``source``/``site`` are read as ``outlet``,
  ``published``/``published_at`` as ``date``);
- **front matter** at the top of a text file, between ``---`` lines, as ``key: value`` lines;
- a **collection** in one file: JSON Lines or CSV with ``url``, ``title``, ``date``, ``outlet``
  and ``text`` (or ``html``) columns, or a WARC/WACZ web archive (with ``warcio`` installed):
  ``idlibtui import`` writes each record as an article file with its sidecar, so the index keeps
  one file per article.

Supplied metadata beats inference. A URL is evidence too: its date path (``/2020/01/29/``,
``/20200129-``) is a claim of the day, its domain names the outlet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from idlibtui.annotate.dates import MONTHS

_KEYS = {
    "url": "url", "link": "url", "uri": "url", "target_uri": "url",
    "title": "title", "headline": "title",
    "date": "date", "published": "date", "published_at": "date", "publication_date": "date",
    "pubdate": "date", "datetime": "date",
    "outlet": "outlet", "source": "outlet", "site": "outlet", "site_name": "outlet",
    "publisher": "outlet",
    "lang": "lang", "language": "lang",
}  # fmt: skip
MAX_FIELD = 2_000  # a metadata value longer than this is not metadata


@dataclass(frozen=True, slots=True)
class Supplied:
    """What came with an article; every field optional."""

    url: str = ""
    title: str = ""
    date: dt.date | None = None
    outlet: str = ""
    lang: str = ""
    where: str = ""  # "sidecar report.json", "front matter", "collection x.jsonl, record 3"

    @property
    def empty(self) -> bool:
        return not (self.url or self.title or self.date or self.outlet or self.lang)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    from idlibtui.clean.stamps import find_full_date

    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    found = find_full_date(value)
    return found[0] if found else None


def from_mapping(data: dict, where: str) -> Supplied:
    """The known keys of a mapping (case-insensitive); other keys are ignored."""
    fields: dict[str, object] = {}
    for key, value in data.items():
        name = _KEYS.get(str(key).strip().lower())
        if name is None or name in fields or value in (None, ""):
            continue
        if isinstance(value, str) and len(value) > MAX_FIELD:
            continue
        fields[name] = value
    from idlibtui.textsafe import printable

    def text(name: str) -> str:
        value = fields.get(name)
        return printable(str(value)).strip() if value is not None else ""

    return Supplied(
        url=text("url"),
        title=text("title"),
        date=_date(fields.get("date")),
        outlet=text("outlet"),
        lang=text("lang")[:8],
        where=where,
    )


def read_sidecar(article_path: Path) -> Supplied | None:
    """The sidecar ``<name>.json`` beside an article file, or None (a broken one is ignored:
    the article is still read, without it)."""
    side = article_path.with_suffix(".json")
    if side == article_path or not side.is_file():
        return None
    try:
        if side.stat().st_size > 1_000_000:
            return None
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    found = from_mapping(data, f"sidecar {side.name}")
    return None if found.empty else found


_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>(?:[^\n]*\n){1,40}?)---[ \t]*\r?\n")
_FRONT_LINE = re.compile(r"^\s*(?P<k>[A-Za-z_][\w-]*)\s*:\s*(?P<v>.*?)\s*$")


def split_front_matter(text: str) -> tuple[Supplied | None, int]:
    """Front matter at the top of ``text`` and where the article begins after it."""
    m = _FRONT.match(text)
    if m is None:
        return None, 0
    data: dict[str, str] = {}
    for line in m.group("body").splitlines():
        lm = _FRONT_LINE.match(line)
        if lm is None:
            if line.strip():
                return None, 0  # not key: value lines: an ordinary text that opens with ---
            continue
        data[lm.group("k")] = lm.group("v").strip().strip("\"'")
    found = from_mapping(data, "front matter")
    return (None, 0) if found.empty else (found, m.end())


# --- URLs ------------------------------------------------------------------------------------

_URL_DATES = [
    re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])"),
    re.compile(r"/((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:/|$|[-_.])"),
    re.compile(r"[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"),
]
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
_SLUG_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# a day written in words in a slug: "…-on-february-27-2020", "…-27-february-2020"
_SLUG_DATES = [
    (
        re.compile(
            rf"(?:^|[-_/]){_SLUG_MONTH}[-_](\d{{1,2}})(?:st|nd|rd|th)?[-_]((?:19|20)\d\d)(?=$|[-_/.])",
            re.I,
        ),
        (3, 1, 2),
    ),
    (
        re.compile(
            rf"(?:^|[-_/])(\d{{1,2}})(?:st|nd|rd|th)?[-_]{_SLUG_MONTH}[-_]((?:19|20)\d\d)(?=$|[-_/.])",
            re.I,
        ),
        (3, 2, 1),
    ),
]
# a month path with a story number that starts with the day: /2018/09/…-180909191237537.html
_URL_MONTH_ID = re.compile(
    r"/(?:19|20)(\d\d)/(0?[1-9]|1[0-2])/(?:[^/]*[-_/])?(\d\d)(\d\d)(\d\d)\d{6,}(?:\.\w+)?/?$"
)


def url_date(url: str) -> tuple[dt.date, str] | None:
    """The day (or the month's first day, with precision "month") a URL's path names."""
    path = urlsplit(url).path if "://" in url else url
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
            except ValueError:
                continue
    for pattern, (y, mo, d) in _SLUG_DATES:
        m = pattern.search(path)
        if m:
            month = MONTHS.get(m.group(mo).lower()[:3])
            day = _safe_day(int(m.group(y)), month, int(m.group(d))) if month else None
            if day is not None:
                return day, "day"
    m = _URL_MONTH_ID.search(path)
    if m and m.group(3) == m.group(1) and int(m.group(4)) == int(m.group(2)):
        day = _safe_day(2000 + int(m.group(1)), int(m.group(2)), int(m.group(5)))
        if day is not None:  # the id's year and month agree with the path's
            return day, "day"
    m = _URL_MONTH.search(path)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), 1), "month"
    return None


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def url_outlet(url: str) -> str:
    """The outlet a URL's domain names: a known outlet's name, else the bare domain."""
    host = (urlsplit(url).hostname or "") if "://" in url else ""
    host = re.sub(r"^(?:www\d?|m|amp|mobile|en|english|edition)\.", "", host.lower())
    if not host:
        return ""
    from idlibtui.clean import outlets

    for candidate in (host, host.split(".")[0]):
        found = outlets.lookup(candidate)
        if found is not None:
            return found.name
    return host


# --- collections ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a collection: its text (or HTML) and what came with it."""

    key: str
    text: str
    is_html: bool
    supplied: Supplied


class CollectionError(ValueError):
    """A collection that cannot be read, in words a user understands."""


COLLECTION_SUFFIXES = (
    ".jsonl",
    ".ndjson",
    ".jsonl.gz",
    ".csv",
    ".tsv",
    ".warc",
    ".warc.gz",
    ".wacz",
)


def is_collection(path: Path) -> bool:
    """Whether ``path`` names a collection file (by its suffix)."""
    return path.name.lower().endswith(COLLECTION_SUFFIXES)


def iter_collection(path: Path) -> Iterator[Record]:
    """The articles of a JSON Lines, CSV or WARC/WACZ collection; records without text are
    skipped. Raises ``CollectionError`` for an unreadable file or format."""
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        yield from _jsonl(path)
    elif name.endswith((".csv", ".tsv")):
        yield from _csv(path)
    elif name.endswith((".warc", ".warc.gz", ".wacz")):
        yield from _warc(path)
    else:
        raise CollectionError(f"{path}: not a collection (.jsonl, .csv, .tsv, .warc, .wacz)")


def _open_text(path: Path) -> io.TextIOBase:
    try:
        if path.name.lower().endswith(".gz"):
            import gzip

            return io.TextIOWrapper(gzip.open(path), encoding="utf-8", errors="replace")
        return path.open(encoding="utf-8", errors="replace", newline="")
    except OSError as exc:
        raise CollectionError(f"{path}: {exc.strerror or exc}") from exc


def _record(data: dict, where: str, key: str) -> Record | None:
    html = data.get("html") or data.get("content_html")
    text = data.get("text") or data.get("content") or data.get("body")
    body = text if isinstance(text, str) and text.strip() else html
    if not isinstance(body, str) or not body.strip():
        return None
    return Record(key, body, body is html, from_mapping(data, where))


def _jsonl(path: Path) -> Iterator[Record]:
    with _open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError:
                continue  # a broken line is skipped; the rest are read
            if isinstance(data, dict):
                rec = _record(data, f"{path.name}, record {n}", f"{n:06d}")
                if rec is not None:
                    yield rec


def _csv(path: Path) -> Iterator[Record]:
    csv.field_size_limit(50_000_000)
    with _open_text(path) as fh:
        dialect = "excel-tab" if path.name.lower().endswith(".tsv") else "excel"
        for n, row in enumerate(csv.DictReader(fh, dialect=dialect), 1):
            rec = _record(dict(row), f"{path.name}, row {n}", f"{n:06d}")
            if rec is not None:
                yield rec


def _warc(path: Path) -> Iterator[Record]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise CollectionError(
            "reading web archives needs warcio: pip install 'idlibtui[warc]'"
        ) from exc
    streams: list = []
    if path.name.lower().endswith(".wacz"):
        import zipfile

        try:
            archive = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise CollectionError(f"{path}: not a WACZ archive ({exc})") from exc
        streams = [archive.open(n) for n in archive.namelist() if ".warc" in n.lower()]
    else:
        streams = [path.open("rb")]
    n = 0
    for stream in streams:
        with stream:
            for rec in ArchiveIterator(stream):
                if rec.rec_type != "response":
                    continue
                ctype = (
                    (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
                )
                if "html" not in ctype.lower():
                    continue
                data = rec.content_stream().read(10_000_000)
                from idlibtui.ingest import decode_bytes

                try:
                    text, _ = decode_bytes(data)
                except ValueError:
                    continue
                n += 1
                url = rec.rec_headers.get_header("WARC-Target-URI") or ""
                day = rec.rec_headers.get_header("WARC-Date") or ""
                # the crawl's day is when the page was saved, not when it was written: kept out
                supplied = Supplied(url=url, where=f"{path.name}, record {n} (crawled {day[:10]})")
                yield Record(f"{n:06d}", text, True, supplied)


def import_collection(path: Path, corpus: Path) -> tuple[int, int]:
    """Write each record of a collection into ``corpus/<collection>/`` as an article file with
    its sidecar; returns ``(written, skipped)``. Existing files of the same name are replaced,
    so importing a collection again updates it."""
    folder = corpus / re.sub(r"[^\w.-]+", "_", path.name.split(".")[0])
    folder.mkdir(parents=True, exist_ok=True)
    written = skipped = 0
    for rec in iter_collection(path):
        suffix = ".html" if rec.is_html else ".txt"
        target = folder / f"{rec.key}{suffix}"
        try:
            target.write_text(rec.text, encoding="utf-8")
            meta = {
                k: v
                for k, v in {
                    "url": rec.supplied.url,
                    "title": rec.supplied.title,
                    "date": rec.supplied.date.isoformat() if rec.supplied.date else "",
                    "outlet": rec.supplied.outlet,
                    "lang": rec.supplied.lang,
                    "imported_from": rec.supplied.where,
                }.items()
                if v
            }
            target.with_suffix(".json").write_text(
                json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            written += 1
        except OSError:
            skipped += 1
    return written, skipped
