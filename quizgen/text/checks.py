"""Checks and normalises raw text before analysis, so bad input fails early and clearly."""

from __future__ import annotations

import re
import unicodedata

from quizgen.errors import BinaryInputError, EmptyTextError, MarkupInputError, NotGermanError, TextTooLongError
from quizgen.text.cleaning import strip_web_junk
from quizgen.text.decoding import decode_text

DEFAULT_MAX_CHARS = 100_000

# Invisible format characters (Unicode category Cf) would hide inside words and split or glue
# tokens: soft hyphens, zero-width (non-)joiners and spaces, word joiners, BOMs, and the
# direction marks and embeddings that text copied from web pages often carries.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
# Every other space character (category Zs) becomes a plain space; line and paragraph
# separators become line ends.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_ENDS = {"\r\n": "\n", "\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Tags of an HTML page's source; a pasted page would give exercises on its markup and scripts.
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|script|style|iframe|noscript|meta|link|div|span|p|a|br|img|h[1-6]|ul|ol|li|"
    r"table|tr|td|th|article|section|nav|header|footer|main|aside|form|input|button|b|i|em|strong)\b[^<>]*>",
    re.IGNORECASE,
)
_ACTIVE_TAG = re.compile(r"<(?:script|style|iframe)\b", re.IGNORECASE)

# Frequent words by language: a text whose words are mostly from another list is not German.
_FUNCTION_WORDS = {
    "German": set(
        "der die das und ist nicht ein eine einen einem dem den des zu mit sich auf für von "
        "im in sie er es wir ich auch als wie an bei nach aus noch wird werden hat haben sind "
        "war dass oder aber nur so am vom zum zur über durch um wenn man kann sein seine ihre".split()
    ),
    "English": set(
        "the and is are was were of to in that it for on with as by this be at from have has "
        "not but or an which they their he she we you will would can".split()
    ),
    "French": set("le la les et est un une des du que qui dans pour pas sur au avec ce il elle".split()),
    "Spanish": set("el la los las y es un una que en por con para del se su al lo como".split()),
    "Italian": set("il la le e è un una che di per con non del della sono si gli".split()),
    "Dutch": set("de het een en is van dat op te zijn niet met voor ook aan er".split()),
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def normalize_text(text: str) -> str:
    """Remove soft hyphens and zero-width characters, unify spaces and line ends, NFC."""
    for old, new in _LINE_ENDS.items():
        text = text.replace(old, new)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub(" ", text)
    # NFC last: removing a soft hyphen can bring a letter and a combining mark together.
    return unicodedata.normalize("NFC", text).strip()


def guess_language(text: str) -> str | None:
    """Name the language a text looks like by its function words; None when unsure."""
    letters = _LETTER.findall(text[:20_000])
    if letters and sum(1 for c in letters if _CYRILLIC.match(c)) > 0.5 * len(letters):
        return "Russian or another language in Cyrillic script"
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else None


def check_text(text: str | bytes, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return the normalised text, or raise an InputError that says what to do."""
    if isinstance(text, bytes):
        text = decode_text(text, name="The text")
    if "\x00" in text or _looks_binary(text):
        raise BinaryInputError(
            "This looks like a binary file, not text. Paste the article itself or upload a "
            ".txt, .md or .html file."
        )
    cleaned = normalize_text(text)
    if not cleaned:
        raise EmptyTextError("The text is empty. Paste a German article or upload a file with one.")
    # links, handles, hashtags, credits and bylines are no prose to gap or ask about
    cleaned = strip_web_junk(cleaned)
    if not cleaned:
        raise EmptyTextError(
            "The text has only links, handles or credits, no article text. Paste the article itself."
        )
    if len(cleaned) > max_chars:
        raise TextTooLongError(
            f"The text has {len(cleaned):,} characters; the limit is {max_chars:,}. "
            "Split it into shorter parts (one article at a time) and try again."
        )
    if _looks_like_html(cleaned):
        raise MarkupInputError(
            "This looks like the HTML source of a web page, not the article's text. Copy the text "
            "as the browser shows it, or save the page as an .html file and give that file instead: "
            "its article text is then extracted."
        )
    words = _WORD.findall(cleaned)
    if len(words) >= 5:
        language = guess_language(cleaned)
        if language is not None and language != "German":
            raise NotGermanError(
                f"This text looks like {language}, not German. Quizgen makes lessons from "
                "German texts only: paste a German article."
            )
        if language is None and len(words) >= 20:
            raise NotGermanError(
                "This text does not look like German. Quizgen makes lessons from German "
                "texts only: paste a German article."
            )
    elif not words:
        raise EmptyTextError("The text has no words. Paste a German article or upload a file with one.")
    return cleaned


def _looks_like_html(text: str) -> bool:
    # One stray "<b>" in an article is harmless; a script or several tags mean page source.
    return bool(_ACTIVE_TAG.search(text)) or len(_HTML_TAG.findall(text, 0, 50_000)) >= 3


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn") and c not in "\n\t\r")
    odd += sample.count("\ufffd")
    return odd > 0.05 * len(sample)
