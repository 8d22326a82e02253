"""Builds the shipped pipeline from the trained parts: python training/assemble.py RULES FORMS GAZ PARSER NER OUT

sentencizer -> quizgen_hanta (with the learned rules and the table of frequent forms) -> tok2vec, morphologizer, parser (sourced
from the UD model) -> ner (sourced from the GermEval model, with its own inline tok2vec) ->
quizgen_ner_rules (learned gazetteer, streets, first names) -> quizgen_aux_or_verb (AUX or VERB for VA*/VM* verbs, by their relation).
Rule components other modules add come after these, in quizgen.nlp.pipeline.load_pipeline().
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import spacy

from quizgen.nlp.hanta_component import HantaRules
from quizgen.nlp.hanta_forms import read_table

META = {
    "name": "quizgen_de",
    "version": "0.1.0",
    "description": (
        "German analysis for Quizgen: HanTa STTS tags and lemmas corrected with rules learned from "
        "UD German, a spaCy morphologizer and dependency parser trained on UD German GSD (dev) and "
        "PUD, and an NER model trained on GermEval 2014 (dev and test part 1); see training/README.md."
    ),
    "author": "Quizgen contributors",
    "license": "CC BY-SA 4.0 (trained on CC BY-SA data; HanTa is LGPL-3.0)",
    "sources": [
        {"name": "UD German GSD (dev split)", "url": "https://github.com/UniversalDependencies/UD_German-GSD",
         "license": "CC BY-SA 4.0"},
        {"name": "UD German PUD", "url": "https://github.com/UniversalDependencies/UD_German-PUD",
         "license": "CC BY-SA 3.0"},
        {"name": "GermEval 2014 NER (dev, test part 1)", "url": "https://sites.google.com/site/germeval2014ner/",
         "author": "Benikova, Biemann, Reznicek (2014)", "license": "CC BY 4.0"},
        {"name": "HanTa, Hanover Tagger 1.2.1 (runtime dependency)", "url": "https://github.com/wartaal/HanTa",
         "license": "LGPL-3.0"},
    ],
}


def assemble(rules: Path, forms: Path, gazetteer: Path, parser_dir: Path, ner_dir: Path, out: Path) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    # The rules travel in the component's own directory (rules.json), not as a path in the config.
    hanta = nlp.add_pipe("quizgen_hanta")
    hanta.rules = HantaRules.load(rules)  # type: ignore[attr-defined]
    hanta.forms = read_table(forms)  # type: ignore[attr-defined]
    parser_nlp = spacy.load(parser_dir)
    for name in ("tok2vec", "morphologizer", "parser"):
        nlp.add_pipe(name, source=parser_nlp)
    nlp.add_pipe("ner", source=spacy.load(ner_dir))
    ner_rules = nlp.add_pipe("quizgen_ner_rules")
    ner_rules.gazetteer = json.loads(gazetteer.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    nlp.add_pipe("quizgen_aux_or_verb")
    nlp.meta.update(META)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"wrote {out} ({size / 1e6:.1f} MB): {nlp.pipe_names}")


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit("usage: python training/assemble.py RULES.json FORMS.tsv.gz GAZETTEER.json PARSER_MODEL NER_MODEL OUT_DIR")
    import quizgen.nlp.hanta_component  # noqa: F401  (registers the factories)
    import quizgen.nlp.ner_rules  # noqa: F401

    assemble(*(Path(a) for a in sys.argv[1:]))
