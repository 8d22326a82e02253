"""``ending``: an attributive adjective's ending (``des chinesisch___ Top-Diplomaten`` -> en).

The gap is made only when the rest of the phrase (determiner, noun form, preposition) leaves
exactly one ending, and only in phrases with a single adjective (a second one would show the
answer).
"""

from __future__ import annotations

from quizgen.cloze.base import GAP, ClozeCandidate, ClozeContext, gapped, item_id
from quizgen.cloze.noun_phrases import context_noun_phrases, phrase_features
from quizgen.german.morphology import (
    ADJECTIVE_ENDINGS,
    adjective_ending,
    features_of_determiner,
    split_adjective_ending,
)
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import ClozeItem


KIND = ExerciseKind(
    section=Section.CLOZE,
    name="ending",
    label="Cloze: endings",
    instruction="Fill in the ending.",
    answer_mode=AnswerMode.TYPED,  # typed on the site; printed and exported with its options
    has_options=True,
    worksheet="wordbank",  # printed in the worksheet's gapped text
    default_count=3,
    gap_width=3,
    gap_after_stem=True,
)


class EndingKind:
    description = KIND
    name = KIND.name
    balanced = True  # answers drawn so that no ending dominates the pack
    # Fewer than three endings in a text (only -en and -e) and a learner guesses: no items.
    min_forms = 3

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]:
        analysis = ctx.analysis
        toks = analysis.tokens
        out = []
        for np in context_noun_phrases(ctx):
            if len(np.adjectives) != 1:
                continue
            adj = toks[np.adjectives[0]]
            split = split_adjective_ending(adj.text)
            if split is None or adj.i in ctx.entity_tokens or np.noun in ctx.entity_tokens:
                continue
            if not adj.text.isalpha() or adj.text[:1].isupper():
                continue  # names and titles (Russische Föderation), numbers
            stem, ending = split
            lemma = adj.lemma.lower()
            # The stem must be the lemma (or a comparative/superlative of it), so the learner
            # sees a whole adjective: not "dunkl___" or "leis___" where the lemma changes.
            if lemma.endswith("e") or not stem.lower().startswith(lemma[: max(3, len(lemma) - 2)]):
                continue
            declension = "strong"
            if np.determiner is not None:
                det = features_of_determiner(toks[np.determiner].text)
                if det is None:
                    continue
                declension = det[1]
            readings = phrase_features(analysis, np, without_adjectives=True)
            endings = {adjective_ending(f, declension) for f in readings}
            if endings != {ending}:
                continue
            sent = analysis.sentences[adj.sentence]
            iid = item_id(self.name, sent.text, (adj.idx - sent.start_char,))
            out.append(
                ClozeCandidate(
                    item=ClozeItem(
                        id=iid,
                        kind=self.name,
                        text=gapped(analysis, adj.sentence, adj.sentence, {adj.i: stem + GAP}),
                        answer=ending,
                        options=ADJECTIVE_ENDINGS,
                        hint=None,
                        sentence=adj.sentence,
                        answers=(ending,),
                        lemma=adj.lemma,
                        pos="ADJ",
                    ),
                    tokens=(adj.i,),
                )
            )
        return out
