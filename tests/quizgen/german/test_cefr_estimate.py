"""CEFR estimates from word frequency: cut-offs, forms, compounds, bands."""

from __future__ import annotations

import pytest
from wordfreq import zipf_frequency

from quizgen.german.cefr_estimate import ESTIMATE_NOTE, cefr_from_zipf, estimate_level, is_above
from quizgen.pack import LEVELS


@pytest.mark.parametrize(
    ("zipf", "level"),
    [(6.0, "A1"), (5.5, "A1"), (5.2, "A2"), (4.5, "B1"), (4.2, "B2"), (3.2, "C1"), (3.19, "C2"), (0.0, "C2")],
)
def test_it_reads_the_level_off_the_zipf_cutoffs(zipf: float, level: str) -> None:
    assert cefr_from_zipf(zipf) == level


def test_common_words_are_easy_and_rare_words_hard() -> None:
    assert estimate_level("Haus").cefr in ("A1", "A2")
    assert estimate_level("Staatsgebiet").cefr in ("C1", "C2")
    assert estimate_level("Haus").band == 1 and estimate_level("Staatsgebiet").band >= 4


def test_forms_seen_in_the_text_add_to_the_lemmas_frequency() -> None:
    alone = estimate_level("Partnerschaft")
    with_forms = estimate_level("Partnerschaft", forms=("Partnerschaften",))
    assert with_forms.effective_zipf > alone.effective_zipf
    assert with_forms.zipf == alone.zipf


def test_an_unknown_compound_is_one_step_above_its_rarest_part() -> None:
    estimate = estimate_level("Außenministeriumssprecherin", parts=("außen", "Ministerium", "Sprecherin"))
    # the parts' levels from the core glossary: außen A2, Ministerium B1, Sprecherin B1
    assert estimate.basis == "compound parts"
    assert estimate.cefr == "B2"  # the hardest part (B1) plus one step


def test_a_word_nobody_knows_is_c2() -> None:
    assert estimate_level("Xyzquatsch").cefr == "C2"


def test_levels_compare_in_cefr_order() -> None:
    assert is_above("C1", "B1") and not is_above("A2", "B1") and not is_above("B1", "B1")


def test_the_note_says_it_is_an_estimate() -> None:
    assert "estimate" in ESTIMATE_NOTE


def test_the_core_glossary_overrides_the_frequency_estimate() -> None:
    estimate = estimate_level("Kino", pos="NOUN")
    assert (estimate.cefr, estimate.basis) == ("A1", "core glossary")


def test_weekdays_and_months_are_a1() -> None:
    assert estimate_level("Mittwoch", pos="NOUN").cefr == "A1"
    assert estimate_level("Januar", pos="NOUN").cefr == "A1"


def test_a_compound_is_never_above_its_hardest_part_plus_one_step() -> None:
    assert estimate_level("Montagvormittag", pos="NOUN", parts=("Montag", "Vormittag")).cefr in ("A1", "A2")
    estimate = estimate_level("Sommertag", pos="NOUN", parts=("Sommer", "Tag"))  # not in the core glossary
    assert LEVELS.index(estimate.cefr) <= LEVELS.index("A2")


def test_a_name_part_gives_a_compound_no_level_of_its_own() -> None:
    with_name = estimate_level("Xyzstadt-Besuch", pos="NOUN", parts=("Xyzstadt", "Besuch"))
    assert LEVELS.index(with_name.cefr) <= LEVELS.index(estimate_level("Besuch", pos="NOUN").cefr) + 1


def test_a_word_has_the_same_level_whatever_forms_an_article_shows() -> None:
    from quizgen.lesson.vocabulary import build_vocabulary
    from quizgen.nlp.analyze import analyze

    one = {e.lemma: e.cefr for e in build_vocabulary(analyze("Die Partnerschaft wächst."))[0]}
    two = {e.lemma: e.cefr for e in build_vocabulary(analyze("Die Partnerschaften wachsen."))[0]}
    assert one["Partnerschaft"] == two["Partnerschaft"]
