"""The log a user can open: a rotating file in the data folder and the in-memory tail."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import logfile
from desktop.logfile import FILE_NAME, LogTail, install_log, log_path, uninstall_log


@pytest.fixture
def installed() -> Iterator[None]:
    yield
    uninstall_log()


def test_debug_lines_of_our_loggers_reach_file_and_tail(tmp_path: Path, installed: None) -> None:
    path = install_log(tmp_path / "data")
    assert path == tmp_path / "data" / FILE_NAME and log_path() == path
    logging.getLogger("desktop.workers.runner").debug("a task ended with Cancelled")
    logging.getLogger("crosscheck").error("unexpected error")
    logging.getLogger("pypdf").warning("not ours")  # libraries keep to their own handlers
    text = path.read_text(encoding="utf-8")
    assert "DEBUG desktop.workers.runner [MainThread]: a task ended with Cancelled" in text
    assert "ERROR crosscheck" in text and "not ours" not in text
    count, lines = logfile.TAIL.snapshot()
    assert count >= 2 and lines[-1].endswith("unexpected error")


def test_installing_twice_adds_no_second_handler(tmp_path: Path, installed: None) -> None:
    install_log(tmp_path)
    install_log(tmp_path)
    logging.getLogger("desktop").info("once")
    assert (tmp_path / FILE_NAME).read_text(encoding="utf-8").count("once") == 1


def test_a_folder_that_cannot_be_written_keeps_the_tail(tmp_path: Path, installed: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert install_log(blocker / "data") is None and log_path() is None
    logging.getLogger("desktop.ui").info("still kept")
    assert logfile.TAIL.snapshot()[1][-1].endswith("still kept")


def test_the_file_rotates(tmp_path: Path, installed: None, monkeypatch) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 2000)
    install_log(tmp_path)
    for n in range(200):
        logging.getLogger("desktop").info("line %d of a long run", n)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [FILE_NAME, *(f"{FILE_NAME}.{k}" for k in range(1, logfile.BACKUPS + 1))]
    assert all(p.stat().st_size <= 2000 for p in tmp_path.iterdir())


def test_tail_keeps_the_latest_lines() -> None:
    tail = LogTail(capacity=3)
    logger = logging.getLogger("tests.tail")
    logger.propagate = False
    logger.addHandler(tail)
    try:
        for n in range(5):
            logger.warning("n=%d", n)
    finally:
        logger.removeHandler(tail)
    count, lines = tail.snapshot()
    assert count == 5 and lines == ["n=2", "n=3", "n=4"]
