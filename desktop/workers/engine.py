"""The core calls the workspace makes, gathered so tests can inject a fake engine."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.model import Comparison, Document

FALLBACK_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".pdf",
                               ".rtf", ".odt"})


def _load(path: Path) -> Document:
    from desktop.core.loaders import load_document

    return load_document(path)


def _compare(reference: Document, reports: tuple[Document, ...], **kwargs: Any) -> Comparison:
    from desktop.core.compare import compare_documents

    return compare_documents(reference, reports, **kwargs)


def _supported(path: Path) -> bool:
    try:
        from desktop.core.loaders import is_supported
    except ImportError:  # loaders not installed in this build: fall back to the suffix list
        return path.suffix.lower() in FALLBACK_SUFFIXES
    return bool(is_supported(path))


@dataclass(frozen=True)
class Engine:
    """Loading, support check and comparing; the real core by default."""

    load: Callable[[Path], Document] = _load
    compare: Callable[..., Comparison] = _compare
    supported: Callable[[Path], bool] = _supported


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
