"""Title families and other-language leftovers seen on the development sets (issue 13): a site's
slogan, a photo caption without its credit and a ticker headline about another story are never the
title; a derived title drops a dateline or site name before a dash and stops where a headline was
glued to its first sentence; an archive calendar line goes; an Indonesian "Baca:" link goes while
the sentence under it stays; a sentence with an end mark and a truncated Russian line are kept.
Fixtures are written for these tests (paraphrased patterns, no page text)."""

from __future__ import annotations

from idlibtui.clean import derive_title
from idlibtui.clean.chrome import chrome_note
from idlibtui.clean.title_cues import slogan_line, uncredited_caption
from tests.unit.clean_checks import clean

ONE = (
    "Government forces took the hilltop village of Tal Hamra on Sunday after two days of "
    "shelling, a war monitor said, as residents fled toward the border."
)
TWO = "The monitor said at least twelve fighters were killed on both sides in the clashes."
END = "Aid groups said the camps near the border were already full before the new exodus."


def test_site_slogan_is_not_the_title() -> None:
    art = clean(f"Bringing light to the forgotten since 1987\n\n{ONE}\n\n{TWO}\n\n{END}\n")
    assert "since 1987" not in art.title
    assert art.title.startswith("Government forces took")
    assert ONE in art.text


def test_uncredited_caption_is_not_the_title() -> None:
    cap = "Women in a tent for displaced families near Atmeh, northern Syria"
    art = clean(f"{cap}\n\n{ONE}\n\n{TWO}\n\n{END}\n")
    assert art.title != cap
    assert cap in art.text


def test_caption_shapes() -> None:
    assert uncredited_caption("Children in a camp for displaced people in Idlib Province, Syria")
    assert not uncredited_caption("Children killed in air strike on school in Idlib, Syria")
    assert not uncredited_caption("Syrian army retakes key town in Idlib, northwest Syria")
    assert slogan_line("Serving our readers since 1902")
    assert not slogan_line("Giving up Idlib would cost Ankara dearly, 2020")


def test_ticker_headline_above_the_headline() -> None:
    head = "Rebels lose hilltop village of Tal Hamra to government forces"
    art = clean(
        f"Jazz festival awards three prizes to young pianist.\n\n{head}\n\n{ONE}\n\n{TWO}\n"
    )
    assert art.title == head
    assert "Jazz festival" in art.text  # kept and marked
    assert any("another story" in r.note for r in art.repairs if r.kind == "flag")


def test_site_name_above_calendar_and_headline() -> None:
    cal = "3 May 2019 - Friday | 03/05/2019 (12) 02/05/2019 (30) 01/05/2019 (25) Total: 9,100"
    head = "Government forces seize hilltop village of Tal Hamra"
    art = clean(f"Northern Light Portal\n\n{cal}\n\n{head}\n\n{ONE}\n\n{TWO}\n")
    assert art.title == head
    assert "(30)" not in art.text
    assert chrome_note(cal) == "archive calendar"


def test_derived_title_drops_dateline_and_site_prefix() -> None:
    assert derive_title("AMMAN, - The army entered the town on Monday.").startswith("The army")
    assert derive_title("Levant Wire / A jet was downed near the border.").startswith("A jet")
    assert derive_title("Levant.Net - The envoy said talks would resume.").startswith("The envoy")


def test_derived_title_stops_at_glued_headline() -> None:
    text = "Jet downed over the northwest as rebels fire missileIn Syria, a pilot was killed."
    assert derive_title(text) == "Jet downed over the northwest as rebels fire missile"


def test_indonesian_read_link_goes_and_the_sentence_after_stays() -> None:
    last = "Dengan dukungan serangan udara, pasukan maju ke selatan kota sejak awal bulan.(*)"
    art = clean(
        "Pasukan pemerintah merebut desa di selatan provinsi setelah pertempuran dua hari.\n\n"
        "Ribuan warga mengungsi ke arah perbatasan, menurut kelompok pemantau.\n\n"
        "( BACA : Penyanyi Terkenal Meraih Penghargaan Musik Tahunan)\n\n"
        f"{last}\n"
    )
    assert "BACA" not in art.text
    assert last in art.text


def test_truncated_line_opening_with_a_connector_is_kept() -> None:
    art = clean(
        "Армия нанесла удар по позициям боевиков на юге провинции.\n\n"
        "Среди боевиков есть погибшие и раненые, сообщает телеканал.\n\n"
        "Также боевики регулярно обстрел\n"
    )
    assert "Также боевики регулярно обстрел" in art.text


def test_infobox_goes_with_its_tallies() -> None:
    box = [
        "Part of the long river war, the hill conflict and the coastal campaign (2011–present)",
        "Date12 March 2016 – 2 April 2016",
        "Location",
        "Hills east of the river, Syria",
        "Belligerents",
        "Northern Front",
        "Coastal Brigades[3]",
        "Commanders and leaders",
        "Col. Samir Haddad[4]",
        "(Front commander)",
        "Casualties and losses",
        "Per the monitor:[7]",
        "120 killed",
        "15 killed[b]",
        "40 civilians killed on the east bank by the Front[8] and 2 killed by the Brigades[9]",
    ]
    art = clean("Battle of the eastern hills\n\n" + "\n\n".join(box) + f"\n\n{ONE}\n\n{TWO}\n")
    assert "120 killed" not in art.text
    assert "Belligerents" not in art.text
    assert "40 civilians" not in art.text and "Part of the long" not in art.text
    assert ONE in art.text and TWO in art.text
    assert not any(f.value == 120 for f in art.figures)


def test_prose_with_two_labels_is_no_infobox() -> None:
    text = f"Strength of the offensive\n\n{ONE}\n\nStatus\n\n{TWO}\n\nBelligerents\n\n{END}\n"
    art = clean(text)
    assert ONE in art.text and TWO in art.text and END in art.text


def test_map_legend_and_image_file_name() -> None:
    assert chrome_note("River Front control Army control Kurdish control") == "map legend"
    assert chrome_note("Army control of the town was restored, the governor said.") is None
    assert chrome_note("Battle of the hills map.svg") == "image file name"


def test_photo_page_caption_with_a_date_is_no_title() -> None:
    art = clean(
        "A fighter of the local council walks past a burnt bus near the old market as crews "
        "clear the road on Nov. 3, 2018. The market was shelled for weeks.\n"
    )
    assert art.title == ""
    assert "burnt bus" in art.text


def test_cut_possessive_and_opening_clause_are_truncated() -> None:
    from idlibtui.clean.truncation import looks_truncated

    assert looks_truncated("Since 2012, the province's")
    assert looks_truncated("Inside the long siege of the city's")
    assert not looks_truncated("Erdogan's gamble in Idlib")


def test_feed_link_glued_to_the_last_sentence_goes() -> None:
    art = clean(
        f"{ONE}\n\n{TWO}\n\nThe governor said the roads would reopen soon.http://feeds.example.com/~r/a/~4/xY1z\n"
    )
    assert "http" not in art.text
    assert "the roads would reopen soon." in art.text


def test_cited_link_after_a_space_stays() -> None:
    art = clean(f"{ONE}\n\nThe full report is online at https://example.org/report\n")
    assert "https://example.org/report" in art.text


def test_stray_reader_comment_at_the_end_goes() -> None:
    paras = [
        ONE,
        TWO,
        END,
        "The monitor counted fourteen air raids on the southern villages during the weekend.",
        "Local councils opened schools and mosques as shelters while blankets and bread ran short.",
        "Negotiators from both capitals were expected to discuss a truce at talks next month.",
    ]
    art = clean("\n\n".join(paras) + "\n\nPoor fishermen…they always pay for it\n")
    assert "fishermen" not in art.text
    assert all(p in art.text for p in paras)


def test_last_line_about_the_report_is_no_comment() -> None:
    paras = [ONE, TWO, END]
    last = "I saw the village burn from the hill... the monitor said nothing of it"
    art = clean("\n\n".join(paras) + f"\n\nResidents fled toward the border village.\n\n{last}\n")
    assert last in art.text


def test_cooperative_ownership_appeal() -> None:
    assert chrome_note("OWNED BY OUR READERS") == "reader appeal (ownership)"
    assert (
        chrome_note("We are a reader-owned co-operative: you can join by buying shares in it.")
        == "reader appeal (ownership)"
    )
    assert chrome_note("The bakery is a co-operative owned by its workers, residents said.") is None


def test_derived_title_of_a_doubled_headline() -> None:
    head = "Rebels lose the hilltop village to the army"
    text = f"{head} {head} Wire Service Army claims the hill"
    assert derive_title(text) == "Rebels lose the hilltop village to the army"


def test_site_and_section_labels_above_the_headline() -> None:
    head = "Villagers refuse to pay the harvest levy to the armed group"
    art = clean(f"Levant News\n\nEconomy\n\n{head}\n\n{ONE}\n\n{TWO}\n")
    assert art.title == head


def test_headline_with_a_spaced_full_stop_under_a_site_name() -> None:
    head = "Army enters the airbase south of the province ."
    art = clean(f"Levant News\n\n{head}\n\n{ONE}\n\n{TWO}\n")
    assert art.title.startswith("Army enters the airbase")


def test_wiki_revision_chrome() -> None:
    assert chrome_note("Content deleted Content added") == "wiki revision chrome"
    assert chrome_note("Line 210: Line 212:") == "wiki revision chrome"
    assert chrome_note("m →Background: fixed a reference") == "wiki revision chrome"


def test_caption_short_form_next_to_its_caption() -> None:
    cap = (
        "Fighters from the Northern Brigade march during a parade in the town of Dana, "
        "Syria May 3, 2019. (Photo: Wire/Jane Roe)"
    )
    art = clean(
        "Rebels send fighters to the front\n\n"
        f"Fighters from the Northern Brigade May 3, 2019\n{cap}\n\n{ONE}\n\n{TWO}\n"
    )
    assert "Northern Brigade May 3" not in art.text
    assert ONE in art.text


def test_video_report_credit_line() -> None:
    assert (
        chrome_note("Levant TV’s Jane Doe reports from Antakya, Turkey.") == "video report credit"
    )
    assert chrome_note("The ministry reports from the capital were denied.") is None


def test_site_slogan_with_founding_year_and_news_sections_go() -> None:
    head = "Villagers refuse to pay the harvest levy to the armed group"
    art = clean(f"Levant News\n\nEconomy\n\n{head}\n\n{ONE}\n\n{TWO}\n")
    assert "Levant News" not in art.text and "Economy" not in art.text
    art = clean(f"Bringing light to the forgotten since 1987\n\n{ONE}\n\n{TWO}\n\n{END}\n")
    assert "since 1987" not in art.text
    assert ONE in art.text
