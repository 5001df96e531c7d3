# ruff: noqa: RUF001
# (parallel texts in six languages: Cyrillic letters are the point of this file)
"""Reading metrics: reading time, vocabulary level, educational elements, all offline.

Pure functions: no database, no server, no fixtures from conftest.
"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from talestream.metrics import ReadingMetrics, compute_metrics
from talestream.metrics.reading import (
    EDUCATIONAL_LABELS,
    count_syllables,
    reading_ease,
    words_per_minute,
)

LANGUAGES = ("en", "es", "fr", "de", "ru", "he")

# The same passages in all six languages, at three levels: a first reader, a chapter book and
# technical prose. They calibrate the per-language level thresholds in metrics/reading.py.
PARALLEL: dict[str, list[dict[str, str]]] = {
    "simple": [
        {
            "en": "The cat is red. The cat sits on a mat. A dog runs to the cat. They play in the "
            "sun. Now they are friends.",
            "es": "El gato es rojo. El gato se sienta en la alfombra. Un perro corre hacia el "
            "gato. Juegan al sol. Ahora son amigos.",
            "fr": "Le chat est roux. Le chat est assis sur le tapis. Un chien court vers le chat. "
            "Ils jouent au soleil. Maintenant, ils sont amis.",
            "de": "Die Katze ist rot. Die Katze sitzt auf der Matte. Ein Hund läuft zur Katze. "
            "Sie spielen in der Sonne. Jetzt sind sie Freunde.",
            "ru": "Кот рыжий. Кот сидит на коврике. К коту бежит пёс. Они играют на солнце. "
            "Теперь они друзья.",
            "he": "החתול אדום. החתול יושב על השטיח. כלב רץ אל החתול. הם משחקים בשמש. עכשיו הם "
            "חברים.",
        },
        {
            "en": "Sam has a big ball. He kicks the ball. The ball goes up and up. It lands in a "
            "tree. Dad gets the ball down. Sam says thank you.",
            "es": "Sam tiene una pelota grande. Patea la pelota. La pelota sube y sube. Cae en un "
            "árbol. Papá baja la pelota. Sam dice gracias.",
            "fr": "Sam a un gros ballon. Il tape dans le ballon. Le ballon monte, monte. Il tombe "
            "dans un arbre. Papa attrape le ballon. Sam dit merci.",
            "de": "Sam hat einen großen Ball. Er schießt den Ball. Der Ball fliegt hoch und hoch. "
            "Er landet in einem Baum. Papa holt den Ball. Sam sagt danke.",
            "ru": "У Сэма большой мяч. Он бьёт по мячу. Мяч летит вверх. Он падает на дерево. "
            "Папа достаёт мяч. Сэм говорит спасибо.",
            "he": "לסאם יש כדור גדול. הוא בועט בכדור. הכדור עולה ועולה. הוא נוחת על עץ. אבא "
            "מוריד את הכדור. סאם אומר תודה.",
        },
    ],
    "intermediate": [
        {
            "en": "Mia wanted to build a tree house with her brother, but they did not have "
            "enough wood. They asked their neighbour for help, and together they carried old "
            "boards from his garage. By the evening the little house was finished, and they "
            "watched the stars from its window.",
            "es": "Mía quería construir una casa en el árbol con su hermano, pero no tenían "
            "suficiente madera. Le pidieron ayuda a su vecino y juntos llevaron tablas viejas "
            "desde su garaje. Por la noche la casita estaba terminada, y miraron las estrellas "
            "desde su ventana.",
            "fr": "Mia voulait construire une cabane dans l'arbre avec son frère, mais ils "
            "n'avaient pas assez de bois. Ils ont demandé de l'aide à leur voisin, et ensemble "
            "ils ont porté de vieilles planches depuis son garage. Le soir, la petite maison "
            "était terminée, et ils ont regardé les étoiles par sa fenêtre.",
            "de": "Mia wollte mit ihrem Bruder ein Baumhaus bauen, aber sie hatten nicht genug "
            "Holz. Sie baten ihren Nachbarn um Hilfe, und gemeinsam trugen sie alte Bretter aus "
            "seiner Garage. Am Abend war das kleine Haus fertig, und sie beobachteten die Sterne "
            "aus seinem Fenster.",
            "ru": "Мия хотела построить домик на дереве вместе с братом, но у них не хватало "
            "досок. Они попросили соседа о помощи и вместе перенесли старые доски из его "
            "гаража. К вечеру маленький домик был готов, и они смотрели на звёзды из его окна.",
            "he": "מיה רצתה לבנות בית עץ עם אחיה, אבל לא היה להם מספיק עץ. הם ביקשו עזרה "
            "מהשכן, ויחד הם סחבו קרשים ישנים מהמוסך שלו. בערב הבית הקטן היה מוכן, והם הסתכלו "
            "על הכוכבים מהחלון שלו.",
        },
        {
            "en": "When the storm knocked out the electricity, Grandpa lit a candle and told "
            "stories about his childhood on the farm. Leo listened carefully, imagining the "
            "horses, the muddy fields and the enormous barn where his grandfather used to hide.",
            "es": "Cuando la tormenta cortó la electricidad, el abuelo encendió una vela y contó "
            "historias de su infancia en la granja. Leo escuchaba con atención, imaginando los "
            "caballos, los campos embarrados y el enorme granero donde su abuelo solía "
            "esconderse.",
            "fr": "Quand l'orage a coupé l'électricité, Grand-père a allumé une bougie et a "
            "raconté des histoires de son enfance à la ferme. Léo écoutait attentivement, "
            "imaginant les chevaux, les champs boueux et l'immense grange où son grand-père se "
            "cachait.",
            "de": "Als der Sturm den Strom ausfallen ließ, zündete Opa eine Kerze an und "
            "erzählte Geschichten aus seiner Kindheit auf dem Bauernhof. Leo hörte aufmerksam "
            "zu und stellte sich die Pferde, die schlammigen Felder und die riesige Scheune vor, "
            "in der sich sein Großvater früher versteckt hatte.",
            "ru": "Когда гроза оставила дом без электричества, дедушка зажёг свечу и рассказал "
            "истории о своём детстве на ферме. Лео внимательно слушал, представляя лошадей, "
            "грязные поля и огромный амбар, где когда-то прятался его дедушка.",
            "he": "כשהסערה גרמה להפסקת חשמל, סבא הדליק נר וסיפר סיפורים על ילדותו בחווה. ליאו "
            "הקשיב בתשומת לב ודמיין את הסוסים, את השדות הבוציים ואת האסם הענק שבו סבא שלו נהג "
            "להתחבא.",
        },
    ],
    "advanced": [
        {
            "en": "The expedition's meticulous preparations, involving extensive consultations "
            "with meteorologists and experienced mountaineers, could not entirely eliminate the "
            "considerable uncertainties associated with unpredictable atmospheric conditions at "
            "extraordinary altitudes.",
            "es": "Las meticulosas preparaciones de la expedición, que incluyeron extensas "
            "consultas con meteorólogos y montañeros experimentados, no pudieron eliminar por "
            "completo las considerables incertidumbres asociadas con las impredecibles "
            "condiciones atmosféricas a altitudes extraordinarias.",
            "fr": "Les préparatifs méticuleux de l'expédition, impliquant de longues "
            "consultations avec des météorologues et des alpinistes expérimentés, ne pouvaient "
            "pas éliminer entièrement les incertitudes considérables associées aux conditions "
            "atmosphériques imprévisibles à des altitudes extraordinaires.",
            "de": "Die sorgfältigen Vorbereitungen der Expedition, die umfangreiche Beratungen "
            "mit Meteorologen und erfahrenen Bergsteigern umfassten, konnten die erheblichen "
            "Unsicherheiten, die mit unvorhersehbaren atmosphärischen Bedingungen in "
            "außergewöhnlichen Höhen verbunden waren, nicht vollständig beseitigen.",
            "ru": "Тщательная подготовка экспедиции, включавшая многочисленные консультации с "
            "метеорологами и опытными альпинистами, не могла полностью устранить значительную "
            "неопределённость, связанную с непредсказуемыми атмосферными условиями на "
            "исключительных высотах.",
            "he": "ההכנות הקפדניות של המשלחת, שכללו התייעצויות מקיפות עם מטאורולוגים ומטפסי "
            "הרים מנוסים, לא הצליחו לבטל לחלוטין את אי הוודאות המשמעותית הכרוכה בתנאים "
            "אטמוספריים בלתי צפויים בגבהים יוצאי דופן.",
        },
        {
            "en": "Photosynthesis, the biochemical mechanism by which chlorophyll-containing "
            "organisms transform electromagnetic radiation into chemical energy, fundamentally "
            "sustains terrestrial ecosystems and regulates atmospheric composition.",
            "es": "La fotosíntesis, el mecanismo bioquímico mediante el cual los organismos que "
            "contienen clorofila transforman la radiación electromagnética en energía química, "
            "sostiene fundamentalmente los ecosistemas terrestres y regula la composición "
            "atmosférica.",
            "fr": "La photosynthèse, mécanisme biochimique par lequel les organismes contenant de "
            "la chlorophylle transforment le rayonnement électromagnétique en énergie chimique, "
            "soutient fondamentalement les écosystèmes terrestres et régule la composition "
            "atmosphérique.",
            "de": "Die Photosynthese, der biochemische Mechanismus, durch den chlorophyllhaltige "
            "Organismen elektromagnetische Strahlung in chemische Energie umwandeln, erhält "
            "grundlegend die terrestrischen Ökosysteme und reguliert die Zusammensetzung der "
            "Atmosphäre.",
            "ru": "Фотосинтез, биохимический механизм, посредством которого "
            "хлорофиллсодержащие организмы преобразуют электромагнитное излучение в химическую "
            "энергию, фундаментально поддерживает наземные экосистемы и регулирует состав "
            "атмосферы.",
            "he": "הפוטוסינתזה, המנגנון הביוכימי שבאמצעותו אורגניזמים המכילים כלורופיל הופכים "
            "קרינה אלקטרומגנטית לאנרגיה כימית, מקיימת באופן יסודי מערכות אקולוגיות יבשתיות "
            "ומווסתת את הרכב האטמוספרה.",
        },
    ],
}

STORY = (
    "Once upon a time, a little fox lived at the edge of a quiet forest. Every morning she "
    "walked to the river to drink and to watch the ducks. One day she found a lost duckling "
    "crying under a fern. The fox was nervous, because ducks are usually afraid of foxes, but "
    "she spoke gently and carried the duckling home on her back. "
)


def metrics(text: str, **kwargs: object) -> ReadingMetrics:
    options: dict[str, object] = {"age": 8, "reading_level": "intermediate", "language": "en"}
    options.update(kwargs)
    return compute_metrics(text, **options)  # type: ignore[arg-type]


# --- reading time ---------------------------------------------------------------------------


def test_reading_time_grows_with_words() -> None:
    times = [metrics(STORY * n).estimated_reading_time for n in (1, 5, 10, 20, 40)]
    assert times == sorted(times)
    assert times[0] == 1  # at least one minute, rounded up
    assert times[-1] > times[0]
    words = len((STORY * 40).split())
    assert times[-1] == -(-words // 112)  # age 8, intermediate: 112 wpm, rounded up


def test_reading_is_slower_for_younger_and_beginner_readers() -> None:
    text = STORY * 20
    by_age = [metrics(text, age=age).estimated_reading_time for age in range(2, 15)]
    assert by_age == sorted(by_age, reverse=True)
    assert by_age[0] > by_age[-1]
    by_level = [
        metrics(text, reading_level=level).estimated_reading_time
        for level in ("beginner", "intermediate", "advanced")
    ]
    assert by_level[0] > by_level[1] > by_level[2]
    rates = [words_per_minute(age, "intermediate") for age in range(2, 15)]
    assert rates == sorted(rates)
    assert words_per_minute(1, "beginner") == words_per_minute(2, "beginner")  # clamped
    assert words_per_minute(30, "advanced") == words_per_minute(14, "advanced")


def test_empty_and_tiny_texts() -> None:
    for text in ("", "Hi.", "   "):
        result = metrics(text)
        assert result.estimated_reading_time == 1
        assert result.vocabulary_level in ("beginner", "intermediate", "advanced")
        assert result.educational_elements == []


# --- vocabulary level -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_vocabulary_level_orders_simple_and_complex_texts(language: str) -> None:
    ease = {
        level: sum(reading_ease(p[language], language) for p in passages) / len(passages)
        for level, passages in PARALLEL.items()
    }
    assert ease["simple"] > ease["intermediate"] > ease["advanced"]
    for passage in PARALLEL["simple"]:
        assert metrics(passage[language], language=language).vocabulary_level == "beginner"
    for passage in PARALLEL["advanced"]:
        assert metrics(passage[language], language=language).vocabulary_level == "advanced"
    rank = {"beginner": 0, "intermediate": 1, "advanced": 2}
    simple = max(rank[metrics(p[language], language=language).vocabulary_level]
                 for p in PARALLEL["simple"])  # fmt: skip
    middle = [rank[metrics(p[language], language=language).vocabulary_level]
              for p in PARALLEL["intermediate"]]  # fmt: skip
    assert simple <= min(middle) and max(middle) <= 2


def test_syllable_counts_are_sensible() -> None:
    assert count_syllables("cat", "en") == 1
    assert count_syllables("happy", "en") == 2
    assert count_syllables("beautiful", "en") == 3
    assert count_syllables("mariposa", "es") == 4
    assert count_syllables("agua", "es") == 2  # diphthong
    assert count_syllables("poeta", "es") == 3  # hiatus
    assert count_syllables("Schmetterling", "de") == 3
    assert count_syllables("бабочка", "ru") == 3
    assert count_syllables("ילדים", "he") == 3  # estimated from letters
    assert count_syllables("2024", "en") >= 1


# --- educational elements -------------------------------------------------------------------

ELEMENT_CASES = [
    ("Counting", "Mia counted the apples: one, two, three, four. There were four apples."),
    ("Kindness", "Leo shared his lunch with the new boy. It was kind of him."),
    ("Friendship", "Ana and Ben were best friends."),
    ("Problem solving", "The bridge was broken, so the ants figured out a clever plan."),
    ("Nature", "Bears hibernate in winter, and swallows migrate south when the seasons change."),
    ("Colours", "The rainbow had red, orange, yellow, green and blue in it."),
    ("Emotions", "Sam felt sad, then angry, and finally happy again."),
    ("Courage", "The little mouse was brave and faced her fear of the dark."),
    ("Teamwork", "The ducks worked together as a team to build the nest."),
    ("Honesty", "Ella told the truth about the broken vase."),
    ("Patience", "Grandpa was patient and planted the seeds step by step."),
    ("Science", "They did an experiment with a magnet and a telescope."),
]


@pytest.mark.parametrize(("label", "text"), ELEMENT_CASES)
def test_each_educational_element_is_detected(label: str, text: str) -> None:
    assert label in metrics(text).educational_elements


def test_elements_only_with_evidence() -> None:
    no_counting = (
        "One day the little fox found one red leaf. She showed it to the owl, and the owl "
        "smiled. Then they had three biscuits."
    )
    assert "Counting" not in metrics(no_counting).educational_elements
    plain = "The sky was grey. The dog slept. Nothing happened all afternoon."
    assert metrics(plain).educational_elements == []
    assert "Kindness" not in metrics("What kind of cake is this?").educational_elements


def test_elements_are_capped_and_in_a_stable_order() -> None:
    text = " ".join(text for _label, text in ELEMENT_CASES)
    found = metrics(text).educational_elements
    assert 1 <= len(found) <= 5
    assert found == sorted(found, key=EDUCATIONAL_LABELS.index)
    assert metrics(text).educational_elements == found  # deterministic


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Lucía contó las estrellas: uno, dos, tres. Su amiga compartió su merienda.",
         {"Counting", "Friendship", "Kindness"}),
        ("fr", "Léo était courageux. Il a dit la vérité à son amie.",
         {"Courage", "Honesty", "Friendship"}),
        ("de", "Die Kinder zählten die Sterne. Sie waren mutig und arbeiteten gemeinsam.",
         {"Counting", "Courage", "Teamwork"}),
        ("ru", "Маша считала звёзды. Она была смелой и сказала правду.",
         {"Counting", "Courage", "Honesty"}),
        ("he", "הילדה הייתה אמיצה. היא אמרה את האמת לחברה שלה.",
         {"Courage", "Honesty", "Friendship"}),
    ],
)  # fmt: skip
def test_elements_in_other_languages(language: str, text: str, expected: set[str]) -> None:
    assert expected <= set(metrics(text, language=language).educational_elements)


# --- offline --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_metrics_work_with_the_network_unavailable(
    monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    for passages in PARALLEL.values():
        for passage in passages:
            result = compute_metrics(
                passage[language], age=7, reading_level="beginner", language=language
            )
            assert result.estimated_reading_time >= 1


def test_metrics_do_not_load_textstat_or_nltk() -> None:
    # textstat >= 0.7.10 calls nltk.download("cmudict") on first English use: fails offline.
    code = (
        "import sys, talestream.metrics as m; "
        "m.compute_metrics('The cat sat.', age=6, reading_level='beginner', language='en'); "
        "print(sorted({'textstat', 'nltk'} & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_unknown_language_falls_back_to_english() -> None:
    assert metrics("The cat sat on the mat.", language="pt-BR").vocabulary_level == "beginner"
