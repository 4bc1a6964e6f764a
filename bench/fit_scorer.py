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

from desktop.core.detect.context import PairContext  # noqa: E402
from desktop.core.detect.features import NAMES, features  # noqa: E402
from desktop.core.judge import prepare  # noqa: E402

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


def shift(z: np.ndarray) -> float:
    """Logit shift that keeps the share of MRPC train pairs at score >= 50 of the old score."""
    from desktop.core.detect.context import PairContext as Ctx
    from desktop.core.judge import old_score

    rows = read_mrpc("msr_paraphrase_train.txt")
    old = np.array([old_score(Ctx(prepare(a), prepare(b))) for _, a, b in rows])
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
