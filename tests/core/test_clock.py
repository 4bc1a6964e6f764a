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
]


@pytest.mark.parametrize(("text", "words", "low", "high"), TIMES)
def test_times_are_read(text: str, words: str, low: int, high: int) -> None:
    side = prepare(text)
    found = [(c.low, c.high, text[slice(*side.span(c.first, c.last))]) for c in clocks(side)]
    assert (low, high, words) in found


@pytest.mark.parametrize("text", [
    "About 1.5 million people live in the valley.",  # a decimal, no am/pm
    "The bridge opened in 2014.",  # a year
    "Three people were hurt.",  # no time at all
])
def test_no_time_where_none_is_given(text: str) -> None:
    assert clocks(prepare(text)) == ()


# (reference, report, verdict, message or None when no time finding is expected)
PAIRS = [
    # an afternoon clock time against 'night': cannot be the same moment
    ("The missile hit the farm at 3.40pm, police said.",
     "The missile hit the farm on Tuesday night, police said.",
     Verdict.CONFLICT, "times of day differ: '3.40pm' vs 'night'"),
    # a clock time inside the part of the day: no difference
    ("The missile hit the farm at 3.40pm, police said.",
     "The missile hit the farm in the afternoon, police said.", None, None),
    # 'evening' reaches 3.40pm within the hour of slack
    ("The missile hit the farm at 3.40pm, police said.",
     "The missile hit the farm in the evening, police said.", None, None),
    # a whole number of hours apart: perhaps another time zone, not a conflict
    ("The quake struck at 1.21pm local time.", "The quake struck at 2.21pm.",
     Verdict.PARTIAL, "times differ by whole hours, perhaps another time zone: '1.21pm' vs "
     "'2.21pm'"),
]


@pytest.mark.parametrize(("a", "b", "verdict", "message"), PAIRS)
def test_times_of_day_are_compared(a: str, b: str, verdict: Verdict | None,
                                   message: str | None) -> None:
    j = judge_pair(a, b)
    timed = [f for f in j.findings if "time" in f.message]
    if message is None:
        assert not timed, [f.message for f in j.findings]
        return
    assert j.verdict is verdict
    assert [f.message for f in timed] == [message]
    if verdict is Verdict.CONFLICT:
        assert timed[0].kind is FindingKind.DATE
