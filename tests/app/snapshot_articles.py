"""Hand-annotated articles for the snapshots, so they change only when the screens change
(not when the cleaner or the annotators are tuned)."""

from __future__ import annotations

import datetime as dt

from tests.app.reader_harness import build_article

ENTITIES = [
    ("Recep Tayyip Erdogan", "PERSON", "Recep Tayyip Erdogan"),
    ("Bashar al-Assad", "PERSON", "Bashar al-Assad"),
    ("Idlib", "PLACE", "Idlib"),
    ("Turkey", "PLACE", "Turkey"),
    ("Saraqib", "PLACE", "Saraqib"),
    ("UN", "ORG", "United Nations"),
    ("Hayat Tahrir al-Sham", "GROUP", "Hayat Tahrir al-Sham"),
]


def reader_article():
    return build_article(
        [
            "Syrian government shelling killed five Turkish soldiers in Idlib on Monday, the "
            "defence ministry said, in the deadliest clash between the two armies this year.",
            "Recep Tayyip Erdogan said Turkey would retaliate against the forces of Bashar "
            "al-Assad if they did not withdraw from around Turkey's observation posts.",
            "The UN said 520,000 people had fled their homes since December, most of them "
            "women and children, and that camps near the border were full.",
            "Fighters of Hayat Tahrir al-Sham still hold most of the province. Residents of "
            "Saraqib said the town was empty and that the soldiers killed were buried at night.",
            "It's the third such attack in a month, officials in Ankara said.",
        ],
        title="Turkish soldiers killed in Idlib as Syrian offensive advances",
        headings={2: "Hundreds of thousands on the move"},
        figures=[
            ("five Turkish soldiers", "Turkish soldiers killed"),
            ("520,000 people", "people fled"),
        ],
        entities=ENTITIES,
        source="Example Wire",
        date=dt.date(2020, 2, 3),
        date_inferred=True,
        date_evidence="the attack on Monday; article published the same week",
        article_id="snap-reader",
    )


def compare_articles_pair():
    left = build_article(
        [
            "Syrian government shelling killed five Turkish soldiers in Idlib on Monday, "
            "February 3, 2020, the defence ministry said.",
            "Recep Tayyip Erdogan said Turkey would retaliate against the Syrian regime.",
            "The UN said 520,000 people had fled their homes since December.",
            "Residents of Saraqib said the town was empty.",
        ],
        title="Turkish soldiers killed in Idlib",
        figures=[
            ("five Turkish soldiers", "Turkish soldiers killed", 5),
            ("520,000 people", "people fled", 520000),
        ],
        entities=ENTITIES,
        source="Example Wire",
        date=dt.date(2020, 2, 3),
        article_id="snap-left",
    )
    right = build_article(
        [
            "Syrian government shelling killed eight Turkish soldiers in Idlib on Monday, "
            "February 3, 2020, Turkish officials said.",
            "Recep Tayyip Erdogan said Turkey would retaliate against the Syrian regime.",
            "Aid groups said the camps near the border were full.",
            "The UN said 520,000 people had fled their homes since December.",
        ],
        title="Eight Turkish soldiers killed in Idlib shelling",
        figures=[
            ("eight Turkish soldiers", "Turkish soldiers killed", 8),
            ("520,000 people", "people fled", 520000),
        ],
        entities=ENTITIES,
        source="Other Daily",
        date=dt.date(2020, 2, 3),
        article_id="snap-right",
    )
    return left, right
