# (multilingual word lists are the point of this file)
"""English child-safety word lists: `(category, severity, min_age, pattern, ...)` entries.

How to read and write them: `talestream.safety.lexicon` (the package docstring).
"""

from talestream.safety.lexicon.entry import NEVER, Entry

# fmt: off
ENTRIES: list[Entry] = [
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
# Also applied to the other languages (see the package docstring).
UNIVERSAL = frozenset({
    r"fuck(?:s|ed|er|ers|ing|in|face|head|wit)?", r"motherfuck(?:er|ers|ing)?", r"cunts?",
    r"bullshit", r"asshole(?:s)?", r"nigg(?:er|ers|a|as|ah)", r"faggots?", r"porn",
    r"porno(?:graphy|graphic)?", r"sexy", r"blow ?jobs?", r"dildos?", r"heil hitler",
    r"sieg heil", r"wtf", r"stfu", r"kys",
})
# fmt: on
