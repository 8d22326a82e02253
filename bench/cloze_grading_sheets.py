"""Reading sheets for grading cloze items with the teacher's rubric (the cloze sibling of
bench/grading_sheets.py, which writes the questions' sheets; the same draw for the same seed).

    python bench/cloze_grading_sheets.py N SEED OUT [--level B1] [--articles 3,17,...]

Draws N articles at random (``random.Random(SEED).sample``) from the 10kGNAD sample, makes each
article's lesson pack and writes one Markdown file per article into OUT: the article as numbered
sentences, the gapped text as the learner's page and part 1 of the worksheet show it, then every
cloze item as a learner sees it (kind, instruction, the sentence with its gap, options or word
bank, hint) with its key and an empty row for the verdict (OK / WEAK / BAD), the fault category
and the reason. OUT/README.md says how the draw was made and how to grade; OUT/summary.md is a
table to fill with the counts. Articles the input checks refuse are listed there and skipped.
The corpus is CC BY-NC-SA 4.0: the sheets are for reading, never for the repository.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.cloze.passage import gapped_text
from quizgen.errors import InputError
from quizgen.kinds import kind_of
from quizgen.lesson.make import make_pack
from quizgen.pack import ClozeItem, LessonPack

RUBRIC = "../shared/quality/RUBRIC.md (section 'Cloze items')"


def draw(n: int, seed: int, total: int) -> list[int]:
    """``n`` article indices drawn without replacement by ``random.Random(seed)``, in draw order
    (the same as bench/grading_sheets.py draws)."""
    return random.Random(seed).sample(range(total), min(n, total))


def _gapped(pack: LessonPack) -> list[str]:
    passage = gapped_text(pack.text, pack.sentences, pack.cloze)
    numbers: dict[tuple[int, int], int] = {}
    lines = []
    for paragraph in passage.paragraphs:
        out = []
        for piece in paragraph:
            if piece.item is None:
                out.append(piece.text)
            else:
                numbers.setdefault((piece.item, piece.gap), len(numbers) + 1)
                out.append(f"**[{piece.item + 1}{'abcdefgh'[piece.gap] if len(pack.cloze[piece.item].answers) > 1 else ''}]**")
        lines.append("> " + " ".join("".join(out).split()))
        lines.append(">")
    return lines[:-1]


def _item_block(number: int, item: ClozeItem) -> list[str]:
    kind = kind_of(item)
    lines = [f"### L{number} · {item.kind} ({kind.label})", "", f"- Aufgabe: {kind.instruction}",
             f"- Satz (Satz {item.sentence + 1}): {item.text}"]
    if item.options and kind.several_gaps:
        lines.append(f"- Wortkasten: {' · '.join(item.options)}")
    elif item.options:
        lines.append(f"- Optionen: {' · '.join(item.options)}")
    if item.hint:
        lines.append(f"- Hinweis: {item.hint}")
    answers = item.answers or (item.answer,)
    lines.append(f"- Schlüssel: **{' · '.join(answers)}**")
    if item.accepted:
        lines.append(f"- akzeptiert: {' · '.join(item.accepted)}")
    return [*lines, "", "| Urteil | Kategorie | Grund |", "|---|---|---|", "| | | |", ""]


def sheet(index: int, label: str, pack: LessonPack) -> str:
    words = sum(1 for w in pack.text.split() if any(c.isalpha() for c in w))
    lines = [f"# Artikel {index} ({label}, {words} Wörter, Niveau {pack.level})", "", "## Text", ""]
    lines += [f"({i + 1}) {' '.join(s.split())}" for i, s in enumerate(pack.sentences)]
    lines += ["", "## Der Lückentext (so sieht ihn der Lernende, Teil 1)", "", *_gapped(pack), ""]
    lines += [f"## Lückenaufgaben ({len(pack.cloze)})", ""]
    for number, item in enumerate(pack.cloze, start=1):
        lines += _item_block(number, item)
    notes = pack.extra.get("cloze_notes") or []
    if notes:
        lines += ["## Hinweise des Pakets", "", *[f"- {n}" for n in notes], ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--level", default="B1")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", help="comma-separated article indices instead of a draw")
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus)
    chosen = [int(a) for a in args.articles.split(",")] if args.articles else draw(args.n, args.seed, len(texts))
    args.out.mkdir(parents=True, exist_ok=True)
    written, refused, items = [], [], 0
    for index in chosen:
        try:
            pack = make_pack(texts[index], level=args.level)
        except InputError as exc:
            refused.append(f"{index}: {exc}")
            continue
        (args.out / f"cloze-{index:03d}.md").write_text(sheet(index, "10kGNAD", pack), encoding="utf-8")
        written.append(index)
        items += len(pack.cloze)
    how = (f"--articles {args.articles}" if args.articles
           else f"random.Random({args.seed}).sample(range({len(texts)}), {args.n})")
    (args.out / "README.md").write_text(
        "# Cloze grading sheets\n\n"
        f"Command: `python bench/cloze_grading_sheets.py {' '.join(sys.argv[1:] if argv is None else argv)}`\n\n"
        f"Articles ({how}, level {args.level}): {', '.join(map(str, written))}; {items} cloze items.\n"
        + (f"Refused by the input checks: {'; '.join(refused)}\n" if refused else "")
        + f"\nGrade every item with the teacher's rubric, {RUBRIC}: read the article first; OK only if a "
        "strict teacher would use the item as it stands. Fill each item's row with OK, WEAK or BAD, a fault "
        "category (distractor fits, distractor unrelated, misleading hint, answer elsewhere on screen, "
        "fragment, wrong answer, name, trivial ...) and the reason. Then count per kind in summary.md.\n",
        encoding="utf-8",
    )
    kinds = ("open", "choice", "wordbank", "article", "ending", "verbform")
    (args.out / "summary.md").write_text(
        "| kind | items | OK | WEAK | BAD |\n|---|---|---|---|---|\n"
        + "".join(f"| {k} | | | | |\n" for k in kinds) + "| all | | | | |\n", encoding="utf-8")
    print(f"wrote {len(written)} sheets ({items} items) to {args.out}; refused {len(refused)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
