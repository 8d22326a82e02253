"""Build quizgen/data/nouns.tsv.gz from the german-nouns package (Wiktionary, CC BY-SA 4.0).

Run: ``make lexicon`` (installs german-nouns with --no-deps: its ``lxml<5`` pin breaks other
packages). Output, one noun a line: lemma, gender (m/f/n or empty), then the forms
Nom.Sg, Gen.Sg, Dat.Sg, Acc.Sg, Nom.Pl, Gen.Pl, Dat.Pl, Acc.Pl; each cell may hold variants
separated by "/", the first being the usual one.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

CASES = ("nominativ", "genitiv", "dativ", "akkusativ")
NUMBERS = ("singular", "plural")
HEADER = (
    "# German nouns with gender and forms, from german-nouns (Wiktionary, CC BY-SA 4.0).\n"
    "# Columns: lemma gender NomSg GenSg DatSg AccSg NomPl GenPl DatPl AccPl; variants joined by '/'.\n"
)


def _cell(row: dict[str, str], case: str, number: str) -> str:
    base = f"{case} {number}"
    keys = [base, f"{base}*", f"{base} 1", f"{base} 2", f"{base} 3", f"{base} 4"]
    forms: list[str] = []
    for key in keys:
        for value in (row.get(key) or "").split(","):
            value = value.strip()
            if value and value != "—" and value not in forms and " " not in value:
                forms.append(value)
    return "/".join(forms)


def main(out: Path) -> None:
    import german_nouns

    source = Path(german_nouns.__path__[0]) / "nouns.csv"
    seen: set[str] = set()
    rows_out: list[str] = []
    with source.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lemma = (row.get("lemma") or "").strip()
            pos = row.get("pos") or ""
            if not lemma or "Substantiv" not in pos.split(",") or lemma in seen or " " in lemma:
                continue
            gender = (row.get("genus") or row.get("genus 1") or "").strip()
            gender = gender if gender in ("m", "f", "n") else ""
            cells = [_cell(row, c, n) for n in NUMBERS for c in CASES]
            if not any(cells):
                continue
            seen.add(lemma)
            rows_out.append("\t".join([lemma, gender, *cells]))
    rows_out.sort()
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as gz:
        gz.write((HEADER + "\n".join(rows_out) + "\n").encode("utf-8"))
    print(f"{len(rows_out)} nouns -> {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("quizgen/data/nouns.tsv.gz"))
