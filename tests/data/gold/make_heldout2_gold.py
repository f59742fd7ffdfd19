# ruff: noqa: E501  (gold rows read best one to a line)
"""A second held-out gold set, written and annotated after the annotators were built and scored
once on the first one, and scored before any change prompted by it (the blind number in the
closing note). Same format as heldout.json. Run: python tests/data/gold/make_heldout2_gold.py
"""

from goldkit import write_gold

P, L, OG, G = "PERSON", "PLACE", "ORG", "GROUP"

DOCS = [
    {
        "id": "h7",
        "article_date": "2019-08-21",
        "text": (
            "Syrian troops entered Khan Shaykhun on Tuesday, the Syrian Observatory for Human "
            "Rights said, after a three-month offensive that has killed more than 2,500 people. A "
            "Turkish military convoy of some 50 vehicles was stuck near Maar Hattat. Ankara said "
            "the convoy had been hit by an air strike that killed three civilians. UN spokesman "
            "Stephane Dujarric said about 400,000 people had fled since the end of April."
        ),
        "figures": [
            ("Tuesday", 1, "date", None, "", "", "2019-08-20"),
            ("three-month", 1, "duration", 3, "offensive", "", None),
            ("2,500", 1, "count", 2500, "people killed", "more than", None),
            ("50", 1, "count", 50, "vehicles", "some", None),
            ("three", 2, "count", 3, "civilians killed", "", None),
            ("400,000", 1, "count", 400000, "people fled", "about", None),
            ("the end of April", 1, "date", None, "", "", "2019-04-21"),
        ],
        "entities": [
            ("Khan Shaykhun", L, "Khan Shaykhun", 1),
            ("Syrian Observatory for Human Rights", OG, "Syrian Observatory for Human Rights", 1),
            ("Maar Hattat", L, "Maar Hattat", 1), ("Ankara", L, "Ankara", 1),
            ("UN", OG, "United Nations", 1), ("Stephane Dujarric", P, "Stephane Dujarric", 1),
        ],
    },
    {
        "id": "h8",
        "article_date": None,
        "text": (
            "The Norwegian Refugee Council said 1.2 million children in north-west Syria needed "
            "help, and that 40 per cent of families had no heating. Its secretary general, Jan "
            "Egeland, urged Moscow and Damascus to halt the bombing. Aid convoys crossing at Bab "
            "al-Hawa rose by 30 per cent. In Dana, a camp manager named Mahmoud Sheikh Ali said "
            "5,000 tents were flooded."
        ),
        "figures": [
            ("1.2 million", 1, "count", 1.2e6, "children", "", None),
            ("40 per cent", 1, "percent", 40, "families", "", None),
            ("30 per cent", 1, "percent", 30, "", "", None),
            ("5,000", 1, "count", 5000, "tents", "", None),
        ],
        "entities": [
            ("Norwegian Refugee Council", OG, "Norwegian Refugee Council", 1),
            ("Syria", L, "Syria", 1), ("Jan Egeland", P, "Jan Egeland", 1),
            ("Moscow", L, "Moscow", 1), ("Damascus", L, "Damascus", 1),
            ("Bab al-Hawa", L, "Bab al-Hawa", 1), ("Dana", L, "Dana", 1),
            ("Mahmoud Sheikh Ali", P, "Mahmoud Sheikh Ali", 1),
        ],
    },
    {
        "id": "h9",
        "article_date": "2020-02-12",
        "text": (
            "Five Turkish troops were killed and five wounded when Syrian government shelling hit "
            "an army post at Taftanaz airbase on Monday, the defence ministry in Ankara said. "
            "Turkey retaliated, saying it had neutralised 51 Syrian soldiers. President Erdogan "
            "said Turkey would strike Syrian forces anywhere in Idlib if another soldier was hurt. "
            "The Russian defence ministry rejected the account. Since February 1, an estimated "
            "142,000 people have been uprooted, according to David Swanson of OCHA."
        ),
        "figures": [
            ("Five", 1, "count", 5, "Turkish troops killed", "", None),
            ("five", 1, "count", 5, "", "", None),
            ("Monday", 1, "date", None, "", "", "2020-02-10"),
            ("51", 1, "count", 51, "Syrian soldiers", "", None),
            ("February 1", 1, "date", None, "", "", "2020-02-01"),
            ("142,000", 1, "count", 142000, "displaced people", "an estimated", None),
        ],
        "entities": [
            ("Taftanaz", L, "Taftanaz", 1), ("Ankara", L, "Ankara", 1), ("Turkey", L, "Turkey", 2),
            ("Erdogan", P, "Recep Tayyip Erdogan", 1), ("Idlib", L, "Idlib", 1),
            ("Russian defence ministry", OG, "Russian Defence Ministry", 1),
            ("David Swanson", P, "David Swanson", 1), ("OCHA", OG, "OCHA", 1),
        ],
    },
    {
        "id": "h10",
        "article_date": "2016-12-14",
        "text": (
            "Pro-government forces retook more than 90 percent of eastern Aleppo after a "
            "four-week assault. The International Committee of the Red Cross said thousands of "
            "civilians remained trapped in an area of about 5 square kilometres. Jens Laerke of "
            "OCHA said at least 82 civilians, including 11 women and 13 children, had been shot "
            "dead in their homes. Bashar al-Jaafari, Syria's envoy, denied the reports at the "
            "United Nations."
        ),
        "figures": [
            ("90 percent", 1, "percent", 90, "", "more than", None),
            ("four-week", 1, "duration", 4, "assault", "", None),
            ("thousands", 1, "count", 1000, "civilians trapped", "", None),
            ("5 square kilometres", 1, "area", 5, "", "about", None),
            ("82", 1, "count", 82, "civilians killed", "at least", None),
            ("11", 1, "count", 11, "women", "", None),
            ("13", 1, "count", 13, "children", "", None),
        ],
        "entities": [
            ("Aleppo", L, "Aleppo", 1),
            ("International Committee of the Red Cross", OG, "International Committee of the Red Cross", 1),
            ("Jens Laerke", P, "Jens Laerke", 1), ("OCHA", OG, "OCHA", 1),
            ("Bashar al-Jaafari", P, "Bashar al-Jaafari", 1), ("Syria", L, "Syria", 1),
            ("United Nations", OG, "United Nations", 1),
        ],
    },
    {
        "id": "h11",
        "article_date": "2018-02-24",
        "text": (
            "Warplanes struck Douma and Harasta in Eastern Ghouta for a sixth day, killing 29 "
            "people, medics said. Nearly 400,000 people live in the besieged enclave east of "
            "Damascus. The Security Council delayed a vote on a 30-day truce proposed by Sweden "
            "and Kuwait. Dr. Hamza Hassan, of the Syrian American Medical Society, said 13 "
            "hospitals had been put out of action since Sunday."
        ),
        "figures": [
            ("29", 1, "count", 29, "people killed", "", None),
            ("400,000", 1, "count", 400000, "people", "nearly", None),
            ("30-day", 1, "duration", 30, "truce", "", None),
            ("13", 1, "count", 13, "hospitals", "", None),
            ("Sunday", 1, "date", None, "", "", "2018-02-18"),
        ],
        "entities": [
            ("Douma", L, "Douma", 1), ("Harasta", L, "Harasta", 1),
            ("Eastern Ghouta", L, "Eastern Ghouta", 1), ("Damascus", L, "Damascus", 1),
            ("Security Council", OG, "UN Security Council", 1), ("Sweden", L, "Sweden", 1),
            ("Kuwait", L, "Kuwait", 1), ("Hamza Hassan", P, "Hamza Hassan", 1),
            ("Syrian American Medical Society", OG, "Syrian American Medical Society", 1),
        ],
    },
]  # fmt: skip


def main() -> None:
    write_gold(DOCS, "heldout2.json")


if __name__ == "__main__":
    main()
