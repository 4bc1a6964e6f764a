"""Verdicts driven by facts: the same measure with values that cannot both hold conflicts,
another precision is partial, a figure the report rejects conflicts (table-driven).

The sentences are made up for these tests; they are not taken from any corpus.
"""

from __future__ import annotations

import pytest

from desktop.core.judge import judge_pair
from desktop.core.model import FindingKind, Verdict

K = FindingKind
V = Verdict
DETAIL = {K.ADDED_DETAIL, K.DROPPED_DETAIL}  # either way round: the precision differs
FACT_KINDS = {K.NUMBER, K.QUANTITY}

# (reference, report, verdict, kinds the finding may have, its message, its words in each)
FACT_CASES = [
    # a death toll and a kill count in few shared words: another figure is a conflict
    (
        "The death toll from the landslide rose to 162.",
        "The landslide killed 62 people.",
        V.CONFLICT,
        {K.NUMBER},
        "death toll differs: '162' vs '62'",
        "162",
        "62",
    ),
    # two figures close together are still two different tolls
    (
        "The train crash killed 162 passengers.",
        "The train crash killed 160 passengers.",
        V.CONFLICT,
        {K.NUMBER},
        "death toll differs: '162' vs '160'",
        "162",
        "160",
    ),
    # "more than 160" and "at least 162" can both be true: another precision
    (
        "More than 160 dead after the ferry sank.",
        "At least 162 people were killed when the ferry sank.",
        V.PARTIAL,
        DETAIL,
        "death toll given with another precision: 'More than 160' vs 'At least 162'",
        "More than 160",
        "At least 162",
    ),
    # a lower bound above the report's figure cannot hold with it
    (
        "More than 160 people died in the flooding.",
        "150 people died in the flooding.",
        V.CONFLICT,
        {K.QUANTITY},
        "death toll differs: 'More than 160' vs '150'",
        "More than 160",
        "150",
    ),
    # the report drops "at least"
    (
        "The flooding killed at least 62 people across the province.",
        "The flooding killed 62 people across the province.",
        V.PARTIAL,
        {K.DROPPED_DETAIL},
        "death toll given with another precision: 'at least 62' vs '62'",
        "at least 62",
        "62",
    ),
    # the report adds "at least"
    (
        "The flooding killed 62 people across the province.",
        "The flooding killed at least 62 people across the province.",
        V.PARTIAL,
        {K.ADDED_DETAIL},
        "death toll given with another precision: '62' vs 'at least 62'",
        "62",
        "at least 62",
    ),
    # "hundreds" of injured against 79: out of range
    (
        "Hundreds were injured when the stand collapsed.",
        "79 people were injured when the stand collapsed.",
        V.CONFLICT,
        {K.QUANTITY},
        "number of injured differs: 'Hundreds' vs '79'",
        "Hundreds",
        "79",
    ),
    # "a few" against "hundreds" of the same injured
    (
        "A few people were hurt in the fire at the depot.",
        "Hundreds were hurt in the fire at the depot.",
        V.CONFLICT,
        {K.QUANTITY},
        "number of injured differs: 'A few' vs 'Hundreds'",
        "A few",
        "Hundreds",
    ),
    # 62 is one of the values "dozens" allows: another precision
    (
        "Dozens were killed in the raid on the village.",
        "62 were killed in the raid on the village.",
        V.PARTIAL,
        DETAIL,
        "death toll given with another precision: 'Dozens' vs '62'",
        "Dozens",
        "62",
    ),
    # "dozens" detained is within reach of 30 arrested
    (
        "Police arrested 30 protesters outside parliament.",
        "Police detained dozens of protesters outside parliament.",
        V.PARTIAL,
        DETAIL,
        "number arrested given with another precision: '30' vs 'dozens'",
        "30",
        "dozens",
    ),
    # of two measures in the statements, only the one that differs is flagged
    (
        "The explosion killed 12 people and injured 79 others.",
        "The explosion killed 12 people and injured 80 others.",
        V.CONFLICT,
        {K.NUMBER},
        "number of injured differs: '79' vs '80'",
        "79",
        "80",
    ),
    # the dead children counted differently
    (
        "Forty children were among the dead in the school fire.",
        "The school fire killed 45 children.",
        V.CONFLICT,
        {K.NUMBER},
        "death toll differs: 'Forty' vs '45'",
        "Forty",
        "45",
    ),
    # ten kilometres is not ten miles
    (
        "The epicentre was 10 km north of the port.",
        "The epicentre was 10 miles north of the port.",
        V.CONFLICT,
        {K.NUMBER},
        "distance differs: '10 km' vs '10 miles'",
        "10 km",
        "10 miles",
    ),
    # six miles is not ten kilometres either
    (
        "The dam is 10 km upstream of the town.",
        "The dam is 6 miles upstream of the town.",
        V.CONFLICT,
        {K.NUMBER},
        "distance differs: '10 km' vs '6 miles'",
        "10 km",
        "6 miles",
    ),
    # three days against a week of the same mourning
    (
        "The government declared three days of mourning.",
        "The government declared a week of mourning.",
        V.CONFLICT,
        {K.NUMBER},
        "duration differs: 'three days' vs 'a week'",
        "three days",
        "a week",
    ),
    # two magnitudes of one quake
    (
        "A 5.6 magnitude quake hit the town, killing 162.",
        "A 6.1 magnitude quake hit the town, killing 162.",
        V.CONFLICT,
        {K.NUMBER},
        "magnitude differs: '5.6' vs '6.1'",
        "5.6",
        "6.1",
    ),
    # "about 40" cannot stretch to 52
    (
        "About 40 people were rescued from the rubble.",
        "52 people were rescued from the rubble.",
        V.CONFLICT,
        {K.QUANTITY},
        "number rescued differs: 'About 40' vs '52'",
        "About 40",
        "52",
    ),
    # two approximate figures whose ranges overlap: another precision
    (
        "Some 13,000 residents were displaced by the floods.",
        "More than 13,000 residents were displaced by the floods.",
        V.PARTIAL,
        DETAIL,
        "number displaced given with another precision: 'Some 13,000' vs 'More than 13,000'",
        "Some 13,000",
        "More than 13,000",
    ),
    # the report names the reference's toll only to reject it
    (
        "The flood killed 162 people in the valley.",
        "The flood killed not 162 but 62 people in the valley.",
        V.CONFLICT,
        {K.NUMBER},
        "the report rejects the death toll '162': 'not 162'",
        "162",
        "162",
    ),
    # the report gives another toll and rejects the reference's
    (
        "The blast killed 130 people, police said.",
        "The blast killed 30, not 130, police said.",
        V.CONFLICT,
        {K.NUMBER},
        "death toll differs: '130' vs '30'",
        "130",
        "30",
    ),
    # the reference rejects the toll the report gives
    (
        "The blast killed 30, not 130, police said.",
        "The blast killed 130 people, police said.",
        V.CONFLICT,
        {K.NUMBER},
        "death toll differs: '30' vs '130'",
        "30",
        "130",
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "kinds", "message", "in_a", "in_b"), FACT_CASES)
def test_fact_findings_and_verdicts(
    a: str, b: str, verdict: Verdict, kinds: set[FindingKind], message: str, in_a: str, in_b: str
) -> None:
    j = judge_pair(a, b)
    messages = [f.message for f in j.findings]
    assert j.verdict is verdict, (j.score, messages)
    finding = next((f for f in j.findings if f.message == message), None)
    assert finding is not None, messages
    assert finding.kind in kinds
    assert finding.reference_span is not None and finding.other_span is not None
    assert a[slice(*finding.reference_span)] == in_a
    assert b[slice(*finding.other_span)] == in_b


# (reference, report, verdict): the same measure given the same way
NO_FACT_FINDING_CASES = [
    # "more than" and "over" the same figure say the same
    ("More than 160 dead after the ferry sank.", "Over 160 killed after the ferry sank.", V.AGREE),
    # "about" and "some" the same figure say the same
    (
        "About 40 people were rescued from the rubble.",
        "Some 40 people were rescued from the rubble.",
        V.AGREE,
    ),
    # "about 40" and "roughly forty" say the same
    (
        "About 40 people were rescued from the rubble.",
        "Roughly forty people were rescued from the rubble.",
        V.AGREE,
    ),
    # "a dozen" is twelve
    (
        "A dozen miners remain trapped underground.",
        "Twelve miners remain trapped underground.",
        V.AGREE,
    ),
    # a week is seven days
    ("The king declared a week of mourning.", "The king declared seven days of mourning.", V.AGREE),
    # kilometres spelled two ways
    (
        "The dam is 10 km upstream of the town.",
        "The dam is 10 kilometres upstream of the town.",
        V.AGREE,
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict"), NO_FACT_FINDING_CASES)
def test_no_fact_finding(a: str, b: str, verdict: Verdict) -> None:
    j = judge_pair(a, b)
    messages = [f.message for f in j.findings]
    assert j.verdict is verdict, (j.score, messages)
    assert not {f.kind for f in j.findings} & FACT_KINDS, messages
    assert not any("differs" in m or "precision" in m for m in messages), messages


def test_a_magnitude_is_never_paired_with_a_death_toll() -> None:
    a = "A magnitude 5.6 earthquake struck the region."
    b = "The earthquake killed 162 people in the region."
    j = judge_pair(a, b)
    assert j.verdict is V.PARTIAL
    assert not any("5.6" in f.message and "162" in f.message for f in j.findings)
    assert {f.kind for f in j.findings} <= DETAIL


def test_distances_of_different_things_are_not_compared_but_shown() -> None:
    # a depth and a distance from the capital: two measures, each a figure one side lacks
    j = judge_pair(
        "The quake struck at a depth of 10 km, the survey said.",
        "The quake struck about 75 kilometres south of the capital, the survey said.",
    )
    assert j.verdict is V.PARTIAL
    assert "the report leaves out a figure: '10 km'" in [f.message for f in j.findings]


def test_a_richter_figure_is_a_magnitude() -> None:
    # 'on the Richter scale' names the magnitude three words after its figure
    j = judge_pair(
        "The quake measured 7.8 on the Richter scale, the survey said.",
        "The quake had a magnitude of 7.5, the survey said.",
    )
    assert j.verdict is V.CONFLICT
    assert "magnitude differs: '7.8' vs '7.5'" in [f.message for f in j.findings]


# (reference, report, verdict, message of the finding, its words in each)
ORIGIN_AND_RECOUNT_CASES = [
    # another country's missile for the same strike
    (
        "A Russian missile hit the village before dawn.",
        "A Ukrainian missile hit the village before dawn.",
        V.CONFLICT,
        "whose it is differs: 'Russian missile' vs 'Ukrainian missile'",
        "Russian missile",
        "Ukrainian missile",
    ),
    # another country's troops
    (
        "Russian troops shelled the village before dawn.",
        "Ukrainian troops shelled the village before dawn.",
        V.CONFLICT,
        "whose it is differs: 'Russian troops' vs 'Ukrainian troops'",
        "Russian troops",
        "Ukrainian troops",
    ),
    # another maker
    (
        "The missile that hit the village was Russian-made, officials said.",
        "The missile that hit the village was Ukrainian-made, officials said.",
        V.CONFLICT,
        "who made it differs: 'Russian-made' vs 'Ukrainian-made'",
        "Russian-made",
        "Ukrainian-made",
    ),
    # the same figure for the dead and for the injured
    (
        "The storm killed 62 people on the island.",
        "The storm injured 62 people on the island.",
        V.CONFLICT,
        "the same figure counts another thing: '62' dead vs '62' injured",
        "62",
        "62",
    ),
    # the same figure for the dead and for the missing
    (
        "The storm killed 62 people on the island.",
        "The storm left 62 people missing on the island.",
        V.CONFLICT,
        "the same figure counts another thing: '62' dead vs '62' missing",
        "62",
        "62",
    ),
    # the same figure for arrests and for the injured
    (
        "Police arrested 40 protesters outside the embassy.",
        "Police injured 40 protesters outside the embassy.",
        V.CONFLICT,
        "the same figure counts another thing: '40' arrested vs '40' injured",
        "40",
        "40",
    ),
    # this year's toll against this year's toll; the 2004 tsunami's is left alone
    (
        "The storm killed 62 people on the island.",
        "The storm killed 60 people on the island, the deadliest since 2004, when a tsunami "
        "killed 230,000.",
        V.CONFLICT,
        "death toll differs: '62' vs '60'",
        "62",
        "60",
    ),
    # a duration against a range of seconds
    (
        "The shaking lasted 10 to 15 seconds, witnesses said.",
        "The shaking lasted about a minute, witnesses said.",
        V.CONFLICT,
        "duration differs: '10 to 15 seconds' vs 'a minute'",
        "10 to 15 seconds",
        "a minute",
    ),
    # seconds against minutes
    (
        "The shaking lasted 10 seconds, witnesses said.",
        "The shaking lasted 10 minutes, witnesses said.",
        V.CONFLICT,
        "duration differs: '10 seconds' vs '10 minutes'",
        "10 seconds",
        "10 minutes",
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "message", "in_a", "in_b"), ORIGIN_AND_RECOUNT_CASES)
def test_origins_recounts_and_eras(
    a: str, b: str, verdict: Verdict, message: str, in_a: str, in_b: str
) -> None:
    j = judge_pair(a, b)
    messages = [f.message for f in j.findings]
    assert j.verdict is verdict, (j.score, messages)
    finding = next((f for f in j.findings if f.message == message), None)
    assert finding is not None, messages
    if message.startswith(("whose", "who made")):
        assert finding.kind is K.ENTITY
    else:  # a figure against a figure, or against a range ('10 to 15 seconds')
        assert finding.kind in (K.NUMBER, K.QUANTITY)
    assert finding.reference_span is not None and finding.other_span is not None
    assert a[slice(*finding.reference_span)] == in_a
    assert b[slice(*finding.other_span)] == in_b


# (reference, report, verdict, words no finding may name): nothing to compare
QUIET_CASES = [
    # who made it and who used it can both be true
    (
        "A Russian-made missile hit the village before dawn.",
        "A Ukrainian missile hit the village before dawn.",
        V.PARTIAL,
        ("whose", "who made"),
    ),
    # two ministries are two sources: another source, not another actor
    (
        "The Polish foreign ministry said a missile hit the village.",
        "The Russian defence ministry said a missile hit the village.",
        V.PARTIAL,
        ("whose", "who made"),
    ),
    # the tsunami's dead of 2004 are not compared with this storm's
    (
        "The storm killed 62 people on the island.",
        "It was the deadliest storm since 2004, when a tsunami killed 230,000 people on the "
        "island.",
        V.PARTIAL,
        ("death toll", "same figure"),
    ),
    # each side gives both measures: the figures differ, no figure counts another thing
    (
        "The storm killed 62 people and injured 80 on the island.",
        "The storm injured 62 people and killed 80 on the island.",
        V.CONFLICT,
        ("same figure",),
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "unsaid"), QUIET_CASES)
def test_no_origin_or_recount_finding(
    a: str, b: str, verdict: Verdict, unsaid: tuple[str, ...]
) -> None:
    j = judge_pair(a, b)
    messages = [f.message for f in j.findings]
    assert j.verdict is verdict, (j.score, messages)
    assert not [m for m in messages if m.startswith(unsaid)], messages


def test_two_ministries_are_two_sources() -> None:
    j = judge_pair(
        "The Polish foreign ministry said a missile hit the village.",
        "The Russian defence ministry said a missile hit the village.",
    )
    assert [f.kind for f in j.findings] == [K.ATTRIBUTION]
    assert j.verdict is V.PARTIAL
