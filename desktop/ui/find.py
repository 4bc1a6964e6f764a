"""Find in the two texts: every match highlighted, "3 of 12", F3 from statement to statement.

A stop is a statement that holds the words; a report statement whose linked reference statement
also holds them is the other half of that stop, not a stop of its own, so F3 moves on to the
next matching statement instead of across the pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QToolBar

from desktop.core.model import Statement

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


@dataclass(frozen=True)
class FindStop:
    """A place F3 stops at: a matching statement, with the other half of its pair if that
    matches too."""

    left: str | None
    right: str | None

    @property
    def statement(self) -> str:
        """The statement selected when stopping here."""
        return self.left or self.right or ""


def occurrences(needle: str, text: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text``, ignoring case."""
    if not needle:
        return []
    return [m.span() for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def find_stops(
    left: Sequence[str],
    right: Sequence[str],
    matches: set[str],
    partner: Callable[[str], str | None],
) -> list[FindStop]:
    """The stops in order: the reference's matching statements, then the report's own."""
    stops: list[FindStop] = []
    halves: set[str] = set()
    for sid in left:
        if sid in matches:
            other = partner(sid)
            if other is not None and other in matches and partner(other) == sid:
                halves.add(other)
                stops.append(FindStop(sid, other))
            else:
                stops.append(FindStop(sid, None))
    stops.extend(FindStop(None, sid) for sid in right if sid in matches and sid not in halves)
    return stops


def stop_index(stops: Sequence[FindStop], statement: str | None) -> int | None:
    """The position of the stop holding ``statement`` (either half), or None."""
    if statement is None:
        return None
    return next((n for n, s in enumerate(stops) if statement in (s.left, s.right)), None)


def next_stop(
    stops: Sequence[FindStop], order: Mapping[str, int], current: str | None, *, forward: bool
) -> FindStop | None:
    """The stop after (or before) the one holding ``current``, or after its place; wrapping."""
    if not stops:
        return None
    here = stop_index(stops, current)
    if here is not None:
        return stops[(here + (1 if forward else -1)) % len(stops)]
    where = order.get(current or "", -1 if forward else len(order))
    keys = [order.get(s.statement, 0) for s in stops]
    if forward:
        return next((s for s, k in zip(stops, keys, strict=True) if k > where), stops[0])
    return next(
        (s for s, k in zip(reversed(stops), reversed(keys), strict=True) if k < where), stops[-1]
    )


class FindBar(QObject):
    """The find field's behaviour: highlights as you type, the count beside it, F3 / Shift+F3."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._w = window
        self.count_label = QLabel(window)
        self.count_label.setAccessibleName("Matches of the words to find")
        self.count_label.setMinimumWidth(70)
        self._place_label(window.toolbar)
        view = window.side_by_side
        window.find_field.textChanged.connect(self._on_find_field_text_changed)
        window.selection.changed.connect(self.update_count)
        view.report_combo.currentIndexChanged.connect(lambda _row: self.update_count())
        window.workspace.comparison_changed.connect(lambda _c: self.update_count())
        self.update_count()

    def _place_label(self, bar: QToolBar) -> None:
        actions = bar.actions()
        field = next((a for a in actions if bar.widgetForAction(a) is self._w.find_field), None)
        after = actions[actions.index(field) + 1] if field and field is not actions[-1] else None
        if after is None:
            bar.addWidget(self.count_label)
        else:
            bar.insertWidget(after, self.count_label)

    @property
    def needle(self) -> str:
        """The words to find, as typed (blanks at the ends ignored)."""
        return self._w.find_field.text().strip()

    def _on_find_field_text_changed(self, _text: str) -> None:
        self._w.side_by_side.set_find_text(self.needle)
        self.update_count()

    def stops(self) -> list[FindStop]:
        """Where F3 stops in the pair shown."""
        view, needle = self._w.side_by_side, self.needle.casefold()
        index = view.index
        if index is None or not needle:
            return []
        left, right = view.left.statement_ids(), view.right.statement_ids()
        matches = {
            sid for sid in (*left, *right) if _holds(index.statement(sid), needle, self.needle)
        }
        return find_stops(left, right, matches, view.partner)

    def step(self, *, forward: bool = True) -> bool:
        """Select the next (or previous) matching statement; False when nothing matches."""
        view = self._w.side_by_side
        stops = self.stops()
        order = {sid: n for n, sid in enumerate(view.left.statement_ids())}
        base = len(order)
        order.update({sid: base + n for n, sid in enumerate(view.right.statement_ids())})
        stop = next_stop(stops, order, self._w.selection.statement, forward=forward)
        if stop is None:
            return False
        if stop.left and stop.right:
            view.pick_pair(stop.left, stop.right)
        elif stop.left:
            view.pick(view.left, stop.left)
        elif stop.right:
            view.pick(view.right, stop.right)
        self.update_count()
        return True

    def update_count(self) -> None:
        """“3 of 12” when the selection is on a match, “12 found”, or “not found”."""
        if not self.needle or self._w.side_by_side.index is None:
            self.count_label.setText("")
            self.count_label.setToolTip("")
            return
        stops = self.stops()
        current = self._w.selection.statement
        here = stop_index(stops, current)
        if not stops:
            text = "not found"
        elif here is None:
            text = f"{len(stops)} found"
        else:
            text = f"{here + 1} of {len(stops)}"
        self.count_label.setText(f" {text} ")
        self.count_label.setToolTip(
            f"Statements of the two texts holding “{self.needle}”; a linked pair that both "
            "hold it counts once. F3 / Shift+F3: next / previous."
        )


def _holds(statement: Statement | None, folded: str, needle: str) -> bool:
    if statement is None:
        return False
    return folded in statement.text.casefold() or bool(occurrences(needle, statement.text))
