"""The workspace loads, compares, keeps decisions and survives bad files."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from desktop.core.model import Action, Decision, Verdict
from desktop.workers.runner import SyncRunner, TaskRunner
from desktop.workers.workspace import DocState, Workspace
from tests.workers.fakes import fake_engine, write_sample


@pytest.fixture
def workspace(qapp):
    return Workspace(SyncRunner(), engine=fake_engine())


def test_first_file_is_reference_and_comparison_appears(workspace, tmp_path):
    paths = write_sample(tmp_path)
    workspace.add_paths(paths)
    assert workspace.reference_key == str(paths[0])
    c = workspace.comparison
    assert c is not None and c.reference.path == str(paths[0]) and len(c.reports) == 2
    assert {link.verdict for link in c.links} >= {Verdict.AGREE, Verdict.CONFLICT}


def test_folder_is_filtered_and_bad_file_is_marked(workspace, tmp_path):
    write_sample(tmp_path)
    (tmp_path / "notes.pdf").write_text("not text")
    (tmp_path / "zz-broken.txt").write_text("BROKEN file.")
    messages = []
    workspace.message.connect(messages.append)
    workspace.add_paths([tmp_path])
    states = {e.key.rsplit("/", 1)[-1]: e for e in workspace.entries}
    assert "notes.pdf" not in states
    assert states["zz-broken.txt"].state is DocState.FAILED
    assert "damaged" in states["zz-broken.txt"].error
    assert any("zz-broken.txt" in m for m in messages)
    assert len(workspace.comparison.reports) == 2  # the rest goes on


def test_duplicate_text_is_refused(workspace, tmp_path):
    a, *_ = write_sample(tmp_path)
    copy = tmp_path / "copy.txt"
    copy.write_text(a.read_text())
    workspace.add_paths([a, copy])
    assert workspace.entry(str(copy)).state is DocState.FAILED


def test_set_reference_recompares(workspace, tmp_path):
    paths = write_sample(tmp_path)
    workspace.add_paths(paths)
    workspace.set_reference(str(paths[2]))
    assert workspace.comparison.reference.path == str(paths[2])


def test_decisions_survive_threshold_change(workspace, tmp_path):
    workspace.add_paths(write_sample(tmp_path))
    link = next(lk for lk in workspace.comparison.links if lk.verdict is Verdict.CONFLICT)
    workspace.decide(Decision(link.reference, link.other, Action.SET_VERDICT, Verdict.PARTIAL))
    workspace.set_threshold(60)
    again = next(
        lk
        for lk in workspace.comparison.links
        if (lk.reference, lk.other) == (link.reference, link.other)
    )
    assert again.verdict is Verdict.PARTIAL and again.reviewed
    assert workspace.comparison.options.threshold == 60


def test_note_is_kept_when_verdict_changes(workspace, tmp_path):
    workspace.add_paths(write_sample(tmp_path))
    link = workspace.comparison.links[0]
    workspace.decide(Decision(link.reference, link.other, Action.CONFIRM, note="checked"))
    workspace.decide(Decision(link.reference, link.other, Action.SET_VERDICT, Verdict.CONFLICT))
    assert workspace.decisions[0].note == "checked"
    assert len(workspace.decisions) == 1


def test_remove_reference_moves_it(workspace, tmp_path):
    paths = write_sample(tmp_path)
    workspace.add_paths(paths)
    workspace.remove(str(paths[0]))
    assert workspace.reference_key == str(paths[1])
    assert workspace.comparison.reference.path == str(paths[1])


def test_cancel_a_long_comparison(qtbot, tmp_path):
    gate = threading.Event()
    runner = TaskRunner()
    ws = Workspace(runner, engine=fake_engine(gate=gate))
    messages = []
    ws.message.connect(messages.append)
    with qtbot.waitSignal(ws.busy_changed, timeout=5000):
        ws.add_paths(write_sample(tmp_path))
    qtbot.waitUntil(lambda: ws.comparing, timeout=5000)
    assert ws.busy
    ws.cancel()
    assert not ws.busy and ws.comparison is None
    assert "Cancelled." in messages
    gate.set()
    assert runner.wait(5000)
    qtbot.wait(20)
    assert ws.comparison is None  # the cancelled result never lands
    runner.shutdown()


def test_restore_puts_a_saved_state_back(workspace, tmp_path):
    workspace.add_paths(write_sample(tmp_path))
    docs, ref_id = workspace.documents, workspace.reference_id
    link = next(lk for lk in workspace.comparison.links if lk.verdict is Verdict.CONFLICT)
    decision = Decision(link.reference, link.other, Action.SET_VERDICT, Verdict.AGREE)
    options = replace(workspace.options, threshold=55.0)
    other = Workspace(SyncRunner(), engine=fake_engine())
    changes = []
    other.changed.connect(lambda: changes.append(1))
    other.restore(docs, docs[1].id, options, [decision])
    assert other.reference_id == docs[1].id != ref_id
    assert other.options.threshold == 55.0 and other.decisions == (decision,)
    assert other.comparison.reference.id == docs[1].id
    assert changes


def test_first_decision_is_applied_without_comparing_again(qapp, tmp_path):
    calls = []
    engine = fake_engine()

    def compare(*args, **kwargs):
        calls.append(1)
        return engine.compare(*args, **kwargs)

    counting = replace(engine, compare=compare)
    ws = Workspace(SyncRunner(), engine=counting)
    ws.add_paths(write_sample(tmp_path))
    assert len(calls) == 1
    link = next(lk for lk in ws.comparison.links if lk.verdict is Verdict.CONFLICT)
    ws.decide(Decision(link.reference, link.other, Action.SET_VERDICT, Verdict.AGREE))
    assert len(calls) == 1  # applied to the comparison at hand
    changed = next(lk for lk in ws.comparison.links if lk.other == link.other)
    assert changed.verdict is Verdict.AGREE
    ws.decide(Decision(link.reference, link.other, Action.CONFIRM))
    assert len(calls) == 2  # a second decision on the pair: compared again from scratch
    again = next(lk for lk in ws.comparison.links if lk.other == link.other)
    assert again.verdict is Verdict.CONFLICT and again.reviewed


def test_progress_names_loading_from_the_start_then_comparing(workspace, tmp_path):
    paths = write_sample(tmp_path)
    seen = []
    workspace.progressed.connect(lambda what, done, total: seen.append((what, done, total)))
    workspace.add_paths(paths)
    assert seen[0] == ("Loading", 0, len(paths))  # before any file has finished
    assert ("Loading", len(paths), len(paths)) in seen  # the last file always reports
    comparing = [s for s in seen if s[0] == "Comparing"]
    assert comparing[0] == ("Comparing", 0, len(paths) - 1)


def test_comparisons_run_with_the_collector_paused(qtbot, tmp_path):
    import gc

    seen = []
    engine = fake_engine()
    real = engine.compare

    def compare(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    ws = Workspace(TaskRunner(), engine=replace(engine, compare=compare))
    ws.add_paths(write_sample(tmp_path))
    qtbot.waitUntil(lambda: ws.comparison is not None and not ws.busy)
    ws._runner.shutdown()
    assert seen and not any(seen)
    assert gc.isenabled()
