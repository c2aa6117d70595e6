"""Places and people by rule, and short names resolved to the fullest form (``extractor/names``)."""
import pytest

from extractor.names.locations import find_places
from extractor.names.persons import find_persons
from extractor.names.resolve import resolve_persons


def places(text):
    return [p.name for p in find_places(text)]


def persons(text):
    return [p.name for p in find_persons(text)]


@pytest.mark.parametrize("text,name", [
    ("Келесі жылы Бейнеу ауданында жаңа мектеп салынады.", "Бейнеу ауданы"),
    ("Жазда Жетісу өңірінде алма піседі.", "Жетісу өңірі"),
    ("Биыл екі үй жөнделеді: Сейфуллин көшесіндегі 12 үй.", "Сейфуллин көшесі"),
    ("Дауыл Хоккайдо аралындағы Саппоро қаласына жетті.", "Хоккайдо аралы"),
    ("Дауыл Хоккайдо аралындағы Саппоро қаласына жетті.", "Саппоро қаласы"),
    ("Кеме Жерорта теңізіне шықты.", "Жерорта теңізі"),
    ("Компания Қаражанбас кен орнын игереді.", "Қаражанбас кен орны"),
    ("Нұрсат 2 ықшам ауданындағы №4 үй жөнделеді.", "Нұрсат 2 ықшам ауданы"),
    ("Жол Қабанбай батыр көшесінде жабылды.", "Қабанбай батыр көшесі"),
    ('Концерт "Достық" сарайында өтеді.', "Достық сарайы"),
    ("Биыл Норвегия елінде бес миллионнан астам адам тұрады.", "Норвегия"),
    # named mines, fortresses, churches and arenas keep their type word, like streets and fields
    ("Кеншілер Жезқазған кенішінде екі ай жұмыс істеді.", "Жезқазған кеніші"),
    ("Қоқан әскері Ақмешіт бекінісінен шегінді.", "Ақмешіт бекінісі"),
    ("Туристер Мәскеудегі Василий соборына кірді.", "Василий соборы"),
    ("Қала тарихы Вознесенск шіркеуінің қабырғасында жазылған.", "Вознесенск шіркеуі"),
    ("Ойыншылар Барыс аренасында жаттығады.", "Барыс аренасы"),
])
def test_places_by_head_noun(text, name):
    assert name in places(text)


@pytest.mark.parametrize("text,name", [
    # a name of two words no table knows: a foreign person's whole name, a town before a dedication
    ("Теннисші Ролан Гаррос аренасында жеңіске жетті.", "Ролан Гаррос аренасы"),
    ("Қаладағы Перовск Қазан-Богородтық шіркеуі қайта жөнделді.", "Перовск Қазан-Богородтық шіркеуі"),
])
def test_a_two_word_name_before_a_place_head(text, name):
    assert places(text) == [name]


@pytest.mark.parametrize("text,names", [
    ("Жүк Ресейдің Барнауыл қаласына жетті.", ["Ресей", "Барнауыл қаласы"]),  # a known place before the name
    ("Ол Алматы Абай көшесінде тұрады.", ["Алматы", "Абай көшесі"]),
    ("Қасым-Жомарт Тоқаев Абай даңғылындағы мектепке барды.", ["Абай даңғылы"]),  # a surname before it
    ("Кеше Абай көшесінде жиын өтті.", ["Абай көшесі"]),  # a sentence's first word
    ("Жұмысты «Дала» ЖШС Шұбар кен орнында жүргізеді.", ["Шұбар кен орны"]),  # an abbreviation
])
def test_a_word_before_a_one_word_name_stays_out_of_it(text, names):
    assert places(text) == names


def test_a_genitive_before_a_number_and_a_head_counts_places():
    # "five of Europe's cities": a count of places, no place named Еуропаның 5 қаласы
    assert places("Турнир Еуропаның 5 қаласында өтеді.") == ["Еуропа"]
    assert places("Биыл Қазақстанның 3 облысында жаңа жол салынады.") == ["Қазақстан"]
    assert places("Нұрсат 2 шағын ауданында жол жөнделді.") == ["Нұрсат 2 шағын ауданы"]


def test_coordinated_names_share_the_head():
    assert places("Жазда Көктем және Шұғыла шағын ауданы абаттандырылады.") == [
        "Көктем шағын ауданы", "Шұғыла шағын ауданы"]
    # any list joiner, a two-word item
    assert places("Қар Солтүстік Қазақстан мен Ақмола облысында көп түсті.") == [
        "Солтүстік Қазақстан облысы", "Ақмола облысы"]


@pytest.mark.parametrize("text,names", [
    ("Егін Жамбыл, Түркістан және Қызылорда облыстарында ерте піседі.",
     ["Жамбыл облысы", "Түркістан облысы", "Қызылорда облысы"]),
    ("Жаңа жол Ақсу мен Көктөбе ауылдарын қосады.", ["Ақсу ауылы", "Көктөбе ауылы"]),
    ("Сел қаупі Талғар және Еңбекшіқазақ аудандарының тұрғындарына ескертілді.",
     ["Талғар ауданы", "Еңбекшіқазақ ауданы"]),
    # a list of mines: a name that is also a city's ablative (Арыстан, 'from Арыс') is the mine's own name
    ("Жақын жерде Қаражал, Арыстан және Жаңатас кеніштері бар.",
     ["Қаражал кеніші", "Арыстан кеніші", "Жаңатас кеніші"]),
])
def test_a_plural_head_gives_each_listed_name_its_head(text, names):
    found = find_places(text)
    assert [p.name for p in found] == names
    # each span is the item's words: the plural head belongs to all of them
    assert [text[p.start:p.end] for p in found] == [n.rsplit(" ", 1)[0] for n in names]


@pytest.mark.parametrize("text,names", [
    # a city the gazetteer knows is not a region because a region follows it
    ("Нұр-Сұлтан және Қарағанды облысының жастары жиналды.", ["Нұр-Сұлтан", "Қарағанды облысы"]),
    # a comma after a sentence's first word makes no list
    ("Мәселен, Атырау облысында су тапшы.", ["Атырау облысы"]),
    # one name before a plural head: the country's regions, not a region
    ("Ресей облыстарымен сауда артты.", ["Ресей"]),
    # an abbreviation holds its head already
    ("БҚО мен Павлодар облыстары келісімге қол қойды.", ["БҚО", "Павлодар облысы"]),
    # islands the gazetteer knows keep their own names
    ("Туристер Бали және Ява аралдарына барады.", ["Бали", "Ява"]),
    # items in the ablative, each its own case form: no list of names sharing the head
    ("Жүк Астанадан, Алматыдан және Шымкент қалаларынан келеді.", ["Астана", "Алматы", "Шымкент"]),
])
def test_lists_that_do_not_share_the_head(text, names):
    assert places(text) == names


@pytest.mark.parametrize("text", [
    "Бұл облысы бойынша көрсеткіш.",  # no name before the head
    "Ол Сіздерге және Павлодар облысының әкіміне алғыс айтты.",  # a pronoun does not share the head
    "Қазақ елі тәуелсіздік алды.",  # a descriptor head only for a known place
])
def test_no_place_without_a_name(text):
    assert "Сіздерге облысы" not in places(text) and "Бұл облысы" not in places(text)
    assert "Қазақ" not in places(text) and "Қазақ елі" not in places(text)


@pytest.mark.parametrize("text", [
    "Мақала 31 Қазан, 2022 сағат 14:31 жарияланды.",  # a day before it, a year after it
    "Жиын биыл Қазан айында өтеді.",  # the word 'month' after it
    "Сайтта 5 Қазан күні жаңа мақала шықты.",
])
def test_a_place_spelled_like_a_month_in_a_date_is_the_month(text):
    assert "Қазан" not in places(text)


@pytest.mark.parametrize("text", [
    "Делегация Қазанда екі күн болды.",
    "Жарыс биыл Қазан қаласында өтеді.",
    "Делегация 2022 жылы Мәскеу мен Қазанға барды.",
])
def test_a_place_spelled_like_a_month_stays_without_a_date_around_it(text):
    assert any(n.startswith("Қазан") for n in places(text))


def test_the_great_silk_road_is_a_place():
    assert places("Керуен ежелгі Ұлы Жібек жолының бойымен жүрді.") == ["Ұлы Жібек жолы"]


def test_dateline_gives_the_city():
    assert places("ҚЫЗЫЛОРДА. KAZINFORM - Күріш егісі азаяды.")[0] == "Қызылорда"
    assert places("КЕНТАУ. KAZINFORM - Жаңа мектеп ашылды.")[0] == "Кентау"
    assert places("ЖАҢАҚҰРЫЛЫС. KAZINFORM - Жаңа мектеп ашылды.")[0] == "Жаңақұрылыс"
    # an agency the gazetteer does not list: a Latin-script or all-capitals name
    assert places("ТАРАЗ. Taraz.kz - Жаңа саябақ ашылды.")[0] == "Тараз"
    # a capitalised ordinary word after a city the gazetteer does not know is no agency: no dateline
    assert places("ЖАҢАҚҰРЫЛЫС. Бүгін - жаңбыр жауады.") == []


@pytest.mark.parametrize("text,name", [
    ("ҚР Энергетика министрі Ерлан Сапаров Атырау облысына барды.", "Ерлан Сапаров"),
    ("Кейін Е.Сапаров зауытты аралады.", "Е.Сапаров"),
    ("Биыл Б.Момышұлының туғанына 115 жыл толды.", "Б.Момышұлы"),
    ("- деді Қ. Серіков.", "Қ.Серіков"),
    ("Кітапхана директоры Гүлнар Сейітованың айтуынша, оқырман көбейді.", "Гүлнар Сейітова"),
    ("Бұл туралы Шымкент қаласы әкімінің орынбасары Ержан Мұқанов айтты.", "Ержан Мұқанов"),
    ("Хатты ақынның қызы Айжан Бекқызы оқыды.", "Айжан Бекқызы"),
    ("- дейді бригадир Қайрат Ахметжан.", "Қайрат Ахметжан"),
    ("Делегацияны Қасым-Жомарт Кемелұлы Тоқаевқа таныстырды.", "Қасым-Жомарт Кемелұлы Тоқаев"),
    ("Ақмола облысының әкімі Алтай Серікбаевқа хат жолдады.", "Алтай Серікбаев"),
    ("Ол Лермонтов шығармаларын аударды.", "Лермонтов"),
    ("Ұстаздары Достоевский мен Толстойды оқыды.", "Достоевский"),
])
def test_people(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Дүкен Сейфуллин көшесінде тұр.",  # a street named after a person
    "Ол Назарбаев Университетін бітірді.",  # an institution
    "Кітапхана Гумилев атындағы университетте.",
    "Атышулы оқиға болды.",  # an adjective, not a patronymic
    "Сәтбаев қаласында жиын өтті.",  # a city
])
def test_not_people(text):
    assert persons(text) == []


def test_short_forms_resolve_to_the_full_name():
    m = resolve_persons(["Ерлан Сапаров", "Е.Сапаров", "Сапаров", "Бауыржан Момышұлы", "Б.Момышұлы", "Қ.Серіков"])
    assert m["Е.Сапаров"] == m["Сапаров"] == "Ерлан Сапаров"
    assert m["Б.Момышұлы"] == "Бауыржан Момышұлы"
    assert m["Қ.Серіков"] == "Қ.Серіков"


def test_an_ambiguous_short_form_stays():
    m = resolve_persons(["Асқар Мамин", "Ерлан Мамин", "Мамин", "Е.Мамин"])
    assert m["Мамин"] == "Мамин"
    assert m["Е.Мамин"] == "Ерлан Мамин"


def test_patronymic_and_misspelt_forms_join_the_first_full_name():
    m = resolve_persons(["Құрман Абдрахман", "Құрман Тұрғанұлы",
                         "Алимұхаммед Құттұмұратұлы", "Алимұхаммед Кұттұмұратұлы"])
    assert m["Құрман Тұрғанұлы"] == "Құрман Абдрахман"
    assert m["Алимұхаммед Кұттұмұратұлы"] == "Алимұхаммед Құттұмұратұлы"
    # a text cut off inside the surname: the whole spelling of the same first name
    m = resolve_persons(["Гүлнар Сәрсенбаева", "Гүлнар Сәрсенб", "Гүлнар Сәр"])
    assert m["Гүлнар Сәрсенб"] == "Гүлнар Сәрсенбаева"
    assert m["Гүлнар Сәр"] == "Гүлнар Сәр"  # three letters: too short to tell
    # two different full names with the same first name: the patronymic is left alone
    m = resolve_persons(["Құрман Абдрахман", "Құрман Сейітов", "Құрман Тұрғанұлы"])
    assert m["Құрман Тұрғанұлы"] == "Құрман Тұрғанұлы"


@pytest.mark.parametrize("text,name", [
    # two initials whose last dot the tokenizer leaves out of the word
    ("Іс бойынша Б.Қ. Жақыповқа айып тағылды.", "Б.Қ.Жақыпов"),
    ("Баяндаманы А.Т. Серікбаева жасады.", "А.Т.Серікбаева"),
    ("Кеңесте С.А. Нұрланов пен Т.Б. Ахметова сөйледі.", "С.А.Нұрланов"),
    # an office or profession before two or three capitalised words: an unlisted first name
    ("Жазушы Смағұл Елубай жаңа романын таныстырды.", "Смағұл Елубай"),
    ("Түркия президенті Режеп Тайып Ердоған Анкарада сөйледі.", "Режеп Тайып Ердоған"),
    ("Халық әртісі Полад Бүлбүлоғлы Баку мен Алматыда концерт берді.", "Полад Бүлбүлоғлы"),
    ("Бапкер Станислав Черчесов ойыншылар тізімін жариялады.", "Станислав Черчесов"),
    ("Франция президенті Эммануэль Макронды қабылдады.", "Эммануэль Макрон"),
])
def test_people_with_initials_or_an_office(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text,name", [
    # a place written after the name (Женевада, Ташкентте) or a direction opening one is no part of it
    ("БҰҰ Бас хатшысы Антониу Гутерриш Женевада сөз сөйледі.", "Антониу Гутерриш"),
    ("Боксшы Бекзат Нұрдәулетов Ташкентте жеңіске жетті.", "Бекзат Нұрдәулетов"),
    ("Депутат Асқар Жұмабаев Батыс Қазақстан облысындағы сайлаушылармен кездесті.", "Асқар Жұмабаев"),
    # a place named with its head word right after the name: the third word is the place's
    ("Аудан әкімі Ғалым Сейіт Көкжиде ауылдық округінің тұрғындарымен кездесті.", "Ғалым Сейіт"),
    ("Мектеп директоры Айжан Болат Талдыбұлақ ауылында ашық сабақ өткізді.", "Айжан Болат"),
])
def test_a_name_after_an_office_stops_before_a_place(text, name):
    assert persons(text) == [name]


@pytest.mark.parametrize("text,place", [
    ("Аудан әкімі Ғалым Сейіт Көкжиде ауылдық округінің тұрғындарымен кездесті.", "Көкжиде ауылдық округі"),
    ("Мектеп директоры Айжан Болат Талдыбұлақ ауылында ашық сабақ өткізді.", "Талдыбұлақ ауылы"),
])
def test_a_place_after_a_persons_name_leaves_the_surname_out(text, place):
    assert places(text) == [place]


@pytest.mark.parametrize("text,place", [
    ("Боксшы Ташкентте өткен Азия чемпионатында жеңді.", "Азия"),
    ("Ол Астана халықаралық форумына қатысты.", "Астана"),
    ("Алматы марафоны жексенбіде өтті.", "Алматы"),
    ("Қазақстан кубогының финалы өтті.", "Қазақстан"),
])
def test_a_place_in_an_event_title_is_no_location(text, place):
    assert place not in places(text)


@pytest.mark.parametrize("text,place", [
    ("Алматыда чемпионат өтті.", "Алматы"),  # a place in a case form stays: the event is there
    ("Азияда өсім байқалды.", "Азия"),
    ("Форумға Қазақстан мен Өзбекстан қатысты.", "Өзбекстан"),
])
def test_a_place_near_an_event_word_stays(text, place):
    assert place in places(text)


@pytest.mark.parametrize("text,name", [
    ("Басқарма басшысы — Жұмабеков Ринат Думанұлы.", "Жұмабеков Ринат Думанұлы"),
    ("Дауыстың 15 пайызы Сейітов Әміржан Бекұлына берілді.", "Сейітов Әміржан Бекұлы"),
    ("Акушерка Искакова Баян Мұратқызы әйелді аман-есен босандырды.", "Искакова Баян Мұратқызы"),
])
def test_people_written_surname_first(text, name):
    assert persons(text) == [name]


def test_a_surname_ends_a_name_after_an_office():
    # the capitalised word after a surname is no third name word (a month opening an event's name)
    assert persons("Ел Президенті Қасым-Жомарт Тоқаев Тамыз конференциясында айтты.") == ["Қасым-Жомарт Тоқаев"]


def test_a_surname_first_name_resolves_its_later_surname(nlp_rules):
    from extractor.api import Extractor, Item

    extractor = Extractor.__new__(Extractor)
    extractor.nlp, extractor.model, extractor.max_chars = nlp_rules, None, 0
    doc = extractor.process(Item(text="Жиынды Жұмабеков Ринат Думанұлы ашты. Кейін Жұмабеков жоспарды таныстырды."))
    assert [r.name for r in doc.records if r.type == "person"] == ["Жұмабеков Ринат Думанұлы"] * 2


@pytest.mark.parametrize("text", [
    "Өртті сөндіруге төтенше жағдайлар департаменті кірісті.",  # a dative before the body's words
    "Балаларға жылы киім қоры жиналды.",
    "Мамандар облыстың тұрақтандыру қорында картоп барын айтады.",  # the region's fund: no name
    "Дәрі-дәрмекті қаланың денсаулық сақтау басқармасы сатып алды.",
])
def test_no_org_across_a_dative_or_a_common_place_noun(text):
    from extractor.names.orgs import find_orgs

    assert find_orgs(text) == []


@pytest.mark.parametrize("text,names", [
    ("Жиынға Сейітов А.Б. мен Ахметова Г.Қ. қатысты.", ["Сейітов А.Б.", "Ахметова Г.Қ."]),
    ("Хаттамаға Жұмабеков Р.Д. қол қойды.", ["Жұмабеков Р.Д."]),
])
def test_a_surname_with_initials_after_it(text, names):
    assert persons(text) == names


@pytest.mark.parametrize("text,name", [
    ("АҚШ президенті Дональд Трамп Ақ үйде мәлімдеме жасады.", "Дональд Трамп"),  # a short common word
    ("Ғалым Мұрат Әуезов конференцияда баяндама жасады.", "Мұрат Әуезов"),  # a profession that is a first name
    ("Әнші Димаш Құдайберген Лондонда концерт берді.", "Димаш Құдайберген"),
])
def test_an_office_word_and_the_name_after_it(text, name):
    assert persons(text) == [name]


@pytest.mark.parametrize("text, word", [
    ("Қалада IT мамандарын даярлау орталығы ашылды.", "IT"),  # inside what the body does
    ("Жаңа Digital білім беру орталығы жұмыс істейді.", "Digital"),  # one unlisted Latin word
])
def test_a_latin_word_before_a_body_is_no_parent_of_its_own(text, word):
    from extractor.names.orgs import find_orgs
    assert word not in {m.attrs["name"] for m in find_orgs(text)}


@pytest.mark.parametrize("text,name,surface", [
    ("Қазақстанымыздың әр өңірінде жаңа мектептер бой көтеруде.", "Қазақстан", "Қазақстанымыздың"),
    ("Мен туған Алматыма жиі барамын.", "Алматы", "Алматыма"),
    ("Жастар Астанамызға үлкен үлес қосуда.", "Астана", "Астанамызға"),
    ("Ол Ресейімнен алыста жүрмін деп жазды.", "Ресей", "Ресейімнен"),
])
def test_a_place_with_the_first_person_possessive(text, name, surface):
    found = [(p.name, text[p.start:p.end]) for p in find_places(text)]
    assert (name, surface) in found


@pytest.mark.parametrize("text", [
    "Ол Жанарымның туған күніне гүл сатып алды.",  # not a place with a possessive
    "Қазақстандықтармыз деп айтамыз.",  # a word made from the name, not the name
    "Астанаға келдім.",  # a 1st-person verb ending is no possessive of the place
])
def test_no_place_from_a_first_person_ending_that_is_not_on_a_place(text):
    assert all(p.name != "Жанар" for p in find_places(text))
    assert [text[p.start:p.end] for p in find_places(text)] in ([], ["Астанаға"])


@pytest.mark.parametrize("text", [
    "Биыл «Сарыарқа» газ құбыры толық іске қосылды.",  # a project
    "Зауыт «Беларусь» тракторларын құрастырады.",  # a product
    "Мерекелік кеш «Астана» концерт залында өтті.",  # a building
])
def test_a_known_place_quoted_before_a_thing_names_the_thing(text):
    assert places(text) == []


@pytest.mark.parametrize("text,name", [
    ("Отбасы «Алтын дала» шағынауданында тұрады.", "Алтын дала шағынауданы"),  # a place's head
    ("Бас қала «Нұр-Сұлтан» шаһары деп аталды.", "Нұр-Сұлтан"),  # a common noun for a place
    ("Жаңа ұшақ «Атырау» деп аталды.", "Атырау"),  # a verb of naming
])
def test_a_quoted_place_before_a_place_word_or_a_verb_of_naming_stays(text, name):
    assert name in places(text)


@pytest.mark.parametrize("text,name", [
    ("Жиында Сәуле апай балаларға ертегі айтты.", "Сәуле"),
    ("Ауылдағы Жақып атамыздың жасы тоқсанға келді.", "Жақып"),
    ("Біз Гүлжан әжеге сәлем бердік.", "Гүлжан"),
    ("Жұмысты Ержан ағай ұйымдастырды.", "Ержан"),
])
def test_a_name_before_a_kinship_word_is_a_person(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Алматы апасы туралы ән шырқалды.",  # a place the gazetteer finds bare
    "Бізде аталған шара өтті.",  # no kinship word
    "Көпбалалы апай марапатталды.",  # a having adjective
])
def test_no_person_before_a_kinship_word_without_a_name(text):
    assert persons(text) == []


@pytest.mark.parametrize("text,names", [
    ("Қыста Көктерек елді мекеніне жол жабылды.", ["Көктерек"]),
    ("Су құбыры Ақбұлақ, Сарыжайлау және Теректі елді мекендеріне тартылады.", ["Ақбұлақ", "Сарыжайлау", "Теректі"]),
])
def test_names_before_a_settlement_noun_are_places_named_without_it(text, names):
    assert places(text) == names


def test_a_settlement_noun_without_a_name_gives_no_place():
    assert places("Бұл елді мекенде мектеп жоқ.") == []


@pytest.mark.parametrize("text,names", [
    ("Әжем Тасбұлақ деген ауылда туып-өскен.", ["Тасбұлақ"]),
    ("Туристер Қарабие аталатын өзенге дейін жаяу жүрді.", ["Қарабие"]),
    ("Малшылар көктемде Шұбаркөл деген жерге көшеді.", ["Шұбаркөл"]),
])
def test_a_name_called_a_place_is_a_place_named_without_the_noun(text, names):
    assert places(text) == names


@pytest.mark.parametrize("text", [
    "Мақсат деген ауылда тұратын жігіт келді.",  # a listed first name: 'a lad called Мақсат'
    "«Жасыл ел» деген жерде мереке өтті.",  # a quoted name is a programme's, not the place's
    "Самғау деген көлік жолға шықты.",  # no place noun after 'called'
])
def test_no_place_called_without_a_place_noun_or_with_a_person(text):
    assert places(text) == []


@pytest.mark.parametrize("text,name", [
    ("Бұл келісім екі елге де тиімді, деп Корвин Эллисон мәлімдеді.", "Корвин Эллисон"),
    ("Сот шешімін кейінге қалдыруды Орсон Бейтс түсіндірді.", "Орсон Бейтс"),
    ("Кеше Лондонда Джеймс Хартли сөз сөйлеп, жобаны қолдайтынын айтты.", "Джеймс Хартли"),
])
def test_two_capitalised_words_before_a_verb_of_saying_or_a_foreign_first_name(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Бұл туралы Солтүстік Корея мәлімдеді.",  # a direction and a place
    "Бұл туралы Біріккен Ұлттар мәлімдеді.",  # a participle (біріккен) opens no name
    "Жаңалықты Ақ Орда хабарлады.",  # Ақ is a common word (white), not a first name
    "Сахнаға Айбек пен Сәуле Жақыповтар шықты.",  # a family: the plural surname ends a list of first names
])
def test_no_speaker_from_places_or_a_family_list(text):
    assert persons(text) == []


@pytest.mark.parametrize("text,names", [
    ("Жарысқа Ақтау, Ақсу, Төребай және Шымкент командалары келді.", ["Ақтау", "Ақсу", "Төребай", "Шымкент"]),
    ("Делегация Анкара, Измир, Денизли және Стамбулда болды.", ["Анкара", "Измир", "Денизли", "Стамбул"]),
])
def test_an_unknown_name_in_a_list_of_places_is_a_place(text, names):
    assert sorted(places(text)) == sorted(names)


@pytest.mark.parametrize("text,names", [
    ("Мәскеу, Лондон, Ержан және Париж туралы айтты.", ["Мәскеу", "Лондон", "Париж"]),  # a first name
    ("Қонақтар Ақтау, Маңғыстау, Батыс Қазақстан облысынан келді.", None),  # a direction is no place alone
    ("Қазақстан-Қытай, Ресей және Тұран Жолы кеңесі жиналды.", None),  # a place ending inside a word
])
def test_a_list_of_places_leaves_out_names_of_other_kinds(text, names):
    found = places(text)
    assert "Батыс" not in found and "Ержан" not in found
    if names is not None:
        assert sorted(found) == sorted(names)


@pytest.mark.parametrize("text,name", [
    ("Туристер Көктөбедегі саябақта демалды.", "Көктөбе"),
    ("Биыл Шалқымадағы мектеп жөнделеді.", "Шалқыма"),
    ("Кеше Жосабайтағы көпір ашылды.", "Жосабай"),
])
def test_an_unknown_name_with_the_locative_attribute_is_a_place(text, name):
    assert places(text) == [name]


@pytest.mark.parametrize("text", [
    "Депутаттар Парламенттегі талқылауға қатысты.",  # an organisation
    "Кітап Ержандағы сөреде тұр.",  # a listed first name
    "Бұл Ахметовтағы құжат.",  # a surname
    "Жидебайдағы мұражай жабық.",  # the first word of a sentence may be any word
    "Ол «Шалқымадағы» деген әнді айтты.",  # inside quotes: a title
])
def test_no_place_from_the_locative_attribute_of_other_names(text):
    assert places(text) == []


@pytest.mark.parametrize("text,names", [
    ("Құрама Штаттардың елшісі Британияға барды.", ["Құрама Штаттар", "Британия"]),
    ("Экспедиция Сахарадан кейін Орта Азияға аттанды.", ["Сахара", "Орта Азия"]),
])
def test_foreign_places_in_kazakh_spelling(text, names):
    assert places(text) == names


@pytest.mark.parametrize("text,name", [
    ("Студенттер әл-Фарабидің трактаттарын оқыды.", "әл-Фараби"),
    ("Әл-Бируни жұлдыздарды зерттеген.", "Әл-Бируни"),
    ("Елші Әл-Хашимимен кездесті.", "Әл-Хашими"),
])
def test_a_name_opened_by_a_particle_is_a_person(text, name):
    assert persons(text) == [name]


@pytest.mark.parametrize("text", [
    "Ол әл-Фараби атындағы университетте оқиды.",  # named after
    "Дүкен әл-Фараби даңғылында орналасқан.",  # a street's head
    "Қонақ Халид Әл-Хашимимен кездесті.",  # the end of a longer name: no part of it alone
    "Жөндеу әл-Фараби, Райымбек және Абай даңғылдарында жүреді.",  # a list of streets
])
def test_no_particle_person_before_a_head_or_inside_a_longer_name(text):
    assert "әл-Фараби" not in persons(text) and "Әл-Хашими" not in persons(text)


@pytest.mark.parametrize("text,name", [
    ("Театр Мигель де Сервантестің пьесасын қойды.", "Мигель де Сервантес"),
    ("Оркестр Людвиг ван Бетховеннің симфониясын орындады.", "Людвиг ван Бетховен"),
    ("Тарихшы Отто фон Бисмарк туралы кітап жазды.", "Отто фон Бисмарк"),
    ("Ахмад бен Халид бен Сауд Әл-Фарисимен кездесу өтті.", "Ахмад бен Халид бен Сауд Әл-Фариси"),
])
def test_a_particle_between_first_name_and_surname_keeps_one_person(text, name):
    assert persons(text) == [name]


@pytest.mark.parametrize("text", [
    "Жиналысқа Асқар да Болат та келді.",  # 'too ... too': two people, no particle
    "Кеше Дәурен де Марат та үйде болды.",
    "Жиында Ержан да Сапаровпен сөйлесті.",  # 'too', then a surname in the instrumental
])
def test_kazakh_too_is_no_name_particle(text):
    assert not any(" да " in n or " де " in n for n in persons(text))


@pytest.mark.parametrize("text,name", [
    ("Елшілікке Мұхтар Тілеуберді келді.", "Мұхтар Тілеуберді"),
    ("Сарапшы Ержан Жанбердіні мақтады.", "Ержан Жанберді"),
    ("Әкім Нұрлан Аманкелдіге алғыс айтты.", "Нұрлан Аманкелді"),
])
def test_a_surname_that_ends_like_an_accusative_keeps_its_ending(text, name):
    assert persons(text) == [name]


@pytest.mark.parametrize("text", [
    "Биыл Назарбаев Университеттің түлектері көбейді.",  # a capitalised head: the university
    "Жарыс Ролан Гаррос аренасында өтті.",  # a building that bears the name
    "Жөндеу Головков, Гоголь және Горький көшелерінде жүреді.",  # a list of streets
    "Туристер Покровский Әулие-Николаевтық шіркеуіне барды.",  # an adjective, then the building
])
def test_no_person_in_the_name_of_a_place_or_body(text):
    assert persons(text) == []


def test_an_office_word_after_an_office_is_no_first_name():
    # 'the head of the party, the First President ...': Елбасы is an office, the name starts after it
    assert persons("Жиынға партия басшысы Елбасы Нұрсұлтан Назарбаев қатысты.") == ["Нұрсұлтан Назарбаев"]
