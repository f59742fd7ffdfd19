"""Short reports in other languages, written for the tests (no page text): each says in its
own words what an English report of the war would, long enough for the language detector.

``INFLECTIONS`` pairs each with a query word in another inflection (or spelling) than the text
uses, and ``PHRASES`` with a phrase of it (in the text's inflection or another).
"""

from __future__ import annotations

ARTICLES: dict[str, str] = {
    "fr": (
        "Nouveaux bombardements sur la province d'Idlib\n\n"
        "Les bombardements de l'armée syrienne ont repris mardi dans le sud de la province "
        "d'Idlib, selon des habitants joints par téléphone. Des milliers de familles ont fui "
        "vers la frontière turque, et les hôpitaux de la région manquent de médicaments. Les "
        "secouristes disent avoir retiré plusieurs civils des décombres après les frappes."
    ),
    "de": (
        "Tausende Flüchtlinge an der türkischen Grenze\n\n"
        "Nach neuen Angriffen der syrischen Armee sind in der Provinz Idlib wieder Tausende "
        "Flüchtlinge unterwegs. Die Helfer berichten, dass die Lager an der Grenze überfüllt "
        "seien und vielen Familien Zelte, Decken und sauberes Wasser fehlten. In den Dörfern "
        "südlich der Stadt wurden mehrere Krankenhäuser beschädigt."
    ),
    "es": (
        "Los bombardeos obligan a miles de familias a huir\n\n"
        "Los bombardeos de las fuerzas gubernamentales sobre el sur de Idlib continuaron "
        "durante la noche, según los vecinos de la zona. Miles de familias se dirigen hacia la "
        "frontera con Turquía, donde los campamentos ya no tienen espacio. Los médicos de los "
        "hospitales de la provincia piden ayuda urgente para atender a los heridos."
    ),
    "ru": (
        "Поток беженцев из провинции Идлиб растёт\n\n"
        "После новых авиаударов по югу провинции Идлиб тысячи беженцев направились к турецкой "
        "границе, сообщают местные жители. Лагеря переполнены, семьям не хватает палаток и "
        "питьевой воды. Врачи говорят, что больницы региона работают на пределе своих сил, а "
        "спасатели продолжают разбирать завалы после ударов сирийской армии."
    ),
    "tr": (
        "İdlib'de yeni saldırılar\n\n"
        "Esad rejimine bağlı güçler İdlib'de sivil yerleşim yerlerini yeniden hedef aldı. Yerel "
        "kaynaklara göre saldırılarda çok sayıda sivil yaralandı ve binlerce aile Türkiye "
        "sınırına doğru yola çıktı. Yardım kuruluşları kamplardaki çadırların yetersiz "
        "kaldığını ve kış koşullarının ağırlaştığını bildirdi."
    ),
    "ar": (
        "غارات جديدة على ريف إدلب الجنوبي\n\n"
        "شنت الطائرات الحربية غارات جديدة على بلدات ريف إدلب الجنوبي، وقال سكان إن آلاف "
        "العائلات نزحت باتجاه الحدود التركية. وأفاد مسعفون بأن المستشفيات في المنطقة تعاني "
        "من نقص الأدوية، وأن فرق الإنقاذ انتشلت عددا من المدنيين من تحت الأنقاض. وقالت هيئة "
        "تحرير الشام إن مقاتليها صدوا هجوما على أطراف المدينة."
    ),
}

#: (language, query word, the word as the text writes it): another inflection or spelling.
INFLECTIONS: list[tuple[str, str, str]] = [
    ("fr", "bombardement", "bombardements"),
    ("fr", "armee", "l'armée"),  # elided article, accent not typed
    ("de", "Flüchtling", "Flüchtlinge"),
    ("de", "Krankenhaus", "Krankenhäuser"),
    ("es", "bombardeo", "bombardeos"),
    ("es", "hospital", "hospitales"),
    ("ru", "беженцы", "беженцев"),
    ("ru", "больница", "больницы"),
    ("tr", "idlib", "İdlib'de"),  # the suffix after the apostrophe
    ("ar", "غارة", "غارات"),  # a raid, raids
    ("ar", "المستشفى", "المستشفيات"),  # the hospital, the hospitals
    ("ar", "ادلب", "إدلب"),  # alef without hamza typed
]

#: (language, phrase query, the words it must mark in the text).
PHRASES: list[tuple[str, str, list[str]]] = [
    ("fr", '"armée syrienne"', ["l'armée", "syrienne"]),
    ("de", '"syrische Armee"', ["syrischen", "Armee"]),
    ("es", '"fuerza gubernamental"', ["fuerzas", "gubernamentales"]),
    ("ru", '"турецкая граница"', ["турецкой", "границе"]),
    ("tr", '"Türkiye sınırına"', ["Türkiye", "sınırına"]),
    ("ar", '"هيئة تحرير الشام"', ["هيئة", "تحرير", "الشام"]),
]
