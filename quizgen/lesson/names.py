"""The names of a text (persons, places, organisations, titles of works), kept out of the word list.

``name_spans`` finds them: the entities of the analysis, plus runs of STTS NE tokens the NER
missed, plus capitalised words the tagger took for common nouns that the text shows to be names;
``name_entries`` turns the spans into NameEntry records, one per name, in the text's spelling.

The rules, in order (``name_spans``):

1. An entity span is cut down to a name: a common noun before the name is a title and goes to
   the word list (``Bitkom-Handelsexpertin Julia Miosga`` -> ``Julia Miosga``); a span that
   runs on into a phrase ends before it (``Lufthansa für Aufsehen`` -> ``Lufthansa``, ``Sturm
   am Sonntag um 20 Uhr`` -> ``Sturm``); a hyphenated common noun (``K.-o.-Phase``,
   ``Oceana-Direktor``), a lone common noun, a lone abstract noun (``Privatisierung``) and a
   lone lower-case word are no name at all; a common noun that ends a span and that the text
   uses outside names is no part of it (``Griss Wahlprogramm`` -> ``Griss``).
2. A capitalised word tagged as a common noun is a name when the text says so: it opens the
   article as a dateline (``Traun -``); it stands after a noun naming its kind without an
   article of its own (``der Agrarkonzern Bunge``, ``die Gemeinde Pregarten``); it is a place
   (GeoNames, ``quizgen/data/place_names.txt.gz``) never used with an article and not a common
   noun with a gloss (``Greifswald``, ``Eisenstadt``); or neither the noun lexicon nor the
   dictionary knows it, no known noun or noun suffix ends it, it never has an article and
   news text uses it (wordfreq Zipf >= ``NAME_MIN_ZIPF``: ``Mitterlehner``). A town's -er word
   before a noun (``die Wiener Polizei``, ``das Kölner Stadion``) is part of a name.
3. One word is a name or a common noun in the whole text, never both: a word the noun lexicon
   lacks is a name everywhere once it is a name somewhere (``Greifswald``); a known noun is a
   name when it is one at least as often as not (``Standard`` for the newspaper, but
   ``Kommission``), and a person's surname always is (``Christian Kern``: ``Kern sagte``).
"""

from __future__ import annotations

import functools
import gzip
from collections import defaultdict
from collections.abc import Collection, Iterable
from importlib import resources
from typing import Any

from wordfreq import zipf_frequency

from quizgen.analysis import Analysis, Token
from quizgen.german.dictionary_senses import has_entry
from quizgen.german.nouns import is_known_noun, noun_lemmas_of_form
from quizgen.german.word_lists import NAME_PARTICLES, NUMBER_NOUNS, ORGANISATION_NOUNS, PLACE_NOUNS, QUOTE_MARKS
from quizgen.pack import NameEntry

NAME_TAGS = frozenset({"NE", "NNE"})
#: a word no lexicon knows is a name when news text uses it at least this often (Zipf)
NAME_MIN_ZIPF = 1.5
#: tags of the words that give a noun an article of its own (die, seine, diese, zwei, große, im)
DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PWAT", "PRELAT", "ADJA", "APPRART", "CARD"})
#: endings of German common nouns that no name has (Entstaatlichung, Schädiger is a verb's)
NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "sion", "ität", "ismus", "nis", "tum", "ling", "erei",
                 "ment", "anz", "enz", "ik", "ur", "ie", "ei", "ist", "ent", "ant", "eur", "ierer", "ler")
#: lower-case words a name may hold: its particles (von der Leyen) and the small words of the
#: names of institutions and works (Institut für Wärme, Times of London)
WORDS_INSIDE_NAMES = NAME_PARTICLES | frozenset(
    "del della dos das des el al y zum zur und für of the and for in im am an auf bei vom on at ibn bin ben "
    "op".split()
)
#: endings of abstract common nouns: a lone word with one is never a name (Privatisierung)
ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "schaft", "ität", "ismus")
DASHES = frozenset({"-", "–", "—"})
Span = tuple[int, int, str]


#: a name after one of these is a person's (Staatschef Xi Jinping, Präsidentin Maia Sandu)
_PERSON_TITLES = ("chef", "chefin", "präsident", "präsidentin", "minister", "ministerin", "kanzler",
                  "kanzlerin", "sprecher", "sprecherin", "diplomat", "diplomatin", "herr", "frau")


def name_spans(analysis: Analysis) -> list[Span]:
    """(start, end, type) of every name: the entities, STTS NE runs the NER missed and the
    words the text shows to be names, each cut down to the name (see the module's rules)."""
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
    plain_nouns = {t.lemma for t in analysis.tokens if t.tag == "NN" and t.i not in in_entity}
    spans = [cut for span in spans if (cut := _name_part(analysis, span, plain_nouns)) is not None]
    spans += _common_nouns_that_are_names(analysis, {i for a, b, _ in spans for i in range(a, b)})
    return _one_reading_per_word(analysis, sorted(spans))


def _is_common_noun(word: str) -> bool:
    """A word the noun lexicon or the dictionary lists as a common noun (Aufsehen, Phase)."""
    return is_known_noun(word) or bool(noun_lemmas_of_form(word)) or has_entry(word, "NOUN")


def is_common_noun_word(word: str) -> bool:
    """A capitalised word that is a common noun, as a word or as the last part of a hyphenated
    compound (Aufsehen, K.-o.-Phase, Oceana-Direktor), and no place."""
    if is_place(word):
        return False
    if "-" in word:  # iPad-Keyboard, 2:1-Sieg: the last part decides
        last = word.rsplit("-", 1)[1]
        return last[:1].isupper() and not _has_inner_capital(last) and _is_common_noun(last)
    return word[:1].isupper() and _is_common_noun(word)


def is_common_noun_token(tok: Token) -> bool:
    """``is_common_noun_word`` for a word the tagger took for a common noun, or for any
    hyphenated one (the tagger calls Oceana-Direktor a name)."""
    return (tok.tag == "NN" or "-" in tok.text) and is_common_noun_word(tok.text)


def _has_inner_capital(word: str) -> bool:
    return any(ch.isupper() for ch in word[1:])


def _name_part(analysis: Analysis, span: Span, plain_nouns: Collection[str] = ()) -> Span | None:
    """The span cut down to the name it holds, None when it holds none (rule 1). A common noun
    that ends a span and that the text uses outside names too is no part of it (``Griss
    Wahlprogramm`` -> ``Griss`` where the text has ``den Wahlprogrammen``); ``plain_nouns`` are
    the lemmas of the nouns outside the entities."""
    start, end, label = span
    tokens = analysis.tokens
    while start < end and ("/" in tokens[start].text or "://" in tokens[start].text):
        start += 1  # a web address before a name (pic.twitter.com/... Newman)
    for i in range(start, end):  # a phrase: the name ends before a number, a verb, a lower-case word
        tok = tokens[i]
        if i > start and (
            any(ch.isdigit() for ch in tok.text) or "/" in tok.text or tok.tag.startswith("V")
            or (tok.text[:1].islower() and tok.text not in WORDS_INSIDE_NAMES and not _has_inner_capital(tok.text))
        ):
            end = i
            break
    while end - start > 1:  # ... nor in a particle or a common noun after a particle (für Aufsehen)
        last = tokens[end - 1]
        if last.text in WORDS_INSIDE_NAMES or last.tag.startswith("$") or last.text in QUOTE_MARKS:
            end -= 1
        elif tokens[end - 2].text in WORDS_INSIDE_NAMES and last.tag == "NN" and _is_common_noun(last.text):
            end -= 2
        elif last.tag == "NN" and last.lemma in plain_nouns and is_common_noun_token(last):
            end -= 1
        else:
            break
    # A common noun before a name is a title (Bitkom-Handelsexpertin Julia Miosga).
    while end - start > 1 and is_common_noun_token(tokens[start]) and tokens[start + 1].text[:1].isupper():
        start += 1
        label = "PER" if label == "OTH" else label
    if end - start == 1:
        tok = tokens[start]
        if is_common_noun_token(tok) or len(tok.text) < 2 or not any(ch.isalpha() for ch in tok.text):
            return None
        if tok.text[:1].islower() and not _has_inner_capital(tok.text):
            return None  # valide, lower-case: no name
        if tok.text.lower().endswith(ABSTRACT_SUFFIXES) and is_common_noun_word(tok.text):
            return None  # Verstaatlichung, Privatisierung: no name, whatever the tagger says
    return start, end, label


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    path = resources.files("quizgen") / "data" / "place_names.txt.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return frozenset(line.rstrip("\n") for line in fh if line[:1] != "#")


def is_place(word: str) -> bool:
    """Whether GeoNames lists a town of that name (Greifswald; also Essen, Hof: ask the text too)."""
    return word in _places()


def is_place_word(word: str) -> bool:
    """A word made of a town's name with -er (Wiener, Kölner, Münchner, Grazer)."""
    if not word.endswith("er") or len(word) < 6:
        return False
    stem = word[:-2]
    places = (stem, stem + "en", stem[:-1] + "en" if stem.endswith("n") else stem)
    return any(is_place(p) for p in places)


def _place_adjective(analysis: Analysis, tok: Token) -> bool:
    """A town's -er word used before a noun, as German writes it with a capital (die Wiener
    Polizei): part of a name, not a word to learn. A person (ein Wiener) stays a noun."""
    if not is_place_word(tok.text):
        return False
    if tok.tag in ("ADJA", "ADJD"):
        return True
    after = analysis.tokens[tok.i + 1] if tok.i + 1 < len(analysis.tokens) else None
    return tok.tag == "NN" and after is not None and after.tag in ("NN", "NE") and after.sentence == tok.sentence


def _has_article(analysis: Analysis, tok: Token) -> bool:
    return tok.i > 0 and analysis.tokens[tok.i - 1].tag in DETERMINER_TAGS


def _kind_before(analysis: Analysis, tok: Token) -> str | None:
    """LOC or ORG when the word before names a kind of place or organisation (Gemeinde, -konzern)."""
    if tok.i == 0:
        return None
    before = analysis.tokens[tok.i - 1]
    if before.tag != "NN" or before.sentence != tok.sentence:
        return None
    word = before.lemma.lower()
    if word.endswith(PLACE_NOUNS) and not word.endswith(("wort", "ressort")):  # Wort, Antwort: no Ort
        return "LOC"
    if word.endswith(ORGANISATION_NOUNS):
        return "ORG"
    return None


def _dateline(analysis: Analysis) -> set[int]:
    """Tokens of a dateline: the place names that open the article before a dash (Traun -)."""
    found: set[int] = set()
    for i, tok in enumerate(analysis.tokens[:4]):
        if tok.text in DASHES and i > 0:
            return found
        if tok.text[:1].isupper() and tok.tag in ("NN", "NE"):
            found.add(i)
        elif tok.text != "/":
            return set()
    return set()


def _unknown_word_is_name(word: str) -> bool:
    """A word no lexicon knows, with no noun at its end, that news text uses (Mitterlehner)."""
    low = word.lower()
    if word in NUMBER_NOUNS or _is_common_noun(word) or has_entry(word) or has_entry(low) or low.endswith(NOUN_SUFFIXES):
        return False
    if low.endswith("er") and has_entry(low[:-2] + "en", "VERB"):  # Schädiger, Blockierer
        return False
    for cut in range(1, len(word) - 3):  # a compound of a known noun (Residual|form)
        head = word[cut:]
        if _is_common_noun(head[:1].upper() + head[1:]):
            return False
    return zipf_frequency(word, "de") >= NAME_MIN_ZIPF


def _common_nouns_that_are_names(analysis: Analysis, taken: set[int]) -> list[Span]:
    """Capitalised words tagged as common nouns that the text shows to be names (rule 2)."""
    by_word: dict[str, list[Token]] = defaultdict(list)
    spans: list[Span] = []
    for tok in analysis.tokens:
        if tok.i in taken or not tok.text[:1].isupper() or not tok.text.isalpha():
            continue
        if _place_adjective(analysis, tok):
            spans.append((tok.i, tok.i + 1, "OTH"))  # die Wiener Polizei, das Kölner Stadion
        elif tok.tag == "NN" and not (tok.text.lower().endswith(ABSTRACT_SUFFIXES) and _is_common_noun(tok.text)):
            by_word[tok.text].append(tok)
    dateline = _dateline(analysis)
    for word, occurrences in by_word.items():
        label: str | None = None
        if any(t.i in dateline for t in occurrences):
            label = "LOC"
        elif not any(_has_article(analysis, t) for t in occurrences):
            kinds = [k for t in occurrences if (k := _kind_before(analysis, t))]
            common = _is_common_noun(word) and (has_entry(word, "NOUN") or is_known_noun(word))
            if kinds:
                label = kinds[0]
            elif is_place(word) and not (common and has_entry(word)):
                label = "LOC"
            elif not common and _unknown_word_is_name(word):
                label = "OTH"
        if label is not None:
            spans += [(t.i, t.i + 1, label) for t in occurrences]
    return spans


def _one_reading_per_word(analysis: Analysis, spans: list[Span]) -> list[Span]:
    """A word is a name or a common noun throughout the text (rule 3)."""
    tokens = analysis.tokens
    as_name: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        if span[1] - span[0] == 1:
            as_name[tokens[span[0]].text].append(span)
    covered = {i for a, b, _ in spans for i in range(a, b)}
    # A person's surname is a name on its own too (Christian Kern ... Kern sagte), even where
    # the tagger took it for a common noun.
    surnames = {tokens[b - 1].text: (b - 1, b, label) for a, b, label in spans if label == "PER" and b - a >= 2}
    for word, span in surnames.items():
        as_name.setdefault(word, []).append(span)
    as_noun: dict[str, list[int]] = defaultdict(list)
    for tok in tokens:
        if tok.i not in covered and tok.tag == "NN" and tok.text in as_name:
            as_noun[tok.text].append(tok.i)
    dropped: set[Span] = set()
    added: list[Span] = []
    for word, nouns in as_noun.items():
        named = as_name[word]
        if not _is_common_noun(word) or word in surnames or len(named) >= len(nouns):
            added += [(i, i + 1, named[0][2]) for i in nouns]
        else:
            dropped.update(s for s in named if s[1] - s[0] == 1 and s not in surnames.values())
    return sorted([s for s in spans if s not in dropped] + added)


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
