"""Shared helper for the detect/ module tests (not a test module)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.detect.context import PairContext
from desktop.core.detect.prepared import prepare
from desktop.core.model import Finding

Detector = Callable[[PairContext], list[Finding]]


def found(detect: Detector, a: str, b: str) -> list[tuple[str, str]]:
    """(kind, message) of every finding ``detect`` makes of reference ``a`` and report ``b``."""
    return [(f.kind.value, f.message) for f in detect(PairContext(prepare(a), prepare(b)))]
