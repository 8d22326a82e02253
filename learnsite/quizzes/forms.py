"""Forms of the quiz pages: they parse input; services decide."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learnsite.quizzes.models import TITLE_MAX_LENGTH, SchoolClass, kind_choices
from learnsite.quizzes.services.generation import MAX_PER_KIND, default_counts
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import LEVELS


class NewTextForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            help_text=_("Leave empty to use the first line of the text."))
    text = forms.CharField(label=_("Paste the text"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 12, "lang": "de", "spellcheck": "false"}))
    file = forms.FileField(label=_("…or upload a file (.txt, .md, .html, .pdf, .docx)"), required=False)
    # A text input, not type=url: browsers refuse an address without https:// before Django
    # can add it (assume_scheme).
    url = forms.URLField(label=_("…or give a web address"), required=False, assume_scheme="https",
                         widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url",
                                                       "spellcheck": "false", "placeholder": "www.tagesschau.de/…"}))

    def clean(self) -> dict:
        data = super().clean()
        given = [name for name in ("text", "file", "url") if data.get(name) and str(data.get(name)).strip()]
        if len(given) != 1:
            raise forms.ValidationError(_("Give the text in exactly one way: paste it, upload a file or give a web address."))
        data["source_kind"] = given[0]
        return data


class GenerateForm(forms.Form):
    """The level and how many items of each registered kind (one number field per kind)."""

    level = forms.ChoiceField(label=_("Level of the learners"), choices=[(lv, lv) for lv in LEVELS], initial="B1")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        defaults = default_counts()
        self.kind_keys = [key for key, _label in kind_choices()]
        for key, label in kind_choices():
            self.fields[key] = forms.IntegerField(label=label, min_value=0, max_value=MAX_PER_KIND, required=False,
                                                  initial=defaults.get(key, 0),
                                                  widget=forms.NumberInput(attrs={"class": "count"}))

    def counts(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] or 0 for key in self.kind_keys}


#: a description that keeps every field of ItemForm (the teacher's own item picks its kind in the form)
_ANY_KIND = ExerciseKind(section=Section.CLOZE, name="any", label="", instruction="", answer_mode=AnswerMode.TYPED,
                         has_options=True)


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class ItemForm(forms.Form):
    prompt = forms.CharField(label=_("Question or cloze text (gaps as ___)"),
                             widget=forms.Textarea(attrs={"rows": 3, "lang": "de"}))
    answer = forms.CharField(label=_("Answer"), widget=forms.TextInput(attrs={"lang": "de"}))
    accepted = forms.CharField(label=_("Other accepted answers (one per line)"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2, "lang": "de"}))
    options = forms.CharField(label=_("Options to choose from (one per line)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3, "lang": "de"}))
    hint = forms.CharField(label=_("Hint"), required=False, max_length=300)
    case_matters = forms.BooleanField(label=_("Capitalisation counts (otherwise forgiven with a note)"),
                                      required=False)

    def __init__(self, *args: object, item_kind: ExerciseKind, has_options: bool, **kwargs: object) -> None:
        """The fields the item's kind needs: several gaps explain the answer's encoding, a
        picked answer has no capitalisation setting, a typed kind without options none."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name in ("accepted", "options"):  # every line in view, one spare to add another
            value = str(self[name].value() or "")
            self.fields[name].widget.attrs["rows"] = max(4, len(value.splitlines()) + 1)
        if item_kind.several_gaps:
            self.fields["answer"].label = _("Answer (word bank: answers in gap order, separated by |)")
        if item_kind.picked:
            del self.fields["case_matters"]  # a chosen option is compared letter for letter anyway
        if not has_options and not item_kind.has_options:
            del self.fields["options"]  # typed items: there is nothing to choose from

    def accepted_list(self) -> list[str]:
        return _lines(self.cleaned_data["accepted"])

    def options_list(self) -> list[str]:
        return _lines(self.cleaned_data.get("options", "")) if "options" in self.fields else []


class NewItemForm(ItemForm):
    """The teacher's own item: its kind first, then the fields every kind may need (the service
    checks them against the kind's description)."""

    kind = forms.ChoiceField(label=_("Kind of item"), choices=kind_choices)

    field_order = ["kind", "prompt", "answer", "accepted", "options", "hint", "case_matters"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, item_kind=_ANY_KIND, has_options=True, **kwargs)  # type: ignore[arg-type]
        self.fields["answer"].help_text = _("Several gaps (word bank): the answers in gap order, separated by |.")
        self.fields["options"].help_text = _("For items to choose from: the right answer and the wrong ones. "
                                             "Richtig/falsch items need none.")


class RenameForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH,
                            widget=forms.TextInput(attrs={"lang": "de"}))


class ClassForm(forms.Form):
    name = forms.CharField(label=_("Name of the class"), max_length=80,
                           widget=forms.TextInput(attrs={"placeholder": _("for example 7b or Deutsch B1 Dienstag")}))


class ClassChoiceForm(forms.Form):
    """Which of the teacher's classes the quiz is shared with (none: anyone with the link)."""

    school_class = forms.ModelChoiceField(label=_("Class"), queryset=SchoolClass.objects.none(), required=False,
                                          empty_label=_("No class: anyone with the link gives a name"))

    def __init__(self, *args: object, teacher: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["school_class"].queryset = SchoolClass.objects.filter(teacher=teacher)  # type: ignore[attr-defined]


class StartForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=80,
                           widget=forms.TextInput(attrs={"autocomplete": "name", "autofocus": True}))


class JoinClassForm(forms.Form):
    name = forms.CharField(label=_("Your name, as your teacher knows you"), max_length=80,
                           widget=forms.TextInput(attrs={"autocomplete": "name", "autofocus": True}))


class PersonalCodeForm(forms.Form):
    personal_code = forms.CharField(label=_("Your personal code"), max_length=12,
                                    widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                                                  "spellcheck": "false", "placeholder": "ABCD-EFGH"}))


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code from your teacher"), max_length=12,
                           help_text=_("A class code, a quiz code, or your personal code."),
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                                         "spellcheck": "false", "autofocus": True}))


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("What the key is for"), max_length=80,
                           widget=forms.TextInput(attrs={"placeholder": _("for example: school Moodle")}))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> list:
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class BatchImportForm(forms.Form):
    files = MultipleFileField(label=_("Article files (.txt, .md, .html, .pdf, .docx); choose several at once"),
                              required=False)
    urls = forms.CharField(label=_("Web addresses, one a line"), required=False,
                           widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}))
    csv = forms.FileField(label=_("…or a CSV of articles"), required=False)  # help text with the limits: __init__
    csv_format = forms.ChoiceField(
        label=_("CSV format"), initial="auto", required=False,
        choices=[("auto", _("recognise it")), ("header", _("a header row names the columns")),
                 ("gnad", _("10kGNAD: label;text rows, no header"))])
    level = forms.ChoiceField(label=_("Level of the learners"), choices=[(lv, lv) for lv in LEVELS], initial="B1")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["csv"].help_text = _(
            "A header row with a text or url column; title and level are optional. At most %(rows)s rows "
            "and %(kb)s KB.") % {"rows": f"{settings.QUIZGEN_CSV_MAX_ROWS:,}",
                                  "kb": f"{settings.QUIZGEN_CSV_MAX_BYTES // 1000:,}"}

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("files") or (data.get("urls") or "").strip() or data.get("csv")):
            raise forms.ValidationError(_("Give the articles: upload files, list web addresses or upload a CSV."))
        return data
