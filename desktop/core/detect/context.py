"""What every detector gets: both prepared statements and which content words they share."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from desktop.core.detect.fuzzy import Fuzzy, fuzzy_pair
from desktop.core.detect.prepared import Prepared, matched_mask
from desktop.core.model import Finding, FindingKind, Span

# Two statements are about the same matter when the other holds at least this share of the
# content words of the one with fewer: below it a differing date, denial or name is a detail
# (desktop/core/findings.py); chosen on the coverage development stories.
SAME_MATTER = 0.5


@dataclass(frozen=True)
class PairContext:
    """The reference-side statement ``a`` and the other statement ``b``."""

    a: Prepared
    b: Prepared
    known: Fuzzy | None = None  # the ratios, when worked out in bulk for many pairs

    @cached_property
    def match_a(self) -> tuple[bool, ...]:
        """Per token of ``a``: a content word that ``b`` also has."""
        return matched_mask(self.a, self.b)

    @cached_property
    def match_b(self) -> tuple[bool, ...]:
        """Per token of ``b``: a content word that ``a`` also has."""
        return matched_mask(self.b, self.a)

    @cached_property
    def overlap(self) -> float:
        """Share of the content words of the statement with fewer that the other has, 0-1."""
        shares = []
        for side, match in ((self.a, self.match_a), (self.b, self.match_b)):
            count = sum(1 for k in side.keys if k)
            if count:
                shares.append((count, sum(match) / count))
        return min(shares)[1] if shares else 0.0

    @cached_property
    def fuzzy(self) -> Fuzzy:
        """Plain, token-sorted and partial ratio of the normalised texts, 0-100."""
        return self.known or fuzzy_pair(self.a.norm, self.b.norm)


def quoted(text: str) -> str:
    """Words in single quotes, shortened when long."""
    text = " ".join(text.split())
    return f"'{text if len(text) <= 60 else text[:57] + '...'}'"


def one_sided(
    kind_pair: tuple[FindingKind, FindingKind],
    in_reference: bool,
    message_ref: str,
    message_other: str,
    span: Span,
) -> Finding:
    """A detail on one side only: dropped when in the reference, added when in the report."""
    dropped, added = kind_pair
    if in_reference:
        return Finding(dropped, message_ref, reference_span=span)
    return Finding(added, message_other, other_span=span)


DETAIL = (FindingKind.DROPPED_DETAIL, FindingKind.ADDED_DETAIL)
