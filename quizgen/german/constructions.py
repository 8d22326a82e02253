"""The sense a construction gives a word: Gespräche führen, in Kraft treten, hieß es, etwa 300.

A word's sense often follows from the words around it rather than from the word alone:
führen is "to hold" in Gespräche führen, erklären is "to state" when it introduces what
someone said, etwa is "about" before a number and "for example" elsewhere, immer is "still"
in noch immer. ``quizgen/data/core_phrases.tsv`` lists such constructions of news German,
written by the project like the core glossary (and under the project's licence). Columns:

``lemma  pos  pattern  english  phrase``

- ``lemma``, ``pos``: the word the row glosses, as the vocabulary list writes it;
- ``pattern``: what must stand around it (below);
- ``english``: the gloss of the word in the construction ("to hold talks");
- ``phrase``: the German construction shown after the gloss ("Gespräche führen"); may be empty.

A pattern with ``~`` is a *sequence*: its items stand next to each other, ``~`` being the
word itself (``noch ~``: noch immer; ``~ <num>``: etwa 300). A pattern without ``~`` is a
*set*: every item stands somewhere in the word's clause (``in_Kraft``: the two words in a row,
anywhere in the clause, as the verb moves in a German clause). Items:

- a word: a token whose lemma or form it is; a capitalised word (a noun) also matches a
  compound that ends in it (Gespräch: Friedensgespräche); ``a|b`` is either;
- ``<num>``: a number (300, drei, Millionen, Hälfte); ``<cmp>``: a comparative (mehr, höher);
  ``<adj>``: an attributive adjective (nach eigenen Angaben);
- in a set, a noun never matches the clause's subject (Gespräche führen, not "die Gespräche
  führten zu nichts"), unless written ``@Noun``, which matches only the subject (die
  Entscheidung fiel);
- ``=speech``: the word is the verb of a clause that reports what someone said (a dass-clause,
  a quotation or a Konjunktiv clause goes with it, or it follows the quotation);
- ``!word``: the word must *not* be in the clause (``=speech !wie``: not erklären, wie ...).

Of the rows that match, the one that asks for the most words wins; ties go to the earlier row. Rows
are for the senses a learner would otherwise get wrong, not for every collocation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from quizgen.analysis import Analysis, Clause
from quizgen.german.verb_lexicon import SPEECH_VERBS
from quizgen.german.word_lists import CARDINALS, NUMBER_NOUNS, QUOTE_MARKS

SOURCE = "Quizgen news constructions (the project's own, hand-written)"
POS_VALUES = frozenset({"NOUN", "VERB", "ADJ", "ADV"})

#: words that count like a number after etwa, rund, knapp: the cardinals, fractions and the counting
#: nouns (etwa Hunderte); ein only before one of them (etwa ein Drittel, not etwa ein Parteiausschluss)
COUNT_WORDS = (
    CARDINALS
    | frozenset("""dutzend hälfte drittel viertel fünftel zehntel doppelt doppelte halb halbe""".split())
    | frozenset(w.lower() for w in NUMBER_NOUNS)
)
COMPARATIVE_WORDS = frozenset({"mehr", "weniger", "über", "unter"})
#: how the placeholders of a pattern are shown to a learner
_PLACEHOLDERS = {"<num>": "+ number", "<cmp>": "+ comparative", "<adj>": "+ adjective"}
#: what a w-clause after a verb of saying makes it: erklären, wie ... explains; sagen, was ...
QUESTION_SUBORDINATORS = frozenset({"wie", "warum", "weshalb", "wieso", "was", "wodurch", "womit", "wozu", "ob"})


@dataclass(frozen=True)
class Occurrence:
    """Where a word stands: its sentence's words in order (lower-case forms, lemmas, STTS tags,
    comparative flags), the word's own positions (a verb's finite form, participle and
    particle), the span of its clause and whether that clause reports speech."""

    forms: tuple[str, ...]
    lemmas: tuple[str, ...]
    tags: tuple[str, ...]
    at: tuple[int, ...]
    clause: tuple[int, int]
    speech: bool = False
    comparative: tuple[bool, ...] = ()
    deps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Construction:
    """One row of the table: the word, the pattern's items, its English sense there and the
    German phrase shown with it."""

    lemma: str
    pos: str
    items: tuple[str, ...]
    sequence: bool
    english: str
    phrase: str

    @property
    def note(self) -> str:
        """What a word list says beside the gloss: the construction it comes from."""
        return self.shown if "=speech" in self.items else f"in the construction {self.shown}"

    @property
    def shown(self) -> str:
        """The construction as a learner is shown it: the row's phrase, else its pattern in
        words (etwa + number; introducing what someone said)."""
        if self.phrase:
            return self.phrase
        if "=speech" in self.items:
            return "introducing what someone said"
        words = []
        for item in self.items:
            if item.startswith("!"):
                continue
            choices = item.removeprefix("@").replace("_", " ").split("|")
            word = "/".join(choices[:2]) + (" ..." if len(choices) > 2 else "")
            words.append(_PLACEHOLDERS.get(word, self.lemma if word == "~" else word))
        if not self.sequence:
            return " + ".join([self.lemma, *words])
        return " ".join(words).replace(" ,", ",")


def parse_line(line: str) -> Construction | None:
    """One TSV line as a construction; None for comments and blank lines; ValueError when malformed."""
    if not line.strip() or line.startswith("#"):
        return None
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 5:
        raise ValueError(f"{len(fields)} columns, not 5: {line.strip()!r}")
    lemma, pos, pattern, english, phrase = (f.strip() for f in fields)
    if pos not in POS_VALUES:
        raise ValueError(f"unknown part of speech {pos!r}: {line.strip()!r}")
    items = tuple(pattern.split())
    if not items or not english:
        raise ValueError(f"no pattern or no English: {line.strip()!r}")
    if items.count("~") > 1:
        raise ValueError(f"more than one ~: {line.strip()!r}")
    return Construction(lemma, pos, items, "~" in items, english, phrase)


@functools.lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[Construction, ...]]:
    found: dict[tuple[str, str], list[Construction]] = {}
    path = resources.files("quizgen") / "data" / "core_phrases.tsv"
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            row = parse_line(line)
            if row is not None:
                found.setdefault((row.lemma, row.pos), []).append(row)
    return {key: tuple(rows) for key, rows in found.items()}


def all_constructions() -> tuple[Construction, ...]:
    return tuple(row for rows in _table().values() for row in rows)


def constructions_of(lemma: str, pos: str) -> tuple[Construction, ...]:
    table = _table()
    rows = table.get((lemma, pos), ())
    if not rows and pos in ("ADJ", "ADV"):
        rows = table.get((lemma, "ADV" if pos == "ADJ" else "ADJ"), ())
    if not rows and pos == "PROPN":
        rows = table.get((lemma, "NOUN"), ())
    return rows


def _word_matches(item: str, occurrence: Occurrence, i: int) -> bool:
    form, lemma = occurrence.forms[i], occurrence.lemmas[i]
    if item == "<num>":
        return occurrence.tags[i] == "CARD" or form in COUNT_WORDS or form[:1].isdigit()
    if item == "<adj>":
        return occurrence.tags[i] == "ADJA"
    if item == "<cmp>":
        return form in COMPARATIVE_WORDS or (bool(occurrence.comparative) and occurrence.comparative[i])
    for choice in item.split("|"):
        word = choice.lower()
        if form == word or lemma == word:
            return True
        if (choice[:1].isupper() and len(word) >= 4 and lemma.endswith(word) and len(lemma) - len(word) >= 4
                and occurrence.tags[i] == "NN"):
            return True  # a compound ending in the noun: Friedensgespräche (not Antwort, Vorwort)
    return False


def _sequence_at(items: tuple[str, ...], occurrence: Occurrence, start: int) -> bool:
    if start < 0 or start + len(items) > len(occurrence.forms):
        return False
    return all(item == "~" and start + k in occurrence.at or item != "~" and _word_matches(item, occurrence, start + k)
               for k, item in enumerate(items))


SUBJECT_DEPS = frozenset({"nsubj"})


def _in_clause(item: str, occurrence: Occurrence) -> bool:
    """Does the item (words in a row joined by _, alternatives by |) stand in the word's clause?"""
    subject = item.startswith("@")
    return any(_words_in_clause(choice.split("_"), subject, occurrence) for choice in item.removeprefix("@").split("|"))


def _words_in_clause(words: list[str], subject: bool, occurrence: Occurrence) -> bool:
    start, end = occurrence.clause
    own = set(occurrence.at)
    for i in range(start, end - len(words) + 1):
        if any(i + k in own for k in range(len(words))):
            continue  # the word itself does not stand in for a cue (erklären's own "erklärt")
        if not all(_word_matches(w, occurrence, i + k) for k, w in enumerate(words)):
            continue
        if len(words) == 1 and words[0][:1].isupper() and occurrence.deps:
            # a noun alone: the object of the construction, or with @ its subject
            if (occurrence.deps[i] in SUBJECT_DEPS) != subject:
                continue
        return True
    return False


def matches(row: Construction, occurrence: Occurrence) -> bool:
    """Does the construction stand around the word?"""
    if row.sequence:
        offset = row.items.index("~")
        return any(_sequence_at(row.items, occurrence, at - offset) for at in occurrence.at)
    for item in row.items:
        if item == "=speech":
            if not occurrence.speech:
                return False
        elif item.startswith("!"):
            if _in_clause(item[1:], occurrence):
                return False
        elif not _in_clause(item, occurrence):
            return False
    return True


def construction_for(lemma: str, pos: str, occurrence: Occurrence) -> Construction | None:
    """The construction the word stands in, if the table has one for it.

    A reflexive verb (sich stellen) takes its own rows, then those of the plain verb (sich in
    Szene setzen); a plain verb never takes a reflexive row (stellte das Auto hinter das Haus
    is not sich hinter jdn. stellen)."""
    spellings = [lemma, lemma.removeprefix("sich ")] if lemma.startswith("sich ") else [lemma]
    for spelling in spellings:
        best: Construction | None = None
        for row in constructions_of(spelling, pos):
            if matches(row, occurrence) and (best is None or _weight(row) > _weight(best)):
                best = row
        if best is not None:
            return best
    return None


def _weight(row: Construction) -> int:
    """How much of the sentence a row asks for: its words (zum_Schluss two, ~ one), so zum
    Schluss kommen wins over es kommt zu in "sollte es zum Schluss kommen"."""
    return sum(max(len(choice.split("_")) for choice in item.split("|")) for item in row.items)


# --- reading an analysed sentence --------------------------------------------------------------


def occurrence_in(analysis: Analysis, tokens: tuple[int, ...]) -> Occurrence:
    """The Occurrence of the word at ``tokens`` (token indices of one sentence) in ``analysis``."""
    first = analysis.tokens[tokens[0]]
    sentence = analysis.sentences[first.sentence]
    words = analysis.tokens[sentence.start : sentence.end]
    clause = _clause_of(analysis, tokens)
    span = (clause.start - sentence.start, clause.end - sentence.start) if clause else (0, len(words))
    speech = clause is not None and any(i in clause.verb_tokens for i in tokens) and _reports_speech(analysis, clause)
    return Occurrence(
        forms=tuple(t.text.lower() for t in words),
        lemmas=tuple(t.lemma.lower() for t in words),
        tags=tuple(t.tag for t in words),
        at=tuple(i - sentence.start for i in tokens if sentence.start <= i < sentence.end),
        clause=span,
        speech=speech,
        comparative=tuple(t.feat("Degree") == "Cmp" for t in words),
        deps=tuple(t.dep for t in words),
    )


def _clause_of(analysis: Analysis, tokens: tuple[int, ...]) -> Clause | None:
    """The clause whose verb the word is, else the smallest clause around it."""
    sentence = analysis.tokens[tokens[0]].sentence
    clauses = analysis.clauses_in(sentence)
    for clause in clauses:
        if any(i in clause.verb_tokens for i in tokens):
            return clause
    around = [c for c in clauses if c.start <= tokens[0] < c.end]
    return min(around, key=lambda c: c.end - c.start) if around else None


def _reports_speech(analysis: Analysis, clause: Clause) -> bool:
    """Does the clause's verb introduce what someone said? Its object is no noun (erklärte
    die Regeln explains), no w-clause follows (erklärte, wie ...), and the said stands with
    it: a dass-clause or a Konjunktiv main clause after it, a quotation in the sentence, a
    colon after it, or the clause follows a comma with its verb first (..., erklärte er)."""
    toks = analysis.tokens
    if any(toks[p.head].tag in ("NN", "NE") for p in clause.acc_objects):
        return False
    if clause.mood == "Sub":
        return False  # the clause is itself what was said (habe über die Krise gesprochen)
    sentence = analysis.sentences[clause.sentence]
    later = sorted((c for c in analysis.clauses_in(clause.sentence) if c.start >= clause.end), key=lambda c: c.start)
    nxt = later[0] if later else None
    if nxt is not None and (nxt.subordinator or "").lower() in QUESTION_SUBORDINATORS and nxt.start - clause.end <= 2:
        return False
    if nxt is not None and nxt.start - clause.end <= 2:
        # a Konjunktiv clause after it is what was said, even where the parser took it for a
        # relative clause (erklärte, die Gespräche seien gescheitert: "die" as a pronoun)
        if (nxt.subordinator or "").lower() == "dass" or nxt.mood == "Sub":
            return True
    if clause.end < sentence.end and toks[clause.end].text == ":":
        return True
    if any(toks[i].text in QUOTE_MARKS for i in range(sentence.start, sentence.end)):
        return True
    before = toks[clause.start - 1].text if clause.start > sentence.start else ""
    verb_first = clause.finite_verb is not None and clause.finite_verb == clause.start
    if before in (",", *QUOTE_MARKS) and verb_first and clause.kind == "main":
        return True
    # wie X erklärte, ...: "as X said"
    return (clause.subordinator or "").lower() == "wie" and clause.verb_lemma.removeprefix("sich ") in SPEECH_VERBS
