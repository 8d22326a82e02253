"""``python -m quizgen analyze FILE [--json]``: the analysis of a text, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quizgen.errors import QuizgenError
from quizgen.text.decoding import decode_text
from quizgen.analysis import Analysis, Clause, Phrase


def _phrase(analysis: Analysis, phrase: Phrase | None) -> str:
    if phrase is None:
        return "-"
    case = f" [{phrase.case}]" if phrase.case else ""
    return f"{phrase.text}{case} ({phrase.confidence:.2f})"


def _clause_lines(analysis: Analysis, clause: Clause) -> list[str]:
    finite = analysis.tokens[clause.finite_verb].text if clause.finite_verb is not None else "-"
    verbs = " ".join(analysis.tokens[i].text for i in clause.verb_tokens) or "-"
    lines = [
        f"  clause {clause.index} ({clause.kind}{', ' + clause.subordinator if clause.subordinator else ''}): "
        f"{analysis.span_text(clause.start, clause.end)}",
        f"    finite verb: {finite}   verb complex: {verbs}   lemma: {clause.verb_lemma}"
        f"   tense/mood/voice: {clause.tense or '-'}/{clause.mood or '-'}/{clause.voice}",
        f"    subject: {_phrase(analysis, clause.subject)}",
    ]
    for obj in clause.acc_objects:
        lines.append(f"    accusative object: {_phrase(analysis, obj)}")
    for obj in clause.dat_objects:
        lines.append(f"    dative object: {_phrase(analysis, obj)}")
    for pp in clause.pps:
        lines.append(f"    prepositional phrase: {_phrase(analysis, pp)}")
    return lines


def render_analysis(analysis: Analysis) -> str:
    """Sentences with their tokens (lemma, UPOS, STTS, morphology, head, relation), entities, clauses."""
    out: list[str] = []
    for sent in analysis.sentences:
        out.append(f"# sentence {sent.index} [{sent.start_char}:{sent.end_char}]: {sent.text}")
        out.append(f"{'i':>4}  {'token':<22}{'lemma':<22}{'UPOS':<7}{'STTS':<8}{'head':>5}  {'dep':<12}{'ent':<5}morphology")
        for tok in analysis.tokens[sent.start : sent.end]:
            out.append(
                f"{tok.i:>4}  {tok.text:<22}{tok.lemma:<22}{tok.upos:<7}{tok.tag:<8}{tok.head:>5}  "
                f"{tok.dep:<12}{tok.ent_type or '-':<5}{tok.morph_str or '-'}"
            )
        ents = [e for e in analysis.entities if sent.start <= e.start < sent.end]
        if ents:
            out.append("  entities: " + "; ".join(f"{e.text} ({e.label})" for e in ents))
        for clause in analysis.clauses_in(sent.index):
            out.extend(_clause_lines(analysis, clause))
        out.append("")
    return "\n".join(out)


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return decode_text(Path(path).read_bytes(), name=path)
    except OSError as exc:
        raise QuizgenError(f"Cannot read {path}: {exc.strerror}. Check the path and try again.") from exc


def cmd_analyze(args: argparse.Namespace) -> int:
    from quizgen.nlp.analyze import analyze

    analysis = analyze(_read_text(args.file))
    if args.json:
        print(json.dumps(analysis.to_dict(), ensure_ascii=False))
    else:
        print(render_analysis(analysis))
    return 0


def register_analyze(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p_analyze = sub.add_parser("analyze", help="print the analysis of a German text (FILE or - for stdin)")
    p_analyze.add_argument("file")
    p_analyze.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    p_analyze.set_defaults(func=cmd_analyze)
