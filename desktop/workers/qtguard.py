"""Keep Python 3.11 alive under PySide6 6.12, which assumes None, True and False are immortal.

PySide6 6.12 hands back ``None`` from every void method, and the bool result of
``SignalInstance.emit``, without taking a reference: harmless on Python 3.12, where those
objects are immortal, but on 3.11 each call takes one reference away, and after a few thousand
calls the interpreter aborts ("none_dealloc: deallocating None"). Giving the three singletons
the huge reference count that 3.12 gives them makes the lost references harmless; they are
never freed in any case.
"""

from __future__ import annotations

import ctypes
import sys

BOOST = 1 << 40  # far more references than a process can ever lose
_done = False


def make_singletons_immortal() -> bool:
    """Raise the reference counts of None, True and False once; True when it did."""
    global _done
    # A trace-refs (debug) build puts list pointers before the count: leave those alone.
    if _done or sys.version_info >= (3, 12) or hasattr(sys, "getobjects"):
        return False
    for obj in (None, True, False):
        before = sys.getrefcount(obj)
        count = ctypes.c_ssize_t.from_address(id(obj))
        count.value += BOOST
        if sys.getrefcount(obj) - before != BOOST:  # not the layout we expect: undo
            count.value -= BOOST
            return False
    _done = True
    return True
