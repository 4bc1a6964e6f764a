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


def _long_document(count: int):
    from tests.core.test_claims import make_doc

    return make_doc(
        f"long{count}", [f"Officials counted {n} drones over the city." for n in range(count)]
    )


def test_a_long_document_is_laid_out_over_several_turns_the_same_way(qtbot, monkeypatch):
    from desktop.ui import statementpane

    doc = _long_document(3 * statementpane.FILL_AT_ONCE + 7)
    marks = {s.id: (Mark.AGREE if n % 3 else Mark.CONFLICT) for n, s in enumerate(doc.statements)}
    staged = StatementPane("staged")
    qtbot.addWidget(staged)
    staged.show_document(doc, marks, reviewed={doc.statements[-1].id})
    assert not staged.is_filled()
    assert staged.statement_ids() == [s.id for s in doc.statements]  # known before layout
    assert staged.text_range(doc.statements[-1].id) is None
    with qtbot.waitSignal(staged.filled, timeout=10000):
        pass
    assert staged.is_filled()
    monkeypatch.setattr(statementpane, "FILL_AT_ONCE", 10**9)
    at_once = StatementPane("at once")
    qtbot.addWidget(at_once)
    with qtbot.assertNotEmitted(at_once.filled):
        at_once.show_document(doc, marks, reviewed={doc.statements[-1].id})
    assert at_once.is_filled()
    assert staged.toPlainText() == at_once.toPlainText()
    assert staged.toHtml() == at_once.toHtml()  # same glyphs, tints and formats
    for s in doc.statements:
        assert staged.text_range(s.id) == at_once.text_range(s.id)
    last = doc.statements[-1]
    start, end = staged.text_range(last.id)
    assert staged.toPlainText()[start:end] == last.text


def test_showing_another_document_stops_a_fill_under_way(qtbot):
    from desktop.ui import statementpane

    pane = StatementPane("pane")
    qtbot.addWidget(pane)
    pane.show_document(_long_document(2 * statementpane.FILL_AT_ONCE), {})
    short = make_document(REFERENCE)
    pane.show_document(short, {})
    with qtbot.assertNotEmitted(pane.filled, wait=300):
        pass
    assert pane.is_filled() and pane.statement_ids() == [s.id for s in short.statements]
    assert "drones over the city" not in pane.toPlainText()
