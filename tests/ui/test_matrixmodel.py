"""The claim matrix model and its filters, checked by qtmodeltester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.marks import Mark
from desktop.ui.matrixmodel import CLAIM_ID_ROLE, ClaimFilter, ClaimFilterProxy, ClaimMatrixModel
from tests.workers.fakes import REFERENCE, REPORT_A, REPORT_B, fake_compare, make_document


@pytest.fixture
def comparison():
    ref = make_document(REFERENCE, path="ref.txt")
    reports = [make_document(REPORT_A, path="a.txt"), make_document(REPORT_B, path="b.txt")]
    return fake_compare(ref, reports)


def test_model_passes_modeltester(qtmodeltester, comparison):
    model = ClaimMatrixModel()
    model.set_comparison(comparison)
    qtmodeltester.check(model)
    model.set_comparison(None)
    qtmodeltester.check(model)


def test_proxy_passes_modeltester(qtmodeltester, comparison):
    model = ClaimMatrixModel()
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)
    model.set_comparison(comparison)
    proxy.set_mode(ClaimFilter.CONFLICTS)
    qtmodeltester.check(proxy)


def test_cells_carry_glyph_tint_and_words(qapp, comparison):
    model = ClaimMatrixModel()
    model.set_comparison(comparison)
    assert model.columnCount() == 2 + 3
    row = next(r for r in range(model.rowCount()) if "400 drones" in model.index(r, 0).data())
    conflict = model.index(row, 3)
    assert conflict.data() == Mark.CONFLICT.glyph
    assert "conflicts" in conflict.data(Qt.ItemDataRole.ToolTipRole)
    assert "450" in conflict.data(Qt.ItemDataRole.ToolTipRole)
    assert conflict.data(Qt.ItemDataRole.BackgroundRole) != model.index(row, 4).data(
        Qt.ItemDataRole.BackgroundRole
    )
    assert model.headerData(2, Qt.Orientation.Horizontal).startswith("◆")


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        (ClaimFilter.ALL, 5),
        (ClaimFilter.CONFLICTS, 1),  # 400 vs 450 drones
        (ClaimFilter.OMISSIONS, 2),  # "signed in secret" missing from B, "Kyiv" from A
        (ClaimFilter.NOT_IN_REFERENCE, 1),  # "Analysts expect more attacks."
        (ClaimFilter.SINGLE_SOURCE, 1),  # backed by nobody else
    ],
)
def test_filters(qapp, comparison, mode, expected):
    model = ClaimMatrixModel()
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)
    model.set_comparison(comparison)
    proxy.set_mode(mode)
    assert proxy.rowCount() == expected


def test_search_and_sort(qapp, comparison):
    model = ClaimMatrixModel()
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)
    model.set_comparison(comparison)
    proxy.set_words("TEHRAN")
    assert proxy.rowCount() == 1
    assert "Tehran" in proxy.index(0, 0).data()
    proxy.set_words("")
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    top = proxy.index(0, 0).data(CLAIM_ID_ROLE)
    assert model.claim(model.row_of(top)).corroboration == 2


def test_many_reports_leave_the_claim_column_readable(qtbot):
    from desktop.ui.matrixview import CLAIM_MIN_WIDTH, ClaimMatrixView
    from desktop.ui.selection import Selection

    ref = make_document(REFERENCE, path="ref.txt")
    reports = [make_document(f"{REPORT_A} Extra line {n}.", path=f"r{n}.txt") for n in range(30)]
    view = ClaimMatrixView(Selection())
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_comparison(fake_compare(ref, reports))
    header = view.table.horizontalHeader()
    assert header.sectionSize(0) >= CLAIM_MIN_WIDTH
    label = view.model.headerData(3, Qt.Orientation.Horizontal)
    assert header.sectionSize(3) >= view.table.fontMetrics().horizontalAdvance(label)
