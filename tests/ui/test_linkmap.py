"""The link map draws one band per link of the pair, joining the right places."""

from __future__ import annotations

from desktop.ui.marks import Mark


def test_bands_join_linked_statements(loaded):
    view = loaded.side_by_side
    bands = view.linkmap.bands
    links = loaded.index.pair_links(view.report_id)
    assert {(b.left, b.right) for b in bands} == {(lk.reference, lk.other) for lk in links}
    assert {b.mark for b in bands} == {Mark.CONFLICT, Mark.AGREE, Mark.PARTIAL}
    for band in bands:
        path = view.linkmap.band_path(band)
        assert path is not None
        left_top = view.left.vertical_span(band.left)[0]
        assert abs(path.boundingRect().top() - min(
            left_top, view.right.vertical_span(band.right)[0]) -
            view.linkmap.mapFromGlobal(view.left.viewport().mapToGlobal(
                view.left.viewport().rect().topLeft())).y()) < 2
    assert view.linkmap.grab().width() == view.linkmap.width()  # paints without error


def test_selected_band_follows_picks(loaded):
    loaded.go(conflicts=True)
    chosen = [b for b in loaded.side_by_side.linkmap.bands if b.selected]
    assert len(chosen) == 1 and chosen[0].mark is Mark.CONFLICT
