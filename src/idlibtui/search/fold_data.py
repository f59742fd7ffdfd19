"""Word lists the folding (search/fold.py) needs: data, not logic.

Compounds are the ones this domain writes closed, hyphenated and open (counted on the seeds and
the real-page development set: ceasefire 37 / cease-fire 15 / cease fire 2, airstrike 21 / air
strike 15 / air-strike 2, ...); each is written with a space between its parts. British
spellings are those a rule cannot reach (-re/-er, ae/oe, -lled) or that a rule would get wrong;
the -ise/-our/-yse/-ence rules are in fold.py with their exceptions here.
"""

from __future__ import annotations

#: Closed compounds, by their parts: the closed form (and its inflections) is indexed as the
#: parts, so "ceasefire", "cease-fire" and "cease fire" are the same words in the index.
COMPOUNDS = (
    "cease fire",
    "air strike",
    "air base",
    "air space",
    "air drop",
    "air lift",
    "air power",
    "air field",
    "air raid",
    "war plane",
    "war zone",
    "war time",
    "front line",
    "hard line",
    "hard liner",
    "check point",
    "peace keeping",
    "peace keeper",
    "peace making",
    "peace maker",
    "counter attack",
    "counter offensive",
    "counter terrorism",
    "counter terrorist",
    "counter insurgency",
    "counter strike",
    "de escalation",
    "de escalate",
    "de mining",
    "stand off",
    "no fly",
    "build up",
    "take over",
    "pull out",
    "hand over",
    "crack down",
    "land mine",
    "gun fire",
    "fire fight",
    "post war",
    "pre war",
    "non governmental",
)

#: Inflections a closed compound may carry (the last part takes them): "airstrikes".
COMPOUND_ENDINGS = ("", "s", "es", "d", "ed", "ing", "er", "ers", "ion", "ions")

#: Bases of -ise words that are not the -ize suffix (advise, surprise, exercise, rise ...): the
#: word with its ``-ise/-ised/-ising/...`` ending removed. Short ones must match whole; four
#: letters or more may end a longer base ("unsurprising" → "unsurpr").
ISE_NOT_IZE = frozenset(
    {
        "adv", "advert", "appr", "ar", "chast", "circumc", "compr", "comprom", "conc", "dem",
        "desp", "dev", "disgu", "franch", "enterpr", "exc", "exerc", "expert", "improv",
        "inc", "merchand", "prem", "prom", "repr", "rev", "r", "superv", "surm", "surpr",
        "telev", "ra", "pra", "appra", "bra", "no", "po", "prec", "imprec", "parad",
        "treat", "gu", "cru", "bru", "an", "mort", "val", "torto", "porpo", "turquo", "rem",
        "chem", "v", "m", "pr", "upr", "sunr", "moonr", "highr", "wh", "fr", "pre", "cl", "cr",
    }
)  # fmt: skip

#: -our words (their American -or), as the beginnings they keep: "favourite" → "favorite".
OUR_WORDS = (
    "colour", "honour", "favour", "labour", "neighbour", "behaviour", "harbour", "humour",
    "rumour", "armour", "endeavour", "vigour", "valour", "odour", "saviour", "flavour",
    "parlour", "vapour", "splendour", "clamour", "candour", "rancour", "ardour", "fervour",
    "tumour", "rigour", "demeanour",
)  # fmt: skip

#: Whole British words (and the beginnings of their inflections) and their American forms.
BRITISH = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "centre": "center",
    "centred": "centered",
    "metre": "meter",
    "kilometre": "kilometer",
    "centimetre": "centimeter",
    "millimetre": "millimeter",
    "theatre": "theater",
    "litre": "liter",
    "fibre": "fiber",
    "calibre": "caliber",
    "sombre": "somber",
    "spectre": "specter",
    "sabre": "saber",
    "meagre": "meager",
    "manoeuvre": "maneuver",
    "programme": "program",
    "catalogue": "catalog",
    "analogue": "analog",
    "grey": "gray",
    "tyre": "tire",
    "jewellery": "jewelry",
    "aluminium": "aluminum",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "paediatric": "pediatric",
    "orthopaedic": "orthopedic",
    "haemorrhage": "hemorrhage",
    "anaemia": "anemia",
    "anaesthetic": "anesthetic",
    "leukaemia": "leukemia",
    "diarrhoea": "diarrhea",
    "oesophagus": "esophagus",
    "foetus": "fetus",
    "encyclopaedia": "encyclopedia",
    "mediaeval": "medieval",
    "plough": "plow",
    "cheque": "check",
    "kerb": "curb",
    "enrolment": "enrollment",
    "instalment": "installment",
    "fulfil": "fulfill",
    "skilful": "skillful",
    "wilful": "willful",
    "practise": "practice",
    "whilst": "while",
    "amongst": "among",
}

#: Verbs that double their l in British inflections: "travelled" → "traveled".
DOUBLE_L = (
    "travel", "cancel", "label", "model", "fuel", "refuel", "signal", "total", "channel",
    "counsel", "level", "marvel", "quarrel", "dial", "equal", "tunnel", "shovel", "pedal",
    "rival", "jewel", "revel", "grovel", "libel", "pencil", "duel", "funnel", "propel",
)  # fmt: skip

#: Arabic article forms written before a name with a hyphen (al-Nusra, ash-Sham, ar-Raqqa):
#: dropped there, so the name is found however its article is written or left out.
HYPHEN_ARTICLES = frozenset(
    {"al", "el", "an", "ad", "ar", "as", "ash", "at", "az", "ath", "adh", "ed", "es", "et", "ul"}
)
#: Article forms dropped wherever they stand ("Al Qaeda", "al Nusra", "El-Baradei").
ALWAYS_ARTICLES = frozenset({"al", "el"})
