"""What the previous comparison worked out, kept for the next one over the same texts.

Changing the link threshold, a finding kind or a single report recomputes the whole
comparison; the statements' prepared forms, the pairs' scores and their findings depend only
on the texts (and the user's aliases), so they are taken over. Only what the texts of the new
comparison still use is kept: memory stays that of one comparison.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass, field

from desktop.core.detect.prepared import Prepared
from desktop.core.model import Finding

TextPair = tuple[str, str]


@dataclass
class Memo:
    """Prepared statements by text, and scores and findings (every kind) by text pair."""

    aliases: tuple[tuple[str, str], ...]
    prepared: dict[str, Prepared] = field(default_factory=dict)
    scores: dict[TextPair, float] = field(default_factory=dict)
    findings: dict[TextPair, tuple[Finding, ...]] = field(default_factory=dict)


_lock = threading.Lock()
_last: Memo | None = None


def take_over(aliases: tuple[tuple[str, str], ...], texts: Collection[str]) -> Memo:
    """A memo for a new comparison of ``texts``, seeded with what the last one found for them.

    The new memo is published at once, so the comparison after it sees its work too; the last
    one's entries for texts no longer compared are dropped.
    """
    global _last
    with _lock:
        last = _last if _last is not None and _last.aliases == aliases else None
        memo = Memo(aliases)
        if last is not None:
            memo.prepared = {t: p for t in texts if (p := last.prepared.get(t)) is not None}
            # copies taken under the GIL: another comparison may still be adding to them
            scores, findings = dict(last.scores), dict(last.findings)
            memo.scores = {k: v for k, v in scores.items() if _kept(k, memo.prepared)}
            memo.findings = {k: v for k, v in findings.items() if _kept(k, memo.prepared)}
        _last = memo
        return memo


def forget() -> None:
    """Drop what earlier comparisons found (benchmarks time a comparison from scratch)."""
    global _last
    with _lock:
        _last = None


def _kept(pair: TextPair, prepared: dict[str, Prepared]) -> bool:
    return pair[0] in prepared and pair[1] in prepared
