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
    assert [i.mark for i in items] == [
        Mark.CONFLICT,
        Mark.AGREE,
        Mark.PARTIAL,
        Mark.ADDED,
        Mark.OMITTED,
    ]


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


def test_additions_stop_after_the_furthest_reference_statement_linked_above_them(loaded):
    """pair_items (bisection over a running maximum) equals the plain definition, per report."""
    from desktop.ui.marks import Mark
    from desktop.ui.navigation import NavItem, pair_items

    index = loaded.index

    def plainly(report_id):
        left_marks, right_marks = index.pair_marks(report_id)
        keyed, linked = [], []
        for lk in index.pair_links(report_id):
            lo, ro = index.order(lk.reference), index.order(lk.other)
            keyed.append(((lo, 0, ro), NavItem(lk.reference, lk.other, Mark.of(lk.verdict))))
            linked.append((ro, lo))
        for sid, mark in left_marks.items():
            if mark is Mark.OMITTED:
                keyed.append(((index.order(sid), 0, -1), NavItem(sid, None, mark)))
        for sid, mark in right_marks.items():
            if mark is Mark.ADDED:
                ro = index.order(sid)
                before = max((lo for r, lo in linked if r < ro), default=-1)
                keyed.append(((before, 1, ro), NavItem(None, sid, mark)))
        keyed.sort(key=lambda pair: pair[0])
        return [item for _, item in keyed]

    reports = loaded.workspace.comparison.reports
    assert any(m is Mark.ADDED for r in reports for m in index.pair_marks(r.id)[1].values())
    for report in reports:
        assert pair_items(index, report.id) == plainly(report.id)
