"""run_loader: whatever a loader raises becomes one LoadError sentence; the log keeps the trace."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import LoadError
from desktop.core.loaders.base import Extracted
from desktop.core.loaders.guard import run_loader


class Failing:
    """A loader that raises what it is given."""

    SUFFIXES = (".x",)
    KINDS = frozenset({"text"})
    FORMAT = "x"
    NAME = "test file"
    DESCRIPTION = "a test file"

    def __init__(self, exc: BaseException | None) -> None:
        self.exc = exc

    def load(self, path: Path, data: bytes) -> Extracted:
        if self.exc is not None:
            raise self.exc
        return Extracted(data.decode())


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        # a library that gives up on a file it cannot parse
        (
            ValueError("bad xref"),
            "the test file could not be read: it is damaged or not really a test file",
        ),
        # a file that unpacks to more than memory holds
        (MemoryError(), "the test file is too large to read in memory"),
        # markup nested past Python's recursion limit
        (RecursionError(), "the test file is nested too deeply to read safely"),
        # a truncated archive
        (zipfile.BadZipFile("truncated"), "the test file is damaged or incomplete"),
    ],
)
def test_a_loader_failure_becomes_one_sentence_and_a_debug_line(
    exc: BaseException, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.DEBUG, logger="desktop.core.loaders.guard"),
        pytest.raises(LoadError) as raised,
    ):
        run_loader(Failing(exc), Path("/n/a.x"), b"data")
    assert raised.value.reason == reason and raised.value.__cause__ is exc
    record = next(r for r in caplog.records if r.name == "desktop.core.loaders.guard")
    assert record.levelno == logging.DEBUG and record.exc_info and record.exc_info[1] is exc


def test_a_load_error_passes_unchanged_and_success_returns_the_text() -> None:
    own = LoadError("/n/a.x", "no text")
    with pytest.raises(LoadError) as raised:
        run_loader(Failing(own), Path("/n/a.x"), b"")
    assert raised.value is own
    assert run_loader(Failing(None), Path("/n/a.x"), b"words").text == "words"
