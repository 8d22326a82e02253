"""The facts of an article and how central each is: what a teacher would ask first.

A fact is a clause (its proposition); every question names the clause it asks about, so that
W-questions, Richtig/Falsch and a/b/c never ask the same one twice. A clause's importance
combines what news writing puts first and repeats:

- position: the headline, teaser and lead carry the main facts (they weigh most, and later
  sentences less and less);
- overlap with the headline and lead: a later clause that names their people and things
  continues the main story, a clause that shares nothing with them is a side detail;
- salience: the people and organisations the text names most often;
- the kind of event: decisions, demands, results, harm and changes (``NEWS_EVENT_VERBS``),
  and numbers and reasons, which news questions ask about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quizgen.analysis import Analysis, Clause
from quizgen.german.verb_lexicon import NEWS_EVENT_VERBS, base_lemma
from quizgen.questions.mentions import full_name, mentions

CONTENT_TAGS = frozenset({"NN", "NE", "VVFIN", "VVINF", "VVPP", "VVIZU", "ADJA", "ADJD", "CARD"})
LIGHT_LEMMAS = frozenset({"sein", "haben", "werden", "geben", "machen", "sagen", "Jahr", "Prozent", "Euro", "neu", "erst"})
#: weights of the parts of importance (they sum to 1)
W_POSITION, W_OVERLAP, W_SALIENCE, W_EVENT, W_NUMBER = 0.45, 0.25, 0.15, 0.1, 0.05
#: how many facts a pack should cover first (issue 11: "its 3-5 main facts")
MAIN_FACTS = 5
LEAD_SENTENCES = 2


@dataclass(frozen=True)
class Facts:
    """Importance of every clause of an article (0..1), and the main facts in order."""

    by_clause: dict[int, float]
    main: tuple[int, ...]  # clause indexes of the main facts, most important first

    def importance(self, clause: int | None) -> float:
        return self.by_clause.get(clause, 0.0) if clause is not None else 0.0


def fact_key(clause: int | None, sentence: int) -> str:
    """The key two questions share when they ask the same fact."""
    return f"c{clause}" if clause is not None else f"s{sentence}"


def content_lemmas(analysis: Analysis, start: int, end: int) -> set[str]:
    out = set()
    for tok in analysis.tokens[start:end]:
        if tok.tag in CONTENT_TAGS and tok.lemma not in LIGHT_LEMMAS and len(tok.text) > 2:
            out.add(tok.lemma.lower())
    return out


def article_facts(analysis: Analysis) -> Facts:
    """The importance of each clause and the main facts of the article."""
    if not analysis.clauses:
        return Facts({}, ())
    lead_sentences = range(min(LEAD_SENTENCES, len(analysis.sentences)))
    lead = {
        s: content_lemmas(analysis, analysis.sentences[s].start, analysis.sentences[s].end) for s in lead_sentences
    }
    referents = _referent_counts(analysis)
    top = max(referents.values(), default=1)
    scores: dict[int, float] = {}
    for clause in analysis.clauses:
        own = content_lemmas(analysis, clause.start, clause.end)
        others = set().union(*(lemmas for s, lemmas in lead.items() if s != clause.sentence))
        overlap = len(own & others) / max(3, len(own)) if own else 0.0
        salience = max((referents.get(name, 0) for name in _names_in(analysis, clause)), default=0) / top
        position = 1.0 / (1.0 + 0.12 * max(0, clause.sentence - 1))
        event = 1.0 if base_lemma(clause.verb_lemma) in NEWS_EVENT_VERBS else 0.0
        number = 1.0 if any(t.tag == "CARD" for t in analysis.tokens[clause.start : clause.end]) else 0.0
        score = W_POSITION * position + W_OVERLAP * min(1.0, 2 * overlap) + W_SALIENCE * salience
        score += W_EVENT * event + W_NUMBER * number
        scores[clause.index] = round(score * (1.0 if clause.kind == "main" else 0.85), 4)
    ranked = sorted(scores, key=lambda k: (-scores[k], k))
    main: list[int] = []
    sentences: set[int] = set()
    for index in ranked:
        sentence = analysis.clauses[index].sentence
        if sentence in sentences:
            continue  # the main facts come from different sentences
        main.append(index)
        sentences.add(sentence)
        if len(main) == MAIN_FACTS:
            break
    return Facts(scores, tuple(main))


def _referent_counts(analysis: Analysis) -> Counter[str]:
    counts: Counter[str] = Counter()
    for m in mentions(analysis):
        if m.label in ("PER", "ORG", "LOC"):
            counts[full_name(analysis, m)] += 1
    return counts


def _names_in(analysis: Analysis, clause: Clause) -> list[str]:
    return [
        full_name(analysis, m) for m in mentions(analysis) if clause.start <= m.start < clause.end and m.label in ("PER", "ORG", "LOC")
    ]
