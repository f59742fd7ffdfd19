# ruff: noqa: E501  (gold rows read best one to a line)
"""A third held-out gold set, in other outlets' styles (British spelling, wire datelines,
per cent, attached units, titles), written and scored blind before any change it prompted.
Same format as heldout.json. Run: python tests/data/gold/make_heldout3_gold.py
"""

from goldkit import write_gold

P, L, OG, G = "PERSON", "PLACE", "ORG", "GROUP"

DOCS = [
    {
        "id": "h12",
        "article_date": "2019-05-09",
        "text": (
            "BEIRUT (Reuters) - Syrian army units backed by Russian special forces captured "
            "Qalaat al-Madiq and Kafr Nabuda on Wednesday, a commander in the alliance said. "
            "The Syrian Response Coordinators group said 152,000 people had fled in the past "
            "week. Abu Omar al-Halabi, a rebel commander with Jaish al-Izza, said his fighters "
            "had withdrawn some 3km to the north."
        ),
        "figures": [
            ("Wednesday", 1, "date", None, "", "", "2019-05-08"),
            ("152,000", 1, "count", 152000, "people fled", "", None),
            ("the past week", 1, "date", None, "", "", None),
            ("3km", 1, "distance", 3, "", "some", None),
        ],
        "entities": [
            ("BEIRUT", L, "Beirut", 1), ("Reuters", OG, "Reuters", 1),
            ("Qalaat al-Madiq", L, "Qalaat al-Madiq", 1), ("Kafr Nabuda", L, "Kafr Nabudah", 1),
            ("Syrian Response Coordinators", OG, "Syrian Response Coordinators", 1),
            ("Abu Omar al-Halabi", P, "Abu Omar al-Halabi", 1),
            ("Jaish al-Izza", G, "Jaish al-Izza", 1),
        ],
    },
    {
        "id": "h13",
        "article_date": "2020-03-02",
        "text": (
            "Greek police fired tear gas at thousands of migrants at the Pazarkule crossing after "
            "Ankara said it would no longer stop them. Interior Minister Suleyman Soylu said "
            "76,358 migrants had left through Edirne by Sunday morning. The International "
            "Organization for Migration counted about 13,000 people along the 212km border. "
            "EU foreign policy chief Josep Borrell called an emergency meeting."
        ),
        "figures": [
            ("thousands", 1, "count", 1000, "migrants", "", None),
            ("76,358", 1, "count", 76358, "migrants", "", None),
            ("Sunday morning", 1, "date", None, "", "", "2020-03-01"),
            ("13,000", 1, "count", 13000, "people", "about", None),
            ("212km", 1, "distance", 212, "border", "", None),
        ],
        "entities": [
            ("Pazarkule", L, "Pazarkule", 1), ("Ankara", L, "Ankara", 1),
            ("Suleyman Soylu", P, "Suleyman Soylu", 1), ("Edirne", L, "Edirne", 1),
            ("International Organization for Migration", OG, "International Organization for Migration", 1),
            ("EU", OG, "European Union", 1), ("Josep Borrell", P, "Josep Borrell", 1),
        ],
    },
    {
        "id": "h14",
        "article_date": "2019-12-24",
        "text": (
            "Russia and China vetoed a resolution on Friday that would have extended cross-border "
            "aid from Turkey and Iraq for 12 months. Britain's ambassador, Karen Pierce, said four "
            "million people relied on the deliveries. The World Food Programme said a quarter of "
            "a million people fled Maarat al-Numan and surrounding villages in the past two "
            "weeks, and that food prices had risen by 120 per cent."
        ),
        "figures": [
            ("Friday", 1, "date", None, "", "", "2019-12-20"),
            ("12 months", 1, "duration", 12, "", "", None),
            ("four million", 1, "count", 4e6, "people", "", None),
            ("a quarter of a million", 1, "count", 250000, "people fled", "", None),
            ("the past two weeks", 1, "date", None, "", "", None),
            ("120 per cent", 1, "percent", 120, "", "", None),
        ],
        "entities": [
            ("Russia", L, "Russia", 1), ("China", L, "China", 1), ("Turkey", L, "Turkey", 1),
            ("Iraq", L, "Iraq", 1), ("Britain", L, "Britain", 1),
            ("Karen Pierce", P, "Karen Pierce", 1),
            ("World Food Programme", OG, "World Food Programme", 1),
            ("Maarat al-Numan", L, "Maarat al-Numan", 1),
        ],
    },
]  # fmt: skip


def main() -> None:
    write_gold(DOCS, "heldout3.json")


if __name__ == "__main__":
    main()
