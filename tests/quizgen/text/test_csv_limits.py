"""The CSV of articles is read in time linear in its size, with a size and a row limit
(issue 15, finding 4: 8,000 bad rows of 84 KB took 120 s). Counted in traced lines, not timed."""

from __future__ import annotations

import sys

import pytest

from quizgen.errors import InputError
from quizgen.text import batch_sources
from quizgen.text.batch_sources import read_csv_articles


def _bad_rows(n: int) -> str:
    """``n`` rows of one title and a level that does not exist: every row is an error, every name
    the same before it is made unique (the case that was quadratic)."""
    return "title,text,level\n" + "".join(f"t,x,Z{i % 10}\n" for i in range(n))


def _lines_run(text: str) -> int:
    """Lines of batch_sources executed while reading ``text``."""
    count = 0
    source = batch_sources.__file__

    def tracer(frame, event, arg):  # noqa: ANN001
        nonlocal count
        if frame.f_code.co_filename != source:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        read_csv_articles(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("rows", [_bad_rows, lambda n: "title,text\n" + "Titel,Ein Text.\n" * n,
                                  lambda n: "title,text\n" + '"a,b\n' * n])
def test_reading_takes_steps_in_proportion_to_the_rows(rows) -> None:
    small, large = _lines_run(rows(300)), _lines_run(rows(1200))
    assert large / small < 4.6, (small, large)  # four times the rows: about four times the steps (quadratic: 16)


def test_names_stay_unique_when_every_row_has_the_same_title() -> None:
    records = read_csv_articles("title,text\n" + "Titel,Ein Text.\n" * 5 + "Titel-3,Noch einer.\n")
    assert [r.name for r in records] == ["titel", "titel-2", "titel-3", "titel-4", "titel-5", "titel-3-2"]


def test_a_csv_over_the_row_limit_is_refused_as_a_whole_without_reading_the_rest() -> None:
    text = _bad_rows(8000)
    with pytest.raises(InputError, match="more than 1,000 rows"):
        read_csv_articles(text, name="artikel.csv", max_rows=1000)
    assert len(read_csv_articles(text, max_rows=8000)) == 8000


def test_a_csv_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(InputError, match="larger than 10 KB"):
        read_csv_articles(("title,text\n" + "Ä,Ein Text.\n" * 1000).encode("utf-8"), max_bytes=10_000)
