# (multilingual word lists are the point of this file)
"""English child-safety word lists: `(category, severity, min_age, pattern, ...)` entries.

How to read and write them: `talestream.safety.lexicon` (the package docstring).
"""

from talestream.safety.lexicon.entry import NEVER, Concept, Entry

# fmt: off
_NO_SURPRISE = (r"(?![^.!?]{0,100}\b(?:surprise|birthday|present|presents|gift|gifts|christmas|"
                r"cake)\b)")
ENTRIES: list[Entry] = [
    # violence / gore
    ("violence", "medium", 10,
     r"kill(?:s|ed|ing)?"
     r"(?! (?:the )?(?:time|power|lights?|engine|motor|music|noise|mood|switch|ball))",
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
    ("violence", "medium", 12,
     r"murder(?:s|ed|ing|ers?|ous)?(?! in the dark)(?!\"? the ball)",
     # not food or a heron's beak ("stabbed the cherry tomatoes with little forks")
     r"stab(?:s|bed|bing|bings)?(?! (?:the |its |a )?(?:cherry |little )?(?:tomato|tomatoes|"
     r"haggis|beak|sausages?|straw|fork|olives?|pickle|potato|potatoes|marshmallows?)\b)",
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
    ("violence", "low", 7, r"blood(?:y|ied)?", r"bleed(?:s|ing)?",
     # (a play fight is not war: pillow, water, snowball, food fights)
     r"(?<!tug of )(?<!tug-of-)(?<!pillow )(?<!water )(?<!snowball )(?<!food )(?<!cushion )"
     r"(?<!tickle )(?<!splash )wars?",
     r"(?:punch|punches|punched|slap|slaps|slapped|kick|kicks|kicked) (?:him|her|them|me|you|us) "
     r"(?:in|on|hard|again)", r"beat (?:him|her|them|me|you|us) up"),
    ("violence", "medium", 11, r"corpses?", r"dead bod(?:y|ies)", r"carcass(?:es)?",
     r"violen(?:t|ce)(?! (?:storms?|winds?|waves?|gusts?|rain|thunderstorms?|sneezes?|shivers?))",
     r"hostages?",
     # a dragon, a witch or a giant carrying off a princess is a fairy tale, not a crime story
     r"(?<!dragon )(?<!witch )(?<!giant )(?<!troll )(?<!ogre )(?<!goblin )(?<!sorcerer )"
     r"(?<!wizard )kidnap(?:s|ped|ping|per|pers)?(?! (?:the|a) (?:princess|prince)\b)"),
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
     r"(?<!ray )(?<!laser )(?<!paint )(?<!spray )guns?(?! (?:with|of) (?:water|bubbles|glue))"
     # the gun-safety lesson: "if you find a gun, don't touch it"
     r"(?!,? (?:\w+ ){0,2}(?:don'?t|do not|never|must not|mustn'?t) touch)",
     r"gunfire", r"gunshots?", r"gunmen", r"gunman",
     r"(?<!water )(?<!water-)"
     r"(?<!squirt )(?<!toy )pistols?", r"rifles?(?! (?:\w+ ){0,2}(?:hangs?|hung|hanging) )",
     r"revolvers?", r"shotguns?",
     r"firearms?", r"handguns?",
     r"(?<!no )(?<!without )bullets?(?! (?:train|trains|points?|journal|list))",
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
    ("drugs_alcohol", "low", 10, r"alcohol", r"liquor", r"rum(?!(?: and |-| )raisin)", r"tipsy",
     r"hungover"),
    # A grown-up's glass at a wedding or a barbecue is fine in a story for a young child; a
    # child given or drinking it is the frame "alcohol given to a child" (CONCEPTS).
    ("drugs_alcohol", "low", 5, r"(?<!root )(?<!ginger )beers?", r"wines?(?! gums?)",
     r"champagne", r"(?<!fruit )(?<!shrimp )(?<!prawn )cocktails?(?! (?:sauce|sausages?))"),
    # ... but a child's drink stays blocked below 10: a child in the same clause as the drink
    # (grown-ups in between end the clause: "the kids helped Dad carry the beer"), the drink
    # praised, pressed or laughed at in the sentence ("a real man finishes it", "grow big and
    # strong"; the child is often only a name), or in its own clause ("it was magic").
    ("drugs_alcohol", "medium", 10,
     r"(?:kids?|children|child|boys?|girls?|little ones?|toddlers?|youngsters|teens|teenagers|"
     r"sons?|daughters?|grandson|granddaughter) (?:(?!(?:dad|daddy|mum|mummy|mom|mommy|grandpa|"
     r"grandad|grandma|granny|nana|father|mother|uncle|aunt|auntie|the grown-ups|the adults|"
     r"grown-ups|adults) )(?!and |while |but |then |so )[\w']+ ){0,4}?(?:beers?|wines?|champagne|"
     r"cocktails?)(?! gums?| glasses| bottles)",
     r"(?:beers?|wines?|champagne|cocktails?)(?! gums?| glasses| bottles) (?:(?!and |while |but |"
     r"then |so )[\w']+ ){0,4}?(?:kids|children|child|boys?|girls?|little ones?|toddlers?)",
     r"(?:beers?|wines?|champagne|cocktails?)(?! gums?| glasses|"
     r" bottles)\b[^.!?;:]{0,80}?\b(?:real (?:man|men|boys?|grown-ups?)|big and strong|grow (?:big|"
     r"strong)|make (?:you|them|him|her) (?:strong|big|brave|grown-up)|happiest|"
     r"without making a face|(?:until|till) (?:they|he|she) (?:was|were) sick|stagger\w*|wobbl\w*|"
     r"dizzy|best night|should be like|made (?:\w+ ){0,2}drink|just like (?:dad|daddy|"
     r"the grown-ups)|(?<!-)(?:three|four|five|six|seven|eight|nine|ten)[- ]years?[- ]old)",
     r"(?:beers?|wines?|champagne|cocktails?)(?! gums?| glasses| bottles) (?:(?!and |while |but |"
     r"then |so )[\w']+ ){0,5}?(?:magic|hilarious|funny|fun|cool|brave|dared?)",
     r"(?:made|makes|make|forced|dared|dares) (?:(?!and |while |but |then |"
     r"so )[\w']+ ){0,2}?(?:drink|finish|down) (?:(?!and |while |but |then |"
     r"so )[\w']+ ){0,3}?(?:beers?|wines?|champagne|cocktails?)(?! gums?| glasses| bottles)"),
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
     # not before a surprise in the same sentence ("don't tell Mum, it's a birthday cake"); the
     # secrecy frame reads the sentence before as well ("a party" is no excuse: a common lure)
     r"(?:don'?t|do not|never) tell (?:your )?(?:parents|mom|mum|dad|mommy|mummy|daddy|mother|"
     r"father|family|teacher)" + _NO_SURPRISE,
     r"(?:keep|kept) (?:it|this|that) (?:a )?secret from (?:your )?(?:parents|mom|mum|dad|family)"
     + _NO_SURPRISE,
     r"meet me (?:alone|in secret|secretly|without (?:your|telling))",
     r"what(?:'s| is) your (?:address|phone number|home address)",
     r"(?:give|tell|send) me your (?:address|phone number|number|photo|picture|pic|password)",
     r"send (?:me )?(?:a )?(?:photo|picture|pic|selfie)s? of (?:you|yourself)",
     r"add me on", r"(?:text|dm|message) me (?:at|on)",
     # where the child is and when they are alone
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

# ------------------------------------------------------------------------------- harm frames
# Concepts that are harmless alone and harmful together (core/frames.py says which together).
_OWNER = r"(?:his|her|their|your|my|the \w+'s)"
_BODY = (r"(?:necks?|skulls?|spines?|bones?|ribs?|eyes?|eyeballs?|throats?|teeth|tongues?|"
         r"fingers?|toes?|fingernails?|ears?|noses?|skin|flesh|guts|brains?|heads?|faces?|"
     r"arms?|legs?|knees?|wrists?|backs?(?! (?:to|up|home|in|into|onto|on|down|off|out)\b)|belly|"
     r"bellies|tummy|chest|insides|cheeks?|hands?|"
         r"gums|wings?|tail|paws?)")
# Alcohol given to, poured for or pressed on a child: the giving, the child and the drink within a
# few words of one clause (a word-chain that stops at "and", "while", "but"), so "gave the
# children cake and poured Dad some wine" is not one. Children are named by nouns only: "poured
# her a glass of wine" may be said of a grown-up.
_CLAUSE = r"(?:(?!and |while |but |then |so )[\w']+ )"
_CHILD = (r"(?:the |a |his |her |their |our )?(?:little |youngest |smallest )?(?:kids?|children|"
          r"child|boys|girls|little ones?|baby|toddler|youngsters|cabin boy|son|daughter|"
          r"grandson|granddaughter|nephew|niece)")
_ALCOHOL = (r"(?:(?<!ginger )(?<!root )beers?|wine|champagne|rum|whisky|whiskey|vodka|gin|"
            r"brandy|booze|liquor|schnapps|pints?|ale|lager|grog|sherry|bubbly|hip flask|flask|"
            r"cocktails?|the grown-ups' (?:drinks?|glasses|bottle|cupboard))")
CONCEPTS: list[Concept] = [
    ("injury_action",
     r"snap(?:ped|s|ping)?", r"crack(?:ed|s|ing)? (?:his|her|their|the \w+'s)",
     r"crack of (?:his|her|the)",
     r"crunch(?:ed|es|ing)?",
     r"crush(?:ed|es|ing)?", r"smash(?:ed|es|ing)?", r"caved in", r"chewed off", r"bit (?:clean )?"
     r"(?:through|off)", r"stamped on", r"gave way", r"give way", r"burst", r"bubbled",
     r"twist(?:ed|s|ing)? (?:\w+ ){0,3}until", r"(?:pulled|tore|torn|ripped|gouged|plucked|"
     r"pried|sawed|hacked) (?:\w+ ){0,4}?(?:out|off|open)",
     # Kitchen and craft verbs ("cut out stars", "sliced open the melon") only with the body
     # part as their object: "cut his finger off", "sliced open her belly".
     r"(?:cut|cuts|sliced|peeled|scooped|chopped) (?:out|off|open) " + _OWNER + r" (?:\w+ )?"
     + _BODY,
     r"(?:cut|cuts|sliced|peeled|scooped|chopped) " + _OWNER + r" (?:\w+ )?" + _BODY
     + r" (?:\w+ )?(?:out|off|open)",
     r"(?:cut|sliced|peeled|scooped) (?:the |his |her |their )?(?:skin|flesh|eyes?|eyeballs?) "
     r"(?:\w+ )?(?:off|out)",
     r"(?:tore|ripped|skinned|flayed|gouged|hacked|sawed)", r"broke (?:through|every|all)",
     r"bent (?:\w+ ){0,3}the wrong way", r"slammed (?:\w+ ){0,3}(?:against|into)",
     r"bashed", r"split (?:\w+ )?open", r"popped (?:out|open)", r"spilled out",
     r"pressed (?:\w+ ){0,3}into", r"went (?:purple|blue) and still"),
    ("body_part", _OWNER + r" (?:\w+ )?" + _BODY, r"(?:(?<='s )|(?<=' ))" + _BODY,
     r"(?:both|all) (?:of )?(?:his|her|their) " + _BODY),
    ("maiming",
     r"(?:skinned|peeled|boiled|cooked|burned|burnt|buried) (?:\w+ ){0,3}(?:alive|while (?:\w+ )?"
     r"(?:was|were) (?:still )?(?:alive|awake|breathing|moving|twitching))",
     r"(?:again and again|over and over|kept (?:hitting|stabbing|kicking|beating|whipping)) "
     r"(?:\w+ ){0,6}?(?:until|till) (?:\w+ ){0,6}?(?:red|blood|bloody|sticky|stopped|still|quiet|"
     r"cuts|bruises|bleeding)",
     r"(?:hit|hitting|beat|beating|whipped|whipping) (?:\w+ ){0,5}?until (?:\w+ ){0,4}?"
     r"(?:covered in|bleeding|red|purple|open cuts)",
     r"(?:red|wet|sticky|dripping) with (?:his |her |their |its )?(?:blood|insides)",
     r"(?:floor|walls?|snow|water|grass) (?:\w+ ){0,3}(?:was|were|turned) (?:all )?"
     r"(?:red and sticky|red with)",
     r"(?:while|as) (?:they|he|she|it) (?:burned|drowned|choked|bled)",
     r"(?:pulled|tore|ripped) the (?:wings|legs|tail) off",
     r"held (?:\w+ ){0,4}(?:under (?:the )?water|underwater|onto the hot|there while)",
     r"(?:taking|took) turns (?:hitting|kicking|beating|punching)",
     r"blood (?:spurted|sprayed|gushed|squirted)"),
    ("death_threat",
     r"nobody will (?:ever )?find (?:your|you|the) (?:body|bones|remains)",
     r"(?:no one|nobody) (?:will|would) (?:ever )?(?:find|see|hear) (?:you|your|from you)",
     r"(?:you(?:'ll| will| are going to|'re going to| shall| would)) (?:\w+ ){0,3}?"
     r"(?:die|be dead|be gone forever|stop breathing|never (?:\w+ )?wake up|never see (?:your|the) "
     r"(?:mum|mom|mummy|mommy|dad|daddy|family|parents|morning|sun))",
     r"(?:i(?:'ll| will| am going to|'m going to)|we(?:'ll| will)|it (?:will|would)) "
     r"(?:\w+ ){0,2}?(?:kill|bury|drown|strangle|gut|skin) (?:you\b|your "
     r"(?:mummy|mum|mom|daddy|dad|parents|family|little))(?! (?:a|an|some|something))",
     r"(?:i'm|i am|we're|we are) the one who will (?:\w+ )?you",
     r"(?:this is|it's|tonight is) your last (?:night|day|breath)",
     r"(?:how long|long) you have left to live", r"we know where you (?:sleep|live)",
     r"(?:there's|there is) room for yours", r"you stop breathing",
     r"will pull you (?:down|under|in)", r"(?:your|you) (?:will )?(?:rot|scream) (?:\w+ ){0,3}"
     r"(?:forever|alone|in the dark)", r"die alone"),
    ("body_remains",
     r"(?:human|children's|child's|people's|a dead|dead|missing) (?:\w+ )?"
     r"(?:fingers?|hands?|ears?|eyes?|toes?|teeth|hair|heads?|bones|flesh|meat|bodies|body|"
     r"neighbours|children|people)",
     r"maggots?", r"(?:small|tiny|little|severed|cut-off|bloody) (?:\w+ )?(?:ear|finger|toe|"
     r"eyeball|tongue|hand|shoe with)s?", r"eyeballs?", r"fingernails?",
     r"(?:rotten|raw|wet red) meat", r"licked the bones", r"crawling with (?:ants|worms|maggots)",
     r"(?:husband's|wife's|brother's|sister's) eyes", r"full of (?:spiders|worms|teeth|hands)"),
    ("food",
     r"(?:sandwich|soup|stew|broth|bowl|plate|plates|pie|cake|bread|porridge|cereal|lunch|dinner|"
     r"breakfast|fridge|freezer|pot|jar|oven|burger|meatballs?|sausages?|crust|lunchbox|"
     r"tummy|pillow|nursery|walls)",
     r"(?:bit|bite|ate|eat|eating|swallowed|chewed|tasted|crunched|made from|smelled)"),
    ("ask_reader",
     r"(?:tell|give|send|show|write|whisper|read|type|text) (?:me|us|him|her|it|the \w+)",
     r"(?:what|which|where|when) (?:is|are|do|does|time|street|house|days?)",
     r"(?:what's|where's|when's)", r"(?:ask|asked) (?:your|you|the child|the reader)",
     r"(?:type|enter|put|write) (?:\w+ ){0,3}(?:into|in) (?:the|this|here)",
     r"(?:take|send) (?:me )?a (?:photo|picture|selfie)", r"can you (?:tell|send|give|find)",
     r"(?:go and )?(?:get|bring|fetch) (?:me )?(?:your|the)"),
    ("personal_info",
     r"(?:your|you) (?:\w+ )?(?:home )?address", r"(?:home|house) address",
     r"(?:walk|walks|go|get) home alone", r"(?:you are|you're|are you) (?:home )?alone",
     r"(?:mum|mom|mummy|mommy|dad|daddy|parents|mother|father)(?:'s|s')? (?:\w+ ){0,2}?"
     r"(?:password|passwords|pin|code|card|wallet|bank|phone number|email)",
     r"(?:password|passwords|pin number|pin code|card number|credit card|bank card|"
     r"security code|expiry date|long number|numbers on (?:the|her|his) card)",
     r"(?:when|what time) (?:are|is|do|does) (?:your )?(?:mum|mom|dad|parents|mother|father|"
     r"mummy|daddy|family) (?:\w+ ){0,3}?(?:out|away|asleep|gone|not home|leave|go out)",
     r"(?:your|you) phone number", r"where (?:you|your family) (?:live|lives|sleep)"),
    ("secrecy",
     r"(?:don't|do not|mustn't|must not|never|shouldn't|won't) (?:ever )?(?:tell|told|say|show|"
     r"mention|let) (?:\w+ ){0,2}?(?:your|anyone|anybody|them|mum|mom|dad|grown-ups|parents|"
     r"adults|teacher)",
     r"(?:keep|keeps|kept) (?:this|it|that|our|these) (?:\w+ ){0,2}?(?:secret|between us|"
     r"to yourself|quiet)",
     r"(?:a|our|my|special|little) secret (?:from|between)", r"secret from (?:your|the|them)",
     r"(?:without|before) (?:\w+ )?(?:your )?(?:mum|mom|dad|parents|grown-ups|adults|teacher|"
     r"family) (?:\w+ )?(?:knowing|finding out|seeing|noticing)",
     r"nobody (?:needs|has) to know", r"(?:it's|this is) (?:just )?between (?:you and me|us)"),
    # A stranger asking which school is the frame "asks which school"; a dentist, a nurse or a
    # grandmother asking with the mother there, or a new classmate, is small talk
    # (trusted_adult: not "your mum").
    ("asks_school", r"(?:what|which) school (?:do )?you (?:go to|attend)"),
    ("trusted_adult",
     r"(?<!your )(?:mum|mom|mummy|mommy|mother|dad|daddy|father|parents|grandma|granny|grandpa|"
     r"grandad|grandmother|grandfather|nana|teacher|doctor|dentist|nurse|receptionist|librarian)"),
    ("peer", r"(?:the|a) new (?:girl|boy|kid|pupil)", r"classmates?"),
    ("grown_ups",
     r"(?:your|the) (?:mum|mom|mummy|mommy|dad|daddy|parents|mother|father|teacher|family|"
     r"grown-ups|grandma|grandpa)",
     r"(?:grown-ups|adults|parents|mum and dad|mom and dad)"),
    ("surprise",
     r"(?:surprise|birthday|present|presents|gift|gifts|christmas|party|cake|wrapped)"),
    ("group",
     r"(?:people|folk|families|kids|children|men|women|girls|boys|everyone|anyone) "
     r"(?:from|of|with|in) (?:that|those|this|other|dark|black|brown|another|the) (?:\w+ )?"
     r"(?:country|countries|place|skin|religion|colour|color|church|village|tribe|islands|"
     r"mountains|side|street|wheelchairs|eyes|hair)",
     r"(?:immigrants?|refugees?|foreigners?|migrants?|jews|jewish (?:people|families|kids)|"
     r"muslims?|christians?|arabs?|africans?|asians?|mexicans?|chinese (?:people|kids)|roma|"
     r"gypsies|gypsy|travellers|gays?|lesbians?|gay people|trans (?:people|kids)|"
     r"disabled (?:people|kids|children)|black (?:people|kids|children|families)|"
     r"white (?:people|kids)|brown (?:people|kids|bunnies)|girls|women|poor people|"
     r"fat people|old people|those people|their kind|that kind|people like (?:that|them)|"
     r"two (?:men|women|boys|girls) holding hands)",
     r"(?:people|kids|children) (?:like (?:them|him|her)|who (?:speak|pray|look))",
     r"(?:wears|wearing) a (?:headscarf|turban|kippah)",
     r"kids (?:with|in) wheelchairs"),
    ("generalizing",
     r"(?:are|were|is) (?:all |always |born |naturally |just |only |simply )?(?:dirty|lazy|"
     r"stupid|dumb|dumber|weaker|thieves|criminals?|liars|animals|vermin|rats|disgusting|"
     r"inferior|worthless|dangerous|evil|filthy|smelly|savages|parasites|worth less|less than|"
     r"a burden|useless|sneaky|sick and wrong|bad and smelly|born bad|not (?:real )?"
     r"(?:people|human)|all the same)",
     r"(?:all|every single one|every one) (?:of (?:them|those))? ?(?:are|is) (?:\w+ )?"
     r"(?:thieves|liars|dirty|lazy|stupid|criminals|dangerous|bad|evil)",
     r"(?:should|must|ought to) (?:never|not) (?:have )?(?:be|been) (?:allowed|born)",
     r"(?:should|must) (?:all )?(?:go back|be (?:sent|thrown|kicked|chased|driven|left) "
     r"(?:out|back|away|into|in)|leave (?:our|this)|be locked up)",
     r"(?:don't|do not|never) (?:trust|play with|sit (?:next to|with)|talk to|share)",
     r"(?:made|born) from (?:mud|dirt|dust)", r"worth less than", r"can't be (?:trusted|\w+)",
     r"(?:they're|they are) (?:all )?(?:the same|like that|sneaky|like rats|animals)",
     r"only care about money", r"carry diseases", r"belong in the kitchen", r"steal babies",
     r"must be a terrorist", r"have no souls?", r"useless mouths", r"like rats",
     r"get rid of them", r"throw stones at",
     r"(?:just )?slow everyone down"),
    ("eat_less",
     r"(?:stop|stopped|stops|quit) eating", r"(?:don't|do not|doesn't|never|not|must not) eat "
     r"(?:\w+ )?(?:for|until|anything|at all|a thing)?",
     r"(?:skip|skipped|skipping|skips) (?:\w+ )?(?:lunch|dinner|breakfast|meals?)",
     r"eat (?:nothing|less and less|only (?:one|a|half))", r"(?:count|counted|counting) "
     r"(?:her|his|your|my) (?:ribs|bones|calories)", r"(?:hide|hid|hiding) (?:your|her|his) food",
     r"(?:spit|spat) it out", r"one apple a day", r"drink only water", r"fasting",
     r"being hungry (?:is|means)", r"(?:hungry|empty) (?:tummy|stomach) (?:means|is)",
     r"(?:tummy|stomach) growls", r"weighed less than"),
    ("purge",
     r"(?:fingers|finger) down (?:your|her|his|my) throat",
     r"(?:make|made|makes) (?:yourself|herself|himself) (?:throw up|sick|vomit|be sick)",
     r"(?:throw|threw|throwing) (?:it )?up (?:after|so|every)"),
    ("body_image",
     r"(?:fat|chubby|skinny|thin|thinner|tiny|prettier|pretty|lighter|slim|slimmer)",
     r"(?:weigh|weight|ribs|bones show|winners)", r"nobody will know", r"never notice"),
    ("self_injury",
     r"(?:hurt|cut|burn|scratch|punish|harm|bite) (?:yourself|herself|himself|myself)",
     r"(?:press|pressed|dig|dug|push|pushed|scratch|scratched) (?:something )?(?:sharp|a blade|"
     r"the blade|a pin|a needle|the compass) (?:\w+ ){0,2}?(?:into|in) (?:your|her|his|my) "
     r"(?:arm|arms|skin|leg|legs|wrist|wrists)",
     r"(?:marks|cuts|scars|bruises) (?:\w+ ){0,3}(?:on|to) (?:yourself|herself|himself)",
     r"(?:so|that) nobody (?:sees|will see|can see) the (?:marks|cuts|scars)",
     r"(?:step|jump|stepped|jumped) (?:off|from) (?:the|a) (?:tall |high )?(?:bridge|roof|"
     r"cliff|window|tower)", r"climbing to the roof",
     r"let the (?:river|sea|water|waves) take (?:you|him|her|me)",
     r"(?:never|not) (?:open|opened) (?:your|her|his|my) eyes again",
     r"the pain (?:makes|will make|made) (?:the )?(?:sadness|sad)",
     r"(?:swallow|take|took|swallowed) (?:all|a few more) (?:of )?(?:\w+ )?(?:pills|tablets)",
     r"(?:weren't|wasn't|were not|was not) here any ?more", r"make it stop for good",
     r"bang (?:your|her|his) head", r"around (?:your|her|his) (?:own )?neck",
     r"use (?:them|it) on (?:your|her|his) (?:legs|arms|skin|wrists)",
     r"(?:held|hold|holding) (?:her|his|your) hand (?:over|in) the (?:candle|flame|fire)",
     r"until everything went black", r"make a pain outside", r"sleep for a very long time",
     r"(?:quieter|better|happier) without (?:her|him|me|you)", r"nobody would (?:even )?miss you",
     r"the burn made",
     r"(?:quiet|calm|peaceful) everything would be if"),
    ("enjoy",
     r"(?:laughed|laughing|laughs|giggled|giggling|smiled|smiling|grinned|grinning|cheered|"
     r"cheering|clapped|clapping|enjoyed|enjoying|loved|delighted|whooped|cackled|sang|"
     r"singing)", r"best (?:afternoon|day|night|time)", r"most fun", r"for fun"),
    ("suffering",
     r"(?:finished|finishing) (?:them|him|her|the \w+) off", r"screaming stopped",
     r"(?:run|ran|running) screaming", r"(?:begged|begging|pleaded|pleading) (?:for )?"
     r"(?:mercy|him to stop|her to stop|them to stop)",
     r"(?:prisoners|captives|slaves) (?:\w+ ){0,4}?"
     r"(?:one after another|one by one|kneel|in a row)",
     r"(?:set|lit) (?:the )?(?:\w+'s )?(?:cat|dog|bird|puppy|kitten|tail|him|her|them|hair) "
     r"(?:\w+ )?on fire",
     r"(?:tied|chained) (?:\w+ ){0,3}(?:to the )?(?:railway|train|tracks|line)",
     r"(?:boiling|burning) (?:pot|oil|water)", r"(?:watched|watching) (?:\w+ ){0,2}"
     r"(?:die|drown|burn|suffer|bleed|cry|crawl)",
     r"(?:pushed|threw|thrown) (?:\w+ ){0,3}into the (?:boiling|fire|flames|oven|well)",
     r"how long (?:it|he|she) kicked", r"while they burned", r"pulled the wings off",
     r"(?:hitting|kicking|beating) the new (?:girl|boy|kid)"),
    ("sexual_idiom",
     r"(?:tore|ripped|pulled) (?:\w+ ){0,2}?(?:each other's|their|her|his) clothes off",
     r"(?:spent|spend) the (?:whole )?(?:night|afternoon) (?:together|rolling|upstairs|"
     r"in (?:his|her) bed|with (?:two|a) (?:ladies|women|men))"
     # a sleepover or a camp-out is not an idiom
     r"(?!,? (?:in|at|under|inside) (?:a|the|their|our|his|her) (?:\w+ )?(?:tents?|sleepover|"
     r"treehouse|den|camp|fort|garden|sleeping bags?))",
     r"rolling in the hay", r"(?:making|made) the bed (?:creak|rock|shake)", r"bed banging",
     r"got down to business", r"what (?:she|he|you) (?:had|has|have|got) under (?:that|her|his|"
     r"your)", r"(?:under|up) (?:her|his|your) (?:skirt|dress|shirt|nightie)",
     r"(?:moaning|moaned|groaning|panting) (?:\w+ ){0,2}?(?:loudly|all night|together|that)",
     r"(?:went|go|going|sneaked|slipped|dragged him|dragged her) (?:\w+ ){0,2}?(?:to|into) "
     r"(?:bed|her bed|his bed|the bedroom|her bedchamber)", r"made love", r"between the sheets",
     r"went all the way", r"in the sack", r"hooked up", r"third base", r"going at it",
     r"trousers (?:round|around) their ankles",
     r"hot and hard", r"a good time", r"how much for the (?:whole )?night",
     r"unbuttoned (?:her|his) (?:blouse|shirt)", r"slid the straps", r"swapped wives",
     r"visit her bed", r"bodies tangled", r"wanted him inside", r"(?:ladies|women) he had paid",
     r"take her,? right now", r"please a woman", r"got her going", r"grown-up things all night",
     r"in their underwear", r"(?:piece of clothing|clothes) (?:\w+ ){0,3}for the men",
     r"legs apart", r"licked the lady's", r"(?:sleep|slept|sleeping) with (?:him|her|each other)",
     r"half-naked (?:dancers|women|girls)"),
    ("substance",
     r"(?:white powder|little powder|crystals|baggie|hookah|glue|gas from|"
     r"marker pens|secret ingredient|sweet-smelling clouds|funny-smelling|grog|gin|"
     r"brandy|vodka|whisky|lager|flask|drinks cabinet|special mushrooms)",
     # An intake verb counts unless what is breathed in is plainly innocent ("sniffed the cool
     # morning air", "inhaled the scent of roses"): story animals sniff all the time.
     r"(?:(?:sniff|sniffed|sniffing|snort|snorted|inhale|inhaled|puff)(?! (?:at |in )?(?:the |a |"
     r"some |her |his |their )?(?:\w+ ){0,2}(?:air|breeze|wind|flowers?|roses?|scent|smell|"
     r"bread|cake|pie|soup|cookies|ground|grass|trail|tracks|nose))|smoked it|getting high|"
     r"got high|getting completely wasted|wasted|hammered|pop one|first bag|"
     r"drink from the bottle)"),
    ("glamour",
     r"(?:cool|grown-up|popular|brave|strong|magic|happy|real (?:sailor|man|hero|heroes|"
     r"grown-ups)|best feeling|giggle|fun|funny|wobbly|spinning|rainbows|melt|float|"
     r"love everybody|feel(?:ing)? like kings|never feel sad|grow big)"),
    ("weapon_object",
     r"(?:hunting (?:thing|rifle|gun)|gun cabinet|locked (?:cupboard|cabinet)|the cabinet|"
     r"(?:his|her|your) (?:dad's|father's|uncle's) (?:\w+ )?(?:cabinet|cupboard|gun|rifle|thing|"
     r"garage))",
     r"(?:sharp|sharpened|pointy) (?:blade|end|edge|stick|screwdriver|pencil|glass|thing|saw|"
     r"stones)",
     r"(?:blade|blades|razor|razors|screwdriver|knife|knives|box cutter|cleaver|metal pipe|"
     r"broken glass|crossbow|loaded|trigger|brass knuckles|slingshot|nails (?:in|hammered)|"
     r"petrol|explodes|poisoned needle|cold steel|goes bang|shooter|fire bottle)"),
    # The safety lesson ("if you find a gun, don't touch it, tell a grown-up") is no
    # encouragement: the frame "weapon encouraged" does not fire with it.
    ("weapon_safety",
     r"(?:don'?t|do not|never|must not|mustn'?t) touch (?:it|them|the \w+)",
     r"tell (?:a|an|your) (?:grown-up|adult|teacher|parent)"),
    ("weapon_use",
     r"(?:to|into|at) (?:school|class|the school|the playground|the classroom)",
     r"(?<!never to )(?<!not to )(?:point|aim) (?:it|them|that) at", r"(?:slash|stab|use it on|"
     r"shoot at|prick|swing it)",
     r"(?:up|in) (?:your|his|her) (?:sleeve|sock|bag|pocket|backpack|shoe|lunchbox)",
     r"(?:anyone|anybody|the bullies|everyone|the kids) who", r"you know what to do",
     r"(?:make|made) (?:\w+ ){0,2}pay", r"win a fight", r"throw at", r"blow a door",
     r"(?:at|on) (?:the )?(?:people|kids|children|teacher|neighbours|brother|stepdad)",
     r"(?:carry|carrying) (?:it )?everywhere", r"hitting little children",
     r"(?:to|against|under) (?:his|her|their|the \w+'s) (?:throat|neck|chin)"),
    ("swear_euphemism",
     r"f-word", r"effing", r"(?:flipped|gave|showed) (?:\w+ ){0,2}?the (?:middle )?finger",
     r"where the sun doesn't shine", r"(?:a )?string of (?:\w+ )?(?:words|curses)",
     r"words so (?:filthy|dirty|rude|bad)", r"son of a (?:gun|biscuit)",
     r"kiss (?:my|his|her) (?:hairy )?(?:backside|behind|bum|butt)", r"tossers?",
     r"frick(?:ing)?", r"rhymes with", r"dirtbags?", r"knobheads?", r"prats?", r"crud",
     r"fudge-sucking", r"very rude to himself", r"where they could stick",
     r"stuff (?:his|your|their) \w+ up", r"dog muck", r"scumbags?", r"arse-wipe",
     r"windbag"),
    ("body_horror",
     r"top of (?:his|her|their) head (?:\w+ ){0,2}(?:stayed|came off|lifted)",
     r"stretching past (?:his|her) ears"),
    ("drug_use",
     r"(?:sniff|snort|inhale) (?:some|one|a bit|a pinch|it)"),
    ("bribe",
     r"(?:give|gives|gave|promised|promise) (?:[\w',]+ ){0,8}"
     r"(?:coins|gems|diamonds|sweets|a puppy|a prize|a sword) if"),
    # Round 3 (harm in new words): the same concepts in more of the words a story uses.
    ("injury_action",
     r"(?:ground (?:his|her) heel|sawed at|jumping on|jumped on|"
     r"stepped on|stamp on|belt came down)"),
    ("body_part",
     r"(?:(?:his|her|their|the \w+'s) (?:arms|legs|fingers|little finger|knuckles|lap|"
     r"hair|face|lips|ribs))"),
    ("maiming",
     r"until (?:the|his|her|its) (?:skin|knuckles|bones|lips) (?:split|popped|cracked|burst)",
     r"until it was flat", r"(?:watched|watching) the blisters", r"(?:drown|drowned|drowning) "
     r"(?:the|a|his|her) (?:\w+ )?(?:cat|kitten|kittens|puppy|puppies|dog|rabbit|hamster)",
     r"red ran down", r"(?:crack|break|snap) all (?:his|her) (?:ribs|bones|fingers)",
     r"(?:hit|beat) you till", r"(?:boiled|boiling) (?:\w+ ){0,3}a little at a time",
     r"shut the (?:puppy|kitten|dog|cat) in the hot car"),
    ("enjoy",
     r"(?:grinning|giggle|smiling sweetly|the best game ever|cheered|thinks it's funny|"
     r"laughed at the)"),
    ("suffering", r"(?:to hear (?:him|her|it) beg|the scratching|say thank you after each)"),
    ("weapon_object",
     r"(?:folding knife|carving knife|box cutter|wrench|long case|b00mstick|boomstick|"
     r"dads piece|dad's piece|something sharp|the long thing|a brick|a spike|"
     r"stepdad's (?:\w+ )?knife)"),
    ("weapon_use",
     r"(?:pencil case|to maths|in (?:my|his|her) bag|3rd period|to class|for the girls who|"
     r"for the boys who|for the kid who|the kid who|the boy who|the girls who|the boys who|"
     r"uses it on|would learn today|ready for friday's|wait behind the bins|by the swings|"
     r"show the boys who|girls in year \d)"),
    ("substance",
     r"(?:grown-up juice|fizzy grown-up|sleepy pills|cough syrup|sparkly packet|grey dust|"
     r"little bottle|syrup from the chemist's|(?:his|her) glass|gin)"),
    ("glamour",
     r"(?:shy kids brave|basically candy|they're fun|makes every spell stronger|so giggly|"
     r"party secret|every kid should try|see the north pole lights)"),
    ("drug_use",
     r"(?:into (?:\w+'s|her|his) beaker|finish it before|to the toddler's lips|up the nose|"
     r"lick the dust|drink the whole bottle|take nana's|slips him)"),
    ("eat_less",
     r"(?:never finish a plate|count every bite|eat once every|stop eating)"),
    ("body_image",
     r"(?:real models|lovelier|the one thing you can control|never tell the coach)"),
    ("self_injury",
     r"(?:go to sleep and never|vanish for good|hurting yourself|hurt yourself a bit|"
     r"nobody ever misses)"),
    ("ask_reader", r"(?:asked|asks) (?:\w+ )?(?:which|what time|whether|for mum's|for dad's)"),
    ("personal_info",
     r"(?:which nights|works late|walked home|walks home|come alone|the name of (?:her|his|your) "
     r"first pet|mum's birthday|front or the back of the house|home address|met him at)"),
    ("secrecy",
     r"(?:never mention me|secret best friends|grown-ups ruin everything|their party secret)"),
    ("grown_ups", r"(?:grown-ups|the coach)"),
    ("death_threat",
     r"you won't wake up", r"(?:it was|it's) starting with you", r"tonight,? yours",
     r"saved a place for", r"(?:tonight|tomorrow) (?:it was|it's|is) (?:number \w+'s|your) turn",
     r"you'll end up in there", r"pull you into the wall", r"(?:coming|is coming) up the stairs",
     r"by morning you won't be"),
    ("body_horror",
     r"(?:still had a wristwatch|tiny human faces|skin kept unravelling|eaten the last girl's face|"
     r"swollen hand)"),
    ("alcohol_to_child",
     r"(?:let|lets|letting|made|makes|dared|dares|allowed|allows|forced|forces|encouraged|told|"
     r"gave|gives|giving|poured|pours|pouring|handed|hands|offered|offers|slid|slides|passed|"
     r"passes|topped up|filled|served|serves) " + _CLAUSE + "{0,2}?" + _CHILD + r"(?:'s?)? "
     + _CLAUSE + "{0,5}?" + _ALCOHOL,
     r"(?:poured|gave|offered|handed|served|passed|slid) " + _CLAUSE + "{0,4}?" + _ALCOHOL
     + " " + _CLAUSE + "{0,2}?(?:to|for) " + _CHILD),
]
# fmt: on
