"""Times of day: clock times and parts of the day read as minute ranges, and compared
(table-driven). The sentences are made up for these tests."""

from __future__ import annotations

import pytest

from desktop.core.detect.clock import clocks
from desktop.core.detect.prepared import prepare
from desktop.core.judge import judge_pair
from desktop.core.model import FindingKind, Verdict

# (text, the words read as a time, low and high minute after midnight)
TIMES = [
    ("The quake struck at 1.21pm local time.", "1.21pm", 801, 801),  # dotted pm time
    ("The siren sounded at 3.40pm.", "3.40pm", 940, 940),  # minutes kept as written ('40')
    ("The vote closed at 15:40 on Friday.", "15:40", 940, 940),  # 24-hour clock
    ("Counting ended at 11:56 p.m. on Monday.", "11:56 p.m", 1436, 1436),  # dotted p.m.
    ("Polls opened at 10 a.m. sharp.", "10 a.m", 600, 600),  # hour and a.m.
    ("The train left at 3 pm.", "3 pm", 900, 900),  # hour and pm
    ("The rally began at 12 pm.", "12 pm", 720, 720),  # noon
    ("The blast came at 12.30 am.", "12.30 am", 30, 30),  # half past midnight
    ("Shells fell in the late afternoon.", "late afternoon", 900, 1080),  # second half
    ("Shells fell in the early morning.", "early morning", 300, 510),  # first half
    ("Shells fell on Tuesday night.", "night", 1200, 1740),  # runs past midnight
    ("Fighting resumed in the evening.", "evening", 990, 1320),  # a part of the day
    ("The ferry sank at 9.05am on Sunday.", "9.05am", 545, 545),  # am written on
    ("The ferry sank at 9:05 a.m. on Sunday.", "9:05 a.m", 545, 545),  # colon and a.m.
    ("The ferry sank at 12 am.", "12 am", 0, 0),  # midnight
    ("The ferry sank at 12.00 pm.", "12.00 pm", 720, 720),  # noon with minutes
    ("The ferry sank at 21:05.", "21:05", 1265, 1265),  # evening on a 24-hour clock
    ("Results are due at 6 p.m. tomorrow.", "6 p.m", 1080, 1080),  # hour and p.m.
    ("The ferry sank overnight.", "overnight", 1200, 1740),  # like 'night'
    ("The ferry sank at dawn.", "dawn", 270, 450),  # early hours
    ("The ferry sank in the late evening.", "late evening", 1155, 1320),  # second half
]


@pytest.mark.parametrize(("text", "words", "low", "high"), TIMES)
def test_times_are_read(text: str, words: str, low: int, high: int) -> None:
    side = prepare(text)
    found = [(c.low, c.high, text[slice(*side.span(c.first, c.last))]) for c in clocks(side)]
    assert (low, high, words) in found


@pytest.mark.parametrize(
    "text",
    [
        "About 1.5 million people live in the valley.",  # a decimal, no am/pm
        "The bridge opened in 2014.",  # a year
        "Three people were hurt.",  # no time at all
        "The ferry carried 12.30 tonnes of grain.",  # a decimal with a unit, no am/pm
        "The home side led 3-1 at half time.",  # a score
        "Prices rose 1.5 percent in 2023.",  # a percentage and a year
    ],
)
def test_no_time_where_none_is_given(text: str) -> None:
    assert clocks(prepare(text)) == ()


# (reference, report, verdict, message or None when no time finding is expected)
PAIRS = [
    # an afternoon clock time against 'night': cannot be the same moment
    (
        "The missile hit the farm at 3.40pm, police said.",
        "The missile hit the farm on Tuesday night, police said.",
        Verdict.CONFLICT,
        "times of day differ: '3.40pm' vs 'night'",
    ),
    # a clock time inside the part of the day: no difference
    (
        "The missile hit the farm at 3.40pm, police said.",
        "The missile hit the farm in the afternoon, police said.",
        None,
        None,
    ),
    # 'evening' reaches 3.40pm within the hour of slack
    (
        "The missile hit the farm at 3.40pm, police said.",
        "The missile hit the farm in the evening, police said.",
        None,
        None,
    ),
    # a whole number of hours apart: perhaps another time zone, not a conflict
    (
        "The quake struck at 1.21pm local time.",
        "The quake struck at 2.21pm.",
        Verdict.PARTIAL,
        "times differ by whole hours, perhaps another time zone: '1.21pm' vs '2.21pm'",
    ),
    # the report names the other time zone: still whole hours apart, still no conflict
    (
        "Fighting resumed at 1.21pm near the airport.",
        "Fighting resumed at 2.21pm Singapore time near the airport.",
        Verdict.PARTIAL,
        "times differ by whole hours, perhaps another time zone: '1.21pm' vs '2.21pm'",
    ),
    # the reference's 'evening' meets the report's 3.40pm within the hour of slack
    (
        "Fighting resumed in the evening near the airport.",
        "Fighting resumed at 3.40pm near the airport.",
        None,
        None,
    ),
    # the morning ends hours before 3.40pm
    (
        "Fighting resumed in the morning near the airport.",
        "Fighting resumed at 3.40pm near the airport.",
        Verdict.CONFLICT,
        "times of day differ: 'morning' vs '3.40pm'",
    ),
    # two parts of the day that lie apart
    (
        "Fighting resumed in the early morning near the airport.",
        "Fighting resumed in the late afternoon near the airport.",
        Verdict.CONFLICT,
        "times of day differ: 'early morning' vs 'late afternoon'",
    ),
    # dawn against the late afternoon
    (
        "Fighting resumed at dawn near the airport.",
        "Fighting resumed in the late afternoon near the airport.",
        Verdict.CONFLICT,
        "times of day differ: 'dawn' vs 'late afternoon'",
    ),
    # two exact times half an hour apart: not a time zone, not the same moment
    (
        "Fighting resumed at 6 p.m. near the airport.",
        "Fighting resumed at 6.30pm near the airport.",
        Verdict.CONFLICT,
        "times of day differ: '6 p.m' vs '6.30pm'",
    ),
    # the same minute on a 24-hour and a 12-hour clock
    (
        "Fighting resumed at 15:40 near the airport.",
        "Fighting resumed at 3.40pm near the airport.",
        None,
        None,
    ),
    # half past midnight falls in the night before it ends
    (
        "Fighting resumed at 12.30 am near the airport.",
        "Fighting resumed on Sunday night near the airport.",
        None,
        None,
    ),
    # four minutes to midnight is overnight
    (
        "Fighting resumed at 11:56 p.m. near the airport.",
        "Fighting resumed overnight near the airport.",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict", "message"), PAIRS)
def test_times_of_day_are_compared(
    a: str, b: str, verdict: Verdict | None, message: str | None
) -> None:
    j = judge_pair(a, b)
    timed = [f for f in j.findings if "time" in f.message]
    if message is None:
        assert not timed, [f.message for f in j.findings]
        return
    assert j.verdict is verdict
    assert [f.message for f in timed] == [message]
    if verdict is Verdict.CONFLICT:
        assert timed[0].kind is FindingKind.DATE
