"""Sessions in the window: save, open, round trip, title mark, close question, bad files."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QKeySequence

from desktop import paths
from desktop.core.session import read_session
from desktop.ui.sessionflow import CloseChoice
from tests.ui.persisthelp import make_window, review, reviewed_pairs


@pytest.fixture
def sample(qtbot, tmp_path):
    """The real sample comparison, compared on the real engine."""
    window = make_window(qtbot, tmp_path)
    window.add_paths(paths.sample_files())
    assert window.workspace.comparison is not None
    return window


def test_shortcuts_of_the_file_menu(qtbot, tmp_path):
    acts = make_window(qtbot, tmp_path).actions_
    assert acts.open_session.shortcut() == QKeySequence("Ctrl+O")
    assert acts.save_session.shortcut() == QKeySequence("Ctrl+S")
    assert acts.save_session_as.shortcut() == QKeySequence("Ctrl+Shift+S")
    assert acts.add_files.shortcut() != acts.open_session.shortcut()


def test_round_trip_save_as_close_all_open(sample, tmp_path):
    decisions = review(sample)
    documents = [d.id for d in sample.workspace.documents]
    pairs, links = reviewed_pairs(sample), sample.workspace.comparison.links
    report = sample.side_by_side.report_combo.itemData(2)
    sample.side_by_side.show_report(report)
    target = tmp_path / "work"
    sample.sessions.ask_save_path = lambda: str(target)
    assert sample.actions_.save_session_as.isEnabled()
    sample.actions_.save_session_as.trigger()
    saved = target.with_suffix(".crosscheck")
    assert saved.is_file() and sample.windowTitle().startswith("work[*]")
    assert not sample.isWindowModified()
    sample.actions_.close_all.trigger()
    assert sample.workspace.is_empty() and sample.sessions.path is None
    sample.sessions.ask_open_path = lambda: str(saved)
    sample.actions_.open_session.trigger()
    assert [d.id for d in sample.workspace.documents] == documents
    assert sample.workspace.decisions == decisions
    assert reviewed_pairs(sample) == pairs
    assert len(sample.workspace.comparison.links) == len(links)
    assert sample.side_by_side.report_id == report  # the view state came back too
    assert not sample.isWindowModified() and sample.sessions.path == saved
    assert sample.settings_.recent_sessions()[0] == str(saved)


def test_changes_set_the_unsaved_mark_and_save_clears_it(sample, tmp_path):
    assert sample.isWindowModified()  # documents never saved
    sample.sessions.save_to(tmp_path / "a.crosscheck")
    assert not sample.isWindowModified()
    review(sample)
    assert sample.isWindowModified() and "[*]" in sample.windowTitle()
    assert sample.sessions.save()  # Ctrl+S writes to the same file without asking
    assert not sample.isWindowModified()
    assert len(read_session(tmp_path / "a.crosscheck").decisions) == 3


@pytest.mark.parametrize(
    ("choice", "closes", "saves"),
    [
        (CloseChoice.CANCEL, False, False),  # the window stays, the work stays
        (CloseChoice.DISCARD, True, False),
        (CloseChoice.SAVE, True, True),
    ],
)
def test_closing_with_unsaved_changes_asks(sample, tmp_path, choice, closes, saves):
    asked = []
    sample.sessions.ask = lambda name: asked.append(name) or choice
    target = tmp_path / "closing.crosscheck"
    sample.sessions.ask_save_path = lambda: str(target)
    sample.close()
    assert len(asked) == 1
    assert sample.isVisible() is not closes
    assert target.exists() is saves
    sample.sessions.ask = lambda name: CloseChoice.DISCARD


def test_closing_without_changes_does_not_ask(sample, tmp_path):
    sample.sessions.save_to(tmp_path / "clean.crosscheck")
    sample.sessions.ask = lambda name: pytest.fail("asked although nothing changed")
    sample.close()
    assert not sample.isVisible()


def test_only_unreadable_files_are_nothing_to_keep(qtbot, tmp_path):
    """No unsaved mark, no question on close, no autosave when every file failed to load."""
    from tests.ui.persisthelp import make_window

    window = make_window(qtbot, tmp_path)
    empty, binary = tmp_path / "empty.txt", tmp_path / "noise.txt"
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01\x02" * 100)
    window.add_paths([empty, binary])
    window.workspace.set_threshold(63)  # a changed option alone is not work to keep either
    assert not window.workspace.is_empty() and not window.workspace.documents
    assert not window.sessions.modified and not window.isWindowModified()
    window.autosave.save_now()
    assert not window.autosave.path.exists()
    window.sessions.ask = lambda name: pytest.fail("asked although there is nothing to keep")
    window.close()
    assert not window.isVisible()


@pytest.mark.parametrize(
    "content", [b"", b'{"format": "crosscheck-session", "vers', b"\x00\x01binary", b"[1, 2, 3]"]
)
def test_a_bad_session_is_one_message_and_changes_nothing(sample, tmp_path, content):
    decisions = review(sample)
    before = (sample.workspace.documents, sample.workspace.comparison, sample.windowTitle())
    bad = tmp_path / "bad.crosscheck"
    bad.write_bytes(content)
    sample.sessions.ask = lambda name: pytest.fail("asked before the file was known to be good")
    shown = len(sample.messages.history)
    assert not sample.sessions.open_path(bad)
    assert len(sample.messages.history) == shown + 1
    message = sample.messages.history[-1]
    assert message.level == "error" and "bad.crosscheck" in message.text
    assert (sample.workspace.documents, sample.workspace.comparison, sample.windowTitle()) == before
    assert sample.workspace.decisions == decisions
    sample.sessions.ask = lambda name: CloseChoice.DISCARD


def test_a_failed_save_says_why_and_keeps_the_mark(sample, tmp_path):
    missing = tmp_path / "no such folder" / "x.crosscheck"
    assert not sample.sessions.save_to(missing)
    assert sample.messages.history[-1].level == "error"
    assert sample.isWindowModified() and sample.sessions.path is None


def test_nothing_to_save_in_an_empty_window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    assert not window.sessions.save_to(tmp_path / "empty.crosscheck")
    assert not (tmp_path / "empty.crosscheck").exists()
    assert window.windowTitle() == "Crosscheck" and not window.isWindowModified()


def test_recent_menu_opens_and_forgets_missing_files(sample, tmp_path):
    first, second = tmp_path / "one.crosscheck", tmp_path / "two.crosscheck"
    sample.sessions.save_to(first)
    sample.sessions.save_to(second)
    sample.sessions.fill_recent_menu(sample.recent_menu)
    entries = [a for a in sample.recent_menu.actions() if a.toolTip().endswith(".crosscheck")]
    assert [a.toolTip() for a in entries] == [str(second), str(first)]
    second.unlink()
    entries[0].trigger()
    assert sample.messages.history[-1].level == "error"
    assert str(second) not in sample.settings_.recent_sessions()
    entries[1].trigger()
    assert sample.sessions.path == first


def test_drop_area_button_opens_a_session(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    asked = []
    window.sessions.ask_open_path = lambda: asked.append(True) or ""
    assert window.drop_area.session_button.isEnabled()
    window.drop_area.session_button.click()
    assert asked == [True]


def test_session_options_come_back_with_the_slider(sample, tmp_path):
    sample.sensitivity.setValue(70)
    sample._on_threshold_timer_timeout()  # the slider's debounce, without waiting
    saved = tmp_path / "seventy.crosscheck"
    sample.sessions.save_to(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["options"]["threshold"] == 70.0
    sample.actions_.close_all.trigger()
    sample.sensitivity.setValue(50)
    sample._on_threshold_timer_timeout()
    assert sample.sessions.open_path(saved)
    assert sample.workspace.options.threshold == 70.0 and sample.sensitivity.value() == 70


def test_file_menu_holds_the_session_entries(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    acts = window.actions_
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    entries = file_menu.actions()
    order = [
        entries.index(x)
        for x in (
            acts.open_session,
            window.recent_menu.menuAction(),
            acts.save_session,
            acts.save_session_as,
        )
    ]
    assert order == sorted(order)
    window.recent_menu.aboutToShow.emit()
    assert not window.recent_menu.actions()[0].isEnabled()  # "No recent sessions"


def test_opening_rebuilds_the_documents_off_the_gui_thread(sample, qtbot, tmp_path):
    from desktop.ui.mainwindow import MainWindow
    from desktop.workers.runner import TaskRunner

    decisions = review(sample)
    saved = tmp_path / "async.crosscheck"
    sample.sessions.save_to(saved)
    window = MainWindow(runner=TaskRunner())
    qtbot.addWidget(window)
    window.settings_.store = sample.settings_.store
    assert window.sessions.open_path(saved)
    assert window.workspace.is_empty()  # returned at once; the work is on the runner
    assert window.workspace.busy  # shown as busy, with Cancel, while the session opens
    assert window.actions_.cancel.isEnabled()
    assert window.status_label.text() == "Opening async.crosscheck…"
    qtbot.waitUntil(
        lambda: window.workspace.comparison is not None and not window.workspace.busy, timeout=60000
    )
    assert window.workspace.decisions == decisions
    assert window.sessions.path == saved and not window.isWindowModified()
    window.runner.shutdown()


def test_cancelling_the_opening_of_a_session_leaves_the_workspace_as_it_was(
    sample, qtbot, tmp_path
):
    import threading

    from desktop.ui import sessionflow
    from desktop.ui.mainwindow import MainWindow
    from desktop.workers.runner import TaskRunner

    saved = tmp_path / "slow.crosscheck"
    sample.sessions.save_to(saved)
    window = MainWindow(runner=TaskRunner())
    qtbot.addWidget(window)
    window.settings_.store = sample.settings_.store
    release = threading.Event()
    real = sessionflow.prepare_session

    def slow(session, reload_ids=()):
        release.wait(10)
        return real(session, reload_ids)

    sessionflow.prepare_session = slow
    try:
        assert window.sessions.open_path(saved)
        assert window.workspace.busy
        window.actions_.cancel.trigger()
        assert not window.workspace.busy
        release.set()
        window.runner.wait(10000)
        qtbot.waitUntil(lambda: "was cancelled" in window.messages.text, timeout=10000)
        assert window.workspace.is_empty() and window.sessions.path is None
    finally:
        sessionflow.prepare_session = real
        release.set()
        window.runner.shutdown()


def test_a_session_on_the_command_line_is_opened(sample, qtbot, tmp_path):
    from desktop.ui.persistence import open_arguments

    decisions = review(sample)
    saved = tmp_path / "from-cli.crosscheck"
    sample.sessions.save_to(saved)
    window = make_window(qtbot, tmp_path / "second")
    open_arguments(window, [str(saved)])
    assert window.workspace.decisions == decisions and window.sessions.path == saved
    other = make_window(qtbot, tmp_path / "third")
    open_arguments(other, [str(p) for p in paths.sample_files()[:2]])
    assert len(other.workspace.documents) == 2 and other.sessions.path is None


def test_close_all_and_the_sample_ask_the_same_question(sample):
    review(sample)
    sample.sessions.ask = lambda name: CloseChoice.CANCEL
    sample.actions_.close_all.trigger()
    sample.open_sample()
    assert len(sample.workspace.decisions) == 3  # both kept the work
    sample.sessions.ask = lambda name: CloseChoice.DISCARD
    sample.actions_.close_all.trigger()
    assert sample.workspace.is_empty() and not sample.isWindowModified()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the QDropEvent constructor
def test_a_dropped_session_file_opens_as_a_session(sample, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    decisions = review(sample)
    saved = tmp_path / "dropped.crosscheck"
    sample.sessions.save_to(saved)
    window = make_window(qtbot, tmp_path / "second")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(saved))])
    window.dropEvent(
        QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    assert window.workspace.decisions == decisions and window.sessions.path == saved
