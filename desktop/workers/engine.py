"""The core calls the workspace makes, gathered so tests can inject a fake engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Imported once here, not inside the functions: an import statement run per file on a worker
# thread goes through PySide6's import hook, which holds the GIL long enough to stall the GUI.
from desktop.core.compare import compare_documents
from desktop.core.loaders import is_supported, load_document
from desktop.core.model import Comparison, Decision, Document
from desktop.core.review import apply_decisions
from desktop.core.webdoc import load_address


@dataclass(frozen=True)
class Engine:
    """Loading files and addresses, support check and comparing; the real core by default."""

    load: Callable[[Path], Document] = load_document
    compare: Callable[..., Comparison] = compare_documents
    supported: Callable[[Path], bool] = is_supported
    apply: Callable[[Comparison, tuple[Decision, ...]], Comparison] = apply_decisions
    # load_address(url, *, options: FetchOptions, should_cancel) -> Document
    load_address: Callable[..., Document] = load_address
