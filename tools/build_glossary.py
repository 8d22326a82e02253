"""Build quizgen/data/glossary.tsv.gz, a compact German->English glossary, from Ding.

Source: the Ding dictionary by Frank Richter, TU Chemnitz (Debian package ``trans-de-en``,
file /usr/share/trans/de-en), GPL version 2 or later. The output is a derived work under the
same licence; its header says so.

Usage: python tools/build_glossary.py [--source /usr/share/trans/de-en] OUT.tsv.gz

Ding lines look like ``etw. ankündigen; bekanntgeben {vt} | ankündigend | ... :: to announce
sth. | announcing | ...``: the first ``|`` part on each side is the sense; the rest are forms
and phrases, which we drop. Every headword Ding has that is one word (or ``sich`` and one word)
is kept, with every sense: the sentence chooses among them at run time. Each sense has its
part of speech, its domain labels ([pol.], [mil.] ...) and a prior score: a weighted sum of
the features of its Ding line (``line_senses`` and ``candidates``: its rank among the lines
on which the headword comes first, where Ding lists the main sense first; the headword's place
among the German alternatives; how common the English is (wordfreq, English); how many of
Ding's pairs agree on it; a cognate; register labels such as [obs.] or [slang]). The weights
(WEIGHTS) are fitted on the core glossary by tools/fit_glossary_prior.py: with them Ding's first
sense is the core glossary's first sense for 87% of the core's words in two-fold
cross-validation, against 80% with the hand-set weights before. quizgen.german.glossary adds
the sentence and the article at run time. The project's own core
glossary (quizgen/data/core_glossary.tsv) comes before all of this for the most frequent words.
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

from wordfreq import zipf_frequency


DEFAULT_SOURCE = Path("/usr/share/trans/de-en")
MAX_LINE_RANK = 4
MAX_ENGLISH_ZIPF = 4.6  # above this, English frequency says nothing more about the sense
MAX_GLOSS_ALTS = 2
MAX_CUES = 3
CUE_MIN_ZIPF = 3.0  # rarer words never turn up in news
CUE_MAX_ZIPF = 5.0  # more frequent ones (wird, dass, lassen) point nowhere

#: Ding part-of-speech marks -> UPOS-like classes used by quizgen.german.glossary
POS_CLASSES = {
    "m": "NOUN", "f": "NOUN", "n": "NOUN", "pl": "NOUN", "mf": "NOUN",
    "v": "VERB", "vt": "VERB", "vi": "VERB", "vr": "VERB", "vti": "VERB",
    "adj": "ADJ", "adv": "ADV", "prp": "ADP", "conj": "CCONJ", "pron": "PRON", "art": "DET",
    "num": "NUM", "interj": "INTJ",
}  # fmt: skip

#: labels that say how or where a word is used, not what field it belongs to
REGIONAL = {
    "Br.", "Am.", "eAm.", "Ös.", "Schw.", "Dt.", "Bayr.", "Norddt.", "Süddt.", "Mitteldt.",
    "Westdt.", "Ostdt.", "Mittelwestdt.", "BW", "NZ", "Austr.", "Sc.", "Can.", "Ir.",
}  # fmt: skip
MILD_REGISTER = {"ugs.", "coll.", "geh.", "formal", "übtr.", "fig."}
STRONG_REGISTER = {
    "pej.", "slang", "rare", "dated", "veraltet", "selten", "obs.", "alt", "archaic", "veraltend",
    "altertümlich", "vulg.", "humor.", "poet.", "iron.", "euphem.", "Sprw.", "prov.",
    "former name", "Kindersprache", "Jägersprache", "tm", "Jugendsprache", "stud.",
}  # fmt: skip

_BRACES = re.compile(r"\{([^}]*)\}")
_LABELS = re.compile(r"\[([^\]]*)\]")
_STRIP = re.compile(r"\{[^}]*\}|\[[^\]]*\]|<[^>]*>|/[^/]*/")
_PARENS = re.compile(r"\([^()]*\)")
_ABBREVIATION = re.compile(r"\s/[^/]{1,24}/(?=\s|;|$)")
# Object slots in front of a verb, with or without a preposition: "etw.", "jdm. etw.", "auf etw."
_OBJECTS = re.compile(
    r"^(?:(?:(?!sich\s)[a-zäöü]{2,5}\s+)?(?:etw|jdn|jdm|jds|jd)\.(?:/(?:etw|jdn|jdm|jds)\.)*\s+)+"
)
_ENGLISH_OBJECTS = re.compile(r"\s+(?:sth|sb|sb\./sth|sth\./sb)\.(?=\s|$)")
_WORD = re.compile(r"^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß-]*$")


def _split_top(text: str) -> list[str]:
    """Split at ``;`` outside parentheses: ``to chuckle (at; over)`` stays one alternative."""
    parts, depth, current = [], 0, []
    for ch in text:
        depth += (ch in "({[") - (ch in ")}]")
        if ch == ";" and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _clean_english(alt: str) -> str:
    text = _STRIP.sub("", alt)
    while _PARENS.search(text):
        text = _PARENS.sub("", text)
    text = _ENGLISH_OBJECTS.sub("", " " + text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,.")


def _english_score(gloss: str) -> float:
    words = gloss.removeprefix("to ").strip()
    return min(zipf_frequency(words, "en"), MAX_ENGLISH_ZIPF) if words else 0.0


def _headword(alt: str) -> tuple[str | None, bool]:
    """The bare headword of one German alternative and whether it had a qualifier in front."""
    text = _STRIP.sub("", alt).strip()
    qualified = text.startswith("(")
    while _PARENS.search(text):
        text = _PARENS.sub("", text)
    text = _OBJECTS.sub("", re.sub(r"\s+", " ", text).strip())
    if text.startswith("sich "):  # sich etw. leisten -> sich leisten
        text = "sich " + _OBJECTS.sub("", text.removeprefix("sich "))
    words = text.split()
    if len(words) == 1 and _WORD.match(words[0]):
        return words[0], qualified
    if len(words) == 2 and words[0] == "sich" and _WORD.match(words[1]):
        return text, qualified
    return None, qualified


_EN_STOP = frozenset("to the a an of be sth sb one one's oneself in on at for with by from as and or up out".split())


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-zäöüß]+", _STRIP.sub("", text).lower())}


def translation_votes(source: Path) -> dict[str, dict[str, int]]:
    """How often each English word translates a German word across all of Ding's pairs.

    Every ``|`` part of a line pairs a German phrase with its English one; a sense whose
    English words come up again and again for the headword (``sagen`` ... ``say``) is a main
    sense, one that appears once (``sagen`` ... ``tell; share with``) is a side sense.
    """
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or " :: " not in line:
                continue
            german, english = line.rstrip("\n").split(" :: ", 1)
            pairs = set()  # one vote per line, however many phrases repeat the pair
            for de_part, en_part in zip(german.split(" | "), english.split(" | ")):
                en_words = _tokens(en_part) - _EN_STOP
                pairs.update((d, e) for d in _tokens(de_part) for e in en_words)
            for de_word, en_word in pairs:
                votes[de_word][en_word] += 1
    return votes


def _pos_class(marks: list[str]) -> str | None:
    for mark in marks:
        for piece in mark.replace(",", " ").split():
            if piece in POS_CLASSES:
                return POS_CLASSES[piece]
    return None


_DE_STOP = frozenset(
    "der die das den dem des ein eine einen einem einer eines und oder von vom zu zum zur mit aus "
    "auf für bei nach über unter vor sich etw jdn jdm jds nicht sein haben werden eine".split()
)


_PREPOSITION_SLOT = re.compile(
    r"^(?:sich\s+)?(?:(?:etw|jdn|jdm|jds)\.\s+)*(?!sich\s)([a-zäöü]{2,5})\s+(?:etw|jdn|jdm|jds|jd)\.\s"
)


def _preposition(alt: str) -> str | None:
    """The preposition a verb sense takes (``mit etw. rechnen`` -> mit): a cue ``+mit``."""
    text = _STRIP.sub("", alt).strip()
    while _PARENS.search(text):
        text = _PARENS.sub("", text)
    match = _PREPOSITION_SLOT.match(re.sub(r"\s+", " ", text).strip() + " ")
    return match.group(1) if match else None


def _cues(german: str, head: str) -> tuple[str, ...]:
    """Words of the German side (synonyms first, then phrase words) other than the headword."""
    words = re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", _STRIP.sub(" ", german))
    own = head.removeprefix("sich ").lower()
    cues = []
    for word in dict.fromkeys(w.lower() for w in words):
        # Skip the headword's own forms (angekündigt) and rare words that never turn up in news.
        if word in _DE_STOP or own[2:6] in word or not CUE_MIN_ZIPF <= zipf_frequency(word, "de") <= CUE_MAX_ZIPF:
            continue
        if any(word[:4] == c[:4] for c in cues):
            continue
        cues.append(word)
    return tuple(cues[:MAX_CUES])


#: the features of a sense (see ``line_senses``) and their weights in the prior, fitted by
#: tools/fit_glossary_prior.py on the project's core glossary (a listwise logistic model: which of
#: a headword's Ding senses is the core glossary's first sense); the test set plays no part
FEATURES = (
    "english", "english_first", "richness", "support", "wordiness", "position", "later_alt",
    "alternatives", "domain", "mild", "strong", "qualified", "own_rank", "not_own", "file_rank",
    "english_note", "english_alts", "cognate", "lines",
)  # fmt: skip
WEIGHTS = {
    "english": 0.60, "english_first": 0.48, "richness": 3.78, "support": 1.37, "wordiness": -0.44,
    "position": -0.21, "later_alt": -0.52, "alternatives": 0.06, "domain": -0.04, "mild": -0.07,
    "strong": 0.17, "qualified": -0.17, "own_rank": -0.41, "not_own": -0.40, "file_rank": -0.10,
    "english_note": -0.24, "english_alts": 0.22, "cognate": 1.70, "lines": -0.09,
}  # fmt: skip


def _similarity(german: str, english: str) -> float:
    """How alike a German word and an English one are (Forum/forum, Partnerschaft/partnership)."""
    a, b = german.lower().removeprefix("sich "), english.lower().removeprefix("to ").split(" ")[0]
    if not a or not b:
        return 0.0
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common / max(len(a), len(b))


def line_senses(
    line: str, votes: dict[str, dict[str, int]] | None = None
) -> list[tuple[str, str, tuple[str, ...], dict[str, float], str, tuple[str, ...]]]:
    """The senses of one Ding line: (headword, pos, domains, features, gloss, cues) per headword.

    The features say how likely the sense is the headword's main one; ``build`` adds the
    features that need all of a headword's lines (own_rank, not_own, file_rank, lines)."""
    if line.startswith("#") or " :: " not in line:
        return []
    german, english = line.rstrip("\n").split(" :: ", 1)
    de_first, en_first = german.split(" | ")[0], english.split(" | ")[0]
    en_first = _ABBREVIATION.sub("", en_first)  # "height /h; ht/": the ; is not a new sense
    all_glosses = [g for g in (_clean_english(a) for a in _split_top(en_first)) if g]
    glosses = list(dict.fromkeys(all_glosses))[:MAX_GLOSS_ALTS]
    if not glosses:
        return []
    gloss = "; ".join(glosses)
    english = max(_english_score(g) for g in glosses)
    alts = _split_top(de_first)
    # Main senses come with forms and example phrases; rare ones often stand alone.
    richness = 0.1 * min(german.count(" | "), 5)
    # "garms; gear (clothes)": a note on the English side narrows the sense down.
    english_note = float(bool(_PARENS.search(_LABELS.sub("", _BRACES.sub("", en_first)))))
    senses = []
    for position, alt in enumerate(alts):
        head, qualified = _headword(alt)
        if head is None:
            continue
        # A brace mark after a later alternative applies to the whole group (``a; b {vt}``).
        marks = _BRACES.findall(alt) or [m for later in alts[position:] for m in _BRACES.findall(later)][:1]
        pos = _pos_class(marks)
        if pos is None:
            continue
        # A label inside one alternative is that word's; labels after the last alternative
        # (``a; b {vt} [pol.]``) and on the English side belong to the whole sense.
        # When every alternative carries its own mark (``kämpfen {vi}; streiten {vi} [veraltet]``)
        # the last one's labels are its own too.
        own_marks = len(alts) > 1 and bool(_BRACES.search(alts[0]))
        group = [] if own_marks or alt is alts[-1] else _LABELS.findall(alts[-1])
        # Labels inside braces belong to irregular forms ({wrought [archaic]}), not the sense.
        labels = _LABELS.findall(alt) + group + _LABELS.findall(_BRACES.sub("", en_first))
        domains = tuple(sorted({lab for lab in labels if lab not in REGIONAL | MILD_REGISTER | STRONG_REGISTER}))
        support = 0.0
        if votes is not None:
            bucket = votes.get(head.removeprefix("sich ").lower(), {})
            counts = [bucket.get(w, 0) for g in glosses for w in _tokens(g) - _EN_STOP]
            support = math.log2(1 + max(counts, default=0))
        features = {
            "english": english,
            "english_first": _english_score(glosses[0]),
            "richness": richness,
            "support": support,
            # The core sense is usually said in one word: "to work", not "to be in work".
            "wordiness": float(min(len(glosses[0].removeprefix("to ").split()) - 1, 4)),
            "position": float(min(position, 3)),
            "later_alt": float(position > 0),
            "alternatives": float(min(len(alts) - 1, 5)),
            "domain": float(bool(domains)),  # a field label ([soc.] on "to visit sb.") is no rarity
            "mild": float(any(lab in MILD_REGISTER for lab in labels)),
            "strong": float(any(lab in STRONG_REGISTER for lab in labels)),
            "qualified": float(qualified),
            "english_note": english_note,
            "english_alts": float(min(len(all_glosses), 6)),
            "cognate": max(_similarity(head, g) for g in glosses),
        }
        cues = _cues(german, head)
        preposition = _preposition(alt) if pos == "VERB" else None
        if preposition:
            cues = (f"+{preposition}", *cues[: MAX_CUES - 1])
        senses.append((head, pos, domains, features, gloss, cues))
    return senses


def prior(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """How likely a sense is its headword's main one, before the sentence is seen."""
    weights = WEIGHTS if weights is None else weights
    return sum(weights[name] * features.get(name, 0.0) for name in FEATURES)


def candidates(source: Path) -> dict[tuple[str, str], list[tuple[str, tuple[str, ...], tuple[str, ...], dict[str, float]]]]:
    """(headword, pos) -> every (gloss, domains, cues, features) of its Ding lines, in file order.

    Ding's file is sorted by a line's first German word: the lines on which the headword comes
    first are its own entry, where Ding lists the main sense first (own_rank counts them)."""
    votes = translation_votes(source)
    found: dict[tuple[str, str], list[tuple[str, tuple[str, ...], tuple[str, ...], dict[str, float]]]] = defaultdict(list)
    lines_seen: dict[tuple[str, str], int] = defaultdict(int)
    own_seen: dict[tuple[str, str], int] = defaultdict(int)
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            for head, pos, domains, features, gloss, cues in line_senses(line, votes):
                key = (head, pos)
                features["file_rank"] = float(min(lines_seen[key], MAX_LINE_RANK))
                lines_seen[key] += 1
                own = features["position"] == 0 and not features["qualified"]
                features["own_rank"] = float(min(own_seen[key], MAX_LINE_RANK)) if own else 0.0
                features["not_own"] = float(not own)
                own_seen[key] += own
                found[key].append((gloss, domains, cues, features))
    for senses in found.values():
        repeats: dict[str, int] = defaultdict(int)
        for gloss, _domains, _cues, _features in senses:
            for word in _tokens(gloss) - _EN_STOP:
                repeats[word] += 1
        for gloss, _domains, _cues, features in senses:
            # The same English on several of the headword's lines is its main sense.
            features["lines"] = math.log2(max((repeats[w] for w in _tokens(gloss) - _EN_STOP), default=1))
    return found


def build(source: Path, weights: dict[str, float] | None = None) -> list[str]:
    rows = []
    for (head, pos), lines in sorted(candidates(source).items()):
        # Every headword Ding has, rare compounds included: they are what learners look up.
        by_gloss: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {}
        for gloss, domains, cues, features in lines:
            value = round(prior(features, weights), 2)
            if gloss not in by_gloss or by_gloss[gloss][0] < value:
                by_gloss[gloss] = (value, domains, cues)
        ranked = sorted(by_gloss.items(), key=lambda item: -item[1][0])  # every sense: the sentence chooses
        for gloss, (value, domains, cues) in ranked:
            if len(ranked) == 1:
                cues = ()  # nothing to choose between
            rows.append(f"{head}\t{pos}\t{','.join(domains)}\t{value:.1f}\t{gloss}\t{' '.join(cues)}")
    return rows


HEADER = """\
# quizgen glossary: German -> English, derived from the Ding dictionary
# Source: Ding de-en (Frank Richter, TU Chemnitz, https://dict.tu-chemnitz.de/), Debian package trans-de-en
# Licence: GNU General Public License version 2 or later (GPL-2.0-or-later), like its source
# Built by tools/build_glossary.py; columns: headword, pos, domains, prior, gloss, cues
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"{args.source} is missing: install it with `apt-get install -y trans-de-en`.", file=sys.stderr)
        return 1
    version = args.source.open(encoding="utf-8").readline().strip("# \n")
    rows = build(args.source)
    # No time and no file name in the gzip header: rebuilds of the same source are byte-identical.
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write((HEADER + f"# Ding {version}\n" + "\n".join(rows) + "\n").encode("utf-8"))
    print(f"{len(rows)} senses, {len({r.split(chr(9))[0] for r in rows})} headwords -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
