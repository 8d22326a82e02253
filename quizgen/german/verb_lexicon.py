"""What the question generators know about German verbs: the complements a verb cannot do
without (valency), the classes of verbs they read (saying, asserting, deciding), and pairs of
opposite verbs. Lemmas as the clause analysis writes them (``ankündigen``, ``sich einigen``
is looked up as ``einigen``). Written for news text; a verb missing here is simply not checked.
"""

from __future__ import annotations

# --- classes ---------------------------------------------------------------------------------

#: verbs of saying and thinking: their object is usually what was said (a clause)
SPEECH_VERBS: frozenset[str] = frozenset(
    """sagen ankündigen erklären betonen hervorheben mitteilen berichten meinen behaupten
    versichern warnen fordern kritisieren schreiben ergänzen hinzufügen bestätigen melden
    verkünden erläutern unterstreichen sprechen zufolge einräumen zugeben verlauten mahnen
    beklagen befürchten hoffen glauben""".split()
)
#: reported clauses under these state what the text takes as said, not feared or hoped
ASSERTING_SPEECH_VERBS: frozenset[str] = SPEECH_VERBS - {"befürchten", "hoffen", "glauben", "meinen", "fordern", "warnen", "mahnen"}
#: verbs whose object is usually a clause (sagte, dass ...; hatte beschlossen, ... zu ...)
CLAUSE_OBJECT_VERBS: frozenset[str] = SPEECH_VERBS | frozenset(
    """besagen vorwerfen sehen wissen hören erfahren beschließen entscheiden versuchen planen
    vorhaben zeigen bitten auffordern drohen verlangen empfehlen raten denken finden scheinen
    feststellen festhalten klarstellen vermuten bemerken anmerken beteuern schildern darlegen
    argumentieren einwenden zusichern herausfinden nachweisen""".split()
)
#: the person of these is a dative (Mexiko gelang der Ausgleich): analyses take it for the subject
DATIVE_EXPERIENCER_VERBS: frozenset[str] = frozenset(
    {"gelingen", "gefallen", "fehlen", "passieren", "gehören", "glücken", "misslingen", "schmecken", "einfallen", "auffallen"}
)
#: light verbs that say little without a PP or a second object (bringen, stellen, kommen ...)
LIGHT_VERBS: frozenset[str] = frozenset(
    """sorgen aufrufen vorhalten vorwerfen hinweisen verweisen teilnehmen gehören halten nehmen
    bringen setzen stellen legen kommen führen treten geben machen lassen""".split()
)
#: verbs of being and position: their subject does not act (Wer for a place would be wrong)
NON_AGENTIVE_VERBS: frozenset[str] = frozenset({"sein", "liegen", "werden", "bleiben", "befinden", "geben", "gehören", "stehen", "heißen"})
#: events a news reader wants to know about: decisions, demands, results, harm, changes
NEWS_EVENT_VERBS: frozenset[str] = frozenset(
    """fordern verlangen beschließen entscheiden ankündigen kündigen verurteilen festnehmen
    verhaften töten sterben verletzen gewinnen verlieren siegen wählen ernennen kritisieren
    warnen drohen ablehnen zustimmen unterzeichnen einigen vereinbaren beschließen verbieten
    erlauben einführen abschaffen erhöhen senken steigen sinken fallen wachsen schrumpfen
    investieren kaufen verkaufen übernehmen gründen eröffnen schließen starten stoppen
    zurücktreten verhaften anklagen klagen streiken protestieren demonstrieren fliehen
    angreifen attackieren zerstören retten bergen entdecken entwickeln vorstellen präsentieren
    veröffentlichen unterstützen verhindern sperren entlassen einstellen rechnen kosten
    betragen erreichen verzeichnen melden bestätigen""".split()
)

# --- valency -----------------------------------------------------------------------------------

#: verbs that need a prepositional object, with the prepositions that can carry it
#: (a question without it is incomplete: "Was sorgt bei den iPhones?"); "sich X" only when
#: reflexive (sich handeln um, but handeln alone is fine)
PP_COMPLEMENTS: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split("/"))
    for verb, preps in (
        ("sorgen", "für/um"), ("hinweisen", "auf"), ("verweisen", "auf"), ("teilnehmen", "an"),
        ("abhängen", "von"), ("sich handeln", "um"), ("verzichten", "auf"), ("beitragen", "zu"),
        ("hindeuten", "auf"), ("zurückgreifen", "auf"), ("sich einsetzen", "für/gegen"),
        ("sich konzentrieren", "auf"), ("sich kümmern", "um"), ("sich beschäftigen", "mit"),
        ("verfügen", "über"), ("appellieren", "an"), ("aufrufen", "zu"), ("sich beziehen", "auf"),
        ("basieren", "auf"), ("beruhen", "auf"), ("resultieren", "aus"), ("mangeln", "an"),
        ("sich erinnern", "an"), ("sich richten", "gegen/an/nach"), ("sich wenden", "an/gegen"),
        ("hinauslaufen", "auf"), ("achten", "auf"), ("sich verlassen", "auf"), ("sich entschließen", "zu"),
        ("sich verpflichten", "zu"), ("neigen", "zu"), ("fungieren", "als"), ("sich auswirken", "auf"),
        ("sich beteiligen", "an"), ("sich bemühen", "um"), ("sich gewöhnen", "an"),
    )
}
#: verbs that need an accusative object in the active voice (a question without one is
#: incomplete: "Was fordert?"); the object may be the W-word itself (Was fordert X?)
ACC_COMPLEMENTS: frozenset[str] = frozenset(
    """fordern verlangen kritisieren erzielen verursachen beschließen unterzeichnen vorstellen
    präsentieren ablehnen unterstützen verhindern festnehmen verletzen töten ernennen kaufen
    verkaufen übernehmen erhalten bekommen brauchen benötigen besitzen enthalten nennen
    betreffen bieten anbieten planen entwickeln eröffnen einführen erheben anklagen verurteilen
    bezeichnen vorwerfen verhaften treffen erreichen besuchen gründen verzeichnen bauen
    errichten finanzieren zahlen bezahlen kosten betragen umfassen verbieten veröffentlichen
    verbreiten zerstören bergen retten entdecken untersuchen prüfen vorlegen beantragen
    genehmigen erlauben verlängern senken erhöhen ersetzen verdoppeln halbieren sperren
    entlassen einstellen beenden starten stoppen leiten führen lösen auslösen schaffen
    sichern gewährleisten garantieren vermeiden verpassen nutzen verwenden einsetzen""".split()
)
#: verbs that never take an accusative object: a noun phrase beside the subject is a misread
#: ("Geringe Mengen entstehen Radioaktivität")
INTRANSITIVE_VERBS: frozenset[str] = frozenset(
    """entstehen geschehen passieren sterben wachsen sinken steigen fallen existieren verschwinden
    erscheinen stattfinden ankommen aufwachen einschlafen explodieren zerfallen schrumpfen
    zunehmen abnehmen eintreten auftreten vorkommen emporsteigen""".split()
)
#: verbs that need a dative object (a question without it is incomplete: "Wer half?")
DAT_COMPLEMENTS: frozenset[str] = frozenset(
    """helfen danken folgen gratulieren widersprechen zustimmen vertrauen schaden begegnen
    drohen gelten ähneln entsprechen gehören nützen""".split()
)

# --- opposites ---------------------------------------------------------------------------------

#: pairs of verbs whose swap turns a statement false (in both directions); only pairs where the
#: swapped verb keeps the same complements (steigen auf 5 % / sinken auf 5 %); the first pair of a
#: verb gives its opposite (schließen: öffnen, as for a hatch or a shop; eröffnen: schließen)
OPPOSITE_PAIRS: tuple[tuple[str, str], ...] = (
    ("steigen", "sinken"), ("erhöhen", "senken"), ("gewinnen", "verlieren"), ("zustimmen", "widersprechen"),
    ("annehmen", "ablehnen"), ("öffnen", "schließen"), ("eröffnen", "schließen"), ("einführen", "abschaffen"), ("wachsen", "schrumpfen"),
    ("kaufen", "verkaufen"), ("erlauben", "verbieten"), ("unterstützen", "ablehnen"), ("zunehmen", "abnehmen"),
    ("loben", "kritisieren"), ("bestätigen", "dementieren"), ("beginnen", "enden"), ("starten", "stoppen"),
    ("einstellen", "entlassen"), ("aufnehmen", "ablehnen"), ("verlängern", "verkürzen"), ("gewinnen", "verspielen"),
)
OPPOSITES: dict[str, str] = {}
for _a, _b in OPPOSITE_PAIRS:
    OPPOSITES.setdefault(_a, _b)
    OPPOSITES.setdefault(_b, _a)


def base_lemma(lemma: str) -> str:
    """The verb without its reflexive pronoun: ``sich einigen`` -> ``einigen``."""
    return lemma[5:] if lemma.startswith("sich ") else lemma


def required_prepositions(lemma: str) -> frozenset[str]:
    """The prepositions one of which the verb's prepositional object needs (empty: none needed)."""
    return PP_COMPLEMENTS.get(lemma, PP_COMPLEMENTS.get(base_lemma(lemma), frozenset()))
