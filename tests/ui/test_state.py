"""State that tells the truth: Close all, what counts as unsaved work, recovery, one count."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app, paths
from desktop.core.session import write_session
from desktop.core.summary import claims_phrase, count_comparison
from desktop.ui.mainwindow import MainWindow
from desktop.ui.persistence import offer_recovery
from tests.conftest import ROOT
from tests.ui.persisthelp import make_window, review
from tests.workers.fakes import make_document, write_sample


def test_close_all_clears_status_message_and_review_actions(loaded):
    loaded.go(conflicts=True)  # a pair picked: the review actions are on
    assert loaded.review.confirm.isEnabled()
    loaded.messages.show_message("Something about the old comparison.")
    assert "claims" in loaded.status_label.text()
    loaded.sessions.ask = lambda name: (
        __import__("desktop.ui.sessionflow").ui.sessionflow.CloseChoice.DISCARD
    )
    loaded.actions_.close_all.trigger()
    assert loaded.workspace.is_empty()
    assert loaded.status_label.text() == "Ready"
    assert loaded.messages.isHidden()
    review = loaded.review
    assert not any(a.isEnabled() for a in (review.confirm, review.unlink, review.note, review.link))
    assert not review.verdict_menu.isEnabled()


def test_files_named_on_the_command_line_are_not_unsaved_work(qapp, qtbot, monkeypatch, tmp_path):
    seen = {}
    earlier = list(QApplication.topLevelWidgets())

    def fake_exec():
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and all(w is not e for e in earlier)
        )
        qtbot.waitUntil(lambda: window.workspace.comparison is not None, timeout=30000)
        qtbot.waitUntil(lambda: not window.workspace.busy, timeout=30000)
        seen["modified"] = window.sessions.modified or window.isWindowModified()
        asked = []
        window.sessions.ask = lambda name: asked.append(name)
        window.runner.shutdown()
        window.close()
        seen["asked"] = asked
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    files = write_sample(tmp_path)
    assert app.run_app([str(p) for p in files]) == 0
    assert seen == {"modified": False, "asked": []}


def test_the_sample_is_clean_until_the_user_changes_something(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.open_sample()
    assert window.workspace.comparison is not None
    assert not window.sessions.modified and not window.isWindowModified()
    review(window)
    assert window.sessions.modified and window.isWindowModified()


def _leftover(window, folder, pid, *, extra=False, decide=False):
    window.add_paths(paths.sample_files())
    if decide:
        review(window)
    session = window.sessions.snapshot()
    if extra:
        doc = make_document("A report the sample does not hold. It says other things.")
        session = session.__class__(**{**session.__dict__, "documents": (*session.documents, doc)})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"autosave-{pid}.crosscheck"
    write_session(session, path)
    return path


def test_recovery_asks_only_when_there_is_something_to_recover(qtbot, tmp_path):
    first = make_window(qtbot, tmp_path / "one")
    second = make_window(qtbot, tmp_path / "two")
    left = _leftover(first, second.autosave.folder, 999_999_990)
    asked = []
    assert not offer_recovery(second, prompt=lambda text: asked.append(text) or True)
    assert asked == [] and not left.exists()  # the sample alone: nothing to ask about
    third = make_window(qtbot, tmp_path / "three")
    _leftover(third, second.autosave.folder, 999_999_991, decide=True)
    assert offer_recovery(second, prompt=lambda text: asked.append(text) or False) is False
    assert len(asked) == 1 and "review decisions" in asked[0]


def test_the_sample_alone_is_never_autosaved(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.add_paths(paths.sample_files())
    window.workspace.set_threshold(70)  # a change, but nothing a person would miss
    assert window.sessions.modified
    window.autosave.save_now()
    assert not window.autosave.path.exists()
    review(window)
    window.autosave.save_now()
    assert window.autosave.path.exists()


def test_status_bar_and_matrix_name_both_parts_of_the_claim_count(loaded):
    comparison = loaded.workspace.comparison
    totals = count_comparison(comparison)
    phrase = claims_phrase(totals.claims, totals.added_claims)
    assert totals.added_claims > 0  # the fake sample has claims only reports make
    assert phrase in loaded.status_label.text()
    assert loaded.matrix.counter.text() == phrase
    assert len(comparison.claims) == totals.claims + totals.added_claims


def test_about_box_states_the_licence_in_license(window, monkeypatch):
    import tomllib

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.show_about()
    licence = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    first_line = (ROOT / "LICENSE").read_text().splitlines()[0]
    assert first_line == f"{licence} License"
    assert f"{licence} licence" in shown[0] and "GPL" not in shown[0].split("<table")[0]
