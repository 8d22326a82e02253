"""Append translations to a gettext catalog (developer tool): ``po_add.py CATALOG.po TRANSLATIONS.py``.

TRANSLATIONS.py defines dicts ``{msgid: msgstr}`` and ``{(msgid, msgid_plural): (singular, plural)}``;
entries the catalog already has are left as they are. Run ``manage.py compilemessages`` after.
"""

from __future__ import annotations

import runpy
import sys


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main(catalog: str, *sources: str) -> None:
    existing = open(catalog, encoding="utf-8").read()
    added = []
    for source in sources:
        for name, table in runpy.run_path(source).items():
            if not isinstance(table, dict) or name.startswith("_"):
                continue
            for key, value in table.items():
                msgid = key[0] if isinstance(key, tuple) else key
                if f"\nmsgid {quote(msgid)}\n" in existing:
                    continue
                if isinstance(key, tuple):
                    added.append(f"msgid {quote(key[0])}\nmsgid_plural {quote(key[1])}\n"
                                 f"msgstr[0] {quote(value[0])}\nmsgstr[1] {quote(value[1])}\n")
                else:
                    added.append(f"msgid {quote(key)}\nmsgstr {quote(value)}\n")
                existing += "\n" + added[-1]
    with open(catalog, "a", encoding="utf-8") as out:
        for entry in added:
            out.write("\n" + entry)
    print(f"{len(added)} added to {catalog}")


if __name__ == "__main__":
    main(sys.argv[1], *sys.argv[2:])
