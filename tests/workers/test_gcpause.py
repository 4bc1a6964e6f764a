"""The collector pause used while comparisons run."""

from __future__ import annotations

import gc

from desktop.workers.gcpause import paused, paused_gc


def test_pause_disables_then_restores_and_freezes():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    keep = [[n] for n in range(100)]  # tracked objects that outlive the pause
    with paused_gc():
        assert not gc.isenabled() and paused()
        with paused_gc():  # nested uses share the pause
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled() and not paused()
    assert gc.get_freeze_count() >= frozen + len(keep)


def test_pause_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pause_ends_when_the_work_raises():
    try:
        with paused_gc():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled() and not paused()
