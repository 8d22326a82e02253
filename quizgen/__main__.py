"""Command line: ``python -m quizgen analyze FILE [--json]`` and the other subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quizgen.errors import QuizgenError
from quizgen.cli.export import register_export
from quizgen.cli.make import register_make


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QuizgenError(f"{path} is not UTF-8 text. Save it as plain UTF-8 text and try again.") from exc
    except OSError as exc:
        raise QuizgenError(f"Cannot read {path}: {exc.strerror}. Check the path and try again.") from exc


def cmd_analyze(args: argparse.Namespace) -> int:
    from quizgen.cli.analysis_report import render_analysis
    from quizgen.nlp.analyze import analyze

    analysis = analyze(_read_text(args.file))
    if args.json:
        print(json.dumps(analysis.to_dict(), ensure_ascii=False))
    else:
        print(render_analysis(analysis))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m quizgen", description="German news text to lesson packs.")
    sub = parser.add_subparsers(dest="command", required=True)

    p_analyze = sub.add_parser("analyze", help="print the analysis of a German text (FILE or - for stdin)")
    p_analyze.add_argument("file")
    p_analyze.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    p_analyze.set_defaults(func=cmd_analyze)

    # Further subcommands register here: SUBCOMMANDS below.
    for register in SUBCOMMANDS:
        register(sub)
    return parser


#: functions that add a subcommand to the parser (``make`` and others)
SUBCOMMANDS: list = [register_export, register_make]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except QuizgenError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
