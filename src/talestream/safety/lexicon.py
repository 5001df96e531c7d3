# ruff: noqa: RUF001, RUF003
# (multilingual word lists and look-alike letters are the point of this file)
"""Child-safety word lists and rules, per language and category, plus the matcher that runs them.

How to read an entry: `(category, severity, min_age, pattern, ...)`.
- `pattern` is a regex over *folded* text (lower case, no diacritics; see `normalize.fold`),
  written in natural spelling (accents are folded when compiled). Its first two characters must
  be literal (alternatives allowed): the matcher only tries a pattern at the start of a word
  whose first two characters match, which keeps a sentence check in the microseconds. A word
  boundary is added at the end, so every inflection must be spelled out (`kill(?:s|ed|ing)?`),
  and "skill", "Scunthorpe", "grape", "therapist", "shell", "Sussex", "cocktail" or "class" can
  never match "kill", "cunt", "rape", "rapist", "hell", "sex", "cock" or "ass".
- `min_age` is the youngest age for which the word is acceptable in a story (`NEVER` = never).
  A match below that age is an issue, and any issue blocks the text. Everyday story material is
  deliberately absent or allowed young: dragons, storms, a friendly witch, a monster, a "battle"
  of snowballs, a pirate's sword (from 5), fighting over a crayon.
- `severity` weighs the issue in the score and in the parent-facing wording.

Benign phrases that contain a listed word are excluded with lookarounds in the pattern itself
("killer whale", "water pistol", "bath bomb", "root beer", "assassin bug", "ugly duckling").
English entries marked universal are also applied to the other languages, because models and
users switch to English swearing in any language; only unambiguous words are marked so (French
"râpe", German "hell", Spanish "con" must not trip the English list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from talestream.safety.normalize import fold_pattern

Severity = Literal["low", "medium", "high"]
NEVER = 99
SUPPORTED_LANGUAGES = ("en", "es", "fr", "de", "ru", "he")

# Category ids (stable: the workflow and the UI key on them) and how a parent reads them.
CATEGORY_LABELS: dict[str, str] = {
    "violence": "violence",
    "fear": "frightening content",
    "sexual": "grown-up (sexual) content",
    "self_harm": "self-harm",
    "drugs_alcohol": "alcohol, smoking or drugs",
    "weapons": "weapons",
    "hate": "hurtful or insulting language",
    "profanity": "swearing",
    "personal_data": "personal information",
    "injection": "instructions to the story model",
}

_Entry = tuple[str, Severity, int, *tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Term:
    category: str
    severity: Severity
    min_age: int
    pattern: str  # as written; the compiled form is folded and anchored
    # Hebrew only: may the word carry one-letter prefixes? A leading "=" in a pattern says no,
    # for short words that prefixes turn into innocent ones ("הזין" = he fed, "מיין" = sorted).
    prefixable: bool = True


# fmt: off
# ----------------------------------------------------------------------------------- English
_EN: list[_Entry] = [
    # violence / gore
    ("violence", "medium", 10,
     r"kill(?:s|ed|ing)?(?! (?:the )?(?:time|power|lights?|engine|motor|music|noise|mood|switch))",
     r"killers?(?![ -]whales?)",
     r"(?:beat|beaten|stabbed|kicked|burned|burnt|strangled|choked|clubbed|crushed|mauled|trampled)"
     r" to death",
     r"(?:punch|punched|hit|kicked|slapped) (?:him|her|them|me|you|us) in the "
     r"(?:face|stomach|head)",
     # the same with a named victim ("punched his little sister in the face")
     r"(?:punch|punches|punched|punching|kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|"
     r"smack|smacks|smacked|smacking) (?:his|her|their|my|your|the|a) (?:\w+ ){0,2}\w+ in the "
     r"(?:face|stomach|head|mouth|nose|eyes?|teeth|ribs|belly|tummy)",
     r"until (?:(?:his|her|their|its|my|your) (?:nose|lips?|mouth|face|head|knuckles) "
     r"|(?:he|she|it|they) )(?:bled|was bleeding|were bleeding)",
     r"(?:eat|ate|eating|eats) (?:his|her|their|your|my) brains"),
    ("violence", "medium", 12, r"murder(?:s|ed|ing|ers?|ous)?", r"stab(?:s|bed|bing|bings)?",
     r"strangl(?:e|es|ed|ing)", r"shot (?:him|her|them|you|me|us|it) dead",
     r"shoot(?:s|ing)? (?:him|her|them|you|me|us) (?:in|with|dead)",
     r"shot (?:him|her|them|you|me|us) (?:in|with)",
     r"assassin(?:s|ate|ated|ation)?(?! bugs?)", r"bloodbath", r"executed (?:him|her|them)",
     # beating someone to death or senseless, without a gory word
     r"beat(?:s|ing)? (?:him|her|them|me|you|us|(?:the|his|her|their|a) (?:\w+ )?\w+) "
     r"(?:until|till|unconscious|senseless|to a pulp|black and blue)",
     r"until (?:he|she|it|they|the \w+) (?:stopped (?:moving|breathing)|lay still|went limp|"
     r"was dead|were dead|died)",
     r"lifeless bod(?:y|ies)",
     r"(?:want|wants|wanted|wanting) (?:him|her|them|you|me|us) dead"),
    ("violence", "high", NEVER, r"behead(?:s|ed|ing)?", r"decapitat(?:e|es|ed|ing|ion)",
     r"dismember(?:s|ed|ing|ment)?", r"mutilat(?:e|es|ed|ing|ion)", r"slaughter(?:s|ed|ing)?",
     r"massacre(?:s|d)?", r"tortur(?:e|es|ed|ing)", r"disembowel(?:s|ed|led|ing)?",
     r"gor(?:e|y)", r"guts spill(?:ed|ing)?", r"entrails", r"(?:pool|pools) of blood",
     r"covered in blood", r"blood (?:everywhere|spurt(?:ed|ing)?|gush(?:ed|ing)?)",
     r"dripping (?:with )?blood", r"blood-?soaked", r"slit (?:\w+(?:'s)? ){1,2}throats?",
     r"blood (?:sprayed|spraying|splattered|splattering|spattered|poured|pouring)",
     r"(?:tore|tear|tears|tearing|torn|ripped|rip|rips|ripping) (?:open |out )?"
     r"(?:\w+(?:'s)? ){0,2}throats?",
     r"cut (?:his|her|their|your|my) throat"),
    # Hitting a person, for the youngest readers. Not "beat him at chess", "kicked him the
    # ball", "kicked them out" or "kicked her shoes off" ("her" only where it is the object).
    ("violence", "low", 8,
     r"(?:kick|kicks|kicked|kicking|punch|punches|punched|punching|stomp(?:s|ed|ing)? on) "
     r"(?:him|them|me|you|us|her(?=$|[.,;!?]| (?:and|again|hard|in|on|while|until|so|to|down|"
     r"over|away|into|across|around)\b))(?! (?:the|a|an|out|off)\b)"),
    ("violence", "high", NEVER,
     r"(?:cut|cuts|cutting|chopped|chops|chop|chopping|hacked|hacks|sliced|slices|bit|bites|tore|"
     r"ripped) off (?:(?:his|her|their|my|your|the|a) )?(?:\w+(?:'s)? )?(?:fingers?|hands?|heads?|"
     r"ears?|toes?|legs?|arms?|tongues?|noses?|feet|foot)"),
    ("violence", "low", 7, r"blood(?:y|ied)?", r"bleed(?:s|ing)?", r"(?<!tug of )(?<!tug-of-)wars?",
     r"(?:punch|punches|punched|slap|slaps|slapped|kick|kicks|kicked) (?:him|her|them|me|you|us) "
     r"(?:in|on|hard|again)", r"beat (?:him|her|them|me|you|us) up"),
    ("violence", "medium", 11, r"corpses?", r"dead bod(?:y|ies)", r"carcass(?:es)?",
     r"violen(?:t|ce)(?! (?:storms?|winds?|waves?|gusts?|rain|thunderstorms?|sneezes?|shivers?))",
     r"hostages?", r"kidnap(?:s|ped|ping|per|pers)?"),
    # fear / horror: the age ladder that matters most
    ("fear", "low", 3, r"ghosts?", r"ghostly"),
    ("fear", "low", 4, r"spooky", r"evil", r"witchcraft", r"creatures? of the night"),
    ("fear", "low", 5, r"scar(?:y|ier|iest)", r"frightening", r"nightmares?", r"cursed?",
     r"skulls?", r"monstrous"),
    ("fear", "low", 6, r"creepy", r"haunt(?:s|ed|ing)?", r"eerie", r"sinister", r"menacing"),
    ("fear", "low", 6, r"terrif(?:ying|ied|ies)", r"shriek(?:s|ed|ing)? in terror",
     r"screams? of terror"),
    ("fear", "medium", 8, r"zombies?", r"vampires?", r"werewol(?:f|ves)", r"undead",
     r"mummy's curse"),
    ("fear", "medium", 10, r"demon(?:s|ic)?", r"(?<!tasmanian )(?<!dust )devils?", r"satan(?:ic)?",
     r"horror(?:s)?", r"horrif(?:ying|ic|ied)", r"hell ?hounds?", r"grave robber(?:s)?"),
    ("fear", "high", 13, r"exorcis(?:m|t)", r"eaten alive", r"buried alive", r"ripped apart",
     r"torn (?:apart|limb from limb)", r"serial killers?"),
    # Horror tropes without a horror word: a faceless or eyeless figure, body horror, the
    # possessed doll, a threat to eat or take the children.
    ("fear", "medium", 8,
     r"(?:ghosts?|figures?|man|woman|thing|creatures?|shadows?|girl|boy|doll|monsters?) "
     r"(?:with no|without a|without any) (?:face|eyes)", r"faceless", r"eyeless",
     r"hollow eyes", r"eyes were (?:hollow|empty|black holes)", r"empty eye sockets",
     r"(?:skin|flesh) (?:peeled|peeling|rotted|rotting|melted|melting|hung) (?:off|away)?",
     r"rotting (?:flesh|eyes|corpses?|faces?|hands|body|bodies|teeth|skin)",
     r"head (?:turned|turns|spun|spins|twisted|twists|rotated) all the way (?:a)?round",
     r"(?:was|were|is|are|became|becomes|got|gets|get) possessed",
     r"possessed (?:by (?:a|an|the) (?:demons?|ghosts?|spirits?|evil)|dolls?|toys?|child|"
     r"children|girl|boy)"),
    ("fear", "medium", 7,
     r"(?:cook|cooks|cooked|cooking|roast|roasts|roasted|roasting|boil|boils|boiled|boiling) "
     r"(?:them|you|her|him|us|the (?:children|kids|boy|girl|child|baby))"
     r"(?! (?:a|an|some|dinner|breakfast|lunch|supper|tea|soup|pancakes|eggs|something|food|"
     r"meal|treat|cake|bread)\b)",
     r"eat (?:them|you|her|him|us|the (?:children|kids|boy|girl|child|baby)) "
     r"(?:one by one|alive|tonight|for (?:dinner|supper|breakfast|lunch))",
     r"eat(?:s|ing)? (?:little )?(?:children|kids|babies)"),
    # Each acceptable in any story, but several in one passage make it too intense for a young
    # child: they count towards the fear budget (output_policy._FEAR_BUDGET), never alone.
    ("fear", "low", 0, r"shadows?", r"claws", r"fangs", r"crept", r"creeping", r"lurk(?:s|ed|ing)?",
     r"moan(?:s|ed|ing)?", r"groan(?:s|ed|ing)?", r"shriek(?:s|ed|ing)?", r"scream(?:s|ed|ing)?",
     r"darkness", r"coffins?", r"graves?", r"graveyards?", r"tombs?", r"skeletons?", r"dripping",
     r"slimy", r"rotting", r"dragged", r"grabbed", r"sharp teeth", r"monsters?", r"cages?",
     r"whisper(?:s|ed|ing)? (?:his|her|their|your|my|the \w+'s|\w+'s) name",
     r"chased", r"chasing", r"dark (?:woods|forest|cellar|basement|attic)",
     r"bones rattl(?:ed|ing)", r"scratch(?:ed|ing)? at the (?:door|window)",
     r"(?:something|thing|creature|monster|it) (?:in|under|inside) (?:the|his|her|my|your) "
     r"(?:closet|wardrobe|bed|cupboard|cellar|basement)",
     # "coming for you" is also hide-and-seek ("Ready or not, I'm coming for you!")
     r"(?:coming|come|comes|came) (?:back )?for (?:you|him|her|them|the (?:boy|girl|children|kids))"
     r"(?= *(?:[.,;!?]|$|tonight|next))"),
    # weapons (a toy/water/glue gun, a bath bomb or bullet points are not weapons)
    ("weapons", "low", 5, r"swords?", r"spears?", r"bows? and arrows?", r"cannons?",
     r"cannonballs?", r"catapults?"),
    ("weapons", "low", 7, r"daggers?", r"weapons?"),
    ("weapons", "medium", 12,
     r"(?<!water )(?<!squirt )(?<!toy )(?<!nerf )(?<!glue )(?<!bubble )(?<!staple )"
     r"(?<!ray )(?<!laser )(?<!paint )(?<!spray )guns?(?! (?:with|of) (?:water|bubbles|glue))",
     r"gunfire", r"gunshots?", r"gunmen", r"gunman",
     r"(?<!water )(?<!squirt )(?<!toy )pistols?", r"rifles?", r"revolvers?", r"shotguns?",
     r"firearms?", r"handguns?", r"bullets?(?! (?:train|trains|points?|journal|list))",
     r"ammunition", r"ammo", r"(?<!bath )(?<!seed )(?<!glitter )(?<!stink )(?<!water )bombs?",
     r"bombing", r"dynamite", r"explosives?", r"landmines?", r"missiles?"),
    ("weapons", "high", NEVER, r"machine ?guns?", r"assault rifles?", r"grenades?", r"ak-?47s?",
     r"ar-?15s?", r"uzis?", r"sniper rifles?", r"pipe bombs?", r"suicide bombers?",
     r"school shootings?", r"mass shootings?",
     # a weapon brought to school, or a plan to attack one: never, whatever the weapon
     r"(?<!water )(?<!squirt )(?<!toy )(?<!nerf )(?<!bath )(?<!seed )(?<!glitter )(?<!stink )"
     r"(?:guns?|rifles?|pistols?|revolvers?|shotguns?|bullets|weapons?|bombs?|knives|knife)"
     r"\b[^.!?]{0,60}?\b(?:to|at|into|inside) (?:the |his |her |their |my |our )?"
     r"(?:school|classroom)\b",
     r"(?:shoot|shoots|shooting|shot|attack|attacks|attacked|attacking|bomb|bombed|bombing|"
     r"blow up|blew up|blowing up) (?:up )?(?:the |his |her |their |my |our )?school\b"),
    # threatening someone with a knife (a knife for cooking or whittling is not a weapon)
    ("weapons", "medium", 10,
     r"(?:pulled|pulls|pulling|drew|draws|drawing|whipped) (?:out )?(?:a|his|her|their|the) "
     r"(?:knife|switchblade|flick ?knife|blade)",
     r"(?:knife|blade|dagger|sword|razor)s? (?:to|against|at) (?:\w+(?:'s)? )?(?:throat|neck)s?",
     r"switchblades?", r"flick ?knives"),
    # sexual content
    ("sexual", "high", NEVER, r"sex", r"sexy", r"sexual(?:ly|ity)?", r"sexting", r"porn",
     r"porno(?:graphy|graphic)?", r"nudes", r"nudity", r"erotic(?:a)?", r"orgasms?",
     r"masturbat(?:e|es|ed|ing|ion)", r"horny", r"condoms?", r"dildos?", r"vibrators?",
     r"blow ?jobs?", r"handjobs?", r"boobs?", r"(?<!footed )boobies",
     r"(?<!blue )(?<!great )(?<!coal )(?<!marsh )(?<!willow )(?<!crested )tits", r"titties",
     r"nipples?",
     r"penis(?:es)?", r"vaginas?", r"genitals?", r"genitalia", r"clitoris",
     r"(?:have|had|having) sex", r"(?:make|made|making) love(?= ?(?:to\b|[.,;!?]|$))",
     r"rap(?:e|es|ed|ing|ist|ists)",
     r"molest(?:s|ed|ing|er|ers|ation)?", r"pedo(?:s|phile|philes|philia)?",
     r"paedophil(?:e|es|ia)", r"prostitut(?:e|es|ion)", r"whores?", r"sluts?", r"slutty",
     r"(?<!paint )(?<!wire )strippers?", r"striptease", r"lingerie", r"seduc(?:e|es|ed|ing|tive)",
     r"(?:french|deep) kiss(?:es|ed|ing)?",
     r"(?:touch|touches|touched|touching|show|showed|see) (?:your|my|his|her|their) private "
     r"(?:parts|area)", r"private parts", r"(?:get|got|getting) naked",
     r"take off (?:your|all your) clothes", r"naked (?:photos?|pictures?|pics?|selfies?)",
     r"pussy(?![ -]?(?:cats?|willows?))",
     r"cock(?:s)?(?![ -]?a[ -]doodle)(?! crow)(?! of the walk)",
     r"dickheads?", r"cumshots?", r"jizz", r"bdsm",
     r"(?<!chicken )(?<!turkey )(?<!duck )breasts", r"undress(?:ed|es|ing)? each other",
     r"touch(?:es|ed|ing)? (?:her|his|your|my|their) (?:breasts?|bottom|bum|crotch)",
     # grooming: asking a child to undress, the "underwear rule" turned upside down
     r"(?:asked|asks|asking|told|tells|telling|wants?|wanted|made|makes|forced|forces|begged) "
     r"(?:her|him|you|them|me|the (?:girl|boy|child|children|kids)) to (?:take off "
     r"(?:her|his|your|their|my|all (?:her|his|your|their|my)) clothes|undress|strip|"
     r"get undressed|get naked)",
     r"(?:let|lets|letting|allow|allows) (?:grown-?ups|adults|strangers|men|a man|the man) "
     r"touch (?:them|you|her|him|me)",
     r"(?:where|under) (?:\w+ ){0,2}(?:swimsuits?|swimming costumes?|bathing suits?|underwear|"
     r"pants|knickers) (?:covers?|goes|go)"),
    ("sexual", "low", 6, r"naked(?! mole[ -]rats?)", r"nude"),
    # self-harm: never, at any age
    ("self_harm", "high", NEVER, r"suicid(?:e|es|al)", r"self[- ]?harm(?:ing)?",
     r"kill(?:ing|ed)? (?:myself|yourself|himself|herself|themselves|ourselves)",
     r"kys", r"end(?:ed|ing)? (?:my|his|her|their|your) (?:own )?life",
     r"take (?:my|his|her|their|your) own life", r"want(?:ed|s)? to die",
     r"wish(?:ed)? (?:i|he|she|they) (?:was|were) dead", r"better off dead",
     r"hang(?:ed|ing)? (?:myself|himself|herself|themselves|yourself)",
     r"cut(?:ting|s)? (?:myself|yourself|himself|herself|themselves) on purpose",
     r"hurt(?:ing|s)? (?:myself|yourself|himself|herself|themselves) on purpose",
     r"slit (?:my|his|her|their|your) wrists?", r"overdos(?:e|es|ed|ing)",
     r"starv(?:e|ing) (?:myself|herself|himself) on purpose",
     # wishing to be gone, told without the word suicide
     r"(?:want|wants|wanted|wanting|wish|wished|wishes|wishing)(?: to| (?:i|he|she|they|you|we) "
     r"could)? (?:just )?disappear (?:forever|for good|for ever|and never come back)",
     r"would be (?:happier|better off|better) (?:without (?:me|him|her|them|us)|if (?:i|he|she|"
     r"they) (?:(?:was|were|had) (?:dead|gone|never born|never been born)|(?:wasn't|weren't) "
     r"(?:here|around|alive)|died|disappeared))",
     r"(?:go to sleep|fall asleep|sleep|goes to sleep|falls asleep) and never wake up",
     r"(?:marks|scars|cuts) on (?:her|his|my|their|your) wrists?",
     r"(?:don'?t|doesn'?t|didn'?t|do not|does not|did not) want to (?:live|be alive)"
     r"(?! (?:in|on|with|near|there|here|without)\b)",
     # the act, or the intent
     r"(?:want|wants|wanted|going|try|tries|tried|trying|decided|plans?|planned|thought about|"
     r"thinks about|thinking about|think about) to (?:hurt|harm|cut|punish|burn|kill) "
     r"(?:myself|yourself|himself|herself|themselves|ourselves)",
     r"(?:thought|thinks|thinking|think) about (?:hurting|harming|cutting|killing|punishing) "
     r"(?:myself|yourself|himself|herself|themselves|ourselves)",
     r"cut(?:s|ting)? (?:his|her|my|their|your) (?:own )?(?:arms|wrists?|thighs|skin)",
     r"(?:swallowed|swallow|swallows|swallowing|took|take|takes|taking) (?:all|a (?:whole )?bottle "
     r"of|a handful of|the whole bottle of|every one of)(?: (?:the|her|his|my|their|mum's|mom's|"
     r"dad's))? (?:pills|tablets|medicine|sleeping pills|painkillers)",
     # eating disorders
     r"(?:stopped|stop|stops|refused to|refuses to|refusing to) eat(?:ing)? on purpose",
     r"starv(?:e|es|ed|ing) (?:myself|herself|himself|themselves|yourself)",
     r"(?:hate|hated|hates|hating) (?:her|his|my|their|your) (?:own )?body",
     r"make (?:myself|herself|himself|themselves) (?:sick|throw up) (?:after|on purpose)"),
    # drugs, alcohol, tobacco (medicine from a doctor is not a drug problem)
    ("drugs_alcohol", "high", NEVER, r"cocaine", r"coke line", r"heroin", r"meth",
     r"methamphetamine", r"crack cocaine", r"lsd", r"ecstasy pills?", r"mdma", r"fentanyl",
     r"opioids?", r"narcotics?", r"drug dealers?",
     r"(?:smok(?:e|es|ed|ing)|sell(?:s|ing)?|sold|buy(?:s|ing)?|bought|deal(?:s|t|ing)?|"
     r"roll(?:s|ed|ing)?) (?:some )?weed",
     r"(?:smok(?:e|es|ed|ing)|roll(?:s|ed|ing)?|lit|light(?:s|ed|ing)?|pass(?:es|ed|ing)?|"
     r"puff(?:s|ed|ing)? on|shar(?:e|es|ed|ing)) (?:a |the |his |her |their |another )?joints?",
     r"(?:pills|tablets|drugs|sweets|candy|candies) from (?:a |some )?strangers?",
     r"(?:took|take|takes|taking|swallowed|popped|pop|pops|popping) (?:some |a few |a couple of )?"
     r"(?:pills|tablets)(?=[^.!?]{0,40}\b(?:feel (?:happy|good|great|high)|get high|party|"
     r"stranger))",
     r"(?:popp(?:ed|ing)|pops) pills",
     r"high on (?:drugs|glue|weed|pot|pills|cocaine|meth|paint|gas|petrol|fumes|solvents?)",
     r"(?:sniff|sniffs|sniffed|sniffing|huff|huffs|huffed|huffing) (?:glue|paint|petrol|"
     r"gasoline|gas|solvents?|markers|aerosols?|lighter fluid)",
     r"marijuana", r"cannabis", r"inject(?:s|ed|ing)? drugs",
     r"snort(?:s|ed|ing)? (?:a line|lines|coke|cocaine)", r"lines? of coke"),
    ("drugs_alcohol", "medium", 12, r"drugs", r"drunk(?:en|ard|ards)?", r"alcoholics?", r"booze",
     r"hangover", r"vodka", r"whisk(?:e)?y", r"tequila", r"cigarettes?", r"cigars?", r"tobacco",
     r"nicotine", r"vap(?:e|es|ing)", r"stoned",
     r"(?:got|get|gets|getting) (?:wasted|hammered|plastered|trashed)",
     r"(?:smok(?:e|es|ed|ing)) (?:a )?(?:cigarettes?|cigars?)"),
    ("drugs_alcohol", "low", 10, r"alcohol", r"(?<!root )(?<!ginger )beers?", r"wines?",
     r"champagne", r"(?<!fruit )(?<!shrimp )(?<!prawn )cocktails?(?! sauce)", r"liquor", r"rum",
     r"tipsy", r"hungover"),
    # hate and insults (slurs: never; everyday insults: allowed in dialogue for older readers)
    ("hate", "high", NEVER, r"nigg(?:er|ers|a|as|ah)", r"faggots?", r"fags?", r"retards?",
     r"retarded", r"spics?(?! and span)", r"kikes?", r"chinks?(?! (?:of|in) )", r"trann(?:y|ies)",
     r"wetbacks?", r"gooks?", r"pakis?", r"ragheads?", r"towelheads?", r"sand ?niggers?",
     r"heil hitler", r"sieg heil", r"white power", r"white supremac(?:y|ist|ists)",
     r"(?:kill|hate|gas) (?:all )?(?:the )?(?:jews|muslims|christians|blacks|whites|gays|"
     r"immigrants|arabs|asians|mexicans)",
     r"go back to your (?:own )?country", r"subhumans?", r"untermensch",
     r"(?:get|go) (?:out|away) (?:of|from) (?:our|my|this) country",
     r"go back (?:to )?where (?:you|they|he|she) (?:came|come) from",
     r"(?:those|these) people are (?:\w+ )?(?:animals|vermin|rats|savages|scum|dirty|filthy)",
     # a group insulted as a group
     r"(?:dirty|filthy|stinking|stinky|smelly|stupid|bloody|lazy|illegal) (?:immigrants?|"
     r"foreigners?|refugees?|migrants?|jews?|muslims?|arabs?|gypsies|gypsy|mexicans?|africans?|"
     r"chinese|asians?|blacks?|gays?|indians?)",
     r"(?:all |most |those |these |the )?(?:muslims|jews|christians|blacks|black people|"
     r"white people|whites|asians|arabs|mexicans|immigrants|foreigners|refugees|gays|gay people|"
     r"gypsies|africans|indians|chinese people) (?:are|were) (?:all )?(?:(?:so|too|just|really) )?"
     r"(?:terrorists|criminals|thieves|animals|dirty|greedy|stupid|dumb|lazy|evil|disgusting|"
     r"inferior|dangerous|violent|liars|rats|vermin|savages|smelly|ugly)",
     r"(?:she|he|they)(?:'s|'re| is| are| was| were) (?:black|brown|jewish|muslim|gay|foreign|"
     r"chinese|mexican|arab|an immigrant|a refugee)(?: and| so)? (?:(?:she|he|they) )?"
     r"(?:smells?|stinks?|smelly|stinky|dirty|disgusting)",
     r"(?:don'?t|do not|never) (?:sit|play|talk|stand) (?:next to|near|with) (?:her|him|them),? "
     r"(?:because )?(?:she|he|they)(?:'s|'re| is| are) (?:black|brown|jewish|muslim|gay|foreign|"
     r"chinese|mexican|arab|an immigrant|a refugee|disabled)"),
    ("hate", "medium", 12, r"nazis?", r"morons?", r"dumbass(?:es)?", r"(?<!pond )scum(?:bag|bags)?",
     r"fatso", r"fatty(?! acids?)", r"lard ?ass", r"freaks? of nature", r"worthless piece"),
    ("hate", "low", 10, r"stupid(?:est|er|ity)?", r"idiots?", r"idiotic", r"dumb(?:er|est)?",
     r"losers?", r"weirdos?", r"(?:you|what a|such a|big) jerks?", r"dork(?:s)?",
     r"(?:you|what a|such a|little|get lost,) freaks?", r"you(?:'re| are) (?:so )?ugly",
     r"you(?:'re| are) (?:so )?fat", r"screw you", r"get lost, you"),
    ("hate", "low", 8, r"shut up", r"i hate you", r"nobody likes you", r"you(?:'re| are) worthless",
     r"you(?:'re| are)? (?:a |an |such a )?(?:big |dirty |fat |filthy |stupid |smelly |ugly |lazy "
     r"|greedy )(?:pig|cow|rat|swine|donkey|hog|slob|pigs|cows|rats)"),
    # profanity
    ("profanity", "high", NEVER, r"fuck(?:s|ed|er|ers|ing|in|face|head|wit)?",
     r"motherfuck(?:er|ers|ing)?",
     r"mother-?fuckers?", r"cunts?", r"shit(?:s|ty|ter|head|heads|hole|holes|ting|tier|load)?",
     r"bullshit", r"horseshit", r"bitch(?:es|y|ing)?", r"sonofabitch", r"son of a bitch",
     r"asshole(?:s)?", r"arsehole(?:s)?", r"bastards?", r"twats?", r"wank(?:er|ers|ing)?",
     r"wtf", r"stfu", r"goddamn(?:it|ed)?", r"god damn(?:it)?", r"jackass(?:es)?"),
    ("profanity", "medium", 12, r"ass(?:es)?(?! and (?:the )?(?:lion|donkey|fox))", r"arse",
     r"piss(?:ed|es|ing)?", r"damn(?:ed|it)?", r"crap(?:py)?", r"bloody hell",
     r"what the hell", r"go to hell", r"hell(?! ?hounds?)", r"douche(?:bag)?s?", r"suck my",
     r"frigging", r"effing"),
    # personal data and grooming (regex rules for emails/phones/addresses live below)
    ("personal_data", "high", NEVER,
     r"(?:don'?t|do not|never) tell (?:your )?(?:parents|mom|mum|dad|mommy|mummy|daddy|mother|"
     r"father|family|teacher)",
     r"(?:keep|kept) (?:it|this|that) (?:a )?secret from (?:your )?(?:parents|mom|mum|dad|family)",
     r"meet me (?:alone|in secret|secretly|without (?:your|telling))",
     r"what(?:'s| is) your (?:address|phone number|home address)",
     r"(?:give|tell|send) me your (?:address|phone number|number|photo|picture|pic|password)",
     r"send (?:me )?(?:a )?(?:photo|picture|pic|selfie)s? of (?:you|yourself)",
     r"add me on", r"(?:text|dm|message) me (?:at|on)",
     # where the child is and when they are alone
     r"(?:what|which) school (?:do )?you (?:go to|attend)",
     r"what time (?:do )?you (?:walk|go|get|come) home",
     r"(?:when|while) your (?:parents|mum|mom|dad|mother|father|family) (?:are|is) (?:asleep|"
     r"sleeping|out|away|gone|not (?:home|looking|around))",
     # the groomer's wedge between child and parents
     r"(?:trust|love|like) me more than (?:you (?:trust|love|like) )?your (?:parents|mum|mom|dad|"
     r"mother|father|family)",
     r"keep (?:our|these|this|my|the|your) (?:chats?|messages?|talks?|conversations?|texts?|"
     r"photos?|pictures?|meetings?|friendship|visits?|games?) (?:a )?secrets?",
     r"(?:come|comes|came|coming) (?:over )?to (?:my|his|her|their) (?:house|home|flat|apartment|"
     r"car|van|room|place|hotel)(?: \w+){0,3}? (?:alone|by (?:yourself|herself|himself)|"
     r"without (?:telling|your))"),
    # Secrets and meetings are ordinary in stories ("the treehouse was our little secret", "come
    # and meet me at the castle"), but they are also the grooming pattern: never in a story.
    ("personal_data", "medium", NEVER, r"our (?:little )?secret",
     r"(?:it'?s|this is) (?:just )?between (?:you and me|us)", r"come (?:and )?meet me",
     r"are you (?:home )?alone", r"(?:our|their) special secret"),
]
_EN_UNIVERSAL = frozenset({
    r"fuck(?:s|ed|er|ers|ing|in|face|head|wit)?", r"motherfuck(?:er|ers|ing)?", r"cunts?",
    r"bullshit", r"asshole(?:s)?", r"nigg(?:er|ers|a|as|ah)", r"faggots?", r"porn",
    r"porno(?:graphy|graphic)?", r"sexy", r"blow ?jobs?", r"dildos?", r"heil hitler",
    r"sieg heil", r"wtf", r"stfu", r"kys",
})

# ----------------------------------------------------------------------------------- Spanish
_ES: list[_Entry] = [
    ("violence", "medium", 10,
     r"mat(?:ar|arlo|arla|arlos|arlas|arte|arme|ó|aron|ando|ado|ada|ados|adas|aba|aban|aría|arían|"
     r"an)(?! el tiempo)",  # "matar el tiempo" is killing time
     r"asesin(?:ar|o|a|os|as|ato|atos|ado|ada|aron|ó)"),
    ("violence", "medium", 12, r"apuñal(?:ar|ado|ada|ó|aron|ando)",
     r"estrangul(?:ar|ó|ado|ada|aron)",
     r"cadáver(?:es)?", r"violencia", r"secuestr(?:ar|o|ó|ado|ada|aron)"),
    ("violence", "high", NEVER,
     r"(?:le |les |me |te )?cort(?:ó|aron|a|an|ar|aba|aban) (?:la cabeza|las manos|la mano|"
     r"los dedos|el dedo|las orejas|la oreja|la lengua|los pies|el pie)",
     r"decapit(?:ar|ó|ado|ada|aron)",
     r"tortur(?:a|as|ar|ó|ado|ada|aron)",
     r"masacre(?:s)?", r"matanza(?:s)?", r"degoll(?:ar|ó|ado|ada|aron)",
     r"descuartiz(?:ar|ó|ado|ada)",
     r"charco de sangre", r"cubierto de sangre", r"cubierta de sangre", r"baño de sangre"),
    ("violence", "low", 7, r"sangre", r"sangr(?:iento|ienta|ientos|ientas|ando)", r"guerras?"),
    ("fear", "low", 3, r"fantasmas?"),
    ("fear", "low", 5, r"pesadillas?", r"aterrador(?:a|es|as)?", r"maldit(?:o|a|os|as)",
     r"calaveras?"),
    ("fear", "low", 6, r"embrujad(?:o|a|os|as)", r"espeluznantes?", r"siniestr(?:o|a|os|as)"),
    ("fear", "medium", 8, r"zombis?", r"zombies?", r"vampiros?", r"hombres? lobo",
     r"(?:fantasmas?|figuras?|hombres?|mujer(?:es)?|criaturas?|sombras?|monstruos?|muñec(?:o|a)s?|"
     r"cosas?) sin (?:ojos|cara|rostro)",
     r"(?:llevarse|llevará|llevaría|se llevó|comerse|comerá|comería|se comió) a (?:los|las) "
     r"(?:niños|niñas|pequeños|chicos)"),
    ("fear", "low", 0, r"sombras?", r"garras", r"colmillos", r"tumbas?", r"ataúd(?:es)?",
     r"esqueletos?", r"gem(?:ía|ían|ido|idos|ir)", r"gritos?", r"oscuridad", r"monstruos?",
     r"arrastr(?:ó|aba|ando)", r"jaulas?"),
    ("fear", "medium", 10, r"demonios?", r"demoníac(?:o|a)", r"diablos?", r"satán",
     r"terrorífic(?:o|a|os|as)",
     r"horror(?:es)?", r"horripilantes?"),
    ("weapons", "low", 5, r"espadas?", r"lanzas?", r"flechas?", r"cañones", r"cañón"),
    ("weapons", "low", 7, r"dagas?", r"puñal(?:es)?", r"armas?(?! de (?:agua|juguete))"),
    ("weapons", "medium", 12, r"pistolas?(?! de (?:agua|juguete|burbujas|pegamento))", r"rifles?",
     r"escopetas?", r"revólver(?:es)?", r"balas",
     # "bala" alone is also the verb: "la oveja bala" (the sheep bleats)
     r"(?:una|la|esa|otra|cada|de|sin|con|su|primera|última) bala",
     r"(?:le|les|me|te|nos) dispar(?:ó|aron|aba|aban|an|a)",  # "disparó el cañón de agua" is fine
     r"bombas?(?! de (?:agua|baño|semillas|chocolate|crema))", r"explosivos?", r"dinamita",
     r"armas? de fuego", r"munición"),
    ("weapons", "high", NEVER, r"ametralladoras?", r"granadas? de mano", r"fusil(?:es)? de asalto"),
    ("sexual", "high", NEVER, r"sexo", r"sexual(?:es|mente)?", r"porno(?:grafía|gráfic(?:o|a))?",
     r"violar", r"violación", r"violad(?:o|a|or|ores)", r"eróti(?:co|ca)", r"orgasmos?", r"pene",
     r"vaginas?", r"tetas", r"putas?", r"prostitut(?:a|as|o|os|ción)", r"follar",
     r"desnúdate", r"partes íntimas", r"pedófilos?", r"abus(?:ar|ó) sexualmente",
     # asking a child to undress ("le pidió que se desnudara"); a parent undressing a baby for
     # the bath is "desnudó al bebé", which this does not match
     r"que (?:se|te) desnud(?:e|es|en|ara|aras|aran|ase|ases|asen)",
     r"fotos? (?:de (?:\w+ )?)?desnud(?:o|a|os|as)"),
    # Folding makes the verb "desnudó al bebé" (undressed the baby) look like "desnudo" (naked).
    ("sexual", "low", 6, r"desnud(?:o|a|os|as)(?! (?:al|a la|a los|a las|a su|a sus)\b)"),
    ("self_harm", "high", NEVER, r"suicid(?:io|ios|arse|arme|arte|a|ó)", r"matarme",
     r"quitarme la vida",
     r"quitarse la vida", r"hacerme daño", r"autolesi(?:ón|ones|onarse)", r"cortarme las venas",
     r"quiero morir(?:me)?", r"me quiero morir", r"sobredosis", r"ahorcarme",
     r"(?:quiere|quería|querías|querían|quiso|quisiera|quisiese|quieren) morir(?:se|me|te)?",
     r"(?:no quiere|no quería|no quiero|ya no quiere) vivir"),
    ("drugs_alcohol", "high", NEVER, r"drogas?", r"cocaína", r"marihuana", r"cannabis",
     r"narcotraficantes?",
     r"narcóticos?", r"porros?", r"drogarse", r"drogad(?:o|a|os|as)"),
    ("drugs_alcohol", "medium", 12, r"borrach(?:o|a|os|as|era)", r"emborrach(?:ar|arse|ó|aron)",
     r"cigarrillos?", r"cigarros?", r"tabaco",
     r"fum(?:ar|ando|aba) (?:un )?(?:cigarrillo|cigarro|tabaco)",
     r"vodka", r"whisky", r"tequila"),
    ("drugs_alcohol", "low", 10, r"alcohol", r"ron", r"cervezas?", r"champán",
     r"cócteles?(?! de frutas)"),
    ("hate", "high", NEVER, r"maric(?:ón|ones|a)", r"sudaca(?:s)?", r"subnormal(?:es)?",
     r"moros? de mierda", r"negrat(?:a|as)", r"retrasad(?:o|a) mental"),
    ("hate", "low", 10, r"estúpid(?:o|a|os|as)", r"idiotas?", r"imbéciles?",
     r"tont(?:o|a|os|as)(?! y (?:bueno|dulce))",
     r"perdedor(?:a|es)?"),
    ("hate", "low", 8, r"cállate", r"te odio", r"nadie te quiere"),
    ("profanity", "high", NEVER, r"mierda(?:s)?", r"puto", r"putos", r"hijo de puta",
     r"hijos de puta",
     r"jod(?:er|ido|ida|idos|idas|e)", r"coño", r"cabr(?:ón|ona|ones|onas)", r"pendej(?:o|a|os|as)",
     r"gilipollas", r"chingad(?:o|a|os|as)", r"ching(?:ar|a|ón)",
     r"verga(?:s)?(?! del (?:barco|mástil))",
     r"culero(?:s)?", r"mamón"),
    ("profanity", "medium", 12, r"culo(?:s)?", r"hostias?(?! consagradas?)", r"carajo",
     r"maldita sea",
     r"cojones"),
    ("personal_data", "high", NEVER,
     r"no (?:se lo |le )?(?:digas|cuentes) (?:nada )?a (?:tus padres|tu mamá|tu papá|tu madre|"
     r"tu padre|tu familia|nadie)",
     r"nuestro (?:pequeño )?secreto", r"ven a verme", r"ven (?:sol(?:o|a)) a", r"dónde vives",
     r"(?:cuál es )?tu dirección", r"(?:mándame|envíame|manda|envía) (?:una )?fotos?",
     r"estás sol(?:o|a) en casa", r"dame tu (?:número|teléfono|dirección)"),
]

# ------------------------------------------------------------------------------------ French
_FR: list[_Entry] = [
    ("violence", "medium", 10,
     r"tu(?:er|e|es|ent|ait|aient|a|èrent|era|erai|erais|erait|eront|é|ée|és|ées|ant|eur|eurs)"
     r"(?!-(?:tête|mouches?))(?! le temps)",  # "à tue-tête" is loudly; "tuer le temps"
     r"assassin(?:er|é|ée|és|at|ats|e|s)?"),
    ("violence", "medium", 12, r"meurtr(?:e|es|ier|iers|ière|ières)", r"poignard(?:er|é|ée|a|ait)",
     r"étrangl(?:er|é|ée|a|ait)", r"cadavres?",
     r"violence(?! (?:de la|du) (?:tempête|vent|pluie|orage))",
     r"enlev(?:er|é|ée) (?:un|une|des) enfants?",
     r"jusqu'à ce qu'(?:il|elle|ils|elles) (?:saigne|saignent|ne bouge plus|s'évanouisse)",
     r"roué(?:e|s|es)? de coups", r"tabass(?:er|é|ée|és|a|ait|aient)",
     r"kidnapp(?:er|é|ée|eur|eurs)"),
    ("violence", "high", NEVER,
     r"(?:lui |leur |me |te )?(?:coup(?:er|é|a|ait|èrent)|trancher|tranch(?:é|a|ait)) "
     r"(?:la tête|les mains|la main|les doigts|le doigt|les oreilles|l'oreille|la langue)",
     r"décapit(?:er|é|ée|a|ation)", r"tortur(?:e|es|er|é|ée|a|ait)",
     r"massacr(?:e|es|er|é|ée|a)", r"égorg(?:er|é|ée|ea|eait)", r"démembr(?:er|é|ée)",
     r"mare de sang", r"couvert(?:e|s|es)? de sang", r"bain de sang"),
    ("violence", "low", 7, r"(?<!pur-)(?<!demi-)sang(?!-froid)(?!-mêlé)", r"sanglant(?:e|s|es)?",
     r"saign(?:er|e|ait|ant|ante)", r"guerres?"),
    ("fear", "low", 3, r"fantômes?"),
    ("fear", "low", 5, r"cauchemars?", r"effrayant(?:e|s|es)?", r"maudit(?:e|s|es)?", r"crânes?"),
    ("fear", "low", 6, r"hanté(?:e|s|es)?", r"sinistres?", r"lugubres?", r"glaçant(?:e|s|es)?"),
    ("fear", "medium", 8, r"zombies?", r"vampires?", r"loups?-garous?", r"morts-vivants?"),
    ("fear", "medium", 10, r"démons?", r"démoniaques?", r"(?<!petit )(?<!pauvre )diables?",
     r"satan",
     r"terrifiant(?:e|s|es)?", r"horreur(?:s)?", r"horrifi(?:ant|ante|ants|é|ée)"),
    ("weapons", "low", 5, r"épées?", r"flèches?", r"arcs? et (?:des )?flèches", r"canons?",
     r"catapultes?"),
    ("weapons", "low", 7, r"poignards?", r"dagues?", r"armes?(?! à (?:eau|bulles))"),
    ("weapons", "medium", 12, r"pistolets?(?! à (?:eau|bulles|colle|peinture))", r"fusils?",
     r"revolvers?", r"balles? (?:de (?:fusil|pistolet)|perdues?|réelles)",
     r"bombes?(?! à (?:eau|graines|paillettes))(?! de bain)", r"explosifs?", r"dynamite",
     r"armes? à feu", r"munitions?", r"tir(?:er|a|é) sur (?:lui|elle|eux|moi|toi)"),
    ("weapons", "high", NEVER, r"mitraillettes?", r"mitrailleuses?",
     r"grenades? (?:à main|dégoupillées?)",
     r"kalachnikovs?", r"fusils? d'assaut"),
    ("sexual", "high", NEVER, r"sexe", r"sexuel(?:le|s|les|lement)?",
     r"porno(?:graphie|graphique)?",
     r"viol", r"viols", r"viol(?:er|é|ée|ait|eur|eurs)", r"érotiques?", r"orgasmes?", r"pénis",
     r"vagins?", r"nichons", r"seins nus", r"putes?", r"salopes?", r"prostitu(?:ée|ées|tion)",
     r"bite", r"baiser (?:avec|quelqu'un)", r"parties intimes", r"pédophiles?",
     r"f(?:aire|ait|ais|aisait|aisaient|aisons|aites|ont|aisant|erait|eront) l'amour",
     r"déshabille-toi", r"enlève tes vêtements", r"branl(?:er|ette)", r"partouze"),
    ("sexual", "low", 6, r"tout nue?", r"toute nue", r"nudité"),
    ("self_harm", "high", NEVER, r"suicid(?:e|es|er|é|ée|aire|aires)", r"me tuer", r"me suicider",
     r"mettre fin à (?:mes|ses|tes) jours", r"me faire du mal", r"m'automutiler",
     r"automutilation", r"je veux mourir", r"envie de mourir", r"overdose", r"me pendre",
     r"(?:veux|veut|voulais|voulait|voulaient|voudrais|voudrait|vouloir) mourir",
     r"(?:ne (?:veux|veut|voulait|voulais) plus|plus envie de) vivre",
     r"(?:me|te|se|s'|m') ?(?:couper|tailler|taillader|ouvrir|entailler) les (?:veines|poignets)",
     r"me scarifier", r"scarification"),
    ("drugs_alcohol", "high", NEVER, r"drogues?", r"drogu(?:é|ée|és|er)", r"cocaïne", r"cannabis",
     r"marijuana", r"haschisch", r"dealers? de drogue", r"narcotiques?"),
    ("drugs_alcohol", "medium", 12, r"ivres?", r"saoul(?:e|s|es)?", r"soûl(?:e|s|es)?",
     r"cigarettes?", r"cigares?", r"tabac", r"vodka", r"whisky", r"rhum",
     r"fum(?:er|ait|e) (?:une )?(?:cigarette|clope|pipe)",
     r"clopes?", r"alcooliques?"),
    ("drugs_alcohol", "low", 10, r"alcool", r"bières?", r"vin", r"vins", r"champagne",
     r"cocktails?(?! de fruits)"),
    ("hate", "high", NEVER, r"pédés?", r"bougnoules?", r"négros?", r"youpins?",
     r"bicots?", r"sales? (?:arabes?|juifs?|noirs?|noires?)", r"retourne dans ton pays"),
    ("hate", "low", 10, r"stupides?", r"idiot(?:e|s|es)?", r"imbéciles?", r"crétin(?:e|s|es)?",
     r"débiles?", r"abruti(?:e|s|es)?", r"nulle? à chier",
     r"tu es (?:moche|laid|laide|gros|grosse)"),
    ("hate", "low", 8, r"tais-toi", r"tais toi", r"taisez-vous", r"je te déteste", r"je te hais",
     r"personne ne t'aime"),
    ("profanity", "high", NEVER, r"merde(?:s|ux|use)?", r"putain(?:s)?", r"connard(?:s)?",
     r"connasse(?:s)?",
     r"encul(?:é|ée|és|ées|er)", r"fils de pute", r"nique ta mère", r"ta gueule", r"salaud(?:s)?",
     r"salopard(?:s)?", r"foutre", r"va te faire foutre", r"chier", r"bordel de merde",
     r"couilles?"),
    ("profanity", "medium", 12, r"con(?:ne|s|nes)?", r"bordel", r"cul(?!-de-sac)",
     r"emmerd(?:er|e|eur|euse)", r"fait chier"),
    ("personal_data", "high", NEVER,
     r"ne (?:le |lui )?(?:dis|raconte) (?:rien |pas |surtout pas )?(?:à tes parents|à ta mère|"
     r"à ton père|à ta maman|à ton papa|à personne)",
     r"notre (?:petit )?secret", r"viens me (?:voir|rejoindre) (?:seule?|en secret)",
     r"viens me voir",
     r"où habites[- ]tu", r"tu habites où", r"(?:quelle est )?ton adresse",
     r"envoie[- ]moi (?:une )?photos?", r"es[- ]tu seule? à la maison",
     r"donne[- ]moi ton (?:numéro|adresse)"),
]

# ------------------------------------------------------------------------------------ German
_DE: list[_Entry] = [
    ("violence", "medium", 10, r"töt(?:en|et|ete|eten|est|e)(?! die zeit)", r"getötet",
     r"(?:ge)?toet(?:en|et|ete|eten)", r"moerder(?:in)?", r"umbring(?:en|t|e)",
     r"umgebracht", r"bring(?:t|e|en) (?:ihn|sie|dich|mich|euch|uns) um", r"mörder(?:in|innen|s)?",
     r"verprügel(?:n|t|te|ten|st)?", r"bis (?:er|sie|es) (?:blutete|bluteten|bewusstlos war|"
     r"sich nicht mehr (?:bewegte|rührte))"),
    ("violence", "medium", 12, r"ermord(?:en|et|ete|eten|ung)", r"mord(?:e|es|s)?",
     r"erstoch(?:en)?",
     r"ersticht", r"erstech(?:en)", r"erwürg(?:en|t|te)", r"leichen?", r"gewalt",
     r"entführ(?:en|t|te|ung)",
     r"missbrauch(?:t|te|en)?"),
    ("violence", "high", NEVER,
     r"(?:schnitt|schnitten|hackte|hackten) (?:ihm|ihr|ihnen) (?:die|den|das) (?:hand|hände|finger|"
     r"kopf|ohren|ohr|zunge|füße|fuß) ab",
     r"enthaupt(?:en|et|ete|ung)", r"köpf(?:en|te) (?:ihn|sie)",
     r"folter(?:n|t|te|ung)?", r"gefoltert", r"massaker", r"gemetzel", r"abschlacht(?:en|et|ete)",
     r"blutbad", r"blutlache", r"voller blut", r"blutverschmiert(?:e|en|er|es)?",
     r"zerstückel(?:n|t|te)"),
    ("violence", "low", 7, r"blut", r"blutig(?:e|en|er|es)?", r"blute(?:n|t|te)",
     r"krieg(?:es|s)?"),
    ("fear", "low", 3, r"gespenst(?:er|es)?", r"geist(?:er)?"),
    ("fear", "low", 5, r"albträum(?:e|en)", r"albtraum(?:s)?", r"alpträum(?:e|en)",
     r"alptraum(?:s)?",
     r"gruselig(?:e|en|er|es)?", r"furchterregend(?:e|en|er|es)?", r"verflucht(?:e|en|er|es)?",
     r"totenköpf(?:e)?", r"totenkopf"),
    ("fear", "low", 6, r"spuk(?:t|te|haus|schloss)?", r"unheimlich(?:e|en|er|es)?",
     r"schaurig(?:e|en|er|es)?"),
    ("fear", "medium", 8, r"zombies?", r"vampir(?:e|en)?", r"werw(?:olf|ölfe)", r"untote(?:n)?"),
    ("fear", "medium", 10, r"dämon(?:en)?", r"dämonisch(?:e|en|er|es)?", r"teufel(?:s)?", r"satan",
     r"horror", r"grauenhaft(?:e|en|er|es)?"),
    ("weapons", "low", 5, r"schwert(?:er|es)?", r"speer(?:e)?", r"pfeil(?:e)? und bogen",
     r"kanonen?", r"katapult(?:e)?"),
    ("weapons", "low", 7, r"dolch(?:e)?", r"waffen?", r"bewaffnet(?:e|en|er)?"),
    ("weapons", "medium", 12, r"pistolen?", r"gewehr(?:e|en|s)?", r"revolver", r"schusswaffen?",
     r"schüsse(?! (?:aufs|auf das|ins) tor)",  # "drei Schüsse aufs Tor" is football
     r"erschoss(?:en)?", r"erschieß(?:en|t)", r"bomben?", r"sprengstoff", r"dynamit",
     r"munition", r"patronen?"),
    ("weapons", "high", NEVER, r"maschinengewehr(?:e)?", r"maschinenpistolen?", r"handgranaten?",
     r"granaten?", r"sturmgewehr(?:e)?", r"kalaschnikow"),
    ("sexual", "high", NEVER, r"sex", r"sexuell(?:e|en|er|es)?", r"porno(?:s|grafie|graphie)?",
     r"vergewaltig(?:en|t|te|ung|er)", r"erotisch(?:e|en|er|es)?", r"orgasmus", r"penis",
     r"vagina", r"titten", r"nutten?", r"huren?", r"schlampen?", r"prostituierte?n?", r"ficken",
     r"bumsen", r"intimbereich", r"zieh dich aus", r"pädophile?n?", r"sexuell missbraucht"),
    ("sexual", "low", 6, r"nackt(?:e|en|er|es)?"),
    ("self_harm", "high", NEVER, r"selbstmord(?:e|es)?", r"suizid(?:al|e|es)?", r"mich umbringen",
     r"mir das leben nehmen", r"sich das leben nehmen", r"ritze mich", r"ritzt sich",
     r"sich ritzen",
     r"mich selbst verletzen",
     r"sich (?:selbst )?(?:umbringen|umzubringen|umgebracht|töten|zu töten|getötet|verletzen|"
     r"zu verletzen|ritzen)",
     r"(?:will|wollte|wollten|möchte|möchten|wolle) (?:nicht mehr leben|sterben)",
     r"selbstverletzung", r"ich will sterben", r"überdosis", r"mich erhängen", r"mich aufhängen"),
    ("drugs_alcohol", "high", NEVER, r"drogen", r"droge", r"kokain", r"heroin", r"crystal meth",
     r"marihuana", r"cannabis", r"haschisch", r"kiff(?:e|st|t|te|ten|en|er)", r"gekifft",
     r"drogendealer"),
    ("drugs_alcohol", "medium", 12, r"betrunken(?:e|en|er|es)?", r"besoffen(?:e|en|er|es)?",
     r"zigaretten?", r"zigarren?", r"tabak", r"wodka", r"whisky", r"schnaps", r"alkoholiker(?:in)?",
     r"rauch(?:en|t|te) (?:eine )?(?:zigarette|zigarre)"),
    ("drugs_alcohol", "low", 10, r"alkohol(?:isch|ische|ischen)?", r"bier(?:e|es)?", r"wein(?:es)?",
     r"sekt", r"champagner", r"cocktails?(?! aus (?:früchten|obst))"),
    ("hate", "high", NEVER, r"neger(?:n|in)?", r"schwuchtel(?:n)?", r"kanaken?", r"judensau",
     r"heil hitler", r"sieg heil", r"missgeburt(?:en)?", r"spast(?:i|is|en)?", r"mongo(?:s)?",
     r"zigeuner(?:in|innen)?", r"geh zurück in dein land", r"untermensch(?:en)?"),
    ("hate", "low", 10, r"dumm(?:e|er|es|en|kopf|köpfe)?", r"dümm(?:er|ste|sten)",
     r"doof(?:e|er|es|en|mann)?", r"idiot(?:en|in)?",
     r"blöd(?:e|er|es|en|mann)?", r"trottel", r"depp(?:en)?", r"vollidiot(?:en)?",
     r"versager(?:in)?",
     r"du bist (?:so )?(?:hässlich|fett)"),
    ("hate", "low", 8, r"halt die klappe", r"halt den mund", r"ich hasse dich",
     r"niemand mag dich"),
    ("profanity", "high", NEVER, r"scheiß(?:e|en|er|kerl|egal)?", r"scheiss(?:e|en|er)?",
     r"arschloch",
     r"arschlöcher", r"fick(?:t|en|er|dich)?", r"wichser", r"fotze(?:n)?", r"hurensohn",
     r"hurensöhne",
     r"verpiss dich", r"miststück", r"halts maul", r"halt's maul"),
    ("profanity", "medium", 12, r"arsch", r"verdammt(?:e|en|er|es)?", r"kacke", r"pisse"),
    ("profanity", "low", 13, r"geil(?:e|en|er|es)?"),
    ("personal_data", "high", NEVER,
     r"sag (?:es |das )?(?:nicht |nichts |bloß nicht )?(?:deinen eltern|deiner mama|deiner mutter|"
     r"deinem papa|deinem vater|niemandem)",
     r"erzähl (?:es |das )?(?:nicht |nichts )?(?:deinen eltern|deiner mama|deinem papa|niemandem)",
     r"unser (?:kleines )?geheimnis", r"triff mich (?:allein|heimlich)", r"komm allein zu mir",
     r"wo wohnst du", r"(?:wie ist )?deine adresse",
     r"schick(?:e)? mir (?:ein )?(?:foto|bild)(?:er)?",
     r"bist du allein zu hause", r"gib mir deine (?:nummer|handynummer|adresse)"),
]

# ----------------------------------------------------------------------------------- Russian
_RU: list[_Entry] = [
    ("violence", "medium", 10, r"убива\w*(?! время)", r"убил(?:а|и|о)?(?! время)",
     r"убит(?:ь|ый|ая|ые|ого|ой|ых|ым)?",
     r"убью", r"убьёт", r"убьём", r"убьёшь", r"убьют", r"убийц\w*", r"убийств\w*"),
    ("violence", "medium", 12, r"зарез(?:ал|ала|али|ать|ан)", r"задуш(?:ил|ила|или|ить)",
     r"труп(?:ы|а|ов|ом|ами)?",
     r"насили\w*", r"похит(?:ил|ила|или|ить|ители|итель)",
     r"изби(?:л|ла|ли|ть|вал|вали|вает|вают|т|тый|тая|тые)", r"до крови",
     r"отруб(?:ил|ила|или|ить) (?:ему |ей |им )?(?:руку|руки|пальцы|палец|ногу|уши|язык)"),
    ("violence", "high", NEVER, r"пытк(?:а|и|у|ой|ами)", r"пытал(?:и)? (?:его|её|их)",
     r"резн(?:я|и|ю)",
     r"расчлен\w*", r"обезглав\w*", r"отрубил(?:а|и)? голов\w*", r"лужа крови", r"луже крови",
     r"весь в крови", r"вся в крови", r"кровавая баня", r"расстрел(?:ял|яли|ять|а)?"),
    ("violence", "low", 7, r"кровь", r"крови", r"кровью", r"кровав(?:ый|ая|ое|ые|ого|ой|ых)",
     r"войн(?:а|ы|у|ой)"),
    ("fear", "low", 3, r"призрак(?:а|и|ов|ом)?", r"привидени(?:е|я|й|ем)"),
    ("fear", "low", 5, r"кошмар(?:а|ы|ов|ный|ная|ное|ные)?", r"страшн(?:ый|ая|ое|ые|ого|ой|ых|о)",
     r"прокля(?:тый|тая|тое|тие|тье)", r"череп(?:а|ов)?"),
    ("fear", "low", 6, r"жутк(?:ий|ая|ое|ие|о)", r"зловещ(?:ий|ая|ее|ие)", r"с привидениями"),
    ("fear", "medium", 8, r"зомби", r"вампир(?:ы|а|ов)?", r"оборот(?:ень|ни|ня)", r"мертвецы?"),
    ("fear", "medium", 10, r"демон(?:ы|а|ов|ом|ический|ическая)?", r"дьявол(?:ы|а|ьский|ьская)?",
     r"сатан(?:а|ы|у)",
     r"ужастик(?:и)?", r"чудовищн(?:ый|ая|ое) ужас"),
    ("weapons", "low", 5, r"меч(?:и|а|ом|ей)?", r"копь(?:ё|е|я)", r"стрел(?:ы|ами)",
     r"лук и стрел\w*",
     r"пушк(?:а|и|у|ой)", r"катапульт\w*"),
    ("weapons", "low", 7, r"кинжал(?:ы|а|ом)?", r"оружи(?:е|я|ем)",
     r"вооруж(?:ён|ен)(?:ный|ные|ная)?"),
    ("weapons", "medium", 12, r"(?<!водяной )(?<!водяного )(?<!игрушечный )пистолет(?:ы|а|ом|ов)?",
     r"ружь(?:ё|е|я|ём)", r"винтовк(?:а|и|у|ой)", r"револьвер(?:ы|а)?", r"пул(?:я|и|ю|ей)",
     r"бомб(?:а|ы|у|ой|ами)", r"взрывчатк\w*", r"динамит", r"патрон(?:ы|ов)", r"застрелил(?:а|и)?",
     r"выстрел(?:ил|ила|или|ы)?"),
    ("weapons", "high", NEVER, r"автомат калашникова", r"калашников\w*", r"пулем(?:ёт|ет)\w*",
     r"граната", r"гранату", r"гранатой", r"гранатомёт\w*"),
    ("sexual", "high", NEVER, r"секс\w*", r"порн\w*", r"изнасил\w*", r"насилов\w*", r"эрот\w*",
     r"оргазм\w*", r"шлюх\w*", r"проститутк\w*", r"сиськ\w*", r"пенис\w*", r"влагалищ\w*",
     r"трах(?:ать|нуть|ал|али|аться)", r"интимн(?:ые|ых) мест\w*", r"раздевайся", r"педофил\w*",
     r"голые фото"),
    ("sexual", "low", 6, r"гол(?:ый|ая|ое|ые|ого|ой|ую|ым)", r"голышом"),
    ("self_harm", "high", NEVER, r"самоубийств\w*", r"суицид\w*", r"покончить с собой",
     r"покончил(?:а|и)? с собой", r"убить себя", r"убью себя", r"повеситься", r"повешусь",
     r"не хочу жить", r"хочу умереть", r"порезать себя", r"режу себя", r"передозировк\w*",
     r"селфхарм", r"вскрыть вены"),
    ("drugs_alcohol", "high", NEVER, r"наркотик\w*", r"наркоман\w*", r"наркот(?:а|ы|у)",
     r"кокаин\w*",
     r"героин(?:а|ом)?", r"марихуан\w*", r"конопл\w*", r"травк(?:а|у) курить",
     r"обдолбан\w*"),
    ("drugs_alcohol", "medium", 12, r"пьян(?:ый|ая|ое|ые|ого|ой|ых|ица|ство|ствовать)",
     r"напил(?:ся|ась|ись)",
     r"водк(?:а|и|у|ой)", r"сигарет(?:а|ы|у|ой|ами)?", r"табак\w*",
     r"кур(?:ить|ил|ила|или|ит|ят) (?:сигарет\w*|табак)",
     r"самогон\w*", r"виски", r"алкаш\w*", r"алкоголик\w*"),
    ("drugs_alcohol", "low", 10, r"алкогол\w*", r"пив(?:о|а|ом|е)", r"вино", r"вином",
     r"шампанск(?:ое|ого|им)",
     r"коктейл(?:ь|и|ей)(?! из фрукт\w*)"),
    ("hate", "high", NEVER, r"жид(?:ы|а|ов|ам|овка|овки)?", r"пид(?:о|а)р\w*", r"черножоп\w*",
     r"даун(?:ы|а)?", r"зиг хайль", r"хайль гитлер", r"убирайся в свою страну"),
    ("hate", "low", 10, r"дура(?:к|ки|ков|ка|чина)?", r"дуры", r"идиот(?:ы|а|ов|ка|ский)?",
     r"тупиц(?:а|ы)",
     r"туп(?:ой|ая|ые) (?:как|ты|он|она)", r"урод(?:ы|ина|ливый|ливая)?", r"придур(?:ок|ки|ка)",
     r"кретин\w*",
     r"неудачни(?:к|ца|ки)", r"ты (?:такой |такая )?(?:толстый|толстая|уродливый|уродливая)"),
    ("hate", "low", 8, r"заткнись", r"замолчи, дур\w*", r"ненавижу тебя", r"я тебя ненавижу",
     r"тебя никто не любит"),
    ("profanity", "high", NEVER, r"ху(?:й|я|ю|ем|ев|ё|е)\w*", r"пизд\w*", r"бля", r"бляд\w*",
     r"блять",
     r"еба\w*", r"ебл\w*", r"ебу\w*", r"ебё\w*", r"заеб\w*", r"выеб\w*", r"наеб\w*", r"уеб\w*",
     r"отъеб\w*", r"долбоёб\w*", r"сук(?:а|и|ой)", r"сучар\w*", r"мудак\w*", r"мудил\w*",
     r"гандон\w*",
     r"залуп\w*", r"шалав\w*", r"хер(?:ня|ню|ни|ом)?", r"нахер", r"нахуй",
     # the interjection, not "позови твою мать" (call your mother)
     r"(?<!\w )твою (?:ж )?мать(?=\s*[,!…])"),
    ("profanity", "medium", 12, r"говн(?:о|а|ом|ю)", r"дерьм(?:о|а|ом|ово)", r"жоп(?:а|ы|у|ой|е)",
     r"срать",
     r"сран(?:ый|ая|ое|ые)", r"чёрт возьми", r"чёрт побери", r"проклятье", r"задница", r"задницу"),
    ("personal_data", "high", NEVER,
     r"не (?:говори|рассказывай) (?:ничего )?(?:родителям|маме|папе|никому)",
     r"наш (?:маленький )?секрет", r"(?:это )?(?:будет )?нашим (?:маленьким )?секретом",
     r"приходи ко мне (?:один|одна|тайно)", r"давай встретимся (?:тайно|одни|наедине)",
     r"где ты живёшь", r"где ты живешь", r"(?:какой )?твой адрес",
     r"пришли (?:мне )?(?:своё |свое )?фото",
     r"ты (?:сейчас )?(?:один|одна) дома", r"дай (?:мне )?(?:свой )?(?:номер|адрес)"),
]

# ------------------------------------------------------------------------------------ Hebrew
# Hebrew attaches one-letter prefixes (ו ה ב ל מ ש כ) to words; the matcher skips up to two of
# them, so "והרג" (and he killed) still meets "הרג". Final letters are kept as written.
_HE: list[_Entry] = [
    ("violence", "medium", 10, r"הרג(?:ו|ה)?", r"הורג(?:ת|ים|ות)?", r"להרוג", r"הרוג(?:ים)?",
     r"נהרג(?:ו|ה)?",
     r"רוצח(?:ים|ת)?", r"רצח(?:ו|ה)?"),
    ("violence", "medium", 12, r"דקר(?:ו|ה)?", r"חנק(?:ו|ה)? (?:אותו|אותה)", r"גופות", r"אלימות",
     r"חטף (?:את )?(?:הילד|הילדה)"),
    ("violence", "high", NEVER, r"עינוי(?:ים)?", r"עינה (?:אותו|אותה)", r"ערף את ראש\w*",
     r"כרת את ראש\w*", r"שלולית דם", r"מכוסה בדם", r"מרחץ דמים"),
    ("violence", "low", 7, r"=דם", r"הדם", r"בדם", r"ודם", r"דמים", r"מדמם(?:ת)?", r"מלחמ(?:ה|ות)"),
    ("fear", "low", 3, r"רוח(?:ות)? רפאים"),
    ("fear", "low", 5, r"סיוט(?:ים)?", r"מפחיד(?:ה|ים|ות)?", r"מקולל(?:ת|ים)?", r"גולגול(?:ת|ות)"),
    ("fear", "low", 6, r"רדוף רוחות", r"רדופ(?:ה|ים) רוחות", r"מצמרר(?:ת|ים)?", r"מבעית(?:ה)?"),
    ("fear", "medium", 8, r"זומבי(?:ם)?", r"ערפד(?:ים|ה)?", r"איש זאב", r"אנשי זאב", r"מתים חיים"),
    ("fear", "medium", 10, r"שדים", r"שטן", r"שטני(?:ת)?", r"סרט(?:י)? אימה", r"זוועה",
     r"זוועתי(?:ת)?"),
    ("weapons", "low", 5, r"חרב(?:ות)?", r"חנית(?:ות)?", r"חץ וקשת", r"חיצים", r"תותח(?:ים)?"),
    ("weapons", "low", 7, r"פגיון", r"פגיונות", r"נשק(?:ים)?", r"חמוש(?:ים|ה)?"),
    ("weapons", "medium", 12, r"אקדח(?:ים)?(?! מים)", r"רובה (?:ציד|אוויר|צלפים)", r"רובים",
     r"כדורים (?:חיים|שנורו)",
     r"פצצ(?:ה|ות)", r"חומר(?:י)? נפץ", r"ירה ב(?:ו|ה|הם)", r"יר(?:ו|תה) ב(?:ו|ה|הם)", r"תחמושת"),
    ("weapons", "high", NEVER, r"רימון יד", r"רימוני יד", r"מקלע(?:ים)?", r"קלצ'ניקוב",
     r"רובה סער"),
    ("sexual", "high", NEVER, r"סקס(?:י|ית)?", r"פורנו(?:גרפיה)?", r"אונס", r"לאנוס", r"נאנס(?:ה)?",
     r"אנס(?:ו|ה)? (?:אותו|אותה)", r"זונ(?:ה|ות)", r"ציצים", r"ארוטי(?:ת|ים)?", r"אורגזמ(?:ה|ות)",
     r"איברים מוצנעים", r"תתפשט(?:י)?", r"פדופיל(?:ים)?", r"לזיין", r"זיון", r"מזדיי(?:ן|נת)",
     r"(?:תמונות|תמונת|צילומי|צילום) עירום"),
    ("sexual", "low", 6, r"עירום", r"עירומ(?:ה|ים)"),
    ("self_harm", "high", NEVER, r"התאבד(?:ות|ה|ו)?", r"להתאבד", r"לפגוע בעצמ(?:י|ו|ה)",
     r"פגיעה עצמית",
     r"לחתוך את עצמ(?:י|ו|ה)", r"אני רוצה למות", r"רוצה למות", r"מנת יתר",
     r"(?:רצה|רצתה|רציתי|רוצים|רוצות) למות", r"(?:לא רוצה|לא רצה|לא רצתה) לחיות",
     r"אם (?:אמות|ימות|תמות|לא אהיה|לא יהיה|לא תהיה) (?:כאן )?(?:כולם|אף אחד|העולם)",
     r"לתלות את עצמ(?:י|ו|ה)"),
    ("drugs_alcohol", "high", NEVER, r"סמים", r"קוקאין", r"הרואין", r"מריחואנה", r"חשיש", r"קנאביס",
     r"ג'וינט(?:ים)?", r"סוחר(?:י)? סמים", r"מסומם(?:ת|ים)?"),
    ("drugs_alcohol", "medium", 12, r"שיכור(?:ה|ים)?", r"שתוי(?:ה)?", r"סיגרי(?:ה|ות)", r"טבק",
     r"לעשן",
     r"מעשן סיגרי\w*", r"וודקה", r"ויסקי", r"אלכוהוליסט(?:ים)?"),
    ("drugs_alcohol", "low", 10, r"אלכוהול", r"בירה קרה", r"=יין", r"ביין", r"היין", r"יינות",
     r"שמפניה", r"קוקטייל(?:ים)?"),
    ("hate", "high", NEVER, r"כושי(?:ם|ת)?", r"ערבוש(?:ים)?", r"מוות לערבים",
     r"מוות ליהודים", r"הייל היטלר", r"תחזור לארץ שלך", r"קוקסינל"),
    ("hate", "low", 10, r"טיפש(?:ה|ים|ות)?", r"מפגר(?:ת|ים)? (?:אחד|אחת|שכמוך)",
     r"אידיוט(?:ית|ים)?", r"מטומטמ(?:ת|ים)?", r"מטומטם", r"דביל(?:ית|ים)?",
     r"לוזר(?:ית|ים)?", r"אתה (?:כזה )?מכוער", r"את (?:כזאת )?מכוערת", r"אתה שמן"),
    ("hate", "low", 8, r"שתוק", r"תשתוק", r"שתקי", r"תשתקי", r"סתום את הפה", r"סתמי את הפה",
     r"אני שונא(?:ת)? אותך",
     r"אף אחד לא אוהב אותך"),
    ("profanity", "high", NEVER, r"כוס אמ(?:א|ק|ך)\w*", r"כוסאמ\w*", r"שרמוט(?:ה|ות|ים)?",
     r"בן זונה", r"בת זונה",
     r"בני זונות", r"=(?<!האות )(?<!אות )זין", r"יא זבל", r"מניאק(?:ים)?"),
    ("profanity", "medium", 12, r"חרא", r"לעזאזל", r"פאקינג", r"חארות"),
    ("personal_data", "high", NEVER,
     r"אל (?:תספר|תספרי|תגיד|תגידי) (?:את זה )?(?:להורים|לאמא|לאבא)",
     r"הסוד הקטן שלנו", r"(?:בוא|בואי) לפגוש אותי", r"(?:איפה|היכן) (?:אתה גר|את גרה)",
     r"מה הכתובת שלך", r"(?:שלח|שלחי) לי (?:תמונ(?:ה|ות))", r"(?:אתה|את) (?:לבד|לבדך) בבית",
     r"(?:תן|תני) לי את (?:המספר|הטלפון|הכתובת) שלך"),
]
# fmt: on

_BY_LANGUAGE: dict[str, list[_Entry]] = {
    "en": _EN,
    "es": _ES,
    "fr": _FR,
    "de": _DE,
    "ru": _RU,
    "he": _HE,
}
_PREFIX_LETTERS = {"he": "והבלמשכ"}


def terms_for(language: str) -> list[Term]:
    """The terms checked for `language`: its own list plus the universal English terms."""
    entries = list(_BY_LANGUAGE.get(language, _EN))
    if language != "en":
        entries += [
            (category, severity, min_age, *[p for p in patterns if p in _EN_UNIVERSAL])
            for category, severity, min_age, *patterns in _EN
        ]
    terms: list[Term] = []
    for category, severity, min_age, *patterns in entries:
        terms.extend(
            Term(category, severity, min_age, p.removeprefix("="), not p.startswith("="))
            for p in patterns
        )
    return terms


# --- the matcher ------------------------------------------------------------------------------

_WORD_START = re.compile(r"(?<!\w)\w")
_META = frozenset("\\.^$*+?{}[]|()")
_KEY_LENGTH = 2


def _group_end(pattern: str, start: int) -> int:
    """Index of the ")" closing the "(" at `start`."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a character class may contain parentheses
            i = pattern.index("]", i + 2)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _alternatives(pattern: str) -> list[str]:
    parts, depth, last, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    return [*parts, pattern[last:]]


def _keys(pattern: str, need: int = _KEY_LENGTH) -> set[str]:
    """Every literal string of length `need` a match of `pattern` can start with.

    Understands the subset lexicon patterns use before their second letter: literals, escaped
    literals, (?:a|b) groups with an optional "?", "?" after a letter, and look-arounds (skipped).
    Anything else there (\\w, classes, repeats) is a lexicon bug and raises ValueError.
    """
    if need == 0:
        return {""}
    if not pattern:
        raise ValueError("pattern can match fewer than two characters")
    if pattern.startswith(("(?<=", "(?<!", "(?=", "(?!")):
        return _keys(pattern[_group_end(pattern, 0) + 1 :], need)
    if pattern.startswith("\\b"):
        return _keys(pattern[2:], need)
    if pattern.startswith("(?:"):
        end = _group_end(pattern, 0)
        rest = pattern[end + 1 :]
        optional = rest.startswith("?")
        rest = rest.removeprefix("?")
        if rest[:1] in ("*", "+", "{"):
            raise ValueError(f"repeated group before the second letter: {pattern!r}")
        keys = set().union(*(_keys(alt + rest, need) for alt in _alternatives(pattern[3:end])))
        return keys | _keys(rest, need) if optional else keys
    if pattern.startswith("\\"):
        if pattern[1:2].isalnum():
            raise ValueError(f"character class before the second letter: {pattern!r}")
        char, rest = pattern[1], pattern[2:]
    elif pattern[0] in _META:
        raise ValueError(f"not a literal before the second letter: {pattern!r}")
    else:
        char, rest = pattern[0], pattern[1:]
    if rest[:1] in ("*", "+", "{"):
        raise ValueError(f"repeat before the second letter: {pattern!r}")
    if rest.startswith("?"):
        rest = rest[1:]
        return {char + k for k in _keys(rest, need - 1)} | _keys(rest, need)
    return {char + k for k in _keys(rest, need - 1)}


@dataclass(frozen=True, slots=True)
class Hit:
    term: Term
    start: int
    end: int


class Matcher:
    """All terms of one language, indexed by the first two (folded) letters of each pattern."""

    def __init__(self, terms: list[Term], prefix_letters: str = "", language: str = "") -> None:
        self._index: dict[str, list[tuple[re.Pattern[str], Term]]] = {}
        self._prefix_letters = prefix_letters
        for term in terms:
            folded = fold_pattern(term.pattern, language)
            keys = _keys(folded)
            if not all(key[0].isalnum() for key in keys):
                raise ValueError(f"pattern must start with a letter: {term.pattern!r}")
            compiled = re.compile(f"(?:{folded})(?!\\w)")
            for key in keys:
                self._index.setdefault(key, []).append((compiled, term))

    def find(self, text: str) -> Iterator[Hit]:
        """Every match in a folded text (overlapping matches of different terms included)."""
        index = self._index
        prefixes = self._prefix_letters
        for word in _WORD_START.finditer(text):
            pos = word.start()
            starts = [pos]
            if prefixes:  # Hebrew: also try the word without one or two prefix letters
                for skip in (1, 2):
                    letter = text[pos + skip - 1 : pos + skip]
                    if not letter or letter not in prefixes:
                        break
                    starts.append(pos + skip)
            for start in starts:
                candidates = index.get(text[start : start + 2])
                if candidates is None:
                    continue
                for pattern, term in candidates:
                    if start != pos and not term.prefixable:
                        continue
                    match = pattern.match(text, start)
                    if match is not None:
                        yield Hit(term, start, match.end())


_MATCHERS: dict[str, Matcher] = {}


def matcher_for(language: str) -> Matcher:
    """Compiled once per language and cached (compiling all patterns takes a few ms)."""
    matcher = _MATCHERS.get(language)
    if matcher is None:
        matcher = Matcher(terms_for(language), _PREFIX_LETTERS.get(language, ""), language)
        _MATCHERS[language] = matcher
    return matcher


# --- masked swearing ("f*ck", "sh**", "b*tch") ---------------------------------------------------

# fmt: off
_MASKABLE = (
    "fuck", "fucking", "fucker", "fucked", "shit", "shitty", "bitch", "bitches", "cunt", "ass",
    "asshole", "arse", "dick", "cock", "pussy", "bastard", "whore", "slut", "damn", "hell", "crap",
    "piss", "nigger", "nigga", "faggot", "fag", "sex", "porn", "motherfucker", "bullshit", "wank",
    "wanker", "twat", "tits", "boobs", "merde", "putain", "puta", "mierda", "scheisse", "arsch",
)
# fmt: on
_MASKED_TOKEN = re.compile(r"(?<![\w*])[^\W\d_]+\*+[^\W\d_*]*(?:\*+[^\W\d_*]+)*(?![\w*])")


def find_masked(text: str) -> Iterator[tuple[int, int]]:
    """Spans of masked words that unmask to a swear word (the mask does not make it child-safe)."""
    for match in _MASKED_TOKEN.finditer(text):
        token = match.group()
        letters = sum(c.isalpha() for c in token)
        if letters >= 2:
            shape = re.compile(
                "".join(r"\w+" if c == "*" else re.escape(c) for c in re.sub(r"\*+", "*", token))
            )
        elif token.count("*") >= 2:
            # "f***", "s***": one letter says little, so each star must stand for one letter.
            shape = re.compile("".join(r"\w" if c == "*" else re.escape(c) for c in token))
        else:
            continue
        if any(shape.fullmatch(word) for word in _MASKABLE):
            yield match.start(), match.end()


# --- personal data rules (on the original text: case and punctuation matter here) ------------

# Bare domains need a TLD that is not also a word or a typo ("end.it", "casa.es"), so the
# country codes are only recognised after www. or http(s)://.
_TLDS = "com|org|net|edu|gov|io|info|biz|ru|uk|app|dev|xyz|online|site|shop|club|link|live|gg|tv|ly"
PERSONAL_DATA_RULES: list[tuple[str, Severity, re.Pattern[str]]] = [
    ("email address", "high", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "email address",
        "high",
        re.compile(
            rf"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{{at\}}|\sat\s)\s*[\w-]+\s*"
            rf"(?:\(dot\)|\[dot\]|\{{dot\}}|\sdot\s|\.)\s*(?:{_TLDS})\b",
            re.IGNORECASE,
        ),
    ),
    ("web link", "medium", re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    (
        "web link",
        "medium",
        re.compile(rf"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/\S*)?"),
    ),
    (
        "phone number",
        "high",
        re.compile(
            r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){2,3}\b"
        ),
    ),
    ("phone number", "high", re.compile(r"(?<![\w.,])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")),
    ("phone number", "high", re.compile(r"(?<![\w.,])0\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b")),
    ("phone number", "high", re.compile(r"(?<![\w.,])\d{10,13}\b")),
    (
        "street address",
        "medium",
        re.compile(
            r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){1,3}"
            r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|"
            r"Pl|"
            r"Terrace|Close|Crescent|Highway|Hwy)\b\.?"
        ),
    ),
    (
        "street address",
        "medium",
        re.compile(
            r"(?i:\b(?:calle|avenida|avda\.?|plaza|paseo))\s+(?:de\s+(?:la\s+|los\s+|las\s+)?)?"
            r"[A-ZÁÉÍÓÚÑ][\w'-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w'-]*){0,2},?\s+(?:n[º°o]\.?\s*)?\d{1,4}\b"
        ),
    ),
    (
        "street address",
        "medium",
        re.compile(
            r"\b\d{1,4}(?:\s*(?:bis|ter))?,?\s+"
            r"(?i:rue|avenue|boulevard|bd|place|allée|impasse|chemin|quai)\s+"
            r"(?:d[eu]\s+|des\s+|de\s+la\s+|la\s+|l'|d')?[A-ZÉÈÀÂ][\w'-]+"
        ),
    ),
    (
        "street address",
        "medium",
        re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|gasse|allee)\s+\d{1,4}[a-z]?\b"),
    ),
    (
        "street address",
        "medium",
        re.compile(
            r"(?:\bул\.|\bулица|\bпр-т|\bпроспект|\bпер\.|\bпереулок)\s*[\w-]+(?:\s+[\w-]+)?,?\s*"
            r"(?:д\.|дом)?\s*\d{1,4}",
            re.IGNORECASE,
        ),
    ),
    (
        "street address",
        "medium",
        re.compile(r"רחוב\s+[\u05d0-\u05ea\"'-]+(?:\s+[\u05d0-\u05ea\"'-]+)?\s+\d{1,4}"),
    ),
]
_PERSONAL_DATA_HINT = re.compile(r"[@\d/]|www|dot\b|\.[a-z]{2}", re.IGNORECASE)


def find_personal_data(text: str) -> Iterator[tuple[str, Severity, int, int]]:
    """(what, severity, start, end) for emails, links, phone numbers and street addresses."""
    if _PERSONAL_DATA_HINT.search(text) is None:  # no digit, @, link or domain: nothing to find
        return
    for what, severity, pattern in PERSONAL_DATA_RULES:
        for match in pattern.finditer(text):
            yield what, severity, match.start(), match.end()
