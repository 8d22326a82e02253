"""Command line: ``python -m quizgen analyze | make | export``; each subcommand lives in quizgen.cli."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from quizgen.cli.analyze import register_analyze
from quizgen.cli.export import register_export
from quizgen.cli.make import register_make
from quizgen.errors import QuizgenError

#: functions that add a subcommand to the parser, in the order ``--help`` lists them
SUBCOMMANDS: tuple[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None], ...] = (register_analyze, register_export, register_make)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m quizgen", description="German news text to lesson packs.")
    sub = parser.add_subparsers(dest="command", required=True)
    for register in SUBCOMMANDS:
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except QuizgenError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
