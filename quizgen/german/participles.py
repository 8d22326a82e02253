"""The verb a German participle comes from (angekündigt -> ankündigen, gestiegen -> steigen;
rotierend -> rotieren).

A participle used as an adjective without a dictionary entry of its own is glossed from its
verb; the verbs are the dictionary's (quizgen.german.dictionary_senses).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from quizgen.german.core_glossary import core_entry
from quizgen.german.dictionary_senses import dictionary_lines, has_entry, headwords
from quizgen.german.word_lists import DUAL_PREFIXES, INSEPARABLE_PREFIXES

# Participles without ge-: after an inseparable prefix, or a dual one used inseparably
# (übersetzt, wiederholt). ge- itself is left to the pattern below: geleitet is leiten's.
_NO_GE_PREFIXES = tuple(p for p in INSEPARABLE_PREFIXES if p != "ge") + DUAL_PREFIXES
_PARTICIPLE = re.compile(r"^(?P<prefix>[a-zäöü]*?)ge(?P<stem>[a-zäöüß]{3,}?)(?:t|et|en)$")


def participle_verb(lemma: str) -> str | None:
    """The verb a participle adjective comes from (angekündigt -> ankündigen), if listed."""
    if lemma.startswith(_NO_GE_PREFIXES) and lemma.endswith("t"):
        # No ge- after be-, ver-, er- ...: verabschiedet <- verabschieden, verkauft <- verkaufen
        for verb in (lemma[:-2] + "en", lemma[:-1] + "en", lemma[:-1] + "n"):  # verbessert <- verbessern
            if has_entry(verb, "VERB") or core_entry(verb, "VERB") is not None:
                return verb
    match = _PARTICIPLE.match(lemma)
    if match is None:
        return None
    prefix, stem = match["prefix"], match["stem"]
    for verb in (f"{prefix}{stem}en", f"{prefix}{stem}n", f"{prefix}ge{stem}en"):
        if has_entry(verb, "VERB"):
            return verb
    return _strong_participle_verb(lemma, prefix, stem)


def present_participle_verb(lemma: str) -> str | None:
    """The verb a present participle comes from (rotierend -> rotieren, andauernd -> andauern)."""
    if not lemma.endswith("end") or len(lemma) < 7:
        return None
    verb = lemma[:-1]
    return verb if has_entry(verb, "VERB") or core_entry(verb, "VERB") is not None else None


@functools.lru_cache(maxsize=1)
def _verbs_by_start() -> dict[str, tuple[str, ...]]:
    """The glossary's verbs by their first two letters (candidates for a participle)."""
    index: dict[str, list[str]] = defaultdict(list)
    raw = dictionary_lines()
    for head in headwords():
        if " " not in head and ("\nVERB\t" in "\n" + raw[head]):
            index[head[:2]].append(head)
    return {start: tuple(verbs) for start, verbs in index.items()}


@functools.lru_cache(maxsize=1024)
def _strong_participle_verb(lemma: str, prefix: str, stem: str) -> str | None:
    """Strong verbs change their vowel (gestiegen <- steigen): ablaut conjugates the verbs that
    could fit (same prefix, same first letter of the stem) and we keep the one whose
    participle is ``lemma``."""
    import ablaut

    start = (prefix + stem)[:2]
    for verb in _verbs_by_start().get(start, ()):
        if not verb.startswith(prefix) or verb[len(prefix) : len(prefix) + 1] != stem[:1]:
            continue
        try:
            if ablaut.conjugate(verb).past_participle == lemma:
                return verb
        except (ValueError, TypeError):
            continue
    return None
