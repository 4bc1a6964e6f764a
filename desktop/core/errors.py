"""Typed errors that carry a sentence a person understands."""

from __future__ import annotations

from pathlib import Path


class CrosscheckError(Exception):
    """Base class of every error the core raises on purpose."""


class FileError(CrosscheckError):
    """A file could not be read or written: its ``path`` and a one-sentence ``reason``.

    The UI shows ``reason`` beside the file, or ``str(error)`` where the file must be named.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(self.describe())

    def describe(self) -> str:
        """The message: the file's name, then the reason."""
        return f"{Path(self.path).name}: {self.reason}"


class LoadError(FileError):
    """A document could not be read; ``reason`` says why in one sentence."""


class AddressError(LoadError):
    """A web address could not be fetched or read; ``path`` holds the address."""

    def describe(self) -> str:
        """The whole address: its last segment alone would not say which page."""
        return f"{self.path}: {self.reason}"


class NoConnection(AddressError):
    """The network is out of reach; the address can be tried again later."""


class Cancelled(CrosscheckError):
    """A long operation stopped because ``should_cancel()`` returned true."""

    def __init__(self) -> None:
        super().__init__("the operation was cancelled")


class SessionError(FileError):
    """A session file could not be read or written."""


class ExportError(FileError):
    """A report could not be written; names the path and the cause."""

    def describe(self) -> str:
        """The whole path: a report's folder matters to the person who chose it."""
        return f"could not write {self.path}: {self.reason}"
