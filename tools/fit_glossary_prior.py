"""Fit the weights of the Ding sense prior (tools/build_glossary.py WEIGHTS) on the core glossary.

Usage: python tools/fit_glossary_prior.py [--source /usr/share/trans/de-en] [--core FILE ...]

The project's core glossary (quizgen/data/core_glossary.tsv) says, for a few thousand frequent
words, which sense a learner needs first. For each of its words that Ding also has, the model
learns which of Ding's senses (one candidate per Ding line) is that first sense: a listwise
logistic model over the features of tools/build_glossary.py, fitted by gradient descent with a
little L2 regularisation. The weights then rank the senses of the words the core glossary does
not have. Two-fold cross-validation over the words (by a hash of the lemma) prints how often
the top sense fits a core sense, with the old and the new weights; the gloss test set
(bench/data) plays no part. Prints the WEIGHTS to paste into tools/build_glossary.py.
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_glossary import DEFAULT_SOURCE, FEATURES, WEIGHTS, candidates  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "quizgen" / "data" / "core_glossary.tsv"
L2 = 0.01
STEPS = 3000
RATE = 0.3


def _norm(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    text = re.sub(r"\b(sb|sth|one's|oneself)\b\.?", " ", text).strip().removeprefix("to ")
    return " ".join(re.findall(r"[a-z0-9'-]+", text))


def matches(gloss: str, senses: list[str]) -> bool:
    """One alternative of ``gloss`` says one of ``senses`` (as bench/gloss_accuracy.py scores)."""
    wanted = [n for n in (_norm(s) for s in senses) if n]
    for alt in (n for n in (_norm(a) for a in re.split(r"[;,/]", gloss)) if n):
        for sense in wanted:
            a, s = f" {alt} ", f" {sense} "
            if alt == sense or (s in a and len(sense) >= 3) or (a in s and len(alt) >= 4):
                return True
    return False


def core_entries(paths: list[Path]) -> dict[tuple[str, str], list[list[str]]]:
    """(lemma, pos) -> its senses, each a list of English alternatives."""
    found: dict[tuple[str, str], list[list[str]]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if line.startswith("#") or len(fields) != 5:
                continue
            senses = [re.sub(r"\{[^}]*\}", "", s).strip().split("; ") for s in fields[3].split(" | ")]
            found.setdefault((fields[0], fields[1]), senses)
    return found


def examples(paths: list[Path], source: Path) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    """Per core word with Ding senses: (lemma, features per line, fits the first sense, fits any)."""
    ding = candidates(source)
    out = []
    for (lemma, pos), senses in core_entries(paths).items():
        lines = ding.get((lemma, pos))
        if not lines or len({gloss for gloss, *_ in lines}) < 2:
            continue
        first = np.array([matches(gloss, senses[0]) for gloss, *_ in lines])
        anything = np.array([matches(gloss, [a for s in senses for a in s]) for gloss, *_ in lines])
        if not first.any():
            continue  # Ding lacks the sense: nothing to learn from this word
        x = np.array([[features.get(name, 0.0) for name in FEATURES] for *_, features in lines])
        out.append((lemma, x, first, anything))
    return out


def fit(data: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]) -> np.ndarray:
    x = np.concatenate([x for _, x, _, _ in data])
    first = np.concatenate([f for _, _, f, _ in data]).astype(float)
    starts = np.cumsum([0] + [len(f) for _, _, f, _ in data])[:-1]
    word = np.repeat(np.arange(len(data)), [len(f) for _, _, f, _ in data])
    scale = np.maximum(x.std(axis=0), 1e-6)
    x = x / scale
    w = np.zeros(len(FEATURES))
    for _ in range(STEPS):
        z = x @ w
        p = np.exp(z - np.maximum.reduceat(z, starts)[word])
        p /= np.add.reduceat(p, starts)[word]
        q = p * first
        q /= np.add.reduceat(q, starts)[word]  # the target: the first-sense lines, as likely as the model says
        w -= RATE * (x.T @ (p - q) / len(data) + L2 * w)
    return w / scale


def accuracy(data: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]], w: np.ndarray) -> tuple[float, float]:
    """Share of words whose top line fits the first core sense, and any core sense."""
    first = sum(bool(f[int(np.argmax(x @ w))]) for _, x, f, _ in data)
    anything = sum(bool(a[int(np.argmax(x @ w))]) for _, x, _, a in data)
    return first / len(data), anything / len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--core", type=Path, nargs="*", default=[CORE])
    args = parser.parse_args(argv)
    data = examples(args.core, args.source)
    old = np.array([WEIGHTS[name] for name in FEATURES])
    folds = [[d for d in data if zlib.crc32(d[0].encode()) % 2 == k] for k in (0, 1)]
    print(f"{len(data)} core words with two or more Ding senses, one of them the core's first")
    for k in (0, 1):
        w = fit(folds[1 - k])
        print(f"fold {k}: old weights first/any {accuracy(folds[k], old)[0]:.1%}/{accuracy(folds[k], old)[1]:.1%}, "
              f"fitted on the other fold {accuracy(folds[k], w)[0]:.1%}/{accuracy(folds[k], w)[1]:.1%}")
    w = fit(data)
    print("WEIGHTS = {")
    print("    " + " ".join(f'"{name}": {value:.2f},' for name, value in zip(FEATURES, w)))
    print("}  # fmt: skip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
