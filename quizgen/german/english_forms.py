"""English word forms the glosses need: the participles of a verb gloss.

A German participle used as an adjective (angekündigt, gestiegen; rotierend) is glossed with
the English participle (announced, risen; rotating), not with the verb's infinitive ("to
announce"); a verb used as a noun (das Verhindern) with the English -ing form (preventing).
"""

from __future__ import annotations

from collections.abc import Callable

#: irregular past participles of verbs that turn up in glosses
IRREGULAR = {
    "arise": "arisen", "awake": "awoken", "be": "been", "bear": "borne", "beat": "beaten",
    "become": "become", "begin": "begun", "bend": "bent", "bet": "bet", "bid": "bid",
    "bind": "bound", "bite": "bitten", "bleed": "bled", "blow": "blown", "break": "broken",
    "breed": "bred", "bring": "brought", "broadcast": "broadcast", "build": "built",
    "burn": "burnt", "burst": "burst", "buy": "bought", "cast": "cast", "catch": "caught",
    "choose": "chosen", "cling": "clung", "come": "come", "cost": "cost", "creep": "crept",
    "cut": "cut", "deal": "dealt", "dig": "dug", "do": "done", "draw": "drawn",
    "dream": "dreamt", "drink": "drunk", "drive": "driven", "eat": "eaten", "fall": "fallen",
    "feed": "fed", "feel": "felt", "fight": "fought", "find": "found", "flee": "fled",
    "fling": "flung", "fly": "flown", "forbid": "forbidden", "forecast": "forecast",
    "foresee": "foreseen", "forget": "forgotten", "forgive": "forgiven", "freeze": "frozen",
    "get": "got", "give": "given", "go": "gone", "grind": "ground", "grow": "grown",
    "hang": "hung", "have": "had", "hear": "heard", "hide": "hidden", "hit": "hit",
    "hold": "held", "hurt": "hurt", "keep": "kept", "kneel": "knelt", "know": "known",
    "lay": "laid", "lead": "led", "lean": "leant", "leave": "left", "lend": "lent",
    "let": "let", "lie": "lain", "light": "lit", "lose": "lost", "make": "made",
    "mean": "meant", "meet": "met", "mislead": "misled", "mistake": "mistaken",
    "misunderstand": "misunderstood", "overcome": "overcome", "override": "overridden",
    "oversee": "overseen", "overtake": "overtaken", "overthrow": "overthrown", "pay": "paid",
    "put": "put", "quit": "quit", "read": "read", "rebuild": "rebuilt", "rid": "rid",
    "ride": "ridden", "ring": "rung", "rise": "risen", "run": "run", "say": "said",
    "see": "seen", "seek": "sought", "sell": "sold", "send": "sent", "set": "set",
    "shake": "shaken", "shed": "shed", "shine": "shone", "shoot": "shot", "show": "shown",
    "shrink": "shrunk", "shut": "shut", "sing": "sung", "sink": "sunk", "sit": "sat",
    "slay": "slain", "sleep": "slept", "slide": "slid", "speak": "spoken", "speed": "sped",
    "spend": "spent", "spin": "spun", "split": "split", "spread": "spread", "spring": "sprung",
    "stand": "stood", "steal": "stolen", "stick": "stuck", "sting": "stung", "strike": "struck",
    "strive": "striven", "swear": "sworn", "sweep": "swept", "swim": "swum", "swing": "swung",
    "take": "taken", "teach": "taught", "tear": "torn", "tell": "told", "think": "thought",
    "throw": "thrown", "thrust": "thrust", "tread": "trodden", "undergo": "undergone",
    "understand": "understood", "undertake": "undertaken", "uphold": "upheld",
    "upset": "upset", "wake": "woken", "wear": "worn", "weave": "woven", "weep": "wept",
    "win": "won", "wind": "wound", "withdraw": "withdrawn", "withhold": "withheld",
    "withstand": "withstood", "write": "written",
}  # fmt: skip

#: verbs of more than one syllable stressed on the last one double their final consonant
DOUBLING = frozenset(
    "admit commit compel control equip expel incur occur omit patrol permit prefer propel "
    "refer regret submit transfer transmit deter acquit rebel outbid forget".split()
)
VOWELS = "aeiou"


def _participle(verb: str) -> str:
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in VOWELS:
        return verb[:-1] + "ied"
    if verb.endswith("c"):
        return verb + "ked"  # panic -> panicked
    if _doubles(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _doubles(verb: str) -> bool:
    short = (
        len(verb) >= 3 and verb[-1] not in VOWELS + "wxy" and verb[-2] in VOWELS and verb[-3] not in VOWELS
        and sum(ch in VOWELS for ch in verb) == 1
    )
    return short or verb in DOUBLING


def _ing(verb: str) -> str:
    if verb == "be":
        return "being"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"  # lie -> lying
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if verb.endswith("c"):
        return verb + "king"  # panic -> panicking
    if _doubles(verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def _verb_forms(gloss: str, form: Callable[[str], str], keep_objects: bool) -> str | None:
    out = []
    for alternative in gloss.split("; "):
        words = alternative.strip().split()
        if len(words) < 2 or words[0] != "to":
            return None
        verb, rest = words[1], words[2:]
        if not keep_objects:
            rest = [w for w in rest if w not in ("sb.", "sth.", "sb./sth.", "oneself")]
        if not verb.isalpha():
            return None
        out.append(" ".join([form(verb.lower()), *rest]))
    return "; ".join(dict.fromkeys(out)) or None


def present_participle(gloss: str) -> str | None:
    """``to rotate; to spin`` -> ``rotating; spinning`` (rotierend; das Verhindern: preventing);
    None when a sense is no verb."""
    return _verb_forms(gloss, _ing, keep_objects=False)


def past_participle(gloss: str) -> str | None:
    """``to announce; to declare`` -> ``announced; declared``; None when a sense is no verb.

    Only the verb itself changes: ``to take over`` -> ``taken over``, ``to agree (on)`` ->
    ``agreed (on)``; an object slot (``to ask sb.``) is dropped, since the participle needs none."""
    out = []
    for alternative in gloss.split("; "):
        words = alternative.strip().split()
        if len(words) < 2 or words[0] != "to":
            return None
        verb, rest = words[1], [w for w in words[2:] if w not in ("sb.", "sth.", "sb./sth.", "oneself")]
        if not verb.isalpha() or verb in ("be", "get", "have", "make"):
            return None  # "to be elected", "to make sure": no clean participle
        out.append(" ".join([_participle(verb.lower()), *rest]))
    return "; ".join(dict.fromkeys(out)) or None
