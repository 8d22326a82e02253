"""What someone said: questions on reported speech (tags-only pipeline on short texts)."""

from __future__ import annotations

from quizgen.questions import reported_speech
from tests.quizgen.question_records import tags_only_analysis


def _asked(text: str) -> dict[str, str]:
    return {c.question: c.answer for c in reported_speech.generate(tags_only_analysis(text))}


def test_it_asks_what_was_said_in_a_konjunktiv_clause() -> None:
    asked = _asked("Die Radwege seien dringend nötig, sagte Bürgermeisterin Elke Kahr am Montag.")
    assert asked == {"Was sagte Bürgermeisterin Elke Kahr am Montag?": "Die Radwege seien dringend nötig"}


def test_it_asks_what_was_announced_in_a_dass_clause() -> None:
    asked = _asked("Der Minister Hans Huber kündigte am Mittwoch an, dass die Regierung ein neues Gesetz vorlegen werde.")
    assert asked == {"Was kündigte der Minister Hans Huber am Mittwoch an?": "dass die Regierung ein neues Gesetz vorlegen werde"}


def test_it_does_not_ask_when_the_speaker_says_several_things() -> None:
    text = "Die Lage sei ernst, sagte Huber. Die Regierung handle schnell, sagte Huber."
    assert _asked(text) == {}


def test_it_leaves_direct_speech_alone() -> None:
    assert _asked("„Wir erreichen neue Grenzen“, sagte Putin.") == {}
