"""Sentence segmentation and passage alignment on constructed pairs."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from idlibtui.compare import compare_articles, discrepancy_pairs, to_dict
from idlibtui.compare.sentences import split_span
from tests.unit.compare_builders import article, fig

PARAS = [
    "Syrian government forces have taken control of the highway linking Damascus and Aleppo. "
    "The UN calls for a cease-fire, but at present a cease-fire looks distant.",
    "According to the UN, 700,000 civilians in the area have been forced to flee since December. "
    "They flee north towards the Turkish border.",
    "Convoys of hundreds of Turkish military vehicles have crossed the border. "
    "U.S. Ambassador Nikki Haley said the consequences will be dire.",
    "The aerial campaign has killed 12 civilians and put at least 10 hospitals out of service.",
]


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for s, e in split_span(text, 0, len(text))]


# -- segmentation -----------------------------------------------------------------------------


def test_segmentation_respects_abbreviations_decimals_and_quotes() -> None:
    text = (
        "U.S. Ambassador Nikki Haley said 3.6 million fled. Dr. Smith arrived on Jan. 5 in Idlib. "
        '"We are here," he said. "It is enough." Then the E.U. and the U.N. met.'
    )
    assert sentences_of(text) == [
        "U.S. Ambassador Nikki Haley said 3.6 million fled.",
        "Dr. Smith arrived on Jan. 5 in Idlib.",
        '"We are here," he said.',
        '"It is enough."',
        "Then the E.U. and the U.N. met.",
    ]


def test_segmentation_splits_at_line_breaks_and_keeps_offsets() -> None:
    text = "Residents of Idlib Province flee\n© Omar Haj Kadour / AFP\nThe war began in 2011."
    spans = split_span(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Residents of Idlib Province flee",
        "© Omar Haj Kadour / AFP",
        "The war began in 2011.",
    ]
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)


def test_segmentation_of_empty_and_blank_text() -> None:
    assert split_span("", 0, 0) == []
    assert split_span("  \n \n", 0, 5) == []


# -- alignment --------------------------------------------------------------------------------


def test_identical_texts_align_as_same_throughout() -> None:
    text = "\n\n".join(PARAS)
    cmp = compare_articles(article(text, id="l"), article(text, id="r"))
    s = cmp.summary
    assert s.same == s.left_sentences == s.right_sentences == 7
    assert s.similar == s.left_only == s.right_only == s.figure_discrepancies == 0
    assert s.similarity == 1.0
    assert all(p.left_span == p.right_span and not p.word_diff for p in cmp.pairs)


def test_wire_copy_with_other_quotes_and_spacing_is_same() -> None:
    left = article("He said “it is enough”  today.\n\nThe border is closed.", id="l")
    right = article('He said "it is enough" today.\n\nThe border   is closed.', id="r")
    cmp = compare_articles(left, right)
    assert [p.relation for p in cmp.pairs] == ["same", "same"]


def test_one_number_changed_is_a_figure_discrepancy_not_a_mere_edit() -> None:
    left_text = "\n\n".join(PARAS)
    right_text = left_text.replace("has killed 12 civilians", "has killed at least 19 civilians")
    cmp = compare_articles(article(left_text, id="l"), article(right_text, id="r"))
    changed = [p for p in cmp.pairs if p.relation != "same"]
    assert len(changed) == 1
    pair = changed[0]
    assert pair.relation == "similar" and pair.figure_discrepancy
    assert cmp.summary.figure_discrepancies == 1
    assert discrepancy_pairs(cmp) == [cmp.pairs.index(pair)]
    # the word diff points at the changed words on each side
    edits = [
        (left_text[o.left[0] : o.left[1]], right_text[o.right[0] : o.right[1]])
        for o in pair.word_diff
    ]
    assert any("12" in lw and "19" in rw for lw, rw in edits)
    assert all("civilians" not in lw for lw, _ in edits)


def test_wording_edit_without_number_change_is_not_a_discrepancy() -> None:
    left_text = "\n\n".join(PARAS)
    right_text = left_text.replace("looks distant", "seems far off")
    cmp = compare_articles(article(left_text, id="l"), article(right_text, id="r"))
    changed = [p for p in cmp.pairs if p.relation != "same"]
    assert len(changed) == 1 and changed[0].relation == "similar"
    assert not changed[0].figure_discrepancy
    ops = {o.op for o in changed[0].word_diff}
    assert ops <= {"replace", "insert", "delete"} and ops


def test_discrepancy_uses_annotated_figures_when_present() -> None:
    lt = "The airstrikes killed 12 people in Maaret al-Numan on Monday."
    rt = "The airstrikes killed at least 19 people in Maaret al-Numan on Monday."
    left = article(lt, id="l", figures=(fig(lt, "12", value=12, what="people killed"),))
    right = article(
        rt,
        id="r",
        figures=(fig(rt, "at least 19", value=19, qualifier="at least", what="people killed"),),
    )
    (pair,) = compare_articles(left, right).pairs
    assert pair.figure_discrepancy and any("12" in n for n in pair.notes)
    # compatible values under the qualifier are not a discrepancy
    rt2 = "The airstrikes killed at least 10 people in Maaret al-Numan on Monday."
    right2 = article(
        rt2,
        id="r",
        figures=(fig(rt2, "at least 10", value=10, qualifier="at least", what="people killed"),),
    )
    (pair2,) = compare_articles(left, right2).pairs
    assert not pair2.figure_discrepancy


def test_reordered_paragraphs_still_align_one_to_one() -> None:
    left_text = "\n\n".join(PARAS)
    right_text = "\n\n".join([PARAS[2], PARAS[3], PARAS[0], PARAS[1]])
    cmp = compare_articles(article(left_text, id="l"), article(right_text, id="r"))
    assert cmp.summary.same == 7
    assert cmp.summary.left_only == cmp.summary.right_only == 0
    matched = [(p.left_index, p.right_index) for p in cmp.pairs]
    assert len({r for _, r in matched}) == 7  # one-to-one
    assert any(p.moved for p in cmp.pairs) and not all(p.moved for p in cmp.pairs)
    for p in cmp.pairs:
        assert left_text[slice(*p.left_span)] == right_text[slice(*p.right_span)]


def test_no_overlap_leaves_every_sentence_on_its_own_side() -> None:
    left = article("\n\n".join(PARAS[:2]), id="l")
    right = article(
        "The weather in Oslo was mild. Bakeries reported record bread sales this spring.", id="r"
    )
    cmp = compare_articles(left, right)
    assert cmp.summary.same == cmp.summary.similar == 0
    assert cmp.summary.left_only == 4 and cmp.summary.right_only == 2
    assert cmp.summary.similarity == 0.0
    # right-only sentences keep their own order
    rights = [p.right_index for p in cmp.pairs if p.relation == "right_only"]
    assert rights == sorted(rights)


def test_one_side_empty() -> None:
    full = article("\n\n".join(PARAS), id="l")
    empty = article("", id="r")
    cmp = compare_articles(full, empty)
    assert {p.relation for p in cmp.pairs} == {"left_only"}
    assert cmp.summary.left_sentences == 7 and cmp.summary.right_sentences == 0
    back = compare_articles(empty, full)
    assert {p.relation for p in back.pairs} == {"right_only"}
    assert compare_articles(empty, empty).pairs == ()
    assert compare_articles(empty, empty).summary.similarity == 0.0


def test_paraphrase_is_similar_and_unrelated_sentence_is_not() -> None:
    lt = (
        "Turkish President Recep Tayyip Erdogan has called on Russia to curb the Syrian offensive."
        " Bakeries in Oslo reported record bread sales."
    )
    rt = (
        "President Recep Tayyip Erdogan of Turkey called on Russia to rein in the Syrian "
        "offensive in Idlib. The museum reopened after a long renovation."
    )
    cmp = compare_articles(article(lt, id="l"), article(rt, id="r"))
    rel = {(p.left_index, p.right_index): p.relation for p in cmp.pairs}
    assert rel[(0, 0)] == "similar"
    assert rel[(1, None)] == "left_only" and rel[(None, 1)] == "right_only"


def test_pairs_cover_every_sentence_once_in_reading_order() -> None:
    left_text = "\n\n".join(PARAS)
    right_text = "\n\n".join([PARAS[0], "A new paragraph only the right has.", PARAS[3]])
    cmp = compare_articles(article(left_text, id="l"), article(right_text, id="r"))
    lefts = [p.left_index for p in cmp.pairs if p.left_index is not None]
    rights = [p.right_index for p in cmp.pairs if p.right_index is not None]
    assert lefts == list(range(len(cmp.left_sentences)))
    assert sorted(rights) == list(range(len(cmp.right_sentences)))
    # the right-only sentence sits between its neighbours
    order = [p.right_index for p in cmp.pairs]
    (only,) = [p for p in cmp.pairs if p.relation == "right_only"]
    assert only.right_index == 2
    assert order.index(1) < order.index(2) < order.index(3)


def test_to_dict_is_json_ready() -> None:
    text = "\n\n".join(PARAS)
    left, right = article(text, id="l"), article(text.replace("12", "13"), id="r")
    data = to_dict(compare_articles(left, right), left, right)
    encoded = json.loads(json.dumps(data))
    assert encoded["summary"]["figure_discrepancies"] == 1
    assert encoded["pairs"][0]["left_text"] == text[: encoded["pairs"][0]["left_span"][1]]


def test_long_shuffled_edited_pair_aligns_paragraph_copies() -> None:
    from tests.unit.compare_builders import long_pair

    lt, rt = long_pair(5000)
    cmp = compare_articles(article(lt, id="l"), article(rt, id="r"))
    s = cmp.summary
    assert s.left_sentences > 150
    # each right sentence that is a verbatim copy of a left one is found, wherever it moved
    left_texts = {lt[x.start : x.end] for x in cmp.left_sentences}
    verbatim = sum(1 for x in cmp.right_sentences if rt[x.start : x.end] in left_texts)
    assert s.same >= 0.95 * verbatim
    # the five invented right paragraphs stay right-only, and nothing aligns twice
    invented = [
        p
        for p in cmp.pairs
        if p.right_span and "only the right has" in rt[p.right_span[0] : p.right_span[1]]
    ]
    assert len(invented) == 5 and all(p.relation == "right_only" for p in invented)
    rights = [p.right_index for p in cmp.pairs if p.right_index is not None]
    assert len(rights) == len(set(rights)) == s.right_sentences


_PIECES = [*"ab cD.!?\n\"'“”…,0123456789 Ü", "U.S.", " Dr. ", "\n\n", " 3.6 ", "Idlib "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=60, deadline=None)
@given(_TEXT, _TEXT)
def test_any_text_compares_and_every_sentence_is_placed_once(lt: str, rt: str) -> None:
    cmp = compare_articles(article(lt, id="l"), article(rt, id="r"))
    lefts = [p.left_index for p in cmp.pairs if p.left_index is not None]
    rights = sorted(p.right_index for p in cmp.pairs if p.right_index is not None)
    assert lefts == list(range(len(cmp.left_sentences)))
    assert rights == list(range(len(cmp.right_sentences)))
    for p in cmp.pairs:
        for op in p.word_diff:
            assert p.left_span[0] <= op.left[0] <= op.left[1] <= p.left_span[1]
            assert p.right_span[0] <= op.right[0] <= op.right[1] <= p.right_span[1]
    assert 0.0 <= cmp.summary.similarity <= 1.0
