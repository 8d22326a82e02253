"""The lesson pack: building it, vocabulary, text level, distractors, answer checks, rendering."""
