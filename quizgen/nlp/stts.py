"""The STTS tag set and its mapping to Universal POS tags (as UD German GSD uses them)."""

from __future__ import annotations

STTS_TO_UPOS: dict[str, str] = {
    "$(": "PUNCT",
    "$,": "PUNCT",
    "$.": "PUNCT",
    "ADJA": "ADJ",
    "ADJD": "ADJ",
    "ADV": "ADV",
    "APPO": "ADP",
    "APPR": "ADP",
    "APPRART": "ADP",
    "APZR": "ADP",
    "ART": "DET",
    "CARD": "NUM",
    "FM": "X",
    "ITJ": "INTJ",
    "KOKOM": "CCONJ",
    "KON": "CCONJ",
    "KOUI": "SCONJ",
    "KOUS": "SCONJ",
    "NE": "PROPN",
    "NN": "NOUN",
    "NNE": "PROPN",
    "PDAT": "DET",
    "PDS": "PRON",
    "PIAT": "DET",
    "PIDAT": "DET",
    "PIS": "PRON",
    "PPER": "PRON",
    "PPOSAT": "DET",
    "PPOSS": "PRON",
    "PRELAT": "DET",
    "PRELS": "PRON",
    "PRF": "PRON",
    "PROAV": "ADV",
    "PTKA": "PART",
    "PTKANT": "PART",
    "PTKNEG": "PART",
    "PTKVZ": "ADP",
    "PTKZU": "PART",
    "PWAT": "DET",
    "PWAV": "ADV",
    "PWS": "PRON",
    "TRUNC": "X",
    "VAFIN": "AUX",
    "VAIMP": "AUX",
    "VAINF": "AUX",
    "VAPP": "AUX",
    "VMFIN": "AUX",
    "VMINF": "AUX",
    "VMPP": "AUX",
    "VVFIN": "VERB",
    "VVIMP": "VERB",
    "VVINF": "VERB",
    "VVIZU": "VERB",
    "VVPP": "VERB",
    "XY": "X",
}

#: prepositions, plain (mit) and fused with the article (zum, im)
PREPOSITION_TAGS = frozenset({"APPR", "APPRART"})


def hanta_to_stts(tag: str) -> str:
    """Turn HanTa's tag notation (``VV(FIN)``, ``ADJ(A)``, ``NNA`` ...) into plain STTS.

    HanTa marks nominalised adjectives (``NNA``) and infinitives (``NNI``): STTS tags both NN.
    Punctuation tags (``$(``) are already STTS.
    """
    if tag.startswith("$"):
        return tag
    if "(" not in tag:
        return {"PROAV": "PROAV", "PAV": "PROAV", "PIDAT": "PIAT", "NNA": "NN", "NNI": "NN"}.get(tag, tag)
    base, rest = tag.split("(", 1)
    return base + rest.rstrip(")")


def same_stts(predicted: str, gold: str) -> bool:
    """Whether two STTS tags are the same tag; UD GSD still writes PROAV by its old name PAV."""
    return predicted == gold or {predicted, gold} == {"PROAV", "PAV"}
