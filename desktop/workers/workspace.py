"""The workspace: documents, reference, options and review decisions, apart from any widget.

Loading and comparing run on the runner; the results come back here on the GUI thread and
are announced with signals. ``changed`` fires whenever something a session stores changes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.core.errors import Cancelled, CrosscheckError, LoadError
from desktop.core.fetch import FetchOptions, is_address
from desktop.core.loaders import expand_paths
from desktop.core.lookup import ComparisonLookup
from desktop.core.model import (
    CompareOptions,
    Comparison,
    Decision,
    Document,
    Skipped,
    clamp_threshold,
)
from desktop.workers.comparejob import CompareJob
from desktop.workers.docentry import DocEntry, DocState, display_key
from desktop.workers.engine import Engine
from desktop.workers.recent import Inputs, RecentComparisons, inputs_of
from desktop.workers.runner import Runner, Task

__all__ = [
    "DUPLICATE_REASON",
    "LOAD_REPORT_INTERVAL",
    "DocEntry",
    "DocState",
    "Workspace",
    "display_key",
]

LOAD_REPORT_INTERVAL = 0.05  # seconds between "Loading… n of m" updates
DUPLICATE_REASON = "the same text is already open from another file"


class Workspace(QObject):
    """State of the comparison the window shows, and the work that keeps it current."""

    changed = Signal()  # anything a session stores: documents, reference, options, decisions
    entries_changed = Signal()
    comparison_changed = Signal(object)  # Comparison | None
    busy_changed = Signal(bool)
    progressed = Signal(str, int, int)  # what, done, total
    message = Signal(str)

    def __init__(
        self, runner: Runner, *, engine: Engine | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._engine = engine or Engine()
        self._entries: list[DocEntry] = []
        self._reference: str | None = None
        self._options = CompareOptions()
        self._decisions: dict[tuple[str, str], Decision] = {}
        self._comparison: Comparison | None = None
        self._lookup: ComparisonLookup | None = None
        self._loads: dict[str, Task | None] = {}
        self._job = CompareJob(
            runner,
            started=self._update_busy,
            done=self._on_compared,
            failed=self._on_compare_failed,
            progressed=lambda done, total: self.progressed.emit("Comparing", done, total),
        )
        self._busy = False
        self._outside: Task | None = None  # other work shown as this workspace's (sessions)
        self._load_total = 0
        self._last_load_report = 0.0
        self.fetch_options = FetchOptions()  # the window sets it from the preferences
        self._reloading: dict[str, DocEntry] = {}  # what a reload from the web replaces
        self._recent = RecentComparisons()  # undo, redo, a threshold moved back: no new work
        self._job_inputs: Inputs | None = None  # what the comparison under way is made of

    # -- what the views read -------------------------------------------------------------
    @property
    def entries(self) -> tuple[DocEntry, ...]:
        """Every file, in list order."""
        return tuple(self._entries)

    @property
    def reference_key(self) -> str | None:
        """The key of the reference entry."""
        return self._reference

    @property
    def options(self) -> CompareOptions:
        """The engine options in force."""
        return self._options

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """The reviewer's decisions, oldest first (one per pair of statements)."""
        return tuple(self._decisions.values())

    @property
    def comparison(self) -> Comparison | None:
        """The latest comparison, or None before the first one."""
        return self._comparison

    @property
    def lookup(self) -> ComparisonLookup | None:
        """Look-ups over the latest comparison, built on the worker that made it."""
        lookup = self._lookup
        return lookup if lookup is not None and lookup.comparison is self._comparison else None

    @property
    def busy(self) -> bool:
        """Whether loading or comparing is under way."""
        return self._busy

    @property
    def comparing(self) -> bool:
        """Whether a comparison is under way."""
        return self._job.running

    @property
    def documents(self) -> tuple[Document, ...]:
        """The loaded documents in list order (what a session stores)."""
        return tuple(
            e.document
            for e in self._entries
            if e.state is DocState.READY and e.document is not None
        )

    @property
    def reference_id(self) -> str | None:
        """The reference document's id, when it is loaded."""
        doc = self._reference_document()
        return doc.id if doc else None

    def entry(self, key: str) -> DocEntry:
        """The entry with that key (KeyError when absent)."""
        for entry in self._entries:
            if entry.key == key:
                return entry
        raise KeyError(key)

    def is_empty(self) -> bool:
        """No file at all."""
        return not self._entries

    # -- documents ---------------------------------------------------------------------------
    def add_paths(self, paths: Iterable[str | Path]) -> int:
        """Load files and folders (folders filtered to supported formats); returns files added."""
        files = expand_paths(paths, supported=self._engine.supported)
        known = {e.key for e in self._entries}
        fresh = []
        for path in files:
            key = str(path.resolve()) if path.exists() else str(path.absolute())
            if key not in known:
                known.add(key)
                fresh.append(key)
        if not fresh:
            if files:
                self.message.emit("Those files are already in the comparison.")
            else:
                self.message.emit("No supported files there.")
            return 0
        return self._start_loads(fresh)

    def add_addresses(self, urls: Iterable[str]) -> int:
        """Fetch web pages (on the runner, like files); returns the addresses added."""
        known = {e.key for e in self._entries}
        fresh = list(dict.fromkeys(u.strip() for u in urls if u.strip() not in known))
        if not fresh:
            self.message.emit("Those addresses are already in the comparison.")
            return 0
        return self._start_loads(fresh)

    def reload(self, key: str) -> None:
        """Fetch a web page again (explicitly: sessions never do); the old text stays on
        failure."""
        entry = self.entry(key)
        if not is_address(key) or key in self._loads:
            return
        if entry.state is DocState.READY:
            self._reloading[key] = entry
        self._replace(key, DocEntry(key, DocState.LOADING, entry.document))
        self._start_loads([key], added=False)

    def _start_loads(self, fresh: list[str], *, added: bool = True) -> int:
        if added:
            self._entries.extend(DocEntry(k, DocState.LOADING) for k in fresh)
        if self._reference is None:
            self._reference = fresh[0]
        self._load_total = len(self._loads) + len(fresh)
        # Placeholders first: a synchronous runner finishes each load inside submit().
        self._loads.update(dict.fromkeys(fresh))
        self._after_entries_change(compare=False)
        self.progressed.emit("Loading", self._load_total - len(self._loads), self._load_total)
        for key in fresh:
            task = self._runner.submit(
                partial(self._load, key),
                partial(self._on_loaded, key),
                partial(self._on_load_failed, key),
            )
            if key in self._loads:
                self._loads[key] = task
        return len(fresh)

    def _load(self, key: str, task: Task) -> Document:
        if is_address(key):
            return self._engine.load_address(
                key, options=self.fetch_options, should_cancel=task.is_cancelled
            )
        return self._engine.load(Path(key))  # no cancel flag: one file is quick

    def add_documents(
        self, documents: Sequence[Document], *, reference_id: str | None = None
    ) -> None:
        """Put already-loaded documents in (sessions); compares when the set is complete."""
        for doc in documents:
            known = {e.key for e in self._entries}
            key = doc.path if doc.path and doc.path not in known else doc.id  # pasted: no path
            self._entries.append(DocEntry(key, DocState.READY, doc))
            if self._reference is None or doc.id == reference_id:
                self._reference = key
        self._after_entries_change()

    def restore(
        self,
        documents: Sequence[Document],
        reference_id: str | None,
        options: CompareOptions,
        decisions: Iterable[Decision],
    ) -> None:
        """Replace everything with a saved state (sessions) and compare once."""
        self.cancel()
        self._entries, self._reference = [], None
        self._options = _in_range(options)
        self._decisions = {(d.reference, d.other): d for d in decisions}
        self.add_documents(documents, reference_id=reference_id)

    def remove(self, key: str) -> None:
        """Take a file out of the comparison."""
        if key in self._loads:
            task = self._loads.pop(key)
            if task is not None:
                task.cancel()
        self._reloading.pop(key, None)
        self._entries = [e for e in self._entries if e.key != key]
        if self._reference == key:
            self._reference = self._first_usable()
        self._after_entries_change()

    def move(self, key: str, delta: int) -> None:
        """Move a file up (negative) or down (positive) in the list."""
        index = [e.key for e in self._entries].index(key)
        target = max(0, min(len(self._entries) - 1, index + delta))
        if target == index:
            return
        self._entries.insert(target, self._entries.pop(index))
        self._after_entries_change()

    def set_reference(self, key: str) -> None:
        """Make that file the reference and compare again."""
        if self.entry(key).state is DocState.FAILED or key == self._reference:
            return
        self._reference = key
        self._after_entries_change()

    def clear(self) -> None:
        """Close every document and forget the review."""
        self.cancel()
        self._entries, self._reference, self._decisions = [], None, {}
        self._recent.clear()
        self._set_comparison(None)
        self._after_entries_change(compare=False)

    # -- options and review ------------------------------------------------------------------
    def set_options(self, options: CompareOptions) -> None:
        """Change the engine options and compare again (the threshold kept in its range)."""
        options = _in_range(options)
        if options == self._options:
            return
        self._options = options
        self.changed.emit()
        self.compare()

    def set_threshold(self, threshold: float) -> None:
        """Change the link threshold (minimum link score; the slider follows ``options``)."""
        self.set_options(replace(self._options, threshold=float(threshold)))

    def decide(self, decision: Decision, *, keep_note: bool = True) -> None:
        """Record a reviewer's decision (it replaces an earlier one on the same pair).

        A decision without a note keeps the earlier one's note, unless ``keep_note`` is False
        (the note itself was cleared).
        """
        pair = (decision.reference, decision.other)
        old = self._decisions.pop(pair, None)
        if keep_note and old is not None and not decision.note and old.note:
            decision = replace(decision, note=old.note)
        self._decisions[pair] = decision
        self.changed.emit()
        current = self._comparison
        if old is None and current is not None and not self._loads and not self._job.running:
            # A first decision on a pair only changes that link: apply it to the comparison
            # at hand (milliseconds) instead of comparing again (seconds with many reports).
            self._job_inputs = inputs_of(current, self._options, self.decisions)
            self._job.start(lambda task: self._engine.apply(current, (decision,)))
        else:
            self.compare()

    def undecide(self, reference: str, other: str) -> None:
        """Forget the decision on that pair: the engine's verdict comes back."""
        if self._decisions.pop((reference, other), None) is not None:
            self.changed.emit()
            self.compare()

    def set_decisions(self, decisions: Iterable[Decision]) -> None:
        """Replace every decision (sessions) and compare again."""
        self._decisions = {(d.reference, d.other): d for d in decisions}
        self.changed.emit()
        self.compare()

    # -- work ----------------------------------------------------------------------------------
    def compare(self) -> None:
        """Compare the reference with the ready reports (replacing any comparison under way)."""
        self._job.stop()
        reference = self._reference_document()
        if reference is None or self._loads:
            self._update_busy()
            return
        reports = tuple(
            e.document
            for e in self._entries
            if e.state is DocState.READY and e.key != self._reference and e.document
        )
        skipped = tuple(
            Skipped(e.key, e.error) for e in self._entries if e.state is DocState.FAILED
        )
        options, decisions = self._options, self.decisions
        inputs = inputs_of((reference, reports, skipped), options, decisions)
        made = self._recent.get(inputs)
        if made is not None:  # made moments ago from the very same inputs
            self._job_inputs = None
            self._on_compared(*made)
            return
        self._job_inputs = inputs
        self.progressed.emit("Comparing", 0, len(reports))

        def work(task: Task) -> Comparison:
            return self._engine.compare(
                reference,
                reports,
                options=options,
                progress=task.report,
                should_cancel=task.checkpoint,
                skipped=skipped,
                decisions=decisions,
            )

        self._job.start(work)

    def track(self, task: Task, what: str) -> None:
        """Show other work for this workspace (opening a session) as busy; Cancel stops it."""
        self._outside = task
        self._update_busy()
        self.progressed.emit(what, 0, 0)  # no count: the status bar shows a busy indicator

    def untrack(self, task: Task) -> None:
        """That work has ended (its callback ran, or it failed)."""
        if self._outside is task:
            self._outside = None
            self._update_busy()

    def cancel(self) -> None:
        """Stop loading and comparing; what was loaded stays."""
        if self._busy:
            self.message.emit("Cancelled.")
        if self._outside is not None:
            self._outside.cancel()
            self._outside = None
        for key, task in list(self._loads.items()):
            if task is not None:
                task.cancel()
            cancelled = DocEntry(key, DocState.FAILED, error="loading was cancelled")
            self._replace(key, self._reloading.pop(key, cancelled))
        self._loads.clear()
        self._job.stop()
        self._update_busy()
        self.entries_changed.emit()

    # -- callbacks (GUI thread) ----------------------------------------------------------------
    def _on_loaded(self, key: str, doc: Document) -> None:
        if key not in self._loads:
            return  # removed or cancelled meanwhile
        del self._loads[key]
        self._reloading.pop(key, None)
        twin = next(
            (e for e in self._entries if e.key != key and e.document and e.document.id == doc.id),
            None,
        )
        if twin is not None:
            reason = f"{DUPLICATE_REASON} ({display_key(twin.key)})"
            self._replace(key, DocEntry(key, DocState.FAILED, doc, reason))
        else:
            self._replace(key, DocEntry(key, DocState.READY, doc))
        self._after_load()

    def _on_load_failed(self, key: str, exc: BaseException) -> None:
        if key not in self._loads:
            return
        del self._loads[key]
        if isinstance(exc, LoadError):
            reason = exc.reason
        elif isinstance(exc, (CrosscheckError, OSError)):
            reason = str(exc)
        else:
            reason = f"unexpected error while reading ({type(exc).__name__}: {exc})"
        earlier = self._reloading.pop(key, None)
        if earlier is not None:
            self._replace(key, earlier)
            self.message.emit(f"Could not reload {key}: {reason}; the earlier text is kept")
        else:
            self._replace(key, DocEntry(key, DocState.FAILED, error=reason))
            self.message.emit(f"Could not open {display_key(key)}: {reason}")
        self._after_load()

    def _after_load(self) -> None:
        done = self._load_total - len(self._loads)
        now = time.monotonic()
        if not self._loads or now - self._last_load_report >= LOAD_REPORT_INTERVAL:
            # One status update per file costs a GIL hand-over per file with 200 files.
            self._last_load_report = now
            self.progressed.emit("Loading", done, self._load_total)
        ref = self._reference
        if ref is not None and self.entry(ref).state is DocState.FAILED:
            self._reference = self._first_usable()
        self.entries_changed.emit()
        if not self._loads:
            self.changed.emit()
            self.compare()

    def _on_compared(self, result: Comparison, lookup: ComparisonLookup) -> None:
        if self._job_inputs is not None:
            self._recent.put(self._job_inputs, result, lookup)
            self._job_inputs = None
        self._lookup = lookup
        self._set_comparison(result)
        self._update_busy()

    def _on_compare_failed(self, exc: BaseException) -> None:
        self._update_busy()
        if isinstance(exc, Cancelled):
            self.message.emit("Comparison cancelled.")
        elif isinstance(exc, CrosscheckError):
            self.message.emit(f"The comparison failed: {exc}")
        else:
            raise exc  # a bug: the exception hook logs it and offers the details

    # -- helpers -------------------------------------------------------------------------------
    def _set_comparison(self, comparison: Comparison | None) -> None:
        self._comparison = comparison
        self.comparison_changed.emit(comparison)

    def _replace(self, key: str, entry: DocEntry) -> None:
        self._entries = [entry if e.key == key else e for e in self._entries]

    def _first_usable(self) -> str | None:
        return next((e.key for e in self._entries if e.state is not DocState.FAILED), None)

    def _reference_document(self) -> Document | None:
        if self._reference is None:
            return None
        entry = self.entry(self._reference)
        return entry.document if entry.state is DocState.READY else None

    def _after_entries_change(self, *, compare: bool = True) -> None:
        self.entries_changed.emit()
        self.changed.emit()
        if compare:
            if self._reference_document() is None:
                self._set_comparison(None)
            self.compare()
        self._update_busy()

    def _update_busy(self) -> None:
        busy = bool(self._loads) or self._job.running or self._outside is not None
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)


def _in_range(options: CompareOptions) -> CompareOptions:
    """The options with a link threshold a user could have chosen (older sessions: 0)."""
    threshold = clamp_threshold(options.threshold)
    return options if threshold == options.threshold else replace(options, threshold=threshold)
