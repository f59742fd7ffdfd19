"""The one query language of idlibtui, parsed into a small tree of our own.

Grammar (operators are upper case; anything else is a word)::

    query   := or
    or      := and ("OR" and)*
    and     := not (["AND"] not)*          # juxtaposition means AND
    not     := ("NOT" | "-") not | primary
    primary := "(" or ")" | FIELD ":" value | value
    value   := ["="] (WORD | "PHRASE") | WORD* (prefix/wildcard) | "[" DATE "to" DATE "]"

Fields: ``title:``, ``source:``, ``date:``, ``entity:``, and ``body:``/``text:``, which search
the title and the text together, as an unqualified word does (the index's body field holds
both). Dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a range ``[2019-12 to 2020-02]`` is
inclusive of whole periods, either end may be left open (``[2019 to]``).

Words and phrases are folded (search/fold.py: Erdoğan = Erdogan, demilitarised = demilitarized,
cease-fire = ceasefire) and, by the names layer, expanded to other spellings; ``=`` before a word
or phrase keeps it exact (``=Saraqeb``, ``="Erdoğan"``, ``title:=Nu'man``): its own spelling,
no expansion. Two words typed apart that make a listed compound (``cease fire``) are its phrase.

``parse`` raises ``model.QueryError(message, position)`` for a malformed query. The tree is engine
neutral; ``planner`` compiles it into the evaluator's plan and ``highlight`` into matchers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from idlibtui.model import QueryError

FIELDS = ("title", "source", "agency", "lang", "date", "entity", "body")
FIELD_ALIASES = {"text": "body", "outlet": "source", "entities": "entity", "language": "lang"}
OPERATORS = ("AND", "OR", "NOT")
MIN_WILDCARD_PREFIX = 2
# Limits that keep one query from crashing or holding a search: every stage (parse, render,
# compile, match, highlight) walks the tree recursively, so nesting (parentheses and NOT/-
# together) is bounded well inside Python's recursion limit, and the size of a query (its
# words, phrases and field values, and its characters) is capped: a 5,000-word OR took 1-2 s.
MAX_NESTING = 32
MAX_TERMS = 256
MAX_QUERY_CHARS = 8_000
# Each prefix or wildcard looks through up to 20,000 words of the lexicon and expands to up to
# 64: 256 of them took 0.7 s at 3k articles.
MAX_WILDCARDS = 16


# --- tree -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    pos: int
    end: int


@dataclass(frozen=True, slots=True)
class Word(Node):
    """A word; ``field`` is None for title+text. ``wildcard`` when it holds ``*`` or ``?``."""

    text: str
    field: str | None = None
    wildcard: bool = False
    exact: bool = False  # "=word": its own spelling, neither folded nor expanded


@dataclass(frozen=True, slots=True)
class Phrase(Node):
    text: str
    field: str | None = None
    exact: bool = False  # '="a phrase"': its own spelling, neither folded nor expanded


@dataclass(frozen=True, slots=True)
class Keyword(Node):
    """An exact value of a keyword field (source, entity), matched case-insensitively."""

    field: str
    value: str


@dataclass(frozen=True, slots=True)
class DateRange(Node):
    lo: dt.datetime | None
    hi: dt.datetime | None  # inclusive
    label: str


@dataclass(frozen=True, slots=True)
class And(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not(Node):
    item: Node


# --- tokens ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # word, phrase, range, lparen, rparen, op, field, minus, exact
    text: str
    pos: int
    end: int


_FIELD_RE = re.compile(r"([A-Za-z_]+):")
_SPECIAL = set('()"[]')


def _tokenize(q: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
            continue
        if c == "(":
            toks.append(_Tok("lparen", c, i, i + 1))
            i += 1
            continue
        if c == ")":
            toks.append(_Tok("rparen", c, i, i + 1))
            i += 1
            continue
        if c in '"“”':
            close = _find_quote(q, i + 1)
            if close < 0:
                raise QueryError("unbalanced quote: this phrase is never closed", i, q)
            toks.append(_Tok("phrase", q[i + 1 : close], i, close + 1))
            i = close + 1
            continue
        if c == "[":
            close = q.find("]", i + 1)
            if close < 0:
                raise QueryError("unbalanced '[': the date range is never closed", i, q)
            toks.append(_Tok("range", q[i + 1 : close], i, close + 1))
            i = close + 1
            continue
        if c == "]":
            raise QueryError("']' without a matching '['", i, q)
        if c == "-" and (i + 1 < n and not q[i + 1].isspace()) and (not toks or _boundary(q, i)):
            toks.append(_Tok("minus", c, i, i + 1))
            i += 1
            continue
        if (
            c == "="
            and i + 1 < n
            and not q[i + 1].isspace()
            and (
                not toks
                or _boundary(q, i)
                or (toks[-1].kind in ("field", "minus") and toks[-1].end == i)
            )
        ):
            toks.append(_Tok("exact", c, i, i + 1))
            i += 1
            continue
        m = _FIELD_RE.match(q, i)
        if m and (not toks or _boundary(q, i) or (toks[-1].kind == "minus" and toks[-1].end == i)):
            toks.append(_Tok("field", m.group(1), i, m.end()))
            i = m.end()
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] not in _SPECIAL and q[j] not in "“”":
            j += 1
        word = q[i:j]
        kind = "op" if word in OPERATORS else "word"
        toks.append(_Tok(kind, word, i, j))
        i = j
    return toks


def _boundary(q: str, i: int) -> bool:
    return i == 0 or q[i - 1].isspace() or q[i - 1] in "()"


def _find_quote(q: str, start: int) -> int:
    for j in range(start, len(q)):
        if q[j] in '"“”':
            return j
    return -1


# --- parser ---------------------------------------------------------------------------------


class _Parser:
    def __init__(self, q: str) -> None:
        self.q = q
        self.toks = _tokenize(q)
        self.i = 0
        self.depth = 0  # open parentheses and NOTs around the current position
        self.terms = 0
        self.wildcards = 0

    def _deeper(self, tok: _Tok) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.error(
                f"the query nests too deeply (more than {MAX_NESTING} parentheses and NOTs "
                "inside each other)",
                tok.pos,
            )

    def _term(self, tok: _Tok) -> None:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise self.error(
                f"the query is too long: at most {MAX_TERMS} words, phrases and field values",
                tok.pos,
            )

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def error(self, message: str, pos: int) -> QueryError:
        return QueryError(message, pos, self.q)

    def parse(self) -> Node | None:
        if not self.toks:
            return None
        node = self.parse_or()
        tok = self.peek()
        if tok is not None:
            if tok.kind == "rparen":
                raise self.error("')' without a matching '('", tok.pos)
            raise self.error(f"unexpected {tok.text!r}", tok.pos)
        return node

    def parse_or(self) -> Node:
        first = self.peek()
        if first is not None and first.kind == "op" and first.text in ("OR", "AND"):
            raise self.error(f"'{first.text}' needs something on its left", first.pos)
        items = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == "OR":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind == "rparen" or (nxt.kind == "op" and nxt.text != "NOT"):
                raise self.error("'OR' needs something on its right", tok.pos)
            items.append(self.parse_and())
        if len(items) == 1:
            return items[0]
        return Or(items[0].pos, items[-1].end, tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_not()]
        while (tok := self.peek()) is not None:
            if tok.kind == "rparen" or (tok.kind == "op" and tok.text == "OR"):
                break
            if tok.kind == "op" and tok.text == "AND":
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind == "rparen" or (nxt.kind == "op" and nxt.text != "NOT"):
                    raise self.error("'AND' needs something on its right", tok.pos)
            items.append(self.parse_not())
        if len(items) > 1:
            items = _join_compounds(items)
        if len(items) == 1:
            return items[0]
        return And(items[0].pos, items[-1].end, tuple(items))

    def parse_not(self) -> Node:
        tok = self.peek()
        if tok is not None and (tok.kind == "minus" or (tok.kind == "op" and tok.text == "NOT")):
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind == "rparen" or (nxt.kind == "op" and nxt.text != "NOT"):
                raise self.error(f"'{tok.text}' needs something to exclude after it", tok.pos)
            self._deeper(tok)
            inner = self.parse_not()
            self.depth -= 1
            return Not(tok.pos, inner.end, inner)
        return self.parse_primary()

    def parse_primary(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise self.error("the query ends too early", len(self.q))
        if tok.kind == "lparen":
            self.take()
            if (nxt := self.peek()) is not None and nxt.kind == "rparen":
                raise self.error("empty parentheses", tok.pos)
            if nxt is None:
                raise self.error("unbalanced '(': never closed", tok.pos)
            self._deeper(tok)
            inner = self.parse_or()
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise self.error("unbalanced '(': never closed", tok.pos)
            self.take()
            self.depth -= 1
            return inner
        if tok.kind == "rparen":
            raise self.error("')' without a matching '('", tok.pos)
        if tok.kind == "field":
            self.take()
            self._term(tok)
            return self.parse_field(tok)
        if tok.kind == "phrase":
            self.take()
            self._term(tok)
            return self._phrase(tok, None)
        if tok.kind == "exact":
            self.take()
            value = self._exact_value(tok)
            self._term(value)
            node = self._phrase(value, None) if value.kind == "phrase" else self._word(value, None)
            return _with_pos(node, tok.pos, exact=True)
        if tok.kind == "range":
            raise self.error("a [range] must follow 'date:'", tok.pos)
        if tok.kind == "op":
            raise self.error(f"'{tok.text}' is misplaced here", tok.pos)
        self.take()
        self._term(tok)
        return self._word(tok, None)

    def _exact_value(self, tok: _Tok) -> _Tok:
        """The word or phrase right after an ``=``."""
        nxt = self.peek()
        if nxt is None or nxt.kind not in ("word", "phrase") or nxt.pos != tok.end:
            raise self.error("'=' needs a word or a \"phrase\" right after it", tok.pos)
        return self.take()

    def _phrase(self, tok: _Tok, field: str | None) -> Node:
        if not tok.text.strip():
            raise self.error("empty phrase", tok.pos)
        return Phrase(tok.pos, tok.end, tok.text, field)

    def _word(self, tok: _Tok, field: str | None) -> Node:
        text = tok.text
        if "*" in text or "?" in text:
            literal = re.split(r"[*?]", text, maxsplit=1)[0]
            if len(literal) < MIN_WILDCARD_PREFIX:
                raise self.error(
                    f"a wildcard needs at least {MIN_WILDCARD_PREFIX} letters before '*' or '?'",
                    tok.pos,
                )
            self.wildcards += 1
            if self.wildcards > MAX_WILDCARDS:
                raise self.error(
                    f"too many prefixes and wildcards: at most {MAX_WILDCARDS} in a query", tok.pos
                )
            return Word(tok.pos, tok.end, text, field, wildcard=True)
        return Word(tok.pos, tok.end, text, field)

    def parse_field(self, ftok: _Tok) -> Node:
        name = ftok.text.lower()
        name = FIELD_ALIASES.get(name, name)
        if name not in FIELDS:
            known = ", ".join(f"{f}:" for f in FIELDS[:-1])
            raise self.error(f"unknown field '{ftok.text}:' (known: {known})", ftok.pos)
        tok = self.peek()
        exact = tok is not None and tok.kind == "exact" and tok.pos == ftok.end
        if exact:
            assert tok is not None  # (exact says so)
            if name not in ("title", "body"):
                raise self.error(f"'=' keeps a word exact in the text or title, not in {name}:",
                                 tok.pos)  # fmt: skip
            tok = self._exact_value(self.take())
            node = self._phrase(tok, name) if tok.kind == "phrase" else self._word(tok, name)
            return _with_pos(node, ftok.pos, exact=True)
        if tok is None or tok.kind not in ("word", "phrase", "range") or tok.pos != ftok.end:
            raise self.error(f"'{ftok.text}:' needs a value right after the colon", ftok.pos)
        self.take()
        if name == "date":
            return _parse_date_value(self.q, tok, ftok.pos)
        if tok.kind == "range":
            raise self.error(f"a [range] only works with date:, not {ftok.text}:", tok.pos)
        if name in ("source", "agency", "lang", "entity"):
            value = tok.text.strip()
            if not value:
                raise self.error(f"empty {name} name", tok.pos)
            return Keyword(ftok.pos, tok.end, name, value)
        node = self._phrase(tok, name) if tok.kind == "phrase" else self._word(tok, name)
        return _with_pos(node, ftok.pos)


def _with_pos(node: Node, pos: int, exact: bool | None = None) -> Node:
    if isinstance(node, Word):
        keep = node.exact if exact is None else exact
        return Word(pos, node.end, node.text, node.field, node.wildcard, keep)
    if isinstance(node, Phrase):
        keep = node.exact if exact is None else exact
        return Phrase(pos, node.end, node.text, node.field, keep)
    return node


def _join_compounds(items: list[Node]) -> list[Node]:
    """Two plain words in a row that make a listed compound (``cease fire``) become its phrase,
    which finds "ceasefire", "cease-fire" and "cease fire" alike (see search/fold.py)."""
    from idlibtui.search.fold import closed_compound

    out: list[Node] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            isinstance(prev, Word)
            and isinstance(item, Word)
            and not (prev.wildcard or item.wildcard or prev.exact or item.exact)
            and prev.field == item.field
            and closed_compound([prev.text, item.text]) is not None
        ):
            out[-1] = Phrase(prev.pos, item.end, f"{prev.text} {item.text}", prev.field)
        else:
            out.append(item)
    return out


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _period(text: str, q: str, pos: int) -> tuple[dt.datetime, dt.datetime]:
    m = _DATE_RE.match(text.strip())
    if not m:
        raise QueryError(f"bad date {text.strip()!r}: use YYYY, YYYY-MM or YYYY-MM-DD", pos, q)
    year = int(m.group(1))
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            start, last = day, day
        elif m.group(2):
            month = int(m.group(2))
            start = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            if year < 1:
                raise ValueError("year 0")
            start, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        raise QueryError(f"bad date {text.strip()!r}: no such day or month", pos, q) from None
    return (
        dt.datetime.combine(start, dt.time.min),
        dt.datetime.combine(last, dt.time.max),
    )


_RANGE_SPLIT = re.compile(r"\s+to\s+|\s*\.\.\s*|^to\s+|\s+to$|^to$", re.IGNORECASE)


def _parse_date_value(q: str, tok: _Tok, fpos: int) -> Node:
    if tok.kind == "phrase":
        start, end = _period(tok.text, q, tok.pos + 1)
        return DateRange(fpos, tok.end, start, end, tok.text.strip())
    if tok.kind == "word":
        start, end = _period(tok.text, q, tok.pos)
        return DateRange(fpos, tok.end, start, end, tok.text)
    body = tok.text
    m = _RANGE_SPLIT.search(body.strip())
    stripped = body.strip()
    offset = tok.pos + 1 + (len(body) - len(body.lstrip()))
    if not m:
        raise QueryError("a date range looks like [2019-12 to 2020-02]", tok.pos, q)
    left, right = stripped[: m.start()].strip(), stripped[m.end() :].strip()
    if not left and not right:
        raise QueryError("a date range needs at least one end", tok.pos, q)
    lo = _period(left, q, offset)[0] if left else None
    hi = _period(right, q, offset + m.end())[1] if right else None
    if lo and hi and lo > hi:
        raise QueryError("the date range ends before it starts", tok.pos, q)
    label = f"[{left or '*'} to {right or '*'}]"
    return DateRange(fpos, tok.end, lo, hi, label)


def parse(query: str) -> Node | None:
    """Parse a query string; None for an empty (all-articles) query. Raises QueryError."""
    if not query or not query.strip():
        return None
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long: at most {MAX_QUERY_CHARS:,} characters", None, query
        )
    return _Parser(query).parse()


# --- rendering and walking ------------------------------------------------------------------


def render(node: Node | None) -> str:
    """A normalised, explicit form of the query (shown as the executed query)."""
    if node is None:
        return "*"
    if isinstance(node, Word):
        inner = f"={node.text}" if node.exact else node.text
        return f"{node.field}:{inner}" if node.field else inner
    if isinstance(node, Phrase):
        inner = f'="{node.text}"' if node.exact else f'"{node.text}"'
        return f"{node.field}:{inner}" if node.field else inner
    if isinstance(node, Keyword):
        return f'{node.field}:"{node.value}"'
    if isinstance(node, DateRange):
        return f"date:{node.label}"
    if isinstance(node, Not):
        return f"NOT {render(node.item)}"
    if isinstance(node, And):
        return " AND ".join(_group(x) for x in node.items)
    if isinstance(node, Or):
        return " OR ".join(_group(x) for x in node.items)
    raise TypeError(node)


def _group(node: Node) -> str:
    text = render(node)
    return f"({text})" if isinstance(node, And | Or) else text


def positive_leaves(node: Node | None, negated: bool = False):
    """Leaves that a matching document contains (not those under NOT)."""
    if node is None:
        return
    if isinstance(node, Not):
        yield from positive_leaves(node.item, not negated)
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from positive_leaves(item, negated)
    elif not negated:
        yield node
