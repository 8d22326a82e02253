"""``open``: type the missing content word.

The hint gives the lemma when the gap needs an inflected form (and the visible phrase decides
which form); when the word stands in its dictionary form, the hint gives its first letter and
English gloss instead, so that another common word does not fill the gap as well. At low
levels a word must occur more than once in the text, or be very common. The dictionary-form
hint is first letter, length and gloss ("T…, 3 Buchstaben, goal": Tor, not Treffer).
"""

from __future__ import annotations

import functools

from quizgen.cloze.base import GAP, LOW_LEVELS, ClozeCandidate, ClozeContext, gapped, item_id
from quizgen.cloze.content_gaps import content_gaps
from quizgen.lesson.distractors import candidate_words, zipf
from quizgen.german.nouns import noun_lemma
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import ClozeItem

COMMON_ZIPF = 4.5


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return frozenset(w.lemma for w in candidate_words("VERB"))


KIND = ExerciseKind(
    section=Section.CLOZE,
    name="open",
    label="Cloze: typed gaps",
    instruction="Fill in the gap.",
    answer_mode=AnswerMode.TYPED,
    worksheet="wordbank",  # the worksheet prints typed gaps with a box of their answers
    default_count=4,
)


class OpenKind:
    description = KIND
    name = KIND.name

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
            if tok.text == lemma:
                gloss = ctx.gloss(lemma)
                if not gloss:
                    continue  # the lemma would give the answer away, and nothing else helps
                if lemma.lower() in _verbs():
                    continue  # das Nachsehen, das Leben: the gloss of a nominalised verb misleads
                # First letter, length and gloss: "T…, 3 letters, goal" is Tor, not Treffer.
                hint = f"{lemma[0]}… ({len(lemma)} Buchstaben; engl. {gloss})"
            else:
                hint = lemma
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
