"""Typed errors that carry a sentence a person understands."""

from __future__ import annotations

from pathlib import Path


class CrosscheckError(Exception):
    """Base class of every error the core raises on purpose."""


class LoadError(CrosscheckError):
    """A document could not be read; ``reason`` says why in one sentence."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(self.path).name}: {reason}")


class Cancelled(CrosscheckError):
    """A long operation stopped because ``should_cancel()`` returned true."""

    def __init__(self) -> None:
        super().__init__("the operation was cancelled")


class SessionError(CrosscheckError):
    """A session file could not be read or written."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(self.path).name}: {reason}")


class ExportError(CrosscheckError):
    """A report could not be written; names the path and the cause."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"could not write {self.path}: {reason}")
