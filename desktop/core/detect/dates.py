"""Dates: months, days of the week, years and relative dates ('earlier this month')."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.core.detect.context import DETAIL, PairContext, one_sided, quoted
from desktop.core.detect.numwords import MONTH_NAMES
from desktop.core.detect.prepared import Prepared, memoised
from desktop.core.detect.token import phrase_at, phrase_index, words
from desktop.core.model import Finding, FindingKind

_ABSOLUTE = frozenset({"month", "weekday", "year"})
WEEKDAYS = words(
    """
monday tuesday wednesday thursday friday saturday sunday
"""
)
_PREPS = words(
    """
since in on until till by before after from during early late mid last next this earlier
later through
"""
)
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_RELATIVE: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (tuple(phrase.split()), value)
    for phrase, value in (
        ("earlier this month", "this-month"),
        ("later this month", "this-month"),
        ("earlier this week", "this-week"),
        ("later this week", "this-week"),
        ("earlier this year", "this-year"),
        ("later this year", "this-year"),
        ("last night", "yesterday"),
        ("last week", "last-week"),
        ("last month", "last-month"),
        ("last year", "last-year"),
        ("this week", "this-week"),
        ("this month", "this-month"),
        ("this year", "this-year"),
        ("next week", "next-week"),
        ("next month", "next-month"),
        ("next year", "next-year"),
        ("yesterday", "yesterday"),
        ("today", "today"),
        ("tonight", "today"),
        ("within hours", "within-hours"),
        ("within days", "within-days"),
        ("within weeks", "within-weeks"),
        ("within months", "within-months"),
        ("within years", "within-years"),
        ("in recent months", "recent-months"),
        ("in recent weeks", "recent-weeks"),
        ("in recent days", "recent-days"),
        ("in recent years", "recent-years"),
        ("tomorrow", "tomorrow"),
    )
)

_RELATIVE_INDEX = phrase_index(_RELATIVE)


@dataclass(frozen=True)
class DateMention:
    """A date expression: its class (month, weekday, year, relative), value and tokens."""

    cls: str
    value: str
    day: str  # day of the month for month mentions, '' otherwise
    first: int
    last: int


@memoised
def date_mentions(side: Prepared) -> tuple[DateMention, ...]:
    """The date expressions of a statement in text order."""
    toks = side.tokens
    norms = [t.norm for t in toks]
    out: list[DateMention] = []
    i = side.body
    while i < len(toks):
        found = _relative_at(norms, i) or _absolute_at(side, i)
        if found is None:
            i += 1
            continue
        cls, value, day, last = found
        first = i - 1 if i > 0 and norms[i - 1] in _PREPS else i
        out.append(DateMention(cls, value, day, first, last))
        i = last + 1
    return tuple(out)


def _relative_at(norms: list[str], i: int) -> tuple[str, str, str, int] | None:
    hit = phrase_at(norms, i, _RELATIVE_INDEX)
    if hit is None:
        return None
    phrase, value = hit
    cls = "duration" if value.startswith("within") else "relative"
    return cls, value, "", i + len(phrase) - 1


def _absolute_at(side: Prepared, i: int) -> tuple[str, str, str, int] | None:
    tok = side.tokens[i]
    nxt = side.tokens[i + 1] if i + 1 < len(side.tokens) else None
    if tok.norm in MONTH_NAMES:
        prev = side.tokens[i - 1].norm if i > 0 else ""
        step = 2 if nxt is not None and nxt.norm == "." else 1  # "Oct. 7"
        day = side.tokens[i + step] if i + step < len(side.tokens) else None
        has_day = day is not None and day.is_number and (day.value or 0) <= 31
        if tok.norm in _AMBIGUOUS_MONTHS and not (tok.cap or has_day or prev in _PREPS):
            return None
        if day is not None and has_day:
            return "month", tok.norm, day.norm, i + step
        return "month", tok.norm, "", i
    if tok.norm in WEEKDAYS:
        return "weekday", tok.norm, "", i
    value = tok.value or 0.0
    raw = side.text[tok.start : tok.end]
    if tok.is_number and 1900 <= value <= 2100 and value == int(value) and "," not in raw:
        return "year", tok.norm, "", i
    return None


def detect_dates(ctx: PairContext) -> list[Finding]:
    """Dates of the same kind that differ, and dates one side gives and the other lacks."""
    da, db = date_mentions(ctx.a), date_mentions(ctx.b)
    if not da and not db:
        return []
    out: list[Finding] = []
    for cls in ("month", "weekday", "year", "duration"):
        xa = [m for m in da if m.cls == cls]
        xb = [m for m in db if m.cls == cls]
        if xa and xb and not any(_compatible(x, y) for x in xa for y in xb):
            out.append(_differ(ctx, xa[0], xb[0]))
    out += _relative_vs_absolute(ctx, da, db) + _relative_pair(ctx, da, db)
    if da and not db:
        m = da[0]
        out.append(
            one_sided(
                DETAIL,
                True,
                f"the report leaves out the date {quoted(ctx.a.quote(m.first, m.last))}",
                "",
                ctx.a.span(m.first, m.last),
            )
        )
    if db and not da:
        m = db[0]
        out.append(
            one_sided(
                DETAIL,
                False,
                "",
                f"the report adds a date: {quoted(ctx.b.quote(m.first, m.last))}",
                ctx.b.span(m.first, m.last),
            )
        )
    return out


def _compatible(x: DateMention, y: DateMention) -> bool:
    return x.value == y.value and (not x.day or not y.day or x.day == y.day)


def _differ(ctx: PairContext, x: DateMention, y: DateMention) -> Finding:
    qa, qb = ctx.a.quote(x.first, x.last), ctx.b.quote(y.first, y.last)
    return Finding(
        FindingKind.DATE,
        f"dates differ: {qa} vs {qb}",
        ctx.a.span(x.first, x.last),
        ctx.b.span(y.first, y.last),
    )


def relative_and_absolute(
    da: tuple[DateMention, ...], db: tuple[DateMention, ...]
) -> tuple[DateMention, DateMention] | None:
    """The first dates of a pair where one side is only relative and the other only absolute."""
    rel_a = [m for m in da if m.cls == "relative"]
    rel_b = [m for m in db if m.cls == "relative"]
    abs_a = [m for m in da if m.cls in _ABSOLUTE]
    abs_b = [m for m in db if m.cls in _ABSOLUTE]
    if rel_a and abs_b and not abs_a and not rel_b:
        return rel_a[0], abs_b[0]
    if abs_a and rel_b and not abs_b and not rel_a:
        return abs_a[0], rel_b[0]
    return None


def _relative_vs_absolute(
    ctx: PairContext, da: tuple[DateMention, ...], db: tuple[DateMention, ...]
) -> list[Finding]:
    """'earlier this month' on one side, 'in October' on the other: maybe the same, not checked
    here (``settle_relative_date`` checks it when the documents' dates are known)."""
    pair = relative_and_absolute(da, db)
    if pair is None:
        return []
    x, y = pair
    qa, qb = quoted(ctx.a.quote(x.first, x.last)), quoted(ctx.b.quote(y.first, y.last))
    kind = FindingKind.ADDED_DETAIL if x.cls == "relative" else FindingKind.DROPPED_DETAIL
    return [
        Finding(
            kind,
            f"{GIVEN_DIFFERENTLY} {qa} vs {qb}",
            ctx.a.span(x.first, x.last),
            ctx.b.span(y.first, y.last),
        )
    ]


def settle_relative_date(
    a: Prepared,
    b: Prepared,
    published_a: str | None,
    published_b: str | None,
    finding: Finding,
) -> Finding | bool:
    """Read a relative date against the day its document was published.

    ``finding`` is the pair's "date is given differently" finding. Returns True when the two
    dates agree (the finding goes), a DATE finding when they differ, False when it cannot be
    told (no publication date, or a relative date that names no month or day).
    """
    pair = relative_and_absolute(date_mentions(a), date_mentions(b))
    if pair is None:
        return False
    x, y = pair
    if (a.span(x.first, x.last), b.span(y.first, y.last)) != (
        finding.reference_span,
        finding.other_span,
    ):
        return False
    relative_on_a = x.cls == "relative"
    rel, absolute = (x, y) if relative_on_a else (y, x)
    when = _day(published_a if relative_on_a else published_b)
    if when is None:
        return False
    told = _resolve(rel.value, when)
    if told is None:
        return False
    consistent, told_as = _matches(told, absolute)
    if consistent is None:
        return False
    if consistent:
        return True
    qa, qb = a.quote(x.first, x.last), b.quote(y.first, y.last)
    if relative_on_a:
        qa = f"{qa} ({told_as})"
    else:
        qb = f"{qb} ({told_as})"
    return Finding(
        FindingKind.DATE, f"dates differ: {qa} vs {qb}", finding.reference_span, finding.other_span
    )


GIVEN_DIFFERENTLY = "the date is given differently:"
_WEEKDAY_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_STEP = {"this-month": 0, "last-month": -1, "next-month": 1}
_DAY_STEP = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _resolve(value: str, published: date) -> tuple[str, date] | None:
    """('month', first of that month) or ('day', that day) for a relative value, else None."""
    if value in _MONTH_STEP:
        index = published.year * 12 + published.month - 1 + _MONTH_STEP[value]
        return "month", date(index // 12, index % 12 + 1, 1)
    if value in _DAY_STEP:
        return "day", published + timedelta(days=_DAY_STEP[value])
    return None


def _matches(told: tuple[str, date], absolute: DateMention) -> tuple[bool | None, str]:
    """Whether the resolved relative date fits the absolute one (None: cannot be told)."""
    unit, when = told
    month_name = MONTH_NAMES[when.month - 1]
    if unit == "month":
        said = f"{month_name.capitalize()} {when.year}"
        if absolute.cls == "month":
            return absolute.value == month_name, said
        return None, said
    weekday = _WEEKDAY_ORDER[when.weekday()]
    said = f"{weekday.capitalize()} {when.day} {month_name.capitalize()} {when.year}"
    if absolute.cls == "weekday":
        return absolute.value == weekday, said
    if absolute.cls == "month":
        same_day = not absolute.day or absolute.day == str(when.day)
        return absolute.value == month_name and same_day, said
    return None, said


def _relative_pair(
    ctx: PairContext, da: tuple[DateMention, ...], db: tuple[DateMention, ...]
) -> list[Finding]:
    """'yesterday' vs 'today': reports written on different days may both be right."""
    xa = [m for m in da if m.cls == "relative"]
    xb = [m for m in db if m.cls == "relative"]
    if not xa or not xb or any(_compatible(x, y) for x in xa for y in xb):
        return []
    x, y = xa[0], xb[0]
    qa, qb = quoted(ctx.a.quote(x.first, x.last)), quoted(ctx.b.quote(y.first, y.last))
    return [
        Finding(
            FindingKind.ADDED_DETAIL,
            f"relative dates differ: {qa} vs {qb} (they may have been written on different days)",
            ctx.a.span(x.first, x.last),
            ctx.b.span(y.first, y.last),
        )
    ]
