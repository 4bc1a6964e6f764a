"""Emit Qt signals from Python without tripping PySide6 6.12's reference bug.

PySide6 6.12.0 returns the bool result of ``SignalInstance.emit`` without taking a
reference, so every emit from Python takes one reference away from ``True``; after a few
hundred the interpreter aborts ("bool_dealloc: deallocating True or False"). ``emit``
below gives the reference back, but only when a probe at import time shows the bug, so a
fixed PySide6 is left alone.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal(int)


def _emit_steals_reference() -> bool:
    probe = _Probe()
    true_before, false_before = sys.getrefcount(True), sys.getrefcount(False)
    result: Any = probe.fired.emit(0)  # type: ignore[func-returns-value]
    if not isinstance(result, bool):
        return False
    # Holding ``result`` should have added one reference; the bug adds none.
    before = true_before if result else false_before
    lost = sys.getrefcount(result) - before < 1
    if lost:
        _incref(result)
    return lost


NEEDS_FIX = _emit_steals_reference()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, keeping the interpreter's count of True and False right."""
    result = signal.emit(*args)
    if NEEDS_FIX and (result is True or result is False):
        _incref(result)
