"""The benchmark corpus: the 10kGNAD sample beside the checkout (../shared/corpus), as in CI.

QUIZGEN_SHARED_DIR overrides the shared folder, as for the tests. The file is ``label;'text'``
per line, ``'`` as quote character (CC BY-NC-SA, for benchmarks only). The bench scripts run
as ``python bench/NAME.py`` and import this module from their own folder.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

SHARED_DIR = Path(os.environ.get("QUIZGEN_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
DEFAULT_CORPUS = SHARED_DIR / "corpus" / "10kgnad-part1.csv"


def read_corpus(path: str | Path = DEFAULT_CORPUS, limit: int | None = None) -> list[str]:
    """The article texts, the first ``limit`` of them (all when None)."""
    with open(path, encoding="utf-8", newline="") as fh:
        texts = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]
    return texts[:limit]


def read_labels(path: str | Path = DEFAULT_CORPUS) -> list[str]:
    """The category of each article (Sport, Inland, Web ...), in the order of ``read_corpus``."""
    with open(path, encoding="utf-8", newline="") as fh:
        return [row[0] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]
