"""The core calls the workspace makes, gathered so tests can inject a fake engine."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# Imported once here, not inside the functions: an import statement run per file on a worker
# thread goes through PySide6's import hook, which holds the GIL long enough to stall the GUI.
from desktop.core.compare import compare_documents
from desktop.core.loaders import is_supported, load_document
from desktop.core.model import Comparison, Decision, Document
from desktop.core.review import apply_decisions


@dataclass(frozen=True)
class Engine:
    """Loading, support check and comparing; the real core by default."""

    load: Callable[[Path], Document] = load_document
    compare: Callable[..., Comparison] = compare_documents
    supported: Callable[[Path], bool] = is_supported
    apply: Callable[[Comparison, tuple[Decision, ...]], Comparison] = apply_decisions


def expand_paths(paths: Iterable[str | Path], supported: Callable[[Path], bool]) -> list[Path]:
    """Files as given; folders replaced by the supported files they hold, sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and supported(p)))
        else:
            out.append(path)
    return out
