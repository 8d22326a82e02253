"""Passed to ``spacy train --code``: registers the quizgen components the configs use.

It also works around a spaCy 3.8 scorer bug that matters for the joint training corpus (UD
sentences with dependencies, GermEval sentences with entities only): ``Scorer.score_deps``
collects the indices of tokens without a gold relation in one set for all examples, so a
GermEval sentence's missing relations blank out the same token positions of every UD sentence
and the dev UAS drops to nearly 0. Only examples with gold relations are scored for them.
"""

from spacy.scorer import Scorer

import quizgen.nlp.hanta_component  # noqa: F401

_score_deps = Scorer.score_deps


def _score_deps_annotated(examples, attr, **kwargs):  # type: ignore[no-untyped-def]
    annotated = [eg for eg in examples if eg.reference.has_annotation("DEP")]
    return _score_deps(annotated, attr, **kwargs)


Scorer.score_deps = staticmethod(_score_deps_annotated)  # type: ignore[method-assign]
