"""Links, handles, hashtags, credits and bylines are stripped before analysis; prose is kept."""

from __future__ import annotations

from quizgen.text.checks import check_text
from quizgen.text.cleaning import strip_web_junk


def test_an_embedded_tweet_leaves_no_link_handle_or_hashtag() -> None:
    text = ("Erstes Plasma: Fusionsanlage Wendelstein 7-X in Betrieb gegangen https://t.co/QH1bJFIB6F "
            "(js) #W7X pic.twitter.com/ZNXgs0HgKt Es war eine Generalprobe. .@MatthiasMeisner sagt das.")
    cleaned = strip_web_junk(text)
    for junk in ("https://", "t.co", "#W7X", "pic.twitter.com", "@MatthiasMeisner"):
        assert junk not in cleaned
    assert "Es war eine Generalprobe." in cleaned and "in Betrieb gegangen" in cleaned


def test_agency_credits_and_bylines_go_but_brackets_of_the_prose_stay() -> None:
    text = "Von Hans Müller\nDie Wahl ist geschlagen (APA/dpa, 23.8.2015). Die ÖVP (Volkspartei) siegt (red, 4.8.2015)."
    cleaned = strip_web_junk(text)
    assert cleaned == "Die Wahl ist geschlagen. Die ÖVP (Volkspartei) siegt."
    assert strip_web_junk("Laut APA sagte Anna (SPÖ) nein.") == "Laut APA sagte Anna (SPÖ) nein."
    assert strip_web_junk("Schreiben Sie an info@example.at.") == "Schreiben Sie an info@example.at."


def test_check_text_hands_the_cleaned_text_to_the_analysis() -> None:
    assert "pic.twitter.com" not in check_text("Die Stadt hat eine neue Bibliothek. pic.twitter.com/abc123 Sie ist groß und schön.")
