"""Quiz services: saving texts, editing items, publishing, attempts and checked answers."""

from __future__ import annotations

import pytest

from learnsite.quizzes.models import CLASS_CODE_ALPHABET, Item
from learnsite.quizzes.refusals import NotOpen, QuizRefused
from learnsite.quizzes.services import attempts as attempt_services
from learnsite.quizzes.services import items as item_services
from learnsite.quizzes.services import quizzes as services
from quizgen.errors import EmptyTextError, NotGermanError
from tests.learnsite.quiz_factories import item, make_quiz, make_teacher

pytestmark = pytest.mark.django_db


def test_a_text_is_saved_as_a_draft_before_anything_is_generated():
    quiz = services.quiz_create_draft(teacher=make_teacher(), title="", text="Der Hund schläft. Die Katze spielt im Garten.")
    quiz.refresh_from_db()
    assert quiz.status == "draft" and quiz.generated is None and not quiz.items.exists()
    assert quiz.title == "Der Hund schläft. Die Katze spielt im Garten."


def test_empty_and_non_german_texts_are_refused_with_a_reason():
    teacher = make_teacher()
    with pytest.raises(EmptyTextError):
        services.quiz_create_draft(teacher=teacher, title="x", text="   ")
    with pytest.raises(NotGermanError):
        services.quiz_create_draft(teacher=teacher, title="x", text="The dog is in the garden and the cat is on the roof.")


def test_share_token_and_class_code_are_unguessable_and_unambiguous():
    teacher = make_teacher()
    first, second = make_quiz(teacher), make_quiz(teacher)
    assert len(first.share_token) >= 20 and first.share_token != second.share_token
    assert len(first.class_code) == 8 and set(first.class_code) <= set(CLASS_CODE_ALPHABET)
    assert not set("0O1IL") & set(CLASS_CODE_ALPHABET)


def test_publishing_needs_an_item():
    quiz = services.quiz_create_draft(teacher=make_teacher(), title="t", text="Der Hund schläft im Garten.")
    with pytest.raises(QuizRefused):
        services.quiz_publish(quiz=quiz)


def test_unpublishing_stops_new_attempts():
    quiz = make_quiz(make_teacher())
    services.quiz_unpublish(quiz=quiz)
    with pytest.raises(NotOpen):
        attempt_services.attempt_start(quiz=quiz, learner_name="Ada")


def test_editing_an_item_changes_what_counts_as_right():
    quiz = make_quiz(make_teacher())
    wh = item(quiz, "wh")
    item_services.item_update(item=wh, prompt="Wen traf Wang?", answer="Sergej Lawrow", accepted=["Lawrow", ""],
                         options=[])
    wh.refresh_from_db()
    assert (wh.prompt, wh.answer, wh.accepted) == ("Wen traf Wang?", "Sergej Lawrow", ["Lawrow"])


def test_a_choice_answer_must_be_among_the_options():
    quiz = make_quiz(make_teacher())
    with pytest.raises(QuizRefused, match="one of the options"):
        item_services.item_update(item=item(quiz, "choice"), prompt="Putin ___ an.", answer="kündigt an",
                             accepted=[], options=["kündigte", "kündigen"])


def test_a_cloze_item_needs_its_gap_marked():
    quiz = make_quiz(make_teacher())
    with pytest.raises(QuizRefused, match="___"):
        item_services.item_update(item=item(quiz, "open"), prompt="Kein Platzhalter hier.", answer="Außenminister",
                             accepted=[], options=[])


def test_moving_an_item_swaps_it_with_its_neighbour():
    quiz = make_quiz(make_teacher())
    before = list(quiz.items.filter(section=Item.Section.CLOZE).values_list("kind", flat=True))
    item_services.item_move(item=item(quiz, "choice"), up=True)
    after = list(quiz.items.filter(section=Item.Section.CLOZE).values_list("kind", flat=True))
    assert before == ["open", "choice", "wordbank"] and after == ["choice", "open", "wordbank"]


def test_an_answer_with_ss_for_sharp_s_is_right_with_a_note():
    quiz = make_quiz(make_teacher())
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    answer = attempt_services.answer_submit(attempt=attempt, item=item(quiz, "open"), given=["Aussenminister"])
    assert answer.correct and not answer.exact and answer.note == "sharp_s_spelling"


def test_a_short_accepted_answer_to_a_w_question_is_right():
    quiz = make_quiz(make_teacher())
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    assert attempt_services.answer_submit(attempt=attempt, item=item(quiz, "wh"), given=["lawrow"]).correct


def test_a_chosen_option_gets_no_typo_forgiveness():
    quiz = make_quiz(make_teacher())
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    answer = attempt_services.answer_submit(attempt=attempt, item=item(quiz, "choice"), given=["kündigt"])
    assert not answer.correct and answer.note == "wrong_ending"


def test_a_word_bank_is_right_only_when_every_gap_is():
    quiz = make_quiz(make_teacher())
    bank = item(quiz, "wordbank")
    first = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    second = attempt_services.attempt_start(quiz=quiz, learner_name="Bo")
    assert attempt_services.answer_submit(attempt=first, item=bank, given=["Mittwoch", "Russland"]).correct
    assert not attempt_services.answer_submit(attempt=second, item=bank, given=["Mittwoch", "Moskau"]).correct


def test_an_item_of_another_quiz_is_refused():
    teacher = make_teacher()
    mine, other = make_quiz(teacher), make_quiz(teacher)
    attempt = attempt_services.attempt_start(quiz=mine, learner_name="Ada")
    with pytest.raises(QuizRefused, match="not part of your quiz"):
        attempt_services.answer_submit(attempt=attempt, item=item(other, "open"), given=["Außenminister"])


def test_a_second_answer_to_the_same_item_does_not_replace_the_first():
    quiz = make_quiz(make_teacher())
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    first = attempt_services.answer_submit(attempt=attempt, item=item(quiz, "open"), given=["Berlin"])
    again = attempt_services.answer_submit(attempt=attempt, item=item(quiz, "open"), given=["Außenminister"])
    assert again.pk == first.pk and not again.correct


def test_an_empty_answer_is_not_recorded():
    quiz = make_quiz(make_teacher())
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    with pytest.raises(QuizRefused):
        attempt_services.answer_submit(attempt=attempt, item=item(quiz, "open"), given=["  "])
    assert not attempt.answers.exists()


def test_finishing_scores_and_retry_takes_only_the_wrong_items():
    quiz = make_quiz(make_teacher())
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    attempt_services.answer_submit(attempt=attempt, item=item(quiz, "open"), given=["Außenminister"])
    attempt_services.answer_submit(attempt=attempt, item=item(quiz, "truefalse"), given=["falsch"])
    attempt_services.attempt_finish(attempt=attempt)
    assert attempt.score == 1 and attempt.total == 5
    retry = attempt_services.attempt_retry_wrong(attempt=attempt)
    assert item(quiz, "open").pk not in retry.item_ids and len(retry.item_ids) == 4
    with pytest.raises(QuizRefused, match="finished"):
        attempt_services.answer_submit(attempt=attempt, item=item(quiz, "wh"), given=["Lawrow"])


def test_typing_the_whole_word_on_an_ending_item_counts_as_the_ending():
    quiz = make_quiz(make_teacher())
    ending = item_services.item_create(quiz=quiz, section=Item.Section.CLOZE, kind="ending", answer="en",
                                  options=["e", "en", "er"], prompt="Kurz vor dem erst___ Jahrestag.")
    first = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    second = attempt_services.attempt_start(quiz=quiz, learner_name="Bo")
    assert attempt_services.answer_submit(attempt=first, item=ending, given=["ersten"]).correct
    assert not attempt_services.answer_submit(attempt=second, item=ending, given=["erster"]).correct
