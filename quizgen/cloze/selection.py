"""Which candidates become a pack's cloze items: one item per passage, answers never on show.

The rules a teacher follows when gapping a text:

- a sentence is used by one item only (a word bank gaps several sentences of one passage and
  takes them all), so no item prints another item's answer;
- a gap goes only into a sentence that may carry it (quizgen.cloze.sentences: whole German
  sentences that stand on their own; content words ask more of them);
- a word answer (a content word, a verb form) is a word the rest of the text never shows: not
  another occurrence of the word or its lemma, not another item's option, not a word of the
  pack's questions (``ClozeContext.shown_elsewhere``), and an article or ending gap is not
  printed with its next word by a question;
- article and ending gaps are drawn form by form (the least used form first), so no form
  takes more than ``MAX_FORM_SHARE`` of a kind's items where the text allows; where it does
  not, the pack says so in a note, and where all of them have the same answer (only -en
  endings) the kind has no items: the learner would guess it;
- the right option's position is balanced over the pack's items with options.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from quizgen.cloze.base import ClozeCandidate, ClozeContext, ClozeKind, Pending, kind_trait
from quizgen.cloze.noun_slots import note_answers
from quizgen.cloze.sentences import sentence_uses
from quizgen.pack import ClozeItem

MAX_FORM_SHARE = 0.4
#: the form a learner guesses (the one with the most gaps) is asked beside this many others
MAJORITY_AFTER = 1
#: a kind with several gaps in a passage (a word bank) only in a text with this many usable sentences
PASSAGE_MIN_SENTENCES = 20
#: a text gets at least one item per this many words, up to MIN_ITEMS, where its sentences allow
WORDS_PER_ITEM = 30
MIN_ITEMS = 10


@dataclass(frozen=True)
class ClozeSection:
    """The items of a pack's cloze section and what the pack should say about them."""

    items: tuple[ClozeItem, ...]
    notes: tuple[str, ...] = ()


def _rank(item_id: str, seed: int) -> str:
    return hashlib.sha1(f"{seed}|{item_id}".encode()).hexdigest()


def max_per_form(n: int) -> int:
    """How many of ``n`` items one form may take: ``MAX_FORM_SHARE`` of them, at least one."""
    return max(1, int(n * MAX_FORM_SHARE + 1e-9))


class _Selection:
    """The state of one pack's choice: sentences taken, words shown, items so far."""

    def __init__(self, ctx: ClozeContext) -> None:
        self.ctx = ctx
        analysis = ctx.analysis
        uses = sentence_uses(analysis)
        self.any_gap = frozenset(u.index for u in uses if u.any_gap)
        self.content_gap = frozenset(u.index for u in uses if u.content_gap)
        self.taken: set[int] = set()
        self.shown_options: set[str] = set()  # options (lower case) items show
        self.shown_hint_words: set[str] = set()  # words (lower case) of the items' hints
        self.answers: set[str] = set()  # the word answers (lower case) of the items
        self.items: list[ClozeItem] = []
        # A hyphenated or slashed word shows its parts too (Apple-Fans shows Fans, 30./Eigentor
        # shows Eigentor).
        self.lemma_counts = Counter(t.lemma.lower() for t in analysis.tokens)
        self.form_counts = Counter(t.text.lower() for t in analysis.tokens)
        for tok in analysis.tokens:
            parts = [p.lower() for p in re.findall(r"[^\W\d_]+", tok.text)]
            if len(parts) > 1 or (parts and parts[0] != tok.text.lower()):
                self.form_counts.update(parts)
                self.lemma_counts.update(parts)

    def span(self, tokens: tuple[int, ...]) -> range:
        sentences = [self.ctx.analysis.tokens[t].sentence for t in tokens]
        return range(min(sentences), max(sentences) + 1)

    def fits(self, kind: ClozeKind, pending: Pending) -> bool:
        """Whether the candidate's passage is free and may carry its gaps, and its word answers
        are seen nowhere else."""
        span = self.span(pending.tokens)
        allowed = self.content_gap if kind_trait(kind, "tests_meaning") else self.any_gap
        if any(s in self.taken for s in span):
            return False
        if not all(self.ctx.analysis.tokens[t].sentence in allowed for t in pending.tokens):
            return False
        if kind_trait(kind, "tests_meaning") and any(s not in self.any_gap for s in span):
            return False  # a passage takes only sentences that may be shown with gaps
        if kind_trait(kind, "word_answer"):
            # The word must not stand elsewhere in the text; nor its lemma in another form, unless
            # the hint names the lemma anyway (a verb form's infinitive).
            lemma_shows = not kind_trait(kind, "hint_names_word")
            for t in pending.tokens:
                tok = self.ctx.analysis.tokens[t]
                if self.form_counts[tok.text.lower()] > 1 or (lemma_shows and self.lemma_counts[tok.lemma.lower()] > 1):
                    return False
                shown = self.shown_options | self.shown_hint_words
                if tok.text.lower() in shown or (lemma_shows and tok.lemma.lower() in shown):
                    return False  # another item offers it as an option or names it in its hint
                if tok.text.lower() in self.ctx.shown_words or (
                        lemma_shows and tok.lemma.lower() in self.ctx.shown_words):
                    return False  # a question of the pack prints it
        elif self.ctx.shown_elsewhere:
            tokens = self.ctx.analysis.tokens
            for t in pending.tokens:  # an article or ending gap: its word with the next one
                if t + 1 < len(tokens) and self.ctx.shows_phrase(tokens[t].text, tokens[t + 1].text):
                    return False  # a question prints "um eine Stellungnahme"
        return True

    def shows_an_answer(self, candidate: ClozeCandidate) -> bool:
        """Whether the candidate's hint or options name an answer of an item taken before."""
        words = {o.lower() for o in candidate.item.options} | _hint_words(candidate.item.hint)
        return bool(words & self.answers - {a.lower() for a in candidate.item.answers})

    def take(self, candidate: ClozeCandidate, kind: ClozeKind) -> None:
        self.items.append(candidate.item)
        self.shown_hint_words |= _hint_words(candidate.item.hint)
        if kind_trait(kind, "word_answer"):
            self.answers.update(a.lower() for a in (candidate.item.answers or (candidate.item.answer,)))
        self.taken.update(self.span(candidate.tokens))
        self.shown_options.update(o.lower() for o in candidate.item.options)
        note_answers(self.ctx, candidate.item)


def _hint_words(hint: str | None) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", hint.lower())) if hint else set()


class _Pools(dict[str, list[Pending]]):
    """Each kind's pending items in their ranked order, worked out when the kind is first asked
    for: a word bank's (a search over every passage) only in a text long enough for a passage."""

    def __init__(
        self, ctx: ClozeContext, kinds: list[tuple[ClozeKind, int]],
        pending_of: Callable[[ClozeKind, ClozeContext], list[Pending]],
    ) -> None:
        super().__init__()
        self._ctx, self._kinds, self._pending_of = ctx, {kind.name: kind for kind, _n in kinds}, pending_of

    def __missing__(self, name: str) -> list[Pending]:
        pool = sorted(self._pending_of(self._kinds[name], self._ctx), key=lambda p: _rank(p.id, self._ctx.seed))
        self[name] = pool
        return pool


def select(
    ctx: ClozeContext,
    kinds: list[tuple[ClozeKind, int]],
    pending_of: Callable[[ClozeKind, ClozeContext], list[Pending]],
    *,
    minimum: int = 0,
) -> ClozeSection:
    """Items of each kind (at most ``n``), chosen under the rules of the module docstring; when
    that leaves fewer than ``minimum`` items and the text has free sentences, the kinds take
    more, the grammar kinds first (their items are the surest)."""
    state = _Selection(ctx)
    notes: dict[str, str] = {}
    pools = _Pools(ctx, kinds, pending_of)
    made_up = False
    for kind, n in kinds:
        if not made_up and not kind_trait(kind, "tests_meaning"):
            _make_up_content_shortfall(state, kinds, pools, notes)  # before grammar takes the sentences
            made_up = True
        if kind.description.several_gaps and len(state.any_gap) < PASSAGE_MIN_SENTENCES:
            continue  # a passage takes several sentences that a short text needs for other items
        _take(state, kind, pools[kind.name], n, notes)
    if not made_up:
        _make_up_content_shortfall(state, kinds, pools, notes)
    if len(state.items) < minimum:
        order = sorted(kinds, key=lambda kind_n: (kind_trait(kind_n[0], "tests_meaning"), kind_n[0].description.several_gaps))
        for kind, n in order:
            missing = minimum - len(state.items)
            if missing <= 0:
                break
            if n and not kind.description.several_gaps:
                have = sum(1 for i in state.items if i.kind == kind.name)
                _take(state, kind, pools[kind.name], have + missing, notes, cap=max_per_form(have + missing))
    return ClozeSection(tuple(state.items), tuple(notes.values()))


def _make_up_content_shortfall(
    state: _Selection, kinds: list[tuple[ClozeKind, int]], pools: dict[str, list[Pending]], notes: dict[str, str],
) -> None:
    """The single-gap content kinds make up for each other: a choice item that is not made (no
    options a teacher would use) falls back to an open gap elsewhere, and the other way round."""
    single = [
        (kind, n) for kind, n in kinds
        if n and kind_trait(kind, "tests_meaning") and not kind.description.several_gaps
    ]
    have = {kind.name: sum(1 for i in state.items if i.kind == kind.name) for kind, _n in single}
    short = sum(max(0, n - have[kind.name]) for kind, n in single)
    for kind, _n in single:
        if short <= 0:
            break
        before = have[kind.name]
        _take(state, kind, pools[kind.name], before + short, notes)
        short -= sum(1 for i in state.items if i.kind == kind.name) - before


def _take(state: _Selection, kind: ClozeKind, pool: list[Pending], n: int, notes: dict[str, str],
          cap: int | None = None) -> None:
    """Take items of ``kind`` from ``pool`` until the kind has ``n`` (a balanced kind at most
    ``cap`` of one form)."""
    if kind_trait(kind, "balanced"):
        note = _take_balanced(state, kind, [p for p in pool if state.fits(kind, p)], n, cap)
        notes.pop(kind.name, None)
        if note:
            notes[kind.name] = note
        return
    taken = sum(1 for i in state.items if i.kind == kind.name)
    for pending in pool:
        if taken >= n:
            break
        if not state.fits(kind, pending):
            continue
        candidate = pending.complete()
        if candidate is None or state.shows_an_answer(candidate):
            continue
        state.take(candidate, kind)
        taken += 1


def _take_balanced(state: _Selection, kind: ClozeKind, pool: list[Pending], n: int, cap: int | None = None) -> str:
    """Take up to ``n`` items, each time of the form used least so far (then by rank), at most
    ``max_per_form(n)`` of each; say in a note when the text allows no better balance."""
    by_form: dict[str, list[ClozeCandidate]] = {}
    for pending in pool:
        candidate = pending.complete()
        if candidate is not None:
            by_form.setdefault(candidate.item.answer.lower(), []).append(candidate)
    usable = [f for f, cands in by_form.items() if any(state.fits(kind, Pending.done(c)) for c in cands)]
    taken_before = [i.answer.lower() for i in state.items if i.kind == kind.name]
    if not usable or not n:
        return ""
    if len(usable) < getattr(kind, "min_forms", 2) and not taken_before:
        # Every gap would have one of very few answers, which a learner guesses without knowing why.
        return (
            f"{kind.description.label}: none, the gaps of this kind the text allows have only the answers "
            f"{', '.join(repr(f) for f in sorted(usable))}, which a learner could guess."
        )
    # The form with the most gaps is the one a learner guesses (-en in news text): it comes
    # last, only to fill up, and never alone.
    majority = max(usable, key=lambda f: (sum(state.fits(kind, Pending.done(c)) for c in by_form[f]), f))
    used: Counter[str] = Counter(i.answer.lower() for i in state.items if i.kind == kind.name)
    cap = max_per_form(n) if cap is None else cap
    for allowed in ([f for f in by_form if f != majority], list(by_form)):
        if allowed == list(by_form) and sum(1 for f in used if f != majority) < MAJORITY_AFTER:
            break
        while sum(used.values()) < n:
            open_forms = [f for f in allowed if by_form[f] and used[f] < cap]
            if not open_forms:
                break
            form = min(open_forms, key=lambda f: (used[f], f))
            candidate = by_form[form].pop(0)
            if not state.fits(kind, Pending.done(candidate)) or state.shows_an_answer(candidate):
                continue
            state.take(candidate, kind)
            used[form] += 1
    total = sum(used.values())
    if total and max(used.values()) > total * MAX_FORM_SHARE:
        form, count = used.most_common(1)[0]
        return (
            f"{kind.description.label}: {count} of {total} answers are '{form}': the text has no other "
            f"gaps of this kind to balance them{'' if total == n else f', so it has {total} instead of {n}'}."
        )
    return ""


def balance_positions(items: tuple[ClozeItem, ...], *, key: str) -> tuple[ClozeItem, ...]:
    """The items with their options reordered so that the right option stands in each position
    about equally often over the pack (the other options keep a stable shuffled order)."""
    out = []
    slot_cycle: dict[int, list[int]] = {}
    counters: Counter[int] = Counter()
    for item in items:
        if len(item.answers) > 1 or not item.options or item.answer not in item.options:
            out.append(item)
            continue
        size = len(item.options)
        if size not in slot_cycle:
            order = list(range(size))
            random.Random(f"{key}|{size}").shuffle(order)
            slot_cycle[size] = order
        position = slot_cycle[size][counters[size] % size]
        counters[size] += 1
        out.append(replace(item, options=place_answer(item.options, item.answer, position, key=item.id)))
    return tuple(out)


def place_answer(options: tuple[str, ...], answer: str, position: int, *, key: str) -> tuple[str, ...]:
    """``options`` with ``answer`` at ``position`` and the others in a stable order by ``key``."""
    others = [o for o in options if o != answer]
    random.Random(key).shuffle(others)
    others.insert(min(position, len(others)), answer)
    return tuple(others)


def build_section(
    ctx: ClozeContext,
    wanted: Mapping[str, int],
    kinds_by_name: Mapping[str, ClozeKind],
    pending_of: Callable[[ClozeKind, ClozeContext], list[Pending]],
    *,
    fill: bool = True,
) -> ClozeSection:
    """The pack's cloze section: passages first (word banks need several free sentences), then
    content words, then grammar; items in text order, options balanced. With ``fill`` a text of
    ``MIN_ITEMS * WORDS_PER_ITEM`` words or more gets at least ``MIN_ITEMS`` items where its
    sentences allow (a shorter one one item per ``WORDS_PER_ITEM`` words)."""
    kinds = [(kinds_by_name[name], n) for name, n in wanted.items()]
    # Among the content kinds, the one with options first: it may ask only a few answers (derived
    # abstract nouns, quizgen.lesson.distractors.options_for), an open gap almost any word.
    kinds.sort(key=lambda kind_n: (
        not kind_n[0].description.several_gaps,
        not kind_trait(kind_n[0], "tests_meaning"),
        not (kind_trait(kind_n[0], "tests_meaning") and kind_n[0].description.has_options),
    ))
    words = sum(1 for t in ctx.analysis.tokens if t.text.isalpha())
    section = select(ctx, kinds, pending_of, minimum=min(MIN_ITEMS, words // WORDS_PER_ITEM) if fill else 0)
    order = {name: i for i, name in enumerate(kinds_by_name)}
    items = sorted(section.items, key=lambda it: (it.sentence, order.get(it.kind, 99), it.id))
    return ClozeSection(balance_positions(tuple(items), key=f"positions|{ctx.seed}"), section.notes)


__all__ = ["MAX_FORM_SHARE", "ClozeSection", "balance_positions", "build_section", "max_per_form", "place_answer", "select"]
