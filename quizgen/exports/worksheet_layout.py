"""What goes on a printed worksheet: part 1 the gapped text with its word bank; part 2 the
full text in numbered lines, the vocabulary and the questions on it; then the key.

The full text never stands beside gaps made from it (issue 12): part 1 is the article with
every cloze item's gaps in place (quizgen.cloze.passage), part 2 starts on a new page. This
module decides content and order; worksheet.py only renders it. Versions A and B hold the
same items, shuffled differently (items, choices and the bank), and the same seed always
gives the same sheet, so a teacher can print a class set twice and get the same two versions.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from typing import Sequence, TypeVar

from quizgen.cloze.passage import gapped_text
from quizgen.exports.gaps import gap_answers, is_usable_cloze, is_usable_question, split_at_gaps
from quizgen.exports.options import ExportOptions
from quizgen.kinds import TRUE_FALSE_ANSWERS, Section, exercise_kinds, kind_of
from quizgen.pack import LEVELS, ClozeItem, LessonPack, Question, VocabEntry

LINE_WIDTH = 72  # characters per numbered article line
LETTERS = "abcdefgh"
T = TypeVar("T")
I = TypeVar("I", ClozeItem, Question)


@dataclass(frozen=True)
class ArticleLine:
    number: int
    text: str
    paragraph_start: bool


@dataclass(frozen=True)
class Gap:
    """A piece of exercise text: plain text, or a gap with its number (0: unnumbered), what
    is printed beside it (a verb's infinitive) and whether it is short (an article, an ending)."""

    text: str
    gap: int = 0
    note: str = ""
    short: bool = False


@dataclass(frozen=True)
class GappedPart:
    """Part 1: the article with the cloze gaps in place, numbered in text order, and the bank."""

    title: str
    instruction: str
    paragraphs: tuple[tuple[Gap, ...], ...]
    bank: tuple[str, ...]
    key: tuple[str, ...]  # "(1) Jahrestag" per gap


@dataclass(frozen=True)
class ExerciseItem:
    number: int
    pieces: tuple[Gap, ...]  # the prompt; a question has one plain piece
    options: tuple[str, ...] = ()  # a/b/c choices in printed order
    key: str = ""  # the answer as the key prints it
    line: int | None = None  # the article line of the evidence


@dataclass(frozen=True)
class Exercise:
    kind: str  # wordbank, wh, truefalse, choice
    title: str
    instruction: str
    items: tuple[ExerciseItem, ...]
    bank: tuple[str, ...] = ()


@dataclass(frozen=True)
class Worksheet:
    title: str
    level: str
    version: str
    source: str
    lines: tuple[ArticleLine, ...]
    vocabulary: tuple[VocabEntry, ...]
    exercises: tuple[Exercise, ...] = field(default_factory=tuple)
    gapped: GappedPart | None = None


def _split_long(words: list[tuple[int, str]], width: int) -> list[tuple[int, str]]:
    """Cut words longer than a line (URLs) so that no printed line runs off the page."""
    out: list[tuple[int, str]] = []
    for start, word in words:
        for cut in range(0, len(word), width):
            out.append((start + cut, word[cut : cut + width]))
    return out


def number_lines(pack: LessonPack, width: int = LINE_WIDTH
                 ) -> tuple[tuple[ArticleLine, ...], list[int | None]]:
    """Wrap the article into numbered lines; also the line each sentence starts on."""
    lines: list[ArticleLine] = []
    starts: list[int] = []  # character offset of each line in pack.text
    offset = 0
    for paragraph in pack.text.split("\n"):
        words: list[tuple[int, str]] = []
        position = 0
        for word in paragraph.split():
            position = paragraph.index(word, position)
            words.append((offset + position, word))
            position += len(word)
        current: list[str] = []
        first = True
        for start, word in _split_long(words, width):
            if current and len(" ".join(current)) + 1 + len(word) > width:
                lines.append(ArticleLine(len(lines) + 1, " ".join(current), first))
                first = False
                current = []
            if not current:
                starts.append(start)
            current.append(word)
        if current:
            lines.append(ArticleLine(len(lines) + 1, " ".join(current), first))
        offset += len(paragraph) + 1
    sentence_lines: list[int | None] = []
    cursor = 0
    for sentence in pack.sentences:
        found = pack.text.find(sentence, cursor)
        if found < 0:
            sentence_lines.append(None)
            continue
        cursor = found + len(sentence)
        found += len(sentence) - len(sentence.lstrip())  # a paragraph's first sentence starts with its break
        sentence_lines.append(sum(1 for start in starts if start <= found) or 1)
    return tuple(lines), sentence_lines


def _rng(options: ExportOptions, exercise: str, version: str) -> random.Random:
    return random.Random(f"quizgen-worksheet:{options.seed}:{version}:{exercise}")


def shuffled(items: Sequence[T], options: ExportOptions, key: str) -> list[T]:
    """The items in this version's order; B never repeats A's order when another exists."""
    order = list(items)
    _rng(options, key, options.version).shuffle(order)
    if options.version == "B" and len(set(map(repr, items))) > 1:
        version_a = list(items)
        _rng(options, key, "A").shuffle(version_a)
        if order == version_a:
            order = order[1:] + order[:1]
    return order


def printed_on(exercise: str, items: Sequence[I]) -> list[I]:
    """The items whose kind the worksheet prints in ``exercise`` (their description says)."""
    return [item for item in items if kind_of(item).worksheet == exercise]


def _line(sentence_lines: list[int | None], index: int) -> int | None:
    return sentence_lines[index] if 0 <= index < len(sentence_lines) else None


def vocabulary_box(pack: LessonPack, options: ExportOptions, limit: int = 15
                   ) -> tuple[VocabEntry, ...]:
    """The key words in text order; with ``words="all"`` (or a pack without key words) the words
    at or above the learners' level, hardest first, in text order."""
    if options.words == "key" and any(e.key for e in pack.vocabulary):
        return tuple(e for e in pack.vocabulary if e.key)[:limit]
    level = options.level or pack.level
    floor = LEVELS.index(level) if level in LEVELS else 0
    chosen = [e for e in pack.vocabulary if e.cefr in LEVELS and LEVELS.index(e.cefr) >= floor]
    chosen.sort(key=lambda e: -LEVELS.index(e.cefr))
    chosen = chosen[:limit]
    chosen.sort(key=lambda e: (e.sentence, pack.vocabulary.index(e)))
    return tuple(chosen)


#: a word bank gets about one extra word for this many of its gaps, at least MIN_EXTRAS
GAPS_PER_EXTRA = 3
MIN_EXTRAS = 2


def gapped_part(pack: LessonPack, options: ExportOptions) -> GappedPart | None:
    """Part 1: the article with the gaps of every cloze item the worksheet prints in place.

    Content words (kinds whose answers go ``in_word_bank``) are numbered gaps filled from the
    bank, which also holds a few wrong words (the items' own distractors); the other gaps show
    their hint beside them (a verb's infinitive) or ask an article or an ending."""
    items = [item for item in printed_on("wordbank", pack.cloze) if is_usable_cloze(item)]
    if not items:
        return None
    passage = gapped_text(pack.text, pack.sentences, items)
    numbers: dict[tuple[int, int], int] = {}
    for paragraph in passage.paragraphs:
        for piece in paragraph:
            if piece.item is not None:
                numbers[(piece.item, piece.gap)] = len(numbers) + 1
    answers_in_bank: list[str] = []
    extras: list[str] = []
    key: list[str] = []
    for (index, gap), number in numbers.items():
        item = items[index]
        answer = gap_answers(item)[gap]
        key.append(f"({number}) {answer}")
        kind = kind_of(item)
        if kind.in_word_bank:
            answers_in_bank.append(answer)
            if gap == 0:
                extras.extend(o for o in item.options if o not in gap_answers(item))
    paragraphs = tuple(
        tuple(_part_piece(piece, items, numbers) for piece in paragraph) for paragraph in passage.paragraphs
    )
    bank_gaps = len(answers_in_bank)
    wanted = max(MIN_EXTRAS, bank_gaps // GAPS_PER_EXTRA) if bank_gaps else 0
    chosen_extras: list[str] = []
    for word in shuffled(sorted(dict.fromkeys(e for e in extras if e not in answers_in_bank)), options, "extras"):
        if len(chosen_extras) < wanted:
            chosen_extras.append(word)
    bank = tuple(shuffled(sorted(dict.fromkeys([*answers_in_bank, *chosen_extras])), options, "bank"))
    return GappedPart("Lückentext", _gapped_instruction(bank_gaps, len(numbers) - bank_gaps, len(bank) - bank_gaps),
                      paragraphs, bank, tuple(key))


def _part_piece(piece, items: list[ClozeItem], numbers: dict[tuple[int, int], int]) -> Gap:  # type: ignore[no-untyped-def]
    if piece.item is None:
        return Gap(piece.text)
    item = items[piece.item]
    kind = kind_of(item)
    note = (item.hint or "") if kind.hint_beside_gap and not kind.in_word_bank else ""
    return Gap("", numbers[(piece.item, piece.gap)], note=note, short=kind.gap_width <= 6)


def _gapped_instruction(bank_gaps: int, other_gaps: int, extra_words: int) -> str:
    parts = []
    if bank_gaps:
        parts.append("Setzen Sie die Wörter aus dem Kasten ein"
                     + (f" ({extra_words} {'Wort bleibt' if extra_words == 1 else 'Wörter bleiben'} übrig)." if extra_words else "."))
    if other_gaps:
        parts.append("In den anderen Lücken fehlen ein Artikel, eine Endung oder die Verbform (Grundform in Klammern).")
    return "Lesen Sie den Text und ergänzen Sie die Lücken. " + " ".join(parts)


def _best(questions: list[Question], limit: int) -> list[Question]:
    """The highest-scoring questions, kept in text order."""
    best = sorted(questions, key=lambda q: -q.score)[:limit]
    return sorted(best, key=lambda q: (q.sentence, questions.index(q)))


def wh_exercise(pack: LessonPack, options: ExportOptions,
                sentence_lines: list[int | None]) -> Exercise | None:
    chosen = _best([q for q in printed_on("wh", pack.questions) if is_usable_question(q)],
                   options.max_items)
    if not chosen:
        return None
    items = tuple(
        ExerciseItem(n, (Gap(q.question),), key=q.answer, line=_line(sentence_lines, q.sentence))
        for n, q in enumerate(shuffled(chosen, options, "wh"), start=1))
    return Exercise("wh", "Fragen zum Text", "Beantworten Sie die Fragen in ganzen Sätzen.",
                    items)


def truefalse_exercise(pack: LessonPack, options: ExportOptions,
                       sentence_lines: list[int | None]) -> Exercise | None:
    chosen = _best([q for q in printed_on("truefalse", pack.questions)
                    if q.answer.strip().lower() in TRUE_FALSE_ANSWERS], options.max_items)
    if not chosen:
        return None
    items = tuple(
        ExerciseItem(n, (Gap(q.question),), key=q.answer.strip().lower(),
                     line=_line(sentence_lines, q.sentence))
        for n, q in enumerate(shuffled(chosen, options, "truefalse"), start=1))
    return Exercise("truefalse", "Richtig oder falsch?",
                    "Kreuzen Sie an: R (richtig) oder F (falsch).", items)


def _choice_item(number: int, pieces: tuple[Gap, ...], options_in: Sequence[str], answer: str,
                 options: ExportOptions, key: str, line: int | None) -> ExerciseItem:
    order = shuffled(list(options_in), options, key)
    letter = LETTERS[order.index(answer)] if answer in order else "?"
    return ExerciseItem(number, pieces, options=tuple(order), key=f"{letter}) {answer}",
                        line=line)


def choice_exercise(pack: LessonPack, options: ExportOptions,
                    sentence_lines: list[int | None]) -> Exercise | None:
    sources: list[Question | ClozeItem] = []
    sources += _best([q for q in printed_on("choice", pack.questions)
                      if q.correct in range(len(q.options))], options.max_items)
    cloze = [item for item in printed_on("choice", pack.cloze)
             if item.options and item.answer in item.options and is_usable_cloze(item)
             and len(split_at_gaps(item.text)) == 2]
    # take the kinds in turn (a word's meaning, an article, an ending ...), not the first few
    kinds = [kind.name for kind in exercise_kinds(Section.CLOZE) if kind.worksheet == "choice"]
    by_kind = [[item for item in cloze if item.kind == kind] for kind in kinds]
    sources += [item for round_ in itertools.zip_longest(*by_kind) for item in round_ if item]
    sources = sources[: options.max_items]
    if not sources:
        return None
    items = []
    for number, source in enumerate(shuffled(sources, options, "choice"), start=1):
        line = _line(sentence_lines, source.sentence)
        if isinstance(source, Question):
            answer = source.options[source.correct or 0]
            items.append(_choice_item(number, (Gap(source.question),), source.options, answer,
                                      options, f"choice:{source.id}", line))
        else:
            before, after = split_at_gaps(source.text)
            items.append(_choice_item(number, (Gap(before), Gap("", -1), Gap(after)),
                                      source.options, source.answer, options,
                                      f"choice:{source.id}", line))
    return Exercise("choice", "a, b oder c?", "Kreuzen Sie die richtige Antwort an.",
                    tuple(items))


_BUILDERS = {
    "wh": wh_exercise,
    "truefalse": truefalse_exercise,
    "choice": choice_exercise,
}


def build_worksheet(pack: LessonPack, options: ExportOptions | None = None) -> Worksheet:
    options = options or ExportOptions()
    lines, sentence_lines = number_lines(pack)
    exercises = []
    for kind in options.kinds:
        if kind in _BUILDERS:
            exercise = _BUILDERS[kind](pack, options, sentence_lines)
            if exercise is not None:
                exercises.append(exercise)
    gapped = gapped_part(pack, options) if "wordbank" in options.kinds else None
    return Worksheet(title=pack.title, level=options.level or pack.level,
                     version=options.version, source=pack.source, lines=lines,
                     vocabulary=vocabulary_box(pack, options), exercises=tuple(exercises),
                     gapped=gapped)
