"""Is an analysed text an article a lesson can be made from? A removal notice, a list or a
text of fewer than three sentences of prose is not: questions about it would be empty or absurd.

``check_article(analysis)`` raises a ``NotAnArticleError`` that says what was wrong and what
to do; ``make_pack`` calls it after the analysis, so the command line and the site refuse
such texts with the same message.

``glued_on(analysis, sentence)`` says when one analysed sentence is really two pieces: a
subheading the flattened text ran into it ("Sparsamere Motoren Beim Absatz ..."), a quote's
source in brackets ("Wolfgang Sofsky) Die ..."), a sentence the splitter did not end after a
number ("... von 2013. Er ist ..."). No exercise is made from such a sentence.
"""

from __future__ import annotations

import re

from quizgen.analysis import Analysis, Sentence, Token
from quizgen.errors import NotAnArticleError
from quizgen.german.morphology import determiner_adjective_clash
from quizgen.german.nouns import noun_info

MIN_PROSE_SENTENCES = 3
MIN_PROSE_WORDS = 4
#: a text of at least this many lines that are mostly not sentences is a list
MIN_LIST_LINES = 5
MAX_PROSE_SHARE_OF_A_LIST = 0.3
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
SENTENCE_ENDS = (".", "!", "?", "…", "“", "”", '"', "»", "«", ")")

#: what publishers write in place of an article they took down (10kGNAD has dozens of these)
REMOVAL_NOTICE = re.compile(
    r"(steht|stehen|ist|sind)\s+(aus\s+\w+\s+Gründen\s+)?(leider\s+)?nicht\s+mehr\s+"
    r"(zur\s+Verfügung|verfügbar|abrufbar|online)"
    r"|(wurde|wurden)\s+(aus\s+\w+\s+Gründen\s+)?(entfernt|gelöscht|depubliziert)"
    r"|(Artikel|Beitrag|Inhalt|Seite)\s+(existiert|gibt\s+es)\s+nicht\s+mehr",
    re.IGNORECASE,
)


#: tags of words written with a capital only at a sentence's start (Beim, Die, Während, Er)
_START_ONLY_TAGS = frozenset({"ADV", "KOUS", "KON", "APPR", "APPRART", "ART", "PPER", "PDS", "PDAT", "PIAT",
                              "PIS", "PWAV", "PWS", "PPOSAT", "PRF", "KOKOM", "PTKNEG"})
#: ... unless they address the reader (Sie, Ihre, Du, Euch)
_ADDRESS = frozenset("Sie Ihnen Ihr Ihre Ihren Ihrem Ihrer Ihres Du Dich Dir Dein Deine Deinen Deinem Deiner "
                     "Euch Euer Eure Euren Eurem Eurer".split())
#: ... or stand after a mark that may open a sentence inside one (a colon, a dash, a quote)
_OPENERS = frozenset(":–-—„“\"(»«”'‚‘")
#: ... or after a word that makes them a noun (die Überhand, am Ende)
_DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "APPRART", "ADJA"})


def glued_on(analysis: Analysis, sentence: int) -> str:
    """Why the sentence is two pieces glued together, "" when it is one (see the module docstring)."""
    toks = [t for t in analysis.sentence_tokens(sentence) if t.text.strip()]
    for prev, tok in zip(toks, toks[1:]):
        if not (tok.text[:1].isupper() and tok.text.isalpha() and not tok.text.isupper()):
            continue
        if tok.tag not in _START_ONLY_TAGS or tok.text in _ADDRESS:
            continue
        if prev.text[-1:] in _OPENERS or prev.tag in _DETERMINER_TAGS:
            continue
        if prev.text.endswith("."):
            return f"two sentences in one ('{prev.text} {tok.text}')"
        return f"a heading, title or source run into it ('{prev.text} {tok.text}')"
    return ""


#: tags of the determiners whose adjective ending ``agreement_slip`` checks
_DETERMINERS = frozenset({"ART", "APPRART", "PDAT", "PIAT", "PPOSAT"})
#: words tagged as determiners that are often no part of the phrase after them (weniger
#: gesamtpolitische Veränderungen: a comparative; über jener anderer Kameras: a pronoun)
_NOT_THE_NOUNS_DETERMINER = frozenset({"weniger", "mehr", "jener"})


def agreement_slip(analysis: Analysis, sentence: int) -> str:
    """An ending error of the text in the sentence ("das englisches Klagelied"), "" when there
    is none: an exercise would print the error, or ask the learner to reproduce it."""
    toks = list(analysis.sentence_tokens(sentence))
    for det, adj, noun in zip(toks, toks[1:], toks[2:]):
        if det.tag not in _DETERMINERS or adj.tag != "ADJA" or not (adj.text.isalpha() and adj.text.islower()):
            continue
        if det.text.lower() in _NOT_THE_NOUNS_DETERMINER:
            continue
        # Only where the three are one phrase: the noun's gender and number fit the determiner
        # ("Ein vergangene Woche erschienener Bericht": ein is not Woche's).
        info = _noun_facts(noun) if noun.tag == "NN" else None
        if info is None:
            continue
        gender, number = info
        if determiner_adjective_clash(det.text, adj.text, gender=gender, number=number):
            return f"an ending error in the text ('{det.text} {adj.text} {noun.text}')"
    return ""


def _noun_facts(noun: Token) -> tuple[str, str | None] | None:
    """Gender and, where the form is surely singular, "Sing" of a noun (Jahresprogramm from its
    head Programm); None when the lexicon does not know it."""
    info = noun.noun or noun_info(noun.lemma)
    lemma = noun.lemma
    for cut in range(1, max(len(lemma) - 3, 1)):
        if info is not None:
            break
        head = lemma[cut:]
        info = noun_info(head[:1].upper() + head[1:])
    if info is None or info.gender is None:
        return None
    head_lemma = info.lemma.lower()
    text = noun.text.lower()
    plural = (info.plural or "").lower()
    # Only a sure singular restricts (the plural forms of "die" are also a relative pronoun's:
    # "..., die hohe Einlagen haben").
    sure_singular = text.endswith(head_lemma) and bool(plural) and not plural.endswith(head_lemma)
    return info.gender, "Sing" if sure_singular else None


def check_article(analysis: Analysis) -> None:
    """Raise ``NotAnArticleError`` unless the text has at least three sentences of prose."""
    prose = [s for s in analysis.sentences if is_prose(analysis, s)]
    notice = [s for s in analysis.sentences if REMOVAL_NOTICE.search(s.text)]
    if notice and len([s for s in prose if s not in notice]) < MIN_PROSE_SENTENCES:
        raise NotAnArticleError(
            "This is a notice that the article was taken down (“"
            + " ".join(notice[0].text.split())
            + "”), not the article itself. Paste the full text of an article that is still available."
        )
    lines = [line for line in analysis.text.splitlines() if line.strip()]
    if len(lines) >= MIN_LIST_LINES and len(prose) < MAX_PROSE_SHARE_OF_A_LIST * len(lines):
        raise NotAnArticleError(
            f"This looks like a list ({len(lines)} lines, {len(prose)} of them whole sentences), not an "
            "article. Questions need running text: paste an article written in sentences."
        )
    if len(prose) < MIN_PROSE_SENTENCES:
        found = "no sentence" if not prose else ("one sentence" if len(prose) == 1 else f"{len(prose)} sentences")
        raise NotAnArticleError(
            f"The text has {found} of prose; a lesson needs at least {MIN_PROSE_SENTENCES} "
            "(whole sentences with a verb). Paste the whole article, not only its headline or teaser."
        )


def is_prose(analysis: Analysis, sentence: Sentence) -> bool:
    """A whole sentence: at least four words, a finite verb, and a sentence's end mark."""
    toks = analysis.tokens[sentence.start : sentence.end]
    words = [t for t in toks if any(ch.isalpha() for ch in t.text)]
    if len(words) < MIN_PROSE_WORDS or not any(t.tag in FINITE_TAGS for t in toks):
        return False
    return sentence.text.rstrip().endswith(SENTENCE_ENDS)
