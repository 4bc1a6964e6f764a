"""Find highlights in a pane: every occurrence counted, a bounded number drawn near the pick."""

from __future__ import annotations

from desktop.ui import foundmarks
from desktop.ui.statementpane import StatementPane
from tests.workers.fakes import make_document


def _pane(qtbot, count):
    text = " ".join(f"Report {n} says the deal was signed." for n in range(count))
    doc = make_document(text)
    pane = StatementPane("test")
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show_document(doc, {})
    qtbot.waitUntil(pane.is_filled)
    return pane, doc


def _found_shown(pane):
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.extraSelections()
        if pane.toPlainText()[s.cursor.selectionStart() : s.cursor.selectionEnd()] == "deal"
    ]


def test_every_occurrence_is_found_and_drawn(qtbot):
    pane, _doc = _pane(qtbot, 30)
    pane.set_find_text("DEAL")
    pane.highlight([], {})
    found = pane.found_ranges()
    assert len(found) == 30
    assert all(pane.toPlainText()[a:b] == "deal" for a, b in found)
    assert _found_shown(pane) == found
    pane.set_find_text("")
    pane.highlight([], {})
    assert pane.found_ranges() == [] and _found_shown(pane) == []


def test_very_many_are_drawn_around_the_pick(qtbot, monkeypatch):
    monkeypatch.setattr(foundmarks, "MAX_SHOWN", 10)
    pane, doc = _pane(qtbot, 100)
    pane.set_find_text("deal")
    picked = doc.statements[60].id
    pane.highlight([picked], {})
    assert len(pane.found_ranges()) == 100  # all of them are found (and counted)
    shown = _found_shown(pane)
    assert len(shown) == 10
    start, end = pane.text_range(picked)
    assert any(start <= a < end for a, _ in shown)  # the picked statement's match is drawn
    pane.highlight([doc.statements[2].id], {})
    assert _found_shown(pane)[0] == pane.found_ranges()[0]  # near the top: the first ten
