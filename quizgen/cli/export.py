"""``python -m quizgen export PACK.json --formats apkg,pdf --out DIR`` and the shared flags.

``add_export_arguments`` and ``options_from_args`` are for any command that writes exports
(``make`` uses the same flags), so the options mean the same everywhere.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quizgen.exports.options import WORKSHEET_KINDS, ExportOptions


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("export options")
    group.add_argument("--timestamp", type=float, default=None,
                       help="fixed build time for Anki decks (seconds since 1970): same bytes")
    group.add_argument("--no-reverse", action="store_true",
                       help="Anki: German -> English cards only")
    group.add_argument("--level", default=None, help="worksheet: the learners' level (A1..C2)")
    group.add_argument("--kinds", default=",".join(WORKSHEET_KINDS),
                       help=f"worksheet exercises, comma-separated ({','.join(WORKSHEET_KINDS)})")
    group.add_argument("--items", type=int, default=6, help="worksheet: items per exercise")
    group.add_argument("--version", default="A", choices=("A", "B"),
                       help="worksheet: version A or B (items and choices shuffled)")
    group.add_argument("--seed", type=int, default=0, help="worksheet: shuffle seed")
    group.add_argument("--all-words", action="store_true",
                       help="Anki deck, Anki CSV and worksheet box: every word of the list, "
                            "not only the key words")


def options_from_args(args: argparse.Namespace) -> ExportOptions:
    kinds = tuple(kind.strip() for kind in args.kinds.split(",") if kind.strip())
    return ExportOptions(timestamp=args.timestamp, reverse_cards=not args.no_reverse,
                         level=args.level, kinds=kinds, max_items=args.items,
                         version=args.version, seed=args.seed,
                         words="all" if args.all_words else "key")


def cmd_export(args: argparse.Namespace) -> int:
    from quizgen.exports import parse_formats, write_exports
    from quizgen.exports.json_export import read_pack_json

    formats = parse_formats(args.formats)
    options = options_from_args(args)
    pack = read_pack_json(Path(args.pack))
    for path in write_exports(pack, formats, Path(args.out), options):
        print(path)
    return 0


def register_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("export", help="write a lesson pack (JSON) as Anki, PDF, Moodle ...")
    parser.add_argument("pack", help="a lesson pack written with --formats json")
    parser.add_argument("--formats", default="all",
                        help="comma-separated: apkg,csv,pdf,html,moodle,gift,json or all")
    parser.add_argument("--out", default=".", help="folder to write into")
    add_export_arguments(parser)
    parser.set_defaults(func=cmd_export)
