"""``choice``: pick the word of the text among three distractors of its field.

Distractors come from quizgen.lesson.distractors: the answer's gender and form, its semantic
class (an act for an act, a person for a person), the article's other nouns first, never a
synonym, a collocate of the gap's verb or adjective, or a word of the gap's sentence. Only
nouns are asked: read with a teacher's eye, adjective distractors were often right as well
(eine überraschende / umfassende Partnerschaft, nützliche / gewisse Chancen), since almost any
adjective can modify a noun.
"""

from __future__ import annotations

import functools

from quizgen.analysis import Analysis
from quizgen.cloze.base import GAP, ClozeCandidate, ClozeContext, Pending, gapped, item_id, shuffled
from quizgen.cloze.content_gaps import WordGap, content_gaps
from quizgen.cloze.noun_slots import noun_slot, taken_answers, topic_nouns
from quizgen.german.nouns import noun_lemma
from quizgen.lesson.distractors import noun_distractors
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import ClozeItem


MIN_WORDS = 8  # a wrong option must be ruled out by the sentence: short ones say too little


def words_in(analysis: Analysis, sentence: int) -> int:
    return sum(1 for t in analysis.sentence_tokens(sentence) if t.text.isalpha())


def excluded_words(ctx: ClozeContext) -> frozenset[str]:
    """Lemmas and forms of the text: a distractor from the text may well be right."""
    toks = ctx.analysis.tokens
    return frozenset({t.lemma.lower() for t in toks} | {t.text.lower() for t in toks})


KIND = ExerciseKind(
    section=Section.CLOZE,
    name="choice",
    label="Cloze: choose the word",
    instruction="Choose the word that fits the gap.",
    answer_mode=AnswerMode.CHOICE,
    has_options=True,
    worksheet="wordbank",  # printed in the worksheet's gapped text
    in_word_bank=True,
    default_count=2,
)


class ChoiceKind:
    description = KIND
    name = KIND.name
    tests_meaning = True  # a content word: its sentence must stand on its own
    word_answer = True  # the answer is a word that must not be seen elsewhere

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]:
        return [c for p in self.pending(ctx) if (c := p.complete()) is not None]

    def pending(self, ctx: ClozeContext) -> list[Pending]:
        """The noun gaps, each searching its distractors only when completed (the search is
        most of the pack's cost beyond the analysis, and build_cloze takes only a few)."""
        analysis = ctx.analysis
        exclude = excluded_words(ctx)
        out = []
        for gap in content_gaps(ctx):
            tok = analysis.tokens[gap.token]
            sent = analysis.sentences[tok.sentence]
            iid = item_id(self.name, sent.text, (tok.idx - sent.start_char,))
            if gap.pos != "NOUN":
                continue  # see the module docstring: adjective distractors are too often right
            if words_in(analysis, tok.sentence) < MIN_WORDS:
                continue  # "Danach flüchtete die ___.": Katze fits as well, nothing rules it out
            out.append(Pending(iid, tok.sentence, (tok.i,), functools.partial(self._complete, ctx, gap, iid, exclude)))
        return out

    def _complete(self, ctx: ClozeContext, gap: WordGap, iid: str, exclude: frozenset[str]) -> ClozeCandidate | None:
        analysis = ctx.analysis
        tok = analysis.tokens[gap.token]
        key = f"{iid}|{ctx.seed}"
        lemma = noun_lemma(tok.lemma)
        slot = noun_slot(ctx, tok.i, gap.readings, lemma)
        wrong = noun_distractors(slot, exclude=exclude, key=key, topic=topic_nouns(ctx), never=taken_answers(ctx))
        if wrong is None:
            return None
        return ClozeCandidate(
            item=ClozeItem(
                id=iid,
                kind=self.name,
                text=gapped(analysis, tok.sentence, tok.sentence, {tok.i: GAP}),
                answer=tok.text,
                options=shuffled([tok.text, *wrong], iid),
                sentence=tok.sentence,
                answers=(tok.text,),
                lemma=lemma,
                pos=gap.pos,
            ),
            tokens=(tok.i,),
        )
