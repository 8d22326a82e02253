"""The one error hierarchy of quizgen: every message tells the person what to do."""

from __future__ import annotations


class QuizgenError(Exception):
    """Base of every error quizgen raises on purpose; its message is meant for the user."""

    #: short machine-readable code, for interfaces that translate or log errors
    code = "quizgen_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(QuizgenError):
    """The text given cannot be analysed as it is."""

    code = "input_error"


class EmptyTextError(InputError):
    code = "empty_text"


class TextTooLongError(InputError):
    code = "text_too_long"


class NotGermanError(InputError):
    code = "not_german"


class BinaryInputError(InputError):
    code = "binary_input"


class MarkupInputError(InputError):
    """The text is the HTML source of a page: exercises made from it would quiz the markup."""

    code = "markup_input"


class CsvFormatError(InputError):
    """A CSV of articles whose format is neither a header row nor 10kGNAD rows."""

    code = "csv_format"


class DocumentError(InputError):
    """An uploaded PDF or Word file that gives no text to work with."""

    code = "document_unreadable"


class NotAnArticleError(InputError):
    """The text is no article to make a lesson from: a removal notice, a list, a headline only."""

    code = "not_an_article"


class ExtractionError(InputError):
    """An HTML page or uploaded file held no article text we could extract."""

    code = "extraction_failed"


class FetchError(InputError):
    """A web page could not be fetched (bad address, HTTP error, timeout, too large, not a page)."""

    code = "fetch_failed"


class PipelineError(QuizgenError):
    """The shipped NLP pipeline is missing or broken: an installation problem."""

    code = "pipeline_error"


class ExportError(QuizgenError):
    """A lesson pack could not be written in the format asked for."""

    code = "export_error"


class KindError(QuizgenError):
    """An exercise kind was asked for that no module registers."""

    code = "unknown_kind"


class ClozeKindError(KindError):
    """A cloze kind was asked for that no generator provides."""

    code = "unknown_cloze_kind"


class QuestionGeneratorError(KindError):
    """A question generator was asked for that the registry does not list."""

    code = "unknown_question_generator"
