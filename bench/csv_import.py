"""Reading a CSV of articles: the probe's 8,000 bad rows (84 KB) parsed whole, and refused at the
site's row limit. Issue 15, finding 4: before the fix the same file took 120 s.

Usage: python bench/csv_import.py [ROWS]

Prints CPU seconds for three files of ROWS rows (default 8,000): rows with one title and an
unknown level (each an error, each name made unique), rows of one title and a short text, rows
with an unclosed quote; then the time to refuse the first at the default row limit (1,000).
The last line is a JSON summary.
"""

from __future__ import annotations

import json
import sys
import time

from quizgen.errors import InputError
from quizgen.text.batch_sources import read_csv_articles

DEFAULT_MAX_ROWS = 1_000  # QUIZGEN_CSV_MAX_ROWS's default


def files(rows: int) -> dict[str, str]:
    return {
        "bad_level": "title,text,level\n" + "".join(f"t,x,Z{i % 10}\n" for i in range(rows)),
        "same_title": "title,text\n" + "Titel,Ein kurzer Text.\n" * rows,
        "open_quote": "title,text\n" + '"a,b\n' * rows,
    }


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 8_000
    summary: dict[str, object] = {"rows": rows}
    for name, text in files(rows).items():
        started = time.process_time()
        records = read_csv_articles(text)
        seconds = time.process_time() - started
        print(f"{name:11s} {len(text.encode()) / 1000:6.0f} KB  {len(records):5d} records  {seconds:6.3f} s parsed whole")
        summary[name] = round(seconds, 3)
    text = files(rows)["bad_level"]
    started = time.process_time()
    try:
        read_csv_articles(text, max_rows=DEFAULT_MAX_ROWS)
    except InputError as exc:
        refused = time.process_time() - started
        print(f"bad_level refused at {DEFAULT_MAX_ROWS:,} rows in {refused:.3f} s: {exc.message}")
        summary["refused"] = round(refused, 3)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
