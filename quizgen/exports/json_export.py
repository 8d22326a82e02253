"""The lesson pack as JSON (``LessonPack.to_dict``), and read back into the records."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from quizgen.errors import ExportError
from quizgen.exports.options import ExportOptions
from quizgen.pack import ClozeItem, LessonPack, NameEntry, Question, TextLevel, VocabEntry


_PACK_FIELDS = {f.name for f in fields(LessonPack)}


def pack_json(pack: LessonPack) -> str:
    return json.dumps(pack.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _tuples(record: type, data: dict[str, Any]) -> Any:
    # JSON has lists where the records hold tuples; fields a newer quizgen added are dropped
    known = {f.name for f in fields(record)}
    return record(**{key: tuple(value) if isinstance(value, list) else value
                     for key, value in data.items() if key in known})


def pack_from_dict(data: dict[str, Any]) -> LessonPack:
    """The records back from ``LessonPack.to_dict`` output.

    A missing field is an error; a field a newer quizgen added to a record is dropped, and
    unknown top-level keys (``LessonPack.extra``) go back into ``extra``.
    """
    try:
        level = data.get("text_level")
        return LessonPack(
            title=data["title"], level=data["level"], text=data["text"],
            sentences=tuple(data["sentences"]),
            text_level=_tuples(TextLevel, level) if level else None,
            vocabulary=tuple(_tuples(VocabEntry, entry) for entry in data["vocabulary"]),
            names=tuple(_tuples(NameEntry, name) for name in data["names"]),
            cloze=tuple(_tuples(ClozeItem, item) for item in data["cloze"]),
            questions=tuple(_tuples(Question, item) for item in data.get("questions", ())),
            source=data.get("source", ""), generator=data.get("generator", ""),
            # LessonPack.to_dict writes the extra fields at the top level
            extra={key: value for key, value in data.items() if key not in _PACK_FIELDS},
        )
    except (KeyError, TypeError) as error:
        raise ExportError(
            f"This JSON is not a Quizgen lesson pack ({error}); make it again with "
            "`python -m quizgen make FILE --formats json`."
        ) from error


def read_pack_json(path: Path) -> LessonPack:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ExportError(f"Cannot read {path}: {error.strerror}. Check the path.") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"{path} is not JSON ({error}); give the file written by "
                          "`python -m quizgen make FILE --formats json`.") from error
    if not isinstance(data, dict):
        raise ExportError(f"{path} is not a Quizgen lesson pack (no JSON object).")
    return pack_from_dict(data)


def write_pack_json(pack: LessonPack, path: Path, options: ExportOptions | None = None) -> Path:
    path.write_text(pack_json(pack), encoding="utf-8")
    return path
