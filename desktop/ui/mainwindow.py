"""The main window: drop area or views, docks, toolbar, status bar; wires ui to the workspace."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSlider,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, paths
from desktop.core.loaders import SUPPORTED_SUFFIXES
from desktop.core.model import Action, Comparison
from desktop.core.summary import count_comparison, totals_line
from desktop.logfile import log_path
from desktop.ui.about import about_html
from desktop.ui.actions import WindowActions
from desktop.ui.autosave import Autosave
from desktop.ui.chrome import build_status_bar, build_toolbar
from desktop.ui.details import DetailsPanel
from desktop.ui.documentdock import DocumentPanel
from desktop.ui.droparea import DropArea, paths_from_mime
from desktop.ui.exportflow import ExportFlow
from desktop.ui.find import FindBar
from desktop.ui.index import ComparisonIndex
from desktop.ui.logview import LogDialog
from desktop.ui.matrixview import ClaimMatrixView
from desktop.ui.messagebar import MessageBar
from desktop.ui.moving import MoveActions
from desktop.ui.navigation import CONFLICTS, DIFFERENCES
from desktop.ui.persistence import install_persistence, open_arguments
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.referencenote import ReferenceNote
from desktop.ui.review import ReviewActions
from desktop.ui.screenfit import available_area, dock_widths, first_size, fit_window
from desktop.ui.selection import Selection
from desktop.ui.sessionflow import SessionFlow
from desktop.ui.settings import Settings
from desktop.ui.sidebyside import SideBySideView
from desktop.ui.stages import Stages
from desktop.ui.viewstate import Tab, apply_view, capture_view
from desktop.ui.webflow import WebFlow, addresses_from_mime
from desktop.ui.zoom import Zoom
from desktop.workers.engine import Engine
from desktop.workers.runner import Runner, TaskRunner
from desktop.workers.workspace import Workspace

DEBOUNCE_MS = 300
STAGE_ABOVE_LINKS = 1500  # larger comparisons reach the views over several event-loop turns
FILE_FILTER = f"Documents ({' '.join('*' + s for s in sorted(SUPPORTED_SUFFIXES))});;All files (*)"


class MainWindow(QMainWindow):
    """One comparison per window."""

    # Made by desktop.ui.chrome.build_toolbar / build_status_bar.
    sensitivity: QSlider
    sensitivity_label: QLabel
    find_field: QLineEdit
    toolbar: QToolBar
    status_label: QLabel
    progress: QProgressBar
    cancel_button: QToolButton
    # Made by desktop.ui.persistence.install_persistence.
    settings_: Settings
    sessions: SessionFlow
    autosave: Autosave
    recent_menu: QMenu
    preferences_action: QAction
    preferences_dialog: PreferencesDialog | None = None
    log_dialog: LogDialog | None = None  # Help ▸ Show log, made when first asked for

    def __init__(self, *, runner: Runner | None = None, engine: Engine | None = None) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        icon = paths.resources() / "crosscheck.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.runner: Runner = runner if runner is not None else TaskRunner(self)
        self.workspace = Workspace(self.runner, engine=engine, parent=self)
        self.selection = Selection(self)
        self._stages = Stages(self)
        self.index: ComparisonIndex | None = None
        self.messages = MessageBar(self)
        self.reference_note = ReferenceNote(self.workspace, self.messages, self)
        self._build_views()
        self.review = ReviewActions(self.workspace, self.side_by_side, self)
        self.actions_ = WindowActions(self)
        self.view_menu = self.actions_.build_menus(self, self.review)
        self._build_toolbar()
        self._build_status_bar()
        self.export_flow = ExportFlow(self.runner, self.messages, self)
        self._threshold_timer = QTimer(self)
        self._threshold_timer.setSingleShot(True)
        self._threshold_timer.setInterval(DEBOUNCE_MS)
        self._threshold_timer.timeout.connect(self._on_threshold_timer_timeout)
        self._connect()
        self.setAcceptDrops(True)
        self.resize(first_size(available_area(self)))
        self._install_persistence()  # settings, preferences (the threshold too), sessions
        self._layout_restored = self.restore_layout()
        fit_window(self)  # a layout saved on a larger screen, or at a smaller scaling
        self.zoom = Zoom(self, self.settings_)  # View ▸ Zoom in / out / Actual size
        self.review.history.install(self, self.sessions)  # Edit ▸ Undo/Redo
        self.moves = MoveActions(self)  # next/previous report, statement menu, dock clicks
        self.finder = FindBar(self)  # highlights, "3 of 12", F3 from statement to statement
        self.web = WebFlow(self)  # links dropped or typed, pasted text, Reload from the web
        self._on_workspace_entries_changed()

    # -- construction ----------------------------------------------------------------------
    def _build_views(self) -> None:
        self.drop_area = DropArea(self)
        self.side_by_side = SideBySideView(self.selection, self)
        self.matrix = ClaimMatrixView(self.selection, self)
        self.tabs = QTabWidget(self)
        self.tabs.insertTab(Tab.PAIR.value, self.side_by_side, "Side by side")
        self.tabs.insertTab(Tab.MATRIX.value, self.matrix, "Claim matrix")
        self.tabs.setDocumentMode(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.drop_area)
        self.stack.addWidget(self.tabs)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.messages)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.documents = DocumentPanel(self.workspace, self)
        self.details = DetailsPanel(self.selection, self)
        self.documents_dock = self._dock(
            "Documents", self.documents, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.details_dock = self._dock(
            "Details", self.details, Qt.DockWidgetArea.RightDockWidgetArea
        )

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_toolbar(self) -> None:
        self.view_menu.addAction(self.documents_dock.toggleViewAction())
        self.view_menu.addAction(self.details_dock.toggleViewAction())
        made = build_toolbar(self)
        self.toolbar, self.sensitivity = made.bar, made.sensitivity
        self.sensitivity_label, self.find_field = made.sensitivity_label, made.find_field
        self._on_sensitivity_value_changed(self.sensitivity.value(), schedule=False)

    def _build_status_bar(self) -> None:
        made = build_status_bar(self)
        self.status_label, self.progress = made.label, made.progress
        self.cancel_button = made.cancel_button
        self._on_workspace_busy_changed(False)

    def _install_persistence(self) -> None:
        """Settings, preferences, sessions and autosave."""
        made = install_persistence(self)
        self.settings_, self.sessions, self.autosave = made.settings, made.sessions, made.autosave
        self.recent_menu, self.preferences_action = made.recent_menu, made.preferences_action

    def _connect(self) -> None:
        ws = self.workspace
        ws.entries_changed.connect(self._on_workspace_entries_changed)
        ws.changed.connect(self._on_workspace_changed)
        ws.comparison_changed.connect(self._on_workspace_comparison_changed)
        ws.busy_changed.connect(self._on_workspace_busy_changed)
        ws.progressed.connect(self._on_workspace_progressed)
        ws.message.connect(lambda text: self.messages.show_message(text))
        self.drop_area.add_files_requested.connect(self.ask_for_files)
        self.drop_area.sample_requested.connect(self.open_sample)
        self.sensitivity.valueChanged.connect(self._on_sensitivity_value_changed)
        self.find_field.returnPressed.connect(lambda: self.find_text(forward=True))
        self.selection.changed.connect(self.review.update_enabled)
        self.matrix.open_requested.connect(self._on_matrix_open_requested)

    # -- files ----------------------------------------------------------------------------------
    def add_paths(self, items: list[str] | list[Path]) -> int:
        """Add files and folders to the comparison (to an empty one: the message bar names
        the reference and offers to change it)."""
        if self.workspace.is_empty():
            self.reference_note.expect()
        return self.workspace.add_paths(items)

    def ask_for_files(self) -> None:
        """Native file dialog for documents."""
        files, _ = QFileDialog.getOpenFileNames(self, "Add documents", "", FILE_FILTER)
        if files:
            self.add_paths(files)

    def ask_for_folder(self) -> None:
        """Native folder dialog."""
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of documents")
        if folder:
            self.add_paths([folder])

    def open_sample(self) -> None:
        """Replace the workspace with the sample comparison."""
        try:
            files = paths.sample_files()
        except OSError as exc:
            self.messages.show_message(
                f"The sample comparison is missing ({exc.strerror}).", level="error"
            )
            return
        if not self.workspace.is_empty() and not self._may_discard():
            return
        self.workspace.clear()
        self.sessions.start_clean()  # the sample alone is no unsaved work
        self.add_paths(files)

    def close_all(self) -> None:
        """Close every document; nothing of the old comparison stays on screen."""
        if self._may_discard():
            self.workspace.clear()
            self.messages.hide()  # its messages were about the documents just closed
            self.selection.clear()
            self.review.update_enabled()

    def _may_discard(self) -> bool:
        return self.sessions.may_discard()  # Save/Discard/Cancel when work is unsaved

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if paths_from_mime(event.mimeData()) or addresses_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        items = paths_from_mime(event.mimeData())
        if items:
            event.acceptProposedAction()
            open_arguments(self, items)  # a dropped .crosscheck opens as a session
        if self.web.drop(event.mimeData()):  # links from a browser
            event.acceptProposedAction()

    # -- views ----------------------------------------------------------------------------------
    def show_tab(self, tab: Tab) -> None:
        """Switch between side by side and the matrix."""
        if self.stack.currentWidget() is self.tabs:
            self.tabs.setCurrentIndex(tab.value)

    def go(self, *, conflicts: bool, forward: bool = True) -> None:
        """Next or previous conflict (or difference) of the shown pair."""
        kinds = CONFLICTS if conflicts else DIFFERENCES
        if self.side_by_side.step(kinds, forward=forward) is None:
            what = "conflicts" if conflicts else "differences"
            self.messages.show_message(f"No {what} between this report and the reference.")

    def _on_matrix_open_requested(self, document_id: str) -> None:
        if (
            document_id
            and document_id != self.side_by_side.report_id
            and self.index
            and document_id != self.index.comparison.reference.id
        ):
            self.side_by_side.show_report(document_id)
        self.show_tab(Tab.PAIR)

    def focus_find(self) -> None:
        """Put the cursor in the find field."""
        self.find_field.setFocus()
        self.find_field.selectAll()

    def find_text(self, *, forward: bool = True) -> None:
        """Select the next statement holding the find field's words."""
        text = self.find_field.text()
        if text and not self.finder.step(forward=forward):
            self.messages.show_message(f"“{text}” is in neither text.")

    def export_report(self) -> None:
        """Export report… (Ctrl+E)."""
        self.export_flow.ask_and_export(self.workspace.comparison, self.workspace.decisions)

    def show_about(self) -> None:
        """The About box."""
        QMessageBox.about(self, f"About {APP_NAME}", about_html())

    def show_log(self) -> None:
        """Help ▸ Show log: the latest log lines in a window of their own."""
        if self.log_dialog is None:
            self.log_dialog = LogDialog(log_path(), self)
        self.log_dialog.show()
        self.log_dialog.raise_()

    # -- workspace signals --------------------------------------------------------------------
    def _on_workspace_entries_changed(self) -> None:
        empty = self.workspace.is_empty()
        if empty and not self.workspace.busy:
            self.status_label.setText(self._summary())  # "Ready", not the closed comparison
        self.stack.setCurrentWidget(self.drop_area if empty else self.tabs)
        has = self.workspace.comparison is not None
        acts = self.actions_
        self.actions_.close_all.setEnabled(not empty)
        for action in (
            acts.export,
            acts.next_conflict,
            acts.previous_conflict,
            acts.next_difference,
            acts.previous_difference,
            acts.find,
            acts.find_next,
            acts.find_previous,
        ):
            action.setEnabled(has)  # nothing to export, step through or search yet
        self.find_field.setEnabled(has)

    def _on_workspace_comparison_changed(self, comparison: Comparison | None) -> None:
        steps: list[Callable[[], object]] = [
            partial(self._show_pair_and_details, comparison),
            partial(self.matrix.set_comparison, comparison),
            self._restore_selection,
        ]
        self._stages.run(
            steps, staged=comparison is not None and len(comparison.links) >= STAGE_ABOVE_LINKS
        )

    def _show_pair_and_details(self, comparison: Comparison | None) -> None:
        lookup = self.workspace.lookup
        if comparison is None:
            self.index = None
        elif lookup is not None and lookup.comparison is comparison:
            self.index = ComparisonIndex.adopt(lookup)  # the worker built the tables
        else:
            self.index = ComparisonIndex(comparison)
        unlinked = {
            s
            for d in self.workspace.decisions
            for s in (d.reference, d.other)
            if d.action is Action.UNLINK
        }
        self.side_by_side.set_comparison(self.index, reviewed=unlinked)
        self.details.set_index(self.index)
        self._on_workspace_entries_changed()
        self.sessions.update_title()

    def _restore_selection(self) -> None:
        sid = self.selection.statement
        if self.index is None:
            self.selection.clear()
        elif sid and self.index.statement(sid) is not None:
            claim = self.index.claim_of(sid)
            # As if the pair view chose it: it keeps both picks across the recompute.
            self.selection.select(sid, claim.id if claim else None, origin=self.side_by_side)
        elif (
            self.side_by_side.step(CONFLICTS) is None
            and self.side_by_side.step(DIFFERENCES) is None
        ):
            self.selection.clear()

    def _on_workspace_busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.actions_.cancel.setEnabled(busy)
        if not busy:
            self.status_label.setText(self._summary())

    def _on_workspace_progressed(self, what: str, done: int, total: int) -> None:
        if total <= 0:  # work that cannot be counted: a moving busy indicator
            self.progress.setRange(0, 0)
            self.status_label.setText(f"{what}…")
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status_label.setText(f"{what}… {done} of {total}")

    def _summary(self) -> str:
        c = self.workspace.comparison
        if c is None:
            return "Ready"
        # The same words and numbers as the reports and the CLI (one count for all of them).
        return f"“{c.reference.title}”: {totals_line(count_comparison(c))}"

    def _on_sensitivity_value_changed(self, value: int, *, schedule: bool = True) -> None:
        self.sensitivity_label.setText(f" {value} ")
        if schedule:
            self._threshold_timer.start()

    def _on_threshold_timer_timeout(self) -> None:
        self._threshold_timer.stop()  # when called before the timer fired
        self.workspace.set_threshold(float(self.sensitivity.value()))

    def apply_pending_threshold(self) -> None:
        """Hand a slider move still in its debounce to the workspace now."""
        if self._threshold_timer.isActive():
            self._threshold_timer.stop()
            self._on_threshold_timer_timeout()

    def _on_workspace_changed(self) -> None:
        """The slider follows the workspace's options (sessions, Preferences, the slider)."""
        if self._threshold_timer.isActive():
            return  # the user's move is on its way to the workspace
        value = round(self.workspace.options.threshold)
        if value != self.sensitivity.value():
            self.sensitivity.blockSignals(True)
            self.sensitivity.setValue(value)
            self.sensitivity.blockSignals(False)
            self._on_sensitivity_value_changed(value, schedule=False)

    # -- view state (sessions store it) -----------------------------------------------------
    def view_state(self) -> dict[str, Any]:
        """What the window shows: tab, report on the right, selection, matrix filter."""
        return capture_view(self)

    def restore_view_state(self, state: dict[str, Any]) -> None:
        """Show what ``view_state`` described; unknown or stale entries are ignored."""
        self._stages.flush()
        apply_view(self, state)

    # -- layout memory --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored:  # first run: give the docks room once laid out
            self._layout_restored = True
            QTimer.singleShot(0, self._size_docks)

    def _size_docks(self) -> None:
        self.resizeDocks(
            [self.documents_dock, self.details_dock],
            list(dock_widths(self.width())),
            Qt.Orientation.Horizontal,
        )

    def restore_layout(self) -> bool:
        """Window geometry and dock layout from the last run; False on a first run."""
        geometry, state = self.settings_.window_layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        return state is not None

    def save_layout(self) -> None:
        """Remember geometry, dock layout and the link threshold (the slider's memory)."""
        self.settings_.set_window_layout(self.saveGeometry(), self.saveState())
        # A move still in its debounce is the user's latest choice.
        self.settings_.set_threshold(self.sensitivity.value())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.workspace.comparison is not None:
            # Tints are blended from the palette: a light/dark switch redraws the texts once
            # the children have the new palette too.
            QTimer.singleShot(0, self._redraw_tints)

    def _redraw_tints(self) -> None:
        if self.workspace.comparison is not None:
            self._show_pair_and_details(self.workspace.comparison)
            self.matrix.table.viewport().update()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.sessions.may_close():  # Save/Discard/Cancel when work is unsaved
            event.ignore()
            return
        self.save_layout()
        self.runner.shutdown()
        super().closeEvent(event)
