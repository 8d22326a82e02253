"""Writes of the quizzes app: quizzes and items, generation jobs, batch imports, text sources, exports."""
