"""A statement pane shows glyphs with the prose and finds statements by position."""

from __future__ import annotations

from desktop.ui.marks import Mark
from desktop.ui.statementpane import StatementPane
from tests.workers.fakes import REFERENCE, make_document


def test_glyphs_lead_statements_and_positions_map_back(qtbot):
    pane = StatementPane("test")
    qtbot.addWidget(pane)
    pane.resize(400, 300)
    pane.show()
    doc = make_document(REFERENCE)
    marks = {doc.statements[0].id: Mark.CONFLICT, doc.statements[1].id: Mark.AGREE}
    pane.show_document(doc, marks, reviewed={doc.statements[1].id})
    text = pane.toPlainText()
    assert text.startswith("✗ Russia has deployed 400 drones")
    assert "✓★ Officials met" in text
    assert pane.statement_ids() == [s.id for s in doc.statements]
    second = text.index("Officials")
    assert pane.statement_at(second) == doc.statements[1].id
    assert pane.statement_at(second - 2) == doc.statements[1].id  # its glyph
    top, bottom = pane.vertical_span(doc.statements[0].id)
    assert bottom > top
    pane.highlight([doc.statements[0].id], {doc.statements[0].id: [(20, 23)]})
    assert len(pane.extraSelections()) == 2
    assert pane.extraSelections()[1].cursor.selectedText() == "400"
