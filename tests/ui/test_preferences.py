"""The Preferences dialog: shows the saved values, OK saves and applies them, never blocks."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.kinds import KINDS
from desktop.core.model import FindingKind
from desktop.ui.persistence import open_preferences
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.settings import Preferences
from tests.ui.persisthelp import make_window


def test_dialog_shows_values_and_returns_what_was_edited(qtbot):
    start = Preferences(threshold=40, finding_kinds=frozenset({FindingKind.DATE}))
    dialog = PreferencesDialog(start)
    qtbot.addWidget(dialog)
    assert dialog.values() == start
    assert dialog.threshold.value() == 40 and dialog.kinds[FindingKind.DATE].isChecked()
    assert not dialog.kinds[FindingKind.NUMBER].isChecked()
    dialog.threshold.setValue(80)
    dialog.kinds[FindingKind.NUMBER].setChecked(True)
    dialog.sections["methods"].setChecked(False)
    dialog.include_partials.setChecked(False)
    dialog.export_folder.setText("  /tmp/out  ")
    with qtbot.waitSignal(dialog.preferences_accepted) as blocker:
        dialog.accept()
    got = blocker.args[0]
    assert got.threshold == 80
    assert got.finding_kinds == {FindingKind.DATE, FindingKind.NUMBER}
    assert "methods" not in got.report_sections and not got.include_partials
    assert got.export_folder == "/tmp/out"


def test_kind_boxes_are_labelled_from_the_table_of_kinds(qtbot):
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    assert set(dialog.kinds) == set(FindingKind)
    for kind, box in dialog.kinds.items():
        info = KINDS[kind]
        assert box.text() == info.label.capitalize()
        assert info.explanation[1:] in box.toolTip() and f"makes a {info.makes}" in box.toolTip()
    assert "makes a partial agreement" in dialog.kinds[FindingKind.HEDGE].toolTip()
    assert "makes a partial agreement" in dialog.kinds[FindingKind.ATTRIBUTION].toolTip()


def test_kind_boxes_stand_under_what_they_make(qtbot):
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    grid = dialog.kind_grid
    column = {k: grid.getItemPosition(grid.indexOf(box))[1] for k, box in dialog.kinds.items()}
    heads = {c: grid.itemAtPosition(0, c).widget().text() for c in set(column.values())}
    for kind, c in column.items():
        assert heads[c].startswith("Conflicts" if KINDS[kind].conflict else "Partial")


def test_restore_defaults_resets_the_controls_only(qtbot):
    dialog = PreferencesDialog(Preferences(threshold=10, include_partials=False))
    qtbot.addWidget(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.values() == Preferences()
    assert dialog.isVisible() is False  # nothing was shown, nothing accepted


def test_cancel_emits_nothing(qtbot):
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    with qtbot.assertNotEmitted(dialog.preferences_accepted):
        dialog.reject()


def test_ok_saves_and_applies_to_the_window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    dialog = open_preferences(window)
    assert dialog.isVisible()  # shown window-modal, and this call returned: nothing blocks
    dialog.threshold.setValue(63)
    dialog.kinds[FindingKind.HEDGE].setChecked(False)
    dialog.compare_reports.setChecked(True)
    dialog.sections["omissions"].setChecked(False)
    dialog.export_folder.setText(str(tmp_path / "reports"))
    dialog.add_spelling("Artemovsk", "Bakhmut")
    dialog.accept()
    saved = window.settings_.preferences()
    assert saved.aliases == (("Artemovsk", "Bakhmut"),)
    assert saved.threshold == 63 and FindingKind.HEDGE not in saved.finding_kinds
    assert window.sensitivity.value() == 63
    qtbot.waitUntil(lambda: window.workspace.options.threshold == 63.0, timeout=5000)
    options = window.workspace.options
    assert FindingKind.HEDGE not in options.finding_kinds and options.compare_reports
    assert options.aliases == (("Artemovsk", "Bakhmut"),)
    assert window.export_flow.folder == str(tmp_path / "reports")
    assert "omissions" not in window.export_flow.report_options.sections


def test_preferences_action_is_in_the_edit_menu(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.preferences_action in edit.actions()
    assert not window.preferences_action.shortcut().isEmpty()
    window.preferences_action.trigger()
    assert window.preferences_dialog.isVisible()
    window.preferences_dialog.reject()


def test_dialog_starts_from_the_slider_as_it_is_now(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.sensitivity.setValue(37)
    dialog = open_preferences(window)
    assert dialog.threshold.value() == 37
    dialog.reject()


def test_spellings_table_adds_removes_and_skips_incomplete_rows(qtbot):
    dialog = PreferencesDialog(Preferences(aliases=(("Kiev", "Kyiv"),)))
    qtbot.addWidget(dialog)
    assert dialog.values().aliases == (("Kiev", "Kyiv"),)
    dialog.add_spelling("  Zelenskiy ", "Zelensky")
    dialog.add_spelling("Bakhmut", "")  # half filled: left out
    dialog.add_spelling("Odessa", "odessa")  # the same name: left out
    dialog.add_spelling("Zelenskiy", "Zelensky")  # a repeat: once
    assert dialog.values().aliases == (("Kiev", "Kyiv"), ("Zelenskiy", "Zelensky"))
    dialog.spellings.selectRow(0)
    dialog.remove_spelling.click()
    assert dialog.values().aliases == (("Zelenskiy", "Zelensky"),)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.spellings.rowCount() == 0
