"""Families of page chrome and lost text seen on the second set of unseen pages (issue 13):
widgets, comment areas, captions, bylines and menus that were left in the text, and a
headline, a standfirst and a last sentence that were taken for related links. Fixtures are
written for these tests (paraphrased patterns, no page text)."""

from __future__ import annotations

import pytest

from idlibtui.clean.chrome import caption_note, chrome_note
from idlibtui.model import Article, BlockKind
from tests.unit.clean_checks import clean, flags, removed

HEAD = "Convoy hit on the road south of the town"
ONE = (
    "A military convoy was struck by an air raid on the road south of the town on Wednesday, "
    "killing two soldiers, the defence ministry said."
)
TWO = "Residents fled north toward the border as the shelling went on through the night."
END = "The governor said the roads would reopen once the fighting stopped."


def page(*middle: str) -> str:
    return "\n\n".join([HEAD, ONE, *middle, TWO, END]) + "\n"


def assert_prose_kept(article: Article) -> None:
    for line in (ONE, TWO, END):
        assert line in article.text
    assert article.title == HEAD


# ---- widgets, comment forms, promo lines -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("Send by e-mailSend by e-mail", "widget label"),
        ("Share it:", "widget label"),
        ("E-mail", "widget label"),
        ("Video PlayerClose", "widget label"),
        ("Select Page", "widget label"),
        ("[Full Story]", "widget label"),
        ("Back to top button", "widget label"),
        ("Click to view the map in full size", "widget label"),
        ("Click to read this story in Arabic / French", "widget label"),
        ("Image result for pictures of the burning convoy", "media placeholder"),
        ("Illustrative photo", "photo caption"),
        ("archive image", "photo caption"),
        ("Map: Northern provinces", "embed label"),
        ("External Link: Footage of the strike posted by residents", "embed label"),
        ("thirty − 7 =", "comment form"),
        ("12 + four =", "comment form"),
        ("comments powered by ChatterBox", "comment form"),
        ("Loading Facebook Comments ...", "comment form"),
        ("For more updates follow us on Telegram", "promo or social footer"),
        ("Weekly newsletter: The Levant Letter", "newsletter promo"),
        ("By signing up I agree to the terms of service and privacy policy", "newsletter promo"),
        ("Support NorthWatch", "donation or interest prompt"),
        ("(@frontline_maps)", "user handle"),
        ("1,500 $", "price widget"),
        ("€ 2.000", "price widget"),
        ("20100000000000000009876543210", "tracking code"),
        ("AleppoIdlib FrontSyriaarmy offensiveTurkeyceasefire talks", "keyword tags (glued)"),
        (
            "Home World Politics BUSINESS & MARKETS Culture Sport Opinion LIFESTYLE Weather "
            "Travel Contact",
            "site menu",
        ),
    ],
)
def test_a_widget_line_goes(line: str, note: str) -> None:
    assert chrome_note(line) == note
    a = clean(page(line))
    assert line not in a.text
    assert removed(a)[line] == note
    assert_prose_kept(a)


@pytest.mark.parametrize(
    "line",
    [
        "Army retakes strategic town near highway in all-night battle across the plain",
        "Support grows",
        "Follow-up talks on the ceasefire begin in the capital",
        "Map of the front line drawn by the ministry shows new gains",
        "Video shows troops entering the town",
        "Video: Troops enter the town after a week of fighting",
        "McDonald and McCain visit the border",
        "Militant Drones Attack Air Base Amid New Ceasefire In Northern Province",
    ],
)
def test_headlines_and_subheadings_are_no_widgets(line: str) -> None:
    assert chrome_note(line) is None


@pytest.mark.parametrize(
    ("line", "note"),
    [
        (">> Read more: Talks over the province stall as both sides dig in | Analysis", "promo"),
        ("* Photo: A checkpoint on the road north of the town (AA-Archive)", "photo"),
        ("–, translated by Jane Doe –", ""),
    ],
)
def test_a_widget_line_behind_a_mark_goes(line: str, note: str) -> None:
    a = clean(page(line))
    assert line not in a.text
    assert removed(a)[line].startswith(note)
    assert_prose_kept(a)


def test_related_items_and_follow_us_at_the_foot_go() -> None:
    lines = ["For the latest updates follow us on Twitter", "Related Items", "nine − 4 ="]
    a = clean("\n\n".join([HEAD, ONE, TWO, END, *lines]) + "\n")
    for line in lines:
        assert line not in a.text
    assert_prose_kept(a)


# ---- comment areas ---------------------------------------------------------------------------


def test_a_comment_policy_and_its_rules_go_with_the_heading_above() -> None:
    policy = [
        "Stay Polite",
        "This is a Civilized Place for Public Discussion",
        "Treat this forum as you would a town square: we are a shared space for conversation.",
        "These are guidelines for our community, not hard rules, meant to keep the discussion "
        "useful.",
        "Improve the Discussion",
        "Help us make this a good place to discuss by adding something to each post you make.",
    ]
    a = clean("\n\n".join([HEAD, ONE, TWO, END, *policy]) + "\n")
    for line in policy:
        assert line not in a.text
        assert removed(a)[line] == "comment policy"
    assert_prose_kept(a)


def test_report_text_after_a_comment_policy_line_stays() -> None:
    later = (
        "The army said on Friday it had taken two more villages west of the town after a "
        "night of heavy shelling."
    )
    a = clean(
        "\n\n".join([HEAD, ONE, TWO, "Comments are moderated before they appear.", later]) + "\n"
    )
    assert later in a.text
    assert "Comments are moderated" not in a.text


@pytest.mark.parametrize(
    "comments",
    [
        ["1. Night Owl says:", "Great news.", "2. deltaforce says:", "They will run again."],
        ["• tomhawk", "The end is near for them, mark my words."],
    ],
)
def test_numbered_commenters_and_commenter_handles_open_the_comments(
    comments: list[str],
) -> None:
    a = clean("\n\n".join([HEAD, ONE, TWO, END, *comments]) + "\n")
    for line in comments:
        assert line not in a.text
    assert_prose_kept(a)


def test_a_bulleted_list_of_points_is_no_comment_area() -> None:
    points = ["• Share", "• Print", "Key findings:", ONE, TWO]
    a = clean("\n\n".join([HEAD, *points, END]) + "\n")
    assert ONE in a.text and TWO in a.text and END in a.text


# ---- bylines ---------------------------------------------------------------------------------


@pytest.mark.parametrize("byline", ["Jane Doe/ John Roe/ Ann Poe", "Kh.M.Saleh", "Jo.R.Amin"])
def test_writers_names_above_the_report_are_a_byline(byline: str) -> None:
    a = clean("\n\n".join([HEAD, byline, ONE, TWO, END]) + "\n")
    assert byline not in a.text
    assert removed(a)[byline] == "byline"
    assert_prose_kept(a)


def test_a_byline_with_the_page_clock_and_no_handle_goes() -> None:
    byline = "Jane Doe 4 minutes ago Tue 20th August 2019 | 03:10 PM"
    a = clean("\n\n".join([HEAD, byline, ONE, TWO, END]) + "\n")
    assert byline not in a.text
    assert_prose_kept(a)
    assert any(c.source == "byline" for c in a.date_claims)


def test_a_subheading_with_an_age_is_no_byline() -> None:
    line = "Rebels Advance 3 Days Ago In The North"
    a = clean("\n\n".join([HEAD, ONE, line, TWO, END]) + "\n")
    assert line in a.text


# ---- captions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "A protest in the city centre - March 2020 (Town Voice)",
        "Fuel sellers by the road near the border crossing - 3 January 2019 (NWA)",
        "Fighters have surrounded the village on three sides [Twitter]",
        "Two factions clashed again near the crossing [AFP-file photo]",
        "This picture, released by the state news agency on May 2, 2020, shows the mouth of a "
        "tunnel dug under the village.",
    ],
)
def test_more_caption_shapes_go(caption: str) -> None:
    assert caption_note(caption) is not None
    a = clean(page(caption))
    assert caption not in a.text
    assert_prose_kept(a)


# ---- real text that was lost ----------------------------------------------------------------


def test_the_headline_under_a_share_label_is_kept_and_is_the_title() -> None:
    headline = "Market strike: Dozens killed in air raid on a town in the north of the province"
    byline = "By our correspondent in the region, with agencies"
    second = "Dozens of civilians killed in air raid on a market town in the north"
    a = clean("\n\n".join(["Email", headline, byline, second, ONE, TWO, END]) + "\n")
    assert headline in a.text
    assert a.title.startswith("Market strike: Dozens killed")


def test_a_standfirst_without_its_full_stop_under_the_headline_stays() -> None:
    head = "Minister Says Three Killed in Strike on Convoy as Talks Falter"
    dek = (
        "Column reportedly entered the province to help fighters facing a government advance nearby"
    )
    a = clean("\n\n".join([head, dek, ONE, TWO, END]) + "\n")
    assert dek in a.text
    assert a.title == head


@pytest.mark.parametrize(
    "last",
    [
        "The town is a strategic crossroads located some 15 kilometres off the main highway",
        "The alliance holds most of the province after pushing out its rivals in the",
    ],
)
def test_a_last_sentence_without_its_full_stop_is_kept_and_marked(last: str) -> None:
    a = clean("\n\n".join([HEAD, ONE, TWO, END, last, "comments powered by ChatterBox"]) + "\n")
    assert last in a.text
    assert flags(a) & {"possible boilerplate (related link?)", "truncated text (kept)"}
    assert "ChatterBox" not in a.text


def test_a_related_headline_at_the_end_still_goes() -> None:
    links = ["Turkey warns Russia over the offensive", "Aid convoys reach the camps at last"]
    a = clean("\n\n".join([HEAD, ONE, TWO, END, *links]) + "\n")
    for link in links:
        assert link not in a.text
    assert a.blocks[0].kind is BlockKind.TITLE


# ---- more shapes: repeated headline behind a bullet, site name, series links, clocks ---------


def test_the_headline_repeated_behind_a_bullet_goes() -> None:
    a = clean("\n\n".join([HEAD, "Sunday 3 May 2020", f"• {HEAD}", ONE, TWO, END]) + "\n")
    assert f"• {HEAD}" not in a.text
    assert_prose_kept(a)


def test_a_site_name_under_the_headline_goes() -> None:
    a = clean("\n\n".join([HEAD, "Valley News", ONE, TWO, END]) + "\n")
    assert "Valley News" not in a.text
    assert removed(a)["Valley News"] == "site name below the headline"
    assert_prose_kept(a)


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("See Weekly Digest, May 4: The Last Testing Machine in the North", "related link"),
        ("Publish Time : 18:15:00", "time stamp"),
        ("Last updated 09:40 GMT", "time stamp"),
    ],
)
def test_series_links_and_bare_clocks_go(line: str, note: str) -> None:
    assert chrome_note(line) == note
    a = clean(page(line))
    assert line not in a.text
    assert_prose_kept(a)


def test_a_caption_cut_at_a_comma_before_its_place_and_credit_goes_whole() -> None:
    first, second = "A family tries to save some belongings in the flooded camp,", "Idlib [Getty]"
    a = clean(page(first, second))
    assert first not in a.text and second not in a.text
    assert_prose_kept(a)


def test_a_short_bracketed_line_after_a_sentence_is_kept() -> None:
    a = clean(page("Residents returned on Monday.", "Idlib [Reuters]"))
    assert "Residents returned on Monday." in a.text


# ---- the families' other members (menus, follow lines, list labels, consent, policies) -------


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("Home | News | Region | Opinion | Contact", "site menu"),
        ("Accueil • Monde • Politique • Sport", "site menu"),
        ("Follow Valley News on Twitter", "promo or social footer"),
        ("Follow @valleynews", "promo or social footer"),
        ("This site uses cookies.", "cookie notice"),
        ("Manage consent", "cookie notice"),
    ],
)
def test_menus_follow_lines_and_consent_go(line: str, note: str) -> None:
    assert chrome_note(line) == note
    a = clean(page(line))
    assert line not in a.text
    assert_prose_kept(a)


@pytest.mark.parametrize(
    "line",
    [
        "Turkey / Turks killed in border shelling near the town",
        "Follow the money",
        "Like Father Like Son",
        "Sunday 3 May 2020 | 6:28 PM | Local Time | Edition",
    ],
)
def test_a_headline_with_one_bar_or_a_follow_phrase_is_no_menu(line: str) -> None:
    assert chrome_note(line) not in ("site menu", "promo or social footer")


@pytest.mark.parametrize("label", ["Recent Posts", "Further reading", "More in Middle East"])
def test_a_list_label_at_the_foot_goes_with_its_list(label: str) -> None:
    links = [
        "Turkey warns Russia over the offensive as the army moves on the town and…",
        "Aid convoys reach the camps at last after weeks of waiting at the crossing…",
    ]
    a = clean("\n\n".join([HEAD, ONE, TWO, END, label, *links]) + "\n")
    for line in (label, *links):
        assert line not in a.text
    assert_prose_kept(a)


@pytest.mark.parametrize(
    "policy",
    [
        "Note: comments are moderated and may take a day to appear.",
        "Your comment will be published once an editor has read it.",
        "We welcome comments that stay on the subject of the article.",
    ],
)
def test_a_comment_policy_line_at_the_foot_goes(policy: str) -> None:
    a = clean("\n\n".join([HEAD, ONE, TWO, END, policy]) + "\n")
    assert policy not in a.text
    assert removed(a)[policy] == "comment policy"
    assert_prose_kept(a)


def test_a_last_sentence_opening_with_a_pronoun_is_kept_and_marked() -> None:
    last = "They returned to their villages once the shelling eased on Sunday"
    a = clean("\n\n".join([HEAD, ONE, TWO, END, "Aid convoys reach the camps", last]) + "\n")
    assert last in a.text


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("This report is an edited translation from our Turkish edition.", "translation note"),
        (
            "For interviews with our director, please contact Jane Doe: [email protected].",
            "press contact",
        ),
    ],
)
def test_editor_notes_and_press_contacts_go(line: str, note: str) -> None:
    assert chrome_note(line) == note
    a = clean("\n\n".join([HEAD, ONE, TWO, END, line]) + "\n")
    assert line not in a.text
    assert_prose_kept(a)


def test_a_byline_naming_the_writers_role_goes() -> None:
    byline = "By Levant correspondent Jane Doe, wires"
    a = clean("\n\n".join([HEAD, byline, ONE, TWO, END]) + "\n")
    assert byline not in a.text
    assert_prose_kept(a)


def test_the_role_byline_rule_leaves_a_headline_opening_with_by() -> None:
    from idlibtui.clean.sections import _ROLE_BYLINE

    assert not _ROLE_BYLINE.match("By land and sea, the army pushes north toward the border towns")
    assert _ROLE_BYLINE.match("By staff reporter Jane Doe")


def test_a_comment_policy_mid_page_leaves_the_report_after_it() -> None:
    later = [
        "The civil war has displaced millions since it began, and the community of aid groups "
        "says the discussion of funding must go on.",
        "Community guidelines for the camps were posted by the council last week.",
    ]
    a = clean("\n\n".join([HEAD, ONE, "Comments are moderated.", *later, TWO, END]) + "\n")
    for line in later:
        assert line in a.text
    assert_prose_kept(a)


def test_a_sentence_of_report_signed_by_its_agency_stays_and_the_signature_goes() -> None:
    para = (
        "The town has been repeatedly shelled over the past week as the government looks to "
        "regain ground in its stalled offensive on the last rebel enclave in the north. (AP)"
    )
    a = clean("\n\n".join([HEAD, ONE, TWO, para]) + "\n")
    assert para.removesuffix(" (AP)") in a.text
    assert "(AP)" not in a.text


def test_a_caption_signed_by_its_agency_still_goes() -> None:
    caption = "Children walk past destroyed buildings in the town centre (AP)"
    a = clean(page(caption))
    assert caption not in a.text
    assert_prose_kept(a)


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("WhatsApp", "share button"),
        ("Copy link", "share button"),
        ("Home", "navigation"),
        ("Log in", "navigation"),
        ("Keywords: ceasefire, border, convoy", "keyword tags"),
        ("Categories: Middle East", "keyword tags"),
    ],
)
def test_single_share_buttons_navigation_items_and_tag_labels_go(line: str, note: str) -> None:
    assert chrome_note(line) == note
    a = clean(page(line))
    assert line not in a.text
    assert_prose_kept(a)


def test_the_author_is_a_line_ending_the_page_goes() -> None:
    bio = "The author is a freelance journalist based in the border city."
    a = clean("\n\n".join([HEAD, ONE, TWO, END, bio]) + "\n")
    assert bio not in a.text
    assert removed(a)[bio] == "author box"
    assert_prose_kept(a)


def test_the_page_title_with_the_site_name_above_the_headline_goes() -> None:
    page_title = 'Fuel | "Watad" raises prices in the city • The Valley Monitor'
    headline = "Fuel | “Watad” raises prices in the city"
    a = clean("\n\n".join([page_title, headline, ONE, TWO, END]) + "\n")
    assert page_title not in a.text
    assert a.title == headline
