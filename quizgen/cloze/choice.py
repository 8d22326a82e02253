"""``choice``: pick the word of the text among three distractors that fit the grammar.

Distractors come from quizgen.lesson.distractors: same part of speech and inflection, similar
frequency and length, none of them a word of this text. Only nouns are asked: read with a
teacher's eye, adjective distractors were often right as well (eine überraschende / umfassende
Partnerschaft, nützliche / gewisse Chancen), since almost any adjective can modify a noun.
"""

from __future__ import annotations

import functools

from quizgen.analysis import Analysis
from quizgen.cloze.base import GAP, ClozeCandidate, ClozeContext, Pending, gapped, item_id, shuffled
from quizgen.cloze.content_gaps import WordGap, content_gaps
from quizgen.lesson.distractors import noun_distractors
from quizgen.german.nouns import noun_lemma
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
    worksheet="choice",
    default_count=4,
)


class ChoiceKind:
    description = KIND
    name = KIND.name

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
        wrong = noun_distractors(lemma, tok.text, gap.readings, exclude=exclude, key=key, gloss_of=ctx.gloss_of, avoid_domains=ctx.domains | ctx.sentence_domains(tok.sentence))
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
