"""Hand-built lesson packs for the export tests: realistic, small, independent of generators.

The first pack is built on the seed article (shared/seed/moskau-besuch.txt) with items a
teacher would accept; the second is a short second article sharing some words with it, so
the tests can show that a re-import updates shared vocabulary notes.
"""

from __future__ import annotations

import re
from pathlib import Path

from quizgen.pack import ClozeItem, LessonPack, NameEntry, Question, TextLevel, VocabEntry

from tests.shared_data import SEED  # noqa: E402
_SENTENCE_END = re.compile(r"(?<!\d\.)(?<=[.!?”])\s+(?=[“A-ZÄÖÜ])")


def split_sentences(text: str) -> tuple[str, ...]:
    """A plain splitter that is good enough for the two fixture texts."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        out.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    return tuple(out)


def seed_text() -> str:
    if SEED.exists():
        return SEED.read_text(encoding="utf-8").strip()
    # the shared folder is read-only data next to the clone; keep the tests running without it
    return SECOND_TEXT


def _noun(lemma: str, gender: str, plural: str | None, gloss: str | None, example: str,
          sentence: int, cefr: str = "B1", band: int = 3, zipf: float = 4.0,
          parts: tuple[str, ...] = (), gloss_note: str | None = None) -> VocabEntry:
    article = {"m": "der", "f": "die", "n": "das"}[gender]
    return VocabEntry(lemma=lemma, display=f"{article} {lemma}", pos="NOUN", gender=gender,
                      plural=plural, gloss=gloss, gloss_note=gloss_note, zipf=zipf, cefr=cefr,
                      band=band, count=1, example=example, sentence=sentence, parts=parts,
                      forms=(lemma,))


def _word(lemma: str, pos: str, gloss: str | None, example: str, sentence: int,
          display: str | None = None, cefr: str = "B1", gloss_note: str | None = None
          ) -> VocabEntry:
    return VocabEntry(lemma=lemma, display=display or lemma, pos=pos, gender=None, plural=None,
                      gloss=gloss, gloss_note=gloss_note, zipf=3.5, cefr=cefr, band=3, count=1,
                      example=example, sentence=sentence)


def moskau_pack() -> LessonPack:
    text = seed_text()
    sentences = split_sentences(text)
    vocabulary = (
        _noun("Partnerschaft", "f", "die Partnerschaften", "partnership",
              "Kurz vor dem ersten Jahrestag des Ukraine-Kriegs treiben Russland und China eine "
              "Vertiefung ihrer **Partnerschaft** voran.", 0, cefr="B2"),
        _word("ankündigen", "VERB", "to announce",
              "Präsident Wladimir Putin **kündigte** am Mittwoch bei einem Moskau-Besuch des "
              "chinesischen Top-Diplomaten Wang Yi **an**, dass Staatschef Xi Jinping Russland "
              "besuchen werde.", 1),
        _noun("Beziehung", "f", "die Beziehungen", "relation, relationship",
              "“Die internationalen **Beziehungen** sind heute kompliziert”, sagte Putin der "
              "russischen Staatsagentur Tass zufolge.", 5, cefr="B1"),
        _noun("Zusammenarbeit", "f", None, "cooperation",
              "In diesem Zusammenhang kommt der **Zusammenarbeit** zwischen der Volksrepublik "
              "China und der Russischen Föderation (…) eine besonders hohe Bedeutung für die "
              "Stabilisierung der internationalen Lage zu.”", 6),
        _noun("Verhältnis", "n", "die Verhältnisse", "relationship",
              "Das sino-russische **Verhältnis** richte sich nicht gegen Dritte, es werde aber "
              "auch “nicht dem Druck Dritter nachgeben”.", 8),
        _noun("Abzug", "m", "die Abzüge", "withdrawal",
              "Die Ukraine fordert als Grundvoraussetzung zu Gesprächen mit Moskau den "
              "vollständigen **Abzug** russischer Truppen von ihrem Staatsgebiet, inklusive der "
              "Krim.", 20, cefr="B2"),
        _noun("Grundvoraussetzung", "f", "die Grundvoraussetzungen", "basic prerequisite",
              "Die Ukraine fordert als **Grundvoraussetzung** zu Gesprächen mit Moskau den "
              "vollständigen Abzug russischer Truppen von ihrem Staatsgebiet, inklusive der "
              "Krim.", 20, cefr="C1", parts=("Grund", "Voraussetzung")),
        _word("vollständig", "ADJ", "complete, full",
              "Die Ukraine fordert als Grundvoraussetzung zu Gesprächen mit Moskau den "
              "**vollständigen** Abzug russischer Truppen von ihrem Staatsgebiet, inklusive der "
              "Krim.", 20),
        _word("befürchten", "VERB", "to fear",
              "Wangs Äußerung wurde als rhetorische Spitze gegen die USA interpretiert, die "
              "zunehmend **befürchten**, dass die Volksrepublik Russland mit Waffen im Krieg "
              "gegen die Ukraine unterstützen könnte.", 13),
        _word("verlauten", "VERB", None,
              "Darin geht es unter anderem um “den Respekt der Souveränität und territorialen "
              "Integrität”, wie aus dem Außenamt in Peking **verlautete**.", 19, cefr="C1",
              gloss_note="no gloss in the glossary"),
    )
    names = (
        NameEntry("Wladimir Putin", "PER", 5, 1),
        NameEntry("Wang Yi", "PER", 5, 1),
        NameEntry("Russland", "LOC", 6, 0),
        NameEntry("Tass", "ORG", 2, 5),
    )
    cloze = (
        ClozeItem(id="c01", kind="open",
                  text="Kurz vor dem ersten Jahrestag des Ukraine-Kriegs treiben Russland und "
                       "China eine Vertiefung ihrer ___ voran.",
                  answer="Partnerschaft", hint="partnership", sentence=0,
                  answers=("Partnerschaft",), lemma="Partnerschaft", pos="NOUN"),
        ClozeItem(id="c02", kind="choice",
                  text="Wang hob hervor, dass die ___ zwischen den beiden Ländern dem Druck "
                       "einer instabilen internationalen Situation standgehalten hätten.",
                  answer="Beziehungen", options=("Bedingungen", "Beziehungen", "Grenzen"),
                  sentence=7, answers=("Beziehungen",), lemma="Beziehung", pos="NOUN"),
        ClozeItem(id="c03", kind="wordbank",
                  text="Die Ukraine fordert als ___ zu Gesprächen mit Moskau den ___ Abzug "
                       "russischer Truppen von ihrem ___, inklusive der Krim.",
                  answer="Grundvoraussetzung | vollständigen | Staatsgebiet",
                  options=("Grundvoraussetzung", "Partnerschaft", "Staatsgebiet",
                           "vollständigen"),
                  sentence=20, answers=("Grundvoraussetzung", "vollständigen", "Staatsgebiet")),
        ClozeItem(id="c04", kind="article",
                  text="___ Annäherung der beiden Großmächte wird im Westen ebenso mit Sorge "
                       "beobachtet wie ein kürzlich von China in Aussicht gestellter "
                       "Friedensplan für die Ukraine.",
                  answer="Die", options=("Der", "Die", "Das"), hint="Annäherung (f)",
                  sentence=15, answers=("Die",), lemma="Annäherung", pos="NOUN"),
        ClozeItem(id="c05", kind="ending",
                  text="“Die international___ Beziehungen sind heute kompliziert”, sagte Putin.",
                  answer="en", options=("e", "en", "er", "es"), sentence=5, answers=("en",),
                  lemma="international", pos="ADJ"),
        ClozeItem(id="c06", kind="verbform",
                  text="Präsident Wladimir Putin ___ am Mittwoch bei einem Moskau-Besuch des "
                       "chinesischen Top-Diplomaten Wang Yi an, dass Staatschef Xi Jinping "
                       "Russland besuchen werde.",
                  answer="kündigte", hint="ankündigen, Präteritum", sentence=1,
                  answers=("kündigte",), lemma="ankündigen", pos="VERB"),
    )
    questions = (
        Question(id="q01", kind="wh", question="Wen will Staatschef Xi Jinping besuchen?",
                 answer="Russland", answer_short="Russland", sentence=1, score=0.9,
                 wh_word="Wen"),
        Question(id="q02", kind="wh", question="Wann kündigte Putin den Besuch an?",
                 answer="am Mittwoch", answer_short="Mittwoch", accepted=("Mittwoch",),
                 sentence=1, score=0.8, wh_word="Wann"),
        Question(id="q03", kind="wh",
                 question="Was fordert die Ukraine als Grundvoraussetzung zu Gesprächen mit "
                          "Moskau?",
                 answer="den vollständigen Abzug russischer Truppen von ihrem Staatsgebiet",
                 answer_short="den vollständigen Abzug russischer Truppen",
                 accepted=("Abzug russischer Truppen",), sentence=20, score=0.7,
                 wh_word="Was"),
        Question(id="q04", kind="truefalse",
                 question="Putin sagt, die internationalen Beziehungen sind heute einfach.",
                 answer="falsch", answer_short="falsch", sentence=5, score=0.8),
        Question(id="q05", kind="truefalse",
                 question="Xi will zum Jahrestag ein Positionspapier vorstellen.",
                 answer="richtig", answer_short="richtig", sentence=18, score=0.8),
        Question(id="q06", kind="truefalse",
                 question="Die USA befürchten, dass China Russland mit Waffen unterstützen "
                          "könnte.",
                 answer="richtig", answer_short="richtig", sentence=13, score=0.7),
        Question(id="q07", kind="choice",
                 question="Wann will Xi das Positionspapier vorstellen?",
                 answer="zum Jahrestag: am 24. Februar", answer_short="zum Jahrestag",
                 options=("zum Jahrestag: am 24. Februar", "am Mittwoch",
                          "nach dem Besuch in Moskau"),
                 correct=0, sentence=18, score=0.7),
        Question(id="q08", kind="choice",
                 question="Wie wird die Annäherung der beiden Großmächte im Westen beobachtet?",
                 answer="mit Sorge", answer_short="mit Sorge",
                 options=("mit Freude", "mit Sorge", "ohne Interesse"), correct=1,
                 sentence=15, score=0.6),
    )
    return LessonPack(
        title="Moskau-Besuch: Russland und China vertiefen Partnerschaft", level="B1",
        text=text, sentences=sentences,
        text_level=TextLevel(words=len(text.split()), sentences=len(sentences), amstad=38.5,
                             wiener=12.1, cefr="B2", share_above_level=0.21),
        vocabulary=vocabulary, names=names, cloze=cloze, questions=questions,
        source="moskau-besuch.txt", generator="hand-built test fixture")


SECOND_TEXT = (
    "Berlin und Paris wollen ihre Partnerschaft in der Energiepolitik ausbauen. "
    "Die Beziehungen zwischen beiden Ländern seien eng, sagte die Ministerin am Dienstag.\n"
    "Die Zusammenarbeit soll vor allem den Bau neuer Stromleitungen betreffen. "
    "Ein Abkommen wollen beide Regierungen im Sommer unterzeichnen."
)


def second_pack() -> LessonPack:
    """Another article: shares Partnerschaft, Beziehung and Zusammenarbeit with moskau_pack."""
    sentences = split_sentences(SECOND_TEXT)
    vocabulary = (
        _noun("Partnerschaft", "f", "die Partnerschaften", "partnership",
              "Berlin und Paris wollen ihre **Partnerschaft** in der Energiepolitik ausbauen.",
              0, cefr="B2"),
        _noun("Beziehung", "f", "die Beziehungen", "relation, relationship",
              "Die **Beziehungen** zwischen beiden Ländern seien eng, sagte die Ministerin am "
              "Dienstag.", 1),
        _noun("Zusammenarbeit", "f", None, "cooperation",
              "Die **Zusammenarbeit** soll vor allem den Bau neuer Stromleitungen betreffen.", 2),
        _noun("Stromleitung", "f", "die Stromleitungen", "power line",
              "Die Zusammenarbeit soll vor allem den Bau neuer **Stromleitungen** betreffen.", 2,
              parts=("Strom", "Leitung")),
        _word("unterzeichnen", "VERB", "to sign",
              "Ein Abkommen wollen beide Regierungen im Sommer **unterzeichnen**.", 3),
    )
    cloze = (
        ClozeItem(id="c01", kind="open",
                  text="Berlin und Paris wollen ihre ___ in der Energiepolitik ausbauen.",
                  answer="Partnerschaft", hint="partnership", sentence=0,
                  answers=("Partnerschaft",), lemma="Partnerschaft", pos="NOUN"),
    )
    questions = (
        Question(id="q01", kind="wh", question="Wann wollen beide Regierungen ein Abkommen "
                 "unterzeichnen?", answer="im Sommer", answer_short="im Sommer", sentence=3,
                 score=0.8, wh_word="Wann"),
    )
    return LessonPack(
        title="Energie: Berlin und Paris bauen Partnerschaft aus", level="B1",
        text=SECOND_TEXT, sentences=sentences, text_level=None, vocabulary=vocabulary,
        names=(NameEntry("Berlin", "LOC", 1, 0), NameEntry("Paris", "LOC", 1, 0)),
        cloze=cloze, questions=questions, source="energie.txt",
        generator="hand-built test fixture")
