"""Figure comparison on constructed articles, including ones that mirror the seed reports."""

from __future__ import annotations

import dataclasses
import datetime as dt

from idlibtui.compare import compare_articles, to_markdown
from idlibtui.compare.events import INCIDENT, PERIOD, RUNNING, When, same_event
from idlibtui.compare.quantity import quantity_of, same_quantity
from idlibtui.compare.verdict import judge
from idlibtui.model import Figure
from tests.unit.compare_builders import article, date_fig, fig, mentions

D = dt.date


def groups_with(cmp, figure: Figure):
    return [g for g in cmp.figures if figure in g.left or figure in g.right]


def only_group(cmp, figure: Figure):
    found = groups_with(cmp, figure)
    assert len(found) == 1, found
    return found[0]


def count(value, what, **kw) -> dict:
    return {"value": value, "what": what, **kw}


# -- the pieces ---------------------------------------------------------------------------------


def _same(a: str, b: str) -> bool:
    return same_quantity(quantity_of(a), quantity_of(b))


def test_what_synonyms_merge_and_nationalities_keep_apart() -> None:
    assert _same("Turkish soldiers killed", "troops dead")
    assert _same("people displaced", "civilians forced to flee")
    assert _same("residents fled", "people displaced")
    assert not _same("Turkish soldiers killed", "Syrian soldiers killed")
    assert not _same("civilians killed", "civilians displaced")
    assert not _same("soldiers killed", "hospitals")
    assert not _same("", "people killed")


def test_victims_are_a_hierarchy() -> None:
    assert _same("troops wounded", "people wounded")
    assert _same("children killed", "civilians killed")
    assert not _same("soldiers killed", "civilians killed")
    assert not _same("soldiers killed", "rebels killed")
    assert not _same("barrel bombs", "airstrikes")
    assert _same("air strikes", "airstrikes")
    assert not _same("people wounded", "people killed")


def _f(value, qualifier="", value_max=None, vague=False, text=None) -> Figure:
    return Figure(
        0,
        1,
        text or str(value),
        "count",
        value=value,
        value_max=value_max,
        qualifier=qualifier,
        vague=vague,
        magnitude=1 if vague else None,
    )


def test_verdicts_exact_numbers_never_agree() -> None:
    assert judge(_f(33), _f(33)).relation == "same"
    v = judge(_f(34), _f(33))
    assert v.relation == "differ" and v.reason == "34 vs 33"
    v = judge(_f(235_000), _f(250_000))
    assert v.relation == "differ" and v.reason.startswith("+6%")
    assert judge(_f(3_000_000), _f(4_000_000)).relation == "differ"


def test_verdicts_consistent_only_through_a_qualifier_that_is_named() -> None:
    v = judge(_f(235_000, "about"), _f(250_000))
    assert v.relation == "consistent" and "'about'" in v.reason
    v = judge(_f(3_600_000), _f(3_000_000, "more than"))
    assert v.relation == "consistent" and "'more than'" in v.reason
    assert judge(_f(2_000_000), _f(3_000_000, "more than")).relation == "differ"
    assert judge(_f(15, value_max=20), _f(18)).relation == "consistent"
    assert judge(_f(300, value_max=400), _f(500)).relation == "differ"
    assert judge(_f(290_000), _f(300_000, "almost")).relation == "consistent"
    assert judge(_f(310_000), _f(300_000, "almost")).relation == "differ"
    assert judge(_f(12), _f(10, "at least")).relation == "consistent"
    assert judge(_f(33), _f(22, "at least")).relation == "differ"  # an early count
    assert judge(_f(30, vague=True, text="dozens"), _f(50)).relation == "consistent"
    assert judge(_f(33, "at least"), _f(33)).relation == "consistent"


def test_events_resolved_dates_not_weekday_words() -> None:
    mon1 = When(INCIDENT, D(2020, 2, 3), D(2020, 2, 3))
    mon2 = When(INCIDENT, D(2020, 2, 10), D(2020, 2, 10))
    last_week = When(INCIDENT, D(2020, 2, 3), D(2020, 2, 9))
    december = When(PERIOD, D(2019, 12, 1), D(2019, 12, 31))
    since_december = When(RUNNING, D(2020, 2, 11), D(2020, 2, 11), since=D(2019, 12, 1))
    assert not same_event(mon1, mon2)
    assert same_event(mon1, last_week)
    assert not same_event(mon2, last_week)
    assert not same_event(december, since_december)
    assert same_event(december, When(PERIOD, D(2019, 12, 2), D(2019, 12, 31)))
    as_of_2019 = When(RUNNING, D(2019, 12, 28), D(2019, 12, 28), undated=True)
    as_of_2020 = When(RUNNING, D(2020, 2, 4), D(2020, 2, 4), undated=True)
    assert not same_event(as_of_2019, as_of_2020)
    assert same_event(as_of_2019, december)  # a running total as of a month's end
    # one attack is never the same number as a tally
    assert not same_event(mon1, december) and not same_event(mon1, as_of_2020)
    # an estimated article date is a range: an undated incident may be any day in it
    undated = When(INCIDENT, D(2020, 1, 27), D(2020, 2, 7), undated=True)
    assert same_event(undated, mon1) and not same_event(undated, mon2)
    unknown = When(INCIDENT, None, None, undated=True)  # an article with no date at all
    assert not same_event(unknown, mon1) and same_event(unknown, unknown)


# -- constructed pairs that mirror the seeds ----------------------------------------------------

# 001, the machine-translated report (written on Tuesday 11 February 2020).
L_TEXT = (
    "The escalated bomb offensive continues and on Monday, five Turkish soldiers were killed in "
    "Idlib province. According to the UN, 700,000 civilians in the area have been forced to flee "
    "since December. But the border is closed, and Turkey, which already has 3.6 million Syrian "
    "refugees in the country, wants to prevent a new wave of refugees at all costs. After eight "
    "Turkish soldiers were killed by Syrian government forces last week, Turkey's President "
    "warned Russia. Turkey reports that 30 Syrian soldiers were killed in the revenge attacks."
)
# 002, TRT World (written on Tuesday 4 February 2020).
R_TEXT = (
    "What has added to the severity of the international entanglement is the Syrian regime's "
    "attack on Turkey's security forces on Monday morning in which five soldiers and one "
    "civilian contractor were killed. In December, almost 300,000 people fled to areas closer "
    "to the Turkish border to escape the destruction, according to the UN. More than 3 million "
    "Syrians have taken shelter in Turkey, which says it has spent more than $40 billion on "
    "their welfare. The bloody conflict in which around 500,000 people have been killed has left "
    "millions homeless."
)


def seed_like_pair():
    lf = {
        "five": fig(L_TEXT, "five", **count(5, "Turkish soldiers killed")),
        "monday": date_fig(L_TEXT, "Monday", D(2020, 2, 10), inferred=True),
        "700k": fig(
            L_TEXT, "700,000", **count(700_000, "civilians forced to flee", attribution="the UN")
        ),
        "december": date_fig(L_TEXT, "December", D(2019, 12, 1), D(2019, 12, 31), inferred=True),
        "3.6m": fig(L_TEXT, "3.6 million", **count(3_600_000, "Syrian refugees")),
        "eight": fig(L_TEXT, "eight", **count(8, "Turkish soldiers killed")),
        "last week": date_fig(L_TEXT, "last week", D(2020, 2, 3), D(2020, 2, 9), inferred=True),
        "30": fig(L_TEXT, "30", **count(30, "Syrian soldiers killed")),
    }
    rf = {
        "five": fig(R_TEXT, "five", **count(5, "soldiers killed")),
        "monday": date_fig(R_TEXT, "Monday morning", D(2020, 2, 3), inferred=True),
        "one": fig(R_TEXT, "one", **count(1, "civilian contractor killed")),
        "december": date_fig(R_TEXT, "December", D(2019, 12, 1), D(2019, 12, 31), inferred=True),
        "300k": fig(R_TEXT, "almost 300,000", **count(300_000, "people fled", qualifier="almost")),
        "3m": fig(
            R_TEXT,
            "More than 3 million",
            **count(3_000_000, "Syrian refugees", qualifier="more than"),
        ),
        "40bn": fig(
            R_TEXT, "$40 billion", kind="money", value=40e9, unit="USD", what="spent on welfare"
        ),
        "500k": fig(
            R_TEXT, "around 500,000", **count(500_000, "people killed", qualifier="around")
        ),
    }
    names = {
        "Turkey": ("Turkey", "PLACE"),
        "UN": ("United Nations", "ORG"),
        "Idlib": ("Idlib", "PLACE"),
        "Russia": ("Russia", "PLACE"),
    }
    left = article(
        L_TEXT,
        id="001",
        date=D(2020, 2, 11),
        source="unknown",
        figures=tuple(lf.values()),
        entities=mentions(L_TEXT, names),
    )
    right = article(
        R_TEXT,
        id="002",
        date=D(2020, 2, 4),
        source="TRT World",
        figures=tuple(rf.values()),
        entities=mentions(R_TEXT, names),
    )
    return left, right, lf, rf


def test_turkish_soldiers_killed_differ_for_the_same_early_february_attack() -> None:
    left, right, lf, rf = seed_like_pair()
    cmp = compare_articles(left, right)
    same_attack = [g for g in groups_with(cmp, rf["five"]) if g.relation == "differ"]
    assert len(same_attack) == 1
    group = same_attack[0]
    # 001's "eight … last week" and 002's "five … on Monday" (3 February) are one event
    assert group.left == (lf["eight"],) and group.right == (rf["five"],)
    assert group.period is not None and group.period.start == D(2020, 2, 3)
    # 001's "five … on Monday" is Monday 10 February: a later date, not a contradiction
    later = only_group(cmp, lf["five"])
    assert later.relation == "different_dates"
    assert cmp.summary.figure_groups_differ >= 1


def test_syrian_soldiers_are_not_paired_with_turkish_ones() -> None:
    left, right, lf, rf = seed_like_pair()
    cmp = compare_articles(left, right)
    group = only_group(cmp, lf["30"])
    assert group.relation == "left_only"
    assert lf["five"] not in group.left and rf["five"] not in group.right


def test_displacement_of_different_periods_is_different_dates() -> None:
    left, right, lf, rf = seed_like_pair()
    cmp = compare_articles(left, right)
    group = only_group(cmp, lf["700k"])
    assert group.relation == "different_dates"
    assert group.right == (rf["300k"],)
    assert group.left_periods[0].label == "2019-12-01 to 2020-02-11"  # since December
    assert group.right_periods[0].label == "2019-12-01 to 2019-12-31"  # in December


def test_refugees_in_turkey_grouped_and_agree() -> None:
    left, right, lf, rf = seed_like_pair()
    cmp = compare_articles(left, right)
    group = only_group(cmp, lf["3.6m"])
    assert group.right == (rf["3m"],)
    assert group.relation == "consistent" and "'more than'" in group.reason


def test_dates_are_periods_not_groups_and_money_stays_apart() -> None:
    left, right, lf, rf = seed_like_pair()
    cmp = compare_articles(left, right)
    for key in ("monday", "december", "last week"):
        assert groups_with(cmp, lf[key]) == []
    money = only_group(cmp, rf["40bn"])
    assert money.kind == "money" and money.relation == "right_only"


def test_same_words_on_different_mondays_are_different_dates() -> None:
    text = "On Monday, five soldiers were killed in Idlib."
    monday = text.index("Monday")

    def one(day: dt.date, mon: dt.date, id: str):
        return article(
            text,
            id=id,
            date=day,
            figures=(
                fig(text, "five", **count(5, "soldiers killed")),
                date_fig(text, "Monday", mon, inferred=True),
            ),
        )

    a = one(D(2020, 2, 4), D(2020, 2, 3), "a")
    b = one(D(2020, 2, 11), D(2020, 2, 10), "b")
    c = one(D(2020, 2, 5), D(2020, 2, 3), "c")
    assert monday >= 0
    (g,) = compare_articles(a, b).figures
    assert g.relation == "different_dates"
    (g,) = compare_articles(a, c).figures
    assert g.relation == "same" and g.period.start == D(2020, 2, 3)


def test_older_reports_do_not_pair_cumulative_figures_with_newer_ones() -> None:
    old = "The 7 1/2-year war has killed more than 400,000 people and displaced millions."
    new = "The bloody conflict in which around 500,000 people have been killed goes on."
    left = article(
        old,
        id="003",
        date=D(2018, 9, 12),
        figures=(
            fig(old, "more than 400,000", **count(400_000, "people killed", qualifier="more than")),
        ),
    )
    right = article(
        new,
        id="002",
        date=D(2020, 2, 4),
        figures=(
            fig(new, "around 500,000", **count(500_000, "people killed", qualifier="around")),
        ),
    )
    (g,) = compare_articles(left, right).figures
    assert g.relation == "different_dates"
    # the same figures in two reports of the same week do get compared, and disagree
    left2 = article(
        old,
        id="x",
        date=D(2020, 2, 1),
        figures=(
            fig(old, "more than 400,000", **count(400_000, "people killed", qualifier="up to")),
        ),
    )
    (g2,) = compare_articles(left2, right).figures
    assert g2.relation == "differ"


def test_projection_never_paired_with_a_count() -> None:
    lt = "Continued violence could displace up to 400,000 in the coming weeks."
    rt = "The violence has displaced 400,000 people."
    left = article(
        lt,
        id="l",
        date=D(2019, 12, 28),
        figures=(
            fig(
                lt,
                "up to 400,000",
                **count(400_000, "displaced", qualifier="up to", projection=True),
            ),
        ),
    )
    right = article(
        rt,
        id="r",
        date=D(2019, 12, 28),
        figures=(fig(rt, "400,000", **count(400_000, "people displaced")),),
    )
    groups = compare_articles(left, right).figures
    assert {(g.relation, g.projection) for g in groups} == {
        ("left_only", True),
        ("right_only", False),
    }


def test_entities_shared_and_one_sided_with_counts() -> None:
    left, right, _, _ = seed_like_pair()
    ent = compare_articles(left, right).entities
    shared = {e.canonical: (e.left, e.right) for e in ent.shared}
    assert shared["Turkey"] == (L_TEXT.count("Turkey"), R_TEXT.count("Turkey"))
    assert shared["United Nations"] == (1, 1)
    assert [e.canonical for e in ent.left_only] == ["Russia", "Idlib"] or {
        e.canonical for e in ent.left_only
    } == {"Russia", "Idlib"}
    assert ent.right_only == ()


def test_markdown_export_cites_every_figure_with_offsets() -> None:
    left, right, lf, rf = seed_like_pair()
    md = to_markdown(compare_articles(left, right), left, right)
    assert "TRT World" in md and "2020-02-04" in md
    for f in (lf["eight"], rf["five"], lf["3.6m"]):
        assert f"figure chars {f.start}–{f.end}" in md
    assert f"sentence chars {rf['five'].sentence_start}–{rf['five'].sentence_end}" in md
    assert "DIFFER" in md


def test_markdown_escapes_untrusted_text() -> None:
    text = "The [/] and [@click=app.quit]x[/] report said *five* <b>people</b> died.\x1b]0;x\x07"
    a = article(
        text,
        id="l",
        title="[bold]T[/bold] | x",
        figures=(fig(text, "five", **count(5, "people died")),),
    )
    md = to_markdown(compare_articles(a, a), a, a)
    assert "\x1b" not in md and "\x07" not in md
    assert "[/]" not in md.replace("\\]", "") and "<b>" not in md
    assert "\\[@click=app.quit\\]" in md and "\\*five\\*" in md and "\\<b\\>" in md


def test_aligned_sentences_with_figures_of_different_dates_are_not_a_discrepancy() -> None:
    lt = "According to the UN, 700,000 civilians have fled since December."
    rt = "According to the UN, 300,000 civilians have fled in December."

    def build(text, number, when, day, end, date, id):
        return article(
            text,
            id=id,
            date=date,
            figures=(
                fig(text, number, **count(float(number.replace(",", "")), "civilians fled")),
                date_fig(text, when, day, end),
            ),
        )

    left = build(lt, "700,000", "December", D(2019, 12, 1), D(2019, 12, 31), D(2020, 2, 11), "l")
    right = build(rt, "300,000", "December", D(2019, 12, 1), D(2019, 12, 31), D(2020, 2, 4), "r")
    cmp = compare_articles(left, right)
    (pair,) = cmp.pairs
    assert pair.relation == "similar" and not pair.figure_discrepancy
    assert any("different dates" in n for n in pair.notes)
    (group,) = cmp.figures
    assert group.relation == "different_dates"
    # the same two sentences about the same month do disagree
    rt_same = "According to the UN, 300,000 civilians have fled since December."
    right_same = build(
        rt_same, "300,000", "December", D(2019, 12, 1), D(2019, 12, 31), D(2020, 2, 11), "r"
    )
    (pair,) = compare_articles(left, right_same).pairs
    assert pair.figure_discrepancy


def test_since_without_an_article_date_is_an_open_period() -> None:
    text = "Some 373 civilians have been killed since December 1, 2019."
    a = article(
        text,
        id="l",
        figures=(
            fig(text, "373", **count(373, "civilians killed")),
            date_fig(text, "December 1, 2019", D(2019, 12, 1)),
        ),
    )
    b = article(
        text.replace("373", "380"),
        id="r",
        figures=(
            fig(text.replace("373", "380"), "380", **count(380, "civilians killed")),
            date_fig(text.replace("373", "380"), "December 1, 2019", D(2019, 12, 1)),
        ),
    )
    (group,) = compare_articles(a, b).figures
    assert group.relation == "differ"
    assert group.period.label == "since 2019-12-01"


# -- patterns met on real reports (fixtures written for the tests, annotated for real) ---------


FEB_3 = D(2020, 2, 3)


def _annotated(text: str, day: dt.date, id: str):
    from idlibtui.annotate import annotate_text

    figures, entities = annotate_text(text, day)
    return article(text, id=id, date=day, figures=figures, entities=entities)


def _verdicts(left_text: str, right_text: str, day: dt.date = FEB_3) -> dict:
    cmp = compare_articles(_annotated(left_text, day, "l"), _annotated(right_text, day, "r"))
    return {
        (tuple(f.text for f in g.left), tuple(f.text for f in g.right)): g.relation
        for g in cmp.figures
    }


def test_a_part_of_a_count_is_not_a_second_count() -> None:
    got = _verdicts(
        "Shelling killed four Turkish soldiers and nine were wounded, officials said.",
        "Four Turkish soldiers died in the shelling. Nine other soldiers were wounded, "
        "including one seriously.",
    )
    assert got[(("four",), ("Four",))] == "same"
    assert got[(("nine",), ("Nine",))] == "same"  # "one seriously" is part of the nine


def test_another_introduces_a_new_quantity_not_an_addition() -> None:
    got = _verdicts(
        "The strike killed 33 Turkish soldiers. Another 35 troops were wounded.",
        "The strike killed 33 Turkish soldiers and 32 soldiers were wounded.",
    )
    assert got[(("35",), ("32",))] == "differ"
    got = _verdicts(
        "Two soldiers were killed on Monday and another five soldiers were killed on Tuesday.",
        "Five soldiers were killed on Tuesday.",
        D(2020, 2, 5),
    )
    assert got[(("five",), ("Five",))] == "same"  # the addition is Tuesday's own count


def test_since_one_date_to_another_is_a_total_as_of_the_second() -> None:
    got = _verdicts(
        "The UN said on Monday that 900,000 people have been displaced since December 1.",
        "The number of displaced people since December 1, 2019, to February 17 reached 875,000.",
        D(2020, 2, 18),
    )
    assert got[(("900,000",), ("875,000",))] == "differ"


def test_two_lower_bounds_that_differ_differ() -> None:
    v = judge(_f(34, "at least"), _f(33, "at least"))
    assert v.relation == "differ" and v.reason == "at least 34 vs at least 33"
    assert judge(_f(35, "up to"), _f(36, "almost")).relation == "consistent"


def test_narrower_victims_stay_apart_when_both_reports_give_the_wider_count() -> None:
    got = _verdicts(
        "Air strikes on the town killed 10 civilians, at least five women among them.",
        "Air strikes on the town killed 10 civilians, including six women.",
    )
    assert got[(("10",), ("10",))] == "same"
    assert not any("10" in k[0] and "six" in k[1] for k in got)


def test_martyred_soldiers_are_deaths() -> None:
    got = _verdicts(
        "An attack on Monday martyred seven Turkish soldiers.",
        "Five Turkish soldiers were killed in an attack on Monday.",
    )
    assert got[(("seven",), ("Five",))] == "differ"


def test_the_day_a_ministry_spoke_is_not_the_day_of_the_attack() -> None:
    got = _verdicts(
        "Two Turkish soldiers were killed and two others wounded in an air strike in Idlib, "
        "the ministry said late on Wednesday.",
        "Turkey's defence ministry said early on Thursday that two of its soldiers were killed "
        "and two others wounded in an air strike.",
        D(2020, 2, 27),
    )
    assert got[(("Two",), ("two",))] == "same"


def test_since_thursday_when_dates_the_killing() -> None:
    got = _verdicts(
        "Ankara has stepped up its strikes since Thursday, when 36 Turkish soldiers were killed.",
        "Air strikes on Thursday killed 34 Turkish soldiers.",
        D(2020, 3, 1),
    )
    assert got[(("36",), ("34",))] == "differ"


def test_a_count_of_the_past_24_hours_is_not_set_against_a_running_total() -> None:
    got = _verdicts(
        "The ministry said 103 tanks have been destroyed since the operation began.",
        "Four tanks were destroyed in the past 24 hours, the ministry said.",
        D(2020, 3, 3),
    )
    assert not any(r in ("differ", "same", "consistent") for r in got.values()), got


def test_the_attackers_nation_is_not_the_victims() -> None:
    got = _verdicts(
        "Air strikes on Thursday killed 34 Turkish soldiers.",
        "Turkish drones killed 26 soldiers on Thursday.",
        D(2020, 2, 28),
    )
    assert not any(v == "differ" for v in got.values()), got


def test_counted_things_never_meet_counts_of_people() -> None:
    assert not _same("schools killed", "civilians killed")
    assert not _same("tanks", "armored vehicles")
    assert not _same("armored personnel carriers", "soldiers")


def test_two_towns_struck_the_same_day_are_two_events() -> None:
    got = _verdicts(
        "A missile hit a camp near Qah, killing 15 civilians, including six children. "
        "Warplanes struck the town of Maaret al-Numan, and six civilians were killed.",
        "A missile strike on the camp at Qah killed 12 civilians. In Maaret al-Numan, air "
        "strikes killed six civilians.",
        D(2019, 11, 21),
    )
    assert got[(("15",), ("12",))] == "differ"
    assert got[(("six",), ("six",))] == "same"  # Maaret al-Numan's six, not the camp's


def test_a_death_toll_is_a_count_of_one_attack() -> None:
    got = _verdicts(
        "The Observatory, in an updated toll, said the strike on the camp killed 15 civilians.",
        "At least 12 people were killed in the strike on the camp.",
        D(2019, 11, 21),
    )
    assert got[(("15",), ("12",))] == "differ"


def test_at_least_allows_more_only_for_a_round_number() -> None:
    assert judge(_f(34), _f(33, "at least")).relation == "differ"
    assert judge(_f(3_600_000), _f(3_000_000, "more than")).relation == "consistent"
    assert judge(_f(12), _f(10, "at least")).relation == "consistent"


def test_a_standing_number_takes_no_date_from_its_sentence() -> None:
    got = _verdicts(
        "Turkey, which houses more than three million Syrian refugees, sent a delegation to "
        "Moscow this week.",
        "More than 3 million Syrian refugees live in Turkey.",
        D(2019, 12, 28),
    )
    assert got[(("three million",), ("3 million",))] == "same"


def test_an_undated_report_meets_a_dated_one_only_on_the_same_number() -> None:
    text = "The UN says 950,000 people have been displaced since December."
    dated = _annotated(text, D(2020, 2, 20), "l")
    undated = article(
        text.replace("950,000", "900,000"),
        id="r2",
        figures=_annotated(text.replace("950,000", "900,000"), D(2020, 2, 20), "x").figures,
    )
    same = article(text, id="r3", figures=_annotated(text, D(2020, 2, 20), "y").figures)
    same = dataclasses.replace(same, date=None)
    undated = dataclasses.replace(undated, date=None)
    (g,) = [g for g in compare_articles(dated, same).figures if g.left and g.right]
    assert g.relation == "same"
    assert not [g for g in compare_articles(dated, undated).figures if g.relation == "differ"]


def test_a_toll_of_the_whole_war_is_labelled_so() -> None:
    """ "the conflict in which around 500,000 people have been killed" counts since 2011: its
    period says so instead of passing for an undated count of these days."""
    left, right, _lf, rf = seed_like_pair()
    cmp = compare_articles(left, right)
    group = only_group(cmp, rf["500k"])
    period = group.right_periods[group.right.index(rf["500k"])]
    assert period.war_total
    assert period.label.startswith("whole war")
    # people, civilians and a civilian contractor killed: the group is named by its widest
    assert group.what == "people killed"
