"""Hostile files: each is refused with one sentence naming the problem, quickly and offline.

Speed is enforced by pytest-timeout per test (a hang fails the run), never by timed asserts.
The table in docs/reliability.md comes from ``python -m tests.stress.hostile``.
"""

from __future__ import annotations

import socket
import tracemalloc
from pathlib import Path

import pytest

from desktop.core.errors import LoadError
from desktop.core.loaders import load_document
from tests import factories
from tests.stress.conftest import NetworkUsed
from tests.stress.hostile import CASES, Hostile
from tests.stress.test_fuzz_loaders import check_document

PEAK_LIMIT = 100 * 1024 * 1024  # no refusal may cost more Python heap than this


@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_is_refused_clearly(tmp_path: Path, case: Hostile) -> None:
    path = case.build(tmp_path)
    tracemalloc.start()
    try:
        if case.loads:
            check_document(load_document(path))
            return
        with pytest.raises(LoadError) as caught:
            load_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    error = caught.value
    assert any(word in error.reason for word in case.expect), error.reason
    assert str(error).startswith(path.name + ": ")  # the person sees which file it was
    assert "\n" not in error.reason and error.reason[0].islower()
    assert peak < PEAK_LIMIT, f"refusing it took {peak / 1e6:.0f} MB"


@pytest.mark.timeout(60)
def test_same_wire_story_loads_the_same_every_time(tmp_path: Path) -> None:
    """Six outlets' pages carrying one wire story keep every paragraph, whatever came before.

    trafilatura's process-wide deduplication once dropped paragraphs from the fourth copy on.
    """
    texts = []
    for index in range(6):
        page = factories.make_html(
            tmp_path, f"outlet-{index}.html", sitename=f"Outlet {index}", date=f"2022-11-2{index}"
        )
        texts.append(load_document(page).text)
    assert all(text == texts[0] for text in texts), [len(t) for t in texts]


def test_network_tripwire_fires(_no_network: list[object]) -> None:
    """The guard every stress test runs under really stops a connection (to this machine)."""
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert _no_network == [("127.0.0.1", 9)]
    _no_network.clear()  # seen and expected: the fixture's own check must not fail this test
