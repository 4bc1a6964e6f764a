"""Findings grouped by claim: each reference claim once, then every report that disputes or
qualifies it, so a report need not repeat the reference's quote for each report."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.model import Comparison, Link, Support, Verdict, document_of
from desktop.export.text import claim_numbers_of, reference_links, statement_number


@dataclass(frozen=True)
class Entry:
    """One report's links to one reference statement, and how the report stands on the claim."""

    document: str
    support: Support
    links: tuple[Link, ...]


@dataclass(frozen=True)
class ClaimGroup:
    """A reference statement, its claim's number, and the reports' entries under it."""

    reference: str
    number: int
    entries: tuple[Entry, ...]

    @property
    def reports(self) -> int:
        """How many reports the group lists."""
        return len(self.entries)


def finding_groups(
    comparison: Comparison, verdict: Verdict, *, include_partials: bool = True
) -> list[ClaimGroup]:
    """Claims with a report in ``verdict``, the most disputed first.

    Conflicts: the reports with a statement that conflicts with the claim, each with its
    conflicting links and (when partials are listed) its partial ones. Partials: the partial
    links of the other reports (some of which agree in another statement). Every conflicting
    and partial link is in exactly one group.
    """
    support = _support(comparison)
    by_pair: dict[tuple[str, str], list[Link]] = {}
    for link in reference_links(comparison):
        if link.verdict in (Verdict.CONFLICT, Verdict.PARTIAL):
            by_pair.setdefault((link.reference, document_of(link.other)), []).append(link)
    shown = {Verdict.CONFLICT, Verdict.PARTIAL} if include_partials else {Verdict.CONFLICT}
    numbers = claim_numbers_of(comparison)
    order = {d.id: i for i, d in enumerate(comparison.reports)}
    grouped: dict[str, list[Entry]] = {}
    for (ref, doc), links in sorted(by_pair.items(), key=lambda x: order.get(x[0][1], 0)):
        disputed = any(lk.verdict is Verdict.CONFLICT for lk in links)
        if verdict is Verdict.CONFLICT:
            chosen = [lk for lk in links if lk.verdict in shown] if disputed else []
        else:
            chosen = [] if disputed else list(links)
        chosen.sort(key=lambda lk: (lk.verdict is not Verdict.CONFLICT, statement_number(lk.other)))
        if chosen:
            cell = support.get((ref, doc), Support.OMITTED)
            grouped.setdefault(ref, []).append(Entry(doc, cell, tuple(chosen)))
    groups = [
        ClaimGroup(ref, numbers.get(ref, statement_number(ref)), tuple(entries))
        for ref, entries in grouped.items()
    ]
    return sorted(groups, key=lambda g: (-len({e.document for e in g.entries}), g.number))


def _support(comparison: Comparison) -> dict[tuple[str, str], Support]:
    out: dict[tuple[str, str], Support] = {}
    for claim in comparison.claims:
        if claim.in_reference:
            for sid in claim.statements:
                if document_of(sid) == comparison.reference.id:
                    for doc, s in claim.support.items():
                        out[(sid, doc)] = s
    return out
