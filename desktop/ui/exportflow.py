"""Export report…: a save dialog, the writing off the GUI thread, then Open or Show in folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.errors import CrosscheckError, ExportError
from desktop.core.model import Comparison, Decision
from desktop.export import FORMATS, format_for
from desktop.export.options import ReportOptions
from desktop.ui.messagebar import MessageBar, headless
from desktop.workers.runner import Runner

FILTERS = tuple((f.file_filter, f.suffix) for f in FORMATS)  # (dialog filter, suffix)


def suggested_name(comparison: Comparison) -> str:
    """A file name from the reference title."""
    words = "".join(ch if ch.isalnum() else " " for ch in comparison.reference.title).split()
    return "crosscheck-" + ("-".join(words[:6]).lower() or "report") + ".docx"


def with_suffix(path: str, chosen_filter: str) -> Path:
    """Add the chosen filter's suffix when the name has no known one."""
    target = Path(path)
    if format_for(target) is not None:
        return target
    suffix = next((s for label, s in FILTERS if label == chosen_filter), FORMATS[0].suffix)
    return target.with_name(target.name + suffix)


def write(
    comparison: Comparison,
    path: Path,
    decisions: tuple[Decision, ...] = (),
    *,
    options: ReportOptions | None = None,
) -> Path:
    """Write the export (worker thread)."""
    from desktop.export import write_export

    write_export(comparison, path, options=options or ReportOptions(), decisions=decisions)
    return path


def _open(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportFlow(QObject):
    """Runs one export at a time for the main window."""

    def __init__(self, runner: Runner, bar: MessageBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner, self._bar, self._parent = runner, bar, parent
        self.folder: str = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.running = False
        self.report_options = ReportOptions()  # from Preferences (desktop/ui/persistence.py)

    def ask_and_export(
        self, comparison: Comparison | None, decisions: tuple[Decision, ...] = ()
    ) -> None:
        """Ask where to save, then export there."""
        if comparison is None:
            self._bar.show_message("There is nothing to export yet: add a reference and a report.")
            return
        start = str(Path(self.folder) / suggested_name(comparison))
        path, chosen = QFileDialog.getSaveFileName(
            self._parent,
            "Export report",
            start,
            ";;".join(label for label, _ in FILTERS),
            FILTERS[0][0],
        )
        if path:
            self.export(comparison, with_suffix(path, chosen), decisions)

    def export(
        self, comparison: Comparison, path: Path, decisions: tuple[Decision, ...] = ()
    ) -> None:
        """Write ``path`` on the runner; report the outcome."""
        self.folder = str(path.parent)
        self.running = True
        self._bar.show_message(f"Exporting {path.name}…")
        options = self.report_options
        self._runner.submit(
            lambda task: write(comparison, path, decisions, options=options),
            self._on_written,
            lambda exc: self._on_failed(path, exc),
        )

    def _on_written(self, path: Path) -> None:
        self.running = False
        self._bar.show_message(
            f"Report saved: {path.name}",
            level="success",
            actions=[
                ("Open", lambda: _open(path)),
                ("Show in folder", lambda: _open(path.parent)),
            ],
        )

    def _on_failed(self, path: Path, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, ExportError):
            cause = exc.reason
        elif isinstance(exc, (CrosscheckError, OSError)):
            cause = str(exc)
        else:
            raise exc  # a bug: the exception hook shows it
        text = f"The report could not be written to\n{path}\n\nCause: {cause}"
        self._bar.show_message(f"Export failed: {path.name}: {cause}", level="error")
        if not headless():
            QMessageBox.critical(self._parent, "Export failed", text)
