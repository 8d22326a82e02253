"""The command line: ``python -m quizgen analyze | make | export``."""
