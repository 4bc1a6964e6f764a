"""The pair view keeps scrolling in step and follows picks made elsewhere."""

from __future__ import annotations

from desktop.ui.index import ComparisonIndex
from desktop.ui.selection import Selection
from desktop.ui.sidebyside import SideBySideView
from tests.workers.fakes import fake_compare, make_document


def _long_pair():
    sentences = [f"Item {n} was reported by officials in the city of Town{n}." for n in range(80)]
    ref = make_document(" ".join(sentences), path="ref.txt")
    # The report says the same things with an extra sentence before each, so its text is longer.
    report = make_document(
        " ".join(f"Filler number {n} adds words here. {s}" for n, s in enumerate(sentences)),
        path="rep.txt",
    )
    return fake_compare(ref, [report])


def test_scrolling_one_pane_brings_the_partner_into_line(qtbot):
    view = SideBySideView(Selection())
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_comparison(ComparisonIndex(_long_pair()))
    left_bar = view.left.verticalScrollBar()
    assert left_bar.maximum() > 0
    left_bar.setValue(left_bar.maximum() // 2)
    middle = view.left.viewport().height() // 2
    anchor = view._nearest_linked(
        view.left, view.left.statement_at_point(view.left.viewport().rect().center())
    )
    partner = view._partner[anchor]
    top, bottom = view.right.vertical_span(partner)
    assert view.right.verticalScrollBar().value() > left_bar.value()  # the report is longer
    assert top - 40 <= middle <= bottom + 40  # the partner sits level with the anchor


def test_selection_from_elsewhere_switches_report(qtbot):
    ref = make_document("Alpha one happened. Beta two happened.", path="r.txt")
    a = make_document("Alpha one happened.", path="a.txt")
    b = make_document("Beta two happened.", path="b.txt")
    selection = Selection()
    view = SideBySideView(selection)
    qtbot.addWidget(view)
    index = ComparisonIndex(fake_compare(ref, [a, b]))
    view.set_comparison(index)
    assert view.report_id == a.id
    sid = b.statements[0].id
    selection.select(sid, index.claim_of(sid).id)
    assert view.report_id == b.id
    assert (view.left_pick, view.right_pick) == (ref.statements[1].id, sid)


def test_long_reference_title_is_elided_with_its_whole_title_in_the_tooltip(qtbot):
    view = SideBySideView(Selection())
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    assert view.left.placeholderText() and view.right.placeholderText()
    title = "A very long reference title " * 6
    ref = make_document("One claim here. Another claim there.", path="ref.txt", title=title)
    report = make_document("One claim here.", path="rep.txt")
    view.set_comparison(ComparisonIndex(fake_compare(ref, [report])))
    shown = view.reference_label.text()
    assert shown.startswith("◆ Reference: A very long") and shown.endswith("…")
    assert view.reference_label.toolTip() == title
    view.resize(2400, 300)
    qtbot.waitUntil(lambda: not view.reference_label.text().endswith("…"))
