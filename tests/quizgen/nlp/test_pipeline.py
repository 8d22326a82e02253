"""The shipped pipeline on the seed article: trained parts load from package data and annotate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.nlp.pipeline import PIPELINE_DIR, doc_to_analysis, load_pipeline

from tests.shared_data import SEED  # noqa: E402
TRAINED = ("quizgen_hanta", "tok2vec", "morphologizer", "parser", "ner")


@pytest.fixture(scope="module")
def analysis():
    return doc_to_analysis(load_pipeline()(SEED.read_text(encoding="utf-8")))


def test_the_pipeline_is_package_data_with_its_sources_and_licence():
    meta = json.loads((PIPELINE_DIR / "meta.json").read_text(encoding="utf-8"))
    assert "CC BY-SA" in meta["license"]
    licences = " ".join(source["license"] for source in meta["sources"])
    for licence in ("CC BY-SA 4.0", "CC BY-SA 3.0", "CC BY 4.0", "LGPL-3.0"):
        assert licence in licences
    size = sum(f.stat().st_size for f in PIPELINE_DIR.rglob("*") if f.is_file())
    assert size < 50_000_000


def test_the_trained_components_run_in_order_before_any_rule_component():
    names = load_pipeline().pipe_names
    assert names[:2] == ["quizgen_line_breaks", "sentencizer"]
    assert [n for n in names if n in TRAINED] == list(TRAINED)


@pytest.mark.slow
def test_the_seed_article_gets_tags_lemmas_a_parse_and_entities(analysis):
    by_text = {t.text: t for t in analysis.tokens}
    assert by_text["Moskau-Besuch"].lemma == "Moskau-Besuch"
    assert by_text["kündigte"].tag == "VVFIN" and by_text["kündigte"].lemma == "kündigen"
    assert by_text["Russland"].upos == "PROPN"
    assert all(t.dep for t in analysis.tokens)
    roots = [t for t in analysis.tokens if t.head == t.i]
    assert len(roots) >= len(analysis.sentences)
    labels = {(e.text, e.label) for e in analysis.entities}
    assert ("Wladimir Putin", "PER") in labels
    assert any(label == "LOC" for _text, label in labels)


@pytest.mark.slow
def test_evaluate_prints_one_json_line_last(tmp_path: Path):
    conllu = tmp_path / "one.conllu"
    conllu.write_text(
        "# sent_id = 1\n"
        "1\tPutin\tPutin\tPROPN\tNE\t_\t2\tnsubj\t_\t_\n"
        "2\tlacht\tlachen\tVERB\tVVFIN\t_\t0\troot\t_\tSpaceAfter=No\n"
        "3\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "quizgen.nlp.evaluate", "ud", str(conllu)], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["sentences"] == 1 and result["words"] == 3
    assert set(result) >= {"upos", "xpos", "lemma", "morph", "uas", "las", "core_args_p", "core_args_r", "words_per_s"}


def test_a_headline_on_its_own_line_is_a_sentence_of_its_own():
    analysis = doc_to_analysis(load_pipeline()(
        "Mieten in Großstädten steigen weiter\n\nWer eine Wohnung sucht, muss tief in die Tasche greifen. "
        "Die Preise stiegen.\nNeue Zahlen\nDie Stadt prüft das."
    ))
    texts = [s.text.strip() for s in analysis.sentences]
    assert texts == ["Mieten in Großstädten steigen weiter", "Wer eine Wohnung sucht, muss tief in die Tasche greifen.",
                     "Die Preise stiegen.", "Neue Zahlen", "Die Stadt prüft das."]


def test_a_hard_wrapped_text_keeps_its_sentences_across_lines():
    wrapped = ("Die Stadt hat am Samstag eine neue\nBibliothek eröffnet, die sehr groß ist und\nviele Besucher "
               "anzieht. Am ersten Tag kamen\nmehr als fünftausend Menschen in das\nhelle Gebäude am Hafen.")
    analysis = doc_to_analysis(load_pipeline()(wrapped))
    assert len(analysis.sentences) == 2
