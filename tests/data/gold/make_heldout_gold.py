# ruff: noqa: E501  (gold rows read best one to a line)
"""A held-out gold set: sentences written for this test, not taken from the seeds.

New names, places, numbers and forms (number words, ranges, percentages, kilometres, ages,
weekdays against other article dates, transliterations), to measure how general the annotators
are. Written and annotated before the annotators were scored on it. Same format as seeds.json,
with the text inline. Run: python tests/data/gold/make_heldout_gold.py
"""

from goldkit import write_gold

P, L, OG, G = "PERSON", "PLACE", "ORG", "GROUP"

DOCS = [
    {
        "id": "h1",
        "article_date": "2020-02-28",
        "text": (
            "Thirty-three Turkish soldiers were killed in an air strike near Balyun in Jabal "
            "al-Zawiya on Thursday, Turkish officials said. Hulusi Akar, the defence minister, "
            "said the attack came despite coordination with Moscow. The Kremlin spokesman Dmitry "
            "Peskov said Russia was not involved. Mevlut Cavusoglu spoke with Sergei Lavrov by "
            "phone. Nearly 950,000 people have been displaced since December 1, according to "
            "OCHA. UNICEF said more than half of them are children."
        ),
        "figures": [
            ("Thirty-three", 1, "count", 33, "Turkish soldiers killed", "", None),
            ("Thursday", 1, "date", None, "", "", "2020-02-27"),
            ("950,000", 1, "count", 950000, "displaced people", "nearly", None),
            ("December 1", 1, "date", None, "", "", "2019-12-01"),
            ("half", 1, "percent", 50, "children", "more than", None),
        ],
        "entities": [
            ("Balyun", L, "Balyun", 1), ("Jabal al-Zawiya", L, "Jabal al-Zawiya", 1),
            ("Hulusi Akar", P, "Hulusi Akar", 1), ("Moscow", L, "Moscow", 1),
            ("Kremlin", OG, "Kremlin", 1), ("Dmitry Peskov", P, "Dmitry Peskov", 1),
            ("Russia", L, "Russia", 1), ("Mevlut Cavusoglu", P, "Mevlut Cavusoglu", 1),
            ("Sergei Lavrov", P, "Sergei Lavrov", 1), ("OCHA", OG, "OCHA", 1),
            ("UNICEF", OG, "UNICEF", 1),
        ],
    },
    {
        "id": "h2",
        "article_date": None,
        "text": (
            "In Ariha and Atarib, rescuers from the Syria Civil Defence pulled 14 bodies from the "
            "rubble. The White Helmets said 6 of the dead were children. A doctor at a hospital "
            "run by the Syrian American Medical Society, Dr. Khaled al-Omar, said supplies would "
            "last only three days. Farid Hamdan, a 52-year-old teacher from Saraqeb, fled with "
            "his family of nine to a camp near Sarmada."
        ),
        "figures": [
            ("14", 1, "count", 14, "bodies", "", None),
            ("6", 1, "count", 6, "", "", None),
            ("three days", 1, "duration", 3, "", "only", None),
            ("52-year-old", 1, "age", 52, "teacher", "", None),
            ("nine", 1, "count", 9, "", "", None),
        ],
        "entities": [
            ("Ariha", L, "Ariha", 1), ("Atarib", L, "Atarib", 1),
            ("Syria Civil Defence", OG, "White Helmets", 1), ("White Helmets", OG, "White Helmets", 1),
            ("Syrian American Medical Society", OG, "Syrian American Medical Society", 1),
            ("Khaled al-Omar", P, "Khaled al-Omar", 1), ("Farid Hamdan", P, "Farid Hamdan", 1),
            ("Saraqeb", L, "Saraqib", 1), ("Sarmada", L, "Sarmada", 1),
        ],
    },
    {
        "id": "h3",
        "article_date": "2019-06-04",
        "text": (
            "Since late April, at least 300 civilians have died in the offensive on southern "
            "Idlib and northern Hama, the Syrian Network for Human Rights reported. The UN "
            "humanitarian chief Mark Lowcock told the Security Council that 25 health facilities "
            "had been hit. Between 250,000 and 300,000 people have fled toward the Turkish "
            "border, he said. Hezbollah and Iranian-backed militias have joined the push toward "
            "Kafr Nabudah and Khan Sheikhoun."
        ),
        "figures": [
            ("late April", 1, "date", None, "", "", "2019-04-21"),
            ("300", 1, "count", 300, "civilians killed", "at least", None),
            ("25", 1, "count", 25, "health facilities", "", None),
            ("250,000", 1, "count", 250000, "people fled", "", None),
        ],
        "entities": [
            ("Idlib", L, "Idlib", 1), ("Hama", L, "Hama", 1),
            ("Syrian Network for Human Rights", OG, "Syrian Network for Human Rights", 1),
            ("UN", OG, "United Nations", 1), ("Mark Lowcock", P, "Mark Lowcock", 1),
            ("Security Council", OG, "UN Security Council", 1), ("Hezbollah", G, "Hezbollah", 1),
            ("Kafr Nabudah", L, "Kafr Nabudah", 1), ("Khan Sheikhoun", L, "Khan Shaykhun", 1),
        ],
    },
    {
        "id": "h4",
        "article_date": "2020-03-06",
        "text": (
            "Erdoğan and Putin agreed in Moscow on Thursday to a ceasefire that took effect at "
            "midnight. Joint patrols will run along the M4 highway, with a security corridor six "
            "kilometres deep on each side. Jabhat al-Nusra's successor, HTS, rejected the deal, "
            "while the Turkish-backed National Front for Liberation said it would abide by it. "
            "About 3.5 million people live in the remaining pocket, 1 million of them in camps."
        ),
        "figures": [
            ("Thursday", 1, "date", None, "", "", "2020-03-05"),
            ("six kilometres", 1, "distance", 6, "", "", None),
            ("3.5 million", 1, "count", 3.5e6, "people", "about", None),
            ("1 million", 1, "count", 1e6, "", "", None),
        ],
        "entities": [
            ("Erdoğan", P, "Recep Tayyip Erdogan", 1), ("Putin", P, "Vladimir Putin", 1),
            ("Moscow", L, "Moscow", 1), ("M4 highway", L, "M4 highway", 1),
            ("Jabhat al-Nusra", G, "Jabhat al-Nusra", 1), ("HTS", G, "Hayat Tahrir al-Sham", 1),
            ("National Front for Liberation", G, "National Front for Liberation", 1),
        ],
    },
    {
        "id": "h5",
        "article_date": "2018-09-07",
        "text": (
            "Presidents Hassan Rouhani, Vladimir Putin and Recep Tayyip Erdogan met in Tehran on "
            "Friday. The summit failed to agree on a truce for the province, home to some 2.9 "
            "million people. Ambassador Vassily Nebenzia later told reporters that fighters in "
            "Idlib numbered about 50,000. Human Rights Watch and Amnesty International warned of "
            "a bloodbath, while the UNHCR prepared for up to 800,000 displaced people. A "
            "spokesman, Andrej Mahecic, said 15% of them could cross into Turkey."
        ),
        "figures": [
            ("Friday", 1, "date", None, "", "", "2018-09-07"),
            ("2.9 million", 1, "count", 2.9e6, "people", "some", None),
            ("50,000", 1, "count", 50000, "", "about", None),
            ("800,000", 1, "count", 800000, "displaced people", "up to", None),
            ("15%", 1, "percent", 15, "", "", None),
        ],
        "entities": [
            ("Hassan Rouhani", P, "Hassan Rouhani", 1), ("Vladimir Putin", P, "Vladimir Putin", 1),
            ("Recep Tayyip Erdogan", P, "Recep Tayyip Erdogan", 1), ("Tehran", L, "Tehran", 1),
            ("Vassily Nebenzia", P, "Vassily Nebenzia", 1), ("Idlib", L, "Idlib", 1),
            ("Human Rights Watch", OG, "Human Rights Watch", 1),
            ("Amnesty International", OG, "Amnesty International", 1),
            ("UNHCR", OG, "UNHCR", 1), ("Andrej Mahecic", P, "Andrej Mahecic", 1),
            ("Turkey", L, "Turkey", 1),
        ],
    },
    {
        "id": "h6",
        "article_date": "2020-01-30",
        "text": (
            "Government forces captured Maarat al-Nu'man on Tuesday after a siege of several "
            "weeks. The town, which had a population of about 110,000 before the war, was largely "
            "empty. Ma'arrat an-Nu'man sits on the highway 33 km south of Idlib city. State news "
            "agency SANA said troops were advancing toward Saraqib. In Washington, James Jeffrey, "
            "the US special envoy, called for an immediate halt. Turkey already hosts 3.7 million "
            "refugees and says it cannot take in more."
        ),
        "figures": [
            ("Tuesday", 1, "date", None, "", "", "2020-01-28"),
            ("110,000", 1, "count", 110000, "", "about", None),
            ("33 km", 1, "distance", 33, "", "", None),
            ("3.7 million", 1, "count", 3.7e6, "refugees", "", None),
        ],
        "entities": [
            ("Maarat al-Nu'man", L, "Maarat al-Numan", 1),
            ("Ma'arrat an-Nu'man", L, "Maarat al-Numan", 1), ("Idlib", L, "Idlib", 1),
            ("SANA", OG, "SANA", 1), ("Saraqib", L, "Saraqib", 1),
            ("Washington", L, "Washington", 1), ("James Jeffrey", P, "James Jeffrey", 1),
            ("US", L, "United States", 1), ("Turkey", L, "Turkey", 1),
        ],
    },
]  # fmt: skip


def main() -> None:
    write_gold(DOCS, "heldout.json")


if __name__ == "__main__":
    main()
