"""``open``: type the missing content word, with a hint that helps without telling.

The hint is the word's first letter, its length and its English sense in this sentence
("T…, 3 Buchstaben; engl. goal": Tor, not Treffer). Never the German lemma (it spells the
answer) and never an English gloss that spells it (engl. situation for Situation, edit distance
at most 2 or the same first five letters): such a word is left to the other kinds. Only a sure
gloss (quizgen.german.glossary: confidence high) is a hint; a word without one is not asked.
An inflected form is asked only where the visible phrase decides it. At low levels a word must
occur more than once in the text, or be very common; from B1 on, no A1/A2 word nor one of the
most frequent words is asked (with its hint it is a translation: Menschen, engl. people).
"""

from __future__ import annotations

import functools

from quizgen.cloze.base import GAP, LOW_LEVELS, ClozeCandidate, ClozeContext, gapped, hint_spells, item_id
from quizgen.cloze.content_gaps import content_gaps
from quizgen.lesson.distractors import candidate_words, zipf
from quizgen.german.cefr_estimate import estimate_level
from quizgen.german.morphology import ADJECTIVE_ENDINGS
from quizgen.german.nouns import noun_lemma
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import ClozeItem

COMMON_ZIPF = 4.5
#: from B1 on, no open gap asks a word this frequent (Krieg 5.2, Menschen 5.2; graded draw 4)
BASIC_ZIPF = 5.1
#: quantifying adjectives the glossary glosses as adverbs (meist: mostly; viel: much)
QUANTIFIER_ADJECTIVES = frozenset({"meist", "viel", "wenig", "mehr", "weniger", "ganz", "all"})


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return frozenset(w.lemma for w in candidate_words("VERB"))


def _positive(form: str, lemma: str) -> bool:
    """Whether an adjective's form is its lemma with an ending (not a comparative or superlative,
    whose sense the lemma's gloss does not give: weiterer 'further', not 'far'); and not a
    quantifier whose gloss is the adverb's (die meiste Anerkennung: 'mostly')."""
    rest = form.lower().removeprefix(lemma.lower())
    return rest != form.lower() and rest in ADJECTIVE_ENDINGS and lemma.lower() not in QUANTIFIER_ADJECTIVES


KIND = ExerciseKind(
    section=Section.CLOZE,
    name="open",
    label="Cloze: typed gaps",
    instruction="Fill in the gap.",
    answer_mode=AnswerMode.TYPED,
    worksheet="wordbank",  # printed in the worksheet's gapped text
    in_word_bank=True,
    default_count=4,
)


def _too_easy(lemma: str, pos: str) -> bool:
    """A word every learner from B1 on knows: estimated A1 or A2, or among the most frequent
    words of news text (Zipf >= ``BASIC_ZIPF``: Krieg, Regierung)."""
    estimate = estimate_level(lemma, pos=pos)
    return estimate.cefr in ("A1", "A2") or zipf(lemma) >= BASIC_ZIPF


class OpenKind:
    description = KIND
    name = KIND.name
    tests_meaning = True
    word_answer = True

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]:
        analysis = ctx.analysis
        out = []
        for gap in content_gaps(ctx):
            if not gap.unique_form:
                continue
            tok = analysis.tokens[gap.token]
            lemma = noun_lemma(tok.lemma) if gap.pos == "NOUN" else tok.lemma.lower()
            if ctx.level in LOW_LEVELS and ctx.lemma_counts[tok.lemma.lower()] < 2 and zipf(lemma) < COMMON_ZIPF:
                continue
            if ctx.level not in ("A1", "A2") and _too_easy(lemma, gap.pos):
                continue  # Menschen, Krieg with "engl. war": a translation, not a gap for B1
            gloss = ctx.gloss(lemma)
            if not gloss or hint_spells(gloss, tok.text) or hint_spells(gloss, lemma):
                continue  # nothing else helps without telling
            if lemma.lower() in _verbs():
                continue  # das Nachsehen, das Leben: the gloss of a nominalised verb misleads
            if gap.pos == "ADJ" and not _positive(tok.text, lemma):
                continue  # ein weiterer Schritt: the lemma's gloss (far; wide) is another sense
            hint = f"{tok.text[0]}… ({len(tok.text)} Buchstaben; engl. {gloss})"
            sent = analysis.sentences[tok.sentence]
            iid = item_id(self.name, sent.text, (tok.idx - sent.start_char,))
            out.append(
                ClozeCandidate(
                    item=ClozeItem(
                        id=iid,
                        kind=self.name,
                        text=gapped(analysis, tok.sentence, tok.sentence, {tok.i: GAP}),
                        answer=tok.text,
                        hint=hint,
                        sentence=tok.sentence,
                        answers=(tok.text,),
                        lemma=lemma,
                        pos=gap.pos,
                    ),
                    tokens=(tok.i,),
                )
            )
        return out
