"""The Django site: an interface over quizgen for teachers and learners."""
