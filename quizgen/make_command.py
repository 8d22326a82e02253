"""``python -m quizgen make FILE... --out DIR [--level B1] [--formats json]``: lesson packs.

Each article (plain text, or ``.html``/``.htm`` through article extraction) becomes
``DIR/<name>.json`` and any other format asked for. A file that fails is reported and
skipped; the exit code is 1 when any failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.exports import ExportFormat, ExportOptions
    from quizgen.pack import LessonPack

HTML_SUFFIXES = (".html", ".htm")


def read_article(path: Path) -> tuple[str, str | None]:
    """(text, title or None) of an article file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QuizgenError(f"Cannot read {path}: {exc.strerror}. Check the path and try again.") from exc
    if path.suffix.lower() in HTML_SUFFIXES:
        from quizgen.article_extraction import extract_article

        article = extract_article(raw.decode("utf-8", errors="replace"), source=str(path))
        return article.text, article.title
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        raise QuizgenError(f"{path} is not UTF-8 text. Save it as plain UTF-8 text and try again.") from exc


def write_pack(
    pack: LessonPack,
    formats: Sequence[ExportFormat],
    out_dir: Path,
    stem: str,
    options: ExportOptions | None = None,
) -> list[Path]:
    """Write ``pack`` in each format; JSON goes to ``<stem>.json``, the rest where exports put them."""
    from quizgen.exports import export_path

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out_dir / f"{stem}.json" if fmt.name == "json" else export_path(pack, fmt, out_dir, options)
        written.append(fmt.write(pack, path, options))
    return written


def cmd_make(args: argparse.Namespace) -> int:
    from quizgen.exports import parse_formats
    from quizgen.exports.command import options_from_args
    from quizgen.lesson_pack import make_pack

    formats = parse_formats(args.formats)
    options = options_from_args(args)
    out_dir = Path(args.out)
    paths = [Path(p) for p in args.files]
    failed = 0
    progress = None
    if len(paths) > 1:
        from tqdm import tqdm

        progress = tqdm(total=len(paths), unit="article", file=sys.stderr)
    stems: dict[str, int] = {}
    for path in paths:
        # Two inputs with the same name (a/x.txt, b/x.txt) must not overwrite each other.
        stems[path.stem] = stems.get(path.stem, 0) + 1
        stem = path.stem if stems[path.stem] == 1 else f"{path.stem}-{stems[path.stem]}"
        try:
            text, title = read_article(path)
            pack = make_pack(text, title=title, level=args.level, source=str(path), seed=args.seed)
            for written in write_pack(pack, formats, out_dir, stem, options):
                if progress is None:
                    print(written)
        except Exception as exc:  # one bad file must not stop the batch; a bug is named as one
            failed += 1
            if isinstance(exc, QuizgenError):
                message = f"error: {path}: {exc.message}"
            else:
                message = (f"error: {path}: unexpected {type(exc).__name__}: {exc}. This is a bug in "
                           "quizgen: please report it with this file.")
            if progress is not None:
                progress.write(message, file=sys.stderr)
            else:
                print(message, file=sys.stderr)
        if progress is not None:
            progress.update(1)
    if progress is not None:
        progress.close()
        print(f"{len(paths) - failed} of {len(paths)} articles written to {out_dir}", file=sys.stderr)
    return 1 if failed else 0


def register_make(sub: argparse._SubParsersAction) -> None:
    from quizgen.exports.command import add_export_arguments
    from quizgen.lesson_pack import PACK_LEVELS

    parser = sub.add_parser("make", help="lesson packs (vocabulary, cloze, questions) for articles")
    parser.add_argument("files", nargs="+", metavar="FILE", help="articles: plain UTF-8 text or .html")
    parser.add_argument("--out", required=True, help="folder to write into")
    parser.add_argument("--formats", default="json", help="comma-separated export formats (default json)")
    add_export_arguments(parser)
    # make's --level is the learner's level for the whole pack (the worksheet uses it too).
    for action in parser._actions:
        if action.dest == "level":
            action.default, action.choices = "B1", PACK_LEVELS
            action.help = "the learners' level: A2, B1, B2 or C1 (default B1)"
    parser.set_defaults(func=cmd_make)
