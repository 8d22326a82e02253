"""Check a W-question by analysing it with our own pipeline before it is kept.

The question is tagged and analysed as a sentence of its own (HanTa, the AUX/VERB rule and the
clause analysis of the shipped pipeline; the trained tagger, parser and NER are left out: the
clause rules decide roles from tags and morphology, and a question is short). It passes when

- it opens with its W-phrase and the finite verb follows it (verb second), in one clause;
- the finite verb agrees: 3rd singular after Wer/Was as subject, plural after Wie viele + noun,
  otherwise with a subject the question names;
- the W-word keeps the role it asks for: a Was-subject question has no other phrase that could
  be the subject (``Was deklassierte Bolivien?`` reads "what did Bolivia beat?"), an object
  question has exactly one, and it is not a thing that could itself be the object;
- every complement the verb needs is there (``sorgen für``, an accusative for ``fordern``);
- no word is left over outside the clause's phrases (a cut conjunction, a stray noun);
- the answer fits the W-word (a person for Wer, a time for Wann, a number for Wie viele) and
  stands on its own (no pronoun, no bare ``das Land``).

Richtig/Falsch statements are checked the same way (one constituent before the finite verb, a
subject that agrees, the complements, nothing left over). ``verify`` returns one ``Verdict``
per candidate.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from quizgen.analysis import Analysis, Clause, Phrase
from quizgen.german import reading_masks as cm
from quizgen.german.word_lists import CALENDAR_NOUNS, TIME_POINT_NOUNS
from quizgen.german.verb_lexicon import ACC_COMPLEMENTS, DAT_COMPLEMENTS, INTRANSITIVE_VERBS, base_lemma, required_prepositions
from quizgen.nlp.clauses.component import clauses_of
from quizgen.nlp.clauses.phrases import Chunk, PhraseChunker
from quizgen.nlp.stts import PREPOSITION_TAGS
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.question_syntax import THIRD_SG, finite_slot

TIME_WORDS = CALENDAR_NOUNS | TIME_POINT_NOUNS
PLURAL_NAMES = frozenset({"USA", "Niederlande", "Philippinen", "Malediven", "Seychellen", "Grünen", "NEOS", "Neos", "Blues", "Reds"})
GLUED = re.compile(r"[a-zäöüß]{2}[A-ZÄÖÜ][a-zäöüß]")
CAPITAL_ONLY_FIRST = frozenset({"ART", "APPR", "APPRART", "KON", "PPOSAT", "PIAT", "PDAT", "KOUS", "PTKNEG", "ADV", "ADJD", "VVFIN", "VAFIN", "VMFIN", "VVPP", "VVINF"})
W_TAGS = frozenset({"PWS", "PWAV", "PWAT"})
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: words that may stand in a question outside every phrase: adverbs, particles, negation
FREE_TAGS = frozenset({"ADV", "ADJD", "PTKNEG", "PTKVZ", "PRF", "PTKA", "PTKZU", "$.", "PROAV", "PIS", "CARD"})
VERB_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVINF", "VAINF", "VMINF", "VVPP", "VAPP", "VMPP", "VVIZU"})
#: answer types each W-word can ask for
WH_TYPES: dict[str, frozenset[str]] = {
    "Wer": frozenset({"PER", "ORG", "PERSON", "GROUP", "LOC"}),
    "Wen": frozenset({"PER", "PERSON", "GROUP", "ORG"}),
    "Wem": frozenset({"PER", "PERSON", "GROUP", "ORG"}),
    "Mit wem": frozenset({"PER", "PERSON", "GROUP", "ORG", "LOC"}),
    "Was": frozenset({"THING", "THING:subject", "THING:acc_object", "CLAUSE", "OTH"}),
    "Wo": frozenset({"LOC", "PLACE"}),
    "Wohin": frozenset({"LOC", "PLACE"}),
    "Woher": frozenset({"LOC", "PLACE"}),
    "Wann": frozenset({"TIME"}),
    "Seit wann": frozenset({"TIME"}),
    "Bis wann": frozenset({"TIME"}),
    "Ab wann": frozenset({"TIME"}),
    "Warum": frozenset({"REASON"}),
    "Wie viele": frozenset({"NUM"}),
    "Wie viel": frozenset({"NUM"}),
    "Wie lange": frozenset({"NUM"}),
    "Um wie viel": frozenset({"NUM"}),
    "Auf wie viel": frozenset({"NUM"}),
    "Mit welchem Ergebnis": frozenset({"NUM"}),
}
#: pronouns and demonstratives an answer cannot be (it would need the text to be understood)
CONTEXT_ANSWERS = frozenset(
    """er sie es ihn ihm ihr ihnen wir ich du man dies dieser diese dieses das der die den dem
    dort hier damals dann jener jene jenes derselbe dieselbe""".split()
)
#: class nouns that, with only an article, stand for a name the text gives elsewhere
GENERIC_HEADS = frozenset(
    """Großteil Teil Mehrheit Hälfte Rest Ding Dinge Leute Wert Umstand Sache Fall Frage Thema
    Problem Punkt Grund Aspekt Beschluss Vorwurf Urteil Entscheidung Maßnahme Idee Ziel Ergebnis
    Bericht Vorschlag Schritt Lage Situation Entwicklung Zahl Anteil Betrag Summe Angebot
    Äußerung Aussage Erklärung Worte Stellungnahme Forderung Ankündigung Kritik Antwort Reaktion
    Vorstoß Initiative Vorhaben Plan Pläne Konzept Konzepte Geschichte Interviews
    Land Staat Stadt Gemeinde Region Unternehmen Konzern Firma Verein Klub Club Partei Team
    Mannschaft Mann Frau Kind Spieler Spielerin Politiker Politikerin Sportler Sportlerin Gruppe
    Organisation Regierung Behörde Gericht Ministerium Bank Hersteller Sender Zeitung Magazin
    Veranstalter Täter Opfer Polizist Beamte Beamter Verdächtige Verdächtiger Angeklagte Angeklagter
    Jährige Jähriger Jährigen Präsident Präsidentin Minister Ministerin Chef Chefin Trainer
    Konzernchef Kanzler Kanzlerin Sprecher Sprecherin Institut Projekt Gerät Produkt""".split()
)


@dataclass(frozen=True)
class Verdict:
    """Whether a question passed, and why not."""

    ok: bool
    reasons: tuple[str, ...] = ()


PASS = Verdict(True)


def verify(analysis: Analysis, cands: Sequence[QuestionCandidate]) -> list[Verdict]:
    """One verdict per candidate: W-, a/b/c questions and statements are parsed in one batch."""
    asked = [k for k, c in enumerate(cands) if c.kind in ("wh", "choice", "truefalse")]
    docs = parse_questions([cands[k].question for k in asked])
    out = [PASS] * len(cands)
    for k, doc in zip(asked, docs, strict=True):
        if cands[k].kind == "truefalse":
            reasons = check_statement(doc, cands[k])
        else:
            reasons = check_question(doc, cands[k]) + check_answer(analysis, cands[k])
        out[k] = Verdict(not reasons, tuple(reasons))
    return out


@functools.cache
def _components() -> tuple[Callable[[Doc], Doc], ...]:
    from quizgen.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    return tuple(nlp.get_pipe(name) for name in ("quizgen_hanta", "quizgen_aux_or_verb", "quizgen_clauses"))


def parse_questions(questions: Sequence[str]) -> list[Doc]:
    """Each question as a Doc of its own, tagged and with its clauses (rules only: cheap)."""
    if not questions:
        return []
    from quizgen.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    docs = []
    for text in questions:
        doc = nlp.make_doc(text)
        for component in _components():
            doc = component(doc)
        docs.append(doc)
    return docs


def _glued(doc: Doc) -> bool:
    """A word run together with the next in the source (``Niesslallerdings``, ``HansNiessl``),
    or a function word written with a capital inside the sentence (``zeigt sich Einen Monat``):
    both come from text the extraction glued or cut."""
    if any(t.text[:1].isupper() and GLUED.search(t.text) for t in doc):
        return True
    return any(t.i > 0 and t.tag_ in CAPITAL_ONLY_FIRST and t.text[:1].isupper() and t.text.lower() != "sie" for t in doc)


def check_question(doc: Doc, cand: QuestionCandidate) -> list[str]:
    """Why the analysed question is not a well-formed question for its answer (empty: it is)."""
    if _glued(doc):
        return ["words run together"]
    wh_phrase = cand.wh_phrase or cand.wh_word or ""
    n_wh = len(wh_phrase.split())
    if n_wh == 0 or len(doc) <= n_wh + 1:
        return ["no W-phrase"]
    if " ".join(t.text for t in doc[:n_wh]).lower() != wh_phrase.lower():
        return ["does not open with its W-phrase"]
    if not any(t.tag_ in W_TAGS or t.text.lower() == "wie" for t in doc[:n_wh]):
        return ["no W-word at the start"]
    finite = doc[n_wh]
    if finite.tag_ not in FINITE_TAGS:
        return ["no finite verb in second position"]
    clauses = clauses_of(doc)
    if len(clauses) != 1 or clauses[0].finite_verb != n_wh:
        return ["not one clause"]
    clause = clauses[0]
    if _modal_without_infinitive(doc, clause):
        return ["a modal verb without its infinitive"]
    reasons: list[str] = []
    reasons += _agreement(doc, cand, clause, n_wh)
    reasons += _roles(doc, cand, clause, n_wh)
    reasons += _complements(doc, cand, clause, n_wh, wh_phrase)
    reasons += _leftovers(doc, clause, n_wh)
    if not any(t.tag_ in ("NN", "NE", "CARD", "ADJD", "PIS", "NNE") for t in doc[n_wh + 1 :]):
        reasons.append("says nothing about which event it asks")
    nouns = [t for t in doc[n_wh + 1 :] if t.tag_ in ("NN", "NE", "NNE", "CARD")]
    if nouns and all(t.tag_ == "NN" and t.text in GENERIC_HEADS for t in nouns):
        reasons.append("says too little: only a noun that points back (Wer nutzte das Angebot?)")
    return reasons


def check_statement(doc: Doc, cand: QuestionCandidate) -> list[str]:
    """Why the analysed statement is not one well-formed clause (empty: it is): one
    constituent before the finite verb, a subject that agrees with it, every complement the
    verb needs, nothing left over. ``wh_phrase`` holds the statement's Vorfeld."""
    if _glued(doc):
        return ["words run together"]
    front = cand.wh_phrase.split()
    n_front = _prefix_tokens(doc, front)
    if n_front is None or n_front == 0 or n_front >= len(doc) - 1:
        return ["Vorfeld not found"]
    if doc[n_front].tag_ not in FINITE_TAGS:
        return ["no finite verb in second position"]
    clauses = clauses_of(doc)
    if len(clauses) != 1 or clauses[0].finite_verb != n_front:
        return ["not one clause"]
    clause = clauses[0]
    if _modal_without_infinitive(doc, clause):
        return ["a modal verb without its infinitive"]
    person = _verb_person(doc, clause, n_front)
    if person is None:
        return ["finite verb form unknown"]
    tokens = [t.i for t in doc if t.tag_ not in VERB_TAGS and t.tag_ != "$."]
    chunks = [c for c in PhraseChunker(doc, tokens).chunks() if c.kind == "np" and doc[c.head].tag_ != "PRF"]
    if not _agreeing(chunks, plural=person in (3, 4, 5)):
        return ["no subject agrees with the verb"]
    reasons = _leftovers(doc, clause, n_front, first=0)
    lemma = cand.verb_lemma or clause.verb_lemma
    preps = required_prepositions(lemma)
    if preps and not preps & ({p.preposition for p in clause.pps if p.preposition} | {t.lemma_.lower() for t in doc if t.tag_ in PREPOSITION_TAGS}):
        reasons.append(f"{base_lemma(lemma)} needs its {'/'.join(sorted(preps))} phrase")
    passive = any(doc[i].lemma_ == "werden" for i in clause.verb_tokens) and any(doc[i].tag_ == "VVPP" for i in clause.verb_tokens)
    objects = [c for c in chunks if not _temporal(doc, c)]
    if base_lemma(lemma) in ACC_COMPLEMENTS and not passive and len(objects) < 2:
        reasons.append(f"{base_lemma(lemma)} needs its accusative object")
    if base_lemma(lemma) in INTRANSITIVE_VERBS and len(objects) > 1 and not any(c.pronoun for c in objects):
        reasons.append(f"{base_lemma(lemma)} takes no object")
    front_chunk = next((c for c in chunks if c.start == 0), None)
    if front_chunk is not None and front_chunk.end == n_front and not _agreeing([front_chunk], plural=person in (3, 4, 5)):
        if not (cand.role == "statement" and cand.notes and "source" in cand.notes[0]):
            reasons.append("the phrase before the verb does not agree with it")
    elif front_chunk is not None and front_chunk.end == n_front and _single_name(doc, front_chunk) and person in (3, 4, 5):
        reasons.append("a single name before a plural verb")
    return reasons


def _single_name(doc: Doc, chunk: Chunk) -> bool:
    """One name without article: singular (except a few plural names: die USA, die Niederlande)."""
    words = [doc[i] for i in range(chunk.start, chunk.end)]
    return len(words) <= 2 and all(t.tag_ == "NE" for t in words) and words[-1].text not in PLURAL_NAMES


def _modal_without_infinitive(doc: Doc, clause: Clause) -> bool:
    """``Neue Echos sollen verifiziert.``: a modal whose infinitive (werden) a coordination took away."""
    tags = [doc[i].tag_ for i in clause.verb_tokens]
    return any(t == "VMFIN" for t in tags) and not any(t in ("VVINF", "VAINF", "VMINF") for t in tags)


def _prefix_tokens(doc: Doc, words: list[str]) -> int | None:
    """How many tokens of ``doc`` spell ``words`` (the tokenizer may split them otherwise)."""
    target = "".join(words).lower()
    built = ""
    for k, tok in enumerate(doc):
        built += tok.text.lower()
        if built == target:
            return k + 1
        if not target.startswith(built):
            return None
    return None


def _agreeing(chunks: list[Chunk], *, plural: bool) -> bool:
    number = cm.PLUR if plural else cm.SING
    nominative = cm.case_mask("Nom")
    for chunk in chunks:
        if chunk.conjuncts and plural and chunk.mask & nominative:
            return True
        if not chunk.conjuncts and chunk.mask & nominative & number and 3 in chunk.persons:
            return True
    return False


def _verb_person(doc: Doc, clause: Clause, n_wh: int) -> int | None:
    lemma = base_lemma(clause.verb_lemma)
    finite = doc[n_wh]
    main_is_finite = not any(doc[i].tag_.startswith("VV") for i in clause.verb_tokens if i != n_wh)
    slot = finite_slot(lemma if main_is_finite else finite.lemma_, finite.text)
    return slot[1] if slot else None


def _agreement(doc: Doc, cand: QuestionCandidate, clause: Clause, n_wh: int) -> list[str]:
    person = _verb_person(doc, clause, n_wh)
    if person is None:
        return ["finite verb form unknown"]
    if cand.role == "subject":
        if cand.answer_type == "NUM":
            return []  # "Wie viel Prozent der Befragten stimmten/stimmte": both are written
        wants = THIRD_SG
        return [] if person == wants else ["verb does not agree with the W-word"]
    subject = _subject_chunks(doc, n_wh, plural=person in (3, 4, 5))
    if not subject:
        return ["no subject agrees with the verb"]
    return []


def _plural_wh(doc: Doc, n_wh: int) -> bool:
    return any(t.tag_ in ("NN", "NE") and cm.numbers_of(cm.noun_mask(t.text, t.lemma_)) == ("Plur",) for t in doc[:n_wh])


def _chunks(doc: Doc, n_wh: int) -> list[Chunk]:
    """The noun phrases after the finite verb (not PPs), with their possible readings (found
    once per question: the checks ask for them several times)."""
    key = f"quizgen_chunks_{n_wh}"
    if key not in doc.user_data:
        toks = [t.i for t in doc[n_wh + 1 :] if t.tag_ not in VERB_TAGS and t.tag_ != "$."]
        doc.user_data[key] = [
            c for c in PhraseChunker(doc, toks).chunks() if c.kind == "np" and doc[c.head].tag_ != "PRF" and not _temporal(doc, c)
        ]
    chunks: list[Chunk] = doc.user_data[key]
    return chunks


def _temporal(doc: Doc, chunk: Chunk) -> bool:
    """A time phrase in the accusative (Anfang August, den ganzen Tag): no object."""
    return chunk.temporal or any(doc[i].text in TIME_WORDS for i in range(chunk.start, chunk.end))


def _subject_chunks(doc: Doc, n_wh: int, *, plural: bool) -> list[Chunk]:
    """Phrases that could be the subject: nominative readings in the verb's number."""
    number = cm.PLUR if plural else cm.SING
    nominative = cm.case_mask("Nom")
    out = []
    for chunk in _chunks(doc, n_wh):
        if chunk.conjuncts:
            if plural and chunk.mask & nominative:
                out.append(chunk)
        elif chunk.mask & nominative & number and 3 in chunk.persons:
            out.append(chunk)
    return out


def _roles(doc: Doc, cand: QuestionCandidate, clause: Clause, n_wh: int) -> list[str]:
    person = _verb_person(doc, clause, n_wh)
    plural = person in (3, 4, 5)
    competitors = _subject_chunks(doc, n_wh, plural=plural)
    if cand.role == "subject":
        if cand.wh_word == "Was" and competitors:
            return ["another phrase reads as the subject"]
        return []
    if not competitors:
        return []  # reported by _agreement
    if len(competitors) > 1 and cand.wh_word in ("Was", "Wen"):
        return ["two phrases could be the subject"]
    if cand.wh_word == "Was" and cand.role == "acc_object":
        subject = competitors[0]
        accusative = cm.case_mask("Acc")
        if subject.mask & accusative and not _animate(doc, subject, cand):
            return ["the subject could be the object"]
    return []


def _animate(doc: Doc, chunk: Chunk, cand: QuestionCandidate) -> bool:
    """A subject a learner reads as the one who acts: a name, a person or a body of people."""
    from quizgen.questions.mentions import is_group_noun_text, is_person_noun_text

    head = doc[chunk.head]
    if head.tag_ == "NE" or head.ent_type_ in ("PER", "ORG"):
        return True
    return is_person_noun_text(head.text, head.lemma_) or is_group_noun_text(head.text)


def _complements(doc: Doc, cand: QuestionCandidate, clause: Clause, n_wh: int, wh_phrase: str) -> list[str]:
    lemma = cand.verb_lemma or clause.verb_lemma
    reasons = []
    preps = required_prepositions(lemma)
    if preps:
        present = {p.preposition for p in clause.pps if p.preposition} | {
            t.lemma_.lower() for t in doc[n_wh + 1 :] if t.tag_ in PREPOSITION_TAGS
        }
        asked = wh_phrase.lower()
        if not (preps & present) and not any(asked.startswith(("wo" + p, "wor" + p, p + " ")) for p in preps):
            reasons.append(f"{base_lemma(lemma)} needs its {'/'.join(sorted(preps))} phrase")
    passive = clause.voice == "Pass" or any(doc[i].lemma_ == "werden" for i in clause.verb_tokens) and any(
        doc[i].tag_ == "VVPP" for i in clause.verb_tokens
    )
    base = base_lemma(lemma)
    if base in ACC_COMPLEMENTS and not passive and cand.role not in ("acc_object", "said"):
        subject_count = 0 if cand.role == "subject" else 1
        if len([c for c in _chunks(doc, n_wh) if not c.temporal]) <= subject_count:
            reasons.append(f"{base} needs its accusative object")
    if base in INTRANSITIVE_VERBS and len(_chunks(doc, n_wh)) > (0 if cand.role == "subject" else 1):
        reasons.append(f"{base} takes no object")
    if base in DAT_COMPLEMENTS and cand.role not in ("dat_object",) and not clause.dat_objects and not passive:
        if not any(cm.cases_of(c.mask) == ("Dat",) for c in _chunks(doc, n_wh)):
            reasons.append(f"{base} needs its dative object")
    return reasons


def _leftovers(doc: Doc, clause: Clause, n_wh: int, *, first: int | None = None) -> list[str]:
    """Words that belong to no phrase of the clause (from ``first`` on; default: after the W-phrase)."""
    start = n_wh + 1 if first is None else first
    covered: set[int] = set(range(n_wh)) if first is None else set()
    covered |= set(clause.verb_tokens)
    phrases: list[Phrase] = [p for p in (clause.subject, *clause.acc_objects, *clause.dat_objects, *clause.pps, *clause.other) if p]
    for p in phrases:
        covered |= set(range(p.start, p.end))
    for chunk in PhraseChunker(doc, [t.i for t in doc[start:] if t.i not in clause.verb_tokens]).chunks():
        covered |= set(range(chunk.start, chunk.end))
    stray = [t.text for t in doc if t.i not in covered and t.tag_ not in FREE_TAGS]
    return [f"words outside the clause: {' '.join(stray)}"] if stray else []


def _looks_like_a_name(analysis: Analysis, cand: QuestionCandidate) -> bool:
    """Capitalised words the noun lexicon does not know and no common noun it knows: Artem
    Dsjuba, Zenit (a club), not a thing."""
    start, end = cand.span
    toks = analysis.tokens[start:end]
    if cand.answer_type in ("CLAUSE", "REASON") or len(toks) > 4:
        return False
    names = [t for t in toks if t.tag in ("NE", "FM") or (t.tag == "NN" and t.noun is None)]
    known = [t for t in toks if t.tag == "NN" and t.noun is not None]
    has_article = bool(toks) and toks[0].tag == "ART"
    return bool(names) and not known and (len(names) >= 2 or not has_article)


def _names_a_thing(analysis: Analysis, cand: QuestionCandidate) -> bool:
    """The answer's first common noun names a thing (Projekt), though a name follows it."""
    from quizgen.questions.mentions import is_group_noun, is_person_noun

    start, end = cand.span
    nouns = [t for t in analysis.tokens[start:end] if t.tag == "NN"]
    return bool(nouns) and not is_person_noun(nouns[0]) and not is_group_noun(nouns[0]) and nouns[0].noun is not None


def _named_before(analysis: Analysis, noun: str, sentence: int) -> bool:
    """The noun (or a compound ending in it) stood in an earlier sentence: ``die Hülle`` then
    stands for what the text described before, and the answer alone says too little."""
    low = noun.lower()
    for tok in analysis.tokens:
        if tok.sentence >= sentence:
            break
        if tok.tag == "NN" and (tok.text.lower().endswith(low) or tok.lemma.lower().endswith(low)):
            return True
    return False


def check_answer(analysis: Analysis, cand: QuestionCandidate) -> list[str]:
    """Why the answer does not fit the question or cannot stand alone (empty: it can)."""
    answer = cand.answer_short.strip()
    if not answer:
        return ["empty answer"]
    words = answer.split()
    if words[0].lower() in CONTEXT_ANSWERS and len(words) == 1:
        return ["the answer is a pronoun"]
    if cand.wh_word in WH_TYPES and cand.answer_type not in WH_TYPES[cand.wh_word]:
        return [f"{cand.wh_word} does not ask for a {cand.answer_type}"]
    if len(words) == 2 and words[1] in GENERIC_HEADS and words[0].endswith("s") and words[0][:1].isupper():
        return ["the answer is a bare class noun (Wangs Äußerung): what it says is elsewhere"]
    if words[0].lower() in ("der", "die", "das", "den", "dem", "des") and len(words) == 2:
        if words[1] in GENERIC_HEADS:
            return ["the answer is a bare class noun the text names elsewhere"]
        if _named_before(analysis, words[1], cand.sentence):
            return ["the answer refers back to an earlier mention"]
    if words[0].lower() in ("dieser", "diese", "dieses", "diesen", "diesem", "jener", "jene", "jenes"):
        return ["the answer points back into the text"]
    if words[0].lower().startswith(("sein", "ihr", "unser", "dessen", "deren")):
        return ["whose? the answer needs the text before"]
    if cand.wh_word == "Was" and _looks_like_a_name(analysis, cand):
        return ["Was for what looks like a person's name"]
    if cand.wh_word in ("Wer", "Wen", "Wem") and _names_a_thing(analysis, cand):
        return ["Wer for a thing (das Projekt River Mur)"]
    return []
