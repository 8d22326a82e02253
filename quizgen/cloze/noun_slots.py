"""What the distractors of a noun gap read: the answer's semantic class in its sentence, the
words that frame the gap, and the article's other nouns (the topic's words).

Worked out once per pack (``ClozeContext.shared``) and read by the choice and word-bank kinds.
"""

from __future__ import annotations

from quizgen.analysis import Analysis
from quizgen.cloze.base import ClozeContext
from quizgen.cloze.noun_phrases import NounPhrase, context_noun_phrases
from quizgen.german.morphology import Feature
from quizgen.german.nouns import noun_gender, noun_lemma
from quizgen.lesson.distractors import NounSlot, TopicNoun, zipf
from quizgen.lesson.semantic_classes import WordClass, gloss_class, word_class
from quizgen.pack import ClozeItem

MIN_HEAD_LETTERS = 4


def clause_verbs(analysis: Analysis) -> dict[int, str]:
    """Token -> the lemma of the innermost clause's main verb (``sich`` dropped)."""
    verbs: dict[int, tuple[int, str]] = {}
    for clause in analysis.clauses:
        if not clause.verb_lemma:
            continue
        size = clause.end - clause.start
        lemma = clause.verb_lemma.removeprefix("sich ").lower()
        for i in range(clause.start, clause.end):
            if i not in verbs or size < verbs[i][0]:
                verbs[i] = (size, lemma)
    return {i: lemma for i, (_size, lemma) in verbs.items()}


def _frames(analysis: Analysis, np: NounPhrase, verbs: dict[int, str]) -> frozenset[str]:
    toks = analysis.tokens
    found = {toks[a].lemma.lower() for a in np.adjectives}
    if np.preposition is not None:
        found.add(toks[np.preposition].lemma.lower())
    if np.noun in verbs:
        found.add(verbs[np.noun])
    return frozenset(found)


def noun_frames(ctx: ClozeContext) -> dict[int, frozenset[str]]:
    """Noun token -> the lemmas framing it (its clause's verb, its adjectives, its preposition)."""
    found = ctx.shared.get("noun_frames")
    if found is None:
        verbs = clause_verbs(ctx.analysis)
        found = ctx.shared["noun_frames"] = {np.noun: _frames(ctx.analysis, np, verbs) for np in context_noun_phrases(ctx)}
    return found


def answer_class(ctx: ClozeContext, lemma: str) -> WordClass | None:
    """The class of the answer in its sentence: from its sure gloss in the text, else its usual
    class, else the class of its head (Friedensplan: Plan)."""
    sure = ctx.gloss(lemma)
    if sure:
        found = gloss_class(sure, "NOUN")
        if found is not None:
            return found
    found = word_class(lemma, "NOUN")
    if found is not None:
        return found
    for cut in range(1, len(lemma) - MIN_HEAD_LETTERS + 1):
        head = lemma[cut:].capitalize()
        found = word_class(head, "NOUN")
        if found is not None:
            return found
    return None


def topic_nouns(ctx: ClozeContext) -> tuple[TopicNoun, ...]:
    """The article's nouns with a known class (its vocabulary, names left out), with the frames
    of all their occurrences."""
    cached: tuple[TopicNoun, ...] | None = ctx.shared.get("topic_nouns")
    if cached is not None:
        return cached
    frames_of: dict[str, set[str]] = {}
    for i, frames in noun_frames(ctx).items():
        frames_of.setdefault(noun_lemma(ctx.analysis.tokens[i].lemma), set()).update(frames)
    out = []
    for entry in ctx.vocabulary:
        if entry.pos != "NOUN" or not entry.gender or "-" in entry.lemma:
            continue
        found_class = answer_class(ctx, entry.lemma)
        gender = noun_gender(entry.lemma)
        if found_class is None or gender is None:
            continue
        out.append(TopicNoun(entry.lemma, gender, found_class, zipf(entry.lemma), frozenset(frames_of.get(entry.lemma, ()))))
    nouns = ctx.shared["topic_nouns"] = tuple(out)
    return nouns


def noun_slot(ctx: ClozeContext, token: int, readings: frozenset[Feature], lemma: str) -> NounSlot:
    """The gap at ``token`` as the distractor choice reads it."""
    analysis = ctx.analysis
    tok = analysis.tokens[token]
    return NounSlot(
        lemma=lemma,
        form=tok.text,
        readings=readings,
        word_class=answer_class(ctx, lemma),
        sentence=frozenset(t.lemma.lower() for t in analysis.sentence_tokens(tok.sentence)),
        frames=noun_frames(ctx).get(token, frozenset()),
        gloss=ctx.gloss(lemma),
        modified=any(np.noun == token and np.adjectives for np in context_noun_phrases(ctx)),
        preposition=_preposition(ctx, token),
    )


def _preposition(ctx: ClozeContext, token: int) -> str | None:
    """The lemma of the preposition governing the noun at ``token`` (im, zum: in, zu)."""
    toks = ctx.analysis.tokens
    for np in context_noun_phrases(ctx):
        if np.noun != token:
            continue
        if np.preposition is not None:
            return toks[np.preposition].lemma.lower()
        if np.determiner is not None and toks[np.determiner].tag == "APPRART":
            return toks[np.determiner].lemma.lower()
    return None


def taken_answers(ctx: ClozeContext) -> set[str]:
    """Answers (lower case) of the items chosen so far: never a distractor of another item."""
    found: set[str] = ctx.shared.setdefault("taken_answers", set())
    return found


def note_answers(ctx: ClozeContext, item: ClozeItem) -> None:
    taken_answers(ctx).update(a.lower() for a in (item.answers or (item.answer,)))
    if item.lemma:
        taken_answers(ctx).add(item.lemma.lower())  # Maßnahmen asked: no option Maßnahme elsewhere


__all__ = ["answer_class", "clause_verbs", "note_answers", "noun_frames", "noun_slot", "taken_answers", "topic_nouns"]
