"""Template filters of the quiz pages (quiz_marks: evidence marking, percentages, durations)."""
