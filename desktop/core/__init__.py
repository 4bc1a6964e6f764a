"""The Qt-free core: documents, statements, alignment, verdicts and comparisons.

Public names are loaded on first use so that ``import desktop.core`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

from desktop.core.errors import Cancelled, CrosscheckError, ExportError, LoadError, SessionError
from desktop.core.model import (
    Action,
    Claim,
    CompareOptions,
    Comparison,
    Decision,
    Document,
    Finding,
    FindingKind,
    Judgement,
    Link,
    LinkOrigin,
    Paragraph,
    Skipped,
    Statement,
    StatementRole,
    Support,
    Verdict,
)

_LAZY = {
    "load_document": "desktop.core.loaders",
    "split_statements": "desktop.core.segment",
    "judge_pair": "desktop.core.judge",
    "compare_documents": "desktop.core.compare",
    "apply_decisions": "desktop.core.review",
}

__all__ = [
    "Action",
    "Cancelled",
    "Claim",
    "CompareOptions",
    "Comparison",
    "CrosscheckError",
    "Decision",
    "Document",
    "ExportError",
    "Finding",
    "FindingKind",
    "Judgement",
    "Link",
    "LinkOrigin",
    "LoadError",
    "Paragraph",
    "SessionError",
    "Skipped",
    "Statement",
    "StatementRole",
    "Support",
    "Verdict",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'desktop.core' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
