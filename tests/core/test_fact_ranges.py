"""Ranges, halves, 24-hour clock times, listed countries, bodies found and eras: cases of
news wording the fact reader once got wrong, each written for this test."""

from __future__ import annotations

import pytest

from desktop.core.judge import judge_pair
from desktop.core.model import Verdict as V

# (reference, report, verdict, a message that must be there or "" for no finding at all)
CASES = [
    # a range of figures is one fact: a figure inside it differs only in precision
    (
        "The shaking lasted 10 to 15 seconds, witnesses said.",
        "The shaking lasted 12 seconds, witnesses said.",
        V.PARTIAL,
        "duration given with another precision: '10 to 15 seconds' vs '12 seconds'",
    ),
    (
        "Between 40 and 50 people were hurt in the crush at the stadium.",
        "Some 45 people were hurt in the crush at the stadium.",
        V.PARTIAL,
        "",
    ),
    (
        "The fire killed 10-15 people in the market, police said.",
        "The fire killed 12 people in the market, police said.",
        V.PARTIAL,
        "death toll given with another precision: '10-15' vs '12'",
    ),
    # ... and a figure outside it conflicts
    (
        "The fire killed 10-15 people in the market, police said.",
        "The fire killed 30 people in the market, police said.",
        V.CONFLICT,
        "death toll differs: '10-15' vs '30'",
    ),
    (
        "The ferry sank 10-15 km off the coast, the coastguard said.",
        "The ferry sank 40 km off the coast, the coastguard said.",
        V.CONFLICT,
        "distance differs: '10-15 km' vs '40 km'",
    ),
    # 'and a half'
    (
        "The siege of the embassy lasted 36 hours, officials said.",
        "The siege of the embassy lasted a day and a half, officials said.",
        V.AGREE,
        "",
    ),
    (
        "The strike at the port lasted 60 hours.",
        "The strike at the port lasted two and a half days.",
        V.AGREE,
        "",
    ),
    # 24-hour clock times: a leading zero, or a dotted time with 'local time'
    (
        "The dam burst at 09:05 on Sunday, the governor said.",
        "The dam burst late on Sunday night, the governor said.",
        V.CONFLICT,
        "times of day differ: '09:05' vs",
    ),
    (
        "The dam burst at 13.40 local time on Sunday, the governor said.",
        "The dam burst on Sunday afternoon, the governor said.",
        V.AGREE,
        "",
    ),
    # a dotted figure without 'local time' stays a figure
    (
        "The shares closed at 13.40 on Tuesday.",
        "The shares closed at 13.55 on Tuesday.",
        V.CONFLICT,
        "",
    ),
    # a country listed with another shares the thing: no rival actor
    (
        "A Russian missile hit the grain store near the border.",
        "Russian and Ukrainian missiles hit the grain store near the border.",
        V.PARTIAL,
        "",
    ),
    (
        "A Russian missile hit the grain store near the border.",
        "Belarusian and Ukrainian missiles hit the grain store near the border.",
        V.CONFLICT,
        "whose it is differs",
    ),
    # bodies found are some of the dead, not a rival toll; same figure, same count
    (
        "The death toll from the landslide rose to 162, the agency said.",
        "Rescuers recovered 62 bodies from the landslide, the agency said.",
        None,
        "",
    ),
    (
        "Rescuers found 62 bodies in the rubble of the district.",
        "The quake killed 62 people in the district.",
        None,
        "",
    ),
    # the same figure for things that can share it is another thing, not a contradiction
    (
        "The storm destroyed 120 homes in the district.",
        "The storm displaced 120 families in the district.",
        V.PARTIAL,
        "the same figure counts another thing: '120' damaged vs '120' displaced",
    ),
    # ... but one person is not both dead and hurt
    (
        "The blast killed 14 people at the depot, police said.",
        "The blast injured 14 people at the depot, police said.",
        V.CONFLICT,
        "the same figure counts another thing: '14' dead vs '14' injured",
    ),
    # a year ends at ';': the toll after it is this year's
    (
        "The flood killed 300 people in the province.",
        "In 2010 a flood killed 2,000 people in the province; this one killed 250.",
        V.CONFLICT,
        "death toll differs: '300' vs '250'",
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "message"), CASES)
def test_fact_wording(a: str, b: str, verdict: V | None, message: str) -> None:
    j = judge_pair(a, b)
    messages = [f.message for f in j.findings]
    if verdict is None:  # only: no conflict
        assert j.verdict is not V.CONFLICT, messages
        return
    assert j.verdict is verdict, (j.score, messages)
    if message:
        assert any(m.startswith(message) for m in messages), messages
    elif verdict is V.AGREE:
        assert messages == []
