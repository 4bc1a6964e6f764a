"""Checkpoints in long core work where the thread's owner may stop it or let others run.

Loading a large file or rebuilding a session's documents is long pure-Python work with no
``should_cancel`` parameter of its own. The code that runs it on a worker thread (the
desktop's task runner) sets that thread's checkpoint with :func:`checked_by`; the core calls
:func:`checkpoint` between paragraphs and chunks. The checkpoint may raise
``desktop.core.errors.Cancelled`` or wait for a while; without one set it does nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_local = threading.local()


def checkpoint() -> None:
    """Call this thread's checkpoint, if its owner set one."""
    check = getattr(_local, "check", None)
    if check is not None:
        check()


@contextmanager
def checked_by(check: Callable[[], None]) -> Iterator[None]:
    """Make ``check`` this thread's checkpoint while the block runs (nesting restores)."""
    previous = getattr(_local, "check", None)
    _local.check = check
    try:
        yield
    finally:
        _local.check = previous
