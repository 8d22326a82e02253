"""``analyze_many``: a batch through ``nlp.pipe`` gives the records ``analyze`` gives, in order."""

from __future__ import annotations

import pytest

from quizgen import analyze, analyze_many
from quizgen.errors import InputError

from tests.shared_data import SEED  # noqa: E402

SECOND = ("Die Stadtbibliothek in Kelsbach öffnet am Samstag ihren neuen Lesesaal. Die Leiterin sagte, "
          "man habe zwei Jahre lang gebaut. Viele Familien kamen schon am ersten Tag.")


@pytest.mark.slow
def test_a_batch_gives_the_same_records_in_order_and_a_bad_text_its_error_in_its_place():
    seed = SEED.read_text(encoding="utf-8")
    texts = [seed, "", SECOND, "The council met on Monday and decided to build a new bridge over the river."]
    results = list(analyze_many(texts, batch_size=3))
    assert len(results) == 4
    assert results[0] == analyze(seed) and results[2] == analyze(SECOND)
    assert isinstance(results[1], InputError) and isinstance(results[3], InputError)


def test_an_empty_stream_gives_nothing():
    assert list(analyze_many([])) == []
