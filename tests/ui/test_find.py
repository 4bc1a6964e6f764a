"""Find: every match highlighted, "n of m" beside the field, F3 from statement to statement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.ui.find import FindStop, find_stops, next_stop, occurrences


def _type(window, text):
    window.find_field.clear()
    QTest.keyClicks(window.find_field, text)


def _f3(window, *, back=False):
    mods = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    QTest.keyClick(window, Qt.Key.Key_F3, mods)


def _stmt(window, sid):
    return window.index.statement(sid).text


# -- the rules, without a window ----------------------------------------------------------------


def test_occurrences_ignore_case_and_take_words_literally():
    assert occurrences("the", "The deal, then the end.") == [(0, 3), (10, 13), (15, 18)]
    assert occurrences("4.5 (", "rose 4.5 (about)") == [(5, 10)]
    assert occurrences("", "anything") == []


def test_a_pair_that_both_match_is_one_stop():
    partner = {"r1": "a1", "a1": "r1", "r2": "a2", "a2": "r2"}.get
    stops = find_stops(["r1", "r2", "r3"], ["a1", "a2", "a3"], {"r1", "a1", "a2", "a3"}, partner)
    assert stops == [FindStop("r1", "a1"), FindStop(None, "a2"), FindStop(None, "a3")]


def test_next_stop_moves_on_from_either_half_and_wraps():
    stops = [FindStop("r1", "a1"), FindStop(None, "a3")]
    order = {"r1": 0, "r2": 1, "a1": 2, "a2": 3, "a3": 4}
    assert next_stop(stops, order, "a1", forward=True) == stops[1]  # not back to r1
    assert next_stop(stops, order, "a3", forward=True) == stops[0]
    assert next_stop(stops, order, "r2", forward=True) == stops[1]  # from a place between
    assert next_stop(stops, order, "r2", forward=False) == stops[0]
    assert next_stop(stops, order, None, forward=False) == stops[1]
    assert next_stop([], order, "r1", forward=True) is None


# -- in the window ------------------------------------------------------------------------------


def test_f3_does_not_go_to_the_other_half_of_the_pair(loaded):
    view = loaded.side_by_side
    _type(loaded, "was signed")  # the reference's statement and its partner in the report
    assert loaded.finder.count_label.text().strip() == "1 found"
    _f3(loaded)
    assert "was signed" in _stmt(loaded, view.left_pick)
    assert "was signed" in _stmt(loaded, view.right_pick)
    assert loaded.selection.statement == view.left_pick
    assert loaded.finder.count_label.text().strip() == "1 of 1"
    first = loaded.selection.statement
    _f3(loaded)
    assert loaded.selection.statement == first  # one stop: it stays, never the report's half


def test_f3_and_shift_f3_walk_the_matches_of_both_texts(loaded):
    view = loaded.side_by_side
    _type(loaded, "MORE")  # "more air defence" (reference) and "expect more attacks" (report)
    _f3(loaded)
    assert view.left_pick == loaded.selection.statement
    assert "more air defence" in _stmt(loaded, view.left_pick)
    assert loaded.finder.count_label.text().strip() == "1 of 2"
    _f3(loaded)
    assert "more attacks" in _stmt(loaded, loaded.selection.statement)
    assert loaded.selection.statement == view.right_pick
    assert loaded.finder.count_label.text().strip() == "2 of 2"
    _f3(loaded, back=True)
    assert "more air defence" in _stmt(loaded, loaded.selection.statement)
    assert loaded.finder.count_label.text().strip() == "1 of 2"


def test_every_match_is_highlighted_in_both_panes(loaded):
    view = loaded.side_by_side
    _type(loaded, "the")
    for pane in (view.left, view.right):
        text = pane.toPlainText().casefold()
        expected = text.count("the")
        assert expected > 0
        found = pane.found_ranges()
        assert len(found) == expected
        assert all(pane.toPlainText()[a:b].casefold() == "the" for a, b in found)
        shown = {
            (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.extraSelections()
        }
        assert set(found) <= shown
    view.show_report(loaded.workspace.comparison.reports[1].id)  # another report: found anew
    assert len(view.right.found_ranges()) == view.right.toPlainText().casefold().count("the")
    loaded.find_field.clear()
    assert not view.left.found_ranges() and not view.right.found_ranges()
    assert loaded.finder.count_label.text() == ""


def test_not_found_is_said(loaded):
    _type(loaded, "zebra")
    assert loaded.finder.count_label.text().strip() == "not found"
    _f3(loaded)
    assert "neither" in loaded.messages.history[-1].text
