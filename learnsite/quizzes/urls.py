from __future__ import annotations

from django.urls import path

from learnsite.quizzes.views import api_keys as api_key_views
from learnsite.quizzes.views import batch as batch_views
from learnsite.quizzes.views import classes as class_views
from learnsite.quizzes.views import items as item_views
from learnsite.quizzes.views import jobs as job_views
from learnsite.quizzes.views import learner as learner_views
from learnsite.quizzes.views import results as result_views
from learnsite.quizzes.views import teacher as teacher_views

app_name = "quizzes"

urlpatterns = [
    path("quizzes/", teacher_views.quiz_list, name="list"),
    path("quizzes/new/", teacher_views.quiz_new, name="new"),
    path("quizzes/from-article/<int:article_id>/", teacher_views.quiz_from_article, name="from_article"),
    path("quizzes/<int:quiz_id>/", teacher_views.quiz_review, name="review"),
    path("quizzes/<int:quiz_id>/generate/", teacher_views.quiz_generate, name="generate"),
    path("quizzes/<int:quiz_id>/regenerate/", teacher_views.quiz_regenerate, name="regenerate"),
    path("quizzes/<int:quiz_id>/publish/", teacher_views.quiz_publish, name="publish"),
    path("quizzes/<int:quiz_id>/unpublish/", teacher_views.quiz_unpublish, name="unpublish"),
    path("quizzes/<int:quiz_id>/rename/", teacher_views.quiz_rename, name="rename"),
    path("quizzes/<int:quiz_id>/answer-cards/", teacher_views.quiz_answer_cards, name="answer_cards"),
    path("quizzes/<int:quiz_id>/class/", teacher_views.quiz_assign_class, name="assign_class"),
    path("quizzes/<int:quiz_id>/duplicate/", teacher_views.quiz_duplicate, name="duplicate"),
    path("quizzes/<int:quiz_id>/delete/", teacher_views.quiz_delete, name="delete"),
    path("quizzes/<int:quiz_id>/qr.svg", teacher_views.quiz_qr, name="qr"),
    path("quizzes/<int:quiz_id>/results/", result_views.quiz_results, name="results"),
    path("quizzes/<int:quiz_id>/results/<str:table>.<str:fmt>", result_views.results_export, name="results_export"),
    path("quizzes/<int:quiz_id>/answers/<int:answer_id>/count/", result_views.answer_count, name="answer_count"),
    path("quizzes/<int:quiz_id>/download/<str:fmt>/", teacher_views.quiz_download, name="download"),
    path("quizzes/<int:quiz_id>/items/new/", item_views.item_new, name="item_new"),
    path("quizzes/<int:quiz_id>/items/<int:item_id>/edit/", item_views.item_edit, name="item_edit"),
    path("quizzes/<int:quiz_id>/items/<int:item_id>/delete/", item_views.item_delete, name="item_delete"),
    path("quizzes/<int:quiz_id>/items/<int:item_id>/move/", item_views.item_move, name="item_move"),
    path("account/api-keys/", api_key_views.api_keys, name="api_keys"),
    path("account/api-keys/<int:token_id>/revoke/", api_key_views.api_key_revoke, name="api_key_revoke"),
    path("classes/", class_views.class_list, name="classes"),
    path("classes/<int:class_id>/", class_views.class_detail, name="class_detail"),
    path("classes/<int:class_id>/qr.svg", class_views.class_qr, name="class_qr"),
    path("classes/<int:class_id>/rename/", class_views.class_rename, name="class_rename"),
    path("classes/<int:class_id>/delete/", class_views.class_delete, name="class_delete"),
    path("classes/<int:class_id>/results.<str:fmt>", class_views.class_export, name="class_export"),
    path("classes/<int:class_id>/learners/<int:learner_id>/", class_views.learner_detail, name="learner_detail"),
    path("classes/<int:class_id>/learners/<int:learner_id>/remove/", class_views.learner_remove,
         name="learner_remove"),
    path("quizzes/import/", batch_views.batch_new, name="batch_new"),
    path("quizzes/import/<int:batch_id>/", batch_views.batch_detail, name="batch"),
    path("quizzes/import/<int:batch_id>/status/", batch_views.batch_status, name="batch_status"),
    path("quizzes/import/<int:batch_id>/rerun/", batch_views.batch_rerun, name="batch_rerun"),
    path("jobs/<int:job_id>/", job_views.job_detail, name="job"),
    path("jobs/<int:job_id>/status/", job_views.job_status, name="job_status"),
    path("jobs/<int:job_id>/rerun/", job_views.job_rerun, name="job_rerun"),
    path("join/", learner_views.code_entry, name="code"),
    path("c/<str:code>/", learner_views.class_home, name="class_home"),
    path("q/<str:token>/", learner_views.quiz_start, name="start"),
    path("q/<str:token>/practise/check/", learner_views.practice_answer, name="practice_check"),
    path("q/<str:token>/words/", learner_views.word_list, name="words"),
    path("q/<str:token>/vocabulary.csv", learner_views.vocabulary_csv, name="vocabulary_csv"),
    path("q/<str:token>/download/<str:fmt>/", learner_views.learner_download, name="learner_download"),
    path("q/<str:token>/a/<int:attempt_id>/read/", learner_views.attempt_read, name="read"),
    path("q/<str:token>/a/<int:attempt_id>/practise/", learner_views.attempt_practise, name="practise"),
    path("q/<str:token>/a/<int:attempt_id>/", learner_views.attempt_take, name="take"),
    path("q/<str:token>/a/<int:attempt_id>/questions/", learner_views.attempt_questions, name="questions"),
    path("q/<str:token>/a/<int:attempt_id>/items/<int:item_id>/", learner_views.answer_post, name="answer"),
    path("q/<str:token>/a/<int:attempt_id>/finish/", learner_views.attempt_finish, name="finish"),
    path("q/<str:token>/a/<int:attempt_id>/result/", learner_views.attempt_result, name="result"),
    path("q/<str:token>/a/<int:attempt_id>/retry/", learner_views.attempt_retry, name="retry"),
    path("q/<str:token>/a/<int:attempt_id>/download/<str:fmt>/", learner_views.attempt_download,
         name="attempt_download"),
]
