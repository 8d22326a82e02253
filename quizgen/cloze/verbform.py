"""``verbform``: the finite form of a full verb, its infinitive and tense given as the hint.

``Präsident Wladimir Putin ___ am Mittwoch ... an`` with hint ``ankündigen (Präteritum)``
asks for ``kündigte``: a separable particle stays where the sentence has it. The tense or mood
is part of the hint because the sentence alone rarely decides between Präsens and Präteritum.
"""

from __future__ import annotations

from wordfreq import zipf_frequency

from quizgen.analysis import Analysis, Token
from quizgen.cloze.base import GAP, ClozeCandidate, ClozeContext, gapped, item_id
from quizgen.german.dictionary_senses import has_entry
from quizgen.german.conjugation import TABLE_NAMES, VERB_TABLES, conjugation, past_participle, verb_form_features
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import ClozeItem

CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?", "(", ")", "–", "-"}) | QUOTE_MARKS
#: verbs of the formula that closes a quote (…, sagte sie): a learner writes them without the text
QUOTE_TAG_VERBS = frozenset({"sagen"})
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
FIRST_SECOND_PERSON = frozenset({"ich", "du", "wir", "ihr", "mich", "dich", "uns", "euch"})


def detached_particle(analysis: Analysis, verb: Token) -> Token | None:
    """The separable particle of a verb-second verb: from the clause analysis when there is
    one, else the first PTKVZ after the verb before the clause ends."""
    for clause in analysis.clauses:
        if clause.finite_verb == verb.i:
            return analysis.tokens[clause.particle] if clause.particle is not None else None
    sent = analysis.sentences[verb.sentence]
    for tok in analysis.tokens[verb.i + 1 : sent.end]:
        if tok.tag == "PTKVZ":
            return tok
        if tok.text in CLAUSE_END or tok.tag in ("VVFIN", "VAFIN", "VMFIN"):
            return None
    return None


def infinitive_of(analysis: Analysis, verb: Token, particle: Token | None) -> str:
    for clause in analysis.clauses:
        if clause.finite_verb == verb.i and clause.verb_lemma:
            return clause.verb_lemma.removeprefix("sich ")
    lemma = verb.lemma
    return particle.text.lower() + lemma if particle is not None else lemma


def tense_of(analysis: Analysis, verb: Token, infinitive: str) -> tuple[str, int] | None:
    """The table and person of a finite form. Where one form belongs to several (freue:
    1st person Präsens or 3rd person Konjunktiv I), a clause without a 1st/2nd person pronoun
    is read in the 3rd person, as news text is."""
    hits = verb_form_features(verb.text, infinitive)
    if not hits:
        return None
    sent = analysis.sentences[verb.sentence]
    words = {t.text.lower() for t in analysis.tokens[sent.start : sent.end]}
    # The tagger's person is sure where its mood is not: "dass Spendenbedarf ... bestehe" is
    # the 3rd person (Konjunktiv I) even when "(Wir helfen)" stands in the same sentence.
    # But a pronoun of the 1st or 2nd person right beside the verb is its subject ("ich höre").
    beside = {analysis.tokens[i].text.lower() for i in (verb.i - 1, verb.i + 1) if sent.start <= i < sent.end}
    if (verb.feat("Person") == "3" and not beside & FIRST_SECOND_PERSON) or not words & FIRST_SECOND_PERSON:
        hits = tuple(h for h in hits if h[1] in (2, 5))
    names = {name for name, _ in hits}
    if {"preterite", "konjunktiv2"} <= names and _reported(analysis, verb):
        return None  # "dazu gehörten auch ...": Präteritum or the Konjunktiv II of reported speech
    for table in VERB_TABLES:
        for name, person in hits:
            if name == table:
                return name, person
    return None


def _reported(analysis: Analysis, verb: Token) -> bool:
    """Whether a verb in Konjunktiv I (solle, sei) comes before the verb, in its sentence or
    the one before: reported speech goes on, where a weak verb's past form is as likely its
    Konjunktiv II ("... solle es geben; dazu gehörten auch ..."). A subjunctive after it is the
    report of a verb of saying ("kündigte an, dass Xi Russland besuchen werde")."""
    first = analysis.sentences[max(verb.sentence - 1, 0)].start
    return any(t.tag in FINITE_TAGS and _konjunktiv_one(t) for t in analysis.tokens[first:verb.i])


def _konjunktiv_one(tok: Token) -> bool:
    """A form that is only Konjunktiv I (sei, solle, habe, werde), not also an indicative; the
    tagger's Mood=Sub would take möchte (Konjunktiv II) as well."""
    names = {name for name, _ in verb_form_features(tok.text, tok.lemma)}
    return "konjunktiv1" in names and not names & {"present", "preterite"}


def _regular_present(infinitive: str, form: str) -> bool:
    """The 3rd person present is the infinitive's stem and -t or -et (prüfen: prüft, arbeiten:
    arbeitet): a gap that tests nothing beyond A2, unlike fährt, gilt, kündigt ... an."""
    stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    return form.lower() in (f"{stem}t".lower(), f"{stem}et".lower())


def _known_verb(infinitive: str) -> bool:
    """A verb the dictionary lists (also as sich ...) or news German uses (wordfreq Zipf >= 1.5)."""
    return (has_entry(infinitive, "VERB") or has_entry(f"sich {infinitive}", "VERB")
            or zipf_frequency(infinitive, "de") >= 1.5)


def _auxiliary_before(analysis: Analysis, verb: Token) -> bool:
    """A finite haben/sein/werden earlier in the same clause (back to the last comma)."""
    sent = analysis.sentences[verb.sentence]
    for tok in reversed(analysis.tokens[sent.start : verb.i]):
        if tok.text in CLAUSE_END:
            return False
        if tok.tag == "VAFIN":
            return True
    return False


KIND = ExerciseKind(
    section=Section.CLOZE,
    name="verbform",
    label="Cloze: verb forms",
    instruction="Fill in the verb in the right form.",
    answer_mode=AnswerMode.TYPED,
    worksheet="wordbank",  # printed in the worksheet's gapped text, its infinitive beside the gap
    default_count=4,
)


class VerbformKind:
    description = KIND
    name = KIND.name
    word_answer = True
    hint_names_word = True  # the infinitive is the task's given word: the form is asked

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]:
        analysis = ctx.analysis
        out = []
        for verb in analysis.tokens:
            if verb.tag != "VVFIN" or not verb.text.isalpha() or verb.i in ctx.entity_tokens:
                continue
            particle = detached_particle(analysis, verb)
            sent = analysis.sentences[verb.sentence]
            later = analysis.tokens[verb.i + 1 : sent.end]
            if particle is None and any(t.tag == "PTKVZ" for t in later):
                continue  # a particle we could not place: the infinitive may be wrong
            infinitive = infinitive_of(analysis, verb, particle)
            if not _known_verb(infinitive):
                continue  # a participle read as finite (gepinnt: "gepinnen"): no such verb
            found = tense_of(analysis, verb, infinitive)
            tables = conjugation(infinitive)
            if found is None or tables is None:
                continue
            table, person = found
            if table == "present" and person == 2 and particle is None and _regular_present(infinitive, verb.text):
                continue  # prüft, heißt: the stem and -t, which an A2 learner writes without the text
            finite, ablaut_particle = tables[table][person]
            if particle is not None and (ablaut_particle or "") != particle.text.lower():
                continue  # our infinitive does not explain the sentence
            if verb.text.lower() == infinitive.lower():
                continue  # the answer would be the hint itself
            if infinitive in QUOTE_TAG_VERBS:
                continue  # "…, sagte Bencic": the formula of every quote, no gap to practise
            if verb.text.lower() == (past_participle(infinitive) or "").lower() and _auxiliary_before(analysis, verb):
                continue  # "wurde nichts ... verlautet": a participle the tagger took for finite
            prev = analysis.tokens[verb.i - 1] if verb.i > sent.start else None
            if prev is not None and prev.text.lower() in ("wie", "als") and verb.i + 1 < sent.end and not analysis.tokens[verb.i + 1].text.isalpha():
                continue  # "wie berichtet," is a participle the tagger took for a finite verb
            iid = item_id(self.name, sent.text, (verb.idx - sent.start_char,))
            hint = f"{infinitive} ({TABLE_NAMES[table]})"
            out.append(
                ClozeCandidate(
                    item=ClozeItem(
                        id=iid,
                        kind=self.name,
                        text=gapped(analysis, verb.sentence, verb.sentence, {verb.i: GAP}),
                        answer=verb.text,
                        hint=hint,
                        sentence=verb.sentence,
                        answers=(verb.text,),
                        lemma=infinitive,
                        pos="VERB",
                    ),
                    tokens=(verb.i,),
                )
            )
        return out
