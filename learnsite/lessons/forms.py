"""The form a person pastes German text into."""

from __future__ import annotations

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _


class RawTextField(forms.CharField):
    """A text field that leaves every check of the text to quizgen.

    Django refuses NUL characters on its own; quizgen recognises them as a binary file and says
    what to do instead, so the one set of checks and messages lives in quizgen.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.validators = [v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)]


class AnalyseTextForm(forms.Form):
    text = RawTextField(
        label=_("German text"),
        required=False,
        strip=False,
        help_text=_("Paste a German news article or any German text, up to a few pages."),
        widget=forms.Textarea(attrs={"rows": 10, "lang": "de", "spellcheck": "false"}),
    )
