"""The last few comparisons by what they were made of, so that going back costs nothing.

An undo, a redo or a threshold moved back asks again for a comparison made moments ago from
the same reference, reports, options and decisions: the result is a function of those
inputs, so the one made then is shown again instead of comparing anew.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from desktop.core.lookup import ComparisonLookup
from desktop.core.model import CompareOptions, Comparison, Decision, Document, Skipped

KEEP = 3  # the comparison shown, the one before an action and one more

Inputs = tuple[Hashable, ...]  # reference id, report ids, skipped files, options, decisions


def inputs_of(
    made_of: Comparison | tuple[Document, Sequence[Document], Sequence[Skipped]],
    options: CompareOptions,
    decisions: tuple[Decision, ...],
) -> Inputs:
    """What a comparison is made of (a comparison at hand, or its reference, reports and
    skipped files): equal inputs make an equal comparison."""
    if isinstance(made_of, Comparison):
        made_of = (made_of.reference, made_of.reports, made_of.skipped)
    reference, reports, skipped = made_of
    return (reference.id, tuple(d.id for d in reports), tuple(skipped), options, decisions)


class RecentComparisons:
    """At most ``keep`` comparisons with their look-ups, the most recent last."""

    def __init__(self, keep: int = KEEP) -> None:
        self._keep = keep
        self._items: list[tuple[Inputs, tuple[Comparison, ComparisonLookup]]] = []

    def get(self, inputs: Inputs) -> tuple[Comparison, ComparisonLookup] | None:
        """The comparison made of exactly these inputs, if it is one of the last few."""
        for n, (key, result) in enumerate(self._items):
            if key == inputs:
                self._items.append(self._items.pop(n))  # used again: kept the longest
                return result
        return None

    def put(self, inputs: Inputs, comparison: Comparison, lookup: ComparisonLookup) -> None:
        """Remember a comparison made of ``inputs``."""
        self._items = [item for item in self._items if item[0] != inputs]
        self._items.append((inputs, (comparison, lookup)))
        del self._items[: -self._keep]

    def clear(self) -> None:
        """Forget them all (the documents were closed)."""
        self._items.clear()
