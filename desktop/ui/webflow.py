"""Reports from the web and the clipboard: dropped links, File ▸ Add from address…,
Edit ▸ Paste as report and Reload from the web. Fetching runs on the workspace's runner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from desktop.core.errors import CrosscheckError
from desktop.core.fetch import is_address
from desktop.core.model import Document
from desktop.core.webdoc import document_from_paste, first_line
from desktop.ui.actions import make_action
from desktop.ui.webdialogs import ask_addresses, ask_paste_title, split_addresses
from desktop.workers.workspace import DocState

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


def addresses_from_mime(mime: QMimeData) -> list[str]:
    """The http(s) addresses a drag or the clipboard carries (a browser's link or tab)."""
    found = [u.toString() for u in mime.urls() if u.scheme().lower() in ("http", "https")]
    if not found and mime.hasText() and not mime.hasUrls():
        found, _ = split_addresses(mime.text())
    return list(dict.fromkeys(found))


class WebFlow(QObject):
    """The window's actions for addresses and pasted text, and what they start."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = window.workspace
        self.add_address = make_action(
            window,
            "Add from a&ddress…",
            self.ask_for_addresses,
            shortcut="Ctrl+Shift+L",  # Ctrl+L links two statements (Review)
            tip="Fetch a web page and compare its article",
        )
        self.paste_report = make_action(
            window,
            "&Paste as report",
            self.paste_as_report,
            shortcut="Ctrl+Shift+V",
            tip="Turn the text (or web page part) on the clipboard into a report",
        )
        self.reload = make_action(
            window,
            "&Reload from the web",
            self.reload_selected,
            tip="Fetch the selected document's web page again",
        )
        self._place_actions()
        window.documents.table.selectionModel().selectionChanged.connect(self.update_enabled)
        self._workspace.entries_changed.connect(self.update_enabled)
        self.update_enabled()

    def _place_actions(self) -> None:
        """Beside their neighbours: Add a folder, Find, and the Documents dock's toolbar."""
        w = self._window
        menus = {a.text(): a.menu() for a in w.menuBar().actions() if a.menu() is not None}
        file_menu, edit_menu = menus.get("&File"), menus.get("&Edit")
        if isinstance(file_menu, QMenu):
            _insert_after(file_menu, w.actions_.add_folder, [self.add_address, self.reload])
        if isinstance(edit_menu, QMenu):
            edit_menu.insertAction(w.actions_.find, self.paste_report)
            edit_menu.insertSeparator(w.actions_.find)
        w.documents.toolbar.addAction(self.reload)

    # -- adding --------------------------------------------------------------------------------
    def add_addresses(self, urls: list[str]) -> int:
        """Fetch pages into the comparison (into an empty one: the reference is named)."""
        if not urls:
            return 0
        if self._workspace.is_empty():
            self._window.reference_note.expect()
        return self._workspace.add_addresses(urls)

    def drop(self, mime: QMimeData) -> bool:
        """Take the addresses of a drop; False when it carries none."""
        return self.add_addresses(addresses_from_mime(mime)) > 0

    def ask_for_addresses(self) -> None:
        """File ▸ Add from address…, offering what the clipboard holds when it is an address."""
        clipboard = QGuiApplication.clipboard().mimeData()
        suggestion = "\n".join(addresses_from_mime(clipboard)) if clipboard else ""
        self.add_addresses(ask_addresses(self._window, suggestion))

    def paste_as_report(self) -> None:
        """Edit ▸ Paste as report: addresses are fetched, text or HTML becomes a report."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        urls, other = split_addresses(text)
        if urls and not other:
            self.add_addresses(urls)
            return
        if not text.strip() and not html.strip():
            self._window.messages.show_message("The clipboard holds no text to paste.")
            return
        title = ask_paste_title(self._window, first_line(text), text)
        if title is None:
            return
        # The article extractor may take a moment on a large page: off the GUI thread.
        self._window.runner.submit(
            lambda _task: document_from_paste(text, html_text=html or None, title=title),
            self._on_paste_read,
            self._on_paste_failed,
        )

    def _on_paste_read(self, doc: Document) -> None:
        entries = self._workspace.entries
        twin = next((e for e in entries if e.document and e.document.id == doc.id), None)
        if twin is not None:
            self._window.messages.show_message(
                f"That text is already in the comparison (“{twin.name}”)."
            )
            return
        if self._workspace.is_empty():
            self._window.reference_note.expect()
        self._workspace.add_documents([doc])

    def _on_paste_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CrosscheckError):
            raise exc  # a bug: the exception hook logs it and offers the details
        self._window.messages.show_message(f"Could not paste: {exc}", level="error")

    # -- reloading -----------------------------------------------------------------------------
    def _selected_address(self) -> str | None:
        key = self._window.documents.current_key()
        return key if key is not None and is_address(key) else None

    def reload_selected(self) -> None:
        """Fetch the selected document's page again; its earlier text stays if that fails."""
        key = self._selected_address()
        if key is not None:
            self._workspace.reload(key)

    def update_enabled(self, *_args: object) -> None:
        """Reload only for a document with an address that is not being fetched right now."""
        key = self._selected_address()
        states = {e.key: e.state for e in self._workspace.entries}
        self.reload.setEnabled(key in states and states[key] is not DocState.LOADING)


def _insert_after(menu: QMenu, anchor: QAction, actions: list[QAction]) -> None:
    items = menu.actions()
    following = items[items.index(anchor) + 1] if anchor in items[:-1] else None
    for action in actions:
        if following is None:
            menu.addAction(action)
        else:
            menu.insertAction(following, action)
