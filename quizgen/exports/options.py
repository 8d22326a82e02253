"""The settings every export writer takes, checked once where they are made."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.errors import ExportError
from quizgen.pack import LEVELS, LessonPack, VocabEntry

#: the exercise kinds a worksheet can hold, in the order they are printed
WORKSHEET_KINDS: tuple[str, ...] = ("wordbank", "wh", "truefalse", "choice")
VERSIONS: tuple[str, ...] = ("A", "B")
#: which words the Anki deck, the Anki CSV and the worksheet's vocabulary box hold: the pack's
#: key words (the default) or every word of its list
WORD_CHOICES: tuple[str, ...] = ("key", "all")


@dataclass(frozen=True)
class ExportOptions:
    """How to write a pack: Anki card settings, worksheet settings, a fixed build time."""

    #: seconds since the Unix epoch stamped on Anki notes; None means now (tests pin it)
    timestamp: float | None = None
    #: also make English -> German vocabulary cards
    reverse_cards: bool = True
    #: worksheet: the learners' level; the vocabulary box lists words at or above it
    #: (None: the pack's level)
    level: str | None = None
    #: worksheet: which exercises to print
    kinds: tuple[str, ...] = WORKSHEET_KINDS
    #: worksheet: at most this many items per exercise
    max_items: int = 6
    #: worksheet: version A or B of the same sheet, items and choices shuffled differently
    version: str = "A"
    #: worksheet: the shuffle seed; the same seed and version give the same sheet
    seed: int = 0
    #: Anki deck, Anki CSV and worksheet box: "key" (the pack's key words) or "all" (every word)
    words: str = "key"

    def __post_init__(self) -> None:
        if self.level is not None and self.level not in LEVELS:
            raise ExportError(
                f"Unknown level {self.level!r}: choose one of {', '.join(LEVELS)}."
            )
        unknown = [kind for kind in self.kinds if kind not in WORKSHEET_KINDS]
        if unknown:
            raise ExportError(
                f"Unknown worksheet exercise {', '.join(unknown)}: choose from "
                f"{', '.join(WORKSHEET_KINDS)}."
            )
        if self.max_items < 1:
            raise ExportError("The number of items per exercise must be at least 1.")
        if self.words not in WORD_CHOICES:
            raise ExportError(f"Unknown word choice {self.words!r}: use key (the key words) or all.")
        if self.version not in VERSIONS:
            raise ExportError(f"Unknown worksheet version {self.version!r}: use A or B.")


def chosen_words(pack: LessonPack, options: ExportOptions) -> tuple[VocabEntry, ...]:
    """The words an export holds: the key words, or every word with ``words="all"``. A pack
    written before key words existed has none marked: then every word."""
    if options.words == "all" or not any(entry.key for entry in pack.vocabulary):
        return pack.vocabulary
    return tuple(entry for entry in pack.vocabulary if entry.key)
