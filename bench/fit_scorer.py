"""Fit the same-claim score's weights on MRPC train (logistic regression, numpy only).

Run: ``.venv/bin/python bench/fit_scorer.py``. Reads ``../shared/benchdata/mrpc`` train split
only and prints the weights to paste into ``desktop/core/detect/features.py``; with
``--check`` it also prints train and test accuracy at the best train threshold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from accuracy import read_mrpc  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from desktop.core.detect.context import PairContext  # noqa: E402
from desktop.core.detect.features import NAMES, features  # noqa: E402
from desktop.core.detect.fuzzy import FUZZY_MAX_CHARS  # noqa: E402
from desktop.core.judge import _content_count, _inside, prepare  # noqa: E402

# The hand-weighted score the fitted one replaced: its parts' weights, once chosen on MRPC train.
W_COVER_MIN, W_COVER_MAX, W_SORT, W_RATIO = 0.4, 0.2, 0.2, 0.2
L2 = 1e-3
STEPS = 20000
RATE = 0.5


def matrix(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of one MRPC file."""
    rows = read_mrpc(name)
    x = np.array([features(PairContext(prepare(a), prepare(b))) for _, a, b in rows])
    return x, np.array([y for y, _, _ in rows], dtype=float)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights and bias by full-batch gradient descent on the L2-regularised log loss."""
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= RATE * (x.T @ (p - y) / len(y) + L2 * w)
        b -= RATE * float((p - y).mean())
    return w, b


def old_score(ctx: PairContext) -> float:
    """The hand-weighted score the fitted one replaced (the judge's containment kept)."""
    if not ctx.a.norm or not ctx.b.norm:
        return 0.0
    total_a, total_b = _content_count(ctx.a.keys), _content_count(ctx.b.keys)
    cover_a = sum(ctx.match_a) / total_a if total_a else 0.0
    cover_b = sum(ctx.match_b) / total_b if total_b else 0.0
    norm_a, norm_b = ctx.a.norm[:FUZZY_MAX_CHARS], ctx.b.norm[:FUZZY_MAX_CHARS]
    sort = fuzz.token_sort_ratio(norm_a, norm_b) / 100
    ratio = fuzz.ratio(norm_a, norm_b) / 100
    whole = (
        W_COVER_MIN * min(cover_a, cover_b)
        + W_COVER_MAX * max(cover_a, cover_b)
        + W_SORT * sort
        + W_RATIO * ratio
    )
    return round(100 * max(whole, _inside(ctx)), 2)


def shift(z: np.ndarray) -> float:
    """Logit shift that keeps the share of MRPC train pairs at score >= 50 of the old score."""
    rows = read_mrpc("msr_paraphrase_train.txt")
    old = np.array([old_score(PairContext(prepare(a), prepare(b))) for _, a, b in rows])
    share = float((old >= 50).mean())
    return float(-np.quantile(z, 1 - share))


def best_cut(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Probability cut (step 0.01) with the best accuracy, and that accuracy."""
    cuts = np.arange(0, 1.001, 0.01)
    acc = [((p >= c) == (y == 1)).mean() for c in cuts]
    k = int(np.argmax(acc))
    return float(cuts[k]), float(acc[k])


def main() -> int:
    """Fit, print the constants, optionally check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="also report MRPC test accuracy")
    args = parser.parse_args()
    x, y = matrix("msr_paraphrase_train.txt")
    w, b = fit(x, y)
    print("WEIGHTS = (" + ", ".join(f"{v:.3f}" for v in w) + ")")
    print(f"BIAS = {b:.3f}")
    for name, v in zip(NAMES, w, strict=True):
        print(f"  {name:10s} {v:+.3f}")
    print(f"SHIFT = {shift(x @ w + b):.3f}")
    p_tr = 1 / (1 + np.exp(-(x @ w + b)))
    cut, acc = best_cut(p_tr, y)
    print(f"train accuracy {acc:.3f} at p >= {cut:.2f}")
    if args.check:
        xt, yt = matrix("msr_paraphrase_test.txt")
        p_te = 1 / (1 + np.exp(-(xt @ w + b)))
        print(f"test accuracy {((p_te >= cut) == (yt == 1)).mean():.3f} at the train cut")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
