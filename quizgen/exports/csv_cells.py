"""CSV cells a spreadsheet takes as text, never as a formula (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some read past a leading tab or carriage return) as a formula: ``=HYPERLINK(...)`` in a
word list is a link someone else chose. Every CSV Quizgen writes passes its cells through here.
"""

from __future__ import annotations

#: characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain_cell(text: str) -> str:
    """A plain-text cell: a leading apostrophe, which spreadsheets show as text and hide, before a
    formula start."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def html_cell(text: str) -> str:
    """A cell that Anki reads as HTML: its formula start written as a character reference
    (``&#61;`` for ``=``), which Anki shows as the character and a spreadsheet as text."""
    if text.startswith(FORMULA_STARTS):
        return f"&#{ord(text[0])};" + text[1:]
    return text
