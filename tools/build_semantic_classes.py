"""Build quizgen/data/semantic_classes.tsv.gz: WordNet's semantic classes for cloze distractors.

A choice gap's distractors must be of the answer's semantic class (a person for a person, an
act for an act) and never its synonym. German words reach Princeton WordNet 3.0 (Debian package
wordnet-base, WordNet licence) through their English gloss: the lexicographer file of the
gloss's senses is the class (noun.person, noun.act, noun.communication ...), the synsets and
their direct hypernyms tell synonyms apart. The file holds two kinds of lines:

- ``E pos word senses``: an English word reached by a gloss of the glossary (core glossary and
  Ding), with its first WordNet senses as ``class:synset:hypernym,hypernym:count[:s]``
  separated by ``;`` (count: how often SemCor tags the sense; ``s``: a sensitive sense: a religion, an ethnic group, a nationality, a place of
  worship, a criminal, the body's private parts). The lesson pack maps the answer's gloss in its
  sentence through these lines.
- ``G pos lemma class synsets hypernyms flags confidence``: a German distractor candidate (every word of
  quizgen/data/distractor_words.tsv) with the class of its usual sense, worked out here once
  from its glossary gloss (``s`` in flags: sensitive, never a distractor).
- ``S pos synset parent``: a noun synset's first hypernym, for every synset the other lines
  reach, so that the lesson pack can tell how far apart two words are in WordNet's tree.

Run: ``make distractors`` (installs wordnet-base, then this after build_distractor_words.py).
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet_files import WordNet  # noqa: E402

from quizgen.german.core_glossary import all_entries  # noqa: E402
from quizgen.german.dictionary_senses import dictionary_lines  # noqa: E402
from quizgen.german.glossary import gloss  # noqa: E402
from quizgen.lesson.semantic_classes import SENSES_KEPT, english_heads, weigh_classes  # noqa: E402

POSES = ("NOUN",)  # only noun gaps have options so far
# Senses under these synsets are sensitive as distractors (issue 12: never a religion, an
# ethnicity or a nationality; nor a criminal, a corpse or the body's private parts).
SENSITIVE_ANCESTORS = (
    ("religion", "NOUN", None), ("religious_person", "NOUN", None), ("place_of_worship", "NOUN", None),
    ("ethnic_group", "NOUN", None), ("clergyman", "NOUN", None), ("deity", "NOUN", None),
    ("nationality", "NOUN", None), ("sect", "NOUN", None), ("denomination", "NOUN", 0),
    ("tribe", "NOUN", None), ("holy_place", "NOUN", None), ("immigrant", "NOUN", None),
    ("refugee", "NOUN", None), ("foreigner", "NOUN", None), ("wrongdoer", "NOUN", None),
    ("bad_person", "NOUN", None), ("sexual_activity", "NOUN", None), ("genitalia", "NOUN", None),
    ("body_waste", "NOUN", None), ("cadaver", "NOUN", None), ("religious_ceremony", "NOUN", None),
    ("race", "NOUN", 2), ("disparagement", "NOUN", None), ("obscenity", "NOUN", None),
)  # fmt: skip


def sensitive_offsets(wn: WordNet) -> frozenset[int]:
    found: set[int] = set()
    for word, pos, sense in SENSITIVE_ANCESTORS:
        senses = wn.senses(word, pos)
        found.update(s.offset for i, s in enumerate(senses) if sense is None or i == sense)
    return frozenset(found)


def glosses_of_glossary() -> dict[str, set[str]]:
    """Every English gloss text of the glossary, per part of speech."""
    out: dict[str, set[str]] = defaultdict(set)
    for entry in all_entries():
        for sense in entry.senses:
            if entry.pos in POSES:
                out[entry.pos].add(sense.english)
    for block in dictionary_lines().values():
        for line in block.split("\n"):
            pos, _domains, _prior, text, _cues = line.split("\t")
            if pos in POSES:
                out[pos].add(text)
    return out


def main(out_path: str, words_path: str) -> None:
    wn = WordNet()
    sensitive = sensitive_offsets(wn)
    ancestors_sensitive: dict[tuple[int, str], bool] = {}

    def is_sensitive(synset) -> bool:  # type: ignore[no-untyped-def]
        key = (synset.offset, synset.pos)
        if key not in ancestors_sensitive:
            ancestors_sensitive[key] = synset.offset in sensitive or bool(wn.ancestors(synset) & sensitive)
        return ancestors_sensitive[key]

    english: dict[tuple[str, str], str] = {}
    for pos, texts in glosses_of_glossary().items():
        for text in texts:
            for head, _weight in english_heads(text, pos):
                key = (pos, head)
                if key in english:
                    continue
                senses = wn.senses(head, pos)[:SENSES_KEPT]
                if not senses:
                    continue
                counts = wn.tag_counts(head, pos)
                english[key] = ";".join(
                    f"{s.lexname.split('.')[1]}:{s.offset}:{','.join(map(str, s.hypernyms))}:{counts[i]}"
                    + (":s" if pos == "NOUN" and is_sensitive(s) else "")
                    for i, s in enumerate(senses)
                )
    parents: dict[int, int] = {}  # synset -> its first hypernym, for every synset reached
    for (pos, _head), senses in english.items():
        for part in senses.split(";"):
            offset = int(part.split(":")[1])
            while offset not in parents:
                synset = wn.synset(offset, pos)
                parents[offset] = synset.hypernyms[0] if synset.hypernyms else 0
                offset = parents[offset]
                if not offset:
                    break
    german: list[str] = []
    with open(words_path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            pos, lemma, _zipf, _info = line.rstrip("\n").split("\t")
            found = gloss(lemma, pos)
            if not found.gloss:
                continue
            lookup = {head: english.get((pos, head), "") for head, _w in english_heads(found.gloss, pos)}
            best = weigh_classes(found.gloss, pos, lambda h: lookup.get(h, ""))
            if best is None:
                continue
            flags = "s" if best.sensitive else ""
            german.append(f"G\t{pos}\t{lemma}\t{best.name}\t{','.join(map(str, sorted(best.synsets)))}\t"
                          f"{','.join(map(str, sorted(best.hypernyms)))}\t{flags}\t{best.confidence}")
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# quizgen semantic classes: WordNet 3.0 lexicographer classes reached through English glosses\n")
        out.write("# Source: Princeton WordNet 3.0 (Debian package wordnet-base, WordNet 3.0 licence); "
                  "built by tools/build_semantic_classes.py\n")
        for (pos, head), senses in sorted(english.items()):
            out.write(f"E\t{pos}\t{head}\t{senses}\n")
        for row in german:
            out.write(row + "\n")
        for offset, parent in sorted(parents.items()):
            out.write(f"S\tNOUN\t{offset}\t{parent}\n")
    licence = Path(out_path).parent / "WORDNET-LICENSE.txt"
    licence.write_text(wn.licence(), encoding="utf-8")
    print(f"wrote {out_path}: {len(english)} English words, {len(german)} German words, {len(parents)} synsets")


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "quizgen/data/semantic_classes.tsv.gz",
        sys.argv[2] if len(sys.argv) > 2 else "quizgen/data/distractor_words.tsv",
    )
