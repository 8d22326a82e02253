"""``article``: the definite or indefinite article before a noun, where the phrase decides it.

Options are the paradigm of the article's own kind (der/die/das/den/dem/des or
ein/eine/einen/einem/einer/eines): which kind the writer meant is not grammar, so it is never
asked. The gap is made only when exactly one form of that paradigm agrees with the noun's form,
the adjectives and the preposition (or the case the clause analysis is sure of).
"""

from __future__ import annotations

from quizgen.cloze.base import GAP, ClozeCandidate, ClozeContext, gapped, item_id, match_case, shuffled
from quizgen.cloze.noun_phrases import noun_phrases, phrase_features
from quizgen.german.morphology import DEFINITE, DEFINITE_FORMS, INDEFINITE, INDEFINITE_FORMS
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import ClozeItem


KIND = ExerciseKind(
    section=Section.CLOZE,
    name="article",
    label="Cloze: articles",
    instruction="Fill in the article.",
    answer_mode=AnswerMode.TYPED,  # typed on the site; printed and exported with its options
    has_options=True,
    worksheet="choice",
    default_count=3,
    gap_width=6,
)


class ArticleKind:
    description = KIND
    name = KIND.name

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]:
        analysis = ctx.analysis
        toks = analysis.tokens
        out = []
        for np in noun_phrases(analysis):
            if np.determiner is None or toks[np.determiner].tag != "ART":
                continue
            det = toks[np.determiner]
            form = det.text.lower()
            if form in DEFINITE_FORMS:
                table, paradigm = DEFINITE, DEFINITE_FORMS
            elif form in INDEFINITE_FORMS:
                table, paradigm = INDEFINITE, INDEFINITE_FORMS
            else:
                continue
            noun = toks[np.noun]
            # An article before a name or inside a title (der Russischen Föderation) is not
            # grammar practice; a noun followed by a name is a title (Präsident Xi).
            if np.noun in ctx.entity_tokens or any(a in ctx.entity_tokens for a in np.adjectives):
                continue
            if any(toks[a].text[:1].isupper() for a in np.adjectives):
                continue
            nxt = np.noun + 1
            if nxt < len(toks) and toks[nxt].sentence == noun.sentence and nxt in ctx.entity_tokens:
                continue
            readings = phrase_features(analysis, np, without_determiner=True, declension_of=form)
            fitting = {table[f] for f in readings if f in table}
            if fitting != {form}:
                continue  # more than one article fits (or ours does not): not decided here
            # The full phrase must also agree, otherwise our reading of it is wrong.
            if not phrase_features(analysis, np):
                continue
            sent = analysis.sentences[det.sentence]
            iid = item_id(self.name, sent.text, (det.idx - sent.start_char,))
            answer = det.text
            options = shuffled([match_case(a, answer) for a in paradigm], iid)
            out.append(
                ClozeCandidate(
                    item=ClozeItem(
                        id=iid,
                        kind=self.name,
                        text=gapped(analysis, det.sentence, det.sentence, {det.i: GAP}),
                        answer=answer,
                        options=options,
                        hint=None,
                        sentence=det.sentence,
                        answers=(answer,),
                        lemma=det.lemma,
                        pos="DET",
                    ),
                    tokens=(det.i,),
                )
            )
        return out
