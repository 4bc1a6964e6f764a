"""The Preferences dialog: match sensitivity, finding kinds, report contents, export folder."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import FindingKind
from desktop.export.options import SECTIONS
from desktop.ui.settings import Preferences

KIND_LABELS = {
    FindingKind.NUMBER: "Numbers (400 vs 450)",
    FindingKind.DATE: "Dates (August vs September)",
    FindingKind.QUANTITY: "Quantities (a few vs hundreds)",
    FindingKind.NEGATION: "Denials (confirmed vs denied)",
    FindingKind.HEDGE: "Hedges (officials believe vs fact)",
    FindingKind.ATTRIBUTION: "Sources (who says so)",
    FindingKind.ENTITY: "Names, places, actors",
    FindingKind.ADDED_DETAIL: "Details a report adds",
    FindingKind.DROPPED_DETAIL: "Details a report drops",
}
SECTION_LABELS = {
    "documents": "Documents compared",
    "summary": "Summary per report",
    "matrix": "Claim matrix",
    "conflicts": "Conflicts and their evidence",
    "omissions": "Omissions and additions",
    "methods": "Methods",
}


class PreferencesDialog(QDialog):
    """Edits a Preferences value; ``preferences_accepted`` carries the result on OK."""

    preferences_accepted = Signal(object)  # Preferences

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self.kinds = {k: QCheckBox(KIND_LABELS.get(k, k.value), self) for k in FindingKind}
        self.sections = {s: QCheckBox(SECTION_LABELS.get(s, s), self) for s in SECTIONS}
        layout = QVBoxLayout(self)
        layout.addWidget(self._comparison_group())
        layout.addWidget(self._report_group())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.clicked.connect(lambda: self.set_values(Preferences()))
        layout.addWidget(self.buttons)
        self.set_values(preferences)

    def _comparison_group(self) -> QGroupBox:
        group = QGroupBox("Comparison", self)
        form = QFormLayout(group)
        self.threshold = QSpinBox(group)
        self.threshold.setRange(0, 100)
        self.threshold.setAccessibleName("Match sensitivity")
        self.threshold.setToolTip("The lowest score at which two statements are linked; "
                                  "higher links only close matches.")
        hint = QLabel("0–100; higher links only close matches", group)
        row = QHBoxLayout()
        row.addWidget(self.threshold)
        row.addWidget(hint, 1)
        label = QLabel("Match &sensitivity:", group)
        label.setBuddy(self.threshold)  # a layout cannot be a buddy: the & needs a QLabel
        form.addRow(label, row)
        self.compare_reports = QCheckBox("Also compare the reports with each other", group)
        form.addRow(self.compare_reports)
        grid = QGridLayout()
        for n, box in enumerate(self.kinds.values()):
            grid.addWidget(box, n // 2, n % 2)
        form.addRow("Flag differences in:", grid)
        return group

    def _report_group(self) -> QGroupBox:
        group = QGroupBox("Reports", self)
        form = QFormLayout(group)
        grid = QGridLayout()
        for n, box in enumerate(self.sections.values()):
            grid.addWidget(box, n // 2, n % 2)
        form.addRow("Sections:", grid)
        self.include_partials = QCheckBox("List partial agreements with their findings", group)
        form.addRow(self.include_partials)
        self.export_folder = QLineEdit(group)
        self.export_folder.setPlaceholderText("Documents")
        self.export_folder.setAccessibleName("Default export folder")
        browse = QPushButton("&Browse…", group)
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.export_folder, 1)
        row.addWidget(browse)
        label = QLabel("Export &folder:", group)
        label.setBuddy(self.export_folder)
        form.addRow(label, row)
        return group

    def set_values(self, preferences: Preferences) -> None:
        """Show ``preferences`` in the controls."""
        self.threshold.setValue(preferences.threshold)
        self.compare_reports.setChecked(preferences.compare_reports)
        for kind, box in self.kinds.items():
            box.setChecked(kind in preferences.finding_kinds)
        for section, box in self.sections.items():
            box.setChecked(section in preferences.report_sections)
        self.include_partials.setChecked(preferences.include_partials)
        self.export_folder.setText(preferences.export_folder)

    def values(self) -> Preferences:
        """The preferences as the controls show them."""
        return Preferences(
            threshold=self.threshold.value(),
            finding_kinds=frozenset(k for k, box in self.kinds.items() if box.isChecked()),
            compare_reports=self.compare_reports.isChecked(),
            report_sections=frozenset(s for s, box in self.sections.items() if box.isChecked()),
            include_partials=self.include_partials.isChecked(),
            export_folder=self.export_folder.text().strip(),
        )

    def accept(self) -> None:
        self.preferences_accepted.emit(self.values())
        super().accept()

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Default export folder",
                                                  self.export_folder.text())
        if folder:
            self.export_folder.setText(folder)
