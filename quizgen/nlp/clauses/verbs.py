"""The verb complex of a clause: full lemma, tense, mood, voice and agreement of the finite verb.

Rules over STTS tags and word forms; the morphologizer's FEATS, when present, only fill in
what the forms leave open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from quizgen.german.word_lists import INSEPARABLE_PREFIXES
from quizgen.nlp.clauses.fields import FINITE, NONFINITE, RawClause, is_zu_form

# UD German annotates only sein as a copula; werden/bleiben (word_lists.COPULAR_VERBS) head their clause
UD_COPULAS = frozenset({"sein"})
_IRREGULAR: dict[str, tuple[str, str]] = {  # form -> (number, tense); 1st/3rd person unless noted
    "ist": ("Sing", "Pres"), "bin": ("Sing", "Pres"), "sind": ("Plur", "Pres"), "war": ("Sing", "Past"),
    "waren": ("Plur", "Past"), "hat": ("Sing", "Pres"), "hatte": ("Sing", "Past"), "hatten": ("Plur", "Past"),
    "wird": ("Sing", "Pres"), "wurde": ("Sing", "Past"), "wurden": ("Plur", "Past"), "ward": ("Sing", "Past"),
    "kann": ("Sing", "Pres"), "will": ("Sing", "Pres"), "muss": ("Sing", "Pres"), "muß": ("Sing", "Pres"),
    "soll": ("Sing", "Pres"), "darf": ("Sing", "Pres"), "mag": ("Sing", "Pres"), "weiß": ("Sing", "Pres"),
    "nimmt": ("Sing", "Pres"), "tritt": ("Sing", "Pres"), "gilt": ("Sing", "Pres"), "hielt": ("Sing", "Past"),
    "galt": ("Sing", "Past"), "riet": ("Sing", "Past"), "sei": ("Sing", "Pres"), "möchte": ("Sing", "Pres"), "möchten": ("Plur", "Pres"), "seien": ("Plur", "Pres"), "tut": ("Sing", "Pres"), "gibt": ("Sing", "Pres"),
}
_UMLAUT = str.maketrans("äöü", "aou")
_ZU_SPLIT = re.compile(r"^([a-zäöü]+?)zu([a-zäöüß]+n)$")


@dataclass(frozen=True)
class VerbComplex:
    main: int | None  # the content verb (UD head of the arguments unless copular)
    lemma: str
    tense: str | None
    mood: str | None
    voice: str
    copula: bool
    number: str | None  # what the finite verb agrees with: Sing, Plur or None (unknown)
    person: int | None  # 1 or 2 when the form says so (bin, bist, habt ...), else None


def _stem(lemma: str) -> str:
    for suffix in ("en", "ern", "eln", "n"):
        if lemma.endswith(suffix):
            return lemma[: -len(suffix)] if suffix in ("en", "n") else lemma[:-1]
    return lemma


_SEPARABLE_PARTICIPLE = re.compile(r"^(ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|vorbei|weiter|heraus|hinaus|dar|frei|statt|teil|hervor)ge[a-zäöüß]+t$")


def _misread_nonfinite(tok: Token, finite: Token | None) -> bool:
    """A form tagged finite that is a participle or infinitive next to an auxiliary: haben ... entwickelt."""
    if tok.tag_ not in ("VVFIN", "VAFIN") or finite is None or finite.tag_ not in ("VAFIN", "VMFIN"):
        return False
    low = tok.text.lower()
    if tok.tag_ == "VAFIN":  # haben können, sein müssen: an auxiliary infinitive before a modal
        return low in ("haben", "sein", "werden") and finite.tag_ == "VMFIN"
    if low.endswith("t"):
        # gemacht, verkauft, informiert, angekündigt: the participle's shapes
        return low.startswith(INSEPARABLE_PREFIXES) or low.endswith("iert") or bool(_SEPARABLE_PARTICIPLE.match(low))
    return low.endswith("en") and (finite.tag_ == "VMFIN" or (finite.lemma_ or "").lower() == "werden")


def finite_number(tok: Token) -> tuple[str | None, int | None]:
    """Number (and person if marked) of a finite verb form."""
    low = tok.text.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low][0], (1 if low == "bin" else None)
    if low in ("bist",) or (low.endswith("st") and not low.endswith(("sst", "ßt"))):
        return "Sing", 2
    if low.endswith("en") or (low.endswith(("ln", "rn")) and low == (tok.lemma_ or "").lower()):
        return "Plur", None
    feats = tok.morph.get("Number", [])
    if feats:
        return feats[0], None
    return "Sing", None


def finite_tense(tok: Token) -> str:
    """Pres or Past of a finite verb, from its form and lemma."""
    low = tok.text.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low][1]
    lemma = (tok.lemma_ or low).lower()
    stem = _stem(lemma)
    if low.startswith(stem):
        rest = low[len(stem):]
        if rest in ("te", "ten", "test", "tet", "ete", "eten", "etest", "etet"):
            return "Past"
        return "Pres"
    plain = low.translate(_UMLAUT)
    if plain.startswith(stem.translate(_UMLAUT)):
        return "Past" if plain[len(stem):].startswith(("te", "ete")) and tok.text != tok.lemma_ else "Pres"
    if low.endswith("t") and len(low) > 3 and _vowel_change(stem, low[:-1]):
        return "Pres"  # gibt, fährt, nimmt, hält
    tense = tok.morph.get("Tense", [])
    if tense and tense[0] in ("Pres", "Past"):
        return tense[0]
    return "Past"  # strong past: kam, hob, ließ, hieß


def _vowel_change(stem: str, form_stem: str) -> bool:
    if len(stem) < 2:
        return False
    swaps = (("e", "i"), ("e", "ie"), ("a", "ä"), ("au", "äu"), ("o", "ö"))
    for a, b in swaps:
        if a not in stem:
            continue
        k = stem.rfind(a)  # the stem vowel is the last one: vertreten -> vertritt
        changed = stem[:k] + b + stem[k + len(a) :]
        if changed in (form_stem, form_stem + "t") or form_stem.startswith(changed[:-1]):
            return True
    return False


def finite_mood(tok: Token, third_person_subject: bool) -> str:
    """Ind or Sub (Konjunktiv I or II) of a finite verb form."""
    low = tok.text.lower()
    if tok.tag_ in ("VVIMP", "VAIMP"):
        return "Imp"
    lemma = (tok.lemma_ or low).lower()
    if low in ("sei", "seien", "seiest", "seiet"):
        return "Sub"
    if low in ("möchte", "möchten"):
        return "Ind"  # möchte is used as a verb of its own
    if any(c in low for c in "äöü") and not any(c in lemma for c in "äöü") and low.endswith(("e", "en", "est", "et")):
        return "Sub"  # hätte, wäre, würde, könnte: Konjunktiv II
    if low.endswith("e") and third_person_subject and finite_tense(tok) == "Pres" and lemma not in ("mögen",):
        return "Sub"  # Konjunktiv I in reported speech: er habe, sie werde, es gehe
    mood = tok.morph.get("Mood", [])
    if mood and mood[0] in ("Ind", "Sub"):
        return mood[0]
    return "Ind"


def analyze_verbs(doc: Doc, clause: RawClause, *, third_person_subject: bool = True) -> VerbComplex:
    """Lemma, tense, mood and voice of a clause's verb complex."""
    verbs = [i for i in clause.verbs if doc[i].tag_ in FINITE | NONFINITE]
    finite = doc[clause.finite] if clause.finite is not None else None
    full = [i for i in verbs if doc[i].tag_.startswith("VV")]
    # a second "finite" verb in the complex is a participle or infinitive the tagger misread (entwickelt)
    nonfinite = [i for i in verbs if doc[i].tag_ in NONFINITE or (i != clause.finite and _misread_nonfinite(doc[i], finite))]
    lemmas = {i: (doc[i].lemma_ or doc[i].text).lower() for i in verbs}
    participles = [i for i in nonfinite if doc[i].tag_.endswith("PP") or (doc[i].tag_ == "VVFIN" and doc[i].text.endswith("t"))]
    if finite is None:
        participles = [i for i in nonfinite if doc[i].tag_.endswith("PP")]
    werden_aux = [i for i in verbs if lemmas[i] == "werden" and i != (full[0] if full else -1)]
    main = _main_verb(doc, clause, full, nonfinite)
    main_lemma = (doc[main].lemma_ or doc[main].text) if main is not None else ""
    copula = not full and main is not None and lemmas.get(main, main_lemma.lower()) in UD_COPULAS
    passive = (bool(werden_aux) and any(doc[i].tag_ in ("VVPP", "VVFIN") and i != clause.finite for i in full)) or any(
        doc[i].text.lower() == "worden" for i in verbs
    )
    if copula and main is not None and lemmas.get(main) == "werden" and participles:
        copula = False
    tense = mood = None
    number = person = None
    if finite is not None:
        number, person = finite_number(finite)
        tense, mood = _finite_tense_and_mood(
            doc, finite, lemmas, nonfinite, participles, passive=passive, third_person_subject=third_person_subject
        )
    return VerbComplex(
        main=main,
        lemma=_full_lemma(doc, clause, main, main_lemma),
        tense=tense,
        mood=mood,
        voice="Pass" if passive else "Act",
        copula=copula,
        number=number,
        person=person,
    )


def _main_verb(doc: Doc, clause: RawClause, full: list[int], nonfinite: list[int]) -> int | None:
    """The content verb of the complex: the UD head of the clause's arguments."""
    finite = doc[clause.finite] if clause.finite is not None else None
    zu_infinitives = {i for i in nonfinite if is_zu_form(doc[i]) or (i > 0 and doc[i - 1].tag_ == "PTKZU")}
    full_nonfinite = [i for i in full if i in nonfinite and i not in zu_infinitives]
    if finite is not None and finite.tag_ == "VVFIN":
        return finite.i  # a full verb is the head; a participle or zu-infinitive after it is not
    if full_nonfinite:
        main = full_nonfinite[-1]  # stecken geblieben, zu erreichen versucht: the governing verb is last
        first = clause.verbs[0] if clause.verbs else main
        if first > 1 and doc[first - 1].text.lower() in ("und", "oder", "noch", "sowie") and doc[first - 2].tag_ in (
            "VVINF", "VVPP"
        ):
            main = first - 2  # weder dementieren noch bestätigen: UD heads a coordination on its first verb
        return main
    if finite is not None and zu_infinitives and (finite.lemma_ or "").lower() in ("haben", "scheinen"):
        return finite.i  # nichts zu verlieren hatten (but: eine Epidemie sei nicht zu befürchten)
    if full:
        return full[-1]
    if nonfinite:
        return nonfinite[0]
    return clause.finite


def _finite_tense_and_mood(
    doc: Doc,
    finite: Token,
    lemmas: dict[int, str],
    nonfinite: list[int],
    participles: list[int],
    *,
    passive: bool,
    third_person_subject: bool,
) -> tuple[str, str]:
    """The tense of the whole complex (Perf, Pqp, Fut from the auxiliary and what it governs)
    and the mood of its finite verb."""
    ftense = finite_tense(finite)
    flemma = lemmas.get(finite.i, finite.lemma_.lower())
    mood = finite_mood(finite, third_person_subject)
    tense = ftense
    perfect_aux = flemma in ("haben", "sein") and (
        any(i in participles for i in nonfinite if i != finite.i) or
        (any(doc[i].tag_ == "VMINF" for i in nonfinite) and flemma == "haben")
    )
    if flemma == "werden" and finite.text.lower().startswith("würd"):
        tense = "Pres"
        mood = "Sub"
    elif flemma == "werden" and nonfinite and not (participles and not any(doc[i].tag_ == "VAINF" for i in nonfinite)):
        tense = "Fut" if ftense == "Pres" else ftense
    elif perfect_aux:
        tense = "Perf" if ftense == "Pres" else "Pqp"
    if passive and flemma == "sein":
        tense = "Perf" if ftense == "Pres" else "Pqp"
    return tense, mood


def _full_lemma(doc: Doc, clause: RawClause, main: int | None, main_lemma: str) -> str:
    """The main verb's lemma with its separated particle put back (kündigte ... an -> ankündigen)."""
    if main is not None and is_zu_form(doc[main]) and main_lemma.lower() == doc[main].text.lower():
        m = _ZU_SPLIT.match(main_lemma.lower())
        if m:
            main_lemma = m.group(1) + m.group(2)  # einzuloggen -> einloggen when the tagger had no lemma
    particle = doc[clause.particle].text.lower() if clause.particle is not None else ""
    if particle and main is not None and doc[main].tag_ in FINITE and not main_lemma.lower().startswith(particle):
        return particle + main_lemma
    return main_lemma
