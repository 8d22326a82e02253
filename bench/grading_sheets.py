"""Reading sheets for grading comprehension questions with the teacher's rubric.

    python bench/grading_sheets.py N SEED OUT [--candidates] [--cloze] [--articles 3,17,...]

Draws N articles at random (``random.Random(SEED)``) from the 10kGNAD sample, analyses each
and writes one Markdown file per article into OUT: the article as numbered sentences, then
every question of its lesson pack as a learner sees it (kind, question, options, key, answer
with the short answer and the accepted forms, the evidence sentence). ``--candidates`` writes
instead every candidate the generators make before ranking and filtering, each with a stable
id (``c-`` and a hash of article, kind, sentence, question and answer), and beside the sheets
``candidates.jsonl`` with what the ranker's features need. OUT/README.md says how the draw
was made and how to label. Articles the input checks refuse are listed there and skipped.
The corpus is CC BY-NC-SA 4.0: the sheets are for reading, never for the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import sys
from pathlib import Path

from cloze_grading_sheets import sheet as cloze_sheet
from corpus import DEFAULT_CORPUS, read_corpus, read_labels

from quizgen.analysis import Analysis
from quizgen.errors import InputError
from quizgen.lesson.make import pack_from_analysis
from quizgen.nlp.analyze import analyze
from quizgen.pack import Question
from quizgen.questions import candidates
from quizgen.questions.candidate import QuestionCandidate
from quizgen.text.article_checks import check_article

KIND_NAMES = {"wh": "W-Frage", "truefalse": "Richtig/Falsch", "choice": "a/b/c"}


def draw(n: int, seed: int, total: int) -> list[int]:
    """``n`` article indices drawn without replacement by ``random.Random(seed)``, in draw order."""
    return random.Random(seed).sample(range(total), min(n, total))


def candidate_id(article: int, cand: QuestionCandidate) -> str:
    """A stable id: the same candidate text of the same article keeps its id across runs."""
    key = f"{article}|{cand.kind}|{cand.sentence}|{cand.question}|{cand.answer}|{'/'.join(cand.options)}"
    return "c-" + hashlib.sha1(key.encode()).hexdigest()[:8]


def _article_head(index: int, label: str, analysis: Analysis) -> list[str]:
    words = sum(1 for t in analysis.tokens if any(ch.isalpha() for ch in t.text))
    lines = [f"# Artikel {index} ({label}, {words} Wörter)", "", "## Text", ""]
    for s in analysis.sentences:
        lines.append(f"({s.index + 1}) {' '.join(s.text.split())}")
    return [*lines, ""]


def _options(options: tuple[str, ...], correct: int | None) -> list[str]:
    return [f"  - {'abc'[k]}) {option}{'  ✔' if k == correct else ''}" for k, option in enumerate(options)]


def _question_block(number: int, q: Question, analysis: Analysis) -> list[str]:
    kind = KIND_NAMES.get(q.kind, q.kind)
    evidence = " ".join(analysis.sentences[q.sentence].text.split()) if q.sentence < len(analysis.sentences) else ""
    lines = [f"### F{number} · {kind}{f' ({q.wh_word})' if q.wh_word and q.kind == 'wh' else ''}", ""]
    if q.kind == "truefalse":
        lines += [f"- Aussage: {q.question}", f"- Schlüssel: **{q.answer}**"]
    else:
        lines.append(f"- Frage: {q.question}")
        if q.kind == "choice":
            lines += ["- Optionen:", *_options(q.options, q.correct)]
        lines.append(f"- Antwort: {q.answer}")
        if q.answer_short != q.answer:
            lines.append(f"- Kurzantwort: {q.answer_short}")
        if q.accepted:
            lines.append(f"- akzeptiert: {' · '.join(q.accepted)}")
    lines += [f"- Beleg (Satz {q.sentence + 1}): {evidence}", "", "| Urteil | Kategorie | Grund |", "|---|---|---|", "| | | |", ""]
    return lines


def _candidate_block(cid: str, number: int, cand: QuestionCandidate, analysis: Analysis) -> list[str]:
    kind = KIND_NAMES.get(cand.kind, cand.kind)
    evidence = " ".join(analysis.sentences[cand.sentence].text.split())
    lines = [f"### {cid} (K{number}) · {kind}{f' ({cand.wh_word})' if cand.wh_word else ''}", ""]
    if cand.kind == "truefalse":
        lines += [f"- Aussage: {cand.question}", f"- Schlüssel: **{cand.answer}**"]
    else:
        lines.append(f"- Frage: {cand.question}")
        if cand.kind == "choice":
            lines += ["- Optionen:", *_options(cand.options, cand.correct)]
        lines.append(f"- Antwort: {cand.answer}")
        if cand.answer_short != cand.answer:
            lines.append(f"- Kurzantwort: {cand.answer_short}")
    lines += [f"- Beleg (Satz {cand.sentence + 1}): {evidence}", ""]
    return lines


README = """# Grading sheets ({mode})

Command: `python bench/grading_sheets.py {n} {seed} OUT{flag}` (quizgen commit {commit}).
Articles: {count} drawn with `random.Random({seed}).sample(range({total}), {n})` from
`../shared/corpus/10kgnad-part1.csv` (CC BY-NC-SA 4.0: read here, never copy the texts into the
repository). Indices, in draw order: {indices}.
{refused}
Each file holds one article as numbered sentences, then {what}.

How to grade: read the article first, then judge every item with `../shared/quality/RUBRIC.md`
(comprehension questions): verdict **OK**, **WEAK** or **BAD**, a fault category and a short
reason. Categories (use one, the worst):

| category | verdict it usually goes with | meaning |
|---|---|---|
| ok | OK | a strict teacher would use it as it stands |
| copied | WEAK | a statement copied word for word from the text (tests only matching) |
| trivial | WEAK | an unimportant detail, or too easy |
| same-fact | WEAK | the same fact as another item of the pack |
| option-type | WEAK | an a/b/c option of another type than the answer, or implausible |
| ungrammatical | BAD | ungrammatical or garbled German |
| wrong-wh | BAD | the wrong question word (Wer for a thing, Was for a person ...) |
| swapped | BAD | subject and object (or the roles) swapped |
| answer-wrong | BAD | the answer or the key is wrong |
| answer-incomplete | BAD | the answer is empty ('das Land' where the text names it), vague or cut off |
| unanswerable | BAD | the text does not answer it, or not unambiguously |
| needs-context | BAD | needs context the learner does not have (an unresolved 'er', 'dann', a quote's 'ich') |
| claim-as-fact | BAD | a claim, hypothesis, question or rumour stated or keyed as fact |
| second-correct | BAD | an a/b/c distractor that is also correct, or a statement true and false at once |

Labels go into a TSV file, one line per item: `article<TAB>item id<TAB>verdict<TAB>category<TAB>reason`.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--candidates", action="store_true", help="every candidate before ranking, with stable ids")
    parser.add_argument("--cloze", action="store_true",
                        help="also the cloze sheet of each article (cloze-NNN.md, bench/cloze_grading_sheets.py)")
    parser.add_argument("--articles", default="", help="comma-separated article indices instead of a draw")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus)
    labels = read_labels(args.corpus)
    indices = [int(x) for x in args.articles.split(",") if x.strip()] or draw(args.n, args.seed, len(texts))
    args.out.mkdir(parents=True, exist_ok=True)
    refused: list[str] = []
    total_items = 0
    records: list[dict[str, object]] = []
    for index in indices:
        try:
            analysis = analyze(texts[index])
            check_article(analysis)
        except InputError as exc:
            refused.append(f"{index} ({exc.message})")
            continue
        lines = _article_head(index, labels[index], analysis)
        if args.candidates:
            cands = candidates(analysis)
            lines += [f"## Kandidaten ({len(cands)})", ""]
            for number, cand in enumerate(cands, 1):
                cid = candidate_id(index, cand)
                lines += _candidate_block(cid, number, cand, analysis)
                records.append({"article": index, "id": cid, **candidate_record(cand)})
            total_items += len(cands)
        else:
            pack = pack_from_analysis(analysis)
            if args.cloze:
                (args.out / f"cloze-{index:03d}.md").write_text(cloze_sheet(index, labels[index], pack), encoding="utf-8")
            questions = pack.questions
            lines += [f"## Fragen ({len(questions)})", ""]
            for number, q in enumerate(questions, 1):
                lines += _question_block(number, q, analysis)
            total_items += len(questions)
        (args.out / f"article-{index:03d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.candidates:
        with open(args.out / "candidates.jsonl", "w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    (args.out / "README.md").write_text(
        README.format(
            mode="candidates before ranking" if args.candidates else "final packs",
            n=args.n,
            seed=args.seed,
            flag=" --candidates" if args.candidates else "",
            commit=_commit(),
            count=len(indices) - len(refused),
            total=len(texts),
            indices=", ".join(map(str, indices)),
            refused=f"Refused by the article checks (no pack): {'; '.join(refused)}.\n" if refused else "",
            what=(
                "every candidate the generators made, before ranking and filtering, each with a stable id"
                if args.candidates
                else "every question of its lesson pack, as a learner sees it, with the evidence sentence"
            ),
        ),
        encoding="utf-8",
    )
    print(f"{len(indices) - len(refused)} articles, {total_items} items written to {args.out} ({len(refused)} refused)")
    return 0


def candidate_record(cand: QuestionCandidate) -> dict[str, object]:
    """The candidate as plain data: every field, so that the ranker's features can be computed
    from it again (kept beside the sheets, outside the repository: it quotes the article)."""
    return dataclasses.asdict(cand)


def _commit() -> str:
    import subprocess

    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
