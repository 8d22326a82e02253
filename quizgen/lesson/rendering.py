"""A compact, readable text form of a lesson pack: one line per entry, for golden files and review."""

from __future__ import annotations

from quizgen.german.cefr_estimate import ESTIMATE_NOTE
from quizgen.pack import ClozeItem, LessonPack, Question, VocabEntry


def _vocab_line(e: VocabEntry) -> str:
    grammar = e.pos + (f" {e.gender}" if e.gender else "") + (f", pl. {e.plural}" if e.plural else "")
    line = (f"{'KEY ' if e.key else ''}{e.display} [{grammar}] {e.cefr} band {e.band} zipf {e.zipf:.2f} x{e.count} "
            f"score {e.key_score:.2f} = {e.shown_gloss or '-'}")
    if e.gloss_note:
        line += f" ({e.gloss_note})"
    if e.parts:
        line += f" parts {'|'.join(e.parts)}"
    return line


def cloze_line(c: ClozeItem) -> str:
    """One cloze item on one line, as the golden packs and the benches' dumps show it."""
    line = f"[{c.kind}] s{c.sentence} {c.text} => {c.answer}"
    if c.hint:
        line += f" (hint {c.hint})"
    if c.options:
        line += f" options {' / '.join(c.options)}"
    return line


def _question_line(q: Question) -> str:
    line = f"[{q.kind}] s{q.sentence} {q.question} => {q.answer}"
    if q.options:
        line += f" options {' / '.join(q.options)}"
    return line


def render_pack_text(pack: LessonPack) -> str:
    """The pack as lines of text: header, text level, vocabulary, names, cloze, questions."""
    lines = [f"# {pack.title}", f"level {pack.level}"]
    tl = pack.text_level
    if tl is not None:
        lines.append(
            f"text: {tl.words} words, {tl.sentences} sentences, Amstad {tl.amstad}, WSTF {tl.wiener}, "
            f"CEFR {tl.cefr} (estimate), {tl.share_above_level:.0%} of content words above {pack.level}"
        )
    key = sorted((e for e in pack.vocabulary if e.key), key=lambda e: -e.key_score)
    lines.append(f"## key words ({len(key)})")
    lines.append(", ".join(e.display for e in key))
    lines.append(f"## vocabulary ({len(pack.vocabulary)}; {ESTIMATE_NOTE})")
    lines += [_vocab_line(e) for e in pack.vocabulary]
    lines.append(f"## names ({len(pack.names)})")
    lines += [f"{n.type} {n.text} x{n.count}" for n in pack.names]
    lines.append(f"## cloze ({len(pack.cloze)})")
    lines += [cloze_line(c) for c in pack.cloze]
    lines += [f"note: {note}" for note in pack.extra.get("cloze_notes", ())]
    lines.append(f"## questions ({len(pack.questions)})")
    lines += [_question_line(q) for q in pack.questions]
    return "\n".join(lines) + "\n"
