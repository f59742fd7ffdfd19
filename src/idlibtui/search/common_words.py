"""Common English words: never expanded to a name's other spellings, never a spelling added.

Why: the gazetteer's acronyms and short names include English words (WHO, CARE, TIP, Habit,
Observatory), and the transliteration rule turns English words into other English words
(seen → sin, food → fud, feet → fit). A query word in this list is searched as typed; an added
spelling in it is dropped. The list is the index's stopwords plus a few hundred frequent words
of news English, and the English words among the gazetteer's spellings.
"""

from __future__ import annotations

from whoosh.analysis import STOP_WORDS

_WORDS = """
about above across act action added after again against age ago agreed ahead aid air all allow
already also although always among amount another any anyone area areas army around arrived
attack attacks away back bad base based became because become been before began behind being
believe below best better between big black blood board body book boot border both boy break
bring brought build building built but buy call called came camp camps can't car care carried
case cases cause center centre chair change chief child children church city civil claim claimed
clear close club come coming command common community con control cook cool could council count
countries country course court cover cross cut dad data day days dead deal death decision deep
deal defence defense did die died doctor does doing done door doors down draw drive drop during
each early east easy eat economic economy end enough even ever every eye eyes face fact fall
family far farm fast father fear feed feel feet fell felt few field fight fighting film final find
fire first fit five fled floor food foot for force forces foreign form former four free friend
front full fund further future game gave general get give given go going good got government
great green ground group groups grow guard guardian habit had half hand hands happen hard head
health hear heard heart heat held help her here high him his hit hold home hope hospital hot
hour hours house how human hundreds idea important including inside interest into issue its
job join just keep kept key kill killed kind king knew know land large last late later law lead
leader leaders leave led left less let life light like line little live living local long look
loss lost lot low made main major make man many market matter mean meet meeting member members
men met might military million mind minister money month months more morning most mother move
much must name nation national near need needed needs never new news next night none north
nothing now number off office official officials often oil old once one only open order other
our out over own page paid pain part party past pay peace people per person place plan play point
police policy political poor post power pressure price public pull put question quite rain ran
rather read ready real reason received red refugee refugees region report reported reports rest
result return right rights road role room rule run safe said same saw say says school sea second
security see seen seem send sent set seven several shall she short should show side since sit
six size small social some something soon south speak special state states step still stop
street strike strikes strong such support sure system take taken talk talks team tell ten term
than their them then there these they thing things think third those though thought three
through time times today together told too took top town trade troops true try turn two under
union until upon use used very violet visit wait want war was water way week weeks well went
were west what where whether which while white who whole whom whose why wide wife win within
without woman women word words work world would year years yes young
"""

COMMON: frozenset[str] = (
    frozenset(_WORDS.split())
    | frozenset(STOP_WORDS)
    | frozenset(
        # English words among the gazetteer's spellings (acronyms and one-word names)
        ["observatory", "congress", "amnesty", "tip", "care", "who", "us", "is", "it", "an", "as"]
    )
)


def is_common(word: str) -> bool:
    """Whether a (lower-cased) word is common English and so stays as typed."""
    return word.lower() in COMMON
