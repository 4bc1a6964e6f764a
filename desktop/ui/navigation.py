"""Stepping through the differences of one pair: next and previous conflict or difference."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from desktop.ui.index import ComparisonIndex
from desktop.ui.marks import Mark

CONFLICTS = frozenset({Mark.CONFLICT})
DIFFERENCES = frozenset({Mark.PARTIAL, Mark.CONFLICT, Mark.OMITTED, Mark.ADDED})


@dataclass(frozen=True)
class NavItem:
    """A place to stop: a link, an omitted reference statement or an added report statement."""

    left: str | None
    right: str | None
    mark: Mark

    @property
    def statement(self) -> str:
        """The statement to select when stopping here."""
        return self.left or self.right or ""


def pair_items(index: ComparisonIndex, report_id: str) -> list[NavItem]:
    """Every stop of a pair, in reading order of the reference (additions where they fall)."""
    left_marks, right_marks = index.pair_marks(report_id)
    keyed: list[tuple[tuple[int, int, int], NavItem]] = []
    linked_right: list[tuple[int, int]] = []  # (report order, reference order)
    for link in index.pair_links(report_id):
        lo, ro = index.order(link.reference), index.order(link.other)
        keyed.append(((lo, 0, ro), NavItem(link.reference, link.other, Mark.of(link.verdict))))
        linked_right.append((ro, lo))
    for sid, mark in left_marks.items():
        if mark is Mark.OMITTED:
            keyed.append(((index.order(sid), 0, -1), NavItem(sid, None, mark)))
    # An addition stops after the furthest reference statement linked above it in the report:
    # a running maximum over the links in report order, looked up by bisection.
    linked_right.sort()
    report_orders = [r for r, _ in linked_right]
    furthest: list[int] = []
    for _, lo in linked_right:
        furthest.append(max(lo, furthest[-1]) if furthest else lo)
    for sid, mark in right_marks.items():
        if mark is Mark.ADDED:
            ro = index.order(sid)
            above = bisect.bisect_left(report_orders, ro)  # links with report order < ro
            before = furthest[above - 1] if above else -1
            keyed.append(((before, 1, ro), NavItem(None, sid, mark)))
    keyed.sort(key=lambda pair: pair[0])
    return [item for _, item in keyed]


class PairNavigator:
    """Finds the next or previous stop of some kinds from the current statement, wrapping.

    The stops may be given as a function: they are then worked out at the first step, not
    each time a pair is shown (a long report has thousands).
    """

    def __init__(self, items: list[NavItem] | Callable[[], list[NavItem]]) -> None:
        self._items = items

    @property
    def items(self) -> list[NavItem]:
        """Every stop, in order."""
        if callable(self._items):
            self._items = self._items()
        return self._items

    def _position(self, current: str | None) -> int | None:
        if current is None:
            return None
        for n, item in enumerate(self.items):
            if current in (item.left, item.right):
                return n
        return None

    def step(
        self, current: str | None, kinds: frozenset[Mark], *, forward: bool = True
    ) -> NavItem | None:
        """The next (or previous) item of ``kinds`` after ``current``; None when there is none."""
        count = len(self.items)
        if not count:
            return None
        here = self._position(current)
        if here is None:
            here = -1 if forward else count
        for k in range(1, count + 1):
            n = (here + k) % count if forward else (here - k) % count
            if self.items[n].mark in kinds:
                return self.items[n]
        return None

    def count(self, kinds: frozenset[Mark]) -> int:
        """How many stops of ``kinds`` the pair has."""
        return sum(1 for item in self.items if item.mark in kinds)
