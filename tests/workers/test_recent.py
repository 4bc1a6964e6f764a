"""Going back costs nothing: a comparison made moments ago from the same inputs is reused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.lookup import ComparisonLookup
from desktop.core.model import Action, Decision
from desktop.workers.engine import Engine
from desktop.workers.recent import RecentComparisons
from desktop.workers.runner import SyncRunner
from desktop.workers.workspace import Workspace
from tests.workers.fakes import fake_engine, write_sample


@pytest.fixture
def counted(qapp):
    """A workspace on the fake engine that counts its full comparisons."""
    engine = fake_engine()
    calls: list[float] = []

    def compare(*args, **kwargs):
        calls.append(kwargs["options"].threshold)
        return engine.compare(*args, **kwargs)

    ws = Workspace(
        SyncRunner(),
        engine=Engine(
            load=engine.load, compare=compare, apply=engine.apply, supported=engine.supported
        ),
    )
    return ws, calls


def test_the_last_few_are_kept_most_recent_last():
    recent = RecentComparisons(keep=2)
    made = [object(), object(), object()]
    for n, thing in enumerate(made):
        recent.put((n,), thing, thing)
    assert recent.get((0,)) is None  # the oldest went
    assert recent.get((1,)) == (made[1], made[1])
    recent.put((3,), made[0], made[0])
    assert recent.get((2,)) is None  # (1,) was used again, so (2,) went first
    assert recent.get((1,)) is not None
    recent.clear()
    assert recent.get((1,)) is None


def test_undo_and_redo_reuse_the_comparisons_made(counted, tmp_path):
    ws, calls = counted
    ws.add_paths(write_sample(tmp_path))
    before, first = ws.comparison, len(calls)
    link = next(lk for lk in before.links if lk.verdict.value == "conflict")
    ws.decide(Decision(link.reference, link.other, Action.CONFIRM))  # the quick path
    after = ws.comparison
    assert after is not before and len(calls) == first
    ws.set_decisions(())  # undo
    assert ws.comparison is before and len(calls) == first  # shown again, not compared again
    assert isinstance(ws.lookup, ComparisonLookup) and ws.lookup.comparison is before
    ws.set_decisions(after_decisions := (Decision(link.reference, link.other, Action.CONFIRM),))
    assert ws.comparison is after and len(calls) == first
    assert ws.decisions == after_decisions and not ws.busy


def test_other_inputs_are_compared_and_a_threshold_moved_back_is_not(counted, tmp_path):
    ws, calls = counted
    ws.add_paths(write_sample(tmp_path))
    start = ws.comparison
    ws.set_threshold(75.0)
    assert calls[-1] == 75.0 and ws.comparison is not start
    n = len(calls)
    ws.set_threshold(start.options.threshold)
    assert len(calls) == n and ws.comparison is start
    ws.set_options(replace(ws.options, threshold=71.0))
    assert len(calls) == n + 1  # new inputs: compared


def test_closing_everything_forgets_them(counted, tmp_path):
    ws, calls = counted
    paths = write_sample(tmp_path)
    ws.add_paths(paths)
    n = len(calls)
    ws.clear()
    ws.add_paths(paths)
    assert len(calls) == n + 1
