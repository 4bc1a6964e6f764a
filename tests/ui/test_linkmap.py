"""The link map draws one band per link of the pair, joining the right places."""

from __future__ import annotations

from desktop.ui.marks import Mark


def test_bands_join_linked_statements(loaded):
    view = loaded.side_by_side
    bands = view.linkmap.bands
    links = loaded.index.pair_links(view.report_id)
    assert {(b.left, b.right) for b in bands} == {(lk.reference, lk.other) for lk in links}
    assert {b.mark for b in bands} == {Mark.CONFLICT, Mark.AGREE, Mark.PARTIAL}
    paths = dict(view.linkmap.drawn())
    assert set(paths) == set(bands)  # the sample is in view: every band is drawn
    for band in bands:
        path = paths[band]
        left_top = view.left.vertical_span(band.left)[0]
        assert (
            abs(
                path.boundingRect().top()
                - min(left_top, view.right.vertical_span(band.right)[0])
                - view.linkmap.mapFromGlobal(
                    view.left.viewport().mapToGlobal(view.left.viewport().rect().topLeft())
                ).y()
            )
            < 2
        )
    assert view.linkmap.grab().width() == view.linkmap.width()  # paints without error


def test_selected_band_follows_picks(loaded):
    loaded.go(conflicts=True)
    chosen = [b for b in loaded.side_by_side.linkmap.bands if b.selected]
    assert len(chosen) == 1 and chosen[0].mark is Mark.CONFLICT


def test_bands_to_statements_out_of_view_are_drawn_once(qtbot):
    """A line repeated hundreds of times: the bands out of view collapse into one each side."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from desktop.ui.linkmap import Band, LinkMap
    from desktop.ui.statementpane import StatementPane
    from tests.core.test_claims import make_doc

    host = QWidget()
    qtbot.addWidget(host)
    left, right = StatementPane("left", host), StatementPane("right", host)
    links = LinkMap(left, right, host)
    layout = QHBoxLayout(host)
    for w in (left, links, right):
        layout.addWidget(w)
    host.resize(900, 500)
    host.show()
    qtbot.waitExposed(host)
    ref = make_doc("ref", ["Drones were delivered in August."])
    report = make_doc("report", [f"Drones were delivered in August, line {n}." for n in range(400)])
    left.show_document(ref, {})
    right.show_document(report, {})
    target = ref.statements[0].id
    links.set_bands([Band(target, s.id, Mark.AGREE) for s in report.statements])
    drawn = links.drawn()
    shown = [
        b
        for b, _ in drawn
        if right.vertical_span(b.right)[1] >= 0
        and right.vertical_span(b.right)[0] <= right.viewport().height()
    ]
    assert 1 <= len(drawn) - len(shown) <= 1  # everything below the view: one band
    assert len(drawn) < 60
    right.verticalScrollBar().setValue(right.verticalScrollBar().maximum() // 2)
    drawn = links.drawn()
    tops = [p.boundingRect().top() for _, p in drawn]
    assert len(drawn) < 60
    assert sum(1 for t in tops if t < 0) >= 1  # one band goes off the top, one off the bottom
    assert sum(1 for _, p in drawn if p.boundingRect().bottom() > links.height()) >= 1
    assert links.grab().width() == links.width()  # paints without error
