"""Shapes of questions a teacher crosses out, found by reading graded dev draws (seeds 77 and
501): each rule names the fault it stops. Cheap text and tag tests on the candidate, applied
before ranking, so no candidate of these shapes costs a parse.

- a/b/c only where the options are surely of one type and surely wrong: names of persons and
  numbers (things gave "die Statistik" against "die Blues", a place against a club, an option
  cut out of a phrase); no two options share a word (Lech Wałęsa / Lech Kaczyński Wałęsa);
- no additive particle in a question (auch, zugleich, etwa ...): others did the same, so the
  answer is not the only one, or the question needs the sentence before;
- no answer that is part of the predicate ("Was spielt der Ersteindruck?" -> "eine wichtige
  Rolle", "der Wurm" in "ist der Wurm drin");
- no answer that points back (ein entsprechender Akt) or is a class noun with only an
  indefinite article (eine Situation);
- Was never asks for a name or an organisation (Zenit, Artem Dsjuba);
- no question that keeps a phrase of the answer's noun ("Was fordert die Gewerkschaft nach
  den Bedingungen ...?") or an article cut from its noun ("den mit 1,5 Millionen Dollar?");
- no question from a sentence with a heading or another sentence glued on, or with an ending
  error of the text (quizgen.text.article_checks);
- statements: no name lower-cased, no unit changed beside a number (32.000 SSD for IOPS), no
  subject that is a class noun only the text before explains (Der Wert steigt ...).
"""

from __future__ import annotations

import re

from quizgen.analysis import Analysis, Token
from quizgen.german.word_lists import (
    ADDITIVE_PARTICLES,
    NAME_PARTICLES,
    REFERRING_ADJECTIVE_STEMS,
    SUPPORT_VERB_NOUNS,
)
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.mentions import is_group_noun, is_person_noun
from quizgen.questions.verification import GENERIC_HEADS
from quizgen.text.article_checks import agreement_slip, glued_on

CHOICE_ANSWER_TYPES = frozenset({"PER", "NUM"})
_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
_DEFINITE = frozenset({"der", "die", "das"})
_WORD = re.compile(r"[\wÄÖÜäöüß.,:-]+")
_NUMBER = re.compile(r"^\d[\d.,:]*$")
# an article, a preposition and no attributive adjective before the question ends: the
# participle that held the phrase together was cut ("den mit 1,5 Millionen Dollar?")
_CUT_ARTICLE = re.compile(
    r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s+"
    r"(?:mit|von|für|auf|in|an|zu|bei|aus|nach|um|über|unter|vor|seit|gegen)\s+(?P<rest>[^?]*)\?"
)
#: "Laut Merkel den Zuzug ist ...": a source name that ran into the clause
_GARBLED_SOURCE = re.compile(r"\b[Ll]aut (?:[A-ZÄÖÜ][\w-]*\s)+(?:den|dem|des)\s")
#: derivational endings of nouns that name things and events, never persons (Durchführung)
_THING_ENDINGS = ("ung", "heit", "keit", "ismus", "nis")
#: bodies that act as persons though their noun ends like a thing's
#: (not Durchführung, Einleitung: only the words named here)
_BODY_ENDINGS = ("regierung", "vertretung", "verwaltung", "bevölkerung", "mehrheit", "minderheit", "parteiführung",
                 "konzernführung", "geschäftsführung", "geschäftsleitung", "konzernleitung", "vereinsführung")
_BODY_WORDS = frozenset({"führung", "leitung", "stadtverwaltung", "verwaltung"})
#: a class noun with a definite article and nothing that says which one (der Wert auf, das Land nach)
_DEFINITE_GENERIC = re.compile(r"\b(?:der|die|das|den|dem)\s+([A-ZÄÖÜ][\wäöüß]*)(?=\s+(?:[a-zäöüß]|\?)|\?)")
#: class nouns that, with only a definite article, stand for a place, a body or a figure the
#: text names elsewhere (das Land = die Türkei, der Wert = the share of the sentence before)
_STAND_INS = frozenset(
    "Land Staat Stadt Gemeinde Region Unternehmen Konzern Firma Wert Zahl Anteil Betrag Summe Mann Frau".split()
)
#: a comparison without its 'als' needs the sentence before (Wer hat mehr Flüchtlinge befragt?)
_COMPARATIVES = frozenset(
    "mehr weniger niedriger höher größer kleiner besser schlechter stärker schwächer häufiger seltener länger kürzer".split()
)
_FIRST_PERSON = frozenset("ich mich mir mein meine meinen meinem meiner wir uns unser unsere unseren unserem unserer".split())
#: the additive particles a statement cannot keep without the sentence before (zugleich ...)
_STATEMENT_ADDITIVES = frozenset({"zugleich", "ebenfalls", "außerdem", "zudem", "ebenso", "gleichfalls"})
MIN_STATEMENT_WORDS = 5
_DEMONSTRATIVES = frozenset("dieser diese dieses diesen diesem jener jene jenes jenen jenem".split())
#: nouns for a crowd of people, asked with Wer, not Was (ein Kreis deutscher Einwanderer)
_CROWD_NOUNS = frozenset("Kreis Gruppe Schar Kreise Gruppen".split())
_ATTRIBUTIVE = re.compile(r"\b[a-zäöüß][\wäöüß-]*(?:e|en|er|es|em)\s+[A-ZÄÖÜ]")


def _words(text: str) -> list[str]:
    return [w.rstrip(".,:") for w in _WORD.findall(text) if w.rstrip(".,:")]


def crossed_out(analysis: Analysis, cand: QuestionCandidate) -> str | None:
    """Why a teacher would cross the candidate out, or None when no rule here objects."""
    if cand.kind == "truefalse":
        return _statement_fault(analysis, cand)
    if cand.kind == "choice":
        fault = _choice_fault(analysis, cand)
        if fault:
            return fault
    return _question_fault(analysis, cand)


def _shared_fault(analysis: Analysis, cand: QuestionCandidate, words: list[str]) -> str | None:
    """Faults of questions and statements alike."""
    lows = [w.lower() for w in words]
    for k, low in enumerate(lows):
        if low in _COMPARATIVES and "als" not in lows and not (k and lows[k - 1] in ("nicht", "kein", "keine", "immer")):
            return f"'{words[k]}' compares with something the question does not name"
    if any(w.lower().startswith(REFERRING_ADJECTIVE_STEMS) for w in words):
        return "it points back into the text (derartige Unterlagen)"
    glued = glued_on(analysis, cand.sentence) or agreement_slip(analysis, cand.sentence)
    if glued:
        return f"its sentence is {glued}"
    sentence = _words(analysis.sentences[cand.sentence].text)
    if any(w.lower() in _FIRST_PERSON for w in sentence):
        return "the sentence speaks in the first person: a quote, not a fact"
    return None


def _question_fault(analysis: Analysis, cand: QuestionCandidate) -> str | None:
    words = _words(cand.question)
    shared = _shared_fault(analysis, cand, words)
    if shared:
        return shared
    for k, word in enumerate(words):
        low = word.lower()
        if low in ADDITIVE_PARTICLES:
            if low == "etwa" and k + 1 < len(words) and _NUMBER.match(words[k + 1]):
                continue  # etwa 40: about, not 'for example'
            return f"additive particle '{word}': the answer is not the only one"
    low_q = cand.question.lower()
    if re.match(r"wer (heißt|hieß|hießen|heißen)\b", low_q):
        return "'Wer heißt ...?' asks a name with the wrong word (Wie heißt ...?)"
    match = _CUT_ARTICLE.search(cand.question)
    if match and not _ATTRIBUTIVE.search(match.group("rest") + " X"):
        return "an article cut from its noun"
    if _GARBLED_SOURCE.search(cand.question):
        return "the source after 'laut' runs into the clause"
    if re.search(r"\bunter anderem\b", low_q):
        return "'unter anderem': the answer is not the only one"
    generic = _DEFINITE_GENERIC.search(cand.question)
    if generic and generic.group(1) in _STAND_INS:
        return f"'{generic.group(0).strip()}' stands for what the text names elsewhere"
    answer_words = cand.answer_short.split()
    if answer_words and answer_words[0].lower() in ADDITIVE_PARTICLES and not (len(answer_words) > 1 and _NUMBER.match(answer_words[1])):
        return "the answer starts with a particle (etwa die Forderung)"
    if any(w.lower() in _DEMONSTRATIVES for w in cand.answer.split()[1:]):
        return "the answer points back into the text (das Potenzial dieser Methode)"
    if any(w.lower().startswith(REFERRING_ADJECTIVE_STEMS) for w in cand.answer.split()):
        return "the answer points back into the text (entsprechend, derartig)"
    if len(answer_words) == 2 and answer_words[0].lower() in _INDEFINITE and answer_words[1] in GENERIC_HEADS:
        return "the answer is a class noun (eine Situation)"
    start, end = cand.span
    span: list[Token] = list(analysis.tokens[start:end]) if end > start else []
    if answer_words and answer_words[0].lower() in _DEFINITE | {"den", "dem"} and span:
        last = [t for t in span if t.text == answer_words[-1] and t.tag == "NN"]
        if last and (last[0].text in _STAND_INS or last[0].lemma in _STAND_INS):
            return "the answer stands for what the text names elsewhere (die Städte)"
    if cand.verb_lemma and any(
        t.tag == "NN" and (cand.verb_lemma, t.lemma) in SUPPORT_VERB_NOUNS for t in span
    ):
        return "the answer is part of the predicate (eine Rolle spielen)"
    if cand.verb_lemma and len(words) <= 5 and any((cand.verb_lemma, w) in SUPPORT_VERB_NOUNS for w in words):
        return "an idiom asked for its subject in a bare question (Was hat ein Ende?)"
    if cand.verb_lemma:
        sentence_nouns = [t for t in _sentence_tokens(analysis, cand.sentence) if t.tag == "NN"]
        for t in sentence_nouns:
            if (cand.verb_lemma, t.lemma) in SUPPORT_VERB_NOUNS and t.text not in cand.question and t.text not in cand.answer:
                return "an idiom cut: its noun is missing (seinem Namen alle Ehre machen)"
    if cand.wh_word in ("Wer", "Wen", "Wem") and span:
        nouns = [t for t in span if t.tag in ("NN", "NE")]
        if nouns and nouns[0].tag == "NN" and nouns[0].text.endswith(_THING_ENDINGS) and not _body(nouns[0].text):
            return "Wer for a thing (die Durchführung)"
    if cand.wh_word in ("Wer", "Wen", "Wem") and span and _feminine_thing(span):
        return "Wer/Wen for a thing (eine Kostengrenze)"
    if cand.wh_word in ("Wer", "Wen", "Wem") and span and _unnamed_person(span):
        return "a person by title only: the text names them elsewhere"
    if cand.wh_word == "Was" and span:
        heads = [t for t in span if t.tag == "NN"]
        if heads and (heads[0].text in _CROWD_NOUNS or is_person_noun(heads[0])):
            return "Was for people (ein Kreis deutscher Einwanderer)"
    if cand.answer_type == "PER" and not _pairs_in_text(analysis, answer_words):
        return "a name the text does not have (two names merged)"
    if cand.wh_word == "Was" and span and cand.answer_type.startswith("THING") and _names_someone(analysis, span):
        return "Was for a person, organisation or place"
    if end and end < len(analysis.tokens):
        after = analysis.tokens[end]
        if after.tag in ("APPR", "APPRART") and after.sentence == cand.sentence and end + 1 < len(analysis.tokens):
            phrase = f"{after.text} {analysis.tokens[end + 1].text}".lower()
            if f" {phrase}" in f" {low_q}":
                return "a phrase of the answer's noun left in the question"
    return None


def _names_someone(analysis: Analysis, span: list[Token]) -> bool:
    """A person, organisation or place by the NER, here or where the same word stands in a
    name elsewhere (Zenit here, Zenit St. Petersburg there)."""
    core: list[Token] = []
    for t in span:
        if core and t.tag in ("APPR", "APPRART", "KON", "ART", "$,"):
            break  # "eine fiktive Werbung für das neue iOS": the thing is the Werbung
        core.append(t)
    if any(t.ent_type in ("PER", "ORG", "LOC") for t in core):
        return True
    if core[0].tag in ("ART", "PPOSAT", "PIAT", "ADJA", "CARD"):
        return False
    span = core
    if len(span) == 1 and span[0].tag == "NN":
        word = span[0].text
        if word in _name_heads(analysis):
            return True  # Zenit here, Zenit St. Petersburg there: a bare noun that heads a name
    texts = {t.text for t in span if t.tag in ("NN", "NE")}
    return bool(texts & _named_words(analysis))


#: feminine singular nouns for persons: -in (Präsidentin), -frau, nominalised adjectives
#: (die Angestellte, Jugendliche, Verdächtige) and a few words of their own
_FEMININE_PERSON_ENDINGS = ("in", "frau", "te", "che", "ige", "ene")
_FEMININE_PERSONS = frozenset("Person Mutter Tochter Schwester Witwe Dame Oma Großmutter Tante Nichte Braut".split())


def _feminine_thing(span: list[Token]) -> bool:
    """The answer's head is a feminine singular noun that names no person and no body (eine
    Kostengrenze), though the person typing took it for one."""
    nouns = [t for t in span if t.tag in ("NN", "NE")]
    if not nouns or nouns[0].tag != "NN":
        return False
    head = nouns[0]
    feminine = head.noun.gender == "f" if head.noun is not None else head.feat("Gender") == "Fem"
    if not feminine or head.feat("Number") != "Sing":
        return False
    if head.text in _FEMININE_PERSONS or head.text.lower().endswith(_FEMININE_PERSON_ENDINGS):
        return False
    return not is_group_noun(head) and not _body(head.text)


def _unnamed_person(span: list[Token]) -> bool:
    """One person named only by a title or role (die ehemalige Präsidentin des Obersten
    Gerichtshofs, Portugals Meister): a singular person noun heads it and no name follows."""
    if not span:
        return False
    first = span[0]
    if first.tag not in ("ART", "NE", "ADJA") or (first.tag == "ART" and first.text.lower() not in _DEFINITE | {"den", "dem"}):
        return False
    nouns = [k for k, t in enumerate(span) if t.tag == "NN"]
    if not nouns:
        return False
    head = span[nouns[0]]
    if not is_person_noun(head) or head.feat("Number") == "Plur":
        return False
    return not any(t.tag == "NE" or t.ent_type == "PER" for t in span[nouns[0] + 1 :])


def _sentence_tokens(analysis: Analysis, sentence: int) -> list[Token]:
    s = analysis.sentences[sentence]
    return list(analysis.tokens[s.start : s.end])


# Per-analysis word sets, computed once per text (an analysis is immutable); keyed by id with
# the analysis kept, so a new analysis at a reused id is not mistaken for the old one.
_CACHE: dict[int, tuple[Analysis, frozenset[str], frozenset[str], str]] = {}


def _word_sets(analysis: Analysis) -> tuple[frozenset[str], frozenset[str], str]:
    cached = _CACHE.get(id(analysis))
    if cached is None or cached[0] is not analysis:
        toks = analysis.tokens
        named = frozenset(t.text for t in toks if t.ent_type in ("PER", "ORG", "LOC"))
        heads = frozenset(
            t.text
            for t, nxt in zip(toks, toks[1:])
            if nxt.sentence == t.sentence and nxt.text[:1].isupper() and nxt.tag not in ("NN", "ART")
        )
        if len(_CACHE) > 8:
            _CACHE.clear()
        cached = _CACHE[id(analysis)] = (analysis, named, heads, " ".join(analysis.text.split()))
    return cached[1], cached[2], cached[3]


def _person_words(analysis: Analysis) -> frozenset[str]:
    """Words the NER puts in a person's name somewhere in the text."""
    return frozenset(t.text for t in analysis.tokens if t.ent_type == "PER")


def _named_words(analysis: Analysis) -> frozenset[str]:
    """Words the NER puts in a person's, organisation's or place's name somewhere in the text."""
    return _word_sets(analysis)[0]


def _name_heads(analysis: Analysis) -> frozenset[str]:
    """Words followed somewhere by a capitalised word that is no common noun (Zenit St. Petersburg)."""
    return _word_sets(analysis)[1]


#: -führung nouns that name an act, not a leadership (Durchführung, Einführung)
_ACT_FUEHRUNG = ("durchführung", "einführung", "ausführung", "vorführung", "entführung", "weiterführung",
                 "fortführung", "anführung", "zuführung", "überführung", "rückführung", "buchführung", "beweisführung")


def _body(noun: str) -> bool:
    low = noun.lower().replace("-", "")
    if low.endswith("führung"):
        return not low.endswith(_ACT_FUEHRUNG)  # die ORF-Führung, die Parteiführung
    return low in _BODY_WORDS or low.endswith(_BODY_ENDINGS)


def _pairs_in_text(analysis: Analysis, words: list[str]) -> bool:
    """Every two neighbouring words of a name stand side by side in the text."""
    pairs = list(zip(words, words[1:]))
    if not pairs:
        return True
    text = _word_sets(analysis)[2]
    return all(f"{a} {b}" in text for a, b in pairs)


def _name_shaped(option: str) -> bool:
    words = option.split()
    return bool(words) and all(w[:1].isupper() or w in NAME_PARTICLES or w.startswith("al-") for w in words)


def _choice_fault(analysis: Analysis, cand: QuestionCandidate) -> str | None:
    if cand.answer_type not in CHOICE_ANSWER_TYPES:
        return "a/b/c only for persons and numbers"
    if cand.answer_type == "PER":
        if not all(_name_shaped(o) for o in cand.options):
            return "an option is not a name"
        seen: set[str] = set()
        for option in cand.options:
            parts = {w.lower() for w in option.split() if len(w) > 2 and w not in NAME_PARTICLES}
            if parts & seen:
                return "two options share a name"
            seen |= parts
        if analysis.entities:
            persons = _person_words(analysis)
            if not all(option.split()[-1] in persons for option in cand.options):
                return "an option the NER does not call a person (Benfica Lissabon among players)"
    return None


def _statement_fault(analysis: Analysis, cand: QuestionCandidate) -> str | None:
    sentence = analysis.sentences[cand.sentence]
    source_words = _words(sentence.text)
    toks = _sentence_tokens(analysis, cand.sentence)
    names_and_nouns = {t.text for t in toks if t.tag in ("NN", "NE")}
    statement_words = _words(cand.question)
    shared = _shared_fault(analysis, cand, statement_words)
    if shared:
        return shared
    if len(statement_words) < MIN_STATEMENT_WORDS:
        return "a statement too short to test anything (Das Ministerium zieht nach)"
    if any(w.lower() in _STATEMENT_ADDITIVES for w in statement_words):
        return "an additive particle that needs the sentence before (zugleich)"
    for k, word in enumerate(statement_words):
        if word.lower() == "etwa" and not (k + 1 < len(statement_words) and _NUMBER.match(statement_words[k + 1])):
            return "'etwa' (for example): one case of several, true or false by what is left out"
    for word in statement_words[1:]:
        if word[:1].islower() and word.capitalize() in names_and_nouns and word not in source_words:
            return "a name or noun lower-cased"
    if _GARBLED_SOURCE.search(cand.question):
        return "the source after 'laut' runs into the clause"
    after_number = {w: source_words[k + 1] for k, w in enumerate(source_words[:-1]) if _NUMBER.match(w)}
    for k, word in enumerate(statement_words[:-1]):
        if word in after_number and statement_words[k + 1] != after_number[word] and statement_words[k + 1][:1].isupper() and after_number[word][:1].isupper():
            return "the unit beside a number changed"
    generic = _DEFINITE_GENERIC.search(cand.question)
    if generic and generic.group(1) in _STAND_INS:
        return f"'{generic.group(0).strip()}' stands for what the text names elsewhere"
    if statement_words and statement_words[0].lower() in _DEFINITE:
        for word in statement_words[1:6]:
            if word[:1].isupper():
                nouns = [t for t in toks if t.text == word and t.tag == "NN"]
                if word in GENERIC_HEADS or {t.lemma for t in nouns} & GENERIC_HEADS:
                    return "the subject is a class noun the text before explains"
                at = nouns[0].i - toks[0].i if nouns else 0
                if at > 0 and _unnamed_person(list(toks[at - 1 : at + 3])):
                    return "the subject is a person by title only (Der Hinspiel-Torschütze)"
                break
    return None
