"""Lessons: German texts, their analysis and (later) the lessons made from them."""
