"""The empty window: an invitation to drop files, and the first things to do."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def paths_from_mime(mime: QMimeData) -> list[str]:
    """The local files and folders carried by a drag."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class DropArea(QFrame):
    """Shown while the workspace is empty."""

    add_files_requested = Signal()
    sample_requested = Signal()
    session_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Drop area")
        self.setObjectName("dropArea")
        self.setStyleSheet("#dropArea { border: 2px dashed palette(mid); border-radius: 12px; }")
        title = QLabel("Drop a reference article and reports here", self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            "The first file becomes the reference; the others are compared with it.\n"
            "Text, Markdown, Word, web pages, PDF, RTF and OpenDocument files, "
            "whole folders, or links dragged from your browser.",
            self,
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.add_button = QPushButton("Add files…", self)
        self.sample_button = QPushButton("Open the sample comparison", self)
        self.session_button = QPushButton("Open session…", self)
        self.session_button.setEnabled(False)
        self.session_button.setToolTip("Saved sessions are not available in this version yet")
        self.add_button.clicked.connect(lambda: self.add_files_requested.emit())
        self.sample_button.clicked.connect(lambda: self.sample_requested.emit())
        self.session_button.clicked.connect(lambda: self.session_requested.emit())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.sample_button, self.session_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
