"""Where the project's read-only shared data lies: beside the checkout (../shared), as in CI.

QUIZGEN_SHARED_DIR overrides it for a checkout kept elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED_DIR = Path(os.environ.get("QUIZGEN_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
SEED = SHARED_DIR / "seed" / "moskau-besuch.txt"
CORPUS = SHARED_DIR / "corpus" / "10kgnad-part1.csv"
