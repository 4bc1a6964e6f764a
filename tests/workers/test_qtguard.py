"""Thousands of void Qt calls and signal emits never wear out None, True and False."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.workers.qtguard import BOOST


class _Sender(QObject):
    flag = Signal(bool)


def test_void_calls_and_emits_leave_singletons_alive(qapp):
    timer, sender = QTimer(), _Sender()
    sender.flag.connect(lambda value: None)
    for i in range(20000):
        timer.setInterval(i % 50 + 1)  # a void method: PySide6 6.12 drops a None reference
        sender.flag.emit(i % 2 == 0)  # emit's bool result: a True reference lost
    if sys.version_info < (3, 12):
        for obj in (None, True, False):
            assert sys.getrefcount(obj) > BOOST // 2
