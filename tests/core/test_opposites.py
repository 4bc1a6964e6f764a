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
    (
        "The epicentre was 30 km north of Halden.",
        "The epicentre was 30 km south of Halden.",
        V.CONFLICT,
        K.ENTITY,
        "directions differ: 'north' vs 'south'",
        "north",
        "south",
    ),
    # east against west for the same border crossing
    (
        "Troops moved to the eastern crossing at dawn.",
        "Troops moved to the western crossing at dawn.",
        V.CONFLICT,
        K.ENTITY,
        "directions differ: 'eastern' vs 'western'",
        "eastern",
        "western",
    ),
    # reopened against remained closed
    (
        "The Orla bridge reopened on Friday.",
        "The Orla bridge remained closed on Friday.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'reopened' vs 'closed'",
        "reopened",
        "closed",
    ),
    # rose against fell, through the synonym groups ('climbed' is 'rise')
    (
        "Bread prices climbed sharply in March.",
        "Bread prices fell sharply in March.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'climbed' vs 'fell'",
        "climbed",
        "fell",
    ),
    # won against lost
    (
        "The mayor won the vote on the new stadium.",
        "The mayor lost the vote on the new stadium.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'won' vs 'lost'",
        "won",
        "lost",
    ),
    # a curfew lifted against one imposed
    (
        "The council lifted the curfew in the old town.",
        "The council imposed the curfew in the old town.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'lifted' vs 'imposed'",
        "lifted",
        "imposed",
    ),
    # 'did not say whether' against a denial: the report leaves it open
    (
        "The ministry denied that the reservoir had leaked.",
        "The ministry did not say whether the reservoir had leaked.",
        V.PARTIAL,
        K.HEDGE,
        "the report leaves open what the reference settles ('did not say whether')",
        None,
        "did not say whether",
    ),
    # 'declined to comment' in the reference against a flat report
    (
        "The club declined to comment on the transfer of its captain.",
        "The club confirmed the transfer of its captain.",
        None,
        K.HEDGE,
        "the reference leaves open what the report settles ('declined to comment')",
        "declined to comment",
        None,
    ),
    # a wage offer accepted against one rejected
    (
        "The union accepted the pay offer on Thursday.",
        "The union rejected the pay offer on Thursday.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'accepted' vs 'rejected'",
        "accepted",
        "rejected",
    ),
    # 'approved' is in the same group as 'accepted'
    (
        "The court approved the merger of the two banks.",
        "The court rejected the merger of the two banks.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'approved' vs 'rejected'",
        "approved",
        "rejected",
    ),
    # a march allowed against one banned
    (
        "The city allowed the march through the centre.",
        "The city banned the march through the centre.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'allowed' vs 'banned'",
        "allowed",
        "banned",
    ),
    # 'permitted' and 'prohibited', other words of the same two groups
    (
        "The regulator permitted fishing in the bay this summer.",
        "The regulator prohibited fishing in the bay this summer.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'permitted' vs 'prohibited'",
        "permitted",
        "prohibited",
    ),
    # higher against lower
    (
        "Turnout was higher than in the last election.",
        "Turnout was lower than in the last election.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'higher' vs 'lower'",
        "higher",
        "lower",
    ),
    # synonyms on both sides: 'soared' is 'rise', 'dropped' is 'fall'
    (
        "Water levels soared overnight in the valley.",
        "Water levels dropped overnight in the valley.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'soared' vs 'dropped'",
        "soared",
        "dropped",
    ),
    # 'opened' against 'shut'
    (
        "The pass was opened to traffic on Sunday.",
        "The pass was shut to traffic on Sunday.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'opened' vs 'shut'",
        "opened",
        "shut",
    ),
    # a verdict of guilty against an acquittal
    (
        "The jury convicted the driver of manslaughter.",
        "The jury acquitted the driver of manslaughter.",
        V.CONFLICT,
        K.NEGATION,
        "opposite states: 'convicted' vs 'acquitted'",
        "convicted",
        "acquitted",
    ),
    # 'north' against 'south' in a single word
    (
        "The convoy headed north toward the capital.",
        "The convoy headed south toward the capital.",
        V.CONFLICT,
        K.ENTITY,
        "directions differ: 'north' vs 'south'",
        "north",
        "south",
    ),
    # the diagonal directions written as one word
    (
        "The village lies 12 km northeast of the dam.",
        "The village lies 12 km southwest of the dam.",
        V.CONFLICT,
        K.ENTITY,
        "directions differ: 'northeast' vs 'southwest'",
        "northeast",
        "southwest",
    ),
    # hyphenated diagonals that share 'north': only east and west differ
    (
        "The village lies 12 km north-east of the dam.",
        "The village lies 12 km north-west of the dam.",
        V.CONFLICT,
        K.ENTITY,
        "directions differ: 'east' vs 'west'",
        "east",
        "west",
    ),
    # the reference leaves open what the report denies
    (
        "The embassy did not say whether the envoy had been recalled.",
        "The embassy denied that the envoy had been recalled.",
        V.PARTIAL,
        K.HEDGE,
        "the reference leaves open what the report settles ('did not say whether')",
        "did not say whether",
        None,
    ),
    # 'would not say whether' against a denial
    (
        "The embassy denied that the envoy had been recalled.",
        "The embassy would not say whether the envoy had been recalled.",
        V.PARTIAL,
        K.HEDGE,
        "the report leaves open what the reference settles ('would not say whether')",
        None,
        "would not say whether",
    ),
    # 'declined to comment' against a denial
    (
        "The embassy denied that the envoy had been recalled.",
        "The embassy declined to comment on whether the envoy had been recalled.",
        V.PARTIAL,
        K.HEDGE,
        "the report leaves open what the reference settles ('declined to comment')",
        None,
        "declined to comment",
    ),
    # 'has not commented' against a denial
    (
        "The embassy denied that the envoy had been recalled.",
        "The embassy has not commented on whether the envoy had been recalled.",
        V.PARTIAL,
        K.HEDGE,
        "the report leaves open what the reference settles ('has not commented')",
        None,
        "has not commented",
    ),
    # 'would neither confirm nor deny' is no denial
    (
        "The embassy denied that the envoy had been recalled.",
        "The embassy would neither confirm nor deny that the envoy had been recalled.",
        V.PARTIAL,
        K.HEDGE,
        "the report leaves open what the reference settles ('would neither confirm nor deny')",
        None,
        "would neither confirm nor deny",
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "kind", "message", "in_a", "in_b"), CASES)
def test_opposites_and_open_answers(
    a: str,
    b: str,
    verdict: Verdict | None,
    kind: FindingKind,
    message: str,
    in_a: str | None,
    in_b: str | None,
) -> None:
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
    # the same state on both sides
    ("The bridge reopened on Friday.", "The bridge reopened on Friday after repairs."),
    # both sides name both states, in another order
    (
        "The ban on fishing in the bay was lifted and then imposed again.",
        "The ban on fishing in the bay was imposed again after it was lifted.",
    ),
    # the same comparison on both sides, each naming north and south
    (
        "Turnout was higher in the north than in the south.",
        "Turnout was higher in the north than in the south, officials said.",
    ),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_no_opposite_where_none_differs(a: str, b: str) -> None:
    j = judge_pair(a, b)
    assert not any(
        f.message.startswith(("directions differ", "opposite states")) for f in j.findings
    )


def test_an_opposite_between_different_matters_is_a_detail() -> None:
    # few shared words (judged at threshold 0): the differing direction is a detail
    j = judge_pair(
        "Flooding closed the northern highway and three schools on Monday.",
        "Aid convoys used the southern route after the storm, officials said.",
        options=CompareOptions(threshold=0),
    )
    found = [f for f in j.findings if f.message.startswith("directions differ")]
    assert found and all(f.kind in (K.ADDED_DETAIL, K.DROPPED_DETAIL) for f in found)
    assert j.verdict is Verdict.PARTIAL


def test_nothing_is_left_open_when_both_sides_leave_it_open() -> None:
    # both decline to comment: no hedge finding, only the date the report adds
    j = judge_pair(
        "The embassy declined to comment on the recall of its envoy.",
        "The embassy declined to comment on the recall of its envoy on Friday.",
    )
    assert not any(f.kind is K.HEDGE for f in j.findings), [f.message for f in j.findings]
    assert j.verdict is Verdict.PARTIAL


def test_an_opposite_below_the_same_matter_share_is_a_detail_at_the_default_threshold() -> None:
    # linked at the default threshold, but under half of the shorter sentence's words are
    # shared: a union accepting an offer and passengers rejecting a boycott are two matters
    j = judge_pair(
        "The union accepted the offer from the rail operator late on Thursday.",
        "Passengers rejected calls to boycott the rail operator on Thursday.",
    )
    assert j.verdict is Verdict.PARTIAL, [f.message for f in j.findings]
    found = [f for f in j.findings if f.message == "opposite states: 'accepted' vs 'rejected'"]
    assert [f.kind for f in found] == [K.ADDED_DETAIL]
    assert not any(f.is_conflict for f in j.findings)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # an open answer against a flat assertion: the 'not' of 'did not say' denies nothing
        ("The army said the convoy was hit.", "The army did not say whether the convoy was hit."),
        # the same the other way round
        ("The army did not say whether the convoy was hit.", "The army said the convoy was hit."),
        # 'declined to comment' against a confirmation
        (
            "The club declined to comment on the transfer of its captain.",
            "The club confirmed the transfer of its captain.",
        ),
    ],
)
def test_an_open_answer_is_partial_not_a_denial(a: str, b: str) -> None:
    j = judge_pair(a, b)
    assert j.verdict is Verdict.PARTIAL, [f.message for f in j.findings]
    assert [
        f.kind
        for f in j.findings
        if f.kind is not K.ADDED_DETAIL and f.kind is not K.DROPPED_DETAIL
    ] == [K.HEDGE]


def test_a_plain_negation_still_conflicts() -> None:
    # 'was not hit' settles the matter the other way: a denial
    j = judge_pair("The army said the convoy was hit.", "The army said the convoy was not hit.")
    assert j.verdict is Verdict.CONFLICT
