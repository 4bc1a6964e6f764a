"""detect/features.py: the same-claim score's features and its logistic."""

from __future__ import annotations

import math

import pytest

from desktop.core.detect.context import PairContext
from desktop.core.detect.features import NAMES, WEIGHTS, features, logistic, names, numbers
from desktop.core.detect.prepared import prepare


def _features(a: str, b: str) -> dict[str, float]:
    return dict(zip(NAMES, features(PairContext(prepare(a), prepare(b))), strict=True))


def test_one_weight_per_feature() -> None:
    assert len(WEIGHTS) == len(NAMES)


def test_the_same_statement_has_every_likeness_and_nothing_extra() -> None:
    f = _features("The storm killed 12 people.", "The storm killed 12 people.")
    assert all(f[n] == 1.0 for n in ("cover_min", "cover_max", "sort", "ratio", "partial"))
    assert f["extra_min"] == f["extra_max"] == 0.0


@pytest.mark.parametrize(
    ("a", "b", "feature", "low", "high"),
    [
        # another figure: numbers no longer agree
        ("The storm killed 12 people.", "The storm killed 40 people.", "numbers", 0.0, 0.99),
        # unrelated statements cover little of each other
        (
            "The storm killed 12 people.",
            "Schools reopen in Nairobi on Friday.",
            "cover_max",
            0.0,
            0.2,
        ),
        # a clause more on one side: unmatched words on it
        (
            "The storm hit.",
            "The storm hit the coast after a week of warnings.",
            "extra_max",
            0.1,
            1.0,
        ),
    ],
)
def test_features_move_the_right_way(a: str, b: str, feature: str, low: float, high: float) -> None:
    assert low <= _features(a, b)[feature] <= high


def test_numbers_and_names_read_off_a_statement() -> None:
    side = prepare("Peskov said 400 drones reached Moscow.")
    assert 400.0 in numbers(side)
    assert names(side) == {"moscow"}  # a capital at the start of a sentence names nothing
    assert "peskov" in names(prepare("On Monday Peskov said 400 drones reached Moscow."))


@pytest.mark.parametrize(
    ("values", "weights", "bias", "expected"),
    [((0.0,), (1.0,), 0.0, 0.5), ((2.0, 1.0), (1.0, -1.0), 0.0, 1 / (1 + math.exp(-1)))],
)
def test_logistic(
    values: tuple[float, ...], weights: tuple[float, ...], bias: float, expected: float
) -> None:
    assert math.isclose(logistic(values, weights, bias), expected)
