"""Questions about events named by nouns: ``bei einem Moskau-Besuch des Top-Diplomaten Wang Yi``
-> ``Wer besuchte Moskau?`` -> ``Wang Yi``.

A small lexicon (``quizgen/data/deverbal_nouns.tsv``) maps a deverbal noun (also as the last
part of a compound) to its verb, says whether a genitive name is the agent or the patient and
how the other participant is written (the first part of a hyphenated compound, a following
PP). The agent is a named person or organisation: a genitive after the noun (``des X``), a
``von``-phrase or a Saxon genitive before it (``Putins Besuch``). The question uses the
preterite, the tense of reported news events.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from quizgen.analysis import Analysis, Token
from quizgen.german.morphology import CONTRACTIONS
from quizgen.nlp.stts import PREPOSITION_TAGS
from quizgen.questions.candidate import QuestionCandidate, accepted_forms
from quizgen.german.word_lists import PLACE_NAMES
from quizgen.questions.mentions import Mention, full_name, mentions, name_forms
from quizgen.questions.question_syntax import THIRD_SG, assemble, conjugation, inflect

AGENT_LABELS = ("PER", "ORG")


@dataclass(frozen=True)
class DeverbalNoun:
    noun: str
    verb: str
    genitive: str  # agent or patient
    frames: tuple[tuple[str, str], ...]  # (source, target): ("compound", "acc"), ("in", "acc")

    @property
    def bare_ok(self) -> bool:
        return ("-", "-") in self.frames


@lru_cache(maxsize=1)
def deverbal_lexicon() -> tuple[DeverbalNoun, ...]:
    """The lexicon, longest nouns first so that ``Staatsbesuch`` wins over ``Besuch``."""
    text = resources.files("quizgen").joinpath("data/deverbal_nouns.tsv").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", "", ""]
        frames = []
        for item in cols[3].split(","):
            item = item.strip()
            if item == "-":
                frames.append(("-", "-"))
            elif ">" in item:
                src, dst = item.split(">", 1)
                frames.append((src, dst))
        entries.append(DeverbalNoun(cols[0], cols[1], cols[2], tuple(frames)))
    return tuple(sorted(entries, key=lambda e: -len(e.noun)))


def lookup(word: str) -> tuple[DeverbalNoun, str] | None:
    """The lexicon entry a noun ends in and the compound's first part (``Moskau`` or "")."""
    low = word.lower()
    for entry in deverbal_lexicon():
        noun = entry.noun.lower()
        if low == noun:
            return entry, ""
        if low.endswith("-" + noun):
            return entry, word[: -len(noun) - 1]
        if low.endswith(noun) and len(low) > len(noun) + 2:
            return entry, ""  # a closed compound (Staatsbesuch): its first part is not a name
    return None


def generate(analysis: Analysis) -> list[QuestionCandidate]:
    """Every nominalised-event question the text supports."""
    out: list[QuestionCandidate] = []
    for tok in analysis.tokens:
        if tok.tag != "NN":
            continue
        found = lookup(tok.text)
        if found is None:
            continue
        entry, compound_part = found
        cand = _event_question(analysis, tok, entry, compound_part)
        if cand is not None:
            out.append(cand)
    return out


def _event_question(analysis: Analysis, noun: Token, entry: DeverbalNoun, compound_part: str) -> QuestionCandidate | None:
    agent = _agent(analysis, noun)
    if agent is None:
        return None
    mention, agent_start, agent_end, nominative = agent
    participant, confidence = _participant(analysis, entry, compound_part, agent_end, noun)
    if participant is None:
        return None
    question = _question_text(entry, participant)
    if question is None:
        return None
    name = full_name(analysis, mention)
    if name.lower() in question.lower() or mention.text.lower() in question.lower():
        return None
    answer = nominative or name
    return QuestionCandidate(
        kind="wh",
        question=question,
        answer=answer,
        answer_short=name,
        sentence=noun.sentence,
        confidence=confidence,
        fact=f"event:{entry.verb}:{name.lower()}",
        wh_word="Wer",
        answer_type=mention.label,
        accepted=accepted_forms(*name_forms(analysis, name), answer),
        span=(agent_start, agent_end),
        notes=(f"nominalised {noun.text} -> {entry.verb}",),
        role="subject" if entry.genitive != "patient" else "subject",
        verb_lemma=entry.verb,
        wh_phrase="Wer",
        clause=_clause_of(analysis, noun.i),
    )


def _clause_of(analysis: Analysis, token: int) -> int | None:
    """The innermost clause a token stands in."""
    inside = [c for c in analysis.clauses if c.start <= token < c.end]
    return min(inside, key=lambda c: c.end - c.start).index if inside else None


def _agent(analysis: Analysis, noun: Token) -> tuple[Mention, int, int, str | None] | None:
    """The named agent (or patient) of the noun, its tokens and its nominative form."""
    toks = analysis.tokens
    sent = analysis.sentences[noun.sentence]
    names = [m for m in mentions(analysis) if m.label in AGENT_LABELS and m.sentence == noun.sentence]
    # Saxon genitive before the noun: Putins Besuch
    if noun.i > sent.start and toks[noun.i - 1].tag == "NE" and toks[noun.i - 1].text.endswith("s"):
        bare = toks[noun.i - 1].text[:-1]
        for m in mentions(analysis):
            if m.label == "PER" and m.text.split()[-1] == bare:
                return m, noun.i - 1, noun.i, None
        return None
    i = noun.i + 1
    if i >= sent.end:
        return None
    first = toks[i]
    if first.text.lower() in ("des", "der", "von"):
        j = i + 1
        while j < sent.end and toks[j].tag in ("ADJA", "NN") and not any(m.start == j for m in names):
            j += 1
        mention = next((m for m in names if m.start == j or (m.start == i + 1 and first.text.lower() == "von")), None)
        if mention is None and first.tag == "NE":
            return None
        if mention is None:
            return None
        if first.text.lower() == "von":
            return mention, i, mention.end, analysis.span_text(i + 1, mention.end)
        nominative = _genitive_to_nominative(analysis, i, mention.start)
        if nominative is None:
            return mention, i, mention.end, None
        return mention, i, mention.end, " ".join([*nominative, mention.text]) if nominative else mention.text
    return None


def _genitive_to_nominative(analysis: Analysis, start: int, end: int) -> list[str] | None:
    """``des chinesischen Top-Diplomaten`` -> ``der chinesische Top-Diplomat`` (singular only)."""
    toks = analysis.tokens[start:end]
    if not toks:
        return []
    det = toks[0].text.lower()
    if det not in ("des", "der"):
        return None
    words = ["der" if det == "des" else "die"]
    for tok in toks[1:]:
        if tok.tag == "ADJA":
            if not tok.text.endswith("en"):
                return None
            words.append(tok.text[:-1])
        elif tok.tag == "NN":
            lemma = tok.lemma
            if not tok.text.lower().startswith(lemma.lower()):
                return None
            words.append(tok.text[: len(lemma)])
        else:
            return None
    return words


def _participant(
    analysis: Analysis, entry: DeverbalNoun, compound_part: str, after: int, noun: Token
) -> tuple[str | None, float]:
    """The rest of the question's verb phrase (``Moskau``, ``nach China``) and a confidence."""
    frames = dict(entry.frames)
    if compound_part and "compound" in frames and _is_place(analysis, compound_part):
        target = frames["compound"]
        return (compound_part if target == "acc" else f"{target} {compound_part}"), 0.85
    toks = analysis.tokens
    sent_end = analysis.sentences[noun.sentence].end
    if after < sent_end and toks[after].tag in PREPOSITION_TAGS:
        prep = toks[after].text.lower()
        key = CONTRACTIONS[prep][0] if prep in CONTRACTIONS else prep
        if key in frames:
            target = frames[key]
            place = next((m for m in mentions(analysis) if m.start == after + 1), None)
            if target == "acc":
                if place is not None and place.label in ("LOC", "PER", "ORG"):
                    return place.text, 0.8
                return None, 0.0
            j = after + 1
            while j < sent_end and toks[j].tag in ("ART", "ADJA", "CARD", "PPOSAT"):
                j += 1
            if j < sent_end and toks[j].tag in ("NN", "NE"):
                while j + 1 < sent_end and toks[j + 1].tag == "NE":
                    j += 1
                return analysis.span_text(after, j + 1), 0.75
    if entry.bare_ok:
        return "", 0.55
    return None, 0.0


def _is_place(analysis: Analysis, word: str) -> bool:
    if word in PLACE_NAMES:
        return True
    return any(m.label == "LOC" and m.text == word for m in mentions(analysis))


def _question_text(entry: DeverbalNoun, participant: str) -> str | None:
    if entry.genitive == "patient":
        conj = conjugation(entry.verb)
        if conj is None:
            return None
        return assemble("Wer", "wurde", [participant] if participant else [], [conj.past_participle])
    form = inflect(entry.verb, "preterite", THIRD_SG)
    if form is None:
        return None
    return assemble("Wer", form.finite, [participant] if participant else [], list(form.tail))
