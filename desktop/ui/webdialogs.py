"""The two small dialogs of reports from the web: addresses to fetch, a title for a paste."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fetch import is_address
from desktop.ui.messagebar import headless

PREVIEW_CHARS = 400


def split_addresses(text: str) -> tuple[list[str], list[str]]:
    """The http(s) addresses in ``text`` (one per line or space apart), and the other words."""
    words = text.split()
    return [w for w in words if is_address(w)], [w for w in words if not is_address(w)]


class AddressDialog(QDialog):
    """File ▸ Add from address…: one or more addresses, one per line."""

    def __init__(self, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add from address")
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName("Web addresses")
        self.edit.setPlaceholderText("https://…  (one address per line)")
        self.edit.setPlainText(suggestion)
        self.edit.setTabChangesFocus(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Fetch")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The pages are fetched and their articles compared:", self))
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self._on_edit_text_changed()
        self.resize(560, 220)

    def addresses(self) -> list[str]:
        """The addresses typed, in order, without repeats."""
        return list(dict.fromkeys(split_addresses(self.edit.toPlainText())[0]))

    def _on_edit_text_changed(self) -> None:
        found, other = split_addresses(self.edit.toPlainText())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(found))
        if other:
            self.note.setText(f"Not an http or https address, left out: {other[0]}")
        else:
            self.note.setText("Only http and https addresses; each page at most 10 MB.")


class PasteDialog(QDialog):
    """Edit ▸ Paste as report: the title (the first line unless changed) and a preview."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste as report")
        self.title = QLineEdit(title, self)
        self.title.setAccessibleName("Title of the report")
        self.title.selectAll()
        preview = text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")
        shown = QLabel(preview, self)
        shown.setWordWrap(True)
        shown.setAccessibleName("Start of the pasted text")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add report")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Title:", self))
        layout.addWidget(self.title)
        layout.addWidget(shown, 1)
        layout.addWidget(buttons)
        self.resize(560, 260)


def ask_addresses(parent: QWidget, suggestion: str = "") -> list[str]:
    """The addresses the user wants fetched; none when cancelled (or nobody is watching)."""
    if headless():
        return []
    dialog = AddressDialog(suggestion, parent)
    return dialog.addresses() if dialog.exec() == QDialog.DialogCode.Accepted else []


def ask_paste_title(parent: QWidget, title: str, text: str) -> str | None:
    """The title for a pasted report; None when cancelled. Headless runs take ``title``."""
    if headless():
        return title
    dialog = PasteDialog(title, text, parent)
    return dialog.title.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
