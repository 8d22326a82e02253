"""How words of the text go into a question: case at a sentence start, asides, cut phrases,
and which words need the text around them (quotes, ``das``, ``hier``, first person)."""

from __future__ import annotations

from quizgen.analysis import Analysis
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.nlp.stts import PREPOSITION_TAGS

# Discourse adverbs that tie a clause to the text before it; a question leaves them out.
CONNECTIVES = frozenset(
    """aber jedoch allerdings zudem außerdem nun also daher deshalb deswegen trotzdem dennoch
    ebenfalls auch indes indessen hingegen zwar ja doch schließlich denn so dabei ferner
    immerhin freilich wiederum sodann nämlich natürlich eben halt übrigens""".split()
)
# Deictic adverbs: the question would not say where or when "hier" is.
DEICTIC = frozenset(
    {"hier", "dort", "da", "damals", "dahin", "dorthin", "hierzu", "heuer", "ich", "mein", "meine", "meinen",
     "meinem", "meiner", "meines", "wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "du",
     "dein", "deine", "euer", "eure", "mir", "mich", "dir", "dich"}
)
CLOSED_CLASS = PREPOSITION_TAGS | frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "KON", "ADV", "PPER", "PRF", "PIS", "PTKNEG", "KOKOM", "PTKA"})
# Tags that point into the context: das/dies, darauf/dabei, relative and w-words, conjunctions.
CONTEXT_TAGS = frozenset({"PDS", "PDAT", "PROAV", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT", "KOUS", "KOUI", "PTKANT", "ITJ", "XY", "FM"})


NP_OPENERS = PREPOSITION_TAGS | frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "ADJA"})
NP_INSIDE = frozenset({"ART", "ADJA", "ADJD", "ADV", "PIAT", "PIDAT", "PPOSAT", "PDAT", "CARD", "TRUNC", "KON", "PTKNEG"}) | PREPOSITION_TAGS
NP_CLOSERS = frozenset({"NN", "NE", "NNE", "CARD", "PIS", "PPER", "PDS", "PRF", "PPOSS"})


def dangling(tags: list[str]) -> bool:
    """True when a preposition, article or adjective is left without its noun (a cut phrase)."""
    open_np = False
    for k, tag in enumerate(tags):
        if tag in PREPOSITION_TAGS and k + 1 < len(tags) and tags[k + 1] in PREPOSITION_TAGS | {"KON"}:
            return True  # "auf und von X": a preposition whose object the analysis lost
        if tag in NP_CLOSERS:
            open_np = False
        elif tag in NP_OPENERS:
            open_np = True
        elif open_np and tag not in NP_INSIDE:
            return True
    return open_np


def misplaced_capital(analysis: Analysis, index: int) -> bool:
    """A capitalised preposition right after a noun: a headline glued to the text (``Kritik Bei PSG``)."""
    tok = analysis.tokens[index]
    if tok.tag not in PREPOSITION_TAGS or not tok.text[:1].isupper() or index == 0:
        return False
    prev = analysis.tokens[index - 1]
    return prev.sentence == tok.sentence and prev.tag in ("NN", "NE", "ADJA")


def word_text(analysis: Analysis, index: int) -> str:
    """A token as it is written inside a clause: a sentence-initial function word in lower case."""
    tok = analysis.tokens[index]
    sent = analysis.sentences[tok.sentence]
    first = sent.start
    while first < sent.end and (
        analysis.tokens[first].text in QUOTE_MARKS or analysis.tokens[first].tag.startswith("$") or analysis.tokens[first].text.isspace()
    ):
        first += 1
    if tok.tag in CLOSED_CLASS and tok.text[:1].isupper() and not tok.text.isupper() and tok.text.lower() != "sie":
        # closed-class words are capitalised only at a sentence start (or after a dateline)
        return tok.text[:1].lower() + tok.text[1:]
    if index == first and tok.tag in ("ADJA", "ADJD", "CARD") and tok.text[:1].isupper() and not tok.text.isupper():
        return tok.text[:1].lower() + tok.text[1:]
    return tok.text


def span_words(analysis: Analysis, start: int, end: int) -> str:
    """The text of tokens ``[start, end)`` with a sentence-initial function word lowered."""
    text = analysis.span_text(start, end)
    if end > start:
        first = word_text(analysis, start)
        text = first + text[len(first) :]
    return text


def parenthetical_tokens(analysis: Analysis, own: tuple[int, ...]) -> set[int]:
    """Tokens inside (and including) round brackets: a question leaves asides out."""
    out: set[int] = set()
    opened: int | None = None
    for i in own:
        text = analysis.tokens[i].text
        if text == "(":
            opened = i
        elif text == ")" and opened is not None:
            out.update(range(opened, i + 1))
            opened = None
    return out
