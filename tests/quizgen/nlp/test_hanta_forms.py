"""HanTa's analyses from the table of frequent forms and the caches are HanTa's own, bit for bit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from HanTa import HanoverTagger

from quizgen.nlp.hanta_forms import HantaForms, encode_line, read_table, table_entry, write_table
from quizgen.nlp.pipeline import load_pipeline

SENTENCES = [
    "Der chinesische Außenminister Wang Yi besuchte am Dienstag Moskau .".split(),
    "Die Ukraine fordert den vollständigen Abzug russischer Truppen von ihrem Staatsgebiet .".split(),
    "Kündigte er die Verhandlungen an , obwohl die Bundesregierung zögerte ?".split(),
    "Xyzqwörtlich glaubt das Fünfundzwanzigtonnenbrückengeländer niemandem .".split(),
    ["Gestern"],
]


@pytest.fixture(scope="module")
def plain() -> Any:
    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def hanta_output(tagger: Any, words: list[str]) -> list[tuple[str, str]]:
    return [(tag, lemma) for _w, lemma, tag in tagger.tag_sent(words, taglevel=1)]


def test_it_tags_sentences_exactly_as_hanta_does_without_a_table(plain: Any) -> None:
    forms = HantaForms(HanoverTagger.HanoverTagger("morphmodel_ger.pgz"))
    forms.install()
    for words in SENTENCES:
        assert forms.tag_sentence(words) == hanta_output(plain, words)
        assert forms.tag_sentence(words) == hanta_output(plain, words)  # again, from the caches


def test_a_table_of_the_forms_answers_without_any_search(plain: Any, tmp_path: Path) -> None:
    words = sorted({w.lower() for sent in SENTENCES for w in sent})
    path = tmp_path / "forms.tsv.gz"
    lines = [encode_line(w, *table_entry(plain, w)) for w in words]
    write_table({line.split("\t", 1)[0]: line.rstrip("\n").split("\t", 1)[1] for line in lines}, path)
    forms = HantaForms(HanoverTagger.HanoverTagger("morphmodel_ger.pgz"), read_table(path))
    forms.install()
    for words_ in SENTENCES:
        assert forms.tag_sentence(words_) == hanta_output(plain, words_)
    assert forms.searches == 0


def test_the_shipped_pipeline_knows_frequent_forms_without_search() -> None:
    hanta = load_pipeline().get_pipe("quizgen_hanta")
    assert len(hanta.forms) > 50_000
    hanta.forget_words()
    forms = HantaForms.installed(hanta.tagger)
    assert forms is not None
    before = forms.searches
    hanta(load_pipeline().make_doc("Die Regierung hat am Montag neue Gesetze beschlossen ."))
    assert forms.searches == before
