"""The window's toolbar and status bar: actions, the link threshold slider, find, progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QSlider, QToolBar, QToolButton

from desktop.core.model import THRESHOLD_MAX, THRESHOLD_MIN
from desktop.ui.settings import THRESHOLD_TIP

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


@dataclass(frozen=True)
class Toolbar:
    """The main toolbar and the widgets on it that the window talks to."""

    bar: QToolBar
    sensitivity: QSlider
    sensitivity_label: QLabel
    find_field: QLineEdit


@dataclass(frozen=True)
class StatusBar:
    """The status text, the progress bar and the Cancel button."""

    label: QLabel
    progress: QProgressBar
    cancel_button: QToolButton


def build_toolbar(w: MainWindow) -> Toolbar:
    """The main toolbar, added to ``w``."""
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
    sensitivity = QSlider(Qt.Orientation.Horizontal, w)
    sensitivity.setRange(THRESHOLD_MIN, THRESHOLD_MAX)
    sensitivity.setFixedWidth(140)
    sensitivity.setAccessibleName("Link threshold")
    sensitivity.setToolTip(THRESHOLD_TIP)
    sensitivity.setValue(round(w.workspace.options.threshold))
    sensitivity_label = QLabel(w)
    sensitivity_label.setToolTip(THRESHOLD_TIP)
    name = QLabel(" Link threshold ", w)
    name.setToolTip(THRESHOLD_TIP)
    bar.addWidget(name)
    bar.addWidget(sensitivity)
    bar.addWidget(sensitivity_label)
    bar.addSeparator()
    find_field = QLineEdit(w)
    find_field.setPlaceholderText("Find (Ctrl+F)")
    find_field.setAccessibleName("Find words in the statements")
    find_field.setClearButtonEnabled(True)
    find_field.setFixedWidth(200)
    bar.addWidget(find_field)
    w.addToolBar(bar)
    return Toolbar(bar, sensitivity, sensitivity_label, find_field)


def build_status_bar(w: MainWindow) -> StatusBar:
    """Status text, progress bar and Cancel, added to ``w``'s status bar."""
    status = w.statusBar()
    label = QLabel(w)
    progress = QProgressBar(w)
    progress.setFixedWidth(200)
    progress.setAccessibleName("Progress")
    cancel_button = QToolButton(w)
    cancel_button.setDefaultAction(w.actions_.cancel)
    status.addWidget(label, 1)
    status.addPermanentWidget(progress)
    status.addPermanentWidget(cancel_button)
    return StatusBar(label, progress, cancel_button)
