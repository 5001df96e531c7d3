# (multilingual word lists are the point of this file)
"""Spanish child-safety word lists: `(category, severity, min_age, pattern, ...)` entries.

How to read and write them: `talestream.safety.lexicon` (the package docstring).
"""

from talestream.safety.lexicon.entry import NEVER, Concept, Entry

# fmt: off
ENTRIES: list[Entry] = [
    ("violence", "medium", 10,
     r"mat(?:ar|arlo|arla|arlos|arlas|arte|arme|ó|aron|ando|ado|ada|ados|adas|aba|aban|aría|arían|"
     r"an)(?! el tiempo)",  # "matar el tiempo" is killing time
     r"(?<!ballena )(?<!ballenas )asesin(?:ar|o|a|os|as|ato|atos|ado|ada|aron|ó)"),
    ("violence", "medium", 12, r"apuñal(?:ar|ado|ada|ó|aron|ando)",
     r"estrangul(?:ar|ó|ado|ada|aron)",
     r"cadáver(?:es)?", r"violencia",
     r"secuestr(?:ar|o|ó|ado|ada|aron)(?! a (?:la|una) princesa\b)(?! al príncipe\b)"),
    ("violence", "high", NEVER,
     r"(?<!se )(?:le |les |me |te )?cort(?:ó|aron|a|an|ar|aba|aban) (?:la cabeza|las manos|"
     r"la mano|los dedos|el dedo|las orejas|la oreja|la lengua|los pies|el pie)",
     r"decapit(?:ar|ó|ado|ada|aron)",
     r"tortur(?:a|as|ar|ó|ado|ada|aron)",
     r"masacre(?:s)?", r"matanza(?:s)?", r"degoll(?:ar|ó|ado|ada|aron)",
     r"descuartiz(?:ar|ó|ado|ada)",
     r"charco de sangre", r"cubierto de sangre", r"cubierta de sangre", r"baño de sangre"),
    ("violence", "low", 7, r"sangre", r"sangr(?:iento|ienta|ientos|ientas|ando)",
     # (a play fight is not war: pillows, water, snowballs)
     r"guerras?(?! de (?:almohadas|cojines|agua|bolas de nieve|nieve|globos|cosquillas|comida|"
     r"pistolas de agua|besos))"),
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
    ("weapons", "medium", 12, r"pistolas?(?! de (?:agua|juguete|burbujas|pegamento)|"
     r" espacial)", r"rifles?",
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
    ("drugs_alcohol", "low", 10, r"alcohol", r"ron"),
    # A grown-up's glass is fine for a young child; a child given it is a frame (CONCEPTS).
    ("drugs_alcohol", "low", 5, r"cervezas?", r"champán", r"cócteles?(?! de frutas)"),
    # ... but a child's drink stays blocked below 10: a child in the same clause as the drink
    # (grown-ups in between end the clause: "the kids helped Dad carry the beer"), the drink
    # praised, pressed or laughed at in the sentence ("a real man finishes it", "grow big and
    # strong"; the child is often only a name), or in its own clause ("it was magic").
    ("drugs_alcohol", "medium", 10,
     r"(?:niños|niñas|niño|niña|críos|crías|chavales|hijos?|hijas?|nietos?|nietas?|(?:los|"
     r"las) de (?:primero|segundo|tercero|cuarto|quinto|sexto)) (?:(?!(?:papá|mamá|abuelo|abuela|"
     r"padre|madre|tío|tía|los mayores|los adultos|adultos|mayores) )(?!y |mientras |pero |"
     r"luego )[\w']+ ){0,4}?(?:cervezas?|champán|cócteles?)",
     r"(?:cervezas?|champán|cócteles?) (?:(?!y |mientras |pero |luego )[\w']+ ){0,4}?(?:niños|"
     r"niñas|niño|niña|críos|chavales)",
     r"(?:cervezas?|champán|cócteles?)\b[^.!?;:]{0,80}?\b(?:hombres? de verdad|crecer|"
     r"grandes y fuertes|fuertes? como|más felices|tambale\w*|vomitar|imitarl\w*|(?<!y )(?:tres|"
     r"cuatro|cinco|seis|siete|ocho|nueve|diez) años)",
     r"(?:cervezas?|champán|cócteles?) (?:(?!y |mientras |pero |"
     r"luego )[\w']+ ){0,5}?(?:mágic[oa]s?|gracios[oa]s?|divertid[oa]s?|guay|valientes?)",
     r"(?:hizo|hacer|hacía|obligó|obligaron|obligar) (?:(?!y |mientras |pero |"
     r"luego )[\w']+ ){0,2}?(?:beber|tomar|terminar|acabar) (?:(?!y |mientras |pero |"
     r"luego )[\w']+ ){0,3}?(?:cervezas?|champán|cócteles?)"),
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

# ------------------------------------------------------------------------------- harm frames
# Concepts that are harmless alone and harmful together (core/frames.py says which together).
# Alcohol given to, poured for or pressed on a child: the giving, the child and the drink
# within a few words of one clause (the word-chain stops at "y", "mientras").
_CLAUSE = r"(?:(?!y |mientras |pero |luego )[\w']+ )"
_CHILD = (r"(?:(?:a |al )?(?:la pequeña|el pequeño|los pequeños|los niños|las niñas|niños|"
          r"niño|niña|el niño|la niña|el grumete|grumete|su hija|su hijo|su nieta|su nieto|"
          r"la cría|los críos|el crío))")
_ALCOHOL = (r"(?:cerveza|vino|cava|champán|champan|ron|whisky|vodka|alcohol|licor|anís|anis|"
            r"aguardiente|petaca|orujo|chupito|calimocho|sangría|sangria)")
CONCEPTS: list[Concept] = [
    ("injury_action",
     r"(?:partio|partió|quebro|quebró|crujio|crujió|crujido|"
     r"aplasto|aplastó|estrello|estrelló|arranco|arrancó|desollo|desolló|despellejo|"
     r"despellejó|reventó|revento|retorcio|retorció|abrio en canal|abrió en canal|"
     r"sac[oó] los ojos|cort[oó] (?:los|las|el|la) (?:dedos|orejas|lengua))"),
    ("body_part",
     r"(?:cuello|cráneo|craneo|cabeza|columna|huesos?|"
     r"costillas|ojos|garganta|dientes|lengua|dedos|uñas|orejas|nariz|piel|tripas|cerebro|cara|"
     r"brazos?|piernas?|rodillas|muñecas|espalda|barriga|pecho|alas|cola|patas)"),
    ("maiming",
     r"(?:despellej|desoll|quem|enterr|herv|coci)\w* (?:\w+ ){0,3}(?:vivo|viva|vivos|vivas)",
     r"(?:mientras|cuando) (?:\w+ ){0,2}"
     r"(?:seguía|seguia|estaba) (?:vivo|viva|despierto|despierta)",
     r"(?:una y otra vez|sin parar) (?:\w+ ){0,6}?hasta (?:que )?(?:\w+ ){0,5}?"
     r"(?:sangre|sangró|sangro|rojo|roja|dejó de|dejo de)",
     r"(?:cubiert[oa]s?|manchad[oa]s?|empapad[oa]s?) de sangre",
     r"(?:la )?sangre (?:salió a chorros|salpicó|brotó a chorros)"),
    ("death_threat",
     r"nadie (?:encontrará|encontrara|va a encontrar) (?:nunca )?(?:tu|tus) (?:cuerpo|huesos)",
     r"(?:te vas a morir|vas a morir|morirás|moriras|no despertarás|no despertaras)",
     r"(?:te voy a|te vamos a|voy a) (?:matar|enterrar|ahogar)",
     r"nadie (?:te )?(?:volverá|volvera) a ver"),
    ("body_remains",
     r"(?:gusanos|larvas)", r"(?:dedos?|orejas?|ojos?|manos?|dientes|carne) (?:humanos?|humanas?|"
     r"de (?:niño|niños|persona|personas))", r"(?:un|una) (?:dedo|oreja|ojo|diente) "
     r"(?:humano|humana|cortad[oa])"),
    ("food",
     r"(?:sopa|guiso|caldo|plato|pastel|tarta|bocadillo|pan|olla|nevera|horno|comida|cena|"
     r"almuerzo|mordió|mordio|comió|comio|comer)"),
    ("ask_reader",
     r"(?:dime|dame|mándame|mandame|envíame|enviame|escribe|cuéntame|cuentame|pregunta|"
     r"preguntó|pregunto|pídele|pidele)", r"(?:cuál|cual|dónde|donde|cuándo|cuando|a qué|a que) "
     r"(?:es|está|esta|vives|hora|cole|colegio|escuela)"),
    ("personal_info",
     r"tu (?:dirección|direccion|domicilio)", r"(?:vuelves|vas|vuelve) sol[oa] a casa",
     r"(?:contraseña|contrasena|clave|pin|número de la tarjeta|numero de la tarjeta|"
     r"tarjeta (?:de crédito|de credito|del banco)|números de la tarjeta|numeros de la tarjeta)",
     r"(?:cuándo|cuando) (?:salen|se van|están fuera|estan fuera|no están|no estan) "
     r"(?:tus )?(?:papás|papas|padres)", r"(?:tu|el) (?:número|numero) de (?:teléfono|telefono)"),
    ("secrecy",
     r"(?:no se lo )?(?:digas|cuentes|enseñes) (?:a )?(?:nadie|tus padres|tu mamá|tu mama|"
     r"tu papá|tu papa|los mayores)", r"(?:nuestro|un) secreto", r"sin que (?:lo sepan|se enteren)",
     r"nadie tiene que (?:saberlo|enterarse)",
     r"(?:que )?quede entre (?:tú y yo|tu y yo|nosotros)"),
    ("grown_ups",
     r"(?:padres|papás|papas|mamá|mama|papá|papa|mayores|adultos|profe|maestra|maestro)"),
    ("surprise", r"(?:sorpresa|cumpleaños|cumpleanos|regalo|regalos|fiesta|navidad|tarta)"),
    ("group",
     r"(?:inmigrantes|extranjeros|refugiados|judíos|judios|musulmanes|gitanos|"
     r"negros|moros|chinos|gays|homosexuales|mujeres|niñas|pobres|discapacitados|gordos)",
     r"(?:los|las|la gente) de (?:ese|esa|aquel|otro|otra) (?:país|pais|pueblo|religión|religion|"
     r"color)", r"(?:la gente|los niños|las niñas) (?:de piel|con) (?:oscura|negra|morena)"),
    ("generalizing",
     r"(?:son|eran|nacen) (?:todos |todas |siempre )?(?:\w+ (?:y )?)?(?:sucios|sucias|vagos|vagas|"
     r"ladrones|ladronas|tontos|tontas|débiles|debiles|animales|ratas|peligrosos|inferiores|"
     r"asquerosos|criminales|delincuentes|mentirosos)",
     r"(?:nunca|no) (?:deberían|deberian|deben|pueden) (?:aprender|estar|vivir|jugar|entrar)",
     r"(?:que )?(?:se vuelvan|vuelvan) a su país", r"no (?:te fíes|te fies|juegues) (?:de|con)",
     r"valen menos",
     r"(?:son|eran) (?:\w+ )?tramposos"),
    ("eat_less",
     r"(?:no comen|no comas|deja de comer|dejar de comer|dejó de comer|dejo de comer|sin comer|"
     r"sáltate|saltate|no pruebes bocado)", r"(?:te ruge|le ruge) la tripa",
     r"(?:contar|cuenta|contaba) (?:las )?(?:costillas|calorías|calorias)"),
    ("purge",
     r"(?:métete|metete|meterse|mete) los dedos en la garganta", r"(?:vomitar|vomita|vomitaba) "
     r"(?:después|despues|tras)"),
    ("body_image",
     r"(?:guapa|guapo|delgada|delgado|flaca|flaco|gorda|gordo|más guapa|mas guapa|pesar|peso)",
     r"nadie (?:sabrá|sabra|notará|notara)"),
    ("self_injury",
     r"(?:hazte daño|hacerte daño|córtate|cortate|quémate|quemate|castígate|castigate)",
     r"(?:algo afilado|una cuchilla|un alfiler) (?:\w+ ){0,3}(?:brazo|piel|pierna|muñeca)",
     r"(?:saltar|salta|tírate|tirate) (?:desde|del|de la) (?:puente|tejado|azotea|ventana)",
     r"(?:las marcas|los cortes) (?:\w+ ){0,3}(?:mangas|nadie)",
     r"(?:todas las|un puñado de) pastillas", r"no (?:volver a )?despertar nunca"),
    ("enjoy",
     r"(?:se rio|se rió|se reía|se reia|riéndose|riendose|sonrió|sonrio|sonriendo|aplaudió|"
     r"aplaudio|disfrutó|disfruto|disfrutaba|le encantaba|el mejor día|el mejor dia|"
     r"se divertía|se divertia)",
     r"se relamía"),
    ("suffering",
     r"(?:prisioneros|presos) (?:\w+ ){0,4}(?:uno tras otro|uno a uno|de rodillas)",
     r"(?:dejaron de gritar|dejó de gritar|dejo de gritar)", r"(?:prendió|prendio) fuego a",
     r"(?:suplicaba|suplicaban|pedía|pedia|pedían|pedian) (?:clemencia|piedad)",
     r"(?:olla hirviendo|aceite hirviendo)", r"(?:viéndolos|viendolos|mirando cómo|mirando como) "
     r"(?:\w+ )?(?:morir|sufrir|arder|sangrar)",
     r"(?:en la )?sartén caliente",
     r"colgaban a los"),
    ("sexual_idiom",
     r"(?:revolcándose|revolcandose|revolcarse) (?:en el heno|juntos)", r"(?:hicieron|hacer|hacían|"
     r"hacian) el amor", r"(?:se acostó|se acosto|acostarse|se acostaban) con",
     r"(?:lo que llevaba|qué llevaba|que llevaba) debajo", r"(?:entre gemidos|gimiendo)",
     r"(?:se arrancaron|se quitaron) la ropa", r"pasaron (?:toda )?la noche (?:juntos|en la cama)"
     r"(?!,? (?:en|bajo|dentro de) (?:una|la|su) (?:\w+ )?(?:tienda|acampada|cabaña))",
     r"(?:en|a) la cama (?:juntos|con él|con ella)", r"(?:sin nada de ropa|desnudos en la cama)",
     r"(?:le metió|le metio) mano", r"(?:echar|echaron) un polvo",
     r"se lo (?:montaron|monta|montaban)",
     r"desabrocharon la ropa",
     r"medio desnudas"),
    ("substance",
     r"(?:polvito|polvo blanco|pastis|porro|porros|aguardiente|vodka|whisky|ginebra|"
     r"chupito|chupitos|esnifada|esnifar|esnifaron)",
     r"pastillitas"),
    ("glamour",
     r"(?:guays?|mayores de verdad|valiente|magia|mágic[oa]|magic[oa]|popular|divertid[oa]|"
     r"de un trago)"),
    ("weapon_object",
     r"(?:escopeta|pistola|navaja|cuchillo|cuchilla|destornillador|punta afilada|bate con clavos|"
     r"cristales rotos|gasolina|el arma|un arma)",
     r"cosa negra y pesada"),
    # The safety lesson ("if you find a gun, don't touch it, tell a grown-up") is no
    # encouragement: the frame "weapon encouraged" does not fire with it.
    ("weapon_safety",
     r"no (?:la |lo |las |los )?(?:toques|toquéis|toquen)",
     r"(?:avisa|avisar|díselo|decírselo) (?:\w+ ){0,3}?(?:a un adulto|a un mayor|a la maestra|"
     r"al maestro|a tus padres)"),
    ("weapon_use",
     r"(?:al colegio|al cole|a la escuela|a clase)", r"(?:apuntar|apunta|apuntó|apunto|clavar|"
     r"clávalo|clavalo|pinchar|asustar)", r"(?:en el calcetín|en el calcetin|en la mochila|"
     r"en la manga)", r"(?:el que|a los que|al que) te",
     r"(?:debajo de la barbilla|en el cuello|contra (?:la|su) garganta|en la garganta)"),
    ("swear_euphemism",
     r"(?:hijo de la gran|palabrotas|tacos|la palabra con|peineta|corte de mangas|"
     r"a la mierda|vete a freír|vete a freir)"),
    ("body_horror",
     r"parte de arriba de su cabeza"),
    ("drug_use",
     r"tómate (?:un|una)",
     r"esnifa"),
    ("bribe",
     r"(?:prometió|promete|dará|daría|regalará) (?:[\w',]+ ){0,8}"
     r"si (?:buscaba|le daba|le decía|traía)"),
    # Round 3 (harm in new words): the same concepts in more of the words a story uses.
    ("injury_action",
     r"(?:arranc(?:ó|aron|aba|ar|a|ara|arle|ándole)|ahog(?:ó|aron|aba|ar)|pisote(?:ó|aron|aba|ar)|"
     r"aplast(?:ó|aron|aba|ar)|retorc(?:ió|ieron|er)|reventó|revent(?:aron|ar)|machac(?:ó|aron|ar))"),
    ("body_part",
     r"(?:uñas|la cola|las patas|una pata|la barriga|el costado|los dedos|las orejas|el ojo|"
     r"los ojos|la lengua|el pelo|los dientes)"),
    ("maiming",
     r"(?:le dieron|le daban|le dio) palos",
     r"(?:ahogó|ahogaron|ahogaba) (?:al|a la|a los|a las) (?:perrito|perro|gatito|gato|gatitos|"
     r"pajarito|conejo|cachorro)\w*",
     r"hasta que (?:algo )?(?:se le salió|dejó de (?:moverse|respirar|gritar|patalear))",
     r"(?:mira|mirad|miren) cómo se retuerce", r"cavar su propio (?:hoyo|agujero|tumba)"),
    ("enjoy", r"(?:riendo|apostaban|bailaba|bailaban|se reían|aplaudía|aplaudían|silbaba)"),
    ("suffering", r"(?:los cubrían de tierra|una por una|uno por uno|colgaron al)"),
    ("death_threat",
     r"nadie te (?:oirá|va a oír|escuchará) (?:gritar|llorar)",
     r"(?:él|tú|ella) (?:sería|serás|será) (?:el|la) siguiente",
     r"(?:serás|eres) (?:el|la) siguiente",
     r"ya sé dónde duermes", r"(?:te llevo|te llevaré) (?:conmigo )?(?:bajo tierra|al pozo)",
     r"(?:cuando falte uno|ha empezado a comer)", r"(?:mañana|esta noche) (?:tu cama|tu silla) "
     r"(?:estará|quedará) vacía"),
    ("body_remains",
     r"(?:una uña|un diente|un dedo|una oreja|un ojo) (?:humana?|de verdad|de niño)",
     r"pelo de verdad"),
    ("food", r"(?:roscón|bizcocho|galleta|bocadillo|turrón|empanada|magdalena)"),
    ("body_horror",
     r"se come a (?:los padres|la familia|sus padres)", r"(?:con la raíz roja|raíz roja y húmeda)"),
    ("ask_reader",
     r"(?:grábate|graba|mándamelo|mándame|haz una foto|hazle una foto|preguntó|pregunta|"
     r"le preguntó|insistía)"),
    ("personal_info",
     r"(?:por qué calle|la llave|el carné|la tarjeta de (?:papá|mamá|tu padre|tu madre)|"
     r"en tu habitación|os vais de vacaciones|vuelven tarde|estás solo|estás sola)",
     r"(?:cuándo|cuando) (?:os vais|se van|salen|vuelven)"),
    ("secrecy",
     r"(?:guarde|guarda|guardes|guardar) en secreto", r"nunca contárselo a (?:mamá|papá|nadie)",
     r"solo a mí",
     r"sin que (?:nadie|tus padres|mamá|papá) (?:le |lo |se )?(?:pregunte|sepa|sepan)"),
    ("grown_ups", r"(?:a mamá|a papá|tus padres|la profe|los mayores)"),
    ("eat_less",
     r"(?:no había cenado|no comer más de|comer es de débiles|saltarse la comida|sin cenar|"
     r"sin desayunar|sin comer)", r"una galleta al día", r"aguanta el hambre"),
    ("body_image",
     r"(?:premiaba|una estrella dorada|princesas de cristal|aguanta|más delgada|de débiles|"
     r"nunca contárselo)"),
    ("self_injury",
     r"(?:estaría|estarían|estaríais) mejor sin (?:él|ella|ti)",
     r"no (?:despertara|despiertes|despierte) nunca", r"descansarían si",
     r"que no volviera nunca"),
    ("substance",
     r"(?:sangría|la botella escondida|caramelos de colores|pastillitas|polvito|la jarra entera|"
     r"un porro|hierbas raras|setas raras)"),
    ("glamour",
     r"(?:el vino te hace crecer|los valientes|más contento|te ponen a mil|verían hadas|"
     r"mejores que las chuches|el suelo se moviera)"),
    ("drug_use",
     r"(?:le retaron|en la cantimplora|de los niños|a los niños|repartía|le regaló|bebe|se beben)"),
    ("weapon_object",
     r"(?:navaja|punzón|compás|arpón|lo que (?:\w+ )?le había comprado|una de verdad|"
     r"la punta del compás|tijeras|cúter|machete|hacha|pincho)"),
    ("weapon_use",
     r"(?:en el recreo|al recreo|a la excursión|en la excursión|en el estuche|clase de gimnasia|"
     r"del colegio|en la cancha|darle al nuevo|delante de|sin que nadie le pregunte|"
     r"listo para el|a la profe|se la guardó|escondió)"),
    # Broad word classes (weapons, substances, eating less), written without looking at misses.
    ("weapon_object",
     r"(?:cuchillo|cuchillos|cuchilla|cuchillas|navajas|cortaúñas|destornillador|clavo|clavos|"
     r"aguja|bate|ladrillo|martillo|hachita|pistola de aire|escopeta|tirachinas|ballesta|"
     r"puño americano|táser|espray de pimienta|petardos|mechero|gasolina)"),
    ("weapon_use",
     r"(?:en la mochila|en su mochila|en el patio|en el autobús|en la ruta|en la bota|"
     r"en el zapato|debajo de la almohada|bajo el colchón|que se burlaba|que se burlaban|"
     r"que le molestaba|que le molestaban|que le quitó|que le robó|al nuevo|a la nueva|"
     r"se va a enterar|lo va a lamentar|darle una lección|pagará|amenazó|amenazaba|"
     r"pinchar|apuñalar|sacarla|sacarlo)"),
    ("substance",
     r"(?:pastillas|pastillitas|pastilla|polvo blanco|polvos|humo|vaper|porro|maría|hierba|"
     r"setas|jarabe para la tos|pegamento|gas de la risa|licor|chupito|chupitos|cubata|"
     r"la botella de papá|el vaso de papá|el zumo de los mayores)"),
    ("glamour",
     r"(?:guay|mola|molón|valiente|como los mayores|divertido|volar|flotar|"
     r"feliz|fuerte|invencible|magia|mágico|mágica)"),
    ("drug_use",
     r"(?:al pequeño|a la pequeña|a los pequeños|al niño|a la niña|a los niños|al bebé|"
     r"a los alumnos|en el recreo|pruébalo|pruébala|pruebalo|trágate|trágatela|respira|"
     r"esnifa|fuma|tómate)"),
    ("eat_less",
     r"(?:saltarse|sáltate|se saltaba|sin desayunar|sin merendar|solo agua|solo una manzana|"
     r"tirar la comida|tiraba la comida|esconder la comida|escondía la comida|plato vacío|"
     r"no toques la comida|contar calorías|ayunar|no cenar|no comer)"),
    ("body_image",
     r"(?:delgada|delgadas|flaca|flacas|flaco|gorda|gordas|gordo|ligera|más ligera|perfecta|"
     r"modelo|modelos|bailarina|bailarinas|el vestido|premio|estrella)"),
    ("alcohol_to_child",
     r"(?:dejó|deja|dejaba|dejaron|hizo|hace|obligó|obliga|obligaron|dio|da|daba|dieron|sirvió|"
     r"sirve|echó|echa|ofreció|ofrece|pasó|pasa|retó|reta|retaron|animó|anima) "
     + _CLAUSE + "{0,2}?" + _CHILD + " " + _CLAUSE + "{0,5}?" + _ALCOHOL),
]
# fmt: on
