"""Opening a session whose sources changed or vanished: said per document, reload or keep,
and decisions that no longer apply are kept aside and listed, never dropped."""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtCore import Qt

from desktop import paths
from desktop.core.session import SourceStatus, read_session
from desktop.ui.sessionflow import CloseChoice
from desktop.ui.sourcecheck import SourceCheckDialog, source_problems
from tests.ui.persisthelp import make_window, review


@pytest.fixture
def saved(qtbot, tmp_path):
    """A reviewed session over copies of the sample files, and the window that saved it."""
    folder = tmp_path / "sources"
    folder.mkdir()
    copies = [shutil.copy(p, folder / p.name) for p in paths.sample_files()]
    window = make_window(qtbot, tmp_path)
    window.add_paths(copies)
    review(window)
    target = tmp_path / "review.crosscheck"
    assert window.sessions.save_to(target)
    window.sessions.ask = lambda name: CloseChoice.DISCARD
    return window, target, [str(c) for c in copies]


def _touch_sources(session_path, copies):
    """Rewrite the reference (changed) and delete the last report (missing)."""
    session = read_session(session_path)
    reference = session.reference.path
    with open(reference, "w", encoding="utf-8") as handle:
        handle.write("A wholly different article.\n\nNothing in it matches the old text.\n")
    missing = copies[-1]
    os.remove(missing)
    return reference, missing


def test_problems_name_each_document_with_its_state(saved, qtbot):
    _window, target, copies = saved
    reference, missing = _touch_sources(target, copies)
    session = read_session(target)
    states = {s.path: s.status for s in source_problems(session)}
    assert states == {reference: SourceStatus.CHANGED, missing: SourceStatus.MISSING}
    dialog = SourceCheckDialog(session, source_problems(session))
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(n) for n in range(dialog.list.count())]
    assert any("changed on disk" in r.text() for r in rows)
    assert any("missing" in r.text() for r in rows)
    checkable = [r for r in rows if r.flags() & Qt.ItemFlag.ItemIsUserCheckable]
    assert len(checkable) == 1  # a missing file cannot be reloaded
    checkable[0].setCheckState(Qt.CheckState.Checked)
    assert dialog.ticked() == {session.reference_id}


def test_keeping_the_stored_text_restores_everything(saved):
    window, target, copies = saved
    decisions = window.workspace.decisions
    ids = [d.id for d in window.workspace.documents]
    _touch_sources(target, copies)
    window.sessions.choose_reloads = lambda session, problems: set()
    window.actions_.close_all.trigger()
    assert window.sessions.open_path(target)
    assert [d.id for d in window.workspace.documents] == ids
    assert window.workspace.decisions == decisions
    text = window.messages.history[-1].text
    assert "changed on disk" in text and "missing" in text


def test_reloading_keeps_the_orphaned_decisions_aside(saved):
    window, target, copies = saved
    decisions = window.workspace.decisions
    _touch_sources(target, copies)
    asked = []
    window.sessions.choose_reloads = lambda session, problems: (
        asked.append(problems)
        or {p.document_id for p in problems if p.status is SourceStatus.CHANGED}
    )
    window.actions_.close_all.trigger()
    assert window.sessions.open_path(target)
    assert len(asked[0]) == 2
    reference = window.workspace.comparison.reference
    assert reference.text.startswith("A wholly different article")
    assert window.workspace.decisions == decisions  # kept, though none applies any more
    assert not any(link.reviewed for link in window.workspace.comparison.links)
    message = window.messages.history[-1]
    assert "3 review decisions no longer match" in message.text
    assert message.actions == ("Show them",)
    window.messages.buttons()[0].click()
    listed = window.sessions.orphan_box.detailedText()
    assert listed.count("\n") == 2 and "checked against AP" in listed
    window.sessions.orphan_box.close()
    assert window.isWindowModified()  # the reloaded text is not in the file yet
