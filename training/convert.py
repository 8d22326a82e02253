"""Splits the shared UD and GermEval data into train / dev / held-out and writes spaCy DocBins.

Usage: python training/convert.py DATA_DIR OUT_DIR

Training sentences with contractions (``am`` = ``an dem``) are added a second time as raw
text tokenises them. The split is by position (every 8th UD sentence, every 10th GermEval sentence held out), so it is
the same on every machine. The held-out sentences are also written back in their own formats,
for ``python -m quizgen.nlp.evaluate``; nothing trained for the reported figures sees them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.vocab import Vocab

from quizgen.nlp.corpus_formats import NERSentence, UDSentence, read_conllu, read_germeval

UD_FILES = {"gsd": "ud-german/de_gsd-ud-dev.conllu", "pud": "ud-german/de_pud-ud-test.conllu"}
NER_FILES = {"dev": "germeval2014/NER-de-dev.tsv", "test1": "germeval2014/NER-de-test-part1.tsv"}


def ud_split(index: int) -> str:
    return {0: "heldout", 4: "dev"}.get(index % 8, "train")


def ner_split(index: int) -> str:
    return {0: "heldout", 5: "dev"}.get(index % 10, "train")


def ud_doc(vocab: Vocab, sent: UDSentence) -> Doc:
    morphs = []
    for upos, feats in zip(sent.upos, sent.feats):
        morphs.append(feats if feats != "_" else "")
    return Doc(
        vocab,
        words=list(sent.words),
        spaces=list(sent.spaces),
        tags=list(sent.xpos),
        pos=list(sent.upos),
        morphs=morphs,
        lemmas=list(sent.lemmas),
        heads=list(sent.heads),
        deps=list(sent.deps),
        sent_starts=[True] + [False] * (len(sent.words) - 1),
    )


def merged_doc(vocab: Vocab, sent: UDSentence) -> Doc:
    """The sentence as raw text tokenises it: ``an dem`` back to one token ``am`` (STTS APPRART).

    The merged token keeps the preposition's head and relation and the article's features;
    anything attached to the article attaches to the merged token.
    """
    first_of: dict[int, tuple[int, str]] = {start: (end, form) for start, end, form in sent.multiword}
    new_index: list[int] = []
    keep: list[tuple[int, int, str]] = []  # (first word, last word, surface)
    i = 0
    while i < len(sent.words):
        end, form = first_of.get(i, (i, sent.words[i]))
        for j in range(i, end + 1):
            new_index.append(len(keep))
        keep.append((i, end, form))
        i = end + 1
    words, spaces, tags, pos, morphs, lemmas, heads, deps = [], [], [], [], [], [], [], []
    for start, end, form in keep:
        words.append(form)
        spaces.append(sent.spaces[end])
        merged = end > start
        contraction = merged and sent.upos[start] == "ADP" and sent.upos[end] == "DET"
        tags.append("APPRART" if contraction else sent.xpos[start])
        pos.append(sent.upos[start])
        feats = sent.feats[end] if contraction else sent.feats[start]
        morphs.append(feats if feats != "_" else "")
        lemmas.append(sent.lemmas[start])
        heads.append(new_index[sent.heads[start]])
        deps.append(sent.deps[start])
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=[True] + [False] * (len(words) - 1))


def ner_doc(vocab: Vocab, sent: NERSentence) -> Doc:
    doc = Doc(vocab, words=list(sent.words))
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(list(sent.tags)))
    return doc


def main(data_dir: str, out_dir: str) -> None:
    data, out = Path(data_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    ud_bins = {name: DocBin() for name in ("train", "dev", "heldout")}
    for corpus, rel in UD_FILES.items():
        texts: dict[str, list[str]] = {"train": [], "dev": [], "heldout": []}
        for i, sent in enumerate(read_conllu(data / rel)):
            split = ud_split(i)
            ud_bins[split].add(ud_doc(vocab, sent))
            if split == "train" and sent.multiword:
                # Raw text keeps "am", "zum", "im": train on both tokenisations.
                ud_bins[split].add(merged_doc(vocab, sent))
            texts[split].append("\n".join(sent.lines) + "\n\n")
        for split, chunks in texts.items():
            (out / f"ud-{split}-{corpus}.conllu").write_text("".join(chunks), encoding="utf-8")
    for split, docbin in ud_bins.items():
        docbin.to_disk(out / f"ud-{split}.spacy")
        print(f"ud-{split}: {len(docbin)} sentences")
    ner_bins = {name: DocBin() for name in ("train", "dev", "heldout")}
    ner_texts: dict[str, list[str]] = {"train": [], "dev": [], "heldout": []}
    for rel in NER_FILES.values():
        for i, nsent in enumerate(read_germeval(data / rel)):
            split = ner_split(i)
            ner_bins[split].add(ner_doc(vocab, nsent))
            ner_texts[split].append("\n".join(nsent.lines) + "\n\n")
    for split, docbin in ner_bins.items():
        docbin.to_disk(out / f"ner-{split}.spacy")
        if split != "heldout":  # training/shared.cfg reads both corpora from one folder
            (out / f"shared-{split}").mkdir(exist_ok=True)
            docbin.to_disk(out / f"shared-{split}" / "ner.spacy")
            ud_bins[split].to_disk(out / f"shared-{split}" / "ud.spacy")
        (out / f"germeval-{split}.tsv").write_text("".join(ner_texts[split]), encoding="utf-8")
        print(f"ner-{split}: {len(docbin)} sentences")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python training/convert.py DATA_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
