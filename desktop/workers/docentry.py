"""One file in the workspace: its state, and the document or the reason it failed."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from desktop.core.fetch import is_address
from desktop.core.model import Document


class DocState(enum.Enum):
    """Where a document is in its life in the workspace."""

    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class DocEntry:
    """One file in the workspace: its state, and the document or the reason it failed."""

    key: str  # the absolute path, or the web address; unique in a workspace
    state: DocState
    document: Document | None = None
    error: str = ""

    @property
    def name(self) -> str:
        """The title when loaded, else the file name (or the address)."""
        return self.document.title if self.document else display_key(self.key)


def display_key(key: str) -> str:
    """How a message names an entry: its file name, or its whole web address."""
    return key if is_address(key) else Path(key).name
