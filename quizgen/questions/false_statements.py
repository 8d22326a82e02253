"""The changes that make a statement false, each one fact a reader can check in the text:
another person, place or organisation of the same type from the text (never one name of a
list), subject and object swapped, another number, the opposite verb (steigen/sinken; no close
turned into an opening in a market report), or the text's ``nicht`` removed.
"""

from __future__ import annotations

import re

from quizgen.analysis import Analysis, Clause, Phrase
from quizgen.german.verb_lexicon import OPPOSITES, base_lemma
from quizgen.questions.clause_reading import ClauseReading
from quizgen.questions.mentions import (
    Mention,
    clean_name,
    consistent_label,
    full_name,
    is_person_noun,
    mentions,
    same_referent,
    well_attested,
)
from quizgen.questions.statements import Layout, Made, make_statement


def false_statements(analysis: Analysis, reading: ClauseReading, layout: Layout) -> list[Made]:
    out: list[Made] = []
    for make in (_swapped_entity, _swapped_roles, _number_changed, _opposite_verb, _negation_removed):
        found = make(analysis, reading, layout)
        if found is not None and found[0][0] not in (t[0] for t, _ in out):
            out.append(found)
    return out


def _swapped_entity(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    """Another person, place or organisation of the same type from the text."""
    clause = reading.clause
    here = [m for m in mentions(analysis) if m.sentence == clause.sentence and m.start in reading.own]
    names_here = {full_name(analysis, m) for m in mentions(analysis) if m.sentence == clause.sentence}
    toks = analysis.tokens
    for mention in here:
        if mention.label not in ("PER", "LOC", "ORG") or not _swappable(analysis, mention):
            continue
        in_role = _role_of(clause, mention)
        for other in _others_of_type(analysis, mention, names_here):
            if _could_be_true(analysis, other, clause.verb_lemma, clause.sentence):
                continue
            if mention.label == "LOC" and in_role and not _acts_somewhere(analysis, other):
                continue  # Russland -> Moskau: a city where a country acts says the same thing
            substitute = {i: "" for i in range(mention.start, mention.end)}
            substitute[mention.start] = other
            title = mention.start - 1
            if mention.label == "PER" and title >= 0 and is_person_noun(toks[title]):
                if title > 0 and toks[title - 1].tag in ("ART", "ADJA", "PPOSAT", "PDAT"):
                    continue  # "der Präsident Putin": the article and title would stay
                substitute[title] = ""  # "Bürgermeisterin Elke Kahr" -> "Kurt Hohensinner"
            made = make_statement(analysis, reading, layout, substitute)
            if made is not None:
                return made, f"{mention.text} -> {other}"
    return None


def _role_of(clause: Clause, mention: Mention) -> bool:
    """Whether the name is the clause's subject or object (a place acting, not a location)."""
    return any(p is not None and p.start <= mention.start < p.end for p in (clause.subject, *clause.acc_objects, *clause.dat_objects))


def _acts_somewhere(analysis: Analysis, name: str) -> bool:
    """The name is a subject or object somewhere in the text: a country that acts, a team that plays."""
    for clause in analysis.clauses:
        for p in (clause.subject, *clause.acc_objects, *clause.dat_objects):
            if p is not None and analysis.span_text(p.start, p.end) == name:
                return True
    return False


def _swappable(analysis: Analysis, mention: Mention) -> bool:
    toks = analysis.tokens
    if not consistent_label(analysis, mention.text):
        return False
    if mention.start > 0 and toks[mention.start - 1].tag in ("ART", "ADJA", "APPRART"):
        return False  # "die Ukraine" -> "die Kiew": the article belongs to the name
    if not well_attested(analysis, mention) or not clean_name(analysis, mention):
        return False
    if mention.label != "PER" and mention.start > 0 and is_person_noun(toks[mention.start - 1]):
        return False  # "Kapitän Luisao" typed as a place: a title says it is a person
    if mention.start > 0 and toks[mention.start - 1].tag == "NN" and not is_person_noun(toks[mention.start - 1]):
        return False  # "das Projekt River Mur": the name of a thing, not an actor to swap
    if _in_a_list(analysis, mention):
        return False  # "in Leipzig und Dresden" -> "in Leipzig und München": half true, half false
    one_word = len(mention.text.split()) < 2 and full_name(analysis, mention) == mention.text
    return not (mention.label == "PER" and not analysis.entities and one_word)


#: words that join the members of a list
_LIST_WORDS = frozenset({"und", "oder", "sowie", "bzw.", "beziehungsweise", ","})


def _in_a_list(analysis: Analysis, mention: Mention) -> bool:
    """Whether the name is one member of a list of names (Leipzig und Dresden, Russland, China
    und Indien): a statement with one member swapped is partly true."""
    toks = analysis.tokens
    before = toks[mention.start - 1] if mention.start > 0 else None
    after = toks[mention.end] if mention.end < len(toks) else None
    joined_before = before is not None and before.sentence == mention.sentence and before.text in _LIST_WORDS \
        and mention.start > 1 and toks[mention.start - 2].tag in ("NE", "NN")
    joined_after = after is not None and after.sentence == mention.sentence and after.text in _LIST_WORDS \
        and mention.end + 1 < len(toks) and toks[mention.end + 1].tag in ("NE", "NN", "ART")
    return joined_before or joined_after


def _others_of_type(analysis: Analysis, mention: Mention, names_here: set[str]) -> list[str]:
    out: list[str] = []
    toks = analysis.tokens
    for m in mentions(analysis):
        if m.label != mention.label or not clean_name(analysis, m):
            continue
        if m.label != "PER" and (m.start == 0 or toks[m.start - 1].tag in ("ART", "APPRART", "ADJA")):
            continue  # "das FBI", "die Ukraine": a name that takes an article cannot stand in bare
        if m.label == "PER" and not analysis.entities and len(full_name(analysis, m).split()) < 2:
            continue
        if not well_attested(analysis, m) or not consistent_label(analysis, m.text):
            continue
        name = full_name(analysis, m)
        if any(same_referent(name, h) for h in names_here) or name in out:
            continue
        out.append(name)
    return out


def _could_be_true(analysis: Analysis, name: str, verb_lemma: str, sentence: int) -> bool:
    """A sentence elsewhere with the same verb and the swapped-in name might make it true."""
    for other in analysis.clauses:
        if other.sentence == sentence or other.verb_lemma != verb_lemma:
            continue
        if name.split()[-1].lower() in analysis.sentences[other.sentence].text.lower():
            return True
    return False


def _swapped_roles(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    """``Chile schlug Bolivien`` -> ``Bolivien schlug Chile``: two bare names of one type."""
    clause = reading.clause
    if clause.subject is None or len(clause.acc_objects) != 1:
        return None
    a, b = _bare_name(analysis, clause.subject), _bare_name(analysis, clause.acc_objects[0])
    if a is None or b is None or a.label != b.label or same_referent(a.text, b.text):
        return None
    substitute = {i: "" for i in range(a.start, a.end)} | {i: "" for i in range(b.start, b.end)}
    substitute[a.start], substitute[b.start] = b.text, a.text
    made = make_statement(analysis, reading, layout, substitute)
    return (made, f"roles swapped: {a.text} <-> {b.text}") if made else None


def _bare_name(analysis: Analysis, phrase: Phrase) -> Mention | None:
    found = [m for m in mentions(analysis) if m.start == phrase.start and m.end == phrase.end]
    return found[0] if found and found[0].label in ("PER", "ORG", "LOC") else None


def _number_changed(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    toks = analysis.tokens
    numbers_in_text = {t.text for t in toks if t.tag == "CARD"}
    for i in reading.own:
        tok = toks[i]
        if tok.tag != "CARD" or not re.fullmatch(r"\d{1,4}(,\d+)?", tok.text) or i in layout.drop:
            continue
        if i > 0 and toks[i - 1].tag in ("NE", "NN") and toks[i - 1].text[:1].isupper():
            continue  # Windows 10, Build 10572, iPhone 6: a number in a name
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        new = other_number(tok.text, year=not (nxt is not None and nxt.tag in ("NN", "ADJA")))
        if new is None or new in numbers_in_text:
            continue
        made = make_statement(analysis, reading, layout, {i: new})
        if made is not None:
            return made, f"number {tok.text} -> {new}"
    return None


def other_number(text: str, *, year: bool = True) -> str | None:
    """A clearly different, plausible number: a year two earlier, a count 40% higher."""
    if "," in text:
        whole, frac = text.split(",")
        return f"{int(whole) + 1},{frac}"
    n = int(text)
    if 1900 <= n <= 2100 and year:
        return str(n - 2)
    if n == 0:
        return None
    return str(n + max(1, round(n * 0.4)))


def _opposite_verb(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    lemma = base_lemma(reading.clause.verb_lemma)
    opposite = OPPOSITES.get(lemma)
    if opposite is None or reading.clause.negated:
        return None
    if lemma in _MARKET_VERBS and _market_report(analysis, reading.clause.sentence):
        return None  # "Die Börse schloss leichter": an opening the text never reports, not a false close
    made = make_statement(analysis, reading, layout, {}, verb=opposite)
    return (made, f"verb {lemma} -> {opposite}") if made else None


#: verbs a market report uses for a price at the close or the opening (schloss 0,5 Prozent höher)
_MARKET_VERBS = frozenset({"schließen", "öffnen", "eröffnen"})


def _market_report(analysis: Analysis, sentence: int) -> bool:
    """A sentence of a market report: a comparative (leichter, fester, höher) or Prozent/Punkte."""
    toks = analysis.sentence_tokens(sentence)
    return any((t.tag == "ADJD" and t.text.endswith("er")) or t.text in ("Prozent", "%", "Punkte", "Punkten") for t in toks)


def _negation_removed(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    """The clause without its ``nicht``. Adding a ``nicht`` is not offered: where it goes
    depends on focus and idiom, and a misplaced one is bad German."""
    toks = analysis.tokens
    nicht = [i for i in reading.own if toks[i].text.lower() == "nicht" and toks[i].tag == "PTKNEG"]
    if len(nicht) != 1 or any(toks[i].text.lower() in ("noch", "mehr", "nur", "gar", "auch") for i in reading.own):
        return None
    made = make_statement(analysis, reading, layout, {nicht[0]: ""})
    return (made, "negation removed") if made is not None else None
