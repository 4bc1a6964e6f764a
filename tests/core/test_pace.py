"""Long core work calls the thread's checkpoint: its owner can cancel it or let others run."""

from __future__ import annotations

import threading

import pytest

from desktop.core import pace
from desktop.core.errors import Cancelled
from desktop.core.segment import CHECK_EVERY, split_statements

LONG = "\n".join(
    f"Paragraph {n} says that {n} drones were seen. Officials denied it."
    for n in range(20 * CHECK_EVERY)
)


def test_without_a_checkpoint_nothing_happens() -> None:
    pace.checkpoint()
    assert len(split_statements(LONG, doc_id="d")) == 40 * CHECK_EVERY


def test_segmenting_a_long_text_passes_checkpoints() -> None:
    calls: list[int] = []
    with pace.checked_by(lambda: calls.append(1)):
        split_statements(LONG, doc_id="d")
    assert len(calls) >= 20
    calls.clear()
    split_statements(LONG, doc_id="d")
    assert calls == []  # the checkpoint ends with the block


def test_a_checkpoint_that_raises_stops_the_work() -> None:
    calls: list[int] = []

    def stop_after_three() -> None:
        calls.append(1)
        if len(calls) > 3:
            raise Cancelled()

    with pace.checked_by(stop_after_three), pytest.raises(Cancelled):
        split_statements(LONG, doc_id="d")
    assert len(calls) == 4


def test_checkpoints_nest_and_belong_to_one_thread() -> None:
    seen: list[str] = []
    with pace.checked_by(lambda: seen.append("outer")):
        with pace.checked_by(lambda: seen.append("inner")):
            pace.checkpoint()
            other = threading.Thread(target=pace.checkpoint)
            other.start()
            other.join()
        pace.checkpoint()
    pace.checkpoint()
    assert seen == ["inner", "outer"]
