"""The names of a text (persons, places, organisations, titles of works), kept out of the word list.

``name_spans`` finds them: the entities of the analysis, plus runs of STTS NE tokens the NER
missed; ``name_entries`` turns the spans into NameEntry records, one per name.
"""

from __future__ import annotations

from typing import Any

from quizgen.analysis import Analysis
from quizgen.german.nouns import is_known_noun
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.pack import NameEntry

NAME_TAGS = frozenset({"NE", "NNE"})


#: a name after one of these is a person's (Staatschef Xi Jinping, Präsidentin Maia Sandu)
_PERSON_TITLES = ("chef", "chefin", "präsident", "präsidentin", "minister", "ministerin", "kanzler",
                  "kanzlerin", "sprecher", "sprecherin", "diplomat", "diplomatin", "herr", "frau")


def name_spans(analysis: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, type) of every name: the entities, plus STTS NE runs the NER missed."""
    spans = [(e.start, e.end, e.label) for e in analysis.entities]
    in_entity = {i for a, b, _ in spans for i in range(a, b)}
    by_text = {analysis.span_text(a, b): label for a, b, label in spans}
    for start, end, _ in _ne_runs(analysis):
        if in_entity.intersection(range(start, end)):
            continue
        before = analysis.tokens[start - 1] if start > 0 else None
        titled = before is not None and before.tag == "NN" and before.lemma.lower().endswith(_PERSON_TITLES)
        label = by_text.get(analysis.span_text(start, end)) or ("PER" if titled else "OTH")
        spans.append((start, end, label))
    return sorted(spans)


def _ne_runs(analysis: Analysis) -> list[tuple[int, int, str]]:
    """Names from STTS tags alone: runs of NE tokens (what the NER would find)."""
    tokens = analysis.tokens
    runs: list[list[int]] = []
    for tok in tokens:
        unknown_word = (
            tok.tag == "NN" and tok.text[:1].isupper() and "-" not in tok.text
            and tok.noun is None and not is_known_noun(tok.lemma)
        )
        joins = runs and runs[-1][-1] == tok.i - 1 and tokens[tok.i - 1].sentence == tok.sentence
        if tok.tag in NAME_TAGS or (joins and unknown_word):
            # A capitalised word the lexicon does not know after a name is part of it (Xi Jinping).
            if joins:
                runs[-1].append(tok.i)
            else:
                runs.append([tok.i])
    alone = {tokens[r[0]].text for r in runs if len(r) == 1}
    spans: list[tuple[int, int, str]] = []
    for run in runs:
        # "Xi Jinping Russland": a word named on its own elsewhere starts a new name.
        start = run[0]
        for i in run[1:]:
            if tokens[i].text in alone and i - start >= 2:
                spans.append((start, i, "OTH"))
                start = i
        spans.append((start, run[-1] + 1, "OTH"))
    # A name the tagger missed once (Putin tagged NN) is still that name.
    texts = {analysis.span_text(a, b) for a, b, _ in spans}
    covered = {i for a, b, _ in spans for i in range(a, b)}
    spans += [(t.i, t.i + 1, "OTH") for t in tokens if t.i not in covered and t.tag == "NN" and t.text in texts]
    return sorted(spans)


def name_entries(analysis: Analysis, spans: list[tuple[int, int, str]]) -> tuple[NameEntry, ...]:
    texts = [analysis.span_text(a, b).strip("".join(QUOTE_MARKS) + " ") for a, b, _ in spans]
    plain = set(texts)
    found: dict[str, list[Any]] = {}  # text -> [type, count, sentence]
    for (start, _end, label), text in zip(spans, texts):
        # A genitive -s goes when the bare name occurs too (Wangs -> Wang, but Tass stays).
        if text.endswith("s") and text[:-1] in plain:
            text = text[:-1]
        if not text:
            continue
        if text in found:
            found[text][1] += 1
        else:
            found[text] = [label, 1, analysis.tokens[start].sentence]
    # A short mention (Putin) counts towards the full name it ends (Wladimir Putin).
    for short in [t for t in found if " " not in t]:
        longer = [t for t in found if t != short and t.split()[-1] == short and found[t][0] == found[short][0]]
        if len(longer) == 1:
            found[longer[0]][1] += found.pop(short)[1]
    return tuple(NameEntry(text=t, type=v[0], count=v[1], sentence=v[2]) for t, v in found.items())
