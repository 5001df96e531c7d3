# (multilingual word lists are the point of this file)
"""German child-safety word lists: `(category, severity, min_age, pattern, ...)` entries.

How to read and write them: `talestream.safety.lexicon` (the package docstring).
"""

from talestream.safety.lexicon.entry import NEVER, Concept, Entry

# fmt: off
ENTRIES: list[Entry] = [
    ("violence", "medium", 10, r"töt(?:en|et|ete|eten|est|e)(?! die zeit)", r"getötet",
     r"(?:ge)?toet(?:en|et|ete|eten)", r"moerder(?:in)?", r"umbring(?:en|t|e)",
     r"umgebracht", r"bring(?:t|e|en) (?:ihn|sie|dich|mich|euch|uns) um", r"mörder(?:in|innen|s)?",
     r"verprügel(?:n|t|te|ten|st)?", r"bis (?:er|sie|es) (?:blutete|bluteten|bewusstlos war|"
     r"sich nicht mehr (?:bewegte|rührte))"),
    ("violence", "medium", 12, r"ermord(?:en|et|ete|eten|ung)", r"mord(?:e|es|s)?",
     r"erstoch(?:en)?",
     r"ersticht", r"erstech(?:en)", r"erwürg(?:en|t|te)", r"leichen?", r"gewalt",
     # a dragon or a witch carrying off a princess is a fairy tale
     r"(?<!drache )(?<!hexe )(?<!riese )(?<!troll )(?<!zauberer )(?<!prinzessin )(?<!prinzen )"
     r"entführ(?:en|t|te|ung)"
     r"(?! (?:die|eine) (?:prinzessin|königstochter)\b)(?! (?:den|einen) prinzen\b)",
     r"missbrauch(?:t|te|en)?"),
    ("violence", "high", NEVER,
     r"(?:schnitt|schnitten|hackte|hackten) (?:ihm|ihr|ihnen) (?:die|den|das) (?:hand|hände|finger|"
     r"kopf|ohren|ohr|zunge|füße|fuß) ab",
     r"enthaupt(?:en|et|ete|ung)", r"köpf(?:en|te) (?:ihn|sie)",
     r"folter(?:n|t|te|ung)?", r"gefoltert", r"massaker", r"gemetzel", r"abschlacht(?:en|et|ete)",
     r"blutbad", r"blutlache", r"voller blut", r"blutverschmiert(?:e|en|er|es)?",
     r"zerstückel(?:n|t|te)"),
    ("violence", "low", 7, r"blut", r"blutig(?:e|en|er|es)?",
     r"blute(?:n|t|te)(?! (?:\w+ ){0,3}?aus der nase)",
     # "krieg ich ein Eis?", "ich krieg dich!": colloquial "kriegen" (to get), not war
     r"(?<!ich )(?<!du )(?<!er )(?<!sie )(?<!wir )krieg(?:es|s)?"
     r"(?! (?:ich|dich|du|ihn|es|das|ein|eine|einen|mal|nicht|noch|keine?n?)\b)"),
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
    ("drugs_alcohol", "low", 10, r"alkohol(?:isch|ische|ischen)?"),
    # A grown-up's glass is fine for a young child; a child given it is a frame (CONCEPTS).
    ("drugs_alcohol", "low", 5, r"bier(?:e|es)?", r"wein(?:es)?", r"sekt", r"champagner",
     r"cocktails?(?! aus (?:früchten|obst))"),
    # ... but a child's drink stays blocked below 10: a child in the same clause as the drink
    # (grown-ups in between end the clause: "the kids helped Dad carry the beer"), the drink
    # praised, pressed or laughed at in the sentence ("a real man finishes it", "grow big and
    # strong"; the child is often only a name), or in its own clause ("it was magic").
    ("drugs_alcohol", "medium", 10,
     r"(?:kinder|kindern|kind|jungs|jungen|mädchen|kleinen|schüler|sohn|tochter|enkel|"
     r"enkelin) (?:(?!(?:papa|mama|opa|oma|vater|mutter|onkel|tante|den erwachsenen|"
     r"die erwachsenen|erwachsenen) )(?!und |während |aber |dann )[\w']+ ){0,4}?(?:bier(?:e|es)?|"
     r"wein(?:es)?|sekt|champagner|cocktails?)",
     r"(?:bier(?:e|es)?|wein(?:es)?|sekt|champagner|cocktails?) (?:(?!und |während |aber |"
     r"dann )[\w']+ ){0,4}?(?:kinder|kindern|kind|jungs|mädchen)",
     r"(?:bier(?:e|es)?|wein(?:es)?|sekt|champagner|"
     r"cocktails?)\b[^.!?;:]{0,80}?\b(?:echte[rn]? (?:männer|mann|kerle?|jungs)|groß und stark|"
     r"torkel\w*|schwankt\w*|kotz\w*|übergeben|(?:drei|vier|fünf|sechs|sieben|acht|neun|"
     r"zehn) jahre alt)",
     r"(?:bier(?:e|es)?|wein(?:es)?|sekt|champagner|cocktails?) (?:(?!und |während |aber |"
     r"dann )[\w']+ ){0,5}?(?:stark|magisch\w*|zaubersaft|lustig|witzig|cool|mutig)"),
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

# ------------------------------------------------------------------------------- harm frames
# Concepts that are harmless alone and harmful together (core/frames.py says which together).
# Alcohol given to, poured for or pressed on a child: the giving, the child and the drink
# within a few words of one clause (the word-chain stops at "und", "während").
_CLAUSE = r"(?:(?!und |während |aber |dann )[\w']+ )"
_CHILD = (r"(?:die kleine|den kleinen|dem kleinen|der kleinen|die kinder|den kindern|das kind|"
          r"dem kind|den jungen|dem jungen|das mädchen|dem mädchen|seine tochter|seinen sohn|"
          r"seiner tochter|seinem sohn|ihre tochter|ihren sohn|ihrer tochter|ihrem sohn|"
          r"seinem enkel|seiner enkelin|den schiffsjungen|dem schiffsjungen|die kleinen)")
_ALCOHOL = (r"(?:bier|bierdose|wein|sekt|schnaps|rum|whisky|wodka|likör|alkohol|flachmann|"
            r"korn|glühwein|champagner|bierflasche|weinglas)")
CONCEPTS: list[Concept] = [
    ("injury_action",
     r"(?:knackte|knacken|knackend|zerquetschte|zerquetscht|"
     r"zerschmetterte|riss (?:\w+ ){0,3}(?:heraus|aus|ab)|ausgerissen|häutete|gehäutet|"
     r"drehte (?:\w+ ){0,3}um|schlitzte|zertrümmerte|zertrummerte|platzte)"),
    # Knees, backs and knuckles crack harmlessly ("knackte sein Knie", a finger set back): the
    # injury frame does not fire where a joint cracks.
    ("joint_crack",
     r"(?:knackte|knacken|knackten) (?:\w+ ){0,2}?(?:knie|knien|rücken|ruecken|gelenke?|"
     r"fingerknöchel|knöchel)",
     r"(?:knie|rücken|ruecken|gelenke?|fingerknöchel|knöchel) (?:\w+ )?"
     r"(?:knackte|knacken|knackten)", r"renkte (?:\w+ ){0,3}?ein"),
    ("body_part",
     r"(?:hals|genick|"
     r"schädel|schadel|kopf|wirbelsäule|knochen|rippen|augen|kehle|zähne|zahne|zunge|finger|"
     r"nägel|ohren|nase|haut|eingeweide|gehirn|gesicht|arme?|beine?|knie|handgelenke|rücken|"
     r"ruecken|bauch|brust|flügel|schwanz|pfoten)"),
    ("maiming",
     r"(?:bei lebendigem leib|noch lebendig|lebendig begraben)", r"(?:immer wieder|wieder und "
     r"wieder) (?:\w+ ){0,6}?bis (?:\w+ ){0,5}?(?:blut|blutete|rot|sich nicht mehr)",
     r"(?:voller|voll mit) blut", r"(?:blutverschmiert|blutüberströmt)\w*",
     r"(?:das )?blut spritzte",
     r"(?:zog|zieht|ziehen) (?:\w+ ){0,4}(?:das )?fell ab"),
    ("death_threat",
     r"niemand wird (?:dich|deine) (?:je |jemals )?(?:wiederfinden|finden|leiche|knochen)",
     r"(?:wirst du|du wirst) (?:\w+ ){0,4}?(?:sterben|nie mehr aufwachen|nicht mehr aufwachen)",
     r"(?:ich werde|wir werden|ich will) dich (?:\w+ )?(?:töten|toten|umbringen|begraben|"
     r"ertränken)", r"keiner wird dich (?:schreien hören|je wiedersehen|finden)"),
    ("body_remains",
     r"maden", r"(?:menschenfinger|kinderfinger|menschenfleisch|kinderhände|kinderhande)",
     r"(?:menschliche[rn]?|abgeschnittene[rn]?) (?:finger|hand|hände|hande|ohr|ohren|augen|"
     r"zähne|zahne|fleisch|knochen)"),
    ("food",
     r"(?:suppe|eintopf|brühe|bruhe|teller|kuchen|torte|brot|brötchen|topf|kühlschrank|"
     r"kuhlschrank|ofen|essen|abendessen|biss|aß|ass)"),
    ("ask_reader",
     r"(?:sag mir|gib mir|schick mir|schreib mir|verrat mir|frag|fragte)", r"(?:welche|welcher|"
     r"wo|wann|auf welche|in welcher) (?:ist|schule|straße|strasse|wohnst|hausnummer)"),
    ("personal_info",
     r"(?:deine|eure|welche) (?:adresse|hausnummer|anschrift)",
     r"(?:allein|alleine) nach hause", r"(?:passwort|kennwort|pin|geheimzahl|kartennummer|"
     r"kreditkarte|bankkarte|die nummer auf (?:der|mamas|papas) karte)",
     r"(?:wann|um wie viel uhr) (?:sind )?(?:deine )?(?:eltern|mama|papa) (?:\w+ ){0,2}"
     r"(?:weg|nicht da|aus dem haus|unterwegs)", r"(?:deine|die) telefonnummer"),
    ("secrecy",
     r"(?:sag|erzähl|erzahl) (?:es |das )?(?:\w+ )?(?:niemandem|keinem|nicht (?:deinen eltern|"
     r"deiner mama|deinem papa|den erwachsenen))", r"(?:unser|ein) (?:kleines )?geheimnis",
     r"ohne dass (?:deine eltern|jemand) (?:es )?(?:weiß|weiss|merkt)",
     r"niemand darf (?:es |das )?(?:wissen|erfahren)", r"(?:unter uns|zwischen uns)"),
    ("grown_ups", r"(?:eltern|mama|papa|erwachsenen|lehrerin|lehrer)"),
    ("surprise", r"(?:überraschung\w*|uberraschung\w*|geburtstag\w*|geschenk|geschenke|party|"
     r"weihnachten|kuchen)"),
    ("group",
     r"(?:ausländer|auslander|fremden|flüchtlinge|fluchtlinge|juden|muslime|zigeuner|"
     r"roma|schwarzen|araber|chinesen|schwule|homosexuellen|frauen|mädchen|madchen|armen|"
     r"behinderten|dicken)", r"(?:die leute|die menschen) (?:aus|von) (?:diesem|dem anderen|"
     r"jenem) (?:land|dorf)", r"(?:mit )?(?:dunkler|schwarzer) haut",
     r"(?:die )?(?:polen|türken|tuerken)"),
    ("generalizing",
     r"(?:sind|waren) (?:alle |immer |von natur aus |nun mal )?(?:\w+ )?(?:faul|schmutzig|"
     r"dreckig|diebe|dumm|dümmer|dummer|schwächer|schwacher|tiere|ratten|gefährlich|gefahrlich|"
     r"minderwertig|ekelhaft|verbrecher|lügner|lugner)", r"(?:können|konnen) nicht (?:rechnen|"
     r"lesen|denken)", r"(?:dürfen|durfen|sollen) (?:nicht|nie) (?:in unser|hier|lernen|spielen)",
     r"(?:sollen|sollten) (?:lieber )?(?:in der küche|in der kuche|zurück|zuruck)",
     r"(?:trau|vertrau) (?:\w+ )?nicht", r"weniger wert",
     r"(?:klauen|stinken)",
     r"wollen nur unser geld",
     r"halten (?:doch )?alle zusammen"),
    ("eat_less",
     r"(?:gar nichts|nichts mehr) (?:isst|essen|aß|ass)", r"(?:hör|hor|hörte|horte) auf zu essen",
     r"(?:lass|ließ|liess) (?:das )?(?:frühstück|fruhstuck|mittagessen|abendessen) (?:weg|aus)",
     r"(?:knurrt|knurrender) (?:dein |der )?magen",
     r"(?:rippen|kalorien) (?:zählen|zahlen|zählte)"),
    ("purge",
     r"(?:finger in den hals|wieder (?:heraus|raus)bringen|alles wieder heraus|übergib dich|"
     r"ubergib dich|erbrechen nach)"),
    ("body_image",
     r"(?:dünn|dunn|dünner|dunner|schlank|dick|hübsch|hubsch|hübscher|hubscher|gewicht|wiegen|"
     r"prinzessinnenkleid)", r"niemand (?:merkt|wird merken|weiß|weiss)"),
    ("self_injury",
     r"(?:tu dir weh|dir weh tun|schneid dich|ritz dich|ritzen|verbrenn dich|bestraf dich)",
     r"(?:etwas spitzes|eine klinge|eine nadel) (?:\w+ ){0,3}(?:arm|haut|bein|handgelenk)",
     r"(?:spring|springen|sprang) (?:von der|vom|aus dem) (?:brücke|brucke|dach|fenster)",
     r"(?:die narben|die schnitte|die spuren) (?:\w+ ){0,3}(?:ärmel|armel|niemand)",
     r"(?:alle|eine handvoll) (?:tabletten|pillen)", r"nie (?:wieder|mehr) aufwachen"),
    ("enjoy",
     r"(?:lachte|lachend|lachten|grinste|grinsend|lächelte|lachelte|klatschte|jubelte|genoss|"
     r"freute sich|der schönste tag|der schonste tag|spaß|spass)"),
    ("suffering",
     r"(?:gefangenen|gefangene) (?:\w+ ){0,4}(?:einen nach dem anderen|nacheinander|knien)",
     r"(?:das schreien (?:aufhörte|aufhorte)|hörte auf zu schreien|horte auf zu schreien)",
     r"(?:zündete|zundete) (?:\w+ ){0,3}(?:schwanz|katze|hund) an",
     r"(?:flehte|flehten|bettelte) um gnade", r"(?:kochenden|kochendes) (?:topf|öl|ol|wasser)",
     r"(?:sah|sahen|zusehen) (?:\w+ ){0,2}(?:sterben|leiden|brennen|bluten)",
     r"bis er platzte",
     r"bis es platzte"),
    ("sexual_idiom",
     r"(?:trieben es|treiben es|es miteinander treiben)", r"(?:im bett landen|landete (?:\w+ ){0,4}"
     r"im bett)", r"(?:zogen|zog) (?:\w+ ){0,2}(?:einander|sich) (?:hastig )?(?:die )?kleider aus",
     r"(?:miteinander geschlafen|miteinander schlafen|schlief mit|schliefen miteinander)",
     r"(?:was sie unter|was er unter) (?:\w+ ){0,2}(?:rock|kleid)", r"(?:stöhnend|stohnend|"
     r"stöhnten|stohnten)", r"(?:die ganze nacht) (?:\w+ )?(?:im bett|zusammen)",
     r"(?:nackt im bett|ohne kleider)", r"(?:ins bett zerren|ins bett gezerrt|ins schlafzimmer)",
     r"(?:eine )?nummer schieben",
     r"schoben (?:\w+ ){0,4}eine nummer",
     r"halbnackte"),
    ("substance",
     r"(?:bunte pille|bunten pillen|weiße pulver|weisse pulver|weißes pulver|weisses pulver|"
     r"joint|joints|schnaps|wodka|whisky|koks|schnupfen|kiffen)",
     r"weißem pulver",
     r"weissem pulver"),
    ("glamour",
     r"(?:cool|coolen|erwachsen|mutig|magisch|beliebt|lustig|fliegen|superstark|auf ex)"),
    ("weapon_object",
     r"(?:gewehr|pistole|knarre|küchenmesser|kuchenmesser|messer|klinge|schraubenzieher|"
     r"schlagring|glasscherben|benzin|waffe)",
     r"klappmesser",
     r"schwarze[ns]? (?:und )?schwere[ns]? (?:ding|sache)"),
    # The safety lesson ("if you find a gun, don't touch it, tell a grown-up") is no
    # encouragement: the frame "weapon encouraged" does not fire with it.
    ("weapon_safety",
     r"(?:fass|fasst|fassen) (?:sie|es|ihn|die \w+|das \w+|den \w+) (?:nicht|niemals|nie) an",
     r"(?:sag|sagt|sage|hol|holt) (?:\w+ ){0,3}?(?:einem erwachsenen|einer erwachsenen|"
     r"deinen eltern|der lehrerin|dem lehrer)"),
    ("weapon_use",
     r"(?:in die schule|zur schule|in der schule|in die klasse)", r"(?:zielen|ziel|stechen|"
     r"stich|drohen|einschüchtern|einschuchtern)", r"(?:in der socke|im rucksack|im ärmel|im "
     r"armel)", r"(?:jeden|alle|die) (?:der|die) dich",
     r"an (?:den|die) (?:hals|kehle)",
     r"zielte"),
    ("swear_euphemism",
     r"(?:halt die fresse|leck mich|schimpfwörter|schimpfworter|mittelfinger|verpiss dich)"),
    ("body_horror",
     r"(?:obere hälfte|oberteil) (?:seines|ihres) kopfes"),
    ("drug_use",
     r"schnupf",
     r"zieh (?:dir )?(?:eine|was)"),
    ("bribe",
     r"(?:versprach|verspricht|schenkt) (?:[\w',]+ ){0,8}wenn (?:sie|er|du)"),
    # Round 3 (harm in new words): the same concepts in more of the words a story uses.
    ("injury_action",
     r"(?:zerdrück(?:te|ten|t|en)|zertrat|zertreten|zertritt|rissen|riss|zerquetsch(?:te|t|en)|"
     r"zog (?:ihm|ihr)|drehte (?:ihm|ihr))"),
    ("body_part",
     r"(?:faust|haare|kopfhaut|schwanz|das auge|die augen|an den ohren|zähne|fingernägel)"),
    ("maiming",
     r"(?:so lange|bis) (?:\w+ ){0,3}(?:geschüttelt|geschlagen|getreten|gedrückt),? bis "
     r"(?:es|er|sie) sich nicht mehr",
     r"stück für stück ab", r"(?:einen|eins|eine) nach (?:dem|der) anderen",
     r"rohe,? nasse stellen", r"mit einem stein das auge"),
    ("enjoy", r"(?:johlten|johlte|pfiff dabei|lachte dabei|klatschte|schenkte er)"),
    ("suffering", r"(?:als er strampelte|als sie strampelte|in käfige sperren|zertritt)"),
    ("death_threat",
     r"(?:morgen|heute nacht) (?:früh )?(?:ist|bleibt) dein (?:bett|platz|stuhl) leer",
     r"(?:er|sie|es) (?:ziehe|zieht|holt) jedes kind", r"dein gesicht tragen",
     r"(?:morgen|heute nacht) würde es \w+ gesicht tragen", r"du bist (?:die|der) nächste",
     r"(?:wollen|will) (?:dich|sie|ihn) (?:nachts )?auffressen"),
    ("body_remains",
     r"(?:ein kleiner zeh|ein zeh|ein finger|ein ohr|ein glas voller zähne|voller zähne|"
     r"ein kindergesicht|ohne augen)"),
    ("food",
     r"(?:adventskalender|kühlschrank|laterne|kakao|pausenbrot|kuchen|suppe|teller)"),
    ("body_horror", r"fremde in deren haut", r"(?:kletterte|kroch) etwas (?:nasses|kaltes)"),
    ("ask_reader",
     r"(?:wollte wissen|schick mir|schicke mir|schreib mir)",
     r"(?:bist du gerade|bist du jetzt)"),
    ("personal_info",
     r"(?:ersatzschlüssel|reisepass|klingelschild|dein haus von außen|allein zu hause|"
     r"in urlaub fährt|das haus leer|hinter der hecke)"),
    ("secrecy",
     r"(?:ohne die erzieherin|ohne deine eltern|ohne mama|ohne papa|von dem seine eltern nichts|"
     r"ohne dass (?:deine|seine|ihre) eltern)"),
    ("grown_ups", r"(?:erzieherin|eltern|mama|papa|lehrerin|lehrer)"),
    ("eat_less",
     r"(?:lässt das abendessen weg|teller wegschob|ein knäckebrot am tag|esse nur noch|"
     r"iss nur,? was|nichts essen|das essen weglassen|jede rippe zählen)"),
    ("body_image",
     r"(?:prinzessin|leichter|schönheit|so zart|genau richtig|dünner|schlanker)"),
    ("self_injury",
     r"(?:selbst bestrafen|bestraf dich|bis es richtig wehtut)",
     r"(?:verschwinden|nur im echten leben)"),
    ("substance",
     r"(?:bowle|bunte kügelchen|braunen fläschchen|schnupfpulver|flachmann|seltsamen grauen pilzen|"
     r"pilzen|getrockneten kräutern|tütchen)"),
    ("glamour",
     r"(?:farben hören|jeden kummer|schlauer als|traue ich mich|über den wald fliegen|"
     r"sein kumpel|in einem zug)"),
    ("drug_use",
     r"(?:der kinder|den kindern|ließ \w+ davon probieren|mitraucht|eine prise|heimlich einen "
     r"schluck|dem kleinen|der kleinen)"),
    ("weapon_object",
     r"(?:klappmesser|teppichcutter|schießeisen|löffelstiel|harpune|cuttermesser|"
     r"taschenmesser|springmesser|axt|was \w+ (?:\w+ ){0,4}abgekauft hatte|m3ss3r)"),
    ("weapon_use",
     r"(?:im schulbus|auf den schulbus|in der großen pause|für die pause|in die socke|im "
     r"federmäppchen|ist marie dran|dran sei|sei \w+ dran|bereit für|auf den neuen|wenn er das "
     r"geld|bis er spitz war)"),
    # Broad word classes (weapons, substances, eating less), written without looking at misses.
    ("weapon_object",
     r"(?:messer|küchenmesser|taschenmesser|butterflymesser|rasierklinge|klinge|schraubenzieher|"
     r"nagel|nägel|nadel|zirkel|baseballschläger|schläger|ziegelstein|hammer|beil|machete|"
     r"luftgewehr|schreckschusspistole|zwille|steinschleuder|armbrust|schlagring|elektroschocker|"
     r"pfefferspray|böller|feuerzeug|benzin|knarre)"),
    ("weapon_use",
     r"(?:in der pause|auf dem pausenhof|auf dem schulhof|im schulbus|in den schulbus|"
     r"im turnbeutel|im ranzen|im schulranzen|in den ranzen|im spind|im schuh|unter dem kissen|"
     r"unter der matratze|der (?:ihn|sie) ausgelacht|die (?:ihn|sie) ausgelacht|der ihn geärgert|"
     r"die sie geärgert|der (?:ihm|ihr) \w+ weggenommen|den neuen|die neue|wird es bereuen|"
     r"werden es bereuen|eine lektion|heimzahlen|bedrohte|bedrohen|drohte|abstechen|zustechen)"),
    ("substance",
     r"(?:pillen|tabletten|pulver|rauch|vape|joint|gras|kräuter|pilze|hustensaft|kleber|"
     r"lachgas|schnaps|likör|kurze|papas flasche|papas glas|erwachsenensaft)"),
    ("glamour",
     r"(?:cool|mutig|erwachsen|wie die großen|lustig|fliegen|schweben|farben|glücklich|"
     r"stark|unbesiegbar|magisch|zauberhaft)"),
    ("drug_use",
     r"(?:dem kleinen|der kleinen|den kleinen|dem kind|den kindern|dem baby|den schülern|"
     r"in der pause|probier|probiere|schluck|schlucken|zieh|inhalier|rauch mal|nimm)"),
    ("eat_less",
     r"(?:lass (?:das )?(?:frühstück|mittagessen|abendessen) weg|ohne frühstück|ohne abendessen|"
     r"nur wasser|nur einen apfel|das essen wegwerfen|warf das essen|das essen verstecken|"
     r"versteckte das essen|leerer teller|kalorien zählen|fasten|nichts essen|hungern)"),
    ("body_image",
     r"(?:dünn|dünner|dünne|schlank|schlanker|dick|dicke|dicker|leicht|leichter|perfekt|"
     r"model|models|ballerina|tänzerin|die rippen|das kleid|belohnung|sternchen)"),
    ("alcohol_to_child",
     r"(?:ließ|liess|lässt|laesst|gab|gibt|schenkte|schenkt|goss|gießt|giesst|bot|bietet|"
     r"reichte|reicht|zwang|zwingt|drängte|draengte|schob|schiebt|machte) " + _CLAUSE
     + "{0,2}?" + _CHILD + " " + _CLAUSE + "{0,5}?" + _ALCOHOL),
]
# fmt: on
