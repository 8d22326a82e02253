"""Every string the site shows has a German translation: the messages of the Python code and the
templates are extracted with xgettext (as makemessages does) and looked up in the catalogs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = [ROOT / "learnsite/quizzes/locale/de/LC_MESSAGES/django.po",
            ROOT / "learnsite/lessons/locale/de/LC_MESSAGES/django.po"]
KEYWORDS = ["--keyword=gettext_noop", "--keyword=gettext_lazy", "--keyword=ngettext_lazy:1,2",
            "--keyword=pgettext:1c,2", "--keyword=pgettext_lazy:1c,2", "--keyword=_", "--keyword=gettext",
            "--keyword=ngettext:1,2", "--keyword=npgettext:1c,2,3"]
#: shown in its own language on purpose (the language switch names each language in itself)
UNTRANSLATED = {"German"}


def _field(block: str, name: str) -> str | None:
    """A field of a catalog entry (``msgid``, ``msgstr``, ``msgstr[0]``), its continuation lines joined."""
    match = re.search(rf'^{re.escape(name)} ((?:".*"\n?)+)', block + "\n", re.M)
    return "".join(re.findall(r'"(.*)"', match.group(1))) if match else None


def _entries(po_text: str) -> dict[str, str]:
    """msgid -> msgstr (the first form of a plural) of a catalog."""
    entries = {}
    for block in re.split(r"\n\s*\n", po_text):
        msgid = _field(block, "msgid")
        if msgid:
            entries[msgid] = _field(block, "msgstr") or _field(block, "msgstr[0]") or ""
    return entries


def _msgids(pot: Path) -> set[str]:
    return set(_entries(pot.read_text(encoding="utf-8")))


@pytest.mark.skipif(not shutil.which("xgettext"), reason="make test installs gettext")
def test_every_string_of_the_site_is_in_the_german_catalog(tmp_path):
    sources = [p for p in (ROOT / "learnsite").rglob("*.py") if "migrations" not in p.parts]
    for template in (ROOT / "templates").rglob("*.html"):
        out = tmp_path / (template.relative_to(ROOT).as_posix().replace("/", "__") + ".py")
        out.write_text(templatize(template.read_text(encoding="utf-8"), origin=str(template)), encoding="utf-8")
        sources.append(out)
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(str(p) for p in sources), encoding="utf-8")
    pot = tmp_path / "site.pot"
    subprocess.run(["xgettext", "--language=Python", "--from-code=UTF-8", "--no-location", *KEYWORDS,
                    f"--output={pot}", f"--files-from={listing}"], check=True)
    translated = {}
    for catalog in CATALOGS:
        translated.update(_entries(catalog.read_text(encoding="utf-8")))
    missing = sorted(m for m in _msgids(pot) - UNTRANSLATED if not translated.get(m))
    assert not missing, f"{len(missing)} strings have no German translation: {missing[:10]}"
