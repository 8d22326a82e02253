"""Generating a quiz's lesson pack: how many items of each kind, and the call into quizgen."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from quizgen.errors import PipelineError
from quizgen.kinds import exercise_kinds
from quizgen.pack import LessonPack

MAX_PER_KIND = 20

#: ``progress(step, fraction_done)``, as quizgen.lesson.make.make_pack calls it
ProgressCallback = Callable[[str, float], None]


def default_counts() -> dict[str, int]:
    """How many items of each kind (``"section:kind"``) a new quiz gets unless the teacher
    says otherwise: each kind's default count in quizgen."""
    return {kind.key: kind.default_count for kind in exercise_kinds()}


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
    # Ask for more questions than wanted: the builder mixes kinds, the counts pick per kind. None
    # when none are wanted: the cloze builder keeps off the answers the questions print.
    wanted = sum(n for key, n in counts.items() if key.startswith("question:"))
    return make_pack(text, title=title, level=level, questions=max(10, 2 * wanted) if wanted else 0,
                     progress=progress)
