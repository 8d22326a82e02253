"""Views of the quizzes app: thin, they parse input, call one service or selector and render."""
