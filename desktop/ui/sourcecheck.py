"""Opening a session whose source files changed or vanished: say so per document, offer to
reload from disk or keep the stored text, and keep aside the decisions that no longer apply."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import LoadError
from desktop.core.model import Comparison, Decision, Document
from desktop.core.review import orphaned_decisions
from desktop.core.session import (
    Session,
    SourceState,
    SourceStatus,
    check_sources,
    documents_from_session,
    reload_document,
)
from desktop.ui.messagebar import headless

STATUS_TEXT = {
    SourceStatus.CHANGED: "changed on disk since the session was saved",
    SourceStatus.MISSING: "missing (moved, deleted or unreadable); the stored text is used",
}

ChooseReloads = Callable[[Session, list[SourceState]], set[str]]


def source_problems(session: Session) -> list[SourceState]:
    """The documents whose source file changed or is missing."""
    return [s for s in check_sources(session) if s.status is not SourceStatus.UNCHANGED]


def describe_problem(session: Session, state: SourceState) -> str:
    """One line a person understands: which document, which file, what happened."""
    title = session.document(state.document_id).title
    return f"“{title}” ({Path(state.path).name}): {STATUS_TEXT[state.status]}"


class SourceCheckDialog(QDialog):
    """Lists each changed or missing source; changed ones can be ticked for reloading."""

    def __init__(
        self, session: Session, problems: list[SourceState], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Source files differ from the session")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "These documents are not what the session stored. Tick the changed ones to "
                "read again from disk; the others keep the text saved in the session.",
                self,
            )
        )
        self.list = QListWidget(self)
        for state in problems:
            item = QListWidgetItem(describe_problem(session, state), self.list)
            item.setData(Qt.ItemDataRole.UserRole, state.document_id)
            if state.status is SourceStatus.CHANGED:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        reload = buttons.addButton(
            "&Reload ticked from disk", QDialogButtonBox.ButtonRole.AcceptRole
        )
        keep = buttons.addButton("&Keep stored text", QDialogButtonBox.ButtonRole.RejectRole)
        reload.clicked.connect(self.accept)
        keep.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 260)

    def ticked(self) -> set[str]:
        """Ids of the documents ticked for reloading."""
        items = (self.list.item(n) for n in range(self.list.count()))
        return {
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        }


def ask_reloads(parent: QWidget | None) -> ChooseReloads:
    """The default question: a dialog for a person, none (keep stored text) when headless."""

    def choose(session: Session, problems: list[SourceState]) -> set[str]:
        if headless():
            return set()
        dialog = SourceCheckDialog(session, problems, parent)
        return dialog.ticked() if dialog.exec() == QDialog.DialogCode.Accepted else set()

    return choose


def reload_sources(session: Session, ids: Iterable[str]) -> tuple[Session, list[str]]:
    """Reload those documents from disk; a file that fails keeps its stored text."""
    failures = []
    for doc_id in ids:
        try:
            session = reload_document(session, doc_id)
        except LoadError as exc:
            failures.append(f"{Path(exc.path).name}: {exc.reason}; the stored text is kept")
    return session, failures


@dataclass(frozen=True)
class PreparedSession:
    """A session made ready to show: its documents rebuilt, reloads done, orphans listed."""

    session: Session
    documents: list[Document]
    failures: list[str]  # reloads that failed, each with its reason
    orphans: list[str]  # decisions that no longer apply, described
    reloaded: bool  # some text now differs from the file's


def prepare_session(session: Session, reload_ids: Iterable[str] = ()) -> PreparedSession:
    """Reload the chosen sources and rebuild every document (worker thread: no widgets)."""
    reloaded, failures = reload_sources(session, reload_ids)
    documents = documents_from_session(reloaded)
    orphans: list[str] = []
    if reloaded is not session:
        bare = Comparison(documents[0], tuple(documents[1:]), (), ())  # ids are all it needs
        found = orphaned_decisions(bare, reloaded.decisions)
        orphans = describe_orphans(session, found) if found else []
    return PreparedSession(reloaded, documents, failures, orphans, reloaded is not session)


def describe_orphans(before: Session, orphans: list[Decision]) -> list[str]:
    """Each orphaned decision with the statements it was about, from the text stored before."""
    texts = {s.id: s.text for d in documents_from_session(before) for s in d.statements}
    lines = []
    for d in orphans:
        verdict = f" → {d.verdict.value}" if d.verdict else ""
        note = f" (note: {d.note})" if d.note else ""
        left, right = texts.get(d.reference, d.reference), texts.get(d.other, d.other)
        lines.append(f"{d.action.value}{verdict}: “{left}” / “{right}”{note}")
    return lines
