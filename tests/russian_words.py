"""Russian word forms for the stemmer parity proof (tests/test_lunr_parity.py).

The index is stemmed in Python (snowballstemmer) and queries in the browser (lunr-languages'
lunr.ru.stemmer): the two must give the same stem for every word, or an inflected query misses
its article. The list holds the words of the Russian captures of tests/fixtures/languages,
names in their cases, words with "ё", and a generated morphology set: a few hundred stems of
nouns, adjectives and verbs, each with the endings of its paradigm (cases, adjective and
participle endings, superlatives, personal endings, the past tense, imperatives, gerunds,
reflexive forms, "-ость"), enough for every suffix of every table of the Snowball algorithm
that can match to match (test_the_russian_word_list_reaches_every_suffix_of_the_algorithm).
Forms need not be real words: they only have to exercise the algorithm.
"""

from __future__ import annotations

from pathlib import Path

from lunr_index.compat import tokenize, trim

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "languages"


def _split(text: str) -> list[str]:
    return text.split()


# --- nouns -----------------------------------------------------------------------------------

#: hard stems: (nothing), -а, -у, -ом, -е, -ы, -ов, -ам, -ами, -ах; and a feminine's -ой, -ою
HARD_NOUNS = _split(
    "город президент министр переговор договор газопровод визит саммит банк завод проект "
    "контракт кризис партнер экспорт импорт бюджет народ мост порт флот самолет вагон товар "
    "налог закон совет отдел штаб сектор доллар юан курс спрос рост кредит долг фонд план "
    "форум регион район остров берег пролив океан континент запад восток север юг лидер "
    "эксперт посол дипломат журналист источник рынок союз блок альянс стран войн границ "
    "газет встреч нефтян труб карт цен сумм нот реформ программ систем тем вакцин "
)
HARD_NOUN_ENDINGS = ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "ой", "ою", "о")

#: soft stems: -ь, -я, -ю, -ем, -е, -и, -ей, -ям, -ями, -ях, -ью, -ье, -ья, -ьи, -ьев, -ьям
SOFT_NOUNS = _split(
    "кремл рубл руководител представител покупател учител автомобил портфел словар календар "
    "январ феврал апрел июл сентябр октябр ноябр декабр нефт сет власт област связ площад "
    "стал дол неделя бур "
)
SOFT_NOUN_ENDINGS = ("ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях", "ью", "ье", "ья",
                     "ьи", "ьев", "ьям", "ьями", "ьях", "ьею", "ев", "ёв", "ём")

#: -ия / -ие stems: Россия, компания, соглашение, ...
IA_NOUNS = _split(
    "росси компани делегаци санкци энерги стратеги инвестици технологи организаци "
    "конференци операци ситуаци позици коалици федераци мили соглашени заявлени решени "
    "развити отношени положени управлени мнени событи услови сотрудничеств здани "
)
IA_NOUN_ENDINGS = ("я", "и", "ю", "ей", "ем", "е", "й", "ям", "ями", "ях", "ею", "ии", "ия",
                   "ию", "ией", "ием", "иям", "иями", "иях", "ие", "ий", "о", "а", "у", "ом")

#: -ея stems: идея, Корея (the only nouns ending in "-еи" in the genitive)
EA_NOUNS = _split("иде коре ассамбле батаре лотере галере эпопе")
EA_NOUN_ENDINGS = ("я", "и", "ю", "ей", "е", "ям", "ями", "ях", "ею")

#: -ость stems: возможность, безопасность, ...
OST_NOUNS = _split(
    "возможн безопасн деятельн промышленн ответственн независим готовн собственн активн "
    "стоим жидк верн гл мил "
)
OST_ENDINGS = ("ость", "ости", "остью", "остей", "остям", "остями", "остях", "ост", "остя")

# --- adjectives and participles ----------------------------------------------------------------

ADJECTIVES = _split(
    "российск китайск американск европейск московск пекинск международн экономическ "
    "политическ энергетическ военн нов стар крупн важн главн национальн государственн "
    "двусторонн последн стратегическ торгов газов нефтян финансов официальн совместн "
    "высок глубок долгосрочн региональн мирн западн восточн северн южн зарубежн "
    "внешнеполитическ дипломатическ ядерн космическ технологическ промышленн транспортн "
    "сибирск арктическ азиатск тихоокеанск шанхайск президентск правительственн иностранн "
    "сильн слаб быстр медленн дешев дорог прочн тесн син летн хорош свеж больш "
)
ADJECTIVE_ENDINGS = (
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым",
    "им", "ом", "ем", "ую", "юю", "ою", "ею", "ых", "их", "ыми", "ими",
)
#: short forms, adverbs, comparatives, "-ость" nouns
ADJECTIVE_OTHER = ("", "а", "о", "ы", "и", "ее", "ей", "е", "ость", "ости", "остью")
#: superlative -ейш-/-айш- with an adjective ending, or bare
SUPERLATIVES = ("ейш", "айш", "ейше", "ейшн", "енн", "ейшенн")

# --- verbs ---------------------------------------------------------------------------------------

#: first conjugation (-ать, -ять: present stem = infinitive stem)
VERBS_1 = _split(
    "работа подписыва встреча обсужда развива укрепля сотруднича заявля сообща отмеча "
    "увеличива сокраща поддержива договарива предлага принима прибыва посеща вспомина "
    "выполня исполня объявля представля сохраня начина продолжа изуча понима отвеча "
    "гуля стреля меня теря ожида повторя выражда наблюда "
)
#: first conjugation in -еть (владеть: "владейте")
VERBS_1E = _split("владе успе име сме жале уме боле")
#: second conjugation (-ить: present stem drops the "и")
VERBS_2 = _split(
    "говори встрети обсуди заяви сообщи отмети увеличи сократи договори предложи посети "
    "укрепи объяви представи сохрани позвони ответи реши построи постави проводи выводи "
    "ходи люби учи кури служи дружи плати "
)
#: -овать (present stem -у-)
VERBS_OV = _split(
    "инвестирова финансирова организова гарантирова регулирова контролирова "
    "координирова реализова модернизирова прокомментирова торгова рекомендова "
    "участвова требова совет "
)
#: from the infinitive stem: infinitive, past, gerunds, past participles, passives
INFINITIVE_FORMS = (
    "ть", "ться", "ти", "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "в", "вши",
    "вшись", "вший", "вшая", "вшее", "вшие", "вшего", "вшему", "вшим", "вших", "вшими",
    "вшийся", "вшаяся", "вшихся", "нный", "нная", "нное", "нные", "нного", "нным", "нных", "н",
    "на", "но", "ны", "нн", "нно", "ние", "ния", "нию", "нием", "нии", "ниях",
)
#: from the present stem of the first conjugation (and -овать's -у-)
PRESENT_1 = (
    "ю", "ешь", "ет", "ем", "ете", "ют", "юсь", "ешься", "ется", "емся", "етесь", "ются", "й",
    "йте", "йся", "йтесь", "я", "ясь", "ющий", "ющая", "ющее", "ющие", "ющего", "ющему",
    "ющим", "ющих", "ющими", "ющую", "ющийся", "ющаяся", "ющиеся", "ющихся", "емый", "емая",
    "емое", "емые", "емого", "емым", "емых", "ем", "ема", "емо", "емы", "ёт", "ём", "ёте",
)
#: from the present stem of the second conjugation
PRESENT_2 = (
    "ю", "у", "ишь", "ит", "им", "ите", "ят", "ат", "юсь", "усь", "ишься", "ится", "имся",
    "итесь", "ятся", "атся", "и", "ись", "я", "ясь", "а", "ась", "ящий", "ящая", "ящее",
    "ящие", "ящего", "ящим", "ящих", "ящимися", "ащий", "ащая", "ащего", "ащим", "имый",
    "имая", "имое", "имые", "имого", "имым", "имых", "енный", "енная", "енное", "енные",
    "енного", "енным", "енных", "ен", "ена", "ено", "ены", "ение", "ения", "ением", "ив",
    "ивши", "ившись", "ивший", "ившего", "ившим", "ивших", "ившийся", "ил", "ила", "ило",
    "или", "ился", "илась", "ились", "ить", "иться", "ите", "ыв", "ывши", "ывшись", "ывший",
    "ыл", "ыла", "ыло", "ыли", "ыть", "ыт", "ыми", "ым",
)

# --- names, "ё", edge cases ----------------------------------------------------------------------

NAMES = _split(
    "Путин Путина Путину Путиным Путине Москва Москвы Москве Москву Москвой Пекин Пекина "
    "Пекину Пекином Пекине Китай Китая Китаю Китаем Китае Россия России Россию Россией Си "
    "Цзиньпин Цзиньпина Цзиньпину Цзиньпином Цзиньпине Владимир Владимира Владимиром "
    "Лавров Лаврова Лаврову Лавровым Лаврове Кремль Кремля Кремлю Кремлем Кремлём Кремле "
    "Захарова Захаровой Захарову Ван Вана Ваном Шанхай Шанхая Шанхаем Шанхайской Сибирь "
    "Сибири Сибирью Украина Украины Украине Украиной США ЕС КНР МИД ООН БРИКС ШОС ТАСС "
    "Мир Мира Миру Мирный Мирного Мирным"
)
YO_WORDS = _split(
    "ещё её всё ёлка Ёлка ЁЛКА Лёва партнёр партнёра партнёром партнёрство партнёрства учёт "
    "учёта самолёт самолёта объём объёма подъём отчёт отчёта жёлтый жёлтого Потёмкин "
    "Потёмкина наём приём приёма счёт счёта пришёл нашёл зачёт чётный передаёт даёт поёт "
    "идёт живёт ведёт ведётся берёт растёт растёте ёмкость ёмкости зелёный зелёных "
    "трёхсторонний четырёх Горбачёв Горбачёва Хрущёв Хрущёва Королёв Королёвым шёл шёлк"
)
EDGE = _split(
    "путин2024 ковид19 putinа мвф g20-саммит 5g-сети и в я ы ь ъ эй юй стрюй аэ ая ее ие "
    "ость ейш нн вш ся сь ться ющ ующ ивш ывш іран їжак ґанок Єреван ђак ћир ѓ ѕ ԁ ҷ ӕ "
    "российско-китайский пресс-служба а\u0301 зна\u0301ние"
)


def _forms(stems: list[str], endings: tuple[str, ...]) -> list[str]:
    return [stem + ending for stem in stems for ending in endings]


def fixture_words() -> list[str]:
    """The Cyrillic words of the Russian captures, as lunr indexes them (lower-cased, trimmed)
    and as written (capitalised names too)."""
    words: list[str] = []
    for path in sorted(FIXTURES.glob("ru-*.txt")):
        text = path.read_text(encoding="utf-8")
        words += [trim(t) for t in tokenize(text)]
        words += [trim(t) for t in text.split()]
    return [w for w in words if any("\u0400" <= c <= "\u052f" for c in w)]


def generated_words() -> list[str]:
    """The morphology set: stems of each part of speech times the endings of its paradigm."""
    words = _forms(HARD_NOUNS, HARD_NOUN_ENDINGS)
    words += _forms(SOFT_NOUNS, SOFT_NOUN_ENDINGS)
    words += _forms(IA_NOUNS, IA_NOUN_ENDINGS)
    words += _forms(EA_NOUNS, EA_NOUN_ENDINGS)
    words += _forms(OST_NOUNS, OST_ENDINGS)
    words += _forms(ADJECTIVES, ADJECTIVE_ENDINGS + ADJECTIVE_OTHER)
    words += _forms(ADJECTIVES, tuple(s + e for s in SUPERLATIVES
                                      for e in ("", *ADJECTIVE_ENDINGS)))
    verbs = VERBS_1 + VERBS_1E + VERBS_2 + VERBS_OV
    words += _forms(verbs, INFINITIVE_FORMS)
    words += _forms(VERBS_1 + VERBS_1E, PRESENT_1)
    words += _forms([v[:-3] + "у" for v in VERBS_OV if v.endswith("ова")], PRESENT_1)
    words += _forms([v[:-1] for v in VERBS_2], PRESENT_2)
    # gerunds and participles with the reflexive and the adjective endings on top
    words += _forms([v + p for v in VERBS_1 for p in ("ющ", "вш", "ем", "нн")],
                    ADJECTIVE_ENDINGS)
    return words


def russian_words() -> list[str]:
    """Every word of the proof, each once, in a fixed order (names and "ё" words also
    lower-cased, as lunr's tokenizer hands them to the stemmer)."""
    words = fixture_words() + generated_words() + NAMES + YO_WORDS + EDGE
    words += [w.lower() for w in NAMES + YO_WORDS + EDGE]
    return list(dict.fromkeys(words))
