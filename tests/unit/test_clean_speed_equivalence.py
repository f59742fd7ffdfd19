"""The cleaner's faster forms give the answers of the forms they replace.

Each speed change of the cleaning passes keeps its output: a closing line found without
compiling a pattern per page, repeated lines indexed by their openings, a sentence compared
with the next only when both open alike, a picture number looked for only where a line can end
with one, the scripts counted together first, the language's letters counted in C, and the
substring tests put before the outlet cues' costly patterns. Random strings made of the pieces
each cares about are checked against the original forms, written out here as they were.
"""

from __future__ import annotations

import dataclasses
import random
import re

import idlibtui.clean.boilerplate as B
import idlibtui.clean.captions as CAP
import idlibtui.clean.debris as D
import idlibtui.clean.lang as L
import idlibtui.clean.offtopic as OT
import idlibtui.clean.outlet_cues as OC
import idlibtui.clean.outlet_page as OP
from idlibtui.clean.edits import EditText
from idlibtui.clean.lines import _Line, headline_shaped, word_count
from idlibtui.model import BlockKind


def _strings(pieces: list[str], count: int, longest: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(count):
        yield "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest)))


def _old_last_spaced_match_end(raw: str, probe: str, start: int) -> int:
    end = -1
    spaced = re.compile(r"\s*".join(re.escape(ch) for ch in probe))
    for m in spaced.finditer(raw, start):
        end = m.end()
    return end


def test_closing_probe_found_where_the_compiled_pattern_finds_it() -> None:
    rnd = random.Random(3)
    pieces = ["a", "b", "ab", ".", "c", " ", "\n", "\u00a0", "\u2003", "\t", "  "]
    for raw in _strings(pieces, 6000, 14, seed=1):
        probe = "".join(rnd.choice("ab.c") for _ in range(rnd.randint(1, 4)))
        start = rnd.randint(0, len(raw))
        got = OP._last_spaced_match_end(raw, probe, start)
        assert got == _old_last_spaced_match_end(raw, probe, start), (raw, probe, start)


def _old_repeated_lines(lines: list[_Line]) -> None:
    seen: dict[str, _Line] = {}
    openings: list[tuple[list[str], _Line]] = []
    previous: _Line | None = None
    for ln in lines:
        if ln.drop is not None and ln.drop[1] != "photo caption (trailing credit)":
            continue
        last, previous = previous, ln
        words = B._BULLET.sub("", ln.text).split()
        key = " ".join(words).lower()
        if ln.drop is None and len(words) >= 3 and key in seen:
            if headline_shaped(ln.text):
                ln.drop = ("boilerplate", "repeated line")
                continue
            if len(words) >= 12 and last is not None and last.text == ln.text:
                ln.drop = ("boilerplate", "repeated paragraph")
                continue
        seen.setdefault(key, ln)
        if ln.drop is not None and len(words) >= 8:
            head = [w.lower() for w in words[:8]]
            for other_head, other in openings:
                bare = other.text.rstrip(".").strip()
                if other_head == head and other.drop is None and ln.text.startswith(bare):
                    other.drop = ("boilerplate", "photo caption (repeated)")
        if ln.drop is None and len(words) >= 8:
            head = [w.lower() for w in words[:8]]
            for other_head, other in openings:
                if other_head != head:
                    continue
                stem = B._SHOW_MORE.sub("", ln.text)
                unfinished = stem != ln.text or ln.text[-1] not in '.!?"”’'
                cut = unfinished and other.text.startswith(stem[: max(0, len(stem) - 12)])
                is_bare = other.drop is not None and other.text.startswith(
                    ln.text.rstrip(".").strip()
                )
                if other.drop is not None and (cut or is_bare):
                    ln.drop = ("boilerplate", "photo caption (repeated)")
                elif other.drop is None and cut and len(stem) < len(other.text):
                    ln.drop = ("boilerplate", "repeated line (cut short)")
                break
        if len(words) >= 8:
            openings.append(([w.lower() for w in words[:8]], ln))


def test_repeated_lines_decide_as_before() -> None:
    rnd = random.Random(5)
    # lines of eight words and more that open alike, some cut short or credited
    opening = "Fighters walk past the ruins of the old town"
    texts = [
        opening + ".",
        opening + " in Idlib.",
        opening + " in Idlib (AFP)",
        opening + " in Idl Show more",
        opening,
        "• " + opening,
        "Short headline here",
        "Short headline here",
        "The army said on Monday that it had taken the town of Saraqib after days.",
        "The army said on Monday that it had taken the town of Saraqib after days.",
        "the army said on monday that it had taken the town",
    ]
    drops = [None, None, None, ("boilerplate", "photo caption (trailing credit)")]
    drops += [("boilerplate", "photo caption"), ("debris", "separator line")]
    for _ in range(3000):
        lines = [
            _Line(k * 100, k * 100 + 50, rnd.choice(texts), rnd.choice(drops))
            for k in range(rnd.randint(0, 9))
        ]
        copy = [dataclasses.replace(ln) for ln in lines]
        B._repeated_lines(lines)
        _old_repeated_lines(copy)
        assert [ln.drop for ln in lines] == [ln.drop for ln in copy]


_OLD_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’]?[ \t]+(?=[A-Z“\"‘])")


def _old_sentence_twice_spans(line: str) -> list[tuple[int, int]]:
    from itertools import pairwise

    out = []
    if len(line) >= 2 * 60:
        cuts = [0, *(m.end() for m in _OLD_SENTENCE_BREAK.finditer(line)), len(line)]
        sentences = [(a, line[a:b].rstrip()) for a, b in pairwise(cuts)]
        for (_a, first), (a2, second) in pairwise(sentences):
            if first == second and len(first.split()) >= D._TWICE_MIN_WORDS:
                start = a2
                while start > 0 and line[start - 1] in " \t":
                    start -= 1
                out.append((start, a2 + len(second)))
    return out


def test_a_sentence_twice_is_found_as_before() -> None:
    sentence = "The convoy of twelve trucks crossed the border at Bab al-Hawa on Thursday morning."
    pieces = [sentence, " ", "\t", " Yes.", ' "', "”", " The", sentence.lower(), "  "]
    for text in _strings(pieces, 3000, 8, seed=7):
        doc = EditText(text)
        D._sentence_twice(doc)
        cut = [(r.raw_start, r.raw_end) for r in doc.repairs]
        expected = _old_sentence_twice_spans(text)
        merged = EditText(text)
        from idlibtui.clean.edits import Edit

        merged.apply([Edit(a, b, "", "debris", "sentence twice") for a, b in expected])
        assert cut == [(r.raw_start, r.raw_end) for r in merged.repairs], repr(text)
        assert doc.text == merged.text


def test_sentence_breaks_end_where_the_lookbehind_form_ends_them() -> None:
    pieces = [".", "!", "?", "”", '"', "’", " ", "\t", "A", "a", "“", "‘", "..", ". "]
    for text in _strings(pieces, 5000, 12, seed=17):
        ends = [m.end() for m in _OLD_SENTENCE_BREAK.finditer(text)]
        assert [m.end() for m in D._SENTENCE_BREAK_AT.finditer(text)] == ends, repr(text)


def test_picture_numbers_are_stripped_as_before() -> None:
    pieces = ["Idlib", " ", " - ", " – ", "RTSMZN0", "RTX2ABC", "ABCDE", "12345", "a", "\n", "."]
    for line in _strings(pieces, 4000, 6, seed=9):
        assert CAP.strip_picture_number(line) == CAP._PICTURE_NUMBER.sub("", line), repr(line)


def test_scripts_and_letters_are_counted_as_before() -> None:
    pieces = ["a", "B", " ", "1", "é", "ж", "ب", "α", "ש", "Ա", ".", "ı", "İ", "\ud800", "²", "ª"]
    for sample in _strings(pieces, 3000, 30, seed=11):
        letters = sum(map(str.isalpha, sample))
        old = any(
            len(p.findall(sample)) > letters / 2
            for p in (L._ARABIC, L._CYRILLIC, L._GREEK, L._HEBREW)
        )
        assert L._non_latin(sample, letters) == old, repr(sample)
        assert L._letters(sample, sample.isascii()) == letters, repr(sample)


def test_word_counts_and_shapes_are_the_plain_ones() -> None:
    for line in _strings(["word", " ", "\u00a0", "\n", "A", ".", "\u2003"], 2000, 12, seed=13):
        assert word_count(line) == len(line.split())


def test_outlet_cue_prefilters_never_hide_a_match() -> None:
    pieces = ["Subscribe to ", "follow ", "SUPPORT ", "ſupport ", "joİn ", "Like ", "sign up for ",
              "The Daily Star", "newsletter", "NEWSLETTERS", "Reuters", "’s ", " ", ".", "Al",
              "could not ", "cannot ", "independently ", "verify", "confirm", "reporting from ",
              "who is ", "Jane Doe", ", ",
              "Al Jazeera’s Jane Doe, reporting from Idlib"]  # fmt: skip
    for text in _strings(pieces, 4000, 8, seed=15):
        part = text.strip()
        if part and OP._promoted(part):
            assert OP._may_promote(part, opening=True) and OP._may_promote(text), repr(text)
        if OC._CANNOT_VERIFY.search(text):
            assert OC._CANNOT_VERIFY_TAIL.search(text), repr(text)
        if OC._CORRESPONDENT.search(text):
            assert OC._FROM_TAIL.search(text), repr(text)


def _top_level_alternatives(group: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(group):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(group[start:k])
            start = k + 1
    return [*parts, group[start:]]


def test_every_promotion_opening_is_among_the_prefilter_words() -> None:
    """A word added to the promotion pattern must be added to the words looked for first."""
    pattern = OC._PROMO_NAME.pattern
    group = pattern[pattern.index("^(?:") + 4 : pattern.index(r")\s+")]
    for alternative in _top_level_alternatives(group):
        first = re.match(r"[a-z]+", alternative)
        assert first is not None and first.group() in OP._PROMO_OPENINGS, alternative


def _old_off_topic_inserts(kept: list[_Line]) -> None:
    def stems(text: str) -> set[str]:
        return {w[:5] for w in OT._WORD.findall(text.lower()) if w not in OT._COMMON}

    def english(text: str) -> bool:
        words = text.lower().split()
        return len(words) >= 40 and sum(1 for w in words if w in OT._FUNCTION) * 8 >= len(words)

    texts = [ln.text for ln in kept]
    for i, ln in enumerate(kept):
        if ln.drop is not None or ln.kind is not BlockKind.HEADING or i + 1 >= len(kept):
            continue
        para = kept[i + 1]
        if para.drop is not None or para.kind is not BlockKind.PARAGRAPH:
            continue
        head, body = stems(ln.text), stems(para.text)
        if len(head) < 2 or len(body) < 15:
            continue
        others = " ".join(texts[:i] + texts[i + 2 :])
        rest = stems(others)
        if len(rest) < 50 or head & rest or not english(others + " " + para.text):
            continue
        if len(body & rest) * 8 <= len(body):
            ln.drop = ("boilerplate", "off-topic insert (heading)")
            para.drop = ("boilerplate", "off-topic insert")


_REPORT = [
    "Government forces backed by Russian warplanes advanced on the town of Saraqib.",
    "The monitor said that dozens of civilians were killed in strikes on markets.",
    "Hospitals in the province of Idlib were damaged during the offensive this week.",
    "Rebels shelled positions near Aleppo as thousands of families fled to the border.",
    "Turkey sent reinforcements to its observation posts after soldiers were wounded.",
    "Aid agencies warned of a humanitarian catastrophe as winter camps overflowed.",
    "Ministers from Moscow and Ankara agreed on a ceasefire along the strategic highway.",
    "Residents described bombardment by helicopters dropping barrel bombs on villages.",
    "Medical workers treated wounded children in underground clinics without electricity.",
    "Negotiators at the United Nations demanded access for convoys carrying bread and fuel.",
]
_INSERT = [
    "Swedish football champions celebrated their league title with cheering supporters.",
    "Musicians performed concerts throughout wonderful summer evenings beside harbours.",
    "Restaurants served traditional herring dishes while tourists photographed sailboats.",
]
_HEADINGS = ["Football celebrations Stockholm", "Fighting near Saraqib", "Summer music"]


def test_off_topic_inserts_are_found_as_before() -> None:
    rnd = random.Random(19)
    kinds = [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.HEADING]
    for _ in range(1500):
        kept = []
        for k in range(rnd.randint(2, 12)):
            kind = rnd.choice(kinds)
            if kind is BlockKind.HEADING:
                text = rnd.choice(_HEADINGS)
            else:
                pool = rnd.choice([_REPORT, _REPORT, _INSERT])
                text = " ".join(rnd.sample(pool, rnd.randint(1, len(pool))))
            drop = ("debris", "x") if rnd.random() < 0.1 else None
            kept.append(_Line(k * 400, k * 400 + len(text), text, drop, kind=kind))
        copy = [dataclasses.replace(ln) for ln in kept]
        OT.off_topic_inserts(kept)
        _old_off_topic_inserts(copy)
        assert [ln.drop for ln in kept] == [ln.drop for ln in copy]


def test_the_interface_rules_gate_is_any_of_them() -> None:
    import idlibtui.clean.interface as I

    pieces = ["Enter your email", "Please ", "Share", " ", "comments", "(3)", "Loading", "...",
              "Updated", ":", "12:30", "Follow us", "Read more", "Related", "Watch", "video",
              "a", "Embed", "|", "•", "Sign up", "newsletter", "Home", "News"]  # fmt: skip
    for s in _strings(pieces, 4000, 6, seed=21):
        assert bool(I._ANY_LINE.match(s)) == any(p.match(s) for p, _ in I._LINES), repr(s)


def test_words_counted_up_to_a_bound_decide_as_the_full_count() -> None:
    for text in _strings(["w", " ", "\u00a0", "\n", "x y", "  "], 3000, 120, seed=23):
        n = len(text.split())
        capped = len(text.split(None, 81))
        assert (capped < 4 or capped > 80) == (n < 4 or n > 80)
        assert capped == n or n > 80
        assert (len(text.split(None, 61)) <= 60) == (n <= 60)
        assert (len(text.split(None, 7)) < 8) == (n < 8)
        assert (len(text.split(None, 5)) < 6) == (n < 6)
