"""Build quizgen/data/compound_parts.tsv: how Ding's compounds render their parts in English.

Usage: python tools/build_compound_parts.py [OUT]   (after tools/build_glossary.py)

A word alone and the same word in compounds often mean different things: Tat alone is "act",
but Tatort is the scene of the *crime* and Tatwaffe the *murder* weapon; -verfahren in
compounds is mostly "procedure", not "proceedings". For every compound noun of the shipped
Ding glossary that splits into two words with entries (quizgen.german.compounds.two_part_split),
its main English gloss is matched against its head's senses: "site of crime" for Tat|Ort ends
in (or starts with, "X of Y") a sense of Ort, so Ort counts "site" as a head and Tat counts
"crime" as a modifier. A compound whose English matches no sense of its head (Geld|Haus: bank)
counts for neither part's renderings but for both parts' totals, so a part whose compounds are
often opaque is never "sure". Output: part, role (mod or head), compounds counted, compounds whose
English renders the part, the three most common renderings with counts. The file is derived from Ding (GPL-2.0-or-later).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from quizgen.german.compounds import two_part_split
from quizgen.german.core_glossary import core_entry
from quizgen.german.dictionary_senses import all_senses, headwords

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "quizgen" / "data" / "compound_parts.tsv"
KEEP = 3
HEADER = """\
# How Ding's compound nouns render their parts (quizgen.german.compounds); built by
# tools/build_compound_parts.py from quizgen/data/glossary.tsv.gz, itself derived from Ding
# (TU Chemnitz), GNU General Public License version 2 or later (GPL-2.0-or-later).
# Columns: part, role (mod: first part, head: last part), compounds counted, compounds whose
# English renders the part, the most common renderings with counts
"""


def _norm(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    text = re.sub(r"^(the|a|an) ", "", " ".join(text.split()))
    return text.strip(" .,")


def _alternatives(word: str) -> list[str]:
    """Every English rendering of a noun: the core glossary's and Ding's."""
    found = []
    entry = core_entry(word, "NOUN")
    if entry is not None:
        found += [alt for sense in entry.senses for alt in sense.english.split("; ")]
    found += [alt for sense in all_senses(word) if sense.pos == "NOUN" for alt in sense.gloss.split("; ")]
    return [n for n in dict.fromkeys(_norm(a) for a in found) if n]


def _attribute(english: str, head_senses: list[str]) -> tuple[str, str] | None:
    """(head rendering, modifier rendering) when the compound's English is the modifier's
    English and a sense of the head: "crime scene", or "scene of" + "crime" for "scene of a
    crime"; "" for the modifier when the head's sense alone renders the compound."""
    for sense in sorted(head_senses, key=len, reverse=True):
        for form in (sense, sense + "s", sense + "es"):
            if english == form:
                return sense, ""
            if english.endswith(" " + form):
                return sense, english[: -len(form) - 1].strip()
            match = re.match(rf"^{re.escape(form)} of (?:the |a |an )?(.+)$", english)
            if match:
                return sense + " of", match.group(1)  # head of government: the head goes first
    return None


class Contribution(NamedTuple):
    word: str
    modifier: str
    head: str
    head_english: str | None  # None: an opaque compound
    modifier_english: str | None


def contributions() -> list[Contribution]:
    """What each of Ding's two-part compounds says about its parts."""
    found = []
    for word in headwords():
        if " " in word or "-" in word or not word[:1].isupper() or len(word) < 6:
            continue
        senses = [s for s in all_senses(word) if s.pos == "NOUN"]
        if not senses:
            continue
        split = two_part_split(word)
        if split is None or split.kind not in ("NOUN", "ADJ", "VERB"):
            continue
        english = _norm(senses[0].gloss.split("; ")[0])
        attributed = _attribute(english, _alternatives(split.head))
        head, modifier = attributed if attributed else (None, None)
        if modifier is not None and (not modifier or len(modifier.split()) > 3):
            modifier = None
        found.append(Contribution(word, split.modifier, split.head, head, modifier))
    return found


def tables(found: list[Contribution]) -> dict[tuple[str, str], tuple[int, int, Counter[str]]]:
    """(part, role) -> (compounds, compounds whose English renders the part, renderings)."""
    out: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0, Counter()])
    for item in found:
        for key, english in (((item.modifier, "mod"), item.modifier_english), ((item.head, "head"), item.head_english)):
            out[key][0] += 1
            if english:
                out[key][1] += 1
                out[key][2][english] += 1
    return {key: (v[0], v[1], v[2]) for key, v in out.items()}


def build() -> list[str]:
    rows = []
    for (part, role), (total, rendered, renderings) in sorted(tables(contributions()).items()):
        if total < 2 or not rendered:
            continue
        top = renderings.most_common(KEEP)
        rows.append(f"{part}\t{role}\t{total}\t{rendered}\t{'; '.join(f'{e} {c}' for e, c in top)}")
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    rows = build()
    out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} parts -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
