"""The lesson pack of one article: analysis once, then vocabulary, text level, questions, cloze.

``make_pack`` is what the command line (``python -m quizgen make``) and the site call.
Sections are built by the functions in ``SECTION_BUILDERS``, in order, each from the same
analysis and the vocabulary: adding a section is one function and one line there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from quizgen.analysis import Analysis
from quizgen.nlp.analyze import analyze
from quizgen.german.cefr_estimate import ESTIMATE_NOTE
from quizgen.cloze import cloze_section
from quizgen.errors import InputError
from quizgen.german.glossary import SOURCE as GLOSSARY_SOURCE
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.pack import LEVELS, ClozeItem, LessonPack, Question, VocabEntry
from quizgen.questions import build_questions
from quizgen.lesson.readability import text_level
from quizgen.lesson.key_words import mark_key_words
from quizgen.lesson.vocabulary import build_vocabulary, examples_away_from, part_entry
from quizgen.lesson.word_list import pack_vocabulary
from quizgen.text.article_checks import check_article

PACK_LEVELS = ("A2", "B1", "B2", "C1")  # the levels the command offers
#: share of a pack's time the analysis takes, for progress reports (bench/pack_vs_analysis.py)
ANALYSIS_SHARE = 0.75
#: ``progress(step, fraction_done)``: step is "analysis", "vocabulary" or a section's name
ProgressCallback = Callable[[str, float], None]
TITLE_MAX_WORDS = 14
FALLBACK_TITLE_WORDS = 8


@dataclass(frozen=True)
class PackRequest:
    """What every section builder reads: the analysis, the learner's level and the options."""

    analysis: Analysis
    level: str
    vocabulary: tuple[VocabEntry, ...]  # every content word, unfiltered
    seed: int = 0
    questions: int | None = None  # None: the question builder's default count


def shown_text(questions: tuple[Question, ...]) -> str:
    """What the questions print before they are answered: their text and options (a worksheet
    keeps the answers to its key, the site shows one once it is given)."""
    return "\n".join(text for q in questions for text in (q.question, *q.options))


def _question_section(req: PackRequest, built: dict[str, Any]) -> dict[str, Any]:
    return {"questions": build_questions(req.analysis, level=req.level, n=req.questions, seed=req.seed)}


def _cloze_section(req: PackRequest, built: dict[str, Any]) -> dict[str, Any]:
    # no gap whose answer a question prints (the questions come first: they are the scarcer)
    section = cloze_section(req.analysis, level=req.level, vocabulary=req.vocabulary, seed=req.seed,
                            shown_elsewhere=shown_text(built.get("questions", ())))
    # the notes say where the text allows no better balance of answers (quizgen.cloze.selection)
    return {"cloze": section.items, "extra": {"cloze_notes": list(section.notes)}}


#: (name, builder) in the order they run; each returns LessonPack fields and reads the fields
#: of the sections before it
SECTION_BUILDERS: tuple[tuple[str, Callable[[PackRequest, dict[str, Any]], dict[str, Any]]], ...] = (
    ("questions", _question_section),
    ("cloze", _cloze_section),
)


def guess_title(text: str) -> tuple[str, bool]:
    """(title, whether it is the text's own first line).

    The first line is a title when it is short, stands alone and does not end like a sentence;
    otherwise the first words of the text, with an ellipsis.
    """
    lines = [line.strip() for line in text.strip().splitlines()]
    first = lines[0] if lines else ""
    rest = [line for line in lines[1:] if line]
    words = first.split()
    if rest and 0 < len(words) <= TITLE_MAX_WORDS and not re.search(r"[.,;]$", first):
        return first.strip("#* " + "".join(QUOTE_MARKS)).strip(), True
    head = " ".join(text.split()[:FALLBACK_TITLE_WORDS]).rstrip(",;:.")
    more = len(text.split()) > FALLBACK_TITLE_WORDS
    return (head + " …" if more else head), False


def make_pack(
    text: str,
    *,
    title: str | None = None,
    level: str = "B1",
    source: str = "",
    seed: int = 0,
    questions: int | None = None,
    vocabulary_level: str | None = None,
    progress: ProgressCallback | None = None,
    analysis: Analysis | None = None,
) -> LessonPack:
    """Analyse ``text`` once and build its lesson pack for a learner at ``level``.

    ``analysis`` is the text's analysis when it is made already (a batch analysed together by
    ``quizgen.analyze_many``); the text is then not analysed again.

    A text that is no article (a removal notice, a list, fewer than three sentences of prose)
    raises ``NotAnArticleError`` (quizgen/text/article_checks.py).
    The pack's vocabulary lists the words at or above ``vocabulary_level`` (default: the
    learner's level), the words a learner at that level is likely still to learn; the cloze
    and question builders and the text level see every content word. ``progress``, when
    given, is called with each step's name and the fraction of the work done before it.
    """
    if level not in LEVELS:
        raise InputError(f"Unknown level {level!r}: choose one of {', '.join(PACK_LEVELS)}.")
    if progress:
        progress("analysis", 0.0)
    if analysis is None:
        analysis = analyze(text)
    check_article(analysis)
    return pack_from_analysis(
        analysis,
        title=title,
        level=level,
        source=source,
        seed=seed,
        questions=questions,
        vocabulary_level=vocabulary_level,
        progress=progress,
    )


def pack_from_analysis(
    analysis: Analysis,
    *,
    title: str | None = None,
    level: str = "B1",
    source: str = "",
    seed: int = 0,
    questions: int | None = None,
    vocabulary_level: str | None = None,
    progress: ProgressCallback | None = None,
) -> LessonPack:
    """``make_pack`` for a text already analysed (tests and benchmarks reuse one analysis)."""
    from quizgen import __version__

    if progress:
        progress("vocabulary", ANALYSIS_SHARE)
    everything, names = build_vocabulary(analysis)
    req = PackRequest(analysis=analysis, level=level, vocabulary=everything, seed=seed, questions=questions)
    fields: dict[str, Any] = {"cloze": (), "questions": ()}
    extra: dict[str, Any] = {"cefr_note": ESTIMATE_NOTE, "gloss_source": GLOSSARY_SOURCE}
    for i, (name, builder) in enumerate(SECTION_BUILDERS):
        if progress:
            progress(name, ANALYSIS_SHARE + (1 - ANALYSIS_SHARE) * (i + 1) / (len(SECTION_BUILDERS) + 1))
        built = builder(req, fields)
        extra.update(built.pop("extra", {}))
        fields.update(built)
    cloze: tuple[ClozeItem, ...] = fields["cloze"]
    asked: tuple[Question, ...] = fields["questions"]
    marked = mark_key_words(
        everything,
        analysis,
        level=level,
        item_sentences={item.sentence for item in cloze} | {question.sentence for question in asked},
        item_lemmas={item.lemma for item in cloze if item.lemma},
        names={name.text for name in names},
        make_part=lambda compound, part: part_entry(analysis, compound, part),
    )
    return LessonPack(
        title=title or guess_title(analysis.text)[0],
        level=level,
        text=analysis.text,
        sentences=tuple(s.text for s in analysis.sentences),
        text_level=text_level(analysis, vocabulary=everything, level=level),
        vocabulary=pack_vocabulary(examples_away_from(analysis, marked, {item.sentence for item in cloze}),
                                   min_level=vocabulary_level or level, cloze=cloze, questions=asked),
        names=names,
        source=source,
        generator=f"quizgen {__version__}, pipeline {analysis.pipeline}",
        extra=extra,
        **fields,
    )
