"""Review that can be taken back: Undo and Redo for every review action, the unsaved mark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.core.model import Action, Verdict
from desktop.ui.marks import Mark


def _verdict(window):
    link = window.side_by_side.current_link()
    return link.verdict if link is not None else None


def test_change_verdict_undo_redo_by_keys(loaded):
    loaded.go(conflicts=True)
    history = loaded.review.history
    assert not history.undo_action.isEnabled()
    loaded.review.set_verdict[Verdict.AGREE].trigger()
    assert _verdict(loaded) is Verdict.AGREE
    assert history.undo_action.isEnabled()
    assert "Change verdict to agree" in history.undo_action.text()
    QTest.keyClick(loaded, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not loaded.workspace.decisions
    assert _verdict(loaded) is Verdict.CONFLICT  # the engine's verdict is back
    QTest.keyClick(
        loaded,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert loaded.workspace.decisions[0].action is Action.SET_VERDICT
    assert _verdict(loaded) is Verdict.AGREE


def test_every_review_action_can_be_undone(loaded):
    review, view = loaded.review, loaded.side_by_side
    loaded.review.ask_note = lambda parent, note: "seen in the wire copy"
    loaded.go(conflicts=True)
    pair = (view.left_pick, view.right_pick)
    steps = [review.confirm, review.note, review.set_verdict[Verdict.PARTIAL], review.unlink]
    states = [loaded.workspace.decisions]
    for action in steps:
        view.left_pick, view.right_pick = pair
        view.picks_changed.emit()
        assert action.isEnabled(), action.text()
        action.trigger()
        states.append(loaded.workspace.decisions)
    assert len(set(states)) == len(states)  # each action changed the review
    assert view.current_link() is None  # unlinked
    for expected in reversed(states[:-1]):
        review.history.undo_action.trigger()
        assert loaded.workspace.decisions == expected
    assert loaded.index.link(*pair).verdict is Verdict.CONFLICT
    for expected in states[1:]:
        review.history.redo_action.trigger()
        assert loaded.workspace.decisions == expected
    assert loaded.index.link(*pair) is None


def test_link_by_hand_and_restore_can_be_undone(loaded):
    view, review = loaded.side_by_side, loaded.review
    left, right = loaded.index.pair_marks(view.report_id)
    omitted = next(s for s, m in left.items() if m is Mark.OMITTED)
    added = next(s for s, m in right.items() if m is Mark.ADDED)
    view._on_left_clicked(omitted)
    view._on_right_clicked(added)
    review.link.trigger()
    assert loaded.index.link(omitted, added) is not None
    review.reset.trigger()  # restore the engine's verdict: the pair is not linked
    assert loaded.index.link(omitted, added) is None and not loaded.workspace.decisions
    review.history.undo_action.trigger()
    assert loaded.index.link(omitted, added) is not None
    review.history.undo_action.trigger()
    assert loaded.index.link(omitted, added) is None
    assert not review.history.undo_action.isEnabled()


def test_an_action_that_changes_nothing_is_not_on_the_stack(loaded):
    loaded.go(conflicts=True)
    loaded.review.confirm.trigger()
    loaded.review.confirm.trigger()  # the same decision again
    assert loaded.review.history.stack.count() == 1


def test_unsaved_mark_follows_the_undo_stack_after_a_save(loaded, tmp_path):
    history, sessions = loaded.review.history, loaded.sessions
    loaded.go(conflicts=True)
    loaded.review.confirm.trigger()
    sessions.ask_save_path = lambda: str(tmp_path / "work.crosscheck")
    assert loaded.actions_.save_session_as.trigger() is None
    assert not loaded.isWindowModified() and history.stack.isClean()
    loaded.review.set_verdict[Verdict.PARTIAL].trigger()
    assert loaded.isWindowModified() and not history.stack.isClean()
    history.undo_action.trigger()  # back to what was saved
    assert not loaded.isWindowModified() and history.stack.isClean()
    history.undo_action.trigger()  # before the save: undo still works
    assert not loaded.workspace.decisions
    assert loaded.isWindowModified() and not history.stack.isClean()
    history.redo_action.trigger()
    assert not loaded.isWindowModified() and history.stack.isClean()


def test_close_all_forgets_the_history(loaded, monkeypatch):
    loaded.go(conflicts=True)
    loaded.review.confirm.trigger()
    monkeypatch.setattr(loaded.sessions, "may_discard", lambda: True)
    loaded.close_all()
    assert loaded.review.history.stack.count() == 0
    assert not loaded.review.history.undo_action.isEnabled()


def test_edit_menu_starts_with_undo_and_redo(window):
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    first = edit.actions()[:2]
    assert first == [window.review.history.undo_action, window.review.history.redo_action]


def test_a_note_can_be_cleared_and_the_clearing_undone(loaded):
    loaded.go(conflicts=True)
    review = loaded.review
    review.ask_note = lambda parent, note: "seen in the wire copy"
    review.note.trigger()
    assert "Note: seen in the wire copy" in loaded.details.toPlainText()
    review.ask_note = lambda parent, note: ""  # the reviewer empties the note editor
    review.note.trigger()
    assert loaded.workspace.decisions[0].note == ""
    assert loaded.side_by_side.current_link().note == ""
    assert "Note:" not in loaded.details.toPlainText()
    review.history.undo_action.trigger()
    assert loaded.side_by_side.current_link().note == "seen in the wire copy"
    review.ask_note = lambda parent, note: None  # cancelled: nothing recorded
    count = review.history.stack.count()
    review.note.trigger()
    assert review.history.stack.count() == count
