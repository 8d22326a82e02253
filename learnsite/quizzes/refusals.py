"""Why the site refuses an action, in the person's language.

Subclasses of quizgen's one error hierarchy (quizgen/errors.py), so a view catches
``QuizgenError`` once and shows ``message`` whichever layer refused. The site's own errors are
defined here only, raised with translated messages; quizgen's English ones are translated by
their ``code`` in ``explain``.
"""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from quizgen.errors import QuizgenError


class QuizRefused(QuizgenError):
    """The site will not do this now; the message says why and what to do."""

    code = "quiz_refused"

    def __init__(self, message: object) -> None:  # a lazy translation is welcome
        super().__init__(str(message))


class RateLimited(QuizRefused):
    code = "rate_limited"


class NotOpen(QuizRefused):
    code = "not_open"


class NothingToExport(QuizRefused):
    """The download asked for does not exist here, or the quiz has nothing to export yet."""

    code = "nothing_to_export"


# quizgen's own messages are English and may carry figures; in another interface language a
# translated general message for the same code is shown instead.
_TRANSLATED = {
    "empty_text": _("The text is empty. Paste a German article or upload a file with one."),
    "text_too_long": _("The text is too long. Split it into shorter parts (one article at a time) and try again."),
    "not_german": _("This text does not look like German. Quizgen makes lessons from German texts only."),
    "binary_input": _("This does not look like text. Paste the article itself or upload a .txt, .md, .html, .pdf or .docx "
                      "file."),
    "extraction_failed": _("No article text could be found there. Paste the text instead."),
    "markup_input": _("This looks like the HTML source of a web page, not the article's text. Copy the text as the "
                      "browser shows it, or upload the page as an .html file."),
    "fetch_failed": _("The web page could not be fetched. Check the address, or paste the text instead."),
    "document_unreadable": _("This PDF or Word file gives no text to work with (a scan, a password, or a broken "
                             "file). Paste the text, or upload the article as a text file."),
    "pipeline_error": _("The language analysis is not installed correctly. Tell the site's administrator."),
    "unknown_kind": _("This kind of exercise is not known to the site. Choose one of the kinds it offers."),
}


# quizgen's messages that tell a command-line user what to type: the site says what to do on its page.
_ON_THE_SITE = {
    "csv_format": _("The CSV's first line is neither a header row naming a text or url column (e.g. "
                    "title,text,level) nor a 10kGNAD row (label;text). Add a header row, or choose "
                    "“10kGNAD” as the CSV format."),
}


def explain(error: QuizgenError) -> str:
    """The error's message in the active interface language."""
    if error.code in _ON_THE_SITE:
        return str(_ON_THE_SITE[error.code])
    if isinstance(error, QuizRefused) or (get_language() or "en").startswith("en"):
        return error.message
    # the most specific code with a translation: ClozeKindError falls back to KindError's
    for cls in type(error).__mro__:
        code = getattr(cls, "code", None)
        if code in _TRANSLATED:
            return str(_TRANSLATED[code])
    return error.message
