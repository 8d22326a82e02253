"""Who and what a text names: entity mentions with types, and which common nouns are people.

The NER of the pipeline fills ``Analysis.entities``; where it is empty (the baseline pipeline),
runs of ``NE`` tokens stand in, typed by small rules (a title before a name makes a person, a
short gazetteer makes a place, all-capital abbreviations an organisation).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from quizgen.analysis import Analysis, Token
from quizgen.german.word_lists import PLACE_NAMES
from quizgen.german.word_lists import NAME_PARTICLES
from quizgen.nlp.stts import PREPOSITION_TAGS

# Heads of common nouns that denote people (compounds end in them: Außenministeriumssprecherin).
PERSON_NOUN_ENDINGS: tuple[str, ...] = (
    "präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "sprecher",
    "sprecherin", "chef", "chefin", "politiker", "politikerin", "diplomat", "diplomatin",
    "experte", "expertin", "trainer", "trainerin", "spieler", "spielerin", "bürgermeister",
    "bürgermeisterin", "abgeordnete", "abgeordneter", "vorsitzende", "vorsitzender", "führer",
    "führerin", "botschafter", "botschafterin", "sekretär", "sekretärin", "direktor", "direktorin",
    "leiter", "leiterin", "anwalt", "anwältin", "richter", "richterin", "polizist", "polizistin",
    "soldat", "soldatin", "arzt", "ärztin", "lehrer", "lehrerin", "schüler", "schülerin",
    "student", "studentin", "forscher", "forscherin", "wissenschaftler", "wissenschaftlerin",
    "autor", "autorin", "künstler", "künstlerin", "sänger", "sängerin", "schauspieler",
    "schauspielerin", "regisseur", "regisseurin", "journalist", "journalistin", "mann", "frau",
    "kind", "mutter", "vater", "sohn", "tochter", "bruder", "schwester", "mensch", "menschen",
    "bürger", "bürgerin", "einwohner", "einwohnerin", "mitarbeiter", "mitarbeiterin", "kollege",
    "kollegin", "gründer", "gründerin", "unternehmer", "unternehmerin", "manager", "managerin",
    "ökonom", "ökonomin", "analyst", "analystin", "staatschef", "regierungschef", "kandidat",
    "kandidatin", "täter", "täterin", "opfer", "verdächtige", "verdächtiger", "zeuge", "zeugin",
    "fan", "fans", "fahrgast", "gäste", "gewerkschafter", "aktivist", "aktivistin", "papst", "könig", "königin",
    "prinz", "prinzessin", "premier", "premierminister", "premierministerin", "kommissar",
    "kommissarin", "gouverneur", "gouverneurin", "general", "kapitän", "coach", "torhüter",
    "stürmer", "verteidiger", "verteidigerin", "sieger", "siegerin", "weltmeister", "kläger",
    "klägerin", "angeklagte", "angeklagter", "patient", "patientin", "besucher", "besucherin",
    "nutzer", "nutzerin", "kunde", "kundin", "arbeiter", "arbeiterin", "angestellte", "leute",
    "eltern", "jugendliche", "flüchtling", "flüchtlinge", "migrant", "migranten", "chefs",
    "beamte", "beamter", "beamtin", "beamten", "landeshauptmann", "staatsanwalt", "staatsanwältin",
    "landsmann", "männer", "meister", "meisterin", "schütze", "schützin", "profi", "profis", "vertreter",
    "vertreterin", "pilot", "piloten", "pilotin", "ingenieur", "ingenieurin", "aner", "anerin", "kicker",
    "keeper", "goalie", "torwart", "trainerteam", "sprecherteam", "demonstrant", "demonstranten",
    "teilnehmer", "teilnehmerin", "mitglied", "mitglieder", "bewohner", "bewohnerin", "passagier",
    "passagiere", "insasse", "insassen", "lenker", "lenkerin", "fahrer", "fahrerin", "mädchen", "junge",
    "investor", "investoren", "moderator", "moderatorin", "kurator", "kuratorin", "senator", "senatorin",
    "professor", "professorin", "doktor", "inspektor", "eigentümer", "eigentümerin", "besitzer", "besitzerin",
    "händler", "händlerin", "erbe", "erben", "familie", "duo", "trio", "paar", "geber", "nehmer", "schwede", "däne", "franzose", "russe", "grieche", "türke", "pole", "brite", "chinese", "held", "heldin",
)
# Suffixes of agent nouns (Kabarettist, Regisseur, Aktionär, Demonstrant) and their false friends.
PERSON_SUFFIXES: tuple[str, ...] = ("jährige", "jähriger", "jährigen", "partner", "partnerin", "ist", "isten", "istin", "eur", "eure", "eurin", "är", "äre", "ären", "ärin", "ant", "anten", "antin")
NOT_PERSON_SUFFIXES: tuple[str, ...] = ("affäre", "affären", "sphäre", "sphären", "frist", "fristen", "liste", "diamant", "restaurant", "proviant", "militär", "elefant", "quadrant", "gigant")
# Endings too short to trust inside a compound (Sekunde is not a Kunde, Reiseführer is a book).
EXACT_ONLY: frozenset[str] = frozenset({"kunde", "fan", "fans", "mann", "sohn", "kind", "opfer", "führer", "leiter", "general", "rat"})
# Groups that act like people: "Wer" asks for them as subjects.
GROUP_NOUN_ENDINGS: tuple[str, ...] = (
    "regierung", "polizei", "team", "mannschaft", "verein", "partei", "gewerkschaft", "gericht",
    "ministerium", "behörde", "kommission", "konzern", "unternehmen", "firma", "staatsanwaltschaft",
    "armee", "militär", "sicherheitsrat", "union", "miliz", "institut", "opposition", "koalition",
    "parlament", "bundestag", "nationalrat", "landtag", "senat", "kongress", "regime", "verband",
    "organisation", "bank", "agentur", "hersteller", "anbieter", "betreiber", "stadtrat", "gemeinderat",
    "aufsichtsrat", "bundesrat", "betriebsrat", "vorstand", "verwaltung", "bund", "stadt", "gemeinde",
    "land", "staat", "konzernleitung", "geschäftsführung", "führung", "justiz", "feuerwehr", "rettung",
    "kollektiv", "gruppe", "bündnis", "ensemble", "orchester", "chor", "club", "klub", "netzwerk",
)


FEMALE_FIRST_NAME_ENDINGS: tuple[str, ...] = ("a", "e", "ine", "ette", "elle", "id", "rud")
FEMALE_NOUN_ENDING = "in"


@dataclass(frozen=True)
class Mention:
    """One mention of a named entity: its tokens, type and the name without titles."""

    start: int
    end: int
    label: str  # PER, LOC, ORG, OTH
    text: str
    sentence: int

    @property
    def last(self) -> str:
        return self.text.split()[-1]


def is_person_noun(token: Token) -> bool:
    """True when a common noun names people (Präsident, Außenministeriumssprecherin, Menschen)."""
    if token.tag != "NN":
        return False
    return is_person_noun_text(token.text, token.lemma)


@functools.lru_cache(maxsize=20_000)
def is_person_noun_text(text: str, lemma_text: str) -> bool:
    """``is_person_noun`` on a word and its lemma: an ending of the lists, or a masculine noun
    whose feminine in -in the noun lexicon knows (Chilene/Chilenin, Stürmer/Stürmerin)."""
    # Cached: the question generators ask about the same nouns many times.
    if _person_word(text, lemma_text):
        return True
    tail = lemma_text.split("-")[-1]
    for k in range(0, len(tail) - 3):  # the word, then its parts: Wettbewerbshüter -> Hüter
        part = tail[k:]
        if _has_feminine_form(part[:1].upper() + part[1:]):
            return True
    return False


def _has_feminine_form(lemma: str) -> bool:
    from quizgen.german.nouns import noun_info

    if len(lemma) < 4 or not lemma[:1].isupper() or lemma in NOT_PERSON_NOUNS:
        return False
    if lemma.endswith("in") and len(lemma) > 6:
        male = noun_info(lemma[:-2]) or noun_info(lemma[:-3] + "e" if lemma.endswith("ein") else "")
        female = noun_info(lemma)
        return male is not None and male.gender == "m" and female is not None and female.gender == "f"
    info = noun_info(lemma)
    if info is None or info.gender != "m":
        return False
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    female = noun_info(stem + "in")
    return female is not None and female.gender == "f"


#: masculine nouns whose feminine is a person but who are usually things in news text
NOT_PERSON_NOUNS = frozenset({"Trojaner", "Zähler", "Drucker", "Rechner", "Computer", "Träger", "Sender", "Empfänger", "Wecker", "Hörer", "Filter", "Schalter", "Regler", "Kocher"})


def _person_word(text: str, lemma_text: str) -> bool:
    word = text.lower().replace("-", "")
    lemma = lemma_text.lower().replace("-", "")
    for form in (word, lemma):
        if form.endswith(PERSON_SUFFIXES) and not form.endswith(NOT_PERSON_SUFFIXES) and len(form) >= 7:
            return True
    if not word.endswith(PERSON_NOUN_ENDINGS) and not lemma.endswith(PERSON_NOUN_ENDINGS):
        return False  # every test below needs one of the endings
    for e in PERSON_NOUN_ENDINGS:
        for form in (word, lemma):
            if form == e or (form.endswith(e) and e not in EXACT_ONLY and len(form) - len(e) >= 3 and len(e) >= 5):
                return True
    return False


def is_group_noun(token: Token) -> bool:
    """True when a common noun names an organised group (Regierung, Polizei, Konzern)."""
    if token.tag != "NN":
        return False
    return is_group_noun_text(token.text)


def is_group_noun_text(text: str) -> bool:
    """``is_group_noun`` on a word, singular or plural (Behörde, Behörden, Verbände)."""
    word = text.lower().replace("-", "")
    forms = {word, word.removesuffix("en"), word.removesuffix("n"), word.removesuffix("s"), word.removesuffix("e")}
    return any(form == e or form.endswith(e) for e in GROUP_NOUN_ENDINGS for form in forms)


def is_female_noun(token: Token) -> bool:
    return is_person_noun(token) and token.text.endswith(FEMALE_NOUN_ENDING)


def mentions(analysis: Analysis) -> tuple[Mention, ...]:
    """Every named mention, from the NER when it ran, else from NE runs with guessed types."""
    cached = _CACHE.get(id(analysis))
    if cached is not None and cached[0] is analysis:
        return cached[1]
    found = _find_mentions(analysis)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(analysis)] = (analysis, found)
    return found


# Keyed by identity: hashing a whole Analysis on every call would cost more than the work.
_CACHE: dict[int, tuple[Analysis, tuple[Mention, ...]]] = {}


def _find_mentions(analysis: Analysis) -> tuple[Mention, ...]:
    toks = analysis.tokens
    from_ner = [
        Mention(e.start, e.end, e.label, e.text, toks[e.start].sentence) for e in analysis.entities if e.end > e.start
    ]
    covered = {i for m in from_ner for i in range(m.start, m.end)}
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if toks[i].tag == "NE" and toks[i].text[:1].isupper():
            j = i + 1
            while (
                j < len(toks)
                and toks[j].sentence == toks[i].sentence
                and _continues_name(toks[j])
                and toks[j].text not in PLACE_NAMES
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    found: list[Mention] = list(from_ner)
    person_lasts: set[str] = {m.text for m in from_ner if m.label == "PER"}
    for start, end in runs:
        if any(k in covered for k in range(start, end)):
            continue
        label = _guess_label(analysis, start, end, person_lasts)
        if from_ner and label == "OTH":
            continue  # the NER saw it and did not call it a name
        text = analysis.span_text(start, end)
        if label == "PER":
            person_lasts.add(text)
        found.append(Mention(start, end, label, text, toks[start].sentence))
    return tuple(sorted((_with_particles(analysis, m) for m in found), key=lambda m: m.start))


def _with_particles(analysis: Analysis, mention: Mention) -> Mention:
    """``Alexander Van | der Bellen``: a person's name goes on over particles and the capitalised
    name after them (the NER often stops at the particle)."""
    toks = analysis.tokens
    if mention.label != "PER":
        return mention
    end = mention.end
    while end + 1 < len(toks) and toks[end].sentence == mention.sentence and toks[end].text in NAME_PARTICLES:
        k = end
        while k < len(toks) and toks[k].text in NAME_PARTICLES:
            k += 1
        if k < len(toks) and toks[k].text[:1].isupper() and toks[k].tag in ("NE", "NN", "FM") and toks[k].sentence == mention.sentence:
            end = k + 1
        else:
            break
    if end == mention.end:
        return mention
    return Mention(mention.start, end, mention.label, analysis.span_text(mention.start, end), mention.sentence)


def _continues_name(tok: Token) -> bool:
    if tok.tag == "NE":
        return True
    # HanTa tags unknown second names (Jinping) as NN; an NN with no lexicon entry and an
    # unchanged lemma is most likely a name.
    return (
        tok.tag == "NN"
        and tok.noun is None
        and tok.lemma == tok.text
        and "-" not in tok.text
        and len(tok.text) <= 8
        and not tok.text.endswith(("ung", "heit", "keit", "schaft", "ion", "tät", "er", "en"))
    )


def _guess_label(analysis: Analysis, start: int, end: int, person_lasts: set[str]) -> str:
    toks = analysis.tokens
    words = [t.text for t in toks[start:end]]
    if any(_contains_words(p, " ".join(words)) for p in person_lasts):
        return "PER"
    if len(words) == 1 and (words[0] in PLACE_NAMES or words[0].rstrip("s") in PLACE_NAMES):
        return "LOC"
    if all(w.isupper() and len(w) >= 2 for w in words):
        return "ORG"
    prev = toks[start - 1] if start > 0 else None
    if prev is not None and prev.sentence == toks[start].sentence and is_person_noun(prev):
        return "PER"
    if (
        2 <= len(words) <= 3
        and not any(w in PLACE_NAMES or "." in w or w.endswith("s") for w in words)
        and _named_alone_later(analysis, words[-1], end)
    ):
        return "PER"  # people are named in full once, then by surname; places and products are not
    if prev is not None and prev.lemma in {"in", "nach", "aus"} and prev.tag in PREPOSITION_TAGS:
        return "LOC"
    return "OTH"


def _named_alone_later(analysis: Analysis, surname: str, after: int) -> bool:
    toks = analysis.tokens
    for k in range(after, len(toks)):
        if toks[k].text in (surname, surname + "s") and toks[k].tag == "NE":
            prev_ne = k > 0 and toks[k - 1].tag == "NE"
            next_ne = k + 1 < len(toks) and toks[k + 1].tag == "NE"
            if not prev_ne and not next_ne:
                return True
    return False


def full_name(analysis: Analysis, mention: Mention) -> str:
    """The longest form of a person's name in the text (Putin -> Wladimir Putin, Wang -> Wang Yi)."""
    if mention.label != "PER":
        return mention.text
    best = mention.text
    for m in mentions(analysis):
        if m.label == "PER" and len(m.text) > len(best) and _contains_words(m.text, mention.text):
            best = m.text
    return best


@functools.lru_cache(maxsize=20_000)
def _contains_words(long: str, short: str) -> bool:
    lw, sw = long.lower().split(), short.lower().split()
    return any(lw[i : i + len(sw)] == sw for i in range(len(lw) - len(sw) + 1))


def same_referent(a: str, b: str) -> bool:
    """Two names for one referent: equal, or one's words within the other's (Putin, Wladimir Putin)."""
    return _contains_words(a, b) or _contains_words(b, a) or a.lower().rstrip("s") == b.lower().rstrip("s")


def is_female_name(analysis: Analysis, mention: Mention) -> bool | None:
    """True/False when a title or first name tells, None when unknown."""
    name = full_name(analysis, mention)
    for m in mentions(analysis):
        if m.label == "PER" and _contains_words(name, m.text) and m.start > 0:
            prev = analysis.tokens[m.start - 1]
            if is_person_noun(prev):
                return is_female_noun(prev)
    words = name.split()
    if len(words) >= 2:
        return words[0].lower().endswith(FEMALE_FIRST_NAME_ENDINGS)
    return None


def name_forms(analysis: Analysis, name: str, label: str | None = None) -> tuple[str, ...]:
    """Every way the text writes a referent (Wang Yi, Wang): answers a typed check accepts.
    With ``label`` only mentions of that type count ("Hasan E. von der Nationalgarde" is a
    person: the organisation Nationalgarde is no answer for him)."""
    forms = [name]
    texts = {m.text for m in mentions(analysis)}
    for m in mentions(analysis):
        genitive = m.text.endswith("s") and m.text[:-1] in texts  # Putins beside Putin
        if label is not None and m.label != label:
            continue
        if m.text not in forms and same_referent(m.text, name) and not genitive:
            forms.append(m.text)
    return tuple(forms)


def clean_name(analysis: Analysis, mention: Mention) -> bool:
    """A name fit to stand as an option: no genitive, abbreviation dots or digits; in the
    fallback typing (no NER) a place must be in the gazetteer."""
    text = mention.text
    if any(ch.isdigit() for ch in text) or "." in text or text.endswith("s") and text not in PLACE_NAMES:
        return False
    if not analysis.entities and mention.label == "LOC":
        return text in PLACE_NAMES
    return True


def well_attested_person(analysis: Analysis, mention: Mention) -> bool:
    """A person the text names twice (full name, then surname) or with a title: a safer
    option or swap than a one-off name the NER may have mistyped (``Lake Louise``)."""
    name = full_name(analysis, mention)
    count = sum(1 for m in mentions(analysis) if m.label == "PER" and same_referent(m.text, name))
    if count >= 2:
        return True
    return any(
        m.label == "PER" and same_referent(m.text, name) and m.start > 0 and is_person_noun(analysis.tokens[m.start - 1])
        for m in mentions(analysis)
    )


def consistent_label(analysis: Analysis, name: str) -> bool:
    """Every mention of the name has one type (the NER calls Neymar a place once: not safe)."""
    labels = {m.label for m in mentions(analysis) if same_referent(m.text, name)}
    return len(labels) <= 1


def well_attested(analysis: Analysis, mention: Mention) -> bool:
    """A name safe to swap or offer: a well-attested person, a place from the gazetteer, or a
    name the text gives the same type at least twice."""
    if mention.label == "PER":
        return well_attested_person(analysis, mention)
    if mention.label == "LOC" and mention.text in PLACE_NAMES:
        return True
    return sum(1 for m in mentions(analysis) if m.text == mention.text and m.label == mention.label) >= 2
