"""The documents dock: dialogs add files, its buttons act on the selected file."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from desktop.ui import documentdock
from tests.workers.fakes import write_sample


def test_add_files_and_folder_through_native_dialogs(window, tmp_path, monkeypatch):
    paths = write_sample(tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(paths[0])], "Documents")
    )
    window.actions_.add_files.trigger()
    assert window.workspace.reference_key == str(paths[0])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    window.actions_.add_folder.trigger()
    assert len(window.workspace.entries) == 3  # the reference is not added twice


def test_buttons_act_on_the_selected_file(loaded, monkeypatch):
    panel = loaded.documents
    keys = [str(p) for p in loaded.sample_paths]
    panel.select(keys[2])
    assert panel.set_reference_action.isEnabled()
    panel.set_reference_action.trigger()
    assert loaded.workspace.reference_key == keys[2]
    assert loaded.workspace.comparison.reference.path == keys[2]
    panel.select(keys[2])
    panel.up_action.trigger()
    assert [e.key for e in loaded.workspace.entries] == [keys[0], keys[2], keys[1]]
    opened = []
    monkeypatch.setattr(
        documentdock.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    panel.reveal_action.trigger()
    assert opened == [str(loaded.sample_paths[2].parent)]
    panel.remove_action.trigger()
    assert keys[2] not in [e.key for e in loaded.workspace.entries]
    assert loaded.workspace.reference_key == keys[0]


def test_counts_fit_the_default_dock_and_extra_columns_come_from_the_header(loaded, qtbot):
    from desktop.ui.documentmodel import LAST_COUNT, OUTLET
    from desktop.ui.screenfit import dock_widths

    panel = loaded.documents
    table = panel.table
    loaded._size_docks()
    wanted = dock_widths(loaded.width())[0]  # the first run's width for this window
    qtbot.waitUntil(lambda: loaded.documents_dock.width() >= wanted)
    header = table.horizontalHeader()
    right_edge = header.sectionViewportPosition(LAST_COUNT) + header.sectionSize(LAST_COUNT)
    assert right_edge <= table.viewport().width()
    assert table.isColumnHidden(OUTLET)
    show_outlet = next(a for a in header.actions() if "outlet" in a.text())
    show_outlet.setChecked(True)
    assert not table.isColumnHidden(OUTLET)


def test_a_failed_file_gets_the_count_columns_for_its_reason(window, tmp_path):
    from desktop.ui.documentmodel import LAST_COUNT, TITLE

    paths = write_sample(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_text("BROKEN.")
    window.add_paths([*paths, bad])
    table = window.documents.table
    row = window.documents.model.row_of(str(bad))
    assert table.columnSpan(row, TITLE) == LAST_COUNT - TITLE + 1
    assert table.columnSpan(0, TITLE) == 1
