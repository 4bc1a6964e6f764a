"""Keep Python's cyclic garbage collector from stalling the GUI while a comparison runs.

A comparison of 200 reports allocates a few hundred thousand objects. Each time the heap
grows by a quarter the collector walks all of it, holding the GIL in whichever thread
allocated last: 170–350 ms on a busy two-CPU machine, during which the GUI thread cannot run
a line of Python. The engine makes no reference cycles (a collection after a comparison of
200 reports finds none), so the collector is paused while comparisons run; when the last one
ends, what survived is frozen (``gc.freeze``) so that later collections skip the long-lived
documents and comparison instead of walking them again.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause automatic collection for the duration; nested and concurrent uses share one pause."""
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.freeze()  # O(1): moves every tracked object to the permanent generation
                gc.enable()


def paused() -> bool:
    """Whether a pause is in force (for tests)."""
    with _lock:
        return _active > 0
