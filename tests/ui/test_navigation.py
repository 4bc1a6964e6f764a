"""Stops of a pair in reading order; stepping wraps and filters by kind."""

from __future__ import annotations

from desktop.ui.index import ComparisonIndex
from desktop.ui.marks import Mark
from desktop.ui.navigation import CONFLICTS, DIFFERENCES, PairNavigator, pair_items
from tests.workers.fakes import REFERENCE, REPORT_A, fake_compare, make_document


def _index():
    ref = make_document(REFERENCE, path="ref.txt")
    rep = make_document(REPORT_A, path="a.txt")
    return ComparisonIndex(fake_compare(ref, [rep])), rep


def test_items_follow_the_reference_with_additions_where_they_fall():
    index, rep = _index()
    items = pair_items(index, rep.id)
    # The addition follows the last report statement linked before it (the partial one).
    assert [i.mark for i in items] == [Mark.CONFLICT, Mark.AGREE, Mark.PARTIAL, Mark.ADDED,
                                       Mark.OMITTED]


def test_step_wraps_and_filters():
    index, rep = _index()
    nav = PairNavigator(pair_items(index, rep.id))
    first = nav.step(None, CONFLICTS)
    assert first.mark is Mark.CONFLICT
    assert nav.step(first.statement, CONFLICTS) == first  # the only one: wraps to itself
    diffs = [nav.step(None, DIFFERENCES)]
    for _ in range(3):
        diffs.append(nav.step(diffs[-1].statement, DIFFERENCES))
    assert [d.mark for d in diffs] == [Mark.CONFLICT, Mark.PARTIAL, Mark.ADDED, Mark.OMITTED]
    assert nav.step(diffs[0].statement, DIFFERENCES, forward=False).mark is Mark.OMITTED
    assert nav.count(DIFFERENCES) == 4


def test_nothing_to_find():
    assert PairNavigator([]).step(None, CONFLICTS) is None
