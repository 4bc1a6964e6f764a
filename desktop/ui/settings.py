"""Typed settings over QSettings: preferences with defaults declared once, recent sessions,
and the window's layout kept apart from the preferences.

Values are stored as plain strings (JSON for lists) so the INI file reads the same on every
platform and a damaged or hand-edited value falls back to its default instead of crashing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME
from desktop.core.model import (
    THRESHOLD_MAX,
    THRESHOLD_MIN,
    CompareOptions,
    FindingKind,
    clamp_threshold,
)
from desktop.export.options import ALL_SECTIONS, SECTIONS, ReportOptions

MAX_RECENT = 8
ZOOM_MIN, ZOOM_MAX = -4, 12  # text size steps (points) of the reading views

# One explanation for the toolbar slider, its label and Preferences.
THRESHOLD_TIP = (
    f"Link threshold ({THRESHOLD_MIN}–{THRESHOLD_MAX}): the score two statements need to be "
    "linked. Higher is stricter: fewer links, only close matches. Lower finds looser "
    f"paraphrases and more wrong links; below {THRESHOLD_MIN} links stop meaning anything."
)


@dataclass(frozen=True)
class Preferences:
    """What the user chose in Preferences; the defaults here are the only defaults."""

    threshold: int = round(CompareOptions().threshold)  # link threshold, THRESHOLD_MIN-MAX
    finding_kinds: frozenset[FindingKind] = frozenset(FindingKind)
    compare_reports: bool = False
    report_sections: frozenset[str] = ALL_SECTIONS
    include_partials: bool = True
    export_folder: str = ""  # empty: the user's Documents folder
    aliases: tuple[tuple[str, str], ...] = ()  # the user's (variant, name) spellings
    allow_local_addresses: bool = False  # web addresses on this computer or the local network

    def compare_options(self, base: CompareOptions | None = None) -> CompareOptions:
        """The engine options these preferences ask for (the rest taken from ``base``)."""
        return replace(
            base or CompareOptions(),
            threshold=float(self.threshold),
            finding_kinds=self.finding_kinds,
            compare_reports=self.compare_reports,
            aliases=self.aliases,
        )

    def report_options(self) -> ReportOptions:
        """The report options these preferences ask for."""
        return ReportOptions(sections=self.report_sections, include_partials=self.include_partials)


# Keys in the settings file; "compare/threshold" is also the toolbar slider's memory.
_KEYS = {
    "threshold": "compare/threshold",
    # The kinds switched *off*: a kind added in a later version is on for everybody.
    "finding_kinds": "compare/finding_kinds_off",
    "compare_reports": "compare/compare_reports",
    "report_sections": "report/sections",
    "include_partials": "report/include_partials",
    "export_folder": "report/export_folder",
    "aliases": "compare/aliases",
    "allow_local_addresses": "web/allow_local_addresses",
}
_KINDS_ON = "compare/finding_kinds"  # before: the kinds switched on (read, never written)
_RECENT = "sessions/recent"
_GEOMETRY, _STATE = "window/geometry", "window/state"
_ZOOM = "view/zoom"


def _to_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):  # aliases
        return json.dumps([list(pair) for pair in value])
    if isinstance(value, frozenset):
        return json.dumps(sorted(v.value if isinstance(v, FindingKind) else v for v in value))
    return str(value)


def _parse(name: str, raw: Any, default: Any) -> Any:
    """The stored text back as the field's type; anything odd gives ValueError."""
    text = str(raw)
    if isinstance(default, bool):
        if text.lower() not in ("true", "false"):
            raise ValueError(text)
        return text.lower() == "true"
    if isinstance(default, int):
        return round(clamp_threshold(float(text)))  # the only int: the link threshold
    if name == "finding_kinds":
        return frozenset(FindingKind) - _kinds(text, strict=False)
    if name == "aliases":
        pairs = json.loads(text)
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p)
            for p in pairs
        ):
            raise ValueError(text)
        return tuple((str(a), str(b)) for a, b in pairs)
    if name == "report_sections":
        chosen = frozenset(str(v) for v in json.loads(text))
        if not chosen <= frozenset(SECTIONS):
            raise ValueError(text)
        return chosen
    return text


def _kinds(text: str, *, strict: bool) -> frozenset[FindingKind]:
    """A stored JSON list of kinds; a kind this version no longer knows is skipped, or an
    error when ``strict``."""
    values = json.loads(text)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(text)
    known = {k.value: k for k in FindingKind}
    if strict and not set(values) <= known.keys():
        raise ValueError(text)
    return frozenset(known[v] for v in values if v in known)


def _stored(name: str, value: Any) -> Any:
    """What is written for a preference: the kinds switched off rather than on."""
    return frozenset(FindingKind) - value if name == "finding_kinds" else value


class Settings:
    """The app's settings store; inject a QSettings (an INI file in tests) to redirect it."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(APP_NAME, APP_NAME)

    # -- preferences ------------------------------------------------------------------------
    def preferences(self) -> Preferences:
        """The saved preferences; a missing or unreadable value takes its default."""
        default = Preferences()
        values = {}
        for f in fields(Preferences):
            raw = self.store.value(_KEYS[f.name])
            try:
                if raw is not None:
                    values[f.name] = _parse(f.name, raw, getattr(default, f.name))
                elif f.name == "finding_kinds" and self.store.value(_KINDS_ON) is not None:
                    values[f.name] = _kinds(str(self.store.value(_KINDS_ON)), strict=True)
            except (ValueError, TypeError):
                continue  # a hand-edited or older value: keep the default
        return replace(default, **values)

    def set_preferences(self, preferences: Preferences) -> None:
        """Save every preference."""
        for f in fields(Preferences):
            value = _stored(f.name, getattr(preferences, f.name))
            self.store.setValue(_KEYS[f.name], _to_text(value))
        self.store.sync()

    def set_threshold(self, threshold: int) -> None:
        """Save the link threshold alone (the toolbar slider's memory; Preferences show it)."""
        self.store.setValue(_KEYS["threshold"], _to_text(round(clamp_threshold(threshold))))
        self.store.sync()

    # -- recent sessions ----------------------------------------------------------------------
    def recent_sessions(self) -> list[str]:
        """Session files opened or saved lately, the latest first."""
        raw = self.store.value(_RECENT)
        try:
            items = json.loads(str(raw)) if raw is not None else []
        except ValueError:
            return []
        return (
            [str(p) for p in items if isinstance(p, str)][:MAX_RECENT]
            if isinstance(items, list)
            else []
        )

    def add_recent_session(self, path: str | Path) -> None:
        """Put ``path`` first in the recent list."""
        path = str(Path(path).absolute())
        items = [path, *(p for p in self.recent_sessions() if p != path)]
        self._set_recent(items[:MAX_RECENT])

    def remove_recent_session(self, path: str | Path) -> None:
        """Take ``path`` out of the recent list."""
        self._set_recent([p for p in self.recent_sessions() if p != str(path)])

    def clear_recent_sessions(self) -> None:
        """Forget every recent session."""
        self._set_recent([])

    def _set_recent(self, items: list[str]) -> None:
        self.store.setValue(_RECENT, json.dumps(items))
        self.store.sync()

    # -- window layout (not a preference: never reset with them) ------------------------------
    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The saved geometry and dock/toolbar state, or None for each on a first run."""
        return self.store.value(_GEOMETRY), self.store.value(_STATE)

    def set_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember geometry and dock/toolbar state."""
        self.store.setValue(_GEOMETRY, geometry)
        self.store.setValue(_STATE, state)
        self.store.sync()

    def zoom(self) -> int:
        """The text size step of the reading views (0: the window's font)."""
        try:
            return max(ZOOM_MIN, min(ZOOM_MAX, int(str(self.store.value(_ZOOM, 0)))))
        except ValueError:
            return 0

    def set_zoom(self, level: int) -> None:
        """Remember the text size step."""
        self.store.setValue(_ZOOM, str(level))
        self.store.sync()
