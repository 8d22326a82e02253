"""English participles of verb glosses (for participle adjectives and verbs used as nouns)."""

from __future__ import annotations

from quizgen.german.english_forms import past_participle, present_participle


def test_past_participles_follow_english_spelling() -> None:
    assert past_participle("to announce; to declare") == "announced; declared"
    assert past_participle("to take over") == "taken over"
    assert past_participle("to stop") == "stopped"
    assert past_participle("to be elected") is None  # no clean participle


def test_present_participles_follow_english_spelling() -> None:
    assert present_participle("to rotate") == "rotating"
    assert present_participle("to stop; to halt") == "stopping; halting"
    assert present_participle("to lie") == "lying"
    assert present_participle("to panic") == "panicking"
    assert present_participle("to prevent sth.") == "preventing"
    assert present_participle("war") is None  # no verb
