"""The answer side of a question: what kind of thing a constituent names, its core, and its
full extent (a trailing ``von ihrem Staatsgebiet, inklusive der Krim`` belongs to the answer).
"""

from __future__ import annotations

from dataclasses import replace

from quizgen.analysis import Analysis, Phrase
from quizgen.nlp.stts import PREPOSITION_TAGS
from quizgen.questions.clause_reading import ClauseReading
from quizgen.questions.wording import misplaced_capital
from quizgen.questions.mentions import full_name, is_group_noun, is_person_noun, mentions
from quizgen.questions.pronoun_resolution import resolve_pronoun

ATTACHING = frozenset({"von", "vom", "inklusive", "einschließlich", "samt", "mitsamt", "darunter", "insbesondere"})
NP_MATERIAL = PREPOSITION_TAGS | frozenset({"ART", "ADJA", "NN", "NE", "CARD", "PPOSAT", "PIAT", "PIDAT", "KON", "$,", "ADV"})
STOP_CORE = PREPOSITION_TAGS | frozenset({"$,", "$(", "KON", "PRELS", "KOUS", "$."})
#: tags of a word that needs what follows it (its noun, its object): a phrase after it is cut
_BEFORE_NOUN = PREPOSITION_TAGS | frozenset({"ART", "ADJA", "PPOSAT", "PDAT", "PIAT"})
#: what a PP between an article and its participle is made of (die von China angekündigte)
_PP_MATERIAL = PREPOSITION_TAGS | frozenset({"NE", "NN", "ADV", "ADJD", "CARD"})


def phrase_kind(analysis: Analysis, phrase: Phrase) -> str:
    """PER, LOC, ORG, OTH (named), PERSON_NOUN, GROUP_NOUN, THING, or why it cannot be asked about."""
    toks = analysis.tokens
    if phrase.end - phrase.start == 1:
        tok = toks[phrase.start]
        low = tok.text.lower()
        if tok.tag == "PRF":
            return "REFLEXIVE"
        if low == "es":
            return "EXPLETIVE"
        if tok.tag == "PPER":
            return "PER" if resolve_pronoun(analysis, phrase.start) is not None else "PRON_UNRESOLVED"
        if tok.tag in ("PDS", "PIS", "PPOSS", "PRELS", "PWS"):
            return "PRON_UNRESOLVED"
    head = phrase.head if phrase.start <= phrase.head < phrase.end else phrase.end - 1
    inside = [m for m in mentions(analysis) if phrase.start <= m.start and m.end <= phrase.end]
    for m in inside:
        if m.start <= head < m.end:
            return m.label
    head_tok = toks[head]
    if is_person_noun(head_tok):
        if any(m.start == head + 1 and m.label == "PER" for m in inside):
            return "PER"
        return "PERSON_NOUN"
    if is_group_noun(head_tok):
        return "GROUP_NOUN"
    if head_tok.tag == "NE":
        return "OTH"
    if head_tok.tag in ("NN", "CARD", "ADJA", "NNE"):
        if inside and inside[-1].label == "PER" and inside[-1].start == head + 1:
            return "PER"
        if head_tok.tag == "NN" and head_tok.noun is None and phrase.end - phrase.start == 1:
            return "UNKNOWN"  # a bare word the lexicon does not know: likely a name without NER
        return "THING"
    return "PRON_UNRESOLVED" if head_tok.tag.startswith("P") else "THING"


def answer_core(analysis: Analysis, phrase: Phrase) -> str:
    """The core of an answer: the name (``Wang Yi``) or the noun with its article, adjectives
    and genitive (``den vollständigen Abzug russischer Truppen``) without the PPs after it."""
    toks = analysis.tokens
    start = phrase.start
    if phrase.preposition is not None and toks[start].tag in PREPOSITION_TAGS:
        start += 1
    head = phrase.head if start <= phrase.head < phrase.end else None
    inside = [m for m in mentions(analysis) if start <= m.start and m.end <= phrase.end]
    if len(inside) >= 2 and any(toks[k].tag == "KON" for k in range(inside[0].end, inside[-1].start)):
        return analysis.span_text(inside[0].start, inside[-1].end)
    for m in inside:
        if head is None or m.start <= head < m.end or m.start == head + 1:
            return full_name(analysis, m) if m.label == "PER" else m.text
    end = start
    while end < phrase.end and toks[end].tag not in STOP_CORE:
        end += 1
    if head is not None and end <= head:
        end = head + 1
    core = analysis.span_text(start, end) if end > start else phrase.text
    return core.strip(" ,")


LEFT_MODIFIERS = frozenset(
    {"kurz", "knapp", "fast", "noch", "bereits", "schon", "erst", "gleich", "unmittelbar", "direkt", "spätestens", "frühestens", "genau", "rund", "etwa", "mehr", "weniger", "gut"}
)


def is_whole(analysis: Analysis, phrase: Phrase) -> bool:
    """False for a fragment the chunker cut out of a larger phrase (``die von China | angekündigte ...``)."""
    toks = analysis.tokens
    first = toks[phrase.start]
    prev = toks[phrase.start - 1] if phrase.start > 0 and toks[phrase.start - 1].sentence == first.sentence else None
    if first.text.lower().startswith("kein") or first.tag in ("PDAT", "PDS"):
        return False  # "keine Flüchtlinge" answers nothing; "dieser Antrag" needs the text before
    if phrase.end - phrase.start == 1 and first.tag in ("ART", "PDS", "PIS", "PRELS"):
        return False
    if first.tag in ("ADV", "KON", "PTKNEG", "ADJD") and phrase.preposition is None:
        return False  # "noch den Wohnort", "offenbar uralte Kleider": a particle glued to the answer
    for k in range(phrase.start, phrase.end - 1):
        if toks[k].tag == "NN" and toks[k + 1].tag == "ADJA" and toks[k + 1].text.endswith(("e", "es")):
            return False  # "die Violetten unerfreuliche Kunde": two phrases run together
            # (a genitive after a noun, "Abzug russischer Truppen", has -er/-en)
    if any(t.tag in ("VVFIN", "VAFIN", "VMFIN") for t in toks[phrase.start : phrase.end]):
        return False  # "die Londoner weisen 67 Punkte": a clause, not a phrase
    words = [t.text.lower() for t in toks[phrase.start : phrase.end]]
    if any(w in ("aber", "jedoch", "doch", "allerdings") for w in words):
        return False
    if first.tag == "CARD" and len(first.text) == 4 and first.text.isdigit() and phrase.end - phrase.start > 1:
        return False  # "2015 aber nur 600.000 Flüchtlinge": a year glued to the phrase
    if prev is not None and first.tag in ("ADJA", "NN", "VVPP", "ADJD", "PIAT", "PIDAT") and prev.tag in ("NN", "NE", "ADJA", "ART", "PIAT", "ADV", "ADJD"):
        return False  # "die in Begutachtung | geschickte Novelle", "immer | mehr Investoren"
    if prev is not None and prev.text == "," and phrase.start >= 2 and toks[phrase.start - 2].tag in ("NN", "NE"):
        return False  # "Öl, | Kupfer und Co": an enumeration cut at its comma
    if any(misplaced_capital(analysis, i) for i in range(phrase.start, phrase.end)):
        return False
    if phrase.start > 0 and toks[phrase.start - 1].tag in _BEFORE_NOUN:
        if toks[phrase.start - 1].sentence == toks[phrase.start].sentence:
            return False
    if toks[phrase.start].tag == "ADJA":
        # "die von China | angekündigte Friedensinitiative": an article before a PP before us
        j = phrase.start - 1
        seen_pp = False
        while j >= max(0, phrase.start - 6) and toks[j].tag in _PP_MATERIAL:
            seen_pp = seen_pp or toks[j].tag in PREPOSITION_TAGS
            j -= 1
        if seen_pp and j >= 0 and toks[j].tag in ("ART", "PDAT", "PPOSAT", "PIAT"):
            return False
    nxt = toks[phrase.end] if phrase.end < len(toks) and toks[phrase.end].sentence == toks[phrase.start].sentence else None
    last_is_noun = toks[phrase.end - 1].tag == "NN" and not any(m.start < phrase.end <= m.end for m in mentions(analysis))
    if nxt is not None and (nxt.tag in ("NN", "ADJA") or nxt.tag == "NE" and last_is_noun and phrase.preposition is None):
        return False  # "der Tiergarten | Schönbrunn": the name after its noun belongs to the phrase
    inner = {t.text.lower() for t in toks[phrase.start + 1 : phrase.end] if t.tag in ("APPR", "APPRART")}
    if phrase.preposition is None and inner & {"gegen", "mit", "bei", "beim", "an", "am", "auf", "in", "im", "nach", "vor", "unter"}:
        return False  # "Frankreichs Serienmeister gegen Chelsea": the PP is likely the verb's, not the noun's
    return True


def widen(analysis: Analysis, phrase: Phrase) -> Phrase:
    """Take in a degree word before a PP (``kurz vor ...``) and a bracket after it (``(24. Februar)``)."""
    toks = analysis.tokens
    start, end = phrase.start, phrase.end
    sentence = toks[start].sentence
    while start > 0 and toks[start - 1].sentence == sentence and toks[start - 1].text.lower() in LEFT_MODIFIERS and toks[start - 1].tag in ("ADV", "ADJD", "PIAT", "PIS"):
        start -= 1
    if end < len(toks) and toks[end].text == "(":
        close = next((j for j in range(end, min(end + 8, len(toks))) if toks[j].text == ")"), None)
        if close is not None:
            end = close + 1
    if (start, end) == (phrase.start, phrase.end):
        return phrase
    return replace(phrase, start=start, end=end, text=analysis.span_text(start, end))


def extend_answer(analysis: Analysis, reading: ClauseReading, phrase: Phrase) -> Phrase:
    """The phrase with an attached tail (``von X, inklusive Y``) when the tail ends the field."""
    phrase = widen(analysis, phrase)
    toks = analysis.tokens
    clause = reading.clause
    sent = analysis.sentences[clause.sentence]
    if phrase.end >= sent.end or toks[phrase.end].text.lower() not in ATTACHING | {","}:
        return phrase
    taken = {i for p in (clause.subject, *clause.acc_objects, *clause.dat_objects) if p is not None for i in range(p.start, p.end)}
    others = [c for c in analysis.clauses if c is not clause and c.sentence == clause.sentence]
    verbs = set(clause.verb_tokens)
    i, last = phrase.end, phrase.end
    while i < sent.end:
        tok = toks[i]
        if i in verbs or tok.tag == "$." or any(c.start <= i < c.end and i not in reading.own for c in others):
            break
        if tok.text == ",":
            if i + 1 < sent.end and toks[i + 1].text.lower() in ATTACHING:
                i += 1
                continue
            break
        if tok.tag not in NP_MATERIAL or i in taken:
            return phrase
        i += 1
        last = i
    rest_of_clause = [j for j in reading.own if j >= last and j not in verbs]
    if rest_of_clause or last == phrase.end:
        return phrase
    return replace(phrase, end=last, text=analysis.span_text(phrase.start, last))
