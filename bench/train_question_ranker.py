"""Train the question ranker (quizgen/questions/ranker.py) on our own rubric labels.

    python bench/train_question_ranker.py features LABELS.tsv... --records CANDIDATES.jsonl
    python bench/train_question_ranker.py train [--target 0.8]

``features`` reads graders' labels (``article<TAB>candidate id<TAB>verdict<TAB>category<TAB>reason``,
the format of bench/grading_sheets.py's README) and the candidate records the sheets were made
from (``candidates.jsonl``: they quote the article, so they stay outside the repository),
analyses each labelled article of the 10kGNAD sample again, and writes
``bench/data/question_labels.tsv`` (the labels with article indices, no article text) and
``bench/data/question_features.tsv`` (the ranker's features of each labelled candidate).

``train`` fits a logistic regression (scikit-learn, pinned in pyproject.toml) on those two files
alone, so that anyone can repeat it: label 1 for OK, 0 for WEAK and BAD. It reports precision and
recall of OK at each cut under 5-fold cross-validation grouped by article (no article is in
training and test at once), chooses the lowest cut whose cross-validated precision reaches
``--target`` (default 0.8), and writes the model and the cut to quizgen/data/question_ranker.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from corpus import read_corpus

DATA = Path(__file__).resolve().parent / "data"
LABELS = DATA / "question_labels.tsv"
FEATURES = DATA / "question_features.tsv"
MODEL = Path(__file__).resolve().parents[1] / "quizgen" / "data" / "question_ranker.json"
VERDICTS = ("OK", "WEAK", "BAD")


def read_labels(paths: list[Path]) -> list[dict[str, str]]:
    """Label rows from graders' TSV files; the last label of a candidate wins."""
    rows: dict[str, dict[str, str]] = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            for cols in csv.reader(fh, delimiter="\t"):
                if len(cols) < 3 or cols[2].strip().upper() not in VERDICTS:
                    continue  # a header or a note
                article = cols[0].strip().removeprefix("article-").removesuffix(".md").lstrip("0") or "0"
                rows[cols[1].strip()] = {
                    "article": article,
                    "id": cols[1].strip(),
                    "verdict": cols[2].strip().upper(),
                    "category": cols[3].strip() if len(cols) > 3 else "",
                    "reason": " ".join(cols[4].split()) if len(cols) > 4 else "",
                }
    return list(rows.values())


def write_features(label_paths: list[Path], records_path: Path) -> int:
    from quizgen.nlp.analyze import analyze
    from quizgen.questions.candidate import QuestionCandidate
    from quizgen.questions.ranker import FEATURE_NAMES, features
    from quizgen.questions.verification import verify

    labels = read_labels(label_paths)
    records = {}
    with open(records_path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            records[record.pop("id")] = record
    texts = read_corpus()
    by_article: dict[int, list[dict[str, str]]] = {}
    for row in labels:
        by_article.setdefault(int(row["article"]), []).append(row)
    DATA.mkdir(parents=True, exist_ok=True)
    missing = 0
    with open(LABELS, "w", encoding="utf-8", newline="") as lf, open(FEATURES, "w", encoding="utf-8", newline="") as ff:
        lw, fw = csv.writer(lf, delimiter="\t"), csv.writer(ff, delimiter="\t")
        lw.writerow(["article", "id", "verdict", "category", "reason"])
        fw.writerow(["article", "id", "label", "verified", *FEATURE_NAMES])
        for article in sorted(by_article):
            analysis = analyze(texts[article])
            rows, cands = [], []
            for row in sorted(by_article[article], key=lambda r: r["id"]):
                record = records.get(row["id"])
                if record is None:
                    missing += 1
                    continue
                record = {k: v for k, v in record.items() if k != "article"}
                for key in ("options", "accepted", "notes", "span"):
                    record[key] = tuple(record.get(key) or ())
                rows.append(row)
                cands.append(QuestionCandidate(**record))
            for row, cand, verdict in zip(rows, cands, verify(analysis, cands), strict=True):
                lw.writerow([article, row["id"], row["verdict"], row["category"], row["reason"]])
                values = (f"{v:.4f}" for v in features(analysis, cand))
                fw.writerow([article, row["id"], int(row["verdict"] == "OK"), int(verdict.ok), *values])
    print(f"{len(labels) - missing} labelled candidates of {len(by_article)} articles; {missing} labels without a record")
    return 0


def train(target: float, verified_only: bool) -> int:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from quizgen.questions.ranker import FEATURE_NAMES

    with open(FEATURES, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    header, rows = rows[0], rows[1:]
    if verified_only:
        rows = [r for r in rows if r[3] == "1"]  # the picker sees only questions that pass the parse check
    if tuple(header[4:]) != FEATURE_NAMES:
        print("bench/data/question_features.tsv has other features than ranker.py: run `features` again")
        return 1
    groups = np.array([int(r[0]) for r in rows])
    y = np.array([int(r[2]) for r in rows])
    x = np.array([[float(v) for v in r[4:]] for r in rows])
    cuts = [round(0.10 + 0.025 * k, 3) for k in range(33)]
    predicted = np.zeros(len(y))
    for train_idx, test_idx in GroupKFold(n_splits=5).split(x, y, groups):
        model = LogisticRegression(C=0.5, max_iter=2000)
        model.fit(x[train_idx], y[train_idx])
        predicted[test_idx] = model.predict_proba(x[test_idx])[:, 1]
    print(f"{len(y)} labelled candidates, {y.mean():.1%} OK; 5-fold cross-validation grouped by article")
    print("cut  kept  precision  recall")
    chosen = None
    for cut in cuts:
        kept = predicted >= cut
        if not kept.any():
            break
        precision = y[kept].mean()
        recall = (y[kept] == 1).sum() / max(1, y.sum())
        print(f"{cut:.3f} {kept.sum():5d}  {precision:9.1%}  {recall:6.1%}")
        if chosen is None and precision >= target and kept.sum() >= 20:
            chosen = (cut, precision, recall, int(kept.sum()))
    if chosen is None:
        best = max(cuts, key=lambda c: y[predicted >= c].mean() if (predicted >= c).sum() >= 20 else 0)
        kept = predicted >= best
        chosen = (best, y[kept].mean(), (y[kept] == 1).sum() / max(1, y.sum()), int(kept.sum()))
        print(f"no cut reaches {target:.0%}: the best with 20 or more kept is taken")
    model = LogisticRegression(C=0.5, max_iter=2000).fit(x, y)
    out = {
        "features": list(FEATURE_NAMES),
        "coef": [round(float(c), 6) for c in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": chosen[0],
        "cross_validated": {"precision": round(float(chosen[1]), 4), "recall": round(float(chosen[2]), 4), "kept": chosen[3], "labelled": len(y), "ok_share": round(float(y.mean()), 4)},
        "trained_by": "python bench/train_question_ranker.py train" + ("" if verified_only else " --all"),
    }
    MODEL.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"cut {chosen[0]:.3f}: cross-validated precision {chosen[1]:.1%}, recall {chosen[2]:.1%} ({chosen[3]} kept); model written to {MODEL}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    feats = sub.add_parser("features", help="labels + candidate records -> bench/data/*.tsv")
    feats.add_argument("labels", nargs="+", type=Path)
    feats.add_argument("--records", type=Path, required=True)
    fit = sub.add_parser("train", help="bench/data/*.tsv -> quizgen/data/question_ranker.json")
    fit.add_argument("--target", type=float, default=0.8)
    fit.add_argument("--all", action="store_true", help="train on every labelled candidate, not only those passing verification")
    args = parser.parse_args(argv)
    if args.command == "features":
        return write_features(args.labels, args.records)
    return train(args.target, verified_only=not args.all)


if __name__ == "__main__":
    sys.exit(main())
