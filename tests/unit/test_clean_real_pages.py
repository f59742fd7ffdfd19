"""Families seen on real web reports (issue 13): page chrome, captions, repeated lines, titles,
truncated endings. Every fixture is written for the test (paraphrased patterns, no page text)."""

from __future__ import annotations

import re

import pytest

from idlibtui.annotate import annotate
from idlibtui.clean import clean_document
from idlibtui.model import Article, BlockKind
from tests.unit.test_clean_seeds import assert_consistent

BODY = (
    "Government forces shelled villages south of the city overnight, and residents said many "
    "families had left for the border."
)
BODY2 = (
    "Aid groups warned that the camps near the frontier were full and that more people were "
    "arriving every day."
)


def clean(text: str) -> Article:
    article = clean_document(text)
    assert_consistent(article)
    return article


def texts(article: Article, kind: BlockKind | None = None) -> list[str]:
    return [article.block_text(b) for b in article.blocks if kind is None or b.kind is kind]


def removed(article: Article) -> dict[str, str]:
    """Removed line → the reason given for it."""
    return {
        r.raw.strip(): r.note
        for r in article.repairs
        if r.replacement == "" and r.raw.strip() and r.kind in ("boilerplate", "debris")
    }


def flags(article: Article) -> list[str]:
    return [r.note for r in article.repairs if r.kind == "flag"]


# ---- page chrome: each line goes, with its reason, and leaves no figure ------------------------


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Keep reading", "widget"),
        ("image", "media placeholder"),
        ("0 64", "counter"),
        ("*The movement is a terrorist group banned in Russia.", "legal disclaimer"),
        ("See also: Minister quits after a row over the budget “We are done", "related link|promo"),
        ("REBELS, ALEPPO, SHELLING, Syria, United Nations, Geneva", "keyword tags"),
        (
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
            "comment",
        ),
        ("In by Leave a Comment", "comment"),
        ("list of 4 items", "list widget"),
        ("5 min read", "reading time"),
        ("Analysis / Europe & Central Asia 12+ minutes", "reading time"),
        ("9 minutes ago", "relative time"),
        ("Updated 2 hours ago", "relative time"),
        ("Also reported by •Some Wire Service", "aggregator"),
        ("A / A", "text-size"),
        ("Do you like this content? Consider helping us!", "donation"),
        ("Interested in Lebanon?", "interest"),
        ("Author: Jane Roe", "author"),
        ("Similar News:", "widget"),
        ("Read more »", "widget|promo"),
        ("Other news", "widget"),
        ("Leave a Reply", "widget|comment"),
        ("• Share", "share"),
        ("• Download PDF Full Report", "share"),
        ("– Follow us on Telegram:", "promo"),
        ("Sign up for our daily newsletter, delivered straight to your inbox.", "newsletter|promo"),
        ("(Reporting by Jo Bloggs in Amman; Editing by Sam Doe)", "reporting"),
        ("Sorry, we are not accepting comments on this story.", "comment"),
        ("The shelling continued at dawn pic.twitter.com/Ab12Cd34", "tweet"),
        ("Shells fell near the clinic — Local Monitor (@localmonitor) March 3, 2020", "tweet"),
        (
            "Strike on a market kills 9, monitors say… https://t.co/xY12 4 hours ago",
            "aggregator|tweet",
        ),
    ],
)
def test_page_chrome_is_removed_with_its_reason(line: str, why: str) -> None:
    article = clean(f"Shelling resumes south of the city\n{BODY}\n{line}\n{BODY2}")
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]
    assert re.search(why, removed(article)[line])
    figures = annotate(article).figures
    assert not any(f.start >= len(texts(article)[0]) + len(BODY) + 4 for f in figures)


def test_widgets_glued_to_text_are_cut_off_it() -> None:
    article = clean(f"Keep readinglist of 4 itemsTalks resumed in Geneva on Monday.\n{BODY}")
    assert texts(article)[0] == "Talks resumed in Geneva on Monday."
    article = clean("The factions met in August 2018.Hide Footnote Instead, they split again.")
    assert article.text == "The factions met in August 2018. Instead, they split again."


def test_empty_quote_pairs_left_by_tags() -> None:
    article = clean(f"The army advanced. '' The rebels withdrew.\n''\n{BODY}")
    assert article.text == f"The army advanced. The rebels withdrew.\n\n{BODY}"


# ---- captions and credits: never kept, never the title ---------------------------------------


def test_handout_caption_twice_then_headline_and_standfirst_of_an_excerpt() -> None:
    caption = (
        "A handout picture released by the state news agency on March 2, 2020 shows troops "
        "on the edge of a town in the province of Hama."
    )
    raw = (
        f"{caption} Sana\n"
        f"{caption[:-30]}Show more\n"
        "Troops take hilltop town after week of fighting\n"
        "The town, held by rebels since 2013, overlooks the main road to the coast"
    )
    article = clean(raw)
    assert article.title == "Troops take hilltop town after week of fighting"
    assert texts(article) == [
        "Troops take hilltop town after week of fighting",
        "The town, held by rebels since 2013, overlooks the main road to the coast",
    ]
    assert all(re.search("caption|widget", why) for why in removed(article).values())


@pytest.mark.parametrize(
    "caption",
    [
        "A minister speaks to members of parliament in the capital, May 4, 2020 "
        "Presidential Press Office/Handout via REUTERS",
        "Smoke rises over the old quarter after an air strike on Tuesday. "
        "MONITOR GROUP / John Smith",
        "Displaced families walk along a road near the border. Getty Images",
        "Karim Saleh / AFP/Getty Images",
        "A girl outside a tent in a camp near the border - March 3, 2018 (Local Paper)",
        "This clip was shared by a local outlet and shows families leaving the city. "
        "Credit: YouTube/Local FM via Storyful",
        "Flags flutter on a military vehicle near the border, May 2, 2019. "
        "(photo credit: JOHN SMITH/REU",
    ],
)
def test_captions_with_trailing_credits(caption: str) -> None:
    article = clean(f"{caption}\nShelling resumes south of the city\n{BODY}\n{BODY2}")
    assert article.title == "Shelling resumes south of the city"
    assert caption not in article.text
    assert "caption" in removed(article)[caption]


def test_a_sentence_ending_with_an_agency_name_is_not_a_caption() -> None:
    line = "The army entered the town on Tuesday, the agency said. Reuters"
    article = clean(f"{BODY}\n{line}\n{BODY2}")
    assert line in article.text


def test_a_date_line_is_never_the_title() -> None:
    article = clean(f"March 3, 2020 / 9:15 AM\nShelling resumes south of the city\n{BODY}\n{BODY2}")
    assert article.title == "Shelling resumes south of the city"


# ---- repeated lines, labels, navigation in another language ---------------------------------


def test_repeated_headline_lines_go_after_the_first() -> None:
    head = "Air strikes kill nine in market town"
    article = clean(f"{head}\n{BODY}\n{head}\n{BODY2}\n{head}\nThe toll may rise, medics said.")
    assert article.title == head
    assert article.text.count(head) == 1
    assert "repeated" in removed(article)[head]


@pytest.mark.parametrize("label", ["World News", "Middle East & Africa", "English / Français"])
def test_section_label_above_the_headline(label: str) -> None:
    article = clean(f"{label}\nShelling resumes south of the city\n{BODY}\n{BODY2}")
    assert article.title == "Shelling resumes south of the city"
    assert label not in article.text


def test_a_longer_line_above_the_headline_is_kept_and_flagged() -> None:
    article = clean(f"The Regional Rights Monitor\nShelling resumes south of the city\n{BODY}")
    assert article.title == "Shelling resumes south of the city"
    assert "The Regional Rights Monitor" in article.text
    assert any("possible boilerplate" in note for note in flags(article))


def test_navigation_in_another_language_in_an_english_page() -> None:
    article = clean(f"haberin adresi burada değil\nShelling resumes south of the city\n{BODY}")
    assert article.title == "Shelling resumes south of the city"
    assert "değil" not in article.text


# ---- precision: real text is never lost ----------------------------------------------------


@pytest.mark.parametrize(
    "ending",
    [
        "The factions have long sought to",
        "Moscow backs the government, while Ankara supports several armed groups in the",
        "The ceasefire, agreed in March, has largely held although violations",
    ],
)
def test_truncated_ending_is_kept_and_marked(ending: str) -> None:
    article = clean(f"Shelling resumes south of the city\n{BODY}\n{BODY2}\n{ending}")
    assert texts(article)[-1] == ending
    assert "truncated text (kept)" in flags(article)


def test_lone_closing_headline_shaped_line_is_kept_and_flagged() -> None:
    last = "Turkey sends more troops to the border region"
    article = clean(f"Shelling resumes south of the city\n{BODY}\n{BODY2}\n{last}")
    assert texts(article)[-1] == last
    assert any("possible boilerplate" in note for note in flags(article))


def test_one_sentence_paragraphs_and_subheadings_survive() -> None:
    raw = (
        "Shelling resumes south of the city\n"
        f"{BODY}\n"
        "The mayor left.\n"
        "Fear in the camps\n"
        f"{BODY2}\n"
        "Who controls the road?\n"
        "Rebels have held the highway since 2015, according to local officials."
    )
    article = clean(raw)
    assert texts(article) == [
        "Shelling resumes south of the city",
        BODY,
        "The mayor left.",
        "Fear in the camps",
        BODY2,
        "Who controls the road?",
        "Rebels have held the highway since 2015, according to local officials.",
    ]
    assert texts(article, BlockKind.HEADING) == ["Fear in the camps", "Who controls the road?"]


def test_cleaning_twice_changes_nothing() -> None:
    raw = (
        "World News\nShelling resumes south of the city\n5 min read\n"
        f"{BODY}\nKeep reading\n{BODY2}\nThe factions have long sought to"
    )
    once = clean(raw)
    twice = clean(once.text)
    assert twice.text == once.text


def test_caption_copy_without_its_credit_and_a_paragraph_printed_twice() -> None:
    caption = "Flags flutter on a military vehicle near the border, May 2, 2019."
    raw = (
        f"Shelling resumes south of the city\n{caption} (photo credit: JOHN SMITH/REUTERS)\n"
        f"{caption}\n{BODY}\n{BODY2}\n{BODY2}"
    )
    article = clean(raw)
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]
    assert "repeated paragraph" in removed(article).values()


def test_keyword_line_above_the_headline() -> None:
    article = clean(f"chemical attack inquiry\nShelling resumes south of the city\n{BODY}")
    assert article.title == "Shelling resumes south of the city"
    assert "inquiry" not in article.text


def test_check_also_heads_a_list_of_other_stories() -> None:
    raw = (
        f"Shelling resumes south of the city\n{BODY}\n{BODY2}\nCheck Also\n"
        "Minister receives the new ambassador in the capital\n"
        "Damascus, agency - The minister on Thursday received the ambassador of a friendly …"
    )
    article = clean(raw)
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]


def test_a_report_ending_with_a_credit_loses_only_the_credit() -> None:
    para = (
        "Kurdish-led forces declared victory over the militants on Tuesday.A coalition "
        "spokesman said most of the city was now under their control. The militants first "
        "took the city in 2014. Credit: Local Agency via Storyful"
    )
    article = clean(f"{BODY}\n{para}")
    assert article.text.endswith("The militants first took the city in 2014.")
    assert "Credit:" not in article.text


def test_a_page_that_is_only_a_caption_keeps_it_flagged() -> None:
    caption = (
        "A convoy of buses waits at a crossing point to take civilians out of the east of the "
        "city on March 3, 2017. (Photo by Jane Roe/Some Agency/Getty Images)"
    )
    article = clean(caption)
    assert "A convoy of buses waits" in article.text
    assert any("caption" in note for note in flags(article))
    assert article.title == ""  # kept as the text, never made the title


def test_caption_copy_above_its_credited_copy() -> None:
    caption = "The roof of a house hit in a raid on the outskirts of the town in May 2021."
    raw = (
        f"{caption}\n{caption} MONITOR GROUP / Jane Roe\nShelling resumes south of the city\n{BODY}"
    )
    article = clean(raw)
    assert article.title == "Shelling resumes south of the city"
    assert "roof of a house" not in article.text


def test_label_above_a_headline_with_a_comma_and_a_date_line_between() -> None:
    raw = (
        "World News\nMay 3, 2019 / 9:17 PM\n"
        "Troops enter the town, monitor and rebels say\n"
        f"{BODY}\n{BODY2}"
    )
    article = clean(raw)
    assert article.title == "Troops enter the town, monitor and rebels say"


def test_a_numeric_date_line_is_not_the_derived_title() -> None:
    article = clean(f"10-10-2019, 11:11 AM\n{BODY}")
    assert article.title.startswith("Government forces shelled")


# ---- issue 13, part 2: chrome told by its context, tails glued to text, other languages ------


def test_aggregator_teasers_with_their_also_reported_lists_go_whole() -> None:
    teaser = (
        "A strike by government jets on a southern district killed 14 soldiers, the governor of "
        "the eastern province of... Some Wire Also reported by •Wire Two •Channel 9 •Radio 24"
    )
    article = clean(f"{BODY}\n{teaser}\n{BODY2}")
    assert texts(article) == [BODY, BODY2]
    assert removed(article)[teaser] == "aggregator teaser"
    assert not [f for f in annotate(article).figures if f.value in (9, 24)]


def test_also_reported_list_glued_to_a_full_sentence_is_cut_off_it() -> None:
    article = clean(f"{BODY} Also reported by •Wire Two •Radio 24\n{BODY2}")
    assert texts(article) == [BODY, BODY2]


def test_continue_reading_link_after_an_excerpt_is_cut() -> None:
    para = (
        "A military convoy crossed the border overnight with some 40 armoured vehicles and "
        "trucks … Continue reading Convoy crosses into the province amid new shelling"
    )
    article = clean(f"Convoy crosses into the province amid new shelling\n{para}")
    assert article.text.endswith("armoured vehicles and trucks …")
    assert "Continue reading" not in article.text


def test_social_post_tag_line_and_link_after_the_last_sentence() -> None:
    para = f"{BODY} Operation Spring Rain 🇺🇳 👉 http://short.example/ab12"
    article = clean(f"Families return to the border town\n{para}")
    assert texts(article)[-1] == BODY
    # a link that is part of a sentence is text
    plain = f"{BODY} The full report is at https://example.org/report."
    assert clean(f"Families return to the border town\n{plain}").text.endswith("/report.")


def test_caption_twice_the_second_with_a_shouted_credit_glued_on() -> None:
    caption = (
        "Troops gather on a road west of the city after taking the area on their way to the "
        "airbase on May 4, 2019."
    )
    raw = (
        f"Army breaks the siege of the eastern city\n{caption}\n{caption}PHOTO: AFP\n"
        f"{BODY}\n{BODY2}"
    )
    article = clean(raw)
    assert texts(article) == ["Army breaks the siege of the eastern city", BODY, BODY2]
    assert article.title == "Army breaks the siege of the eastern city"


def test_reader_comment_section_goes_from_its_widget_to_the_end() -> None:
    raw = (
        f"Shelling resumes south of the city\n{BODY}\n{BODY2}\nJohnDoe\nMember\nUpvoted\n"
        "You can flag a comment by clicking its icon. The admin will know you reported it.\n"
        "The army should never have let the rebels regroup there, and everyone knows it.\n"
        "Vote Up3Vote Down Reply\n2019-08-19 12:08\nOther Reader"
    )
    article = clean(raw)
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]
    assert "reader comments" in removed(article).values()


def test_a_comment_widget_before_any_report_text_removes_nothing_after_it() -> None:
    raw = f"Vote Up3Vote Down Reply\n{BODY}\n{BODY2}"
    assert texts(clean(raw)) == [BODY, BODY2]


@pytest.mark.parametrize(
    "sales",
    [
        "Escape your bubble. Get the facts behind the headlines, plus views from every side.",
        "We'll send you the best stories and sharp analysis on what matters most to you.",
    ],
)
def test_promo_copy_beside_a_promo_line_goes_with_it(sales: str) -> None:
    raw = f"Shelling resumes south of the city\n{BODY}\nJoin our newsletter.\n{sales}\n{BODY2}"
    article = clean(raw)
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]
    assert removed(article)[sales] == "promo copy"


def test_a_sentence_that_addresses_the_reader_elsewhere_is_kept() -> None:
    line = "You can see the smoke from the camp, one resident told us."
    article = clean(f"Shelling resumes south of the city\n{BODY}\n{line}\n{BODY2}")
    assert line in texts(article)


def test_related_story_cards_with_an_outlet_prefix_and_a_glued_summary() -> None:
    raw = (
        f"Shelling resumes south of the city\n{BODY}\n"
        "WireTV-Army presses its attack on the southern towns\n"
        "Army presses its attack on the southern townsGovernment forces continue strikes on "
        f"fighters in the south.\n{BODY2}"
    )
    article = clean(raw)
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]
    assert set(removed(article).values()) == {"related-article card"}


@pytest.mark.parametrize(
    "closing",
    [
        "Gh.A. Karim / Rami Haddad",
        "H.Z / Sam Doe",
        "reader2041",
        "Troops enter the northern town | Some Wave | 09.10.2019",
        "Idlib, Russia, Syria",
    ],
)
def test_sign_offs_references_and_tags_ending_the_article(closing: str) -> None:
    article = clean(f"Shelling resumes south of the city\n{BODY}\n{BODY2}\n{closing}")
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]
    assert closing in removed(article)


def test_a_short_closing_sentence_is_not_a_sign_off() -> None:
    article = clean(f"Shelling resumes south of the city\n{BODY}\nThe talks resume on Monday.")
    assert texts(article)[-1] == "The talks resume on Monday."


@pytest.mark.parametrize(
    ("top", "headline"),
    [
        ("Тема:", "Армия наносит удар по позициям боевиков"),
        ("Сирия Дамаск террористы Сирия Дамаск", "Армия возобновила операцию в провинции"),
        ("Москва Сирия общество война Москва Сирия", "Войска оставили позиции после атаки"),
    ],
)
def test_labels_and_repeated_tag_rows_above_a_headline_are_not_the_title(
    top: str, headline: str
) -> None:
    body = (
        "Армия нанесла ответный удар по позициям боевиков в провинции, сообщили источники в "
        "министерстве обороны в понедельник."
    )
    article = clean(f"{top}\n{headline}\n{body}")
    assert article.title == headline
    assert top not in article.text


@pytest.mark.parametrize(
    "age",
    ["Конфликт в Сирии 1 неделя назад", "Gündem 2 saat önce", "Syrie il y a 3 heures"],
)
def test_page_age_lines_in_other_languages(age: str) -> None:
    article = clean(f"{BODY}\n{age}\n{BODY2}")
    assert texts(article) == [BODY, BODY2]
    assert removed(article)[age] == "relative time"


def test_bracketed_photo_credit_line_in_another_language_is_not_the_title() -> None:
    body = (
        "Des centaines de civils ont fui la province, ultime bastion insurgé, pour trouver "
        "refuge plus au nord."
    )
    article = clean(f"(Ph. AFP)\n{body}")
    assert article.title.startswith("Des centaines")


def test_a_title_derived_from_an_excerpt_cut_before_its_first_word() -> None:
    article = clean(", que está cercado desde 2013, o que provocou a morte de civis.")
    assert article.title.startswith("que está cercado")


def test_a_long_sentence_printed_twice_in_a_row_keeps_one_copy() -> None:
    lead = (
        "The besieged town faces a dire situation as it becomes the main refuge for thousands "
        "of people fleeing the advance of government forces."
    )
    para = f"{lead} {lead} Rebels said on Monday they had agreed to evacuate the wounded."
    article = clean(para)
    assert article.text == f"{lead} Rebels said on Monday they had agreed to evacuate the wounded."
    # the same sentence later, or a short one repeated, is left alone
    other = f"{lead} Rebels said on Monday they had agreed. {lead} Yes. Yes. It went on."
    assert clean(other).text == other


def test_footnote_widget_opening_a_line() -> None:
    article = clean(f"{BODY}\nHide Footnote As the siege went on, the group split again.")
    assert texts(article)[-1] == "As the siege went on, the group split again."


def test_a_user_handle_above_the_report_is_not_the_title() -> None:
    article = clean(f"poster2041\n{BODY}\n{BODY2}")
    assert article.title.startswith("Government forces shelled")
    assert "poster2041" not in article.text


def test_a_source_link_with_section_and_site_ending_the_page() -> None:
    link = "Source: Troops march into the southern town, monitor says | News | WXYZ"
    article = clean(f"Troops march into the southern town\n{BODY}\n{BODY2}\n{link}")
    assert texts(article) == ["Troops march into the southern town", BODY, BODY2]


def test_a_teaser_printed_above_the_headline_and_again_below_it() -> None:
    raw = f"{BODY}\nShelling resumes south of the city\n{BODY}\n{BODY2}"
    article = clean(raw)
    assert article.title == "Shelling resumes south of the city"
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]
    # a paragraph repeated elsewhere is kept (a report may repeat itself)
    article = clean(f"Shelling resumes south of the city\n{BODY}\n{BODY2}\n{BODY}")
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2, BODY]


def test_a_news_ticker_line_below_the_headline() -> None:
    ticker = "Last minute The markets reacted after the minister's decision in"
    article = clean(f"Jets strike the border town\n{ticker}\n{BODY}\n{BODY2}")
    assert texts(article) == ["Jets strike the border town", BODY, BODY2]
    assert removed(article)[ticker] == "news ticker"
    # a headline that opens with "Breaking" is still the headline
    assert clean(f"Breaking: jets strike the border town\n{BODY}").title.startswith("Breaking")


def test_the_headline_printed_again_with_a_comment_count() -> None:
    article = clean(
        f"Barrel bombs kill 40 in the north\nBarrel bombs kill 40 in the north (12)\n{BODY}"
    )
    assert texts(article) == ["Barrel bombs kill 40 in the north", BODY]
    assert not [f for f in annotate(article).figures if f.value == 12]


def test_site_name_and_slogan_above_the_headline() -> None:
    raw = (
        "Example Global News No Ads Ever\nNo Ads Ever\n"
        f"Militants shell the southern villages\n{BODY}"
    )
    article = clean(raw)
    assert article.title == "Militants shell the southern villages"
    assert texts(article) == ["Militants shell the southern villages", BODY]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Lire aussi : Le régime avance vers la ville du sud", "related link"),
        ("Lesen Sie auch: Die Armee rückt weiter vor", "related link"),
        ("Читайте также: Армия продолжает наступление", "related link"),
        ("اقرأ أيضا: الجيش يتقدم في الريف الجنوبي", "related link"),
        ("Partager Teilen", "share"),
        ("Commentaires (4)", "comment"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "cookie"),
        ("Abonnez-vous à notre newsletter quotidienne", "newsletter"),
        ("Schlagwörter: Syrien, Türkei, Idlib", "tags"),
    ],
)
def test_page_chrome_in_other_languages(line: str, why: str) -> None:
    body = (
        "Die Regierungstruppen haben in der Nacht Dörfer im Süden der Provinz beschossen, und "
        "die Bewohner sagten, dass viele Familien an die Grenze geflohen seien."
    )
    article = clean(f"{body}\n{line}\n{body.replace('Nacht', 'Früh')}")
    assert len(texts(article)) == 2
    assert why in removed(article)[line]


def test_a_sentence_that_opens_like_a_read_also_label_is_kept() -> None:
    line = "По теме переговоров стороны договорились о прекращении огня в провинции."
    article = clean(f"{line}\nАрмия продолжила наступление на юге провинции в понедельник.")
    assert line in texts(article)


def test_read_also_label_in_another_language_heads_related_headlines() -> None:
    raw = (
        "Les forces du régime ont bombardé des villages au sud de la province, selon des "
        "habitants qui ont fui vers la frontière.\nÀ lire aussi\n"
        "Le régime avance vers la ville du sud\nLa Turquie envoie des renforts"
    )
    article = clean(raw)
    assert len(texts(article)) == 1


@pytest.mark.parametrize(
    "box",
    [
        "About the author\nJane Roe is a journalist covering the Levant for a weekly magazine.",
        "Jane Roe is a freelance journalist based in the region. She writes on refugees.",
        "À propos de l'auteur\nJane Roe est journaliste au Liban.",
    ],
)
def test_author_box_ending_the_page(box: str) -> None:
    article = clean(f"Shelling resumes south of the city\n{BODY}\n{BODY2}\n{box}")
    assert texts(article) == ["Shelling resumes south of the city", BODY, BODY2]


def test_a_closing_sentence_about_a_person_that_is_not_a_biography() -> None:
    line = "Jane Roe is a nurse at the clinic and was wounded in the strike."
    article = clean(f"Shelling resumes south of the city\n{BODY}\n{line}")
    assert texts(article)[-1] == line
