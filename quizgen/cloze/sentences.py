"""Which sentences may carry a gap: whole German sentences a learner understands on their own.

A gap is fair only in a sentence that stands by itself (the teacher's rubric): never in a piece
of a quote that runs over several sentences ("Alles geht voran, ___ sich." has no speaker),
never in a sentence that leans on the one before (Dabei ..., Er ..., Das sei ...), nor in an
English tweet quoted in the article, a heading or a fragment without a finite verb, nor a
sentence with a heading glued on or an ending error of its own (quizgen.text.article_checks).
Content-word gaps (open, choice, word bank) ask more: the sentence must say enough to rule out other words,
so it has at least ``CONTENT_MIN_WORDS`` words, is not a quote without its speaker and has no
pronoun (er, ihm, sein ...) whose person it does not name itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.analysis import Analysis, Sentence, Token
from quizgen.german.word_lists import DOUBLE_QUOTES
from quizgen.text.article_checks import agreement_slip, glued_on

MIN_WORDS = 5
CONTENT_MIN_WORDS = 8
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"})
OPEN_ONLY = frozenset({"„", "»"})
# Words that start a sentence which points back to the one before it: connectives and
# pronominal adverbs always, pronouns unless the sentence names a person itself (Sein Ziel sei
# es, ..., so Wang).
CONNECTIVE_STARTS = frozenset(
    "dies diese dieser dieses diesem diesen dabei damit dazu daher darum deshalb deswegen dafür "
    "dagegen darauf daraufhin darin davon danach davor dadurch darüber dort dorthin denn doch aber "
    "und oder sondern zudem außerdem allerdings trotzdem dennoch so ebenfalls stattdessen "
    "hingegen jedoch demnach dann seitdem solche solcher solches beide beiden jene jener jenes "
    "letzterer ersterer derselbe dieselbe dasselbe ebenso genauso gleichzeitig zugleich immerhin "
    "welche welcher welches".split()
)
# Pronominal adverbs (darauf, dahinter, damit ...) point back to something named before.
PRONOMINAL_ADVERB = re.compile(
    r"^dar?(an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|über|um|unter|von|vor|zu|zwischen)$"
)
PRONOUN_STARTS = frozenset(
    "er sie es ihm ihn ihr ihnen sein seine seinen seinem seiner seines ihre ihren ihrem ihrer "
    "ihres wir uns unser unsere ich mir mich mein meine".split()
)
# "Das ist ...", "Die sind ...": a demonstrative pronoun before the verb points back as well.
DEMONSTRATIVES = frozenset("das der die dem den denen deren dessen".split())
# Pronouns that name a person the sentence must name itself ("Zuvor hatte er gesagt").
PERSON_PRONOUNS = frozenset("er ihm ihn sein seine seinen seinem seiner seines".split())
ENGLISH_WORDS = frozenset(
    "the and is are was were of to that it for on with we you they this have has will be at by from "
    "what when our my your good thanks more not but or an which would can all just".split()
)


@dataclass(frozen=True)
class SentenceUse:
    """What one sentence may carry."""

    index: int
    any_gap: bool  # a grammar gap (article, ending, verb form)
    content_gap: bool  # a content word gap: stands on its own and says enough
    reason: str = ""  # why not, for review


def sentence_uses(analysis: Analysis) -> tuple[SentenceUse, ...]:
    """Each sentence's use, in order."""
    quotes = []
    carried = False  # the splitter left an opening mark at the end of the sentence before
    for sent in analysis.sentences:
        found, carried = _quotes(analysis, list(analysis.sentence_tokens(sent.index)), carried)
        quotes.append(found)
    in_long_quote = _long_quotes(quotes)
    uses = []
    for sent, (_opens, _closes, quoted_share, speakerless) in zip(analysis.sentences, quotes, strict=True):
        toks = list(analysis.sentence_tokens(sent.index))
        reason = _not_usable(analysis, sent, toks)
        if not reason and sent.index in in_long_quote:
            reason = "part of a quote over several sentences"
        content_reason = reason or _not_self_contained(analysis, toks, quoted_share, speakerless)
        uses.append(SentenceUse(sent.index, not reason, not content_reason, content_reason))
    return tuple(uses)


def _opening(text: str, at: int) -> bool:
    """A quotation mark opens when a space (or the start) is before it and none after it."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if text[at] in OPEN_ONLY:
        return True
    return (before.isspace() or before in "([–-") and not after.isspace()


def _quotes(
    analysis: Analysis, toks: list[Token], carried: bool
) -> tuple[tuple[bool, bool, float, bool], bool]:
    """(a quote opens and stays open, a quote closes that opened before, share of the words
    inside quotes, quoted from the first word to the last: a quote without a speaker), and
    whether the sentence's last token is an opening mark that belongs to the next sentence."""
    depth = 1 if carried else 0
    closes_unopened = False
    inside = words = 0
    first_word_quoted: bool | None = None
    last_word_quoted = False
    dangling = bool(toks) and toks[-1].text in DOUBLE_QUOTES and _opening(analysis.text, toks[-1].idx)
    for tok in toks[:-1] if dangling else toks:
        if tok.text in DOUBLE_QUOTES:
            if _opening(analysis.text, tok.idx):
                depth += 1
            elif depth:
                depth -= 1
            else:
                closes_unopened = True
            continue
        if tok.text.isalpha():
            quoted = depth > 0
            words += 1
            inside += quoted
            if first_word_quoted is None:
                first_word_quoted = quoted
            last_word_quoted = quoted
    share = inside / words if words else 0.0
    speakerless = bool(first_word_quoted) and last_word_quoted
    return (depth > 0, closes_unopened, share, speakerless), dangling


def _long_quotes(quotes: list[tuple[bool, bool, float, bool]], reach: int = 6) -> frozenset[int]:
    """Sentences of a quote that runs over several: from one whose quote stays open to the
    next (within ``reach``) that closes a quote opened before it."""
    inside: set[int] = set()
    for i, (opens, _closes, _share, _speakerless) in enumerate(quotes):
        if not opens:
            continue
        for j in range(i + 1, min(len(quotes), i + 1 + reach)):
            if quotes[j][1]:
                inside.update(range(i, j + 1))
                break
        else:
            inside.add(i)
    return frozenset(inside)


def _not_usable(analysis: Analysis, sent: Sentence, toks: list[Token]) -> str:
    words = [t for t in toks if t.text.isalpha()]
    if len(words) < MIN_WORDS:
        return "too short"
    if not any(t.tag in FINITE_TAGS for t in toks):
        return "no finite verb (a heading or a fragment)"
    english = sum(1 for t in words if t.text.lower() in ENGLISH_WORDS)
    if english >= 2 and english >= 0.15 * len(words):
        return "not German"
    if any("@" in t.text or "http" in t.text or "www." in t.text for t in toks):
        return "a link or handle"
    glued = glued_on(analysis, sent.index) or agreement_slip(analysis, sent.index)
    if glued:
        return glued
    first = words[0]
    low = first.text.lower()
    if first.text[:1].islower() and first.i == toks[0].i:
        return "starts in the middle (a piece of the sentence before)"
    if low in CONNECTIVE_STARTS or PRONOMINAL_ADVERB.match(low) or (
        low in PRONOUN_STARTS and not any(t.ent_type == "PER" for t in toks)
    ):
        return f"leans on the sentence before ({first.text} ...)"
    nxt = analysis.tokens[first.i + 1] if first.i + 1 < sent.end else None
    if low in DEMONSTRATIVES and nxt is not None and nxt.tag in FINITE_TAGS:
        return f"leans on the sentence before ({first.text} {nxt.text} ...)"
    return ""


def _not_self_contained(analysis: Analysis, toks: list[Token], quoted_share: float, speakerless: bool) -> str:
    words = [t for t in toks if t.text.isalpha()]
    if len(words) < CONTENT_MIN_WORDS:
        return "too short to rule out other words"
    if speakerless and quoted_share > 0.8:
        return "a quote without its speaker"
    named = False
    for tok in toks:
        if tok.ent_type == "PER" or (tok.upos == "NOUN" and tok.tag == "NN") or tok.upos == "PROPN":
            named = True
        if tok.text.lower() in PERSON_PRONOUNS and not named:
            return f"'{tok.text}' points to a person named before"
    return ""


__all__ = ["SentenceUse", "sentence_uses"]
