"""Quizgen's three Anki note types. Their ids are constants: never change them.

Anki recognises a note type by its id; a changed id makes every re-imported deck create a
second, duplicate note type in the learner's collection. Field names and order are part of
the same contract (add fields only at the end).
"""

from __future__ import annotations

import genanki

VOCABULARY_MODEL_ID = 2038656865
CLOZE_MODEL_ID = 1709741839
QUESTION_MODEL_ID = 2030422158

VOCABULARY_FIELDS: tuple[str, ...] = (
    "German",  # with the article: die Partnerschaft
    "Gender",  # the gender as a word: feminin
    "GenderCode",  # m, f, n (colours the card); empty for other parts of speech
    "Plural",
    "English",
    "GlossNote",
    "Example",  # the sentence from the article, the word in <b class="target">
    "Source",  # the article's title
    "PartOfSpeech",
    "Reverse",  # non-empty: also make the English -> German card
)
CLOZE_FIELDS: tuple[str, ...] = ("Text", "Extra", "Source")
QUESTION_FIELDS: tuple[str, ...] = ("Question", "Options", "Answer", "Evidence", "Source", "Kind")

CSS = """\
.card { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 22px; text-align: center;
        color: #222; background: #fff; }
.de { font-size: 30px; font-weight: bold; }
.en { font-size: 26px; }
.gender { font-size: 16px; margin-top: 4px; }
.gender-m { color: #1f5fbf; }
.gender-f { color: #c0392b; }
.gender-n { color: #1e8449; }
.plural, .note, .pos { font-size: 16px; color: #555; margin-top: 6px; }
.example { font-size: 18px; margin-top: 14px; text-align: left; }
.target { color: #8e44ad; }
.source { font-size: 13px; color: #888; margin-top: 14px; }
.cloze { font-weight: bold; color: #1f5fbf; }
.options { text-align: left; display: inline-block; font-size: 18px; }
.evidence { font-size: 17px; margin-top: 14px; text-align: left; }
"""

_VOCAB_DE_FRONT = """\
<div class="de gender-{{GenderCode}}">{{German}}</div>
{{#Gender}}<div class="gender gender-{{GenderCode}}">{{Gender}}</div>{{/Gender}}
<div class="pos">{{PartOfSpeech}}</div>"""

_VOCAB_DETAILS = """\
{{#Plural}}<div class="plural">Plural: {{Plural}}</div>{{/Plural}}
{{#GlossNote}}<div class="note">{{GlossNote}}</div>{{/GlossNote}}
<div class="example">{{Example}}</div>
<div class="source">{{Source}}</div>"""

VOCABULARY_MODEL = genanki.Model(
    VOCABULARY_MODEL_ID,
    "Quizgen Vocabulary",
    fields=[{"name": name} for name in VOCABULARY_FIELDS],
    templates=[
        {
            "name": "German -> English",
            "qfmt": _VOCAB_DE_FRONT,
            "afmt": '{{FrontSide}}\n<hr id="answer">\n<div class="en">{{English}}</div>\n'
            + _VOCAB_DETAILS,
        },
        {
            "name": "English -> German",
            "qfmt": '{{#Reverse}}<div class="en">{{English}}</div>{{/Reverse}}',
            "afmt": '{{FrontSide}}\n<hr id="answer">\n' + _VOCAB_DE_FRONT + "\n" + _VOCAB_DETAILS,
        },
    ],
    css=CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "Quizgen Cloze",
    fields=[{"name": name} for name in CLOZE_FIELDS],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": '{{cloze:Text}}\n{{#Extra}}<div class="note">{{Extra}}</div>{{/Extra}}\n'
            '<div class="source">{{Source}}</div>',
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

QUESTION_MODEL = genanki.Model(
    QUESTION_MODEL_ID,
    "Quizgen Question",
    fields=[{"name": name} for name in QUESTION_FIELDS],
    templates=[
        {
            "name": "Question -> Answer",
            "qfmt": '<div class="question">{{Question}}</div>\n'
            '{{#Options}}<div class="options">{{Options}}</div>{{/Options}}',
            "afmt": '{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Answer}}</div>\n'
            '<div class="evidence">{{Evidence}}</div>\n<div class="source">{{Source}}</div>',
        }
    ],
    css=CSS,
)
