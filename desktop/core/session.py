"""Session files (``.crosscheck``): documents with their text, options, review and view state.

A session is JSON, never pickle: opening a file must not run code. It stores each document's
extracted text, so a session still opens when a source file has moved or changed, and the
statement ids (hence the review decisions) come back the same. Every file is checked against
``session.schema.json`` and a few size limits before any of it is used.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import os
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from desktop import __version__
from desktop.core.atomic import describe_os_error, write_text_atomic
from desktop.core.errors import ExportError, LoadError, SessionError
from desktop.core.model import (
    Action,
    CompareOptions,
    Comparison,
    Decision,
    Document,
    Paragraph,
    Verdict,
)

FORMAT_NAME: Final = "crosscheck-session"
FORMAT_VERSION: Final = 1
SUFFIX: Final = ".crosscheck"
MAX_SESSION_BYTES: Final = 200 * 1024 * 1024
MAX_DEPTH: Final = 32  # JSON nesting; a version-1 file needs 5 plus the view's own
SCHEMA_PATH: Final = Path(__file__).with_name("session.schema.json")

# A size limit that fails means a hostile or absurd file, not a damaged one.
_SIZE_VALIDATORS = {"maxLength", "maxItems", "maxProperties"}
_PROBLEMS = {
    "maxLength": "is too long",
    "maxItems": "has too many entries",
    "maxProperties": "has too many entries",
    "required": "lacks a required field",
    "type": "has the wrong type",
    "pattern": "is not in the expected form",
    "enum": "has a value this version of Crosscheck does not know",
    "const": "has a value this version of Crosscheck does not know",
    "minimum": "is out of range",
    "maximum": "is out of range",
    "minItems": "is empty",
    "uniqueItems": "repeats an entry",
}


@dataclass(frozen=True)
class SessionDocument:
    """A document as a session stores it: what was extracted, and where it came from."""

    path: str
    sha256: str
    format: str
    title: str
    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    published: str | None = None
    outlet: str | None = None
    url: str | None = None  # a page fetched from the web: its address (never fetched again
    retrieved: str | None = None  # by opening the session) and when it was fetched

    @property
    def id(self) -> str:
        """The document id, as ``Document.id``: the first 12 hex digits of the SHA-256."""
        return self.sha256[:12]

    @classmethod
    def from_document(cls, doc: Document) -> SessionDocument:
        """Keep what is needed to rebuild ``doc`` exactly."""
        return cls(
            doc.path,
            doc.sha256,
            doc.format,
            doc.title,
            doc.text,
            doc.paragraphs,
            doc.published,
            doc.outlet,
            doc.url,
            doc.retrieved,
        )


@dataclass(frozen=True)
class Session:
    """Everything a user gets back when they reopen their work."""

    documents: tuple[SessionDocument, ...]
    reference_id: str
    options: CompareOptions = field(default_factory=CompareOptions)
    decisions: tuple[Decision, ...] = ()
    view: Mapping[str, Any] = field(default_factory=dict)  # selected report, splitter sizes...

    @property
    def reference(self) -> SessionDocument:
        """The reference document."""
        return self.document(self.reference_id)

    def document(self, document_id: str) -> SessionDocument:
        """Return the stored document with that id (KeyError when absent)."""
        for doc in self.documents:
            if doc.id == document_id:
                return doc
        raise KeyError(document_id)


class SourceStatus(enum.Enum):
    """How a document's source file compares with what the session stored."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"  # the file's bytes differ (its SHA-256 changed)
    MISSING = "missing"  # the file is gone or cannot be read


@dataclass(frozen=True)
class SourceState:
    """The state of one document's source file."""

    document_id: str
    path: str
    status: SourceStatus


# ---------------------------------------------------------------- workspace <-> session


def session_from_workspace(
    documents: Sequence[Document],
    reference_id: str,
    options: CompareOptions | None = None,
    decisions: Sequence[Decision] = (),
    view: Mapping[str, Any] | None = None,
) -> Session:
    """Capture the open documents, the options, the review and the view state."""
    if reference_id not in {d.id for d in documents}:
        raise ValueError(f"the reference {reference_id!r} is not among the documents")
    return Session(
        tuple(SessionDocument.from_document(d) for d in documents),
        reference_id,
        options or CompareOptions(),
        tuple(decisions),
        dict(view or {}),
    )


def documents_from_session(session: Session) -> list[Document]:
    """Rebuild the documents from their stored text, the reference first (same ids)."""
    from desktop.core.loaders import build_document

    ordered = [session.reference, *(d for d in session.documents if d.id != session.reference_id)]
    return [
        build_document(
            d.text,
            path=d.path,
            fmt=d.format,
            sha256=d.sha256,
            title=d.title,
            paragraphs=d.paragraphs,
            published=d.published,
            outlet=d.outlet,
            url=d.url,
            retrieved=d.retrieved,
        )
        for d in ordered
    ]


def comparison_from_session(
    session: Session,
    *,
    options: CompareOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Comparison:
    """Compare the stored documents again and apply the stored review decisions."""
    from desktop.core.compare import compare_documents

    docs = documents_from_session(session)
    return compare_documents(
        docs[0],
        docs[1:],
        options=options or session.options,
        progress=progress,
        should_cancel=should_cancel,
        decisions=session.decisions,
    )


# ---------------------------------------------------------------- source files


def check_sources(session: Session) -> list[SourceState]:
    """Whether each document's source file is still there and still the same.

    Pages from the web and pasted texts have no file: they are left out (a session never
    fetches an address by itself; reloading one is the user's explicit choice).
    """
    files = (d for d in session.documents if d.path and d.url is None)
    return [SourceState(d.id, d.path, _source_status(d)) for d in files]


def _source_status(doc: SessionDocument) -> SourceStatus:
    digest = hashlib.sha256()
    if not Path(doc.path).is_file():  # also refuses pipes and devices, which could block
        return SourceStatus.MISSING
    try:
        with open(doc.path, "rb") as handle:
            for chunk in iter(functools.partial(handle.read, 1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return SourceStatus.MISSING
    return SourceStatus.UNCHANGED if digest.hexdigest() == doc.sha256 else SourceStatus.CHANGED


def reload_document(session: Session, document_id: str) -> Session:
    """Read a document's source file again; the new version takes the old one's place.

    Raises ``LoadError`` when the file cannot be read. Decisions about the old version are
    kept: those whose statements no longer exist show up as orphaned, never lost.
    """
    from desktop.core.loaders import load_document

    old = session.document(document_id)
    fresh = SessionDocument.from_document(load_document(old.path))
    if fresh.id != document_id and fresh.id in {d.id for d in session.documents}:
        raise LoadError(old.path, "the file now holds the same text as another open document")
    documents = tuple(fresh if d.id == document_id else d for d in session.documents)
    reference = fresh.id if session.reference_id == document_id else session.reference_id
    return Session(documents, reference, session.options, session.decisions, session.view)


# ---------------------------------------------------------------- writing


def session_to_dict(session: Session) -> dict[str, Any]:
    """The JSON form of a session (what ``write_session`` writes)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generator": f"Crosscheck {__version__}",
        "reference": session.reference_id,
        "documents": [_document_to_dict(d) for d in session.documents],
        "options": session.options.to_json(),
        "decisions": [_decision_to_dict(d) for d in session.decisions],
        "view": dict(session.view),
    }


def _document_to_dict(doc: SessionDocument) -> dict[str, Any]:
    web = {"url": doc.url, "retrieved": doc.retrieved} if doc.url is not None else {}
    return {
        **web,
        "id": doc.id,
        "path": doc.path,
        "sha256": doc.sha256,
        "format": doc.format,
        "title": doc.title,
        "published": doc.published,
        "outlet": doc.outlet,
        "text": doc.text,
        "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in doc.paragraphs],
    }


def _decision_to_dict(decision: Decision) -> dict[str, Any]:
    return {
        "reference": decision.reference,
        "other": decision.other,
        "action": decision.action.value,
        "verdict": decision.verdict.value if decision.verdict else None,
        "note": decision.note,
    }


def write_session(session: Session, path: str | Path) -> None:
    """Save ``session`` to ``path`` atomically: an earlier file survives any failure."""
    data = session_to_dict(session)
    try:
        text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise SessionError(path, f"the view state cannot be saved as JSON ({exc})") from exc
    # Refuse to write a file that reading would refuse, so no one saves work they cannot open.
    try:
        _validate(path, data)
    except SessionError as exc:
        reason = exc.reason.replace("the session file is damaged: ", "", 1)
        raise SessionError(
            path, f"could not save the session: it would not open again ({reason})"
        ) from exc
    if len(text.encode("utf-8")) > MAX_SESSION_BYTES:
        raise SessionError(path, "the session is too large to save (over 200 MB)")
    try:
        write_text_atomic(path, text + "\n")
    except ExportError as exc:
        raise SessionError(path, f"could not save the session: {exc.reason}") from exc


# ---------------------------------------------------------------- reading


def read_session(path: str | Path) -> Session:
    """Open a session file; raises ``SessionError`` with one clear sentence when it cannot."""
    data = _parse(path, _read_bytes(path))
    _check_header(path, data)
    if _depth(data) > MAX_DEPTH:
        raise SessionError(path, "the session file is nested too deeply to open safely")
    _validate(path, data)
    _check_consistency(path, data)
    return _session_from_dict(data)


def _read_bytes(path: str | Path) -> bytes:
    try:
        info = os.stat(path)
        # A folder, a pipe or a device is refused before open(), which could block on them.
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise SessionError(path, f"this is {kind}, not a session file")
        if info.st_size > MAX_SESSION_BYTES:
            raise SessionError(path, "the file is too large to be a session (over 200 MB)")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SESSION_BYTES + 1)
    except FileNotFoundError as exc:
        raise SessionError(path, "the file does not exist") from exc
    except OSError as exc:
        raise SessionError(path, f"the file cannot be read: {describe_os_error(exc)}") from exc
    if len(raw) > MAX_SESSION_BYTES:
        raise SessionError(path, "the file is too large to be a session (over 200 MB)")
    if not raw.strip():
        raise SessionError(path, "the file is empty")
    return raw


def _parse(path: str | Path, raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionError(path, "this is not a Crosscheck session file (it is not text)") from exc
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise SessionError(path, "the session file is nested too deeply to open safely") from exc
    except json.JSONDecodeError as exc:
        stripped = text.strip()
        # Every session ends with its closing brace; a file without it was cut off.
        if stripped.startswith("{") and not stripped.endswith("}"):
            reason = "the session file is cut short; it was probably not saved completely"
        elif text.lstrip().startswith("{"):
            reason = f"the session file is damaged (invalid JSON at line {exc.lineno})"
        else:
            reason = "this is not a Crosscheck session file"
        raise SessionError(path, reason) from exc


def _check_header(path: str | Path, data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise SessionError(path, "this is not a Crosscheck session file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionError(path, "the session file is damaged: its version is not a number")
    if version > FORMAT_VERSION:
        raise SessionError(
            path,
            f"this session was made by a newer Crosscheck (version "
            f"{version}); update Crosscheck to open it",
        )


def _depth(data: Any) -> int:
    """The nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return deepest


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _validate(path: str | Path, data: Any) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(data))
    if error is None:
        return
    where = error.json_path.removeprefix("$").removeprefix(".") or "the top level"
    problem = _PROBLEMS.get(str(error.validator), "is not valid")
    if error.validator in _SIZE_VALIDATORS:
        limit = error.validator_value
        raise SessionError(
            path,
            f"the session file is too large to open safely: {where} "
            f"{problem} (the limit is {limit})",
        )
    raise SessionError(path, f"the session file is damaged: {where} {problem}")


def _check_consistency(path: str | Path, data: dict[str, Any]) -> None:
    ids = [d["id"] for d in data["documents"]]
    if len(set(ids)) != len(ids):
        raise SessionError(path, "the session file is damaged: a document appears twice")
    if data["reference"] not in ids:
        raise SessionError(path, "the session file is damaged: its reference document is missing")
    for number, doc in enumerate(data["documents"], 1):
        if doc["id"] != doc["sha256"][:12]:
            raise SessionError(
                path,
                f"the session file is damaged: document {number} has "
                "an id that does not match its checksum",
            )
        size = len(doc["text"])
        if any(not p["start"] <= p["end"] <= size for p in doc["paragraphs"]):
            raise SessionError(
                path,
                f"the session file is damaged: document {number} has paragraphs outside its text",
            )


def _session_from_dict(data: dict[str, Any]) -> Session:
    documents = tuple(
        SessionDocument(
            d["path"],
            d["sha256"],
            d["format"],
            d["title"],
            d["text"],
            tuple(
                Paragraph(p["start"], p["end"], p.get("kind", "paragraph")) for p in d["paragraphs"]
            ),
            d.get("published"),
            d.get("outlet"),
            d.get("url"),
            d.get("retrieved"),
        )
        for d in data["documents"]
    )
    decisions = tuple(
        Decision(
            d["reference"],
            d["other"],
            Action(d["action"]),
            Verdict(d["verdict"]) if d.get("verdict") else None,
            d.get("note", ""),
        )
        for d in data["decisions"]
    )
    return Session(
        documents,
        data["reference"],
        CompareOptions.from_json(data["options"]),
        decisions,
        data["view"],
    )
