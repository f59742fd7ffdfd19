"""The hand-made gold annotation of the five seeds, written out as seeds.json.

Built by reading each seed's cleaned text. Figures are anchored by (text, occurrence) — the
n-th whole-word occurrence of ``text`` in the cleaned text — so they survive cleaner changes
that move offsets. Entities list a surface text; every whole-word occurrence of it is a mention
(minus occurrences inside a longer listed surface). Dates carry an ISO day only when absolute or
resolved from a real (not inferred) article date. Run: python tests/data/gold/make_seed_gold.py
"""

import json
from pathlib import Path

# (text, occurrence, kind, value, what, qualifier, date)
F = {
    "000_221080df3991f770.txt": [
        ("Hundreds", 1, "count", 100, "protesters", "", None),
        ("Saturday", 1, "date", None, "", "", "2019-12-28"),
        ("24", 1, "age", 24, "Ahmed Marwan", "", None),
        ("30,000", 1, "count", 30000, "children killed", "more than", None),
        ("mid-December", 1, "date", None, "", "", "2019-12-11"),
        ("earlier this year", 1, "date", None, "", "", "2019-01-01"),
        ("235,000", 1, "count", 235000, "displaced people", "more than", None),
        ("dozens", 1, "count", 10, "civilians killed", "", None),
        ("Saturday", 2, "date", None, "", "", "2019-12-28"),
        ("400,000", 1, "count", 400000, "displaced people", "up to", None),
        ("December 19", 1, "date", None, "", "", "2019-12-19"),
        ("dozens", 2, "count", 10, "villages", "", None),
        ("four kilometers (two miles)", 1, "distance", 4, "", "less than", None),
        ("one million", 1, "count", 1e6, "Syrian refugees", "about", None),
        ("three million", 1, "count", 3e6, "Syrian refugees", "more than", None),
        ("this week", 1, "date", None, "", "", "2019-12-23"),
        ("hundreds of thousands", 1, "count", 1e5, "people killed", "", None),
        ("millions", 1, "count", 1e6, "displaced people", "", None),
        ("2011", 1, "date", None, "", "", "2011-01-01"),
    ],
    "001_a27e626ff12f024e.txt": [
        ("Monday", 1, "date", None, "", "", None),
        ("five", 1, "count", 5, "Turkish soldiers killed", "", None),
        ("Three million", 1, "count", 3e6, "civilians trapped", "", None),
        ("700,000", 1, "count", 700000, "civilians fled", "", None),
        ("December", 1, "date", None, "", "", None),
        ("3.6 million", 1, "count", 3.6e6, "Syrian refugees", "", None),
        ("eight", 1, "count", 8, "Turkish soldiers killed", "", None),
        ("last week", 1, "date", None, "", "", None),
        ("30", 1, "count", 30, "Syrian soldiers killed", "", None),
        ("weekend", 1, "date", None, "", "", None),
        ("hundreds", 1, "count", 100, "Turkish military vehicles", "", None),
        ("the end of the month", 1, "date", None, "", "", None),
        ("373", 1, "count", 373, "civilians killed", "", None),
        ("December 1, 2019", 1, "date", None, "", "", "2019-12-01"),
        ("yesterday", 1, "date", None, "", "", None),
        ("600 square kilometers", 1, "area", 600, "", "more than", None),
    ],
    "002_ac17027dfa9b0009.txt": [
        ("Late last year", 1, "date", None, "", "", None),
        ("millions", 1, "count", 1e6, "people", "", None),
        ("three", 1, "count", 3, "routes", "", None),
        ("3 million", 1, "count", 3e6, "people", "an estimated", None),
        ("the last couple of weeks", 1, "date", None, "", "", None),
        ("December", 1, "date", None, "", "", None),
        ("200", 1, "count", 200, "people killed", "", None),
        ("the past week", 1, "date", None, "", "", None),
        ("Monday morning", 1, "date", None, "", "", None),
        ("five", 1, "count", 5, "soldiers killed", "", None),
        ("one", 1, "count", 1, "civilian contractor killed", "", None),
        ("late January", 1, "date", None, "", "", None),
        ("January 12", 1, "date", None, "", "", None),
        ("12", 2, "count", 12, "military observation posts", "", None),
        ("September 2018", 1, "date", None, "", "", "2018-09-01"),
        ("December", 2, "date", None, "", "", None),
        ("300,000", 1, "count", 300000, "people fled", "almost", None),
        ("9-year-long", 1, "duration", 9, "conflict", "", None),
        ("2015", 1, "date", None, "", "", "2015-01-01"),
        ("500,000", 1, "count", 500000, "people killed", "around", None),
        ("millions", 2, "count", 1e6, "", "", None),
        ("3 million", 2, "count", 3e6, "Syrian refugees", "more than", None),
        ("$40 billion", 1, "money", 4e10, "", "more than", None),
        ("millions", 3, "count", 1e6, "", "", None),
    ],
    "003_a4d1a36115c1cab6.txt": [
        ("September 11", 1, "date", None, "", "", "2018-09-11"),
        ("100", 1, "count", 100, "air strikes", "", None),
        ("this month", 1, "date", None, "", "", "2018-09-01"),
        ("hundreds of thousands", 1, "count", 1e5, "people", "", None),
        ("10,000", 1, "count", 10000, "fighters", "an estimated", None),
        ("March 2011", 1, "date", None, "", "", "2011-03-01"),
        ("7 1/2-year", 1, "duration", 7.5, "war", "", None),
        ("400,000", 1, "count", 400000, "people killed", "more than", None),
        ("millions", 1, "count", 1e6, "displaced people", "", None),
    ],
    "004_3130d0606da1117a.txt": [
        ("Monday", 1, "date", None, "", "", None),
        ("week-long", 1, "duration", 1, "bombardment", "", None),
        ("tens of thousands", 1, "count", 1e4, "residents fled", "", None),
        ("100", 1, "count", 100, "civilians killed", "about", None),
        ("10", 1, "count", 10, "hospitals", "at least", None),
        ("last year", 1, "date", None, "", "", None),
        ("Monday", 2, "date", None, "", "", None),
        ("13", 1, "count", 13, "barrel bombs", "", None),
        ("33", 1, "count", 33, "airstrikes", "at least", None),
        ("200,000", 1, "count", 200000, "residents", "about", None),
        ("3 million", 1, "count", 3e6, "residents", "", None),
        ("38-year-old", 1, "age", 38, "activist", "", None),
        ("October", 1, "date", None, "", "", None),
        ("nine-mile", 1, "distance", 9, "demilitarized zone", "", None),
        ("last week", 1, "date", None, "", "", None),
        ("22", 1, "count", 22, "government troops killed", "", None),
        ("late last month", 1, "date", None, "", "", None),
        ("two", 1, "count", 2, "key highways", "", None),
    ],
}

P, L, OG, G = "PERSON", "PLACE", "ORG", "GROUP"
# (surface, type, canonical, expected number of occurrences in the cleaned text)
E = {
    "000_221080df3991f770.txt": [
        ("Istanbul", L, "Istanbul", 3), ("Idlib", L, "Idlib", 5), ("Syria", L, "Syria", 6),
        ("Turkey", L, "Turkey", 5), ("Russia", L, "Russia", 6),
        ("Mohammed Kreimesh", P, "Mohammed Kreimesh", 1), ("Kreimesh", P, "Mohammed Kreimesh", 1),
        ("Al Jazeera", OG, "Al Jazeera", 1), ("Ahmed Marwan", P, "Ahmed Marwan", 1),
        ("AFP", OG, "AFP", 1), ("Gulden Sonmez", P, "Gulden Sonmez", 1),
        ("Bashar al-Assad", P, "Bashar al-Assad", 2), ("Assad", P, "Bashar al-Assad", 1),
        ("Istiklal Street", L, "Istiklal Street", 1), ("UN", OG, "United Nations", 1),
        ("International Rescue Committee", OG, "International Rescue Committee", 1),
        ("Maaret al-Numan", L, "Maarat al-Numan", 1), ("M5", L, "M5 highway", 1),
        ("Damascus", L, "Damascus", 1), ("Aleppo", L, "Aleppo", 1), ("Moscow", L, "Moscow", 1),
        ("Erdogan", P, "Recep Tayyip Erdogan", 1), ("Europe", L, "Europe", 1),
    ],
    "001_a27e626ff12f024e.txt": [
        ("Damascus", L, "Damascus", 2), ("Aleppo", L, "Aleppo", 1), ("Idlib", L, "Idlib", 9),
        ("UN", OG, "United Nations", 4), ("Turkey", L, "Turkey", 8), ("Syria", L, "Syria", 4),
        ("Hayat Tahrir al Sham", G, "Hayat Tahrir al-Sham", 1), ("al-Qaeda", G, "al-Qaeda", 1),
        ("Russia", L, "Russia", 3), ("Bashar al-Assad", P, "Bashar al-Assad", 1),
        ("Recep Tayyip Erdogan", P, "Recep Tayyip Erdogan", 1),
        ("Geir Pedersen", P, "Geir Pedersen", 1),
    ],
    "002_ac17027dfa9b0009.txt": [
        ("Moscow", L, "Moscow", 5), ("Assad", P, "Bashar al-Assad", 7), ("Idlib", L, "Idlib", 6),
        ("Russian Federation", L, "Russia", 1), ("Syria", L, "Syria", 2), ("China", L, "China", 1),
        ("UN Security Council", OG, "UN Security Council", 1), ("UN", OG, "United Nations", 1),
        ("Bashar al Assad", P, "Bashar al-Assad", 1), ("Turkey", L, "Turkey", 9),
        ("Recep Tayyip Erdogan", P, "Recep Tayyip Erdogan", 1), ("Russia", L, "Russia", 4),
        ("Maaret al Numan", L, "Maarat al-Numan", 1), ("M5", L, "M5 highway", 1),
        ("Aleppo", L, "Aleppo", 1), ("Damascus", L, "Damascus", 1), ("Sochi", L, "Sochi", 1),
        ("Ankara", L, "Ankara", 1), ("United States", L, "United States", 1),
        ("NATO", OG, "NATO", 1),
    ],
    "003_a4d1a36115c1cab6.txt": [
        ("Turkey", L, "Turkey", 3), ("Syria", L, "Syria", 3),
        ("UN Security Council", OG, "UN Security Council", 1), ("Idlib", L, "Idlib", 7),
        ("Europe", L, "Europe", 1), ("Feridun Sinirlioglu", P, "Feridun Sinirlioglu", 1),
        ("U.S.", L, "United States", 1), ("Nikki Haley", P, "Nikki Haley", 1),
        ("Haley", P, "Nikki Haley", 1), ("Russia", L, "Russia", 4), ("Iran", L, "Iran", 3),
        ("Vasily Nebenzya", P, "Vassily Nebenzia", 1),
        ("Gholamali Khoshroo", P, "Gholamali Khoshroo", 1), ("Al-Qaeda", G, "al-Qaeda", 1),
        ("Hayat Tahrir al-Sham", G, "Hayat Tahrir al-Sham", 1), ("Moscow", L, "Moscow", 1),
        ("Tehran", L, "Tehran", 1), ("Bashar al-Assad", P, "Bashar al-Assad", 1),
    ],
    "004_3130d0606da1117a.txt": [
        ("Idlib", L, "Idlib", 13), ("Turkey", L, "Turkey", 4), ("Russia", L, "Russia", 5),
        ("Bashar al-Assad", P, "Bashar al-Assad", 1), ("Vladimir Putin", P, "Vladimir Putin", 1),
        ("Recep Tayyip Erdogan", P, "Recep Tayyip Erdogan", 1), ("Hama", L, "Hama", 1),
        ("Britain", L, "Britain", 1),
        ("Syrian Observatory for Human Rights", OG, "Syrian Observatory for Human Rights", 2),
        ("Union of Medical Care and Relief Organizations", OG,
         "Union of Medical Care and Relief Organizations", 1),
        ("U.S.", L, "United States", 2), ("Syria", L, "Syria", 2),
        ("Abu Muhammad", P, "Abu Muhammad", 3), ("Assad", P, "Bashar al-Assad", 3),
        ("European Union", OG, "European Union", 1), ("United Nations", OG, "United Nations", 1),
        ("State Department", OG, "State Department", 2), ("Morgan Ortagus", P, "Morgan Ortagus", 1),
        ("al-Qaeda", G, "al-Qaeda", 2), ("Hayat Tahrir al-Sham", G, "Hayat Tahrir al-Sham", 1),
        ("HTS", G, "Hayat Tahrir al-Sham", 1), ("E.U.", OG, "European Union", 1),
        ("Reuters", OG, "Reuters", 1), ("Jordan", L, "Jordan", 1), ("Damascus", L, "Damascus", 1),
    ],
}  # fmt: skip

DATES = {"000_221080df3991f770.txt": "2019-12-28", "003_a4d1a36115c1cab6.txt": "2018-09-12"}


def main() -> None:
    docs = []
    for name in F:
        docs.append(
            {
                "file": name,
                "article_date": DATES.get(name),
                "figures": [
                    dict(
                        zip(
                            ("text", "occurrence", "kind", "value", "what", "qualifier", "date"),
                            f,
                            strict=True,
                        )
                    )
                    for f in F[name]
                ],
                "entities": [
                    dict(zip(("text", "type", "canonical", "count"), e, strict=True))
                    for e in E[name]
                ],
            }
        )
    out = Path(__file__).with_name("seeds.json")
    out.write_text(json.dumps(docs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
