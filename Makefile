# Quizgen: `make run` serves the site, `make test` runs every test. See README.md.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip

.PHONY: run test install install-test model lexicon clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

install: $(VENV)/.installed

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e ".[test]"
	touch $@

install-test: $(VENV)/.installed-test

test: install-test
	$(PY) -m pytest

# Rebuild the noun lexicon (package data) from german-nouns; its lxml<5 pin breaks other
# packages, hence --no-deps.
lexicon: install
	$(PIP) install --quiet --no-deps german-nouns==1.2.5
	$(PY) tools/build_noun_lexicon.py quizgen/data/nouns.tsv.gz
