"""Writes of the quizzes app: quizzes and items, generation jobs, batch imports, text sources,
the mapping of lesson packs to item rows and back (pack_items), and the downloads.
"""
