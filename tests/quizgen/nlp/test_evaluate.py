"""The scoring arithmetic of quizgen.nlp.evaluate, on tiny hand-made CoNLL-U and GermEval files."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.nlp.corpus_formats import bio_spans, read_conllu, read_germeval
from quizgen.nlp.evaluate import PredictedSentence, score_ner, score_ud

CONLLU = """# sent_id = t1
# text = Er gibt ihr am Montag das Buch.
1\tEr\ter\tPRON\tPPER\tCase=Nom|Number=Sing\t2\tnsubj\t_\t_
2\tgibt\tgeben\tVERB\tVVFIN\t_\t0\troot\t_\t_
3\tihr\tsie\tPRON\tPPER\tCase=Dat\t2\tiobj\t_\t_
4-5\tam\t_\t_\t_\t_\t_\t_\t_\t_
4\tan\tan\tADP\tAPPR\t_\t6\tcase\t_\t_
5\tdem\tder\tDET\tART\tCase=Dat\t6\tdet\t_\t_
6\tMontag\tMontag\tNOUN\tNN\tCase=Dat\t2\tobl\t_\t_
6.1\tleer\t_\t_\t_\t_\t_\t_\t_\t_
7\tdas\tder\tDET\tART\tCase=Acc\t8\tdet\t_\t_
8\tBuch\tBuch\tNOUN\tNN\tCase=Acc\t2\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_

"""

GERMEVAL = """#\tsource\t[2014]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tbesucht\tO\tO
4\tdeutsche\tB-LOCderiv\tO
5\tStädte\tO\tO
6\tin\tO\tO
7\tBayern\tB-LOC\tO
8\t.\tO\tO

"""


@pytest.fixture
def gold_ud(tmp_path: Path):
    path = tmp_path / "tiny.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    return read_conllu(path)


def test_the_reader_keeps_syntactic_words_and_drops_multiword_lines_and_empty_nodes(gold_ud):
    (sent,) = gold_ud
    assert sent.words == ("Er", "gibt", "ihr", "an", "dem", "Montag", "das", "Buch", ".")
    assert sent.heads[1] == 1  # the root points to itself
    assert sent.heads[0] == 1
    assert sent.spaces[3] is False and sent.spaces[4] is True  # "am" is one surface token
    assert sent.spaces[7] is False


def _copy(sent, **changes) -> PredictedSentence:
    fields = dict(upos=sent.upos, xpos=sent.xpos, lemmas=sent.lemmas, feats=sent.feats, heads=sent.heads, deps=sent.deps)
    fields.update(changes)
    return PredictedSentence(**fields)


def test_a_perfect_prediction_scores_100_everywhere(gold_ud):
    result = score_ud(gold_ud, [_copy(gold_ud[0])])
    assert result["words"] == 9 and result["sentences"] == 1
    for key in ("upos", "xpos", "lemma", "morph", "uas", "las", "core_args_p", "core_args_r"):
        assert result[key] == 100.0


def test_errors_count_per_word_and_core_arguments_need_head_and_relation(gold_ud):
    sent = gold_ud[0]
    deps = list(sent.deps)
    deps[2] = "obj"  # ihr: right head, wrong core relation
    heads = list(sent.heads)
    heads[7] = 5  # Buch: wrong head, relation still obj
    lemmas = list(sent.lemmas)
    lemmas[0] = "Er"  # case-sensitive lemma comparison
    xpos = list(sent.xpos)
    xpos[1] = "VVPP"
    feats = list(sent.feats)
    feats[0] = "Number=Sing|Case=Nom"  # same feature set in another order is right
    result = score_ud(gold_ud, [_copy(sent, deps=tuple(deps), heads=tuple(heads), lemmas=tuple(lemmas),
                                      xpos=tuple(xpos), feats=tuple(feats))])
    assert result["uas"] == round(100 * 8 / 9, 2)
    assert result["las"] == round(100 * 7 / 9, 2)
    assert result["lemma"] == round(100 * 8 / 9, 2)
    assert result["xpos"] == round(100 * 8 / 9, 2)
    assert result["morph"] == 100.0
    # predicted core args: Er (ok), ihr as obj (wrong), Buch (wrong head) -> 1 of 3
    assert result["core_args_p"] == round(100 / 3, 2)
    # gold core args: Er, ihr, Buch -> 1 of 3 found
    assert result["core_args_r"] == round(100 / 3, 2)


def test_relation_subtypes_and_pav_do_not_count_as_errors(gold_ud):
    sent = gold_ud[0]
    deps = list(sent.deps)
    deps[0] = "nsubj:pass"
    result = score_ud(gold_ud, [_copy(sent, deps=tuple(deps))])
    assert result["las"] == 100.0 and result["core_args_p"] == 100.0


def test_germeval_derivations_are_no_entities_and_spans_must_match_exactly(tmp_path: Path):
    path = tmp_path / "tiny.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    (sent,) = read_germeval(path)
    assert bio_spans(sent.tags) == {(0, 2, "PER"), (6, 7, "LOC")}
    predicted = ["B-PER", "O", "O", "O", "O", "O", "B-LOC", "O"]  # Angela alone: not exact
    result = score_ner([sent.tags], [predicted])
    assert result["per_type"]["LOC"] == {"p": 100.0, "r": 100.0, "f": 100.0}
    assert result["per_type"]["PER"] == {"p": 0.0, "r": 0.0, "f": 0.0}
    assert (result["p"], result["r"], result["f"]) == (50.0, 50.0, 50.0)


def test_a_missing_file_raises_an_input_error_that_names_it(tmp_path: Path):
    from quizgen.errors import InputError

    with pytest.raises(InputError, match="missing.conllu"):
        read_conllu(tmp_path / "missing.conllu")
