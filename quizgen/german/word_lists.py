"""Closed German word lists that the analysis, the exercises and the questions share.

Each list is one class of words, written once; a module that needs a wider or narrower set
builds it from these (``TIME_NOUNS | UNIT_NOUNS``) and says why beside it.
"""

from __future__ import annotations

# --- quotation marks ---------------------------------------------------------------------

#: every quotation mark a tokenizer may give as a token: German „…“ ‚…‘ »…«, Swiss «…» ‹…›,
#: English “…” ‘…’, typewriter "…" '…', and the `` '' of treebank text
QUOTE_MARKS = frozenset({'"', "„", "“", "”", "‚", "‘", "’", "«", "»", "‹", "›", "'", "``", "''"})
#: the double marks, which unlike ' and ’ are never an apostrophe (geht’s, O'Brien)
DOUBLE_QUOTES = frozenset({'"', "„", "“", "”", "«", "»"})
#: marks that open a quotation (German „ ‚ », English “, typewriter ")
OPENING_QUOTES = ("„", "“", "‚", "»", '"')
#: marks that close one (German “ ‘ «, English ”, typewriter ")
CLOSING_QUOTES = ("“", "”", "‘", "«", '"')

# --- time ----------------------------------------------------------------------------------

WEEKDAYS = frozenset("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag".split())
MONTHS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)
SEASONS = frozenset("Frühjahr Frühling Sommer Herbst Winter".split())
PARTS_OF_DAY = frozenset("Morgen Vormittag Mittag Nachmittag Abend Nacht".split())
#: spans of time a text counts in (drei Wochen, zwei Jahrzehnte)
TIME_UNITS = frozenset(
    "Sekunde Minute Stunde Tag Woche Wochenende Monat Quartal Halbjahr Semester Jahr Jahrzehnt "
    "Jahrhundert".split()
)
#: the calendar's names and spans: any of them fits a slot such as am ___ or vor drei ___
CALENDAR_NOUNS = WEEKDAYS | MONTHS | SEASONS | PARTS_OF_DAY | TIME_UNITS
#: lemmas of nouns that name a time or a stretch of time: am Montag, seit Jahren, in dieser Saison
TIME_NOUNS = CALENDAR_NOUNS | {"Zeit", "Mal", "Moment", "Weile", "Saison"}
#: nouns that name a point within a stretch of time: Ende Mai, Anfang der Woche
TIME_POINT_NOUNS = frozenset({"Anfang", "Beginn", "Mitte", "Ende"})

# --- numbers and measures ------------------------------------------------------------------

#: nouns that only count (Hunderte Menschen, 31 Millionen Euro), with their plurals and the
#: abbreviations news text writes
NUMBER_NOUNS = frozenset(
    """Dutzend Dutzende Hundert Hunderte Tausend Tausende Hunderttausend Hunderttausende Million
    Millionen Mio. Milliarde Milliarden Mrd. Billion Billionen""".split()
)
#: nouns that measure what the noun after them names (drei Jahre Bauzeit, zwei Tonnen Stahl)
MEASURE_NOUNS = TIME_UNITS | frozenset(
    "Liter Kilo Kilogramm Gramm Meter Kilometer Quadratmeter Hektar Tonne Stück Kiste Flasche Tasse".split()
)
#: number words: the cardinals and the stems of the ordinals as a lemmatiser gives them (erst,
#: dritt, zwanzigst for erste, dritten, zwanzigsten)
CARDINALS = frozenset(
    """null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn
    sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig
    hundert tausend""".split()
)
ORDINAL_STEMS = frozenset(
    """erst zweit dritt viert fünft sechst siebt acht neunt zehnt elft zwölft dreizehnt vierzehnt
    fünfzehnt sechzehnt siebzehnt achtzehnt neunzehnt zwanzigst dreißigst vierzigst fünfzigst
    hundertst tausendst""".split()
)
NUMBER_WORDS = CARDINALS | ORDINAL_STEMS
#: units that only measure (50 Prozent, drei Kilometer, zehn Euro, 8 Uhr); Grad, Punkt and
#: Tonne measure too but have other senses (bis zu einem gewissen Grad, in einem Punkt)
UNIT_NOUNS = frozenset("Prozent Prozentpunkt Euro Cent Dollar Franken Meter Kilometer Uhr".split())

# --- verbs -----------------------------------------------------------------------------------

#: verbs that link the subject to a predicative (sie ist / wird / bleibt / scheint müde)
COPULAR_VERBS = frozenset({"sein", "werden", "bleiben", "scheinen"})
#: verb prefixes that never separate and take no ge- in the participle (verkauft, bestellt)
INSEPARABLE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer")
#: prefixes that separate in some verbs and not in others (übersetzen, übersetzte / setzte über)
DUAL_PREFIXES = ("durch", "hinter", "über", "um", "unter", "wider", "wieder")

#: verb + noun pairs whose noun is part of the predicate, not a thing the verb acts on
#: (Funktionsverbgefüge and idioms): "Was spielt X?" -> "eine wichtige Rolle" asks nothing
SUPPORT_VERB_NOUNS = frozenset(
    tuple(pair.split("+"))
    for pair in """spielen+Rolle haben+Ende nehmen+Ende finden+Ende setzen+Ende sein+Wurm machen+Runde
    üben+Kritik machen+Ehre stellen+Schatten ziehen+Bilanz ziehen+Konsequenz ziehen+Verantwortung nehmen+Stellung
    treffen+Entscheidung fassen+Beschluss stellen+Frage stellen+Antrag geben+Auskunft
    nehmen+Rücksicht nehmen+Einfluss nehmen+Abschied halten+Rede leisten+Beitrag leisten+Hilfe
    bringen+Ausdruck kommen+Ausdruck setzen+Zeichen stehen+Rede machen+Angabe machen+Gebrauch
    ziehen+Vergleich machen+Sorge bereiten+Sorge haben+Recht geben+Gas spielen+Karte
    haben+Sagen halten+Hand geben+Startschuss sein+Rede""".split()
)

#: particles that say others did the same ("Wer sprach sich zugleich ... aus?"): a question
#: with one has no single answer, or needs the sentence before
ADDITIVE_PARTICLES = frozenset({"auch", "ebenfalls", "zugleich", "außerdem", "zudem", "ebenso", "gleichfalls", "etwa"})
#: adjective stems that point back into the text (ein entsprechender Akt, derartige Unterlagen)
REFERRING_ADJECTIVE_STEMS = ("entsprechend", "derartig", "solch", "besagt", "betreffend", "jeweilig", "obig", "vorgenannt", "genannt", "diesbezüglich")

# --- names -----------------------------------------------------------------------------------

#: countries, regions and cities news text names often: a short gazetteer for what the tagger
#: cannot type, and after a person's name one starts a new phrase (Xi Jinping | Russland)
PLACE_NAMES = frozenset(
    """Deutschland Österreich Schweiz Russland China Ukraine USA Amerika Frankreich Italien Spanien
    Polen Ungarn Tschechien Griechenland Türkei Syrien Irak Iran Israel Ägypten Japan Indien Brasilien
    Kanada Mexiko Großbritannien England Schottland Irland Niederlande Belgien Schweden Norwegen
    Dänemark Finnland Portugal Rumänien Bulgarien Serbien Kroatien Slowenien Slowakei Kosovo
    Weißrussland Belarus Afghanistan Pakistan Nordkorea Südkorea Korea Taiwan Libyen Tunesien Marokko
    Afrika Asien Europa Australien Krim Berlin Wien Moskau Peking Paris London Rom Madrid Washington
    Brüssel Kiew Hamburg München Köln Frankfurt Graz Linz Salzburg Innsbruck Zürich Genf Bern Athen
    Warschau Prag Budapest Ankara Istanbul Damaskus Bagdad Teheran Jerusalem Tokio Stuttgart Dresden
    Leipzig Düsseldorf Bayern Sachsen Tirol Kärnten Steiermark Vorarlberg Niederösterreich
    Oberösterreich Burgenland Hessen Kalifornien Texas Florida Griechenlands Lampedusa Mittelmeer
    Gaza Westjordanland Donezk Luhansk""".split()
)
#: the lower-case parts of names (Ursula von der Leyen, Rafael van der Vaart)
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "ten", "ter", "zu",
                            "Van", "Von", "De", "Da", "Di", "Du", "La", "Le"})
#: nouns (and compound endings) that name a kind of place: a capitalised word after one of
#: them without an article of its own is that place's name (die Gemeinde Pregarten)
PLACE_NOUNS = ("stadt", "gemeinde", "ort", "dorf", "bezirk", "region", "provinz", "bundesland", "insel",
               "hauptstadt", "kleinstadt", "marktgemeinde", "stadtteil", "flughafen")
#: nouns (and compound endings) that name a kind of organisation or brand (der Agrarkonzern
#: Bunge, die Supermarktkette Zielpunkt)
ORGANISATION_NOUNS = ("konzern", "unternehmen", "firma", "kette", "hersteller", "marke", "partei", "verein",
                      "klub", "club", "sender", "zeitung", "magazin", "verlag", "bank", "versicherung",
                      "gruppe", "label", "agentur", "airline", "fluglinie", "start-up", "startup", "anbieter",
                      "händler", "dienst", "plattform", "band", "team", "mannschaft")
