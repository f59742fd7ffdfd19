"""From an annotated article to a document the writer can file without analyzing it again.

``article_fields`` maps an ``Article`` to the stored and indexed values of ``search/schema.py``;
``prepare_document`` then does what Whoosh's ``add_document`` would do to them (analysis into
``(length, terms, weights, values)`` per field, column values compressed) in the pool workers,
in parallel. Depends on Whoosh 2.7.5's posting encodings (``formats.Positions``: a count then a
pickled list of position deltas; ``formats.Frequency``: a packed count) and column types; a test
compares the files written this way with Whoosh's own, byte for byte.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import operator
import pickle
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from whoosh import columns, formats
from whoosh import fields as wfields
from whoosh.analysis import IDTokenizer
from whoosh.system import pack_uint

from idlibtui.model import Article, Figure
from idlibtui.search import figure_codec
from idlibtui.search.schema import build_schema


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(type(value))


_FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(Figure))
_FIGURE_VALUES = operator.attrgetter(*_FIGURE_FIELDS)
_FIGURE_DATE_FIELDS = tuple(f.name for f in dataclasses.fields(Figure) if "date" in str(f.type))


def _figure_dicts(article: Article) -> list[dict[str, Any]]:
    """The article's figures as dicts of JSON values (dates as ISO strings), every field."""
    names = _FIGURE_FIELDS
    figs = [dict(zip(names, _FIGURE_VALUES(f), strict=True)) for f in article.figures]
    for fig in figs:
        for key in _FIGURE_DATE_FIELDS:  # (the only fields that can hold a date)
            value = fig[key]
            if isinstance(value, dt.date | dt.datetime):
                fig[key] = _json_default(value)
    return figs


def _figure_columns(article: Article) -> list[list[Any]]:
    """The article's figures by field (``_FIGURE_FIELDS`` order): each field's values as JSON
    values, dates as ISO strings; what ``_figure_dicts`` holds, transposed."""
    if not article.figures:
        return []
    cols = [list(values) for values in zip(*map(_FIGURE_VALUES, article.figures), strict=True)]
    for i in _FIGURE_DATE_COLUMNS:
        col = cols[i]
        if col.count(None) != len(col):
            cols[i] = [_json_default(v) if isinstance(v, dt.date | dt.datetime) else v for v in col]
    return cols


_FIGURE_DATE_COLUMNS = tuple(_FIGURE_FIELDS.index(name) for name in _FIGURE_DATE_FIELDS)


def figures_json(article: Article) -> bytes:
    """The article's figures as compact JSON (dates as ISO strings); every field is present."""
    return json.dumps(
        _figure_dicts(article), default=_json_default, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def article_fields(article: Article, *, size: int, mtime: float, sha256: str, version: str) -> dict:
    """The document Whoosh stores for one article."""
    from idlibtui.search.highlight import index_terms

    text = article.text or ""
    title = article.title or ""
    full = text if (not title or title in text[: len(title) + 400]) else f"{title}\n{text}"
    lang = article.lang or ""  # each article's words analysed for its language
    body_stems, words = index_terms(full, lang)
    seen: dict[str, list] = {}
    for mention in article.entities:
        name = " ".join(mention.canonical.replace(",", " ").split())
        if not name:
            continue
        if name in seen:
            seen[name][2] += 1
        else:
            seen[name] = [name, mention.type, 1]
    doc: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "title": title,
        "t": index_terms(title, lang)[0],
        "b": body_stems,
        "plain": " ".join(sorted(words)),
        "source": article.source or "",
        "date_inferred": bool(article.date_inferred),
        "date_kind": article.date_kind or "",
        "date_range": [
            d.isoformat() if d else "" for d in (article.date_earliest, article.date_latest)
        ],
        "agency": article.agency or "",
        "lang": article.lang or "",
        "url": article.url or "",
        "entity_kinds": "\x1f".join(f"{kind}:{count}" for _name, kind, count in seen.values()),
        "dateline": article.dateline or "",
        "word_count": article.word_count,
        "text_col": text.encode("utf-8"),
        "figures_col": figure_codec.encode_columns(_FIGURE_FIELDS, _figure_columns(article), text),
        "entity_col": "\x1f".join(seen).encode("utf-8"),
        "size": int(size),
        "mtime": float(mtime),
        "sha256": sha256,
        "version": version,
    }
    if seen:
        doc["entity"] = ",".join(seen)
    if article.date is not None:
        doc["date"] = dt.datetime.combine(article.date, dt.time.min)
        doc["year"] = f"{article.date.year:04d}"
        doc["month"] = f"{article.date.year:04d}-{article.date.month:02d}"
        doc["day"] = article.date.isoformat()
    return doc


_FREQ_BYTES = [pack_uint(n) for n in range(256)]
_SCHEMA = None


def _schema():
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = build_schema()
    return _SCHEMA


@dataclass(frozen=True, slots=True)
class PreparedDoc:
    """One document for the writer, ready to file: its stored values, every indexed field's
    postings as ``(length, terms, weights, values)`` (what ``Field.index`` yields, term bytes
    first) and every column value (zlib-compressed already where the column compresses)."""

    stored: dict[str, Any]
    postings: dict[str, tuple[int, list[bytes], list[float], list[bytes]]]
    columns: dict[str, Any]
    packed: frozenset[str] = frozenset()  # column values compressed already


# Most terms occur once in a document: the pickled one-position lists, by position. Each value
# is made a new object (the count joined to the cached pickle): the writer pickles blocks of
# values, and one object shared between them would be pickled as a back-reference, changing
# the bytes of the postings file.
_ONE_POSITION: dict[int, bytes] = {}
_ONE_POSITION_MAX = 1 << 16
_PACKED_ONE = pack_uint(1)


def _position_bytes(plist: list[int]) -> bytes:
    """``formats.Positions``' value of one term: the count, then the pickled position deltas."""
    if len(plist) == 1:
        pos = plist[0]
        pickled = _ONE_POSITION.get(pos)
        if pickled is None:
            pickled = pickle.dumps(plist, 2)
            if pos < _ONE_POSITION_MAX:
                _ONE_POSITION[pos] = pickled
        return _PACKED_ONE + pickled
    deltas = [plist[0], *map(operator.sub, plist[1:], plist)]
    return pack_uint(len(plist)) + pickle.dumps(deltas, 2)


def _split_postings(fieldobj, value: str):
    """``fieldobj.index(value)`` for a field whose analyzer splits on spaces (``pre_analyzed``),
    without Token objects; ``None`` for a format this does not know."""
    fmt = fieldobj.format
    fb = fmt.field_boost
    kind = type(fmt)
    words = value.split(" ")
    if "" in words:
        words = [w for w in words if w]
    if kind is formats.Positions:
        # (a defaultdict: no empty list made per word; terms in order of first occurrence)
        poses: defaultdict[str, list[int]] = defaultdict(list)
        length = len(words)
        if "|" in value:  # terms sharing a position (schema.PreAnalyzedTokenizer)
            for n, word in enumerate(words):
                if "|" in word:
                    alts = word.split("|")
                    length += len(alts) - 1
                    for alt in alts:
                        poses[alt].append(n)
                else:
                    poses[word].append(n)
        else:
            for n, word in enumerate(words):
                poses[word].append(n)
        terms = [w.encode("utf-8") for w in poses]
        weights = [len(plist) * fb for plist in poses.values()]
        return length, terms, weights, list(map(_position_bytes, poses.values()))
    if kind is formats.Frequency:
        counts = Counter(words)
        terms = [w.encode("utf-8") for w in counts]
        weights = [c * fb for c in counts.values()]
        values = [_FREQ_BYTES[c] if c < 256 else pack_uint(c) for c in counts.values()]
        return len(words), terms, weights, values
    return None


def _field_postings(fieldobj, value: Any):
    """``(length, terms, weights, values)`` of one indexed value, as ``add_document`` gets them."""
    items = list(fieldobj.index(value))
    length = sum(item[1] for item in items) if fieldobj.scorable else 0
    return (
        length,
        [item[0] for item in items],
        [item[2] for item in items],
        [item[3] or b"" for item in items],
    )


def _whole_value_term(fieldobj) -> bool:
    """An ``ID`` field as Whoosh makes it: the whole value is its one term, presence only."""
    return (
        type(fieldobj) is wfields.ID
        and type(fieldobj.analyzer) is IDTokenizer
        and type(fieldobj.format) is formats.Existence
        and not fieldobj.scorable
    )


def _splits_on_spaces(fieldobj) -> bool:
    from idlibtui.search.schema import PRE_ANALYZED_PATTERN

    ana = fieldobj.analyzer
    return getattr(ana, "expression", None) is not None and (
        ana.expression.pattern == PRE_ANALYZED_PATTERN and not ana.gaps
    )


def precompressed(column) -> bool:
    return type(column) is columns.CompressedBytesColumn and column._module == "zlib"


# How each field is prepared: (field, how it is indexed, stored, column, column precompressed);
# "how" is "" (not indexed), "whole" (``_whole_value_term``), "split" (``_splits_on_spaces``) or
# "analyze" (the field's own analyzer). Worked out once per field name, not once per document.
_PLANS: dict[str, tuple[Any, str, bool, Any, bool]] = {}


def _plan(name: str) -> tuple[Any, str, bool, Any, bool]:
    found = _PLANS.get(name)
    if found is None:
        fieldobj = _schema()[name]
        how = ""
        if fieldobj.indexed:
            if fieldobj.separate_spelling() or fieldobj.vector:
                raise ValueError(f"field {name!r}: spelling or vectors are not supported")
            how = (
                "whole"
                if _whole_value_term(fieldobj)
                else "split"
                if _splits_on_spaces(fieldobj)
                else "analyze"
            )
        column = fieldobj.column_type
        found = (
            fieldobj,
            how,
            bool(fieldobj.stored),
            column,
            bool(column) and precompressed(column),
        )
        _PLANS[name] = found
    return found


def prepare_document(fields: dict[str, Any]) -> PreparedDoc:
    """Analyze a document's indexed fields and encode its column values (what
    ``add_document`` would do) for the writer."""
    stored: dict[str, Any] = {}
    postings: dict[str, tuple] = {}
    cols: dict[str, Any] = {}
    packed = set()
    for name, value in fields.items():
        if value is None or name.startswith("_"):
            continue
        fieldobj, how, is_stored, column, compress = _plan(name)
        if how:
            ready = None
            if isinstance(value, str):
                if how == "whole":
                    ready = (0, [value.encode("utf-8")], [fieldobj.format.field_boost], [b""])
                elif how == "split":
                    ready = _split_postings(fieldobj, value)
            postings[name] = ready if ready is not None else _field_postings(fieldobj, value)
        if is_stored:
            stored[name] = value
        if column:
            cv = fieldobj.to_column_value(value)
            if compress:
                cv = zlib.compress(cv, column._level)
                packed.add(name)
            cols[name] = cv
    return PreparedDoc(stored, postings, cols, frozenset(packed))
