"""Passed to ``spacy train --code``: registers the quizgen components the configs use."""

import quizgen.nlp.hanta_component  # noqa: F401
