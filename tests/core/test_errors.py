"""Typed errors: one shape (path and reason) for the file errors, the messages people see."""

from __future__ import annotations

import pytest

from desktop.core.errors import (
    Cancelled,
    CrosscheckError,
    ExportError,
    FileError,
    LoadError,
    SessionError,
)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        # a document names its file, not the folder it sits in
        (LoadError("/news/a.pdf", "the PDF has no text layer"), "a.pdf: the PDF has no text layer"),
        # so does a session file
        (SessionError("/s/x.crosscheck", "it is not JSON"), "x.crosscheck: it is not JSON"),
        # a report names the whole path the person chose
        (ExportError("/out/r.docx", "disk full"), "could not write /out/r.docx: disk full"),
    ],
)
def test_file_errors_carry_path_and_reason(error: FileError, message: str) -> None:
    assert str(error) == message
    assert isinstance(error, FileError) and isinstance(error, CrosscheckError)
    assert error.reason in message and error.path.startswith("/")


def test_one_except_clause_catches_every_file_error() -> None:
    caught = []
    for cls in (LoadError, SessionError, ExportError):
        try:
            raise cls("f.txt", "why")
        except FileError as exc:
            caught.append((type(exc), exc.path, exc.reason))
    assert caught == [
        (LoadError, "f.txt", "why"),
        (SessionError, "f.txt", "why"),
        (ExportError, "f.txt", "why"),
    ]


def test_cancelled_is_no_file_error() -> None:
    assert not isinstance(Cancelled(), FileError)
    assert str(Cancelled()) == "the operation was cancelled"
