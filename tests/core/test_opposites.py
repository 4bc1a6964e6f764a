"""Opposite directions and states conflict; a report that leaves the matter open is a hedge
(table-driven). The sentences are made up for these tests."""

from __future__ import annotations

import pytest

from desktop.core.judge import judge_pair
from desktop.core.model import CompareOptions, FindingKind, Verdict

K = FindingKind
V = Verdict

# (reference, report, verdict, kind, message, the words in each statement)
CASES = [
    # the same place given the other way round
    ("The epicentre was 30 km north of Halden.", "The epicentre was 30 km south of Halden.",
     V.CONFLICT, K.ENTITY, "directions differ: 'north' vs 'south'", "north", "south"),
    # east against west for the same border crossing
    ("Troops moved to the eastern crossing at dawn.",
     "Troops moved to the western crossing at dawn.",
     V.CONFLICT, K.ENTITY, "directions differ: 'eastern' vs 'western'", "eastern", "western"),
    # reopened against remained closed
    ("The Orla bridge reopened on Friday.", "The Orla bridge remained closed on Friday.",
     V.CONFLICT, K.NEGATION, "opposite states: 'reopened' vs 'closed'", "reopened", "closed"),
    # rose against fell, through the synonym groups ('climbed' is 'rise')
    ("Bread prices climbed sharply in March.", "Bread prices fell sharply in March.",
     V.CONFLICT, K.NEGATION, "opposite states: 'climbed' vs 'fell'", "climbed", "fell"),
    # won against lost
    ("The mayor won the vote on the new stadium.", "The mayor lost the vote on the new stadium.",
     V.CONFLICT, K.NEGATION, "opposite states: 'won' vs 'lost'", "won", "lost"),
    # a curfew lifted against one imposed
    ("The council lifted the curfew in the old town.",
     "The council imposed the curfew in the old town.",
     V.CONFLICT, K.NEGATION, "opposite states: 'lifted' vs 'imposed'", "lifted", "imposed"),
    # 'did not say whether' against a denial: the report leaves it open
    ("The ministry denied that the reservoir had leaked.",
     "The ministry did not say whether the reservoir had leaked.",
     V.PARTIAL, K.HEDGE, "the report leaves open what the reference settles ('did not say "
     "whether')", None, "did not say whether"),
    # 'declined to comment' in the reference against a flat report
    ("The club declined to comment on the transfer of its captain.",
     "The club confirmed the transfer of its captain.",
     None, K.HEDGE, "the reference leaves open what the report settles ('declined to "
     "comment')", "declined to comment", None),
]


@pytest.mark.parametrize(("a", "b", "verdict", "kind", "message", "in_a", "in_b"), CASES)
def test_opposites_and_open_answers(a: str, b: str, verdict: Verdict | None, kind: FindingKind,
                                    message: str, in_a: str | None, in_b: str | None) -> None:
    j = judge_pair(a, b)
    if verdict is not None:
        assert j.verdict is verdict, [f.message for f in j.findings]
    found = next((f for f in j.findings if f.message == message), None)
    assert found is not None, [f.message for f in j.findings]
    assert found.kind is kind
    if in_a is not None:
        assert found.reference_span is not None and a[slice(*found.reference_span)] == in_a
    if in_b is not None:
        assert found.other_span is not None and b[slice(*found.other_span)] == in_b


# pairs where no opposite may be reported
QUIET = [
    # the same direction
    ("The fire spread north of the ridge.", "The fire spread north of the ridge overnight."),
    # both sides name both directions
    ("Roads north and south of Tarn were shut.", "Roads south and north of Tarn were shut."),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_no_opposite_where_none_differs(a: str, b: str) -> None:
    j = judge_pair(a, b)
    assert not any(f.message.startswith(("directions differ", "opposite states"))
                   for f in j.findings)


def test_an_opposite_between_different_matters_is_a_detail() -> None:
    # few shared words (judged at threshold 0): the differing direction is a detail
    j = judge_pair("Flooding closed the northern highway and three schools on Monday.",
                   "Aid convoys used the southern route after the storm, officials said.",
                   options=CompareOptions(threshold=0))
    found = [f for f in j.findings if f.message.startswith("directions differ")]
    assert found and all(f.kind in (K.ADDED_DETAIL, K.DROPPED_DETAIL) for f in found)
    assert j.verdict is Verdict.PARTIAL
