"""The message funnel records, shows buttons, and fades plain messages."""

from __future__ import annotations

import sys

from desktop.ui.excepthook import ExceptionHook
from desktop.ui.messagebar import MessageBar


def test_messages_are_recorded_and_buttons_work(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    clicked = []
    bar.show_message("Saved.", level="success", actions=[("Open", lambda: clicked.append(1))])
    assert bar.isVisibleTo(bar.parentWidget() or bar) or not bar.isHidden()
    assert bar.history[-1].text == "Saved." and bar.history[-1].actions == ("Open",)
    bar.buttons()[0].click()
    assert clicked == [1]
    bar.show_message("Plain.")
    assert bar.buttons() == []
    assert bar._timer.isActive()


def test_a_new_message_drops_the_old_buttons_at_once(qtbot):
    # the old message's "Change…" must not stand beside the next message until deferred
    # deletes run
    from PySide6.QtWidgets import QPushButton

    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.show_message("The reference is a.txt.", actions=[("Change…", lambda: None)])
    (old,) = bar.buttons()
    bar.show_message("No conflicts between this report and the reference.")
    assert old.isHidden()
    assert bar.layout().indexOf(old) == -1
    assert all(b.isHidden() for b in bar.findChildren(QPushButton))


def test_exception_hook_logs_and_offers_details(qtbot, caplog):
    bar = MessageBar()
    qtbot.addWidget(bar)
    hook = ExceptionHook(bar)
    hook.install()
    try:
        assert sys.excepthook is hook
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            hook(type(exc), exc, exc.__traceback__)
    finally:
        hook.uninstall()
    assert sys.excepthook is not hook
    assert "RuntimeError: boom" in hook.last_details
    assert bar.history[-1].level == "error"
    assert bar.history[-1].actions == ("Details…",)
    bar.buttons()[0].click()  # headless: no dialog opens, nothing blocks
    assert any("unexpected error" in r.message for r in caplog.records)
