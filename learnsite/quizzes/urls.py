from __future__ import annotations

from django.urls import path

from learnsite.quizzes.views import batch as batch_views
from learnsite.quizzes.views import jobs as job_views
from learnsite.quizzes.views import learner as learner_views
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
    path("quizzes/<int:quiz_id>/results/", teacher_views.quiz_results, name="results"),
    path("quizzes/<int:quiz_id>/download/<str:fmt>/", teacher_views.quiz_download, name="download"),
    path("quizzes/<int:quiz_id>/items/<int:item_id>/edit/", teacher_views.item_edit, name="item_edit"),
    path("quizzes/<int:quiz_id>/items/<int:item_id>/delete/", teacher_views.item_delete, name="item_delete"),
    path("quizzes/<int:quiz_id>/items/<int:item_id>/move/", teacher_views.item_move, name="item_move"),
    path("quizzes/import/", batch_views.batch_new, name="batch_new"),
    path("quizzes/import/<int:batch_id>/", batch_views.batch_detail, name="batch"),
    path("quizzes/import/<int:batch_id>/status/", batch_views.batch_status, name="batch_status"),
    path("quizzes/import/<int:batch_id>/rerun/", batch_views.batch_rerun, name="batch_rerun"),
    path("jobs/<int:job_id>/", job_views.job_detail, name="job"),
    path("jobs/<int:job_id>/status/", job_views.job_status, name="job_status"),
    path("jobs/<int:job_id>/rerun/", job_views.job_rerun, name="job_rerun"),
    path("join/", learner_views.code_entry, name="code"),
    path("q/<str:token>/", learner_views.quiz_start, name="start"),
    path("q/<str:token>/vocabulary.csv", learner_views.vocabulary_csv, name="vocabulary_csv"),
    path("q/<str:token>/download/<str:fmt>/", learner_views.learner_download, name="learner_download"),
    path("q/<str:token>/a/<int:attempt_id>/", learner_views.attempt_take, name="take"),
    path("q/<str:token>/a/<int:attempt_id>/items/<int:item_id>/", learner_views.answer_post, name="answer"),
    path("q/<str:token>/a/<int:attempt_id>/finish/", learner_views.attempt_finish, name="finish"),
    path("q/<str:token>/a/<int:attempt_id>/result/", learner_views.attempt_result, name="result"),
    path("q/<str:token>/a/<int:attempt_id>/retry/", learner_views.attempt_retry, name="retry"),
]
