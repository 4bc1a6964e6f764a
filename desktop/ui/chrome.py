"""The window's toolbar and status bar: actions, the sensitivity slider, find, progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QSlider, QToolBar, QToolButton


def build_toolbar(w: Any) -> None:
    """The main toolbar; sets ``w.toolbar``, ``w.sensitivity``, ``w.sensitivity_label``,
    ``w.find_field``."""
    acts, review = w.actions_, w.review
    bar = QToolBar("Main", w)
    bar.setObjectName("mainToolbar")
    for action in (
        acts.add_files,
        acts.export,
        None,
        acts.previous_conflict,
        acts.next_conflict,
        acts.previous_difference,
        acts.next_difference,
        None,
        review.confirm,
        review.unlink,
        review.link,
        review.note,
    ):
        bar.addSeparator() if action is None else bar.addAction(action)
    bar.addSeparator()
    w.sensitivity = QSlider(Qt.Orientation.Horizontal, w)
    w.sensitivity.setRange(0, 100)
    w.sensitivity.setFixedWidth(140)
    w.sensitivity.setAccessibleName("Match sensitivity")
    w.sensitivity.setToolTip(
        "Match sensitivity: the lowest score at which two statements "
        "are linked. Higher links only close matches."
    )
    w.sensitivity.setValue(round(w.workspace.options.threshold))
    w.sensitivity_label = QLabel(w)
    bar.addWidget(QLabel(" Match sensitivity ", w))
    bar.addWidget(w.sensitivity)
    bar.addWidget(w.sensitivity_label)
    bar.addSeparator()
    w.find_field = QLineEdit(w)
    w.find_field.setPlaceholderText("Find (Ctrl+F)")
    w.find_field.setAccessibleName("Find words in the statements")
    w.find_field.setClearButtonEnabled(True)
    w.find_field.setFixedWidth(200)
    bar.addWidget(w.find_field)
    w.addToolBar(bar)
    w.toolbar = bar


def build_status_bar(w: Any) -> None:
    """Status text, progress bar and Cancel; sets ``w.status_label``, ``w.progress``,
    ``w.cancel_button``."""
    status = w.statusBar()
    w.status_label = QLabel(w)
    w.progress = QProgressBar(w)
    w.progress.setFixedWidth(200)
    w.progress.setAccessibleName("Progress")
    w.cancel_button = QToolButton(w)
    w.cancel_button.setDefaultAction(w.actions_.cancel)
    status.addWidget(w.status_label, 1)
    status.addPermanentWidget(w.progress)
    status.addPermanentWidget(w.cancel_button)
