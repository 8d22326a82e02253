"""``article``: the definite or indefinite article before a noun, where the phrase decides it.

Options are the paradigm of the article's own kind (der/die/das/den/dem/des or
ein/eine/einen/einem/einer/eines): which kind the writer meant is not grammar, so it is never
asked. The gap is made only when exactly one form of that paradigm agrees with the noun's form,
the adjectives and the preposition (or the case the clause analysis is sure of).
"""

from __future__ import annotations

from quizgen.cloze.base import GAP, ClozeCandidate, ClozeContext, gapped, item_id, match_case, shuffled
from quizgen.cloze.noun_phrases import NounPhrase, context_noun_phrases, phrase_features
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
    worksheet="wordbank",  # printed in the worksheet's gapped text
    default_count=4,
    gap_width=6,
)


class ArticleKind:
    description = KIND
    name = KIND.name
    balanced = True  # answers drawn so that no form dominates the pack

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]:
        out = []
        for np in context_noun_phrases(ctx):
            paradigm = _decided_paradigm(ctx, np)
            if paradigm is not None:
                out.append(self._candidate(ctx, np, paradigm))
        return out

    def _candidate(self, ctx: ClozeContext, np: NounPhrase, paradigm: tuple[str, ...]) -> ClozeCandidate:
        analysis = ctx.analysis
        det = analysis.tokens[np.determiner]  # type: ignore[index]  # _decided_paradigm: there is one
        sent = analysis.sentences[det.sentence]
        iid = item_id(self.name, sent.text, (det.idx - sent.start_char,))
        answer = det.text
        options = shuffled([match_case(a, answer) for a in paradigm], iid)
        item = ClozeItem(
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
        )
        return ClozeCandidate(item=item, tokens=(det.i,))


def _decided_paradigm(ctx: ClozeContext, np: NounPhrase) -> tuple[str, ...] | None:
    """The article paradigm of the phrase's article when the rest of the phrase leaves exactly
    one form of it; None when it does not, or the phrase is no grammar practice."""
    toks = ctx.analysis.tokens
    if np.determiner is None or toks[np.determiner].tag != "ART":
        return None
    form = toks[np.determiner].text.lower()
    if form in DEFINITE_FORMS:
        table, paradigm = DEFINITE, DEFINITE_FORMS
    elif form in INDEFINITE_FORMS:
        table, paradigm = INDEFINITE, INDEFINITE_FORMS
    else:
        return None
    # An article before a name or inside a title (der Russischen Föderation) is not grammar
    # practice; a noun followed by a name is a title (Präsident Xi).
    if np.noun in ctx.entity_tokens or any(a in ctx.entity_tokens for a in np.adjectives):
        return None
    if any(toks[a].text[:1].isupper() for a in np.adjectives):
        return None
    nxt = np.noun + 1
    if nxt < len(toks) and toks[nxt].sentence == toks[np.noun].sentence and nxt in ctx.entity_tokens:
        return None
    readings = phrase_features(ctx.analysis, np, without_determiner=True, declension_of=form)
    if {table[f] for f in readings if f in table} != {form}:
        return None  # more than one article fits (or ours does not): not decided here
    # The full phrase must also agree, otherwise our reading of it is wrong.
    return paradigm if phrase_features(ctx.analysis, np) else None
