"""Files added to an empty workspace: the message bar names the reference, offers to change it."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from tests.workers.fakes import write_sample


def test_reference_is_named_with_a_change_button(window, tmp_path):
    paths = write_sample(tmp_path)
    window.add_paths(paths)
    shown = window.messages.history[-1]
    assert "“reference” (reference.txt) is the reference" in shown.text
    assert shown.actions == ("Change…",)
    assert [b.text() for b in window.messages.buttons()] == ["Change…"]


def test_change_makes_the_chosen_file_the_reference(window, tmp_path):
    paths = write_sample(tmp_path)
    window.add_paths(paths)
    window.messages.buttons()[0].click()
    menu = window.reference_note.menu
    assert menu is not None
    actions = menu.actions()
    assert [a.isChecked() for a in actions] == [True, False, False]
    next(a for a in actions if "report-b" in a.text()).trigger()
    assert window.workspace.reference_key == str(paths[2])
    assert window.workspace.comparison.reference.path == str(paths[2])


def test_file_dialog_order_is_never_silent(window, tmp_path, monkeypatch):
    paths = write_sample(tmp_path)
    chosen = [str(paths[1]), str(paths[0]), str(paths[2])]  # the order the user clicked them
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    window.ask_for_files()
    assert window.workspace.reference_key == chosen[0]
    assert "(report-a.txt) is the reference" in window.messages.text
    assert window.messages.buttons()


def test_files_added_to_a_comparison_do_not_rename_the_reference(window, tmp_path):
    paths = write_sample(tmp_path)
    window.add_paths(paths[:2])
    count = len(window.messages.history)
    window.add_paths(paths[2:])
    assert not any("is the reference" in m.text for m in window.messages.history[count:])


def test_a_single_file_is_named_without_a_change_button(window, tmp_path):
    paths = write_sample(tmp_path)
    window.add_paths(paths[:1])
    assert window.messages.history[-1].text.endswith("is the reference. Add reports to compare.")
    assert window.messages.history[-1].actions == ()


def test_a_first_file_that_fails_is_named_with_the_reference_that_took_its_place(window, tmp_path):
    paths = write_sample(tmp_path)
    broken = tmp_path / "broken.txt"
    broken.write_text("BROKEN.")
    window.add_paths([broken, *paths])
    text = window.messages.history[-1].text
    assert text.startswith("broken.txt could not be read (the file is damaged), so ")
    assert "(reference.txt) is the reference (the first file that could be read)" in text
