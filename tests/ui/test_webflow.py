"""Reports from the web in the window: a dropped link, Add from address, Paste as report,
Reload from the web; pages come from the local test server on 127.0.0.1 only."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication

from desktop.core.errors import NoConnection
from desktop.core.fetch import NO_CONNECTION
from desktop.core.model import Verdict
from desktop.ui import webflow
from desktop.ui.documentmodel import TITLE
from desktop.ui.mainwindow import MainWindow
from desktop.ui.webflow import addresses_from_mime
from desktop.workers.runner import SyncRunner, TaskRunner
from desktop.workers.workspace import DocState
from tests.factories import HEADLINE, PARAGRAPHS, Spec, make_txt, news_text
from tests.webserver import TEST_OPTIONS, WebServer, web_server

__all__ = ["web_server"]  # the fixture, imported for the tests below
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDropEvent's constructor


def uri_list(*urls: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(u) for u in urls])
    return mime


def drop(window: MainWindow, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(
        QPointF(30, 30),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    return event


@pytest.fixture
def real_window(qtbot):
    """The real engine on the real thread pool, allowed to reach the local test server."""
    runner = TaskRunner()
    window = MainWindow(runner=runner)
    qtbot.addWidget(window)
    window.workspace.fetch_options = TEST_OPTIONS
    window.show()
    yield window
    runner.shutdown()
    window.close()


def test_a_link_dropped_from_a_browser_is_fetched_and_compared(
    real_window, qtbot, web_server: WebServer, tmp_path
) -> None:
    ws = real_window.workspace
    reference = make_txt(tmp_path, "ref.txt", news_text(Spec(title="Drone deal agreed")))
    real_window.add_paths([reference])
    qtbot.waitUntil(lambda: not ws.busy, timeout=30000)
    mime = uri_list(web_server.url("/article"))
    enter = QDragEnterEvent(
        real_window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    real_window.dragEnterEvent(enter)
    assert enter.isAccepted()
    assert drop(real_window, mime).isAccepted()
    qtbot.waitUntil(
        lambda: ws.comparison is not None and len(ws.comparison.reports) == 1, timeout=30000
    )
    (report,) = ws.comparison.reports
    assert (report.title, report.url) == (HEADLINE, web_server.url("/article"))
    assert ws.comparison.reference.path == str(reference)
    assert any(link.verdict is Verdict.AGREE for link in ws.comparison.links)
    row = real_window.documents.model.row_of(web_server.url("/article"))
    tip = real_window.documents.model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert f"{web_server.url('/article')}\nFetched " in tip


def test_cancel_stops_a_slow_page_and_the_window_goes_on(
    real_window, qtbot, web_server: WebServer
) -> None:
    ws = real_window.workspace
    real_window.web.add_addresses([web_server.url("/slow")])
    assert ws.busy and real_window.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: "/slow" in web_server.requests, timeout=10000)
    real_window.actions_.cancel.trigger()
    entry = ws.entry(web_server.url("/slow"))
    assert (entry.state, entry.error) == (DocState.FAILED, "loading was cancelled")
    assert not ws.busy
    assert real_window.runner.wait(10000)  # the fetch noticed the cancel and ended


@pytest.fixture
def window(qtbot):
    """A window on a synchronous runner with the real engine (tests here need real pages)."""
    win = MainWindow(runner=SyncRunner())
    qtbot.addWidget(win)
    win.workspace.fetch_options = TEST_OPTIONS
    win.show()
    return win


def test_add_from_address_fetches_every_address_given(
    window, web_server: WebServer, monkeypatch
) -> None:
    asked: list[str] = []

    def ask(parent, suggestion=""):
        asked.append(suggestion)
        return [web_server.url("/article"), web_server.url("/missing")]

    monkeypatch.setattr(webflow, "ask_addresses", ask)
    QGuiApplication.clipboard().setText(web_server.url("/plain"))
    window.web.add_address.trigger()
    assert asked == [web_server.url("/plain")]  # the clipboard's address is offered
    entries = {e.key: e for e in window.workspace.entries}
    assert entries[web_server.url("/article")].state is DocState.READY
    missing = entries[web_server.url("/missing")]
    assert (missing.state, missing.error) == (DocState.FAILED, "the server answered 404 Not Found")
    assert window.web.add_address.shortcut().toString() == "Ctrl+Shift+L"


def test_a_private_address_is_refused_unless_allowed(window, web_server: WebServer) -> None:
    window.workspace.fetch_options = dataclasses.replace(TEST_OPTIONS, allow_private=False)
    drop(window, uri_list(web_server.url("/article")))
    (entry,) = window.workspace.entries
    assert entry.state is DocState.FAILED
    assert entry.error.startswith("the address leads to this computer (127.0.0.1)")
    assert window.messages.history[-1].text.startswith(f"Could not open {entry.key}: ")
    assert web_server.requests == []


def test_offline_the_address_stays_and_reload_fetches_it_later(
    window, web_server: WebServer, monkeypatch
) -> None:
    url = web_server.url("/article")
    real = window.workspace._engine.load_address

    def offline(address, **kwargs):
        raise NoConnection(address, NO_CONNECTION)

    engine = window.workspace._engine
    monkeypatch.setattr(
        window.workspace, "_engine", dataclasses.replace(engine, load_address=offline)
    )
    window.web.add_addresses([url])
    entry = window.workspace.entry(url)
    assert (entry.state, entry.error) == (DocState.FAILED, NO_CONNECTION)
    window.documents.select(url)
    assert window.web.reload.isEnabled()
    monkeypatch.setattr(window.workspace, "_engine", dataclasses.replace(engine, load_address=real))
    window.web.reload.trigger()
    assert window.workspace.entry(url).state is DocState.READY


def test_a_failed_reload_keeps_the_earlier_text(window, web_server: WebServer, tmp_path) -> None:
    window.add_paths([make_txt(tmp_path, "ref.txt", news_text())])
    url = web_server.url("/article")
    window.web.add_addresses([url])
    before = window.workspace.entry(url)
    assert before.state is DocState.READY and window.workspace.comparison is not None
    window.documents.select(url)
    window.web.reload.trigger()  # the same page again: same text, same id, same review
    assert window.workspace.entry(url).document.id == before.document.id
    window.workspace.fetch_options = dataclasses.replace(TEST_OPTIONS, allow_private=False)
    window.web.reload.trigger()
    assert window.workspace.entry(url) == before
    assert window.messages.history[-1].text.startswith(f"Could not reload {url}: ")
    assert "the earlier text is kept" in window.messages.history[-1].text


def test_reload_is_only_for_documents_with_an_address(window, tmp_path) -> None:
    path = make_txt(tmp_path, "ref.txt", news_text())
    window.add_paths([path])
    window.documents.select(str(path.resolve()))
    assert not window.web.reload.isEnabled()


def test_paste_as_report_takes_the_first_line_as_title(window, tmp_path, monkeypatch) -> None:
    window.add_paths([make_txt(tmp_path, "ref.txt", news_text(Spec(title="Drone deal agreed")))])
    titles: list[str] = []

    def ask(parent, title, text):
        titles.append(title)
        return title + " (pasted)"

    monkeypatch.setattr(webflow, "ask_paste_title", ask)
    QGuiApplication.clipboard().setText(news_text())
    window.web.paste_report.trigger()
    assert titles == [HEADLINE]
    reports = window.workspace.comparison.reports
    assert [r.title for r in reports] == [f"{HEADLINE} (pasted)"]
    assert reports[0].url is None and PARAGRAPHS[0] in reports[0].text
    window.web.paste_report.trigger()  # the same text twice is one report
    assert len(window.workspace.comparison.reports) == 1
    assert "already in the comparison" in window.messages.history[-1].text


def test_pasted_html_goes_through_the_article_extractor(window) -> None:
    mime = QMimeData()
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    mime.setHtml(f"<html><body><nav>Home · World</nav><article>{body}</article></body></html>")
    mime.setText("Home · World\n" + "\n".join(PARAGRAPHS))
    QGuiApplication.clipboard().setMimeData(mime)
    window.web.paste_report.trigger()
    (doc,) = window.workspace.documents
    assert doc.format == "html" and "Home" not in doc.text


def test_an_empty_clipboard_says_so(window) -> None:
    QGuiApplication.clipboard().setText("")
    window.web.paste_report.trigger()
    assert window.workspace.is_empty()
    assert window.messages.history[-1].text == "The clipboard holds no text to paste."


def test_addresses_from_mime() -> None:
    assert addresses_from_mime(uri_list("https://a.example/x", "file:///tmp/a.txt")) == [
        "https://a.example/x"
    ]
    text = QMimeData()
    text.setText("see https://a.example/x and\nhttp://b.example/y")
    assert addresses_from_mime(text) == ["https://a.example/x", "http://b.example/y"]
    assert addresses_from_mime(QMimeData()) == []


def test_no_two_actions_of_the_window_share_a_shortcut(window) -> None:
    """An ambiguous shortcut does nothing at all in Qt (Ctrl+L was Review ▸ Link already)."""
    from collections import Counter

    from PySide6.QtGui import QAction

    used = Counter(
        key.toString() for action in window.findChildren(QAction) for key in action.shortcuts()
    )
    assert [key for key, count in used.items() if count > 1] == []
    assert window.web.paste_report.shortcut().toString() == "Ctrl+Shift+V"


def test_local_addresses_are_a_preference_off_by_default(window, web_server: WebServer) -> None:
    from desktop.ui.persistence import open_preferences

    window.workspace.fetch_options = TEST_OPTIONS
    dialog = open_preferences(window)
    assert not dialog.allow_local.isChecked()
    dialog.accept()
    assert window.workspace.fetch_options.allow_private is False
    dialog = open_preferences(window)
    dialog.allow_local.setChecked(True)
    dialog.accept()
    assert window.settings_.preferences().allow_local_addresses is True
    drop(window, uri_list(web_server.url("/article")))
    assert [e.state for e in window.workspace.entries] == [DocState.READY]


def test_the_dock_opens_a_page_in_the_browser(window, web_server: WebServer, monkeypatch) -> None:
    from desktop.ui import documentdock

    url = web_server.url("/article")
    window.web.add_addresses([url])
    window.documents.select(url)
    opened: list[str] = []
    monkeypatch.setattr(
        documentdock.QDesktopServices, "openUrl", lambda link: opened.append(link.toString())
    )
    action = window.documents.reveal_action
    assert action.isEnabled() and action.toolTip() == "Open the page in the web browser"
    action.trigger()
    assert opened == [url]


def test_cancel_during_a_reload_keeps_the_earlier_text(
    real_window, qtbot, web_server: WebServer
) -> None:
    ws = real_window.workspace
    url = web_server.url("/article")
    real_window.web.add_addresses([url])
    qtbot.waitUntil(lambda: not ws.busy, timeout=30000)
    before = ws.entry(url)
    assert before.state is DocState.READY
    web_server.slow.add("/article")
    ws.reload(url)  # the page now answers slowly: the user gives up
    assert ws.entry(url).state is DocState.LOADING
    assert ws.entry(url).document == before.document  # still shown while it loads
    qtbot.waitUntil(lambda: web_server.requests.count("/article") == 2, timeout=10000)
    ws.cancel()
    assert ws.entry(url) == before
    assert real_window.runner.wait(10000)


def test_a_saved_session_reopens_a_page_without_fetching_it(
    window, qtbot, web_server: WebServer, tmp_path
) -> None:
    window.add_paths([make_txt(tmp_path, "ref.txt", news_text(Spec(title="Drone deal agreed")))])
    url = web_server.url("/article")
    window.web.add_addresses([url])
    saved = tmp_path / "web.crosscheck"
    assert window.sessions.save_to(saved)
    fetched = list(web_server.requests)
    again = MainWindow(runner=SyncRunner())
    qtbot.addWidget(again)
    assert again.sessions.open_path(saved)
    qtbot.waitUntil(lambda: again.workspace.comparison is not None, timeout=30000)
    assert web_server.requests == fetched  # the stored text, no request
    (report,) = again.workspace.comparison.reports
    assert (report.url, report.retrieved) == (url, window.workspace.entry(url).document.retrieved)
    again.documents.select(url)
    assert again.web.reload.isEnabled()  # fetching again is the user's choice
