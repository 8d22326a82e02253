"""``wordbank``: a paragraph with several gaps and a shuffled bank of the answers plus extras.

Gaps are chosen so that no answer fits another gap by its form (two feminine singular nouns in
the same case could be swapped), at most one per sentence. One or two extra words in the bank
fit a noun gap's grammar but not its meaning (distractors of the first noun gaps, of the
answer's semantic field, the article's own words first), and no other gap's grammar.
"""

from __future__ import annotations

import functools

from quizgen.cloze.base import GAP, ClozeCandidate, ClozeContext, Pending, gapped, item_id, shuffled
from quizgen.cloze.choice import excluded_words
from quizgen.cloze.content_gaps import WordGap, content_gaps, fits, noun_fits
from quizgen.cloze.noun_slots import noun_slot, taken_answers, topic_nouns
from quizgen.german.nouns import noun_lemma, noun_lemmas_of_form
from quizgen.lesson.distractors import noun_distractors
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import ClozeItem

WINDOW = 4  # sentences per paragraph item
MIN_GAPS = 3
MAX_GAPS = 5
EXTRAS = 2


def paragraphs(ctx: ClozeContext) -> list[list[int]]:
    """Sentence indexes grouped by blank-line paragraphs, cut into windows of ``WINDOW``."""
    text = ctx.analysis.text
    groups: list[list[int]] = []
    prev_end = 0
    for sent in ctx.analysis.sentences:
        if not groups or "\n\n" in text[prev_end : sent.start_char] or len(groups[-1]) >= WINDOW:
            groups.append([])
        groups[-1].append(sent.index)
        prev_end = sent.end_char
    return groups


KIND = ExerciseKind(
    section=Section.CLOZE,
    name="wordbank",
    label="Cloze: word bank",
    instruction="Fill the gaps with words from the bank.",
    answer_mode=AnswerMode.WORD_BANK,
    several_gaps=True,
    has_options=True,  # the bank: the answers and the extra words, shuffled
    worksheet="wordbank",  # printed in the worksheet's gapped text
    in_word_bank=True,
    default_count=1,
)


class WordbankKind:
    description = KIND
    name = KIND.name
    tests_meaning = True
    word_answer = True

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]:
        return [c for p in self.pending(ctx) if (c := p.complete()) is not None]

    def pending(self, ctx: ClozeContext) -> list[Pending]:
        """One paragraph item per window of sentences; the extra words (a distractor search
        each) are looked for only when build_cloze picks the item."""
        analysis = ctx.analysis
        exclude = excluded_words(ctx)
        by_sentence: dict[int, list[WordGap]] = {}
        for gap in content_gaps(ctx):
            by_sentence.setdefault(analysis.tokens[gap.token].sentence, []).append(gap)
        out = []
        known: dict[tuple[int, int], bool] = {}

        def fit(gap: WordGap, other: WordGap) -> bool:
            # Each pair is asked several times (sorting, then choosing): worked out once.
            key = (id(gap), id(other))
            if key not in known:
                known[key] = fits(gap, other, analysis)
            return known[key]

        for group in paragraphs(ctx):
            chosen: list[WordGap] = []
            window = [g for si in group for g in by_sentence.get(si, [])]

            def clashes(gap: WordGap) -> int:
                return sum(1 for o in window if o is not gap and (fit(gap, o) or fit(o, gap)))

            for si in group:
                for gap in sorted(by_sentence.get(si, []), key=clashes):
                    if all(not fit(gap, o) and not fit(o, gap) for o in chosen):
                        chosen.append(gap)
                        break
                if len(chosen) == MAX_GAPS:
                    break
            if len(chosen) < MIN_GAPS:
                continue
            first = analysis.tokens[chosen[0].token].sentence
            last = analysis.tokens[chosen[-1].token].sentence
            sent_text = " ".join(analysis.sentences[i].text for i in range(first, last + 1))
            iid = item_id(self.name, sent_text, tuple(analysis.tokens[g.token].idx for g in chosen))
            complete = functools.partial(self._complete, ctx, tuple(chosen), iid, first, last, exclude)
            out.append(Pending(iid, first, tuple(g.token for g in chosen), complete))
        return out

    def _complete(
        self, ctx: ClozeContext, chosen: tuple[WordGap, ...], iid: str, first: int, last: int,
        exclude: frozenset[str],
    ) -> ClozeCandidate | None:
        analysis = ctx.analysis
        extras: list[str] = []
        for gap in chosen:
            tok = analysis.tokens[gap.token]
            key = f"{iid}|{ctx.seed}|{gap.token}"
            if gap.pos != "NOUN":
                continue  # adjective extras are too often right as well (see choice.py)
            slot = noun_slot(ctx, tok.i, gap.readings, noun_lemma(tok.lemma))
            wrong = noun_distractors(
                slot, exclude=exclude, key=key, n=1, topic=topic_nouns(ctx), never=taken_answers(ctx) | set(extras)
            )
            others = [g for g in chosen if g is not gap]
            lemmas = noun_lemmas_of_form(wrong[0]) if wrong else ()
            if wrong and not any(noun_fits(g, wrong[0], lem, analysis) for g in others for lem in lemmas):
                extras.extend(wrong)  # grammatical only in its own gap, where it is wrong in meaning
            if len(extras) == EXTRAS:
                break
        if not extras:
            return None
        answers = tuple(analysis.tokens[g.token].text for g in chosen)
        return ClozeCandidate(
            item=ClozeItem(
                id=iid,
                kind=self.name,
                text=gapped(analysis, first, last, {g.token: GAP for g in chosen}),
                answer=KIND.encode_answer(answers),
                options=shuffled([*answers, *extras], iid),
                sentence=first,
                answers=answers,
            ),
            tokens=tuple(g.token for g in chosen),
        )
