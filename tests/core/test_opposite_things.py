"""Opposite states said of different things ('bread prices rose' / 'exports fell') are a
difference, not a contradiction; said of the same thing they still conflict."""

from __future__ import annotations

import pytest

from desktop.core.judge import judge_pair
from desktop.core.model import FindingKind as K
from desktop.core.model import Verdict as V

CASES = [
    # two things, two states
    (
        "Bread prices rose sharply in March, the statistics office said.",
        "Exports fell sharply in March, the statistics office said.",
        V.PARTIAL,
        K.ADDED_DETAIL,
    ),
    (
        "Shares rose in early trading on Tuesday, dealers said.",
        "Bonds fell in early trading on Tuesday, dealers said.",
        V.PARTIAL,
        K.ADDED_DETAIL,
    ),
    # one thing, two states
    ("Prices rose in March.", "Prices fell in March.", V.CONFLICT, K.NEGATION),
    (
        "Karavan airport reopened on Wednesday.",
        "Karavan airport remained closed on Wednesday.",
        V.CONFLICT,
        K.NEGATION,
    ),
    # another word for who did it, but the same curfew
    (
        "The government lifted the curfew on Sunday.",
        "Authorities imposed the curfew on Sunday.",
        V.CONFLICT,
        K.NEGATION,
    ),
    # a pronoun says nothing of what it was: the clash stands
    ("The index rose on Monday.", "It fell on Monday.", V.CONFLICT, K.NEGATION),
]


@pytest.mark.parametrize(("a", "b", "verdict", "kind"), CASES)
def test_opposite_states_are_weighed_by_what_they_are_said_of(
    a: str, b: str, verdict: V, kind: K
) -> None:
    j = judge_pair(a, b)
    found = [f for f in j.findings if f.message.startswith("opposite states")]
    assert j.verdict is verdict, (j.score, [f.message for f in j.findings])
    assert found and found[0].kind is kind
