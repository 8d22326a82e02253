"""The README's configuration table names every variable the site reads, and nothing it does not."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _table() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]


def test_every_variable_the_site_reads_is_in_the_configuration_table() -> None:
    read = set()
    for path in (ROOT / "learnsite").rglob("*.py"):
        read |= set(re.findall(r'env_(?:str|int|bool|list|choice)\(\s*"([A-Z0-9_]+)"', path.read_text(encoding="utf-8")))
    assert len(read) > 25
    rows = set(re.findall(r"^\| `([A-Z0-9_]+)`", _table(), flags=re.MULTILINE))
    assert read - rows == set(), "read by the site but missing from README, Configuration"
    assert rows - read == set(), "in README, Configuration but read nowhere"
