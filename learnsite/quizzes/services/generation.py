"""Turning a quizgen LessonPack into item rows: the one place that knows both shapes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from learnsite.quizzes.models import CLOZE_KINDS, QUESTION_KINDS, Item
from quizgen.errors import PipelineError
from quizgen.pack import ClozeItem, LessonPack, Question

#: how many items of each kind a new quiz gets unless the teacher says otherwise
DEFAULT_COUNTS: dict[str, int] = {
    **{f"cloze:{kind}": 2 for kind in CLOZE_KINDS},
    "question:wh": 4,
    "question:truefalse": 3,
    "question:choice": 3,
}
MAX_PER_KIND = 20


@dataclass(frozen=True)
class ItemDraft:
    """The fields of one Item row before it has a quiz and a position."""

    section: str
    kind: str
    prompt: str
    answer: str
    accepted: tuple[str, ...]
    options: tuple[str, ...]
    hint: str
    evidence: str
    sentence_index: int
    generated_id: str


#: ``progress(step, fraction_done)``, as quizgen.lesson.make.make_pack calls it
ProgressCallback = Callable[[str, float], None]


def run_make_pack(*, text: str, title: str, level: str, counts: Mapping[str, int],
                  progress: ProgressCallback | None = None) -> LessonPack:
    """Generate the lesson pack; imported late so the site starts without the NLP pipeline."""
    try:
        from quizgen.lesson.make import make_pack
    except ImportError as exc:
        raise PipelineError(
            "Generation is not installed on this server (quizgen.lesson.make is missing). "
            "Tell the site's administrator; your text is saved."
        ) from exc
    # Ask for more questions than wanted: the builder mixes kinds, the counts pick per kind.
    wanted = sum(n for key, n in counts.items() if key.startswith("question:"))
    return make_pack(text, title=title, level=level, questions=max(10, 2 * wanted), progress=progress)


def _sentence(pack: LessonPack, index: int) -> str:
    return pack.sentences[index] if 0 <= index < len(pack.sentences) else ""


def _cloze_draft(pack: LessonPack, item: ClozeItem) -> ItemDraft:
    answer = " | ".join(item.answers) if item.kind == "wordbank" and item.answers else item.answer
    return ItemDraft(
        section=Item.Section.CLOZE,
        kind=item.kind,
        prompt=item.text,
        answer=answer,
        accepted=tuple(item.accepted),
        options=tuple(item.options),
        hint=item.hint or "",
        evidence=_sentence(pack, item.sentence),
        sentence_index=item.sentence,
        generated_id=item.id,
    )


def _question_draft(pack: LessonPack, question: Question) -> ItemDraft:
    answer = question.answer
    if question.kind == "choice" and question.correct is not None and question.correct < len(question.options):
        answer = question.options[question.correct]
    accepted = tuple(
        dict.fromkeys(a for a in (question.answer_short, *question.accepted) if a and a != answer)
    )
    options = tuple(question.options)
    if question.kind == "truefalse" and not options:
        options = ("richtig", "falsch")
    return ItemDraft(
        section=Item.Section.QUESTION,
        kind=question.kind,
        prompt=question.question,
        answer=answer,
        accepted=accepted,
        options=options,
        hint="",
        evidence=_sentence(pack, question.sentence),
        sentence_index=question.sentence,
        generated_id=question.id,
    )


def drafts_from_pack(pack: LessonPack, counts: Mapping[str, int]) -> list[ItemDraft]:
    """The pack's items, at most ``counts["section:kind"]`` of each kind, in the pack's order."""
    taken: dict[str, int] = {}
    drafts: list[ItemDraft] = []
    candidates = [_cloze_draft(pack, c) for c in pack.cloze if c.kind in CLOZE_KINDS]
    candidates += [_question_draft(pack, q) for q in pack.questions if q.kind in QUESTION_KINDS]
    for draft in candidates:
        key = f"{draft.section}:{draft.kind}"
        if taken.get(key, 0) >= counts.get(key, 0):
            continue
        taken[key] = taken.get(key, 0) + 1
        drafts.append(draft)
    return drafts


def pack_summary(pack: LessonPack) -> dict[str, Any]:
    """What the review and learner pages show besides the items (sentences, level, words)."""
    data = pack.to_dict()
    data.pop("cloze", None)
    data.pop("questions", None)
    return data
