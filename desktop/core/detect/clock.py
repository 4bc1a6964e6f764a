"""Times of day: '1.21pm' against 'in the late afternoon', '3.40pm' against 'Tuesday night'.

Each time a statement gives is a range of minutes after midnight: a clock time is one minute,
a part of the day its usual hours. Two ranges that lie apart by more than ``SLACK`` cannot
both be the time of one event; clock times a whole number of hours apart may be given in two
time zones ('1.21pm local time', '2.21pm Singapore time') and only differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.detect.context import PairContext, quoted
from desktop.core.detect.prepared import Prepared, memoised
from desktop.core.model import Finding, FindingKind

SLACK = 60  # minutes a part of the day is stretched by ('evening' at 16:40 in November)
DAY = 24 * 60
# Parts of the day in minutes after midnight; 'night' runs past midnight.
PARTS = {
    "morning": (300, 720),
    "midday": (690, 810),
    "noon": (705, 735),
    "afternoon": (720, 1080),
    "evening": (990, 1320),
    "night": (1200, 1740),
    "overnight": (1200, 1740),
    "midnight": (1410, 1470),
    "dawn": (270, 450),
    "dusk": (960, 1140),
    "tonight": (1080, 1740),
}
EARLY_LATE = {"early": 0, "late": 1}
_AM_PM = {"am": 0, "pm": 12, "a.m": 0, "p.m": 12}  # hours added


@dataclass(frozen=True)
class Clock:
    """A time of day a statement gives, as a range of minutes after midnight."""

    low: int
    high: int
    exact: bool
    first: int
    last: int

    def apart(self, other: Clock) -> int:
        """Minutes between the two ranges (0 when they meet), the day wrapping round."""
        best = DAY
        for shift in (-DAY, 0, DAY):
            lo, hi = other.low + shift, other.high + shift
            gap = max(lo - self.high, self.low - hi, 0)
            best = min(best, gap)
        return best


@memoised
def clocks(side: Prepared) -> tuple[Clock, ...]:
    """The times of day a statement gives."""
    return tuple(sorted((*_clock_times(side), *_parts(side)), key=lambda c: c.first))


def _clock_times(side: Prepared) -> list[Clock]:
    toks, out = side.tokens, []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.value is None:
            i += 1
            continue
        raw = side.text[tok.start : tok.end]
        hours, minutes, j = _hours_minutes(side, i, raw)
        offset, end = _meridiem(side, j)
        if hours is not None and (offset is not None or _twenty_four_hour(side, i, j, raw, hours)):
            if offset is not None and 1 <= hours <= 12:
                hours = hours % 12 + offset
            if 0 <= hours < 24 and 0 <= minutes < 60:
                value = hours * 60 + minutes
                out.append(Clock(value, value, True, i, end if offset is not None else j - 1))
                i = max(end, j)
                continue
        i += 1
    return out


_ZONES = frozenset({"gmt", "utc", "hrs", "hours", "cet", "est", "edt", "bst", "ist", "wib"})


def _twenty_four_hour(side: Prepared, i: int, j: int, raw: str, hours: int) -> bool:
    """A clock time without am/pm: '15:40', '09:05' (a leading zero), or '13.40' and '9.05'
    followed by 'local time', 'GMT' or 'hrs' ('13.40' alone may be money or a share)."""
    toks = side.tokens
    zone = j < len(toks) and (
        toks[j].norm in _ZONES
        or (toks[j].norm == "local" and j + 1 < len(toks) and toks[j + 1].norm == "time")
    )
    if "." in raw:
        return zone
    colon = j > i + 1
    return colon and (hours >= 13 or raw.startswith("0") or zone)


def _hours_minutes(side: Prepared, i: int, raw: str) -> tuple[int | None, int, int]:
    """Hours and minutes from '1.21', '15', ':' '40'; the index after them."""
    toks = side.tokens
    if "." in raw:
        h, _, m = raw.partition(".")
        if h.isdigit() and m.isdigit() and len(m) == 2:
            return int(h), int(m), i + 1
        return None, 0, i + 1
    if not raw.isdigit():
        return None, 0, i + 1
    if i + 2 < len(toks) and toks[i + 1].norm == ":" and toks[i + 2].value is not None:
        minutes = side.text[toks[i + 2].start : toks[i + 2].end]
        if minutes.isdigit() and len(minutes) == 2:
            return int(raw), int(minutes), i + 3
    return int(raw), 0, i + 1


def _meridiem(side: Prepared, j: int) -> tuple[int | None, int]:
    """'pm', 'p.m.' at token ``j``: hours to add and the last token of it."""
    toks = side.tokens
    if j < len(toks) and toks[j].norm in _AM_PM:
        return _AM_PM[toks[j].norm], j
    if (
        j + 2 < len(toks)
        and toks[j + 1].norm == "."
        and toks[j].norm in ("a", "p")
        and toks[j + 2].norm == "m"
    ):
        return _AM_PM[f"{toks[j].norm}.m"], j + 2
    return None, j


def _parts(side: Prepared) -> list[Clock]:
    toks, out = side.tokens, []
    for i, tok in enumerate(toks):
        span = PARTS.get(tok.norm)
        if span is None:
            continue
        low, high = span
        first = i
        if i > 0 and toks[i - 1].norm in EARLY_LATE:
            half = (high - low) // 2
            low, high = (low, low + half) if toks[i - 1].norm == "early" else (low + half, high)
            first = i - 1
        out.append(Clock(low, high, False, first, i))
    return out


def detect_clocks(ctx: PairContext) -> list[Finding]:
    """A time of day on each side that cannot be the same time."""
    ca, cb = clocks(ctx.a), clocks(ctx.b)
    if not ca or not cb:
        return []
    gaps = [(x.apart(y) - (0 if x.exact and y.exact else SLACK), x, y) for x in ca for y in cb]
    if any(gap <= 0 for gap, _, _ in gaps):
        return []  # one time on each side fits
    _, x, y = min(gaps, key=lambda g: g[0])
    qa, qb = quoted(ctx.a.quote(x.first, x.last)), quoted(ctx.b.quote(y.first, y.last))
    sa, sb = ctx.a.span(x.first, x.last), ctx.b.span(y.first, y.last)
    if x.exact and y.exact and abs(x.low - y.low) % 60 == 0:
        return [
            Finding(
                FindingKind.ADDED_DETAIL,
                f"times differ by whole hours, perhaps another time zone: {qa} vs {qb}",
                sa,
                sb,
            )
        ]
    return [Finding(FindingKind.DATE, f"times of day differ: {qa} vs {qb}", sa, sb)]
