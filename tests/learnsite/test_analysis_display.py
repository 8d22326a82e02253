from __future__ import annotations

from quizgen.analysis import Analysis, Clause, Entity, NounInfo, Phrase, Sentence, Token
from learnsite.lessons.analysis_display import analysis_view

WORDS = ["Anna", "Weber", "besucht", "Kelsbach", ".", "Sie", "freut", "sich", "."]
UPOS = ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"]


def _analysis(*, entities: tuple[Entity, ...] = (), clauses: tuple[Clause, ...] = ()) -> Analysis:
    text = "Anna Weber besucht Kelsbach. Sie freut sich."
    tokens, pos = [], 0
    for i, (word, upos) in enumerate(zip(WORDS, UPOS)):
        idx = text.index(word, pos)
        pos = idx + len(word)
        space = " " if pos < len(text) and text[pos] == " " else ""
        tokens.append(
            Token(i=i, text=word, whitespace=space, idx=idx, sentence=0 if i < 5 else 1, lemma=word.lower(),
                  upos=upos, tag="XY", morph=(("Case", "Nom"), ("Number", "Sing")) if i == 5 else (), head=i, dep="dep")
        )
    sentences = (Sentence(0, 0, 5, 0, 28, text[:28]), Sentence(1, 5, 9, 29, 44, text[29:]))
    return Analysis(text=text, sentences=sentences, tokens=tuple(tokens), entities=entities, clauses=clauses)


def test_a_sentence_is_cut_into_plain_and_entity_segments() -> None:
    ents = (Entity("PER", 0, 2, 0, 10, "Anna Weber"), Entity("LOC", 3, 4, 19, 27, "Kelsbach"))
    view = analysis_view(_analysis(entities=ents))
    segs = view.sentences[0].segments
    assert [(s.text, s.label) for s in segs] == [("Anna Weber", "PER"), (" besucht ", ""), ("Kelsbach", "LOC"), (".", "")]
    assert "".join(s.text for s in segs) == "Anna Weber besucht Kelsbach."
    assert [label for label, _ in view.entity_labels] == ["PER", "LOC"]


def test_overlapping_entities_do_not_repeat_text() -> None:
    ents = (Entity("ORG", 0, 2, 0, 10, "Anna Weber"), Entity("PER", 1, 2, 5, 10, "Weber"))
    segs = analysis_view(_analysis(entities=ents)).sentences[0].segments
    assert "".join(s.text for s in segs) == "Anna Weber besucht Kelsbach."


def test_a_clause_names_its_finite_verb_lemma_and_subject_with_case() -> None:
    subject = Phrase(role="subject", start=5, end=6, head=5, text="Sie", case="Nom", confidence=0.9)
    clause = Clause(
        index=0, sentence=1, kind="main", start=5, end=9, finite_verb=6, verb_tokens=(6,), verb_lemma="sich freuen",
        particle=None, subordinator=None, subject=subject, acc_objects=(), dat_objects=(), pps=(), tense="Pres",
        mood="Ind", reflexive=True,
    )
    view = analysis_view(_analysis(clauses=(clause,)))
    assert view.sentences[0].clauses == ()
    shown = view.sentences[1].clauses[0]
    assert (shown.finite_verb, shown.verb_lemma, shown.text) == ("freut", "sich freuen", "Sie freut sich.")
    assert shown.subject is not None and (shown.subject.text, shown.subject.case) == ("Sie", "Nom")
    assert (str(shown.kind), str(shown.tense), shown.reflexive) == ("main clause", "present", True)


def test_without_clauses_or_entities_the_view_still_lists_every_token() -> None:
    view = analysis_view(_analysis())
    assert (view.clause_count, view.entity_count, view.token_count) == (0, 0, 9)
    assert [t.text for t in view.sentences[1].tokens] == ["Sie", "freut", "sich", "."]
    assert view.sentences[1].tokens[0].morph == ("Case=Nom", "Number=Sing")


def test_a_noun_row_carries_article_and_plural() -> None:
    analysis = _analysis()
    noun = NounInfo(lemma="Stadt", gender="f", article="die", plural="Städte")
    tokens = list(analysis.tokens)
    tokens[3] = Token(**{**tokens[3].__dict__, "noun": noun})
    view = analysis_view(Analysis(text=analysis.text, sentences=analysis.sentences, tokens=tuple(tokens), entities=(), clauses=()))
    row = view.sentences[0].tokens[3]
    assert (row.noun, row.plural) == ("die Stadt", "Städte")


def test_the_first_sentence_of_four_tokens_or_more_shows_its_tokens_as_an_example() -> None:
    view = analysis_view(_analysis())
    assert [s.show_tokens for s in view.sentences] == [True, False]


def test_a_short_dateline_is_skipped_as_the_example() -> None:
    analysis = _analysis()
    sentences = (Sentence(0, 0, 2, 0, 10, "Anna Weber"), Sentence(1, 2, 9, 11, 44, analysis.text[11:]))
    view = analysis_view(Analysis(text=analysis.text, sentences=sentences, tokens=analysis.tokens, entities=(), clauses=()))
    assert [s.show_tokens for s in view.sentences] == [False, True]


def test_the_page_marks_roles_the_clause_analysis_is_unsure_of() -> None:
    from django.template.loader import render_to_string

    sure = Phrase(role="subject", start=5, end=6, head=5, text="Sie", case="Nom", confidence=0.9)
    unsure = Phrase(role="acc_object", start=7, end=8, head=7, text="sich", case="Acc", confidence=0.55)
    clause = Clause(
        index=0, sentence=1, kind="main", start=5, end=9, finite_verb=6, verb_tokens=(6,), verb_lemma="freuen",
        particle=None, subordinator=None, subject=sure, acc_objects=(unsure,), dat_objects=(), pps=(), tense="Pres",
        mood="Ind",
    )
    html = render_to_string("lessons/_analysis.html", {"analysis": analysis_view(_analysis(clauses=(clause,)))})
    assert html.count('class="unsure"') == 1
    assert "unsure, 55%" in html
