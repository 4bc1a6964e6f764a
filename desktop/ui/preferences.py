"""The Preferences dialog: link threshold, finding kinds, name spellings, report contents,
export folder."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.kinds import KINDS, FindingKind, kind_label, kinds_that_conflict
from desktop.core.model import THRESHOLD_MAX, THRESHOLD_MIN
from desktop.export.options import SECTIONS
from desktop.ui.settings import THRESHOLD_TIP, Preferences

KIND_COLUMNS = ((True, "Conflicts (cannot both be true):"), (False, "Partial agreements:"))


def kind_text(kind: FindingKind) -> str:
    """A finding kind's check box text: its label from the table of kinds."""
    return kind_label(kind).capitalize()


def kind_tooltip(kind: FindingKind) -> str:
    """What a kind of difference is and what it makes of a link, from the table of kinds."""
    info = KINDS[kind]
    return f"{info.explanation[:1].upper()}{info.explanation[1:]}. It makes a {info.makes}."


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
        self.kinds = {k: self._kind_box(k) for k in FindingKind}
        self.sections = {s: QCheckBox(SECTION_LABELS.get(s, s), self) for s in SECTIONS}
        layout = QVBoxLayout(self)
        layout.addWidget(self._comparison_group())
        layout.addWidget(self._spellings_group())
        layout.addWidget(self._report_group())
        self.allow_local = QCheckBox(
            "Let web addresses reach this computer and the local network", self
        )
        self.allow_local.setToolTip(
            "Off by default, so that a page cannot make Crosscheck probe your own network"
        )
        web = QGroupBox("Web addresses", self)
        QVBoxLayout(web).addWidget(self.allow_local)
        layout.addWidget(web)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
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
        self.threshold.setRange(THRESHOLD_MIN, THRESHOLD_MAX)
        self.threshold.setAccessibleName("Link threshold")
        self.threshold.setToolTip(THRESHOLD_TIP)
        hint = QLabel(f"{THRESHOLD_MIN}–{THRESHOLD_MAX}; higher is stricter", group)
        row = QHBoxLayout()
        row.addWidget(self.threshold)
        row.addWidget(hint, 1)
        label = QLabel("&Link threshold:", group)
        label.setBuddy(self.threshold)  # a layout cannot be a buddy: the & needs a QLabel
        form.addRow(label, row)
        self.compare_reports = QCheckBox("Also compare the reports with each other", group)
        form.addRow(self.compare_reports)
        grid = self.kind_grid = QGridLayout()
        for column, (conflict, heading) in enumerate(KIND_COLUMNS):
            grid.addWidget(QLabel(heading, group), 0, column)
            for line, kind in enumerate(kinds_that_conflict(conflict), 1):
                grid.addWidget(self.kinds[kind], line, column)
        form.addRow("Flag differences in:", grid)
        return group

    def _kind_box(self, kind: FindingKind) -> QCheckBox:
        box = QCheckBox(kind_text(kind), self)
        box.setToolTip(kind_tooltip(kind))
        return box

    def _spellings_group(self) -> QGroupBox:
        group = QGroupBox("Name spellings", self)
        box = QVBoxLayout(group)
        hint = QLabel(
            "Names written differently that mean the same, such as a transliteration "
            "or an old place name. Built-in spellings (Kiev and Kyiv, "
            "Amirabdollahian and Amir-Abdollahian, …) always apply.",
            group,
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.spellings = QTableWidget(0, 2, group)
        self.spellings.setHorizontalHeaderLabels(["Written as", "Same name as"])
        self.spellings.setAccessibleName("Name spellings")
        self.spellings.verticalHeader().setVisible(False)
        self.spellings.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.spellings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.spellings.setMinimumHeight(110)
        box.addWidget(self.spellings)
        row = QHBoxLayout()
        add = QPushButton("&Add spelling", group)
        add.clicked.connect(self._on_add_spelling)
        self.remove_spelling = QPushButton("&Remove", group)
        self.remove_spelling.clicked.connect(self._on_remove_spelling)
        row.addWidget(add)
        row.addWidget(self.remove_spelling)
        row.addStretch(1)
        box.addLayout(row)
        return group

    def _on_add_spelling(self) -> None:
        self.add_spelling("", "")
        row = self.spellings.rowCount() - 1
        self.spellings.setCurrentCell(row, 0)
        item = self.spellings.item(row, 0)
        if item is not None:
            self.spellings.editItem(item)

    def _on_remove_spelling(self) -> None:
        rows = sorted({i.row() for i in self.spellings.selectedIndexes()}, reverse=True)
        for row in rows or [self.spellings.currentRow()]:
            if row >= 0:
                self.spellings.removeRow(row)

    def add_spelling(self, variant: str, name: str) -> None:
        """Append one row to the spellings table."""
        row = self.spellings.rowCount()
        self.spellings.insertRow(row)
        self.spellings.setItem(row, 0, QTableWidgetItem(variant))
        self.spellings.setItem(row, 1, QTableWidgetItem(name))

    def spelling_pairs(self) -> tuple[tuple[str, str], ...]:
        """The table's complete rows as (variant, name), without repeats."""
        pairs = []
        for row in range(self.spellings.rowCount()):
            cells = [self.spellings.item(row, c) for c in (0, 1)]
            variant, name = (" ".join(c.text().split()) if c is not None else "" for c in cells)
            if variant and name and variant.casefold() != name.casefold():
                pairs.append((variant, name))
        return tuple(dict.fromkeys(pairs))

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
        self.allow_local.setChecked(preferences.allow_local_addresses)
        self.spellings.setRowCount(0)
        for variant, name in preferences.aliases:
            self.add_spelling(variant, name)

    def values(self) -> Preferences:
        """The preferences as the controls show them."""
        return Preferences(
            threshold=self.threshold.value(),
            finding_kinds=frozenset(k for k, box in self.kinds.items() if box.isChecked()),
            compare_reports=self.compare_reports.isChecked(),
            report_sections=frozenset(s for s, box in self.sections.items() if box.isChecked()),
            include_partials=self.include_partials.isChecked(),
            export_folder=self.export_folder.text().strip(),
            aliases=self.spelling_pairs(),
            allow_local_addresses=self.allow_local.isChecked(),
        )

    def accept(self) -> None:
        self.preferences_accepted.emit(self.values())
        super().accept()

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Default export folder", self.export_folder.text()
        )
        if folder:
            self.export_folder.setText(folder)
