"""Read Princeton WordNet 3.0 from its plain files (Debian package wordnet-base), for build tools.

Only what the semantic classes of distractors need (tools/build_semantic_classes.py): a word's
senses in frequency order (index.<pos>), each synset's lexicographer file (its semantic class:
noun.person, noun.act ...), its words and its hypernyms (data.<pos>, addressed by byte offset),
and the base form of an inflected English word (the .exc lists and the usual suffix rules).
The site never reads WordNet: the build writes what it needs into package data.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
POS_FILES = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj"}
# The lexicographer files of WordNet 3.0, by number (lexnames(5WN)).
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
    "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
    "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant "
    "noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
    "noun.substance noun.time verb.body verb.change verb.cognition verb.communication "
    "verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion "
    "verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
HYPERNYM_POINTERS = ("@", "@i")
NOUN_SUFFIXES = (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
                 ("men", "man"), ("ies", "y"), ("s", ""))
VERB_SUFFIXES = (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
                 ("ing", ""), ("s", ""))


@dataclass(frozen=True)
class Synset:
    offset: int
    pos: str  # NOUN, VERB, ADJ
    lexname: str
    words: tuple[str, ...]
    hypernyms: tuple[int, ...]


class WordNet:
    """One WordNet installation; every lookup is cached."""

    def __init__(self, directory: Path = WORDNET_DIR) -> None:
        if not (directory / "index.noun").exists():
            raise SystemExit(
                f"WordNet is not installed in {directory}: install the Debian package wordnet-base "
                "(make distractors does it)."
            )
        self.directory = directory
        self._index: dict[str, dict[str, tuple[int, ...]]] = {}
        self._exceptions: dict[str, dict[str, str]] = {}
        self._data = {pos: (directory / f"data.{name}").open("rb") for pos, name in POS_FILES.items()}

    def licence(self) -> str:
        """WordNet's licence, as the head of its data files has it (it must ship with the data)."""
        lines = []
        with (self.directory / "data.noun").open(encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("  "):
                    break
                lines.append(line.strip().split(" ", 1)[1] if " " in line.strip() else "")
        return "\n".join(lines).rstrip() + "\n"

    def index(self, pos: str) -> dict[str, tuple[int, ...]]:
        """Lemma (lower case, ``_`` for spaces) -> synset offsets, the most frequent sense first."""
        if pos not in self._index:
            found: dict[str, tuple[int, ...]] = {}
            with (self.directory / f"index.{POS_FILES[pos]}").open(encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith(" "):
                        continue
                    fields = line.split()
                    n_synsets, n_pointers = int(fields[2]), int(fields[3])
                    offsets = fields[4 + n_pointers + 2:]
                    found[fields[0]] = tuple(int(o) for o in offsets[:n_synsets])
            self._index[pos] = found
        return self._index[pos]

    @functools.cached_property
    def _tag_counts(self) -> dict[tuple[str, str], dict[int, int]]:
        """(lemma, pos) -> sense number -> how often the sense is tagged in SemCor (cntlist.rev)."""
        pos_of = {"1": "NOUN", "2": "VERB", "3": "ADJ", "5": "ADJ"}
        found: dict[tuple[str, str], dict[int, int]] = {}
        with (self.directory / "cntlist.rev").open(encoding="utf-8") as fh:
            for line in fh:
                key, number, count = line.split()
                lemma, _, rest = key.partition("%")
                pos = pos_of.get(rest[:1])
                if pos:
                    found.setdefault((lemma, pos), {})[int(number)] = int(count)
        return found

    def tag_counts(self, word: str, pos: str) -> tuple[int, ...]:
        """SemCor tag counts of ``word``'s senses, in the order of ``senses`` (0: untagged)."""
        base = self.base_form(word, pos)
        if base is None:
            return ()
        counts = self._tag_counts.get((base, pos), {})
        return tuple(counts.get(n, 0) for n in range(1, len(self.index(pos)[base]) + 1))

    def exceptions(self, pos: str) -> dict[str, str]:
        if pos not in self._exceptions:
            found: dict[str, str] = {}
            with (self.directory / f"{POS_FILES[pos]}.exc").open(encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) >= 2:
                        found.setdefault(parts[0], parts[1])
            self._exceptions[pos] = found
        return self._exceptions[pos]

    def base_form(self, word: str, pos: str) -> str | None:
        """The form WordNet lists for ``word`` (troops -> troop), or None when it has none."""
        key = word.lower().replace(" ", "_")
        index = self.index(pos)
        if key in index:
            return key
        if self.exceptions(pos).get(key) in index:
            return self.exceptions(pos)[key]
        for suffix, replacement in NOUN_SUFFIXES if pos == "NOUN" else VERB_SUFFIXES if pos == "VERB" else ():
            if key.endswith(suffix) and key[: -len(suffix)] + replacement in index:
                return key[: -len(suffix)] + replacement
        return None

    def senses(self, word: str, pos: str) -> tuple[Synset, ...]:
        """The synsets of ``word`` as ``pos``, the most frequent first; () when WordNet lacks it."""
        base = self.base_form(word, pos)
        if base is None:
            return ()
        return tuple(self.synset(offset, pos) for offset in self.index(pos)[base])

    @functools.lru_cache(maxsize=None)
    def synset(self, offset: int, pos: str) -> Synset:
        fh = self._data[pos]
        fh.seek(offset)
        fields = fh.readline().decode("utf-8").split(" | ")[0].split()
        lexname = LEXNAMES[int(fields[1])]
        n_words = int(fields[3], 16)
        words = tuple(fields[4 + 2 * i].lower() for i in range(n_words))
        at = 4 + 2 * n_words
        n_pointers = int(fields[at])
        hypernyms = []
        for i in range(n_pointers):
            symbol, target, target_pos = fields[at + 1 + 4 * i : at + 4 + 4 * i]
            if symbol in HYPERNYM_POINTERS and target_pos == fields[2][:1]:
                hypernyms.append(int(target))
        return Synset(offset, pos, lexname, words, tuple(hypernyms))

    def ancestors(self, synset: Synset, depth: int = 12) -> set[int]:
        """Offsets of every hypernym of ``synset`` up to ``depth`` levels."""
        seen: set[int] = set()
        frontier = list(synset.hypernyms)
        for _ in range(depth):
            nxt = []
            for offset in frontier:
                if offset not in seen:
                    seen.add(offset)
                    nxt.extend(self.synset(offset, synset.pos).hypernyms)
            frontier = nxt
        return seen
