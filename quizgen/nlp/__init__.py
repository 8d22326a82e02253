"""The German NLP pipeline: spaCy components, rules, evaluation and corpus formats."""
