"""a/b/c questions: a W-question whose answer is a name or number, with two wrong options of
the same type from the same text (other people for Wer, other places for Wo).

A distractor never names the answer's referent and never appears in the evidence sentence or
the question (someone named there might also be a right answer).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from quizgen.analysis import Analysis
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.mentions import clean_name, full_name, mentions, same_referent, well_attested

KIND = ExerciseKind(
    section=Section.QUESTION,
    name="choice",
    label="Questions: a/b/c",
    instruction="Choose the right answer.",
    answer_mode=AnswerMode.CHOICE,
    has_options=True,
    worksheet="choice",
    default_count=3,
)
CHOICE_TYPES = frozenset({"PER", "LOC", "ORG", "NUM", "THING:subject", "THING:acc_object"})


def generate(analysis: Analysis, *, seed: int = 0, previous: list[QuestionCandidate] | None = None) -> list[QuestionCandidate]:
    """A choice version of every W-question in ``previous`` that has two good distractors."""
    out: list[QuestionCandidate] = []
    for cand in previous or []:
        if cand.kind != "wh" or cand.answer_type not in CHOICE_TYPES or " und " in cand.answer_short:
            continue  # a pair ("Russland und China") against single names is an easy guess
        distractors = _distractors(analysis, cand)
        if len(distractors) < 2:
            continue
        options = [cand.answer_short, *distractors[:2]]
        order = _order(seed, cand.question)
        shuffled = tuple(options[k] for k in order)
        out.append(
            replace(
                cand,
                kind=KIND.name,
                confidence=cand.confidence * (0.88 if cand.answer_type.startswith("THING") else 1.0),
                options=shuffled,
                correct=shuffled.index(cand.answer_short),
                notes=(*cand.notes, "choice"),
            )
        )
    return out


def _distractors(analysis: Analysis, cand: QuestionCandidate) -> list[str]:
    sentence_text = analysis.sentences[cand.sentence].text.lower()
    question = cand.question.lower()
    found: list[str] = []
    if cand.answer_type.startswith("THING:"):
        return _things(analysis, cand, cand.answer_type.split(":", 1)[1])
    if cand.answer_type == "NUM":
        unit = cand.answer[len(cand.answer_short) :].strip().split(" ")[0] if cand.answer != cand.answer_short else ""
        for tok in analysis.tokens:
            if tok.tag == "CARD" and tok.text != cand.answer_short and tok.text not in found:
                nxt = analysis.tokens[tok.i + 1] if tok.i + 1 < len(analysis.tokens) else None
                if unit and (nxt is None or nxt.text != unit):
                    continue
                if tok.sentence != cand.sentence:
                    found.append(tok.text)
        return found
    for m in mentions(analysis):
        if m.label != cand.answer_type or not clean_name(analysis, m):
            continue
        name = full_name(analysis, m)
        if m.label == "PER" and not analysis.entities and len(name.split()) < 2:
            continue  # without NER a one-word "person" is too often a product or a club
        if not well_attested(analysis, m):
            continue
        if any(_alike(name, other) for other in (cand.answer_short, cand.answer, *found)):
            continue
        if any(w.lower() in sentence_text or w.lower() in question for w in name.split()):
            continue
        found.append(name)
    return found


def _order(seed: int, question: str) -> list[int]:
    """A deterministic shuffle of three options from the seed and the question."""
    orders = [[0, 1, 2], [1, 0, 2], [1, 2, 0], [0, 2, 1], [2, 0, 1], [2, 1, 0]]
    digest = hashlib.sha1(f"{seed}:{question}".encode()).digest()
    return orders[digest[0] % len(orders)]


def _things(analysis: Analysis, cand: QuestionCandidate, role: str) -> list[str]:
    """Other things in the same role (so in the same case) from other sentences of the text."""
    from quizgen.questions.answers import answer_core, is_whole, phrase_kind
    from quizgen.questions.wording import span_words

    from quizgen.questions.wh_questions import is_measure

    found: list[str] = []
    answer_low = cand.answer_short.lower()
    article = answer_low.split()[0] if " " in answer_low else ""
    if article not in ARTICLE_FAMILY:
        return []  # bare plurals and names: no options of the same shape
    for clause in analysis.clauses:
        if abs(clause.sentence - cand.sentence) < 3:
            continue  # a thing named nearby is often the answer again in other words (anaphora)
        phrases = [clause.subject] if role == "subject" else list(clause.acc_objects)
        for phrase in phrases:
            if phrase is None or phrase.confidence < 0.6 or not is_whole(analysis, phrase):
                continue
            if phrase_kind(analysis, phrase) != "THING":
                continue
            if is_measure(analysis.tokens[phrase.head].text):
                continue
            core = answer_core(analysis, phrase)
            text = span_words(analysis, phrase.start, phrase.start + len(core.split())) if core else ""
            words = text.split()
            if not 2 <= len(words) <= 5 or any(not w[:1].isalnum() for w in words):
                continue
            last = analysis.tokens[phrase.start + len(words) - 1]
            if last.tag not in ("NN", "NE", "CARD"):
                continue  # "die Beziehungen zwischen": cut before the end of its phrase
            noun = words[-1].lower()
            answer_words = cand.answer.lower().replace("-", " ").split()
            if text.lower() == answer_low or noun in cand.question.lower() or text in found:
                continue
            if any(noun.endswith(w) or w.endswith(noun) for w in answer_words if len(w) > 3):
                continue  # das Konzept / ein neues Verkehrskonzept, die Erben / die Erben der ...: the same thing
            # same article family keeps options equally plausible (den/einen/die ...)
            if words[0].lower() not in ARTICLE_FAMILY[article]:
                continue
            found.append(text)
    return found


ARTICLE_FAMILY: dict[str, set[str]] = {
    "den": {"den", "einen", "keinen"},
    "einen": {"den", "einen", "keinen"},
    "der": {"der", "ein", "kein"},
    "ein": {"der", "ein", "das", "kein"},
    "die": {"die", "eine", "keine"},
    "eine": {"die", "eine", "keine"},
    "das": {"das", "ein", "kein"},
}


def _alike(a: str, b: str) -> bool:
    """The same referent written two ways: Putin / Wladimir Putin, Bashar / Baschar al-Assad,
    LLI / Leipnik-Lundenburger Invest."""
    if same_referent(a, b):
        return True
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a.lower(), b.lower())
    # The quick ratios are upper bounds of ratio(): most pairs are ruled out without it.
    if matcher.real_quick_ratio() > 0.8 and matcher.quick_ratio() > 0.8 and matcher.ratio() > 0.8:
        return True
    for short, long in ((a, b), (b, a)):
        initials = "".join(w[0] for w in long.replace("-", " ").split() if w[:1].isupper())
        if short.isupper() and len(short) >= 2 and short == initials:
            return True
    return False
