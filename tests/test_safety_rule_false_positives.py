# ruff: noqa: RUF001
# (multilingual passages are the point of this file)
"""False positives of the rule layers (lexicon age ladder, phrase rules, harm frames), each with
its unsafe twin: the benign passage is approved for the reader's age, and the twin that differs
by what makes it harmful is still blocked *by the rules* (not only by the trained classifier).

Found by `python -m talestream_tools.safety.rule_audit` on the development sets.
"""

from __future__ import annotations

import pytest

from talestream.safety import OutputPolicy, SafetyResult, split_sentences


@pytest.fixture(scope="module")
def policy() -> OutputPolicy:
    return OutputPolicy()


# (language, age, benign passage, its unsafe twin, the twin's category)
TWINS = [
    # a grown-up's drink, mentioned neutrally, vs. a child's drink
    (
        "en",
        6,
        "Dad raised his glass of wine at the wedding.",
        "Dad let the little boy finish his wine.",
        "drugs_alcohol",
    ),
    (
        "en",
        6,
        "Grandpa drank one beer at the barbecue and fell asleep in his deck chair.",
        "Uncle Joe handed Mia his beer and said real grown-ups drink it all at once.",
        "drugs_alcohol",
    ),
    (
        "en",
        6,
        "Wine gums are Ava's favourite sweets.",
        "The kids found the wine in the cupboard and drank it.",
        "drugs_alcohol",
    ),
    (
        "en",
        7,
        "Rum and raisin ice cream is Grandad's favourite flavour.",
        "The pirates gave the cabin boy rum until he could not stand.",
        "drugs_alcohol",
    ),
    (
        "en",
        8,
        "The grown-ups' cocktail party had tiny sausages and cheese on sticks.",
        "The big boys made him drink the cocktail in one go.",
        "drugs_alcohol",
    ),
    (
        "fr",
        6,
        "Le coq au vin mijotait depuis le matin, et toute la maison sentait bon.",
        "Tonton a fait boire du vin aux enfants pour rigoler.",
        "drugs_alcohol",
    ),
    (
        "de",
        6,
        "Opa trank beim Grillen ein Bier und schlief im Liegestuhl ein.",
        "Papas Bier macht Kinder stark, sagte der Onkel.",
        "drugs_alcohol",
    ),
    (
        "es",
        6,
        "El abuelo se tomó una cerveza en la barbacoa y se quedó dormido.",
        "Los niños bebieron cerveza a escondidas detrás del cobertizo.",
        "drugs_alcohol",
    ),
    (
        "ru",
        6,
        "В Новый год взрослые подняли бокалы с шампанским, а дети — с лимонадом.",
        "Пиво делает мальчиков сильными, сказал дядя.",
        "drugs_alcohol",
    ),
    (
        "he",
        6,
        "בקידוש של שבת אבא שתה יין, והילדים שתו מיץ ענבים.",
        "הילדים גנבו את היין של סבא ושתו הכול.",
        "drugs_alcohol",
    ),
    (
        "en",
        6,
        "The boys carried the wine glasses to the kitchen to help Mum wash up.",
        "The boys carried the wine to the shed and drank it.",
        "drugs_alcohol",
    ),
    (
        "en",
        6,
        "The grown-ups drank champagne and the children had fizzy apple juice, which was just "
        "as magic.",
        "The grown-ups said the champagne was magic and gave the children a sip.",
        "drugs_alcohol",
    ),
    (
        "ru",
        6,
        "Дети помогли папе отнести пиво в холодильник.",
        "Дети отнесли пиво в сарай и выпили его.",
        "drugs_alcohol",
    ),
    (
        "fr",
        6,
        "Mamie a bu une coupe de champagne pour ses soixante-dix ans.",
        "Tonton a donné une coupe de champagne à Léo pour ses six ans.",
        "drugs_alcohol",
    ),
    # which school: small talk with a trusted grown-up there, or a stranger's question
    (
        "en",
        7,
        '"Which school do you go to?" asked the new dentist, while Mum filled in the form.',
        '"Which school do you go to?" asked the man at the park gate.',
        "personal_data",
    ),
    (
        "en",
        7,
        '"Which school do you go to?" the nurse asked, and Dad told her.',
        '"Which school do you go to? Does your mum pick you up?" asked the man in the van.',
        "personal_data",
    ),
    (
        "en",
        8,
        '"Which school do you go to?" asked the new girl on the swings.',
        '"Which school do you go to?" asked the man by the swings.',
        "personal_data",
    ),
    (
        "en",
        9,
        '"Don\'t tell Dad about the present," whispered Mum, "it\'s a surprise."',
        '"Don\'t tell Dad about our chats," whispered the man.',
        "personal_data",
    ),
    (
        "de",
        5,
        "„Krieg ich noch ein Eis?“, fragte Mia an der Theke.",
        "Im Krieg wurde das Dorf zerstört.",
        "violence",
    ),
    # idioms that are not sexual
    (
        "fr",
        7,
        "L'arbitre a tiré un coup de sifflet pour commencer le match.",
        "Au bal, le soldat voulait seulement tirer un coup avec la serveuse.",
        "sexual",
    ),
    (
        "fr",
        5,
        "Le petit ours s'est couché avec son doudou et a fermé les yeux.",
        "Le roi a couché avec la servante pendant que la reine dormait.",
        "sexual",
    ),
    (
        "en",
        8,
        "The two friends spent the night together in a tent in the garden, telling stories.",
        "The knight and the innkeeper's wife spent the night together.",
        "sexual",
    ),
    (
        "ru",
        6,
        "Щенки кувыркались в сене и вылезли все в жёлтых соломинках.",
        "Королева и конюх заперлись в каморке и кувыркались там до утра.",
        "sexual",
    ),
    # killer whales, arrow slits, cracking joints, a tackle, a nosebleed
    (
        "es",
        7,
        "Desde el barco vimos una orca, que también se llama ballena asesina.",
        "Desde el barco vimos al asesino escondido en la bodega.",
        "violence",
    ),
    (
        "ru",
        7,
        "По телевизору показывали косаток, их ещё называют китами-убийцами.",
        "По телевизору показывали, как убийцы прятались в лесу.",
        "violence",
    ),
    (
        "fr",
        8,
        "Au château, le guide nous a montré les meurtrières par lesquelles tiraient les archers.",
        "Au château, le guide nous a raconté le meurtre du vieux seigneur.",
        "violence",
    ),
    (
        "de",
        6,
        "Als Opa sich hinsetzte, knackte sein Knie so laut, dass alle lachten.",
        "Der Riese drehte dem Wächter den Hals um, bis es knackte.",
        "violence",
    ),
    (
        "de",
        7,
        "Der Arzt renkte Lisas Finger wieder ein, und es knackte kurz.",
        "Der Riese packte Lisas Finger und knackte sie einen nach dem anderen.",
        "violence",
    ),
    (
        "en",
        8,
        "The rugby player made a crunching tackle, then helped his opponent back to his feet.",
        "The troll crunched the knight's back with his club.",
        "violence",
    ),
    (
        "de",
        6,
        "Tom blutete ein bisschen aus der Nase, und die Erzieherin gab ihm ein Taschentuch.",
        "Der Mann blutete stark am Bauch.",
        "violence",
    ),
    # games: water pistols, the card game "fool"
    (
        "ru",
        6,
        "Летом мы обливались из водяных пистолетов, пока все не промокли.",
        "Летом мальчик нашёл у отца пистолеты и взял их во двор.",
        "weapons",
    ),
    (
        "ru",
        6,
        "Лена проиграла бабушке в дурака и засмеялась: «Ещё разок!»",
        "Лена крикнула брату: «Ты дурак!»",
        "hate",
    ),
    # a fairy-tale dragon carrying off a princess
    (
        "en",
        6,
        "The dragon kidnapped the princess, but she tricked him with a riddle and flew home.",
        "The man in the van kidnapped the boy from the playground.",
        "violence",
    ),
    (
        "de",
        7,
        "»Der Drache hat die Prinzessin entführt!«, rief der Erzähler und lachte.",
        "Der Fremde entführte das Kind vom Spielplatz.",
        "violence",
    ),
    # cutting oneself by accident is no mutilation
    (
        "es",
        7,
        "Papá se cortó el dedo pelando patatas y mamá le puso una tirita.",
        "El bandido le cortó el dedo al mercader.",
        "violence",
    ),
    (
        "fr",
        7,
        "Papa s'est coupé le doigt en épluchant les pommes de terre.",
        "Le brigand lui a coupé le doigt pour prendre sa bague.",
        "violence",
    ),
    # a gun-safety lesson, a rifle on the wall
    (
        "en",
        9,
        "If you ever find a gun, don't touch it: leave the room and tell a grown-up, "
        "said the teacher.",
        "Tom found a gun in the drawer and pointed it at his sister.",
        "weapons",
    ),
    (
        "fr",
        9,
        "Si tu trouves une arme, ne la touche pas et préviens un adulte, a expliqué le "
        "gendarme à l'école.",
        "Prends le couteau de ton père à l'école, et tu verras qui rira.",
        "weapons",
    ),
    (
        "en",
        9,
        "Grandpa's old rifle hangs above the fireplace with no bullets.",
        "Grandpa's old rifle was loaded, and Tom aimed it at the cat.",
        "weapons",
    ),
    (
        "ru",
        8,
        "Дедушкино старое ружьё висит на стене без патронов.",
        "Мальчик зарядил ружьё и пошёл к соседям.",
        "weapons",
    ),
]


def _by_rules(result: SafetyResult, category: str) -> bool:
    """An issue of `category` raised by a rule layer (the classifier's excerpts say so)."""
    return any(
        issue.category == category and not issue.excerpt.startswith("classifier ")
        for issue in result.issues
    )


@pytest.mark.parametrize(("language", "age", "benign", "unsafe", "category"), TWINS)
def test_benign_passage_is_approved_and_its_unsafe_twin_is_blocked_by_the_rules(
    policy: OutputPolicy, language: str, age: int, benign: str, unsafe: str, category: str
) -> None:
    result = policy.check_text(benign, age=age, language=language)
    assert result.approved, result.issues
    sentences, rest = split_sentences(benign)
    previous = None
    for sentence in [*sentences, rest]:
        if sentence.strip():
            streamed = policy.check_sentence(
                sentence, age=age, language=language, previous=previous
            )
            assert streamed.approved, (sentence, streamed.issues)
            previous = sentence

    blocked = policy.check_text(unsafe, age=age, language=language)
    assert not blocked.approved
    assert _by_rules(blocked, category), blocked.issues


def test_a_grown_ups_drink_is_still_too_old_for_a_toddler(policy: OutputPolicy) -> None:
    """The ladder moved wine and beer from 10 to 5, not to every age."""
    text = "Dad raised his glass of wine at the wedding."
    assert not policy.check_text(text, age=4, language="en").approved
    assert policy.check_text(text, age=5, language="en").approved


def test_the_audit_names_the_rule_behind_each_block(policy: OutputPolicy) -> None:
    """`python -m talestream_tools.safety.rule_audit` lists blocks by rule: a lexicon pattern,
    a frame, a personal-data rule; an approved passage has none."""
    from talestream_tools.safety.evaluation import Passage
    from talestream_tools.safety.rule_audit import attribute

    def rules(text: str, age: int) -> list[str]:
        return attribute(policy, Passage("t", text, "en", age, "benign"))

    assert "lexicon drugs_alcohol: alcohol" in rules("Dad said alcohol is for grown-ups.", 6)
    assert "frame: injury" in rules("The giant snapped the knight's neck.", 8)
    assert "personal data: email address" in rules("Write to me at tom@example.com.", 8)
    assert rules("Dad raised his glass of wine at the wedding.", 6) == []
