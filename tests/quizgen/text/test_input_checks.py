from __future__ import annotations

import pytest

from quizgen.errors import BinaryInputError, EmptyTextError, NotGermanError, TextTooLongError
from quizgen.text.checks import check_text, normalize_text


def test_it_removes_soft_hyphens_zero_width_and_nbsp() -> None:
    assert normalize_text("Ver\u00adtie\u200bfung\u00a0der Part\u00adnerschaft") == "Vertiefung der Partnerschaft"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_it_refuses_empty_text(text: str) -> None:
    with pytest.raises(EmptyTextError):
        check_text(text)


def test_it_refuses_text_over_the_limit() -> None:
    with pytest.raises(TextTooLongError, match="limit"):
        check_text("Das ist ein Satz. " * 100, max_chars=500)


def test_it_names_english_text() -> None:
    with pytest.raises(NotGermanError, match="English"):
        check_text("The president said on Wednesday that the visit would take place in the spring.")


def test_it_names_russian_text() -> None:
    with pytest.raises(NotGermanError, match="Russian"):
        check_text("Президент Владимир Путин заявил в среду, что председатель Си Цзиньпин посетит Россию.")


def test_it_refuses_binary_garbage() -> None:
    with pytest.raises(BinaryInputError):
        check_text(bytes(range(256)) * 4)
