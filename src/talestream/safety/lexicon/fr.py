# (multilingual word lists are the point of this file)
"""French child-safety word lists: `(category, severity, min_age, pattern, ...)` entries.

How to read and write them: `talestream.safety.lexicon` (the package docstring).
"""

from talestream.safety.lexicon.entry import NEVER, Concept, Entry

# fmt: off
ENTRIES: list[Entry] = [
    ("violence", "medium", 10,
     r"tu(?:er|e|es|ent|ait|aient|a|èrent|era|erai|erais|erait|eront|é|ée|és|ées|ant|eur|eurs)"
     r"(?!-(?:tête|mouches?))(?! le temps)",  # "à tue-tête" is loudly; "tuer le temps"
     r"assassin(?:er|é|ée|és|at|ats|e|s)?"),
    ("violence", "medium", 12,
     r"meurtr(?:e|es|ier|iers|ière|"
     r"ières)(?<!les meurtrières)(?<!des meurtrières)(?<!aux meurtrières)",
     r"poignard(?:er|é|ée|a|ait)",
     r"étrangl(?:er|é|ée|a|ait)", r"cadavres?",
     r"violence(?! (?:de la|du) (?:tempête|vent|pluie|orage))",
     r"enlev(?:er|é|ée) (?:un|une|des) enfants?",
     r"jusqu'à ce qu'(?:il|elle|ils|elles) (?:saigne|saignent|ne bouge plus|s'évanouisse)",
     r"roué(?:e|s|es)? de coups", r"tabass(?:er|é|ée|és|a|ait|aient)",
     r"kidnapp(?:er|é|ée|eur|eurs)"),
    ("violence", "high", NEVER,
     r"(?<!s'est )(?<!s'était )(?<!se )(?:lui |leur |me |te )?(?:coup(?:er|é|a|ait|èrent)|"
     r"trancher|tranch(?:é|a|ait)) "
     r"(?:la tête|les mains|la main|les doigts|le doigt|les oreilles|l'oreille|la langue)",
     r"décapit(?:er|é|ée|a|ation)", r"tortur(?:e|es|er|é|ée|a|ait)",
     r"massacr(?:e|es|er|é|ée|a)", r"égorg(?:er|é|ée|ea|eait)", r"démembr(?:er|é|ée)",
     r"mare de sang", r"couvert(?:e|s|es)? de sang", r"bain de sang"),
    ("violence", "low", 7, r"(?<!pur-)(?<!demi-)sang(?!-froid)(?!-mêlé)", r"sanglant(?:e|s|es)?",
     r"saign(?:er|e|ait|ant|ante)(?! du nez)",
     # (a play fight is not war: pillows, snowballs, water bombs)
     r"guerres?(?! de (?:boules de neige|polochons|oreillers|coussins|chatouilles|bombes à eau|"
     r"eau|nourriture|bisous))"),
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
    ("weapons", "medium", 12, r"pistolets?(?! à (?:eau|bulles|colle|peinture)|"
     r" spatial)", r"fusils?",
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
    ("drugs_alcohol", "low", 10, r"alcool"),
    # A grown-up's glass is fine for a young child; a child given it is a frame (CONCEPTS).
    ("drugs_alcohol", "low", 5, r"bières?", r"vin", r"vins", r"champagne",
     r"cocktails?(?! de fruits)"),
    # ... but a child's drink stays blocked below 10: a child in the same clause as the drink
    # (grown-ups in between end the clause: "the kids helped Dad carry the beer"), the drink
    # praised, pressed or laughed at in the sentence ("a real man finishes it", "grow big and
    # strong"; the child is often only a name), or in its own clause ("it was magic").
    ("drugs_alcohol", "medium", 10,
     r"(?:enfants|enfant|gamins?|gamines?|garçons?|fillettes?|fils|fille|filles) (?:(?!(?:papa|"
     r"maman|papi|mamie|grand-père|grand-mère|père|mère|tonton|tata|les adultes|les grands|"
     r"adultes) )(?!et |pendant |mais |puis )[\w']+ ){0,4}?(?:bières?|vins?|champagne|cocktails?)",
     r"(?:bières?|vins?|champagne|cocktails?) (?:(?!et |pendant |mais |"
     r"puis )[\w']+ ){0,4}?(?:enfants|enfant|gamins?|gamines?|garçons?|fillettes?)",
     r"(?:bières?|vins?|champagne|cocktails?)\b[^.!?;:]{0,80}?\b(?:vrais? hommes?|vrais? grands|"
     r"grands garçons|grandir|forts? comme|tituber|titubai\w*|rouler sous la table|vomir|(?<!-)(?:"
     r"trois|quatre|cinq|six|sept|huit|neuf|dix) ans|faire pareil|jus pour|plus heureu(?:x|ses)|"
     r"(?:fait|fit|faire) boire)",
     r"(?:bières?|vins?|champagne|cocktails?) (?:(?!et |pendant |mais |"
     r"puis )[\w']+ ){0,5}?(?:magiques?|drôles?|hilarant\w*|rigolo\w*|cool|courageux)",
     r"(?:fait|fit|faire|faisait|forcé|força|obligé|obligea) (?:(?!et |pendant |mais |"
     r"puis )[\w']+ ){0,2}?(?:boire|finir|avaler) (?:(?!et |pendant |mais |"
     r"puis )[\w']+ ){0,3}?(?:bières?|vins?|champagne|cocktails?)"),
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

# ------------------------------------------------------------------------------- harm frames
# Concepts that are harmless alone and harmful together (core/frames.py says which together).
# Alcohol given to, poured for or pressed on a child: the giving, the child and the drink
# within a few words of one clause (the word-chain stops at "et", "pendant").
_CLAUSE = r"(?:(?!et |pendant |mais |puis )[\w']+ )"
_CHILD = (r"(?:(?:à |a |aux |au )?(?:la petite|le petit|les petits|les enfants|enfants|l'enfant|"
          r"enfant|petit|petite|le gamin|la gamine|les gamins|sa fille|son fils|sa petite-fille|"
          r"son petit-fils|le mousse|mousse))")
_ALCOHOL = (r"(?:bière|biere|vin|champagne|pastis|rhum|whisky|vodka|alcool|liqueur|gnôle|gnole|"
            r"schnaps|cognac|apéro|apero|flasque|bouteille des (?:grands|adultes))")
CONCEPTS: list[Concept] = [
    ("injury_action",
     r"(?:brisa|brise|brisé|brisee|briser|craqua|craquement|fracassa|fracassé|écrasa|"
     r"ecrasa|écrasé|ecrase|arracha|arraché|arrache|écorcha|ecorcha|écorché|ecorche|tordit|"
     r"tordu|éventra|eventra|creva|crevé|creve)"),
    ("body_part",
     r"(?:nuque|cou|crâne|crane|tête|tete|colonne|"
     r"os|côtes|cotes|yeux|œil|oeil|gorge|dents|langue|doigts|ongles|oreilles|nez|peau|"
     r"entrailles|cerveau|visage|bras|jambes?|genoux|poignets|dos|ventre|poitrine|ailes|queue|"
     r"pattes)"),
    ("maiming",
     r"(?:écorch|ecorch|brûl|brul|enterr|bouilli|cuit)\w* (?:\w+ ){0,3}vivante?s?",
     r"(?:encore et encore|sans s'arrêter|sans s'arreter) "
     r"(?:\w+ ){0,6}?jusqu'(?:à|a) (?:ce qu'?)?(?:\w+ ){0,5}?(?:sang|saigne|rouge|ne bouge)",
     r"(?:couvert|couverte|couverts|plein|pleine|rouge) de sang",
     r"(?:le )?sang (?:gicla|giclait|jaillit|jaillissait)"),
    ("death_threat",
     r"personne ne (?:retrouvera|trouvera) (?:jamais )?(?:ton|tes) (?:corps|os)",
     r"(?:tu vas mourir|tu mourras|tu ne te réveilleras|tu ne te reveilleras)",
     r"(?:je vais|on va|nous allons) te (?:tuer|enterrer|noyer)",
     r"personne ne te (?:reverra|retrouvera)"),
    ("body_remains",
     r"asticots", r"(?:des )?vers (?:grouill|sortai|rampai)\w*",
     r"(?:doigts?|oreilles?|yeux|mains?|dents|chair) (?:humain(?:e|s|es)?|"
     r"d'enfants?)", r"(?:un|une) (?:doigt|oreille|œil|oeil|dent) (?:humain|humaine|coupé|coupee)"),
    ("food",
     r"(?:soupe|ragoût|ragout|bouillon|assiette|gâteau|gateau|tarte|sandwich|pain|marmite|"
     r"frigo|four|repas|dîner|diner|déjeuner|dejeuner|mordit|mangea|manger|croqua)"),
    ("ask_reader",
     r"(?:dis-moi|donne-moi|envoie-moi|écris|ecris|raconte-moi|demande|demanda|demande à|"
     r"demande a)", r"(?:quelle|quel|où|ou|quand|à quelle|a quelle) (?:est|école|ecole|heure|"
     r"habites|rue)"),
    ("personal_info",
     r"(?:ton|ta|votre) adresse",
     r"(?:tu )?rentres? (?:tout |toute )?seul(?:e)?", r"(?:mot de passe|code secret|code de la "
     r"carte|carte bancaire|carte bleue|numéro de (?:la )?carte|numero de (?:la )?carte|"
     r"code pin)", r"(?:quand|à quelle heure|a quelle heure) (?:tes )?(?:parents|papa|maman) "
     r"(?:\w+ ){0,2}(?:sortent|partent|absents|pas là|pas la)",
     r"(?:ton|le) (?:numéro|numero) de (?:téléphone|telephone)",
     r"à quelle heure (?:\w+ ){0,2}(?:rentr|sort|fini)\w*"),
    ("secrecy",
     r"(?:ne le dis|ne dis rien|n'en parle) (?:\w+ ){0,2}?(?:à personne|a personne|à tes parents|"
     r"a tes parents|à ta maman|a ta maman|à ton papa|a ton papa|aux adultes)",
     r"(?:notre|un) (?:petit )?secret", r"sans que (?:tes parents|personne) (?:le )?(?:sache|"
     r"sachent)", r"personne ne doit (?:le )?savoir", r"(?:entre toi et moi|entre nous)"),
    ("grown_ups",
     r"(?:parents|maman|papa|adultes|grandes personnes|maîtresse|maitresse)"),
    ("surprise", r"(?:surprise|anniversaire|cadeau|cadeaux|fête|fete|noël|noel|gâteau|gateau)"),
    ("group",
     r"(?:immigrés|immigres|étrangers|etrangers|réfugiés|refugies|juifs|musulmans|"
     r"gitans|roms|noirs|arabes|chinois|homosexuels|gays|femmes|filles|pauvres|handicapés|"
     r"handicapes|gros)", r"(?:les gens|ceux) de (?:ce|cette|l'autre) (?:pays|village|religion|"
     r"couleur)", r"(?:à la |a la )?peau (?:noire|foncée|foncee|mate)"),
    ("generalizing",
     r"(?:sont|étaient|etaient|naissent) (?:tous |toutes |toujours |nés |nes |nées |nees )?"
     r"(?:\w+ )?(?:sales|fainéants|faineants|voleurs|voleuses|bêtes|betes|faibles|animaux|rats|"
     r"dangereux|inférieurs|inferieurs|dégoûtants|degoutants|criminels|menteurs)",
     r"(?:ne devraient|ne doivent) (?:jamais|pas) (?:avoir le droit|apprendre|vivre|jouer)",
     r"(?:retourner|rentrer) (?:dans|chez) (?:leur|eux)", r"(?:ne fais pas|ne fais jamais) "
     r"confiance", r"valent moins"),
    ("eat_less",
     r"(?:ne mangent pas|ne mange pas|ne mange rien|arrête de manger|arrete de manger|arrêter de "
     r"manger|sans manger|saute le|sauter le|sauter les repas)", r"(?:ton|son) ventre gargouille",
     r"(?:compter|compte|comptait) (?:ses |les )?(?:côtes|cotes|calories)"),
    ("purge",
     r"(?:mets|mettre|mit) (?:tes |ses |les )?doigts au fond de (?:ta |sa |la )?gorge",
     r"(?:vomir|vomis|vomissait) (?:après|apres)"),
    ("body_image",
     r"(?:jolie|joli|mince|maigre|grosse|gros|plus jolie|peser|poids)",
     r"personne ne (?:saura|remarquera)"),
    ("self_injury",
     r"(?:fais-toi mal|te faire mal|coupe-toi|te couper|brûle-toi|brule-toi|punis-toi)",
     r"(?:quelque chose de pointu|une lame|une épingle|une epingle) (?:\w+ ){0,3}(?:bras|peau|"
     r"jambe|poignet)", r"(?:sauter|saute|saute du) (?:du|d'un|de la|depuis le) (?:pont|toit|"
     r"fenêtre|fenetre)", r"(?:les marques|les coupures) (?:\w+ ){0,3}(?:manches|personne)",
     r"(?:toutes les|une poignée de|une poignee de) (?:pilules|cachets|médicaments|medicaments)",
     r"ne plus jamais (?:te )?réveiller",
     r"tout serait plus (?:calme|simple|tranquille) s'"),
    ("enjoy",
     r"(?:riait|rit|riant|en riant|souriait|sourit|souriant|applaudit|applaudissait|adorait|"
     r"s'amusait|la meilleure journée|la meilleure journee|le meilleur jour)"),
    ("suffering",
     r"(?:prisonniers|captifs) (?:\w+ ){0,4}(?:l'un après l'autre|l'un apres l'autre|un par un|"
     r"à genoux|a genoux)", r"(?:cessèrent de crier|cesserent de crier|arrêta de crier|arreta de "
     r"crier|les cris cessèrent)", r"(?:mit|mettre) le feu (?:à|a) (?:la queue|au chat|au chien)",
     r"(?:suppliait|suppliaient|implorait) (?:\w+ )?(?:pitié|pitie|grâce|grace)",
     r"(?:marmite bouillante|huile bouillante)", r"(?:regardait|regarder) (?:\w+ )?(?:mourir|"
     r"souffrir|brûler|bruler|saigner)",
     r"(?:jetant|jetaient|jeta) les prisonniers",
     r"ficelle autour du cou"),
    ("sexual_idiom",
     r"(?:se rouler|se roulant|roulés|roules) dans le foin", r"(?:faire|firent|faisaient|fait) "
     r"l'amour", r"(?<!se )(?<!s'est )(?<!s'était )(?<!me suis )(?:coucher|couché|couche|couchait|"
     r"couchaient) avec",
     r"(?:ce qu'elle cachait|ce qu'il y avait) sous", r"(?:en gémissant|gémissaient|gemissaient)",
     r"(?:s'arrachèrent|s'arracherent|arrachèrent|arracherent) (?:leurs )?vêtements",
     r"(?:passé|passe|passèrent|passerent) (?:toute )?la nuit (?:ensemble|dans (?:son|le) lit)"
     r"(?!,? (?:sous|dans) (?:une|la|leur) (?:\w+ )?(?:tente|cabane))",
     r"(?:s'envoyer en l'air|s'envoyaient en l'air|prendre du bon temps)",
     r"(?:sans rien sur le dos|tout nus? dans le lit)",
     r"tir(?:er|é|e) un coup(?! d(?:e |'))",
     r"grimper aux rideaux",
     r"batifol\w*",
     r"à moitié nues"),
    ("substance",
     r"(?:poudre blanche|petite poudre|gnôle|gnole|vodka|whisky|sniffer|sniffé|sniffe|"
     r"une ligne de)"),
    ("glamour",
     r"(?:cool|stylés?|vrais grands|courageux|magique|populaire|marrant|cul sec)"),
    ("weapon_object",
     r"(?:fusil|pistolet|revolver|couteau|canif|lame|tournevis|bout pointu|batte à clous|"
     r"batte a clous|verre cassé|verre casse|essence|une arme|l'arme)",
     r"cran d'arrêt",
     r"objet noir et lourd"),
    # The safety lesson ("if you find a gun, don't touch it, tell a grown-up") is no
    # encouragement: the frame "weapon encouraged" does not fire with it.
    ("weapon_safety",
     r"ne (?:la |le |les |l')?touche(?:z)? (?:pas|jamais)",
     r"(?:préviens|prévenez|prévenir|dis-le à|le dire à) (?:\w+ ){0,3}?(?:un adulte|un grand|"
     r"la maîtresse|le maître|tes parents)"),
    ("weapon_use",
     r"(?:à l'école|a l'ecole|en classe|au collège|au college)", r"(?:viser|vise|visa|"
     r"planter|plante-le|faire peur|menacer)", r"(?:dans ta chaussette|dans ton sac|dans ta "
     r"manche)", r"(?:celui qui|ceux qui) (?:te|se)",
     r"contre (?:la|sa) gorge",
     r"sous (?:le|son) menton"),
    ("swear_euphemism",
     r"(?:fils de ta mère|fils de ta mere|jurons|gros mots|le mot en m|doigt d'honneur|"
     r"va te faire)"),
    ("body_horror",
     r"haut de son crâne"),
    ("drug_use",
     r"renifle",
     r"sniffe"),
    ("bribe",
     r"(?:promit|promet|donnera|donnerait) (?:[\w',]+ ){0,8}si (?:elle|il|tu)"),
    # Round 3 (harm in new words): the same concepts in more of the words a story uses.
    ("injury_action",
     r"(?:piétin(?:a|é|ait|er)|"
     r"broy(?:a|é|ait|er)|déchir(?:a|é|ée|ait|er)|déchiquet(?:a|é|er|aient)|tranch(?:a|é|er)|"
     r"écrabouill(?:a|é|er)|ébouillant(?:a|é|er)|tailld(?:a|é|er)|taillad(?:a|é|er)|"
     r"mordu|mordit|projet(?:a|é) contre|frapp(?:a|é|ait) (?:\w+ ){0,2}avec)"),
    ("body_part",
     r"(?:pouces|mâchoire|lèvres|épaule|crâne du|tête du|tête de|cou de|yeux du|yeux de|mains de|"
     r"poignets|pieds nus|la patte|une patte|les pattes)"),
    ("maiming",
     r"(?:plum|dépec|jet)\w* (?:\w+ ){0,3}(?:vivante?s?|dans le feu|dans les flammes|dans le four)",
     r"pour l'entendre (?:hurler|crier|pleurer)",
     r"sans eau (?:\w+ ){0,3}(?:pour le punir|pour la punir|en plein soleil)",
     r"(?:la soupe|l'eau|l'huile) bouillante sur"),
    ("enjoy", r"(?:ravi|ravie|applaudit|applaudissait|en chantant|riaient|rigolait)"),
    ("suffering",
     r"(?:à chaque cri|a chaque cri|sur les braises|hurler de douleur|demandait pitié)"),
    ("death_threat",
     r"ce soir,? ce sera (?:toi|ton tour)", r"(?:il|elle) reste une place", r"c'est le tien",
     r"tu seras (?:le|la) prochaine?", r"ta chaise (?:\w+ ){0,3}sera vide",
     r"(?:il te reste|tu as encore) (?:\w+ ){0,2}(?:minutes|heures|jours|nuits) à vivre",
     r"tu ne (?:respireras|te réveilleras|verras) plus",
     r"je (?:viendrai|reviendrai) te (?:chercher|prendre)",
     r"(?:je t'empêcherai|l'empêcherai|t'empêcher) de respirer"),
    ("body_remains",
     r"(?:une langue|une dent humaine|des petites mains|les morceaux des autres|des dents)",
     r"(?:le petit|la petite) \w+ (?:\w+ ){0,2}(?:celui|celle) qui a disparu",
     r"des mouches", r"les bocaux"),
    ("food",
     r"(?:pain au chocolat|hachis|tartine|bocaux|croissant|cantine|goûter)"),
    ("body_horror",
     r"(?:la peau|le ventre) (?:\w+ ){0,3}se fendit",
     r"(?:vers|mouches|doigts noirs) (?:\w+ ){0,2}sortai(?:en)?t (?:des|de ses|de la|de l')",
     r"les murs (?:\w+ )?saignaient"),
    ("ask_reader",
     r"(?:prends en photo|prends une photo|photographie|lis-moi|envoie|tape|tapes|va chercher)",
     r"(?:comment s'appelle|par quelle porte|à quelle heure)"),
    ("personal_info",
     r"(?:chéquier|portefeuille|les chiffres de la carte|chiffres au dos|date d'expiration|"
     r"mot de passe|code du téléphone|la clé sous|cachez la clé|travaille de nuit|ta maîtresse)",
     r"(?:rentre|rentrent|sort|sortent|part|partent) à quelle heure",
     r"en cachette la nuit", r"(?:ton|ta|tes) (?:papa|maman|parents?|mère|père) "
     r"(?:\w+ ){0,2}(?:rentre|rentrent|travaille|travaillent) (?:\w+ ){0,3}(?:heure|nuit)"),
    ("secrecy",
     r"(?:sans le dire à personne|sans rien dire (?:aux|à tes) (?:parents|adultes))",
     r"(?:ne dis pas|ne le dis pas) (?:à|a) (?:maman|papa|tes parents)",
     r"(?:n'y verront|ne verront|ne comprendraient) (?:que du feu|pas|rien)"),
    ("grown_ups", r"(?:les grands|tes parents|ta mère|ton père)"),
    ("group",
     r"(?:les roms|les asiatiques|les familles musulmanes|ces gens-là|ceux qui prient|"
     r"les gens (?:à la peau|d'ailleurs|du nord|du sud))"),
    ("generalizing",
     r"(?:ne veulent pas travailler|mauvais par nature|pas dignes de confiance|"
     r"(?:sont|étaient) (?:tous |toutes )?(?:hypocrites|méchants|méchantes|malsains?|mauvais)|"
     r"il faudrait les (?:chasser|renvoyer)|juste de les détester|faits de boue|"
     r"ne peuvent pas être)"),
    ("eat_less",
     r"(?:sautait|sautais|sauter|saute) (?:un |le |les |encore le )?(?:repas|déjeuner|dîner|"
     r"petit-déjeuner)", r"(?:avoir faim|ventre vide|seulement de l'eau)",
     r"(?:ne mérites pas|tu ne mérites pas) de (?:dîner|manger|goûter)",
     r"(?:ne jamais|jamais) finir son assiette", r"(?:jeter|jette|cache) (?:son |ton |ta )?"
     r"(?:goûter|viande|repas|assiette)"),
    ("body_image",
     r"(?:beauté|ventre plat|les gagnantes|fière|sans rien dire aux parents|"
     r"n'y verront que du feu)"),
    ("self_injury",
     r"(?:soulagée?s?|plus paisible|plus heureuse?s?|plus calme) (?:si (?:elle|il|tu) ne se|"
     r"s'(?:il|elle) s'endormait|sans (?:toi|elle|lui))",
     r"(?:s'endormait|t'endormir|dormir|t'endors) pour toujours",
     r"les marques que tu te fais", r"sers-t'en sur tes (?:bras|jambes|poignets)",
     r"tout arrêter pour de bon"),
    ("substance",
     r"(?:calva|génépi|panaché|pastis|mousseux|pétard|timbres colorés|petits timbres|"
     r"poudre dorée|poudre magique|poussière de fée|petits cachets|gaz hilarant|les feutres|"
     r"bonbons? (?:qui font rire|de rêve)|feuilles? (?:bizarres?|étranges?|magiques?))"),
    ("glamour",
     r"(?:liberté|la meilleure (?:nuit|soirée) de leur vie|plus rien ne me fait peur|tradition|"
     r"on devient un homme|la plus drôle|danseras toute la nuit|tout mou et rigolo|"
     r"les murs se mettraient|voir les chevaux|club des cools)"),
    ("drug_use",
     r"(?:aux gamins|aux enfants|aux cousins|aux CM\d|aux CE\d|les enfants en redemandaient|"
     r"sur la langue|tituber|gobe|la fumait|roule un|respires le|sniffer)"),
    ("weapon_object",
     r"(?:cutter|hachoir|machette|lame de rasoir|flingue|goulot|hache|coup-de-poing américain|"
     r"ciseaux|ce qu'il avait acheté|ce que \w+ avait acheté|le truc qui fait (?:boum|pan)|"
     r"quelque chose qui explose|cocktail incendiaire|règle en plastique en pointe|"
     r"couteau de cuisine|lame bien affûtée)"),
    ("weapon_use",
     r"(?:dans sa trousse|dans ta trousse|dans son cartable|dans ton cartable|dans son casier|"
     r"dans mon casier|dans sa botte|dans sa chaussette|dans sa valise|sous le lit|"
     r"à la récré|pour la récré|à la cantine|au cours de|en colo|de la colo|la classe verte|"
     r"qui se moquait|qui lui volait|prochaine bagarre|une bagarre|a menacé|taillader|"
     r"pour la fille|pour le garçon|pour les filles|pour les garçons|par la poste|"
     r"faire sauter|lancer sur|appuie sur la détente)"),
    # Broader words for the same concepts (from the older corpus's misses; checked on round3).
    ("injury_action",
     r"(?:brûla|brûlait|cloua|clouèrent|écrasant)"),
    ("maiming",
     r"(?:cloua|clouèrent|cloué|clouée) (?:\w+ ){0,2}(?:mains|pieds|pattes|oreilles)",
     r"jusqu'(?:à|a) ce qu'(?:elle|il) ne se rel(?:ève|eve|evât) plus",
     r"arracha un morceau de (?:joue|peau|bras)",
     r"(?:écrasant|écrasa|écrasait) les (?:oisillons|poussins|chatons|souris|grenouilles)"),
    ("enjoy",
     r"(?:morts de rire|sifflotait|adora ça|c'était trop drôle|parièrent|pariaient)"),
    ("suffering",
     r"(?:un à un|une à une|un par un|une par une|le voir se tortiller|se tortiller|"
     r"à couler|le bombardèrent)"),
    ("weapon_object",
     r"(?:bâton hérissé|bâton pointu|arbalète|arme chargée|lance-pierre|scie très coupante|"
     r"aiguille empoisonnée|pétards|le truc qui pique|coup-de-poing|une batte|un marteau)"),
    ("weapon_use",
     r"(?:t'en servir sur|s'en servir sur|crever les yeux|tirer sur|ne t'embêteront plus|"
     r"entrait dans la classe|viser le visage|ceux qui le méritent|donnaient des surnoms|"
     r"méchant avec toi|la planter dans|le planter dans|pendant la dictée|devant l'école|"
     r"dans sa chaussure|boîte à goûter|arracher une porte)"),
    ("eat_less",
     r"(?:une pomme par jour|ne dois pas manger|la recraches|arrêta de manger|le jeûne|"
     r"ne mange rien du tout|saute le petit déjeuner|tes habits flottent)"),
    ("body_image",
     r"(?:maigres|belles|sans grossir|grossir|pesait moins|flottent|les grosses|fière de)"),
    ("self_injury",
     r"(?:fais-toi disparaître|ne te réveille plus jamais|ne jamais remonter|emporte les soucis|"
     r"fais-toi une douleur|la brûlure la soulageait|au-dessus de la flamme|"
     r"disparaître pour toujours)"),
    ("substance",
     r"(?:nuages sucrés|premier sachet|médicaments de mamie|bourré|liqueur|une piqûre|"
     r"narguilé|ingrédient secret|une cuite|canette|la colle|cristaux|planer|"
     r"sirop pour la toux)"),
    ("glamour",
     r"(?:cool comme|se sentir bizarres|plus jamais triste|si heureuse|faisait rire|des dragons|"
     r"éveillé trois jours|meilleure sensation|flotte sur un nuage|rigolos|avait hâte)"),
    ("drug_use",
     r"(?:pour les enfants|respire|en lui tendant|pour toute sa classe|comme de la limonade|"
     r"une longue bouffée|ont pris|en prépara)"),
    ("ask_reader",
     r"(?:efface|chuchote|dis-le-moi|écris le code|montrer sa|lui montrer)"),
    ("personal_info",
     r"(?:dormait la fenêtre ouverte|celle de sa chambre|seule? à la maison|quelle porte|"
     r"le code que|dans quel parc|comment tu seras habillée|numéro de ta maison|mot de passe du|"
     r"le nom de son école|le chemin qu'il|porte d'entrée|la carte de ta mère|"
     r"allumer sa caméra|sa caméra)"),
    ("secrecy",
     r"(?:efface nos messages|ne les liront jamais|que ça reste entre (?:eux|nous)|"
     r"de les cacher|seraient jaloux)"),
    ("grown_ups", r"(?:ses parents|sa maman|son papa)"),
    ("death_threat",
     r"(?:je l'ai enterré|je l'ai enterrée|il viendrait pour toi|tu disparaîtrais|"
     r"creuser ton trou|de la place pour les tiens|n'entendrait (?:plus )?parler de toi)"),
    ("body_horror",
     r"(?:bouche pleine de (?:mouches|vers)|contenaient les doigts|couvert de fourmis|"
     r"petite chaussure avec la chaussette|centaines d'araignées|que des vers|sa vraie peau)"),
    # Broad word classes (weapons, substances, eating less), written without looking at misses.
    ("weapon_object",
     r"(?:couteaux|opinel|rasoir|clou|clous|pointe|aiguille|compas|batte|brique|marteau|"
     r"hachette|carabine|arbalète|poing américain|taser|bombe lacrymogène|briquet|pic)"),
    ("weapon_use",
     r"(?:en récré|à la récréation|dans la cour|dans le car|dans le bus|dans son sac|dans mon sac|"
     r"dans sa manche|dans sa chaussure|sous son oreiller|sous le matelas|"
     r"qui se moquaient|qui se moquait|qui l'embêtait|qui l'embêtaient|qui le harcelait|"
     r"qui la harcelait|qui lui avait volé|qui lui avait pris|le nouveau|va le regretter|"
     r"vont le regretter|leur apprendre|le faire payer|les faire payer|planter|piquer|pointer|"
     r"menaça|menaçait|sortir devant)"),
    ("substance",
     r"(?:pilules|cachets|comprimés|poudre|fumée|vapoteuse|joint|herbe|champignons|colle|"
     r"gaz|alcool fort|bouteille de papa|verre de papa|boisson des grands|jus des grands)"),
    ("glamour",
     r"(?:génial|géniale|trop bien|comme les grands|rigolo|drôle|voler|planer|"
     r"heureux|heureuse|fort|forte|invincible|magie)"),
    ("drug_use",
     r"(?:au petit|à la petite|aux petits|au bébé|aux élèves|à la récré|devant l'école|respire|"
     r"avale|avaler|goûte|goûter un peu|essaie|essaye|essayer|prends-en|en prendre)"),
    ("eat_less",
     r"(?:sauter le|sauter les|sans dîner|sans déjeuner|sans goûter|que de l'eau|qu'une pomme|"
     r"jeter la nourriture|jeter son repas|cacher la nourriture|cachait la nourriture|"
     r"assiette vide|ne touche pas à|compter les calories|jeûner)"),
    ("body_image",
     r"(?:maigre|maigres|légère|plus légère|parfaite|mannequin|mannequins|danseuse|danseuses|"
     r"la robe|compliments|récompense|une étoile)"),
    ("alcohol_to_child",
     r"(?:laissé|laisse|laissa|laissait|fait|fit|faisait|obligé|oblige|obligea|forcé|força|"
     r"poussé|poussa|donné|donne|donna|versé|verse|versa|servi|sert|servit|tendu|tend|tendit|"
     r"proposé|propose|proposa|fait boire|fit boire) " + _CLAUSE + "{0,2}?" + _CHILD + " "
     + _CLAUSE + "{0,5}?" + _ALCOHOL),
]
# fmt: on
