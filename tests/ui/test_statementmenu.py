"""A right click on a statement picks it and offers the review actions, not only Copy."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from desktop.core.model import Action, Verdict
from desktop.ui.marks import Mark


def _point(pane, sid):
    cursor = pane.textCursor()
    cursor.setPosition(pane.text_range(sid)[0] + 3)
    return pane.cursorRect(cursor).center()


def _texts(menu):
    out = []
    for action in menu.actions():
        out.append(action.text())
        if action.menu():
            out.extend(_texts(action.menu()))
    return out


def test_right_click_picks_the_statement_and_shows_the_review_actions(loaded):
    view, menus = loaded.side_by_side, loaded.moves.statement_menu
    shown = []
    menus.show_menu = lambda menu, at: shown.append(_texts(menu))
    conflict = next(s for s, m in view.right.marks().items() if m is Mark.CONFLICT)
    at = _point(view.right, conflict)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, at, view.right.viewport().mapToGlobal(at)
    )
    QApplication.sendEvent(view.right.viewport(), event)
    assert view.right_pick == conflict and loaded.selection.statement == conflict
    assert view.current_link() is not None  # its partner on the left is picked too
    texts = shown[-1]
    for wanted in ("&Copy", "&Confirm verdict", "&Unlink", "Link &with…", "Add a &note…"):
        assert wanted in texts
    assert any("Conflict" in t for t in texts)  # the Change verdict submenu


def test_change_verdict_from_the_menu(loaded):
    view, menus = loaded.side_by_side, loaded.moves.statement_menu
    conflict = next(s for s, m in view.right.marks().items() if m is Mark.CONFLICT)
    menu = menus.menu_for(view.right, _point(view.right, conflict))
    agree = next(
        a for a in menu.actions() if a.menu() for a in a.menu().actions() if "Agree" in a.text()
    )
    assert agree.isEnabled()
    agree.trigger()
    assert view.current_link().verdict is Verdict.AGREE


def test_link_with_a_statement_chosen_from_the_other_text(loaded):
    view, menus = loaded.side_by_side, loaded.moves.statement_menu
    left_marks, right_marks = loaded.index.pair_marks(view.report_id)
    omitted = next(s for s, m in left_marks.items() if m is Mark.OMITTED)
    added = next(s for s, m in right_marks.items() if m is Mark.ADDED)
    asked = []

    def choose(parent, question, items, current):
        asked.append((question, items))
        return view.right.statement_ids().index(added)

    menus.choose = choose
    menu = menus.menu_for(view.left, _point(view.left, omitted))
    link_with = next(a for a in menu.actions() if a.text() == "Link &with…")
    assert view.left_pick == omitted and link_with.isEnabled()
    link_with.trigger()
    question, items = asked[0]
    assert loaded.index.statement(omitted).text in question
    assert len(items) == len(view.right.statement_ids())
    assert loaded.index.link(omitted, added) is not None
    assert loaded.workspace.decisions[-1].action is Action.LINK
    assert (view.left_pick, view.right_pick) == (omitted, added)


def test_link_with_cancelled_changes_nothing(loaded):
    view, menus = loaded.side_by_side, loaded.moves.statement_menu
    menus.choose = lambda *a: None
    sid = view.left.statement_ids()[0]
    menu = menus.menu_for(view.left, _point(view.left, sid))
    next(a for a in menu.actions() if a.text() == "Link &with…").trigger()
    assert not loaded.workspace.decisions


def test_copy_is_offered_for_selected_text(loaded):
    pane = loaded.side_by_side.left
    cursor = pane.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(12, cursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    menu = loaded.moves.statement_menu.menu_for(pane, QPoint(5, 5))
    copy = next(a for a in menu.actions() if a.text() == "&Copy")
    assert copy.isEnabled()
    copy.trigger()
    assert QApplication.clipboard().text() == pane.toPlainText()[2:12]
