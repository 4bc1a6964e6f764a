"""Emitting many signals from Python never wears out the interpreter's True and False."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from desktop.workers.signals import emit


class _Sender(QObject):
    flag = Signal(bool)
    bare = Signal()


def test_emit_keeps_bool_reference_counts(qapp):
    sender, seen = _Sender(), []
    sender.flag.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(2000):
        emit(sender.flag, i % 2 == 0)
        emit(sender.bare)
    del seen[:]
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
