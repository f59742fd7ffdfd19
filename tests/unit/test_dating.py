"""An article's date as a judgement over all the evidence, on paraphrased real-page patterns.

Each fixture is written for this project in its own words; it reproduces a pattern seen on real
web reports (background years, page chrome, stray metadata lines, datelines, weekdays), never
the reports' text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from idlibtui.annotate import date_article
from idlibtui.annotate.dating import judge_date, reported_events
from idlibtui.clean import clean_document
from idlibtui.pipeline import load_article
from idlibtui.serialize import article_to_dict

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def judged(raw: str):
    return date_article(clean_document(raw))


def shown(raw: str) -> str | None:
    """The day ``clean --json`` states (None for an honest range or unknown)."""
    return article_to_dict(judged(raw))["date"]


# --- background mentions bound the date, they are never the date -----------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "Rebels said the town had changed hands many times. The army lost control of it in 2014 "
        "and has tried to retake it ever since.\n",
        "The United Nations says the fighting is the worst since the civil war's start in 2011. "
        "Aid groups are stretched.\n",
        "Displacement in the nine-year conflict has reached record levels, aid workers say. "
        "Camps are full.\n",
    ],
)
def test_a_background_year_is_not_the_date(raw: str) -> None:
    article = judged(raw)
    assert article.date_kind in ("estimated", "unknown")
    assert shown(raw) is None  # a floor or a range, never a made-up day


def test_a_stated_day_in_the_lead_wins_over_background_years() -> None:
    raw = (
        "Turkish troops came under fire on February 28, 2020, officials said on Friday.\n\n"
        "The war, which began in 2011, has displaced millions. Ankara lost control of the "
        "crossing in 2014.\n"
    )
    article = judged(raw)
    assert dt.date(2020, 2, 28) <= article.date <= dt.date(2020, 3, 2)
    assert article.date_earliest >= dt.date(2020, 2, 28)


# --- page chrome and stray metadata ---------------------------------------------------------


def test_a_site_header_with_the_saving_day_is_page_chrome() -> None:
    raw = (
        "Fri. Mar 29th, 2024\n\n"
        "Army advances near the highway\n\n"
        "Government forces took two villages on Thursday (February 27), a monitor said, as "
        "Turkey sent more troops across the border. On February 26 the army shelled the area. "
        "Nearly a million people have fled since December 2019.\n"
    )
    article = judged(raw)
    assert article.date is not None and article.date.year == 2020
    assert "set aside" in article.date_evidence and "2024" in article.date_evidence


def test_a_stray_metadata_line_loses_to_a_weekday_with_its_day() -> None:
    raw = (
        " date 2020-02-21 Dozens of soldiers were killed in an air strike on Friday (February "
        "28), in an escalation that alarmed European capitals.\n\n"
        "Officials met overnight to discuss the response.\n"
    )
    article = judged(raw)
    assert article.date == dt.date(2020, 2, 28) or article.date == dt.date(2020, 2, 29)
    assert "2020-02-21 set aside" in article.date_evidence


def test_a_month_only_metadata_line_is_recognised_and_is_not_the_title() -> None:
    raw = (
        " date 2020-02\n\nTroops reinforce posts in the north\n\n"
        "Convoys crossed the border overnight to reinforce observation posts, officials said, "
        "as fighting continued around the town for another day.\n"
    )
    article = judged(raw)
    assert article.title == "Troops reinforce posts in the north"
    assert article.date_kind == "estimated"
    assert (article.date_earliest, article.date_latest) == (
        dt.date(2020, 2, 1),
        dt.date(2020, 2, 29),
    )
    assert "2020-02" in article.date_evidence


def test_a_wire_dateline_day_beats_a_later_repost_metadata_line() -> None:
    raw = (
        " date 2020-02-02 DAMASCUS, Jan. 29 (Xinhua) -- The army said it had taken the town "
        "after days of fighting, along with dozens of villages around it.\n"
    )
    article = judged(raw)
    assert article.date == dt.date(2020, 1, 29) and article.date_kind == "stated"
    assert article.dateline == "DAMASCUS" and article.agency == "Xinhua"


# --- weekdays ---------------------------------------------------------------------------------


def test_weekdays_named_alone_come_after_the_days_the_text_dates() -> None:
    j = judge_date(
        "Warplanes struck near the post on August 22, 2019, activists said. On Wednesday a new "
        "strike hit the same area, the ministry said."
    )
    assert j.earliest == dt.date(2019, 8, 28) and j.precise  # the Wednesday after August 22


def test_a_weekday_written_with_its_day_is_that_day() -> None:
    j = judge_date(
        "The army broke the siege on Tuesday (Sept 5, 2017), state media said. On Tuesday "
        "troops also entered the base."
    )
    assert j.earliest == dt.date(2017, 9, 5)


def test_a_month_day_without_year_takes_no_year_from_background_years() -> None:
    j = judge_date("Buses left the city today, after the deal of Dec. 12. The war began in 2011.")
    assert not j.precise


def test_a_numeric_stamp_with_today_dates_the_report() -> None:
    # a German copy: "the convoy left today at 21:40 CET 14.11.2017"
    j = judge_date(
        "Convoys leave the besieged district\n\nThe first buses left the district, observers "
        "said. The convoy left today at 21:40 CET 14.11.2017 under a truce."
    )
    assert (j.date, j.kind.value) == (dt.date(2017, 11, 14), "derived")


def test_an_iso_day_under_the_headline_is_the_lead_day() -> None:
    raw = (
        "Families leave the province as the bombing widens\n\n2018-10-02 7\n\nThousands left "
        "their homes on the third day of the air campaign on the province.\n"
    )
    assert shown(raw) == "2018-10-02"


def test_a_capitalised_caption_day_and_the_full_day_agree() -> None:
    # the day written in capitals without its year, and again with it: the lead day stands
    j = judge_date(
        "People queue for buses, HOMS, SYRIA - MAY 7: a boy waits.\n\nOn May 7, 2014, the "
        "last fighters left the old city under a deal, officials said.\n\nMore below."
    )
    assert j.date == dt.date(2014, 5, 7) and j.precise


def test_a_weekday_after_a_span_of_captures_is_the_day_after_it() -> None:
    # the towns fell on Monday and Tuesday; the command's statement came "on Wednesday"
    j = judge_date(
        "Army regains ground in the south\n\nThe army retook ground in the south of the "
        "province, state media said.\n\nOur forces restored control over Kafr Sajneh, Sheikh "
        "Mustafa and other villages, the command said in a statement on Wednesday.\n",
        (),
        reported_events(
            "Army regains ground in the south\n\nThe army retook ground in the south of the "
            "province, state media said.\n\nOur forces restored control over Kafr Sajneh, "
            "Sheikh Mustafa and other villages, the command said in a statement on Wednesday.\n"
        ),
    )
    assert j.precise and j.earliest == dt.date(2020, 2, 26)


def test_a_lead_day_without_year_that_is_the_days_news_dates_the_report() -> None:
    # the lead's "16 September" takes its year from the attack it reports; "March 5" later in
    # the text is the March before it, not the one after
    text = (
        "Turkey says an observation post in Idlib was attacked\n\nThe defence ministry said in "
        "a post on Twitter on 16 September that its forces had responded.\n\nGroups dressed "
        "as civilians attacked observation post 7, the ministry said. Russia and Turkey agreed "
        "on March 5 to a ceasefire in the province.\n"
    )
    j = judge_date(text, (), reported_events(text))
    assert j.date == dt.date(2020, 9, 16) and j.precise


def test_a_weekday_named_alone_that_is_the_reported_days_weekday_bounds_the_date() -> None:
    # the strike fell on a Thursday; the text says only that the governor spoke "on Thursday"
    text = (
        "Turkey mourns its soldiers\n\nThe provincial governor spoke to reporters on Thursday "
        "night about the losses.\n\nThirty-three Turkish soldiers were killed in an air strike "
        "blamed on the Syrian government, officials said.\n"
    )
    j = judge_date(text, (), reported_events(text))
    assert j.precise and j.earliest == dt.date(2020, 2, 27)
    other = text.replace("on Thursday night", "on Monday night")  # not the strike's weekday
    assert not judge_date(other, (), reported_events(other)).precise
    # the weekday only far from the lead: another day's talk, no bound
    late = (
        "Turkey mourns its soldiers\n\nThe provincial governor spoke to reporters about the "
        "losses.\n\nThirty-three Turkish soldiers were killed in an air strike blamed on the "
        "Syrian government, officials said.\n\nFunerals were held in several towns on Thursday.\n"
    )
    assert not judge_date(late, (), reported_events(late)).precise


def test_a_short_span_reported_in_the_lead_bounds_the_report() -> None:
    # the Kurdish-led forces' capture of Raqqa (17-20 October 2017), the news of the lead
    text = (
        "Raqqa falls\n\nThe SDF said it had liberated Raqqa from the Islamic State, ending a "
        "long battle.\n\nCivilians may not return yet because of mines.\n"
    )
    j = judge_date(text, (), reported_events(text))
    assert j.precise and (j.earliest, j.latest) == (dt.date(2017, 10, 17), dt.date(2017, 10, 22))


def test_a_span_that_began_today_is_dated_by_its_first_day() -> None:
    text = (
        "Hundreds of civilians began evacuating from rebel-held east Aleppo today, under a deal "
        "after the army retook most of the city.\n"
    )
    j = judge_date(text, (), reported_events(text))
    assert j.date == dt.date(2016, 12, 13) and j.precise


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        (
            "Des familles fuient la province\n\nPublié le 28 février 2020 à 10h30\n\nDes "
            "familles entières ont quitté leurs villages sous les bombes, selon une ONG locale. "
            "Elles se dirigent vers la frontière.\n",
            "2020-02-28",
        ),
        (
            "Армия продолжает наступление\n\n16 января 2020, 10:45\n\nСирийская армия "
            "продолжила операцию в провинции после нарушения режима тишины, сообщили военные.\n",
            "2020-01-16",
        ),
        (
            "Sınırda yeni göç dalgası\n\n28 Şubat 2020 10:45\n\nBinlerce aile bombardımandan "
            "kaçarak sınıra doğru yola çıktı, yardım kuruluşları açıkladı.\n",
            "2020-02-28",
        ),
        (
            "L'offensive reprend\n\nBeyrouth, 3 mars 2020 (AFP) - Les forces du régime ont "
            "repris leur offensive dans le sud de la province, selon une ONG.\n",
            "2020-03-03",
        ),
        (
            "نزوح آلاف العائلات من ريف إدلب\n\nتاريخ النشر: 28 فبراير 2020\n\nنزحت آلاف العائلات "
            "من ريف إدلب الجنوبي باتجاه الحدود التركية هربا من القصف، بحسب منظمات إنسانية.\n",
            "2020-02-28",
        ),
        (
            "伊德利卜数千家庭逃离\n\n2020年2月28日 10:45\n\n"
            "据人道组织称，数千个家庭因轰炸逃往土耳其边境，"
            "许多人露宿在橄榄树林中，天气寒冷。救援人员说，营地已经人满为患。\n",
            "2020-02-28",
        ),
        (
            "Tūkstančiai šeimų bėga iš Idlibo\n\n2020 m. vasario 28 d. 10:45\n\nTūkstančiai šeimų "
            "bėga nuo bombardavimų link Turkijos sienos, pranešė humanitarinės organizacijos.\n",
            "2020-02-28",
        ),
        (
            "Хиляди семейства бягат от Идлиб\n\n28 февруари 2020, 10:45\n\nХиляди семейства "
            "бягат от бомбардировките към турската граница, съобщиха хуманитарни организации.\n",
            "2020-02-28",
        ),
    ],
    ids=[
        "fr-published-line",
        "ru-stamp",
        "tr-stamp",
        "fr-afp-dateline",
        "ar-published-line",
        "zh-stamp",
        "lt-stamp",
        "bg-stamp",
    ],
)
def test_a_date_line_in_another_language_is_read(raw: str, day: str) -> None:
    assert shown(raw) == day


def test_an_event_reported_in_another_language_dates_the_report() -> None:
    # a Turkish report of the strike that killed 33 soldiers (27 February 2020), in its lead
    raw = (
        "Acı haber geldi\n\nİdlib'de rejim güçlerinin hava saldırısında 33 Mehmetçik şehit "
        "oldu. Yaralı askerler hastanelere kaldırıldı.\n\nAileler haberi sabah aldı.\n"
    )
    a = judged(raw)
    assert a.lang != "en"
    assert a.date_earliest == dt.date(2020, 2, 27) and "Balyun" in a.date_evidence
    assert shown(raw) == "2020-02-28"


def test_an_event_sentence_naming_another_day_in_another_language_is_another_event() -> None:
    # "on 3 March, 33 soldiers were martyred": not the strike of 27 February
    assert reported_events("Haber\n\n3 Mart'ta İdlib'de 33 Mehmetçik şehit oldu.\n") == []
    ok = reported_events("Haber\n\n27 Şubat gecesi İdlib'de 33 Mehmetçik şehit oldu.\n")
    assert [e.date for e in ok] == [dt.date(2020, 2, 27)]


def test_a_year_less_day_in_another_language_stays_unknown() -> None:
    # the year is nowhere: no day is made up for it
    raw = (
        "L'offensive reprend\n\nDamas, 16 janvier (AFP) - Les forces du régime ont repris "
        "leur offensive dans le sud de la province, selon une ONG.\n"
    )
    assert shown(raw) is None


# --- the seeds (no corrections file) ----------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    return {p.name[:3]: load_article(p, CORPUS) for p in sorted(CORPUS.glob("*.txt"))}


def test_seed_dates_as_a_careful_reader_gives_them(seeds) -> None:
    assert (seeds["000"].date, seeds["000"].date_kind) == (dt.date(2019, 12, 28), "stated")
    assert (seeds["003"].date, seeds["003"].date_kind) == (dt.date(2018, 9, 12), "stated")
    s001 = seeds["001"]
    assert s001.date_kind in ("derived", "estimated")
    assert dt.date(2020, 2, 10) <= s001.date <= dt.date(2020, 2, 12)
    assert "10 February 2020" in s001.date_evidence  # the Taftanaz attack it reports
    s002 = seeds["002"]
    assert dt.date(2020, 2, 1) <= s002.date <= dt.date(2020, 2, 7)
    assert "3 February 2020" in s002.date_evidence
    s004 = seeds["004"]
    assert dt.date(2019, 5, 1) <= s004.date <= dt.date(2019, 5, 8)
    assert s004.date_evidence and s004.date_kind == "estimated"


def test_relative_days_resolve_against_the_judged_week(seeds) -> None:
    monday = [f for f in seeds["001"].figures if f.kind == "date" and f.text == "Monday"]
    assert monday and monday[0].date == dt.date(2020, 2, 10)
    morning = [f for f in seeds["002"].figures if f.kind == "date" and "Monday" in f.text]
    assert morning and morning[0].date == dt.date(2020, 2, 3)


def test_json_carries_kind_range_and_claims(seeds) -> None:
    out = article_to_dict(seeds["002"])
    assert out["date_kind"] == "estimated" and out["date_range"][0] == "2020-02-03"
    assert out["date"] == out["date_best"]  # a narrow range is stated as its best day
    assert article_to_dict(seeds["000"])["date_claims"][0]["source"] == "metadata line"


def test_events_added_in_the_corrections_file_date_an_article(tmp_path: Path) -> None:
    from idlibtui.annotate import CorrectionsError, load_corrections
    from idlibtui.pipeline import process_document

    raw = (
        "Fighters overran the hilltop village of Tell Qarqur on Tuesday, a local council "
        "said, and residents fled towards the camps.\n"
    )
    corrections = tmp_path / "entities.toml"
    corrections.write_text(
        "[[event]]\n"
        'id = "2019-06-04-tell-qarqur"\n'
        "date = 2019-06-04\n"
        'kind = "capture"\n'
        'title = "capture of Tell Qarqur"\n'
        'summary = "Fighters take the village of Tell Qarqur"\n'
        'match = [["Tell Qarqur"], ["overran", "captured"]]\n',
        encoding="utf-8",
    )
    from idlibtui.ingest import RawDocument

    doc = RawDocument(Path("-"), raw, "utf-8", False, len(raw), 0.0, "x")
    plain = process_document(doc, "x.txt")
    assert plain.date is None or plain.date_kind != "derived"
    dated = process_document(doc, "x.txt", corrections=load_corrections(corrections))
    assert dt.date(2019, 6, 4) <= dated.date <= dt.date(2019, 6, 6)
    assert "Tell Qarqur" in dated.date_evidence
    corrections.write_text('[[event]]\nid = "bad"\ndate = "someday"\n', encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"entities\.toml"):
        load_corrections(corrections)
