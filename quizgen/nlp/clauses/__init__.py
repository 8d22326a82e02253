"""Rule-based clause analysis: topological fields, verbs, phrases and their roles."""
