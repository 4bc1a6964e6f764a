"""detect/polarity.py: denials and hedges between the same claim."""

from __future__ import annotations

import pytest

from desktop.core.detect.polarity import (
    debunk_cues,
    detect_hedge,
    detect_negation,
    hedge_cues,
    negation_cues,
)
from desktop.core.detect.prepared import prepare
from tests.core.detecthelp import found


def _norms(text: str, at: list[int]) -> list[str]:
    tokens = prepare(text).tokens
    return [tokens[i].norm for i in at]


def test_cues_point_at_their_words() -> None:
    assert _norms(
        "The deal was not signed.", negation_cues(prepare("The deal was not signed."))
    ) == ["not"]
    text = "That claim is false."
    assert _norms(text, debunk_cues(prepare(text))) == ["false"]
    hedged = "Officials believe the deal was signed."
    assert [prepare(hedged).quote(a, b) for a, b in hedge_cues(prepare(hedged))] == ["believe"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # an opposite verb of saying
        (
            "The ministry confirmed the deal.",
            "The ministry denied the deal.",
            [("negation", "one side denies what the other asserts: 'confirmed' vs 'denied'")],
        ),
        # a plain 'not'
        (
            "The deal was signed.",
            "The deal was not signed.",
            [("negation", "the report negates ('not') what the reference asserts")],
        ),
        # the same polarity
        ("The deal was signed.", "The deal was signed.", []),
        # an open answer is no denial of another statement
        ("The embassy did not comment.", "The embassy said the deal was signed.", []),
    ],
)
def test_detect_negation(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert found(detect_negation, a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the report hedges
        (
            "Russia has made a deal with Iran.",
            "Officials believe Russia has made a deal with Iran.",
            [("hedge", "the report hedges ('Officials believe') what the reference states flatly")],
        ),
        # the reference hedges
        (
            "Russia allegedly made a deal.",
            "Russia made a deal.",
            [("hedge", "the report states flatly what the reference hedges ('allegedly')")],
        ),
        # both hedge alike
        ("Russia may have made a deal.", "Russia may have made a deal.", []),
    ],
)
def test_detect_hedge(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert found(detect_hedge, a, b) == expected
