"""German word knowledge: nouns, morphology, the glossary, frequency and level estimates."""
