"""Generation: LessonPack items mapped to rows, counts per kind, regeneration of one kind."""

from __future__ import annotations

import pytest

from learnsite.lessons.services import article_create
from learnsite.quizzes.models import Item
from learnsite.quizzes.services import items as item_services
from learnsite.quizzes.services import jobs
from learnsite.quizzes.services import quizzes as services
from learnsite.quizzes.services.generation import default_counts
from learnsite.quizzes.services.pack_items import drafts_from_pack
from quizgen.pack import ClozeItem, LessonPack, Question
from tests.learnsite.quiz_factories import SEED, make_teacher


def hand_pack() -> LessonPack:
    sentences = ("Putin kündigte am Mittwoch einen Besuch an.", "Wang traf Lawrow in Moskau.")
    return LessonPack(
        title="t", level="B1", text=" ".join(sentences), sentences=sentences, text_level=None, vocabulary=(),
        names=(),
        cloze=(
            ClozeItem(id="c1", kind="open", text="Putin ___ am Mittwoch einen Besuch an.", answer="kündigte",
                      sentence=0, answers=("kündigte",)),
            ClozeItem(id="c2", kind="open", text="Wang traf ___ in Moskau.", answer="Lawrow", sentence=1),
            ClozeItem(id="c3", kind="wordbank", text="Wang traf ___ in ___.", answer="Lawrow | Moskau",
                      options=("Moskau", "Lawrow", "Berlin"), sentence=1, answers=("Lawrow", "Moskau")),
        ),
        questions=(
            Question(id="q1", kind="choice", question="Wen traf Wang?", answer="Lawrow", answer_short="Lawrow",
                     options=("Putin", "Lawrow", "Xi"), correct=1, sentence=1),
            Question(id="q2", kind="wh", question="Wo traf Wang Lawrow?", answer="in Moskau", answer_short="Moskau",
                     accepted=("in Moskau", "Moskau"), sentence=1),
        ),
    )


def test_counts_limit_each_kind_and_keep_the_packs_order():
    drafts = drafts_from_pack(hand_pack(), {"cloze:open": 1, "cloze:wordbank": 1, "question:wh": 1})
    assert [(d.kind, d.answer) for d in drafts] == [("open", "kündigte"), ("wordbank", "Lawrow | Moskau"),
                                                     ("wh", "in Moskau")]


def test_items_carry_their_evidence_sentence_and_accepted_answers():
    drafts = drafts_from_pack(hand_pack(), {"question:wh": 1, "question:choice": 1})
    choice, wh = drafts
    assert choice.answer == "Lawrow" and choice.options == ("Putin", "Lawrow", "Xi")
    assert wh.evidence == "Wang traf Lawrow in Moskau." and wh.accepted == ("Moskau",)


@pytest.fixture(scope="module")
def generated_quiz(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        article = article_create(title="Moskau-Besuch", text=SEED.read_text(encoding="utf-8"))
        quiz = services.quiz_create_draft(teacher=make_teacher("gen"), title=article.title, text=article.text,
                                          article=article)
        jobs.job_start(quiz=quiz, level="B1", counts=default_counts())
        quiz.refresh_from_db()
        yield quiz
        quiz.teacher.delete()
        article.delete()


@pytest.mark.slow
@pytest.mark.django_db
def test_the_seed_article_gives_items_of_every_section_with_evidence_from_the_text(generated_quiz):
    quiz = generated_quiz
    items = list(quiz.items.all())
    kinds = {(i.section, i.kind) for i in items}
    assert ("cloze", "open") in kinds and ("question", "wh") in kinds
    for item in items:
        assert default_counts()[f"{item.section}:{item.kind}"] >= quiz.items.filter(section=item.section,
                                                                                    kind=item.kind).count()
        assert item.evidence and item.evidence in " ".join(quiz.pack["sentences"])
        if item.section == Item.Section.CLOZE:
            assert item.prompt.count("___") == len(item.gap_answers)
        if item.kind == "choice" or item.kind == "truefalse":
            assert item.answer in item.options
    assert quiz.pack["text_level"]["words"] > 300 and quiz.pack["vocabulary"]
    assert quiz.generated is not None and quiz.article is not None and quiz.text == quiz.article.text.strip()


@pytest.mark.slow
@pytest.mark.django_db
def test_regenerating_one_kind_leaves_the_others_alone(generated_quiz):
    quiz = generated_quiz
    wh = quiz.items.filter(kind="wh").first()
    item_services.item_update(item=wh, prompt="Von Hand geändert?", answer="ja", accepted=[], options=[])
    before_cloze = list(quiz.items.filter(section="cloze").values_list("pk", flat=True))
    jobs.job_start(quiz=quiz, level=quiz.level, counts={"question:wh": 2}, only_kind=True)
    assert list(quiz.items.filter(section="cloze").values_list("pk", flat=True)) == before_cloze
    assert quiz.items.filter(kind="wh").count() == 2
    assert not quiz.items.filter(prompt="Von Hand geändert?").exists()
