"""Readers for the annotated corpora the pipeline is trained and evaluated on (CoNLL-U, GermEval)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen.errors import InputError

NER_LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "OTH")


@dataclass(frozen=True)
class UDSentence:
    """One CoNLL-U sentence, syntactic words only (multiword-token lines and empty nodes dropped)."""

    sent_id: str
    lines: tuple[str, ...]  # the sentence's raw lines, comments included, to write it back out
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    lemmas: tuple[str, ...]
    upos: tuple[str, ...]
    xpos: tuple[str, ...]
    feats: tuple[str, ...]  # "_" or "Case=Nom|..."
    heads: tuple[int, ...]  # 0-based index of the head; the root points to itself
    deps: tuple[str, ...]
    multiword: tuple[tuple[int, int, str], ...] = ()  # (first word, last word, surface form), 0-based


@dataclass(frozen=True)
class NERSentence:
    """One GermEval 2014 sentence with its outer BIO tags (``-deriv``/``-part`` turned into ``O``)."""

    lines: tuple[str, ...]
    words: tuple[str, ...]
    tags: tuple[str, ...]


def _blocks(path: Path) -> Iterator[list[str]]:
    block: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.strip():
                block.append(line)
            elif block:
                yield block
                block = []
    if block:
        yield block


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path: str | Path) -> list[UDSentence]:
    """All sentences of a CoNLL-U file; raises InputError on a malformed line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"No CoNLL-U file at {path}: pass the path of an existing .conllu file.")
    sentences = []
    for block in _blocks(path):
        sentence = _read_sentence(path, block)
        if sentence is not None:
            sentences.append(sentence)
    return sentences


def _read_sentence(path: Path, block: list[str]) -> UDSentence | None:
    """One sentence block: its id, its syntactic words with their spacing, and the multiword
    tokens that join them (zum = zu + dem); None when it has no words."""
    sent_id = ""
    rows: list[list[str]] = []
    mwt_end = 0
    mwt_space = True
    spaces: list[bool] = []
    multiword: list[tuple[int, int, str]] = []
    for line in block:
        if line.startswith("#"):
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise InputError(f"{path}: line {line[:40]!r} does not have 10 tab-separated columns.")
        if "-" in cols[0]:
            # The surface token's spacing belongs to its last syntactic word.
            mwt_start, mwt_end = (int(x) for x in cols[0].split("-"))
            mwt_space = _space_after(cols[9])
            multiword.append((mwt_start - 1, mwt_end - 1, cols[1]))
            continue
        if "." in cols[0]:
            continue
        rows.append(cols)
        index = int(cols[0])
        if index < mwt_end:
            spaces.append(False)
        elif index == mwt_end:
            spaces.append(mwt_space)
        else:
            spaces.append(_space_after(cols[9]))
    if not rows:
        return None
    heads = []
    for i, cols in enumerate(rows):
        head = int(cols[6]) if cols[6].isdigit() else 0
        heads.append(i if head == 0 else head - 1)
    return UDSentence(
        sent_id=sent_id,
        lines=tuple(block),
        words=tuple(c[1] for c in rows),
        spaces=tuple(spaces),
        lemmas=tuple(c[2] for c in rows),
        upos=tuple(c[3] for c in rows),
        xpos=tuple(c[4] for c in rows),
        feats=tuple(c[5] for c in rows),
        heads=tuple(heads),
        deps=tuple(c[7] for c in rows),
        multiword=tuple(multiword),
    )


def outer_tag(tag: str) -> str:
    """A GermEval outer tag reduced to B-/I- plus PER/LOC/ORG/OTH; derivations and parts are O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if label not in NER_LABELS or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{label}"


def read_germeval(path: str | Path) -> list[NERSentence]:
    """All sentences of a GermEval 2014 TSV file (``index, token, outer, inner``)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"No GermEval file at {path}: pass the path of an existing .tsv file.")
    sentences = []
    for block in _blocks(path):
        words, tags = [], []
        for line in block:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise InputError(f"{path}: line {line[:40]!r} needs index, token and tag columns.")
            words.append(cols[1])
            tags.append(outer_tag(cols[2]))
        if words:
            sentences.append(NERSentence(lines=tuple(block), words=tuple(words), tags=tuple(_repair_bio(tags))))
    return sentences


def _repair_bio(tags: list[str]) -> list[str]:
    # Dropping -deriv/-part can leave an I- without its B-: start a new span there.
    out = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def bio_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Exact ``(start, end, label)`` spans of a BIO sequence (a stray I- opens a span)."""
    spans = set()
    start, label = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label:
            spans.add((start, i, label))
            label = ""
        if tag != "O":
            start, label = i, tag[2:]
    return spans
