"""Quizzes made from a text: teachers generate, review and share them; learners take them."""
