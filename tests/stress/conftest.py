"""Shared set-up for the stress tests: Hypothesis budgets, a network tripwire, a base corpus.

``HYPOTHESIS_PROFILE=long`` turns the CI budget (a few dozen examples per test, fixed seed)
into a long campaign (thousands of random examples per test); see docs/reliability.md.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests import factories

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
# The long campaign multiplies every test's CI budget by this.
LONG_FACTOR = int(os.environ.get("STRESS_LONG_FACTOR", "100"))
DEADLINE = timedelta(seconds=10)  # one example; generous so a slow CI box is not "flaky"

# The same names for Hypothesis' own profile mechanism, so other property tests in the suite
# also run longer when HYPOTHESIS_PROFILE=long is set.
settings.register_profile("ci", deadline=DEADLINE, derandomize=True, database=None)
settings.register_profile("long", max_examples=100 * LONG_FACTOR, deadline=DEADLINE)
if PROFILE in ("ci", "long") and "HYPOTHESIS_PROFILE" in os.environ:
    settings.load_profile(PROFILE)


def budget(seconds: int) -> int:
    """A fuzz test's pytest-timeout: its CI seconds, scaled up for a long campaign."""
    return seconds * LONG_FACTOR if PROFILE == "long" else seconds


def fuzz_settings(examples: int) -> settings:
    """Settings for one fuzz test: ``examples`` in CI, ``LONG_FACTOR`` times more when long."""
    long = PROFILE == "long"
    return settings(
        max_examples=examples * LONG_FACTOR if long else examples,
        deadline=DEADLINE,
        derandomize=not long,  # CI runs are reproducible; a campaign explores
        database=None if not long else settings().database,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
        print_blob=True,
    )


class NetworkUsed(AssertionError):
    """Raised when code under test tries to open a connection."""


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fail the test if anything tries to connect anywhere (external entities, DTDs, fonts)."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object, *args: object) -> None:
        attempts.append(address)
        raise NetworkUsed(f"the code under test tried to connect to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield attempts
    assert not attempts, f"network connections were attempted: {attempts}"


def build_corpus(folder: Path) -> dict[str, Path]:
    """One healthy file per loader: the sample reports plus factory-built DOCX/ODT/RTF/PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = {
        "txt": SEEDS / "reference-rt-drone-deal.txt",
        "md": SEEDS / "report-02-blog.md",
        "docx": SEEDS / "report-03-daily.docx",
        "html": SEEDS / "report-04-portal.html",
        "pdf": SEEDS / "report-05-weekly.pdf",
        "odt": SEEDS / "report-06-agency.odt",
        "rtf": factories.make_rtf(folder),
        "docx-factory": factories.make_docx(folder),
        "odt-factory": factories.make_odt(folder),
        "html-factory": factories.make_html(folder),
        "pdf-factory": factories.make_pdf(folder),
    }
    return {name: path for name, path in corpus.items() if path.exists()}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, bytes]]:
    """``name -> (suffix, bytes)`` of every healthy base file."""
    paths = build_corpus(tmp_path_factory.mktemp("corpus"))
    return {name: (path.suffix, path.read_bytes()) for name, path in paths.items()}
