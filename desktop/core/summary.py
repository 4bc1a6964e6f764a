"""Per-report counts and the plain-text summary the command line prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.model import Comparison, Document, Link, Support, Verdict, document_of

__all__ = ["ReportCounts", "format_summary", "report_counts"]


@dataclass(frozen=True)
class ReportCounts:
    """How one report stands towards the reference, claim by claim.

    agree, partial, conflict and omitted count reference claims (they add up to the number of
    reference claims); added counts the report's statements that the reference lacks.
    """

    agree: int = 0
    partial: int = 0
    conflict: int = 0
    omitted: int = 0
    added: int = 0


def report_counts(comparison: Comparison) -> dict[str, ReportCounts]:
    """Counts for each report, keyed by document id, in report order."""
    tallies = {d.id: dict.fromkeys(("agree", "partial", "conflict", "omitted", "added"), 0)
               for d in comparison.reports}
    for claim in comparison.claims:
        if not claim.in_reference:
            for sid in claim.statements:
                doc = document_of(sid)
                if doc in tallies:
                    tallies[doc]["added"] += 1
            continue
        for doc, support in claim.support.items():
            if doc in tallies and support is not Support.SOURCE:
                tallies[doc][support.value] += 1
    return {doc: ReportCounts(**t) for doc, t in tallies.items()}


def format_summary(comparison: Comparison) -> str:
    """Per report: the counts, then each conflict with both quotes and the findings."""
    counts = report_counts(comparison)
    copies = dict(comparison.copies)
    ref = comparison.reference
    lines = [f"Reference: {_name(ref)}",
             f"  {sum(c.in_reference for c in comparison.claims)} claims"]
    for report in comparison.reports:
        c = counts[report.id]
        lines += ["", f"Report: {_name(report)}",
                  f"  agree {c.agree}, partial {c.partial}, conflict {c.conflict}, "
                  f"omitted {c.omitted}, added {c.added}"]
        if report.id in copies:
            lines.append(f"  near-verbatim copy of {_name(comparison.document(copies[report.id]))}")
        for link in _conflicts(comparison, report):
            lines += _conflict_lines(comparison, link)
    if comparison.skipped:
        lines += ["", "Skipped:"]
        lines += [f"  {s.path}: {s.reason}" for s in comparison.skipped]
    return "\n".join(lines)


def _conflicts(comparison: Comparison, report: Document) -> list[Link]:
    return [k for k in comparison.links
            if k.verdict is Verdict.CONFLICT and not k.between_reports
            and document_of(k.other) == report.id]


def _conflict_lines(comparison: Comparison, link: Link) -> list[str]:
    lines = ["  CONFLICT" + (" (reviewed)" if link.reviewed else ""),
             f"    reference: “{comparison.statement(link.reference).text}”",
             f"    report:    “{comparison.statement(link.other).text}”"]
    lines += [f"    - {f.message}" for f in link.findings]
    if link.note:
        lines.append(f"    note: {link.note}")
    return lines


def _name(doc: Document) -> str:
    return f"{doc.title} ({Path(doc.path).name})" if doc.path else doc.title
