"""Page-widget labels in the corpus's other languages, as data (the "read also" words and the
rules ``chrome_note`` tries on a line in another language): per kind, per language, the
words a site prints on a line of its own ("Suivez-nous", "Weiterlesen", "Deja un comentario",
"Tüm hakları saklıdır"). A line is widget text only when it is the label alone, or the label
with a short link or list after a colon or an arrow: a sentence that merely holds the words
("Er schrieb einen Kommentar über …") never matches. Precision first: every phrase here is a
fixed widget label, never an everyday clause of news prose."""

from __future__ import annotations

import re

# kind -> language -> labels (regular-expression fragments, matched case-insensitively)
LABELS: dict[str, dict[str, list[str]]] = {
    "follow-us line": {
        "de": [r"folgen\s+sie\s+uns(?:\s+auf)?", r"folge\s+uns(?:\s+auf)?"],
        "fr": [r"suivez[- ]nous(?:\s+sur)?", r"retrouvez[- ]nous\s+sur"],
        "es": [r"s[íi]guenos(?:\s+en)?"],
        "it": [r"seguici(?:\s+su)?"],
        "pt": [r"siga[- ]nos(?:\s+n[oa])?", r"acompanhe[- ]nos(?:\s+n[oa])?"],
        "tr": [r"bizi\s+takip\s+edin", r"takip\s+et"],
        "ru": [r"подписывайтесь\s+на\s+нас(?:\s+в)?", r"мы\s+в\s+соцсетях"],
        "ar": [r"تابعونا(?:\s+على)?", r"تابعنا(?:\s+على)?"],
        "nl": [r"volg\s+ons(?:\s+op)?"],
        "id": [r"ikuti\s+kami(?:\s+di)?"],
    },
    "read-more link": {
        "de": [r"weiterlesen", r"mehr\s+lesen", r"zum\s+artikel"],
        "fr": [r"lire\s+la\s+suite", r"en\s+savoir\s+plus", r"lire\s+plus"],
        "es": [r"leer\s+m[áa]s", r"seguir\s+leyendo", r"leer\s+art[íi]culo\s+completo"],
        "it": [r"leggi\s+(?:di\s+pi[ùu]|tutto|l['’]articolo)", r"continua\s+a\s+leggere"],
        "pt": [r"leia\s+mais", r"continue\s+lendo", r"saiba\s+mais"],
        "tr": [r"haberin\s+devam[ıi]", r"detaylar\s+i[çc]in\s+t[ıi]klay[ıi]n", r"daha\s+fazla"],
        "ru": [r"читать\s+(?:далее|дальше|полностью)", r"подробнее"],
        "ar": [r"اقرأ\s+المزيد", r"المزيد", r"اقرأ\s+أكثر"],
        "nl": [r"lees\s+(?:meer|verder)"],
        "id": [r"baca\s+selengkapnya", r"selengkapnya"],
    },
    "related-stories label": {
        "de": [
            r"verwandte\s+(?:artikel|themen|nachrichten)",
            r"das\s+k[öo]nnte\s+sie\s+auch\s+interessieren",
        ],
        "fr": [r"articles?\s+(?:li[ée]s|similaires|connexes)", r"sur\s+le\s+m[êe]me\s+sujet"],
        "es": [r"art[íi]culos\s+relacionados", r"m[áa]s\s+noticias", r"te\s+puede\s+interesar"],
        "it": [r"articoli\s+correlati", r"potrebbe\s+interessarti", r"notizie\s+correlate"],
        "pt": [r"artigos\s+relacionados", r"not[íi]cias\s+relacionadas", r"mais\s+not[íi]cias"],
        "tr": [r"benzer\s+haberler", r"di[ğg]er\s+haberler", r"son\s+dakika\s+haberleri"],
        "ru": [r"похожие\s+(?:новости|статьи|материалы)", r"другие\s+новости", r"читайте\s+также"],
        "ar": [
            r"أخبار\s+ذات\s+صلة",
            r"اخبار\s+ذات\s+صلة",
            r"مقالات\s+ذات\s+صلة",
            r"أخبار\s+متعلقة",
        ],
        "nl": [r"gerelateerde\s+(?:artikelen|berichten)", r"meer\s+nieuws"],
        "id": [r"berita\s+terkait", r"artikel\s+terkait", r"berita\s+lainnya"],
    },
    "comment form": {
        "de": [r"schreibe(?:n\s+sie)?\s+einen\s+kommentar", r"kommentar\s+(?:schreiben|verfassen)"],
        "fr": [r"laisser\s+un\s+commentaire", r"laissez\s+un\s+commentaire", r"r[ée]agir"],
        "es": [r"deja\s+(?:un|tu)\s+comentario", r"dejar\s+un\s+comentario"],
        "it": [r"lascia\s+un\s+commento", r"scrivi\s+un\s+commento"],
        "pt": [r"deixe\s+(?:um|seu)\s+coment[áa]rio", r"deixe\s+uma\s+resposta"],
        "tr": [r"yorum\s+(?:yap|yaz|yaz[ıi]n)", r"yorumunuzu\s+yaz[ıi]n"],
        "ru": [r"оставить\s+комментарий", r"оставьте\s+комментарий", r"добавить\s+комментарий"],
        "ar": [r"اترك\s+تعليقا?", r"أضف\s+تعليقا?", r"اضف\s+تعليق"],
        "nl": [r"laat\s+een\s+reactie\s+achter", r"plaats\s+een\s+reactie"],
        "id": [r"tinggalkan\s+(?:komentar|balasan)", r"tulis\s+komentar"],
    },
    "copyright footer": {
        "de": [r"(?:©\s*)?alle\s+rechte\s+vorbehalten"],
        "fr": [r"(?:©\s*)?tous\s+droits\s+r[ée]serv[ée]s"],
        "es": [r"(?:©\s*)?todos\s+los\s+derechos\s+reservados"],
        "it": [r"(?:©\s*)?tutti\s+i\s+diritti\s+riservati"],
        "pt": [r"(?:©\s*)?todos\s+os\s+direitos\s+reservados"],
        "tr": [r"(?:©\s*)?t[üu]m\s+haklar[ıi]\s+sakl[ıi]d[ıi]r"],
        "ru": [r"(?:©\s*)?все\s+права\s+защищены"],
        "ar": [r"(?:©\s*)?جميع\s+الحقوق\s+محفوظة"],
        "nl": [r"(?:©\s*)?alle\s+rechten\s+voorbehouden"],
        "id": [r"(?:©\s*)?hak\s+cipta\s+dilindungi(?:\s+undang-undang)?"],
    },
    "share line": {
        "de": [r"(?:artikel\s+)?teilen\s+(?:auf|mit|per)"],
        "fr": [r"partager\s+(?:sur|par|cet\s+article)"],
        "es": [r"compartir\s+(?:en|por|esta\s+noticia)", r"comparte\s+esta\s+noticia"],
        "it": [r"condividi\s+(?:su|questo\s+articolo)"],
        "pt": [r"compartilh(?:ar|e)\s+(?:no|na|esta\s+not[íi]cia)", r"partilhar\s+(?:no|na)"],
        "tr": [r"haberi\s+payla[şs]", r"payla[şs]\s+(?:facebook|twitter)"],
        "ru": [r"поделиться\s+(?:в|новостью)"],
        "ar": [r"شارك\s+(?:على|الخبر)", r"مشاركة\s+(?:على|الخبر)"],
        "nl": [r"deel\s+(?:op|dit\s+artikel)"],
        "id": [r"bagikan\s+(?:ke|artikel\s+ini)"],
    },
}

# what may follow a label on its line: nothing, or a colon or arrow and a short link/list
_TAIL = r"\s*(?:[:»›>|–—-]+\s*\S.{0,160}|[:»›>.…!]*)$"
# "(copyright line) 2019 Site": a footer may carry a year and the site's name around the label
_FOOTER = (
    r"^(?:(?:©|\(c\)|copyright)?\s*(?:\d{4}\s*[-–]?\s*){0,2}"
    r"(?-i:(?:[A-Z0-9][\w.&'’-]*\s*){0,5})[.,|–-]?\s*)?"
)


# "… auf Facebook und Twitter": the networks a follow or share label names
_NETWORKS = (
    r"(?:[\s,|/&]*(?:(?:and|und|et|y|e|ve|и|en|dan)\s+|و)?(?:facebook|twitter|x|instagram|telegram"
    r"|youtube|whatsapp|linkedin|tiktok|vk|vkontakte|google\+?|e-?mail|rss|вконтакте|телеграм\w*"
    r"|فيسبوك|فيس\s+بوك|تويتر|يوتيوب|تلغرام|تيليجرام|إنستغرام|انستغرام))*"
)


def _compile(kind: str) -> re.Pattern[str]:
    alternatives = "|".join(p for by_lang in LABELS[kind].values() for p in by_lang)
    if kind in ("follow-us line", "share line"):
        return re.compile(r"^(?:" + alternatives + r")" + _NETWORKS + _TAIL, re.I)
    if kind == "copyright footer":
        return re.compile(_FOOTER + r"(?:" + alternatives + r")[.\s]*(?:\S.{0,60})?$", re.I)
    return re.compile(r"^(?:" + alternatives + r")" + _TAIL, re.I)


PATTERNS: list[tuple[re.Pattern[str], str]] = [(_compile(kind), kind) for kind in LABELS]

# The same widgets in the other languages of the corpus (fr, de, es, it, pt, tr, ru, ar, id, pl,
# nl, sv, no, fi): "read also" links and their labels, share rows, comment counters, cookie and
# newsletter prompts, tag labels.
_READ_ALSO_WORDS = (
    r"(?:[àa]\s+lire\s+(?:aussi|[ée]galement)|lire\s+(?:aussi|[ée]galement|la\s+suite)|voir\s+aussi"
    r"|lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|siehe\s+auch|auch\s+interessant"
    r"|lee\s+(?:tambi[ée]n|m[aá]s)|ver\s+tambi[ée]n|noticias\s+relacionadas"
    r"|leggi\s+anche|vedi\s+anche|leia\s+(?:tamb[ée]m|mais)|veja\s+tamb[ée]m"
    r"|ilgili\s+haberler|ayr[ıi]ca\s+bak[ıi]n[ıi]z|bunlar[ıi]\s+da\s+okuyun|devam[ıi]n[ıi]\s+oku"
    r"|читайте\s+также|смотрите\s+также|по\s+теме|اقرأ\s+أيضا[ًً]?|اقرأ\s+ايضا|مواضيع\s+ذات\s+صلة"
    r"|baca\s+juga|czytaj\s+(?:te[żz]|tak[żz]e|wi[ęe]cej)|zobacz\s+te[żz]|lees\s+ook|l[äa]s\s+ocks[åa]"
    r"|les\s+ogs[åa]|lue\s+my[öo]s)"
)
_OTHER_LANGUAGE: list[tuple[re.Pattern[str], str]] = [
    (
        # the label alone, or with its link after a colon or an arrow ("По теме переговоров
        # стороны договорились" is a sentence, not a link)
        re.compile(r"^" + _READ_ALSO_WORDS + r"\s*(?:[:»›>|–—-]+\s*\S.{0,300}|[:»›>.…]*)$", re.I),
        "related link",
    ),
    (
        # the label in brackets around its link, or a bare imperative "read" with a colon
        # ("( BACA : Headline )", "(LIRE AUSSI: …)", "Baca: Headline", "Lees: …")
        re.compile(
            r"^(?:\(\s*(?:"
            + _READ_ALSO_WORDS
            + r"|baca|lees|leia|leer|lire|lesen)\s*:\s*[^()]{3,200}\)"
            r"|(?:baca|lees)\s*:\s*\S.{0,200})$",
            re.I,
        ),
        "related link",
    ),
    (
        re.compile(
            r"^(?:(?:partager|teilen|compartir|condividi|compartilhar|payla[şs]|поделиться|مشاركة"
            r"|udostępnij|bagikan|dela|del|jaa|delen)\b[\s|·•,/:-]*)+$",
            re.I,
        ),
        "share buttons",
    ),
    (
        re.compile(
            r"^(?:\d+\s+)?(?:commentaires?|kommentare?|comentarios?|comentários?|commenti|yorumlar?"
            r"|комментари[йи]|التعليقات|komentar(?:ze|z)?|reacties|kommentarer)\s*(?:\(\d+\))?$",
            re.I,
        ),
        "comment counter",
    ),
    (
        re.compile(
            r"^(?:mots[- ]cl[ée]s|schlagw[öo]rter|etiquetas|etichette|etiketler|теги|метки"
            r"|الكلمات\s+الدالة|الوسوم|tagi|trefwoorden|avainsanat)\s*:\s*\S.{0,200}$",
            re.I,
        ),
        "keyword tags",
    ),
]
# follow-us, read-more, related, comment-form, copyright and share labels: the data tables
_OTHER_LANGUAGE.extend(PATTERNS)
_OTHER_LANGUAGE_MAX = 340  # no line longer than this matches one of them
