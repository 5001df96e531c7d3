# (multilingual word lists are the point of this file)
"""Spanish child-safety word lists: `(category, severity, min_age, pattern, ...)` entries.

How to read and write them: `talestream.safety.lexicon` (the package docstring).
"""

from talestream.safety.lexicon.entry import NEVER, Entry

# fmt: off
ENTRIES: list[Entry] = [
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
# fmt: on
