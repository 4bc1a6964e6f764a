"""Per-report counts and the plain-text summary the command line prints."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.kinds import FindingKind
from desktop.core.model import (
    Comparison,
    Document,
    Link,
    Span,
    Support,
    Verdict,
    document_of,
)

__all__ = [
    "DisputedFact",
    "ReportCounts",
    "Totals",
    "Version",
    "claims_phrase",
    "count_comparison",
    "disputed_facts",
    "fact_line",
    "format_summary",
    "report_counts",
    "totals_line",
    "widely_omitted",
]


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
    tallies = {
        d.id: dict.fromkeys(("agree", "partial", "conflict", "omitted", "added"), 0)
        for d in comparison.reports
    }
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


@dataclass(frozen=True)
class Totals:
    """Every count a report, the command line or the window shows, worked out in one place.

    A conflict (or partial agreement) is one report against one claim of the reference: the
    cells of the claim matrix, whatever number of sentences the report spends on it.
    """

    reports: int
    claims: int  # claims of the reference
    per_report: dict[str, ReportCounts]
    conflicts: int
    conflict_reports: int
    conflict_claims: int
    partials: int
    partial_reports: int
    partial_claims: int
    between_reports: int  # conflicting links between two reports (claims the reference lacks)
    added_claims: int = 0  # claims that only reports make (the matrix's "+" rows)

    def to_json(self) -> dict[str, int]:
        """The totals as plain JSON numbers (the JSON export's ``summary``)."""
        return {
            "reports": self.reports,
            "claims": self.claims,
            "conflicts": self.conflicts,
            "conflict_reports": self.conflict_reports,
            "conflict_claims": self.conflict_claims,
            "partials": self.partials,
            "partial_reports": self.partial_reports,
            "partial_claims": self.partial_claims,
            "conflicts_between_reports": self.between_reports,
        }


def count_comparison(comparison: Comparison) -> Totals:
    """The one source of every count: per report, and over the whole comparison."""
    per_report = report_counts(comparison)
    cells = {v: _claims_with(comparison, v) for v in (Support.CONFLICT, Support.PARTIAL)}
    between = sum(
        1 for k in comparison.links if k.between_reports and k.verdict is Verdict.CONFLICT
    )
    return Totals(
        reports=len(comparison.reports),
        claims=sum(1 for c in comparison.claims if c.in_reference),
        per_report=per_report,
        conflicts=sum(c.conflict for c in per_report.values()),
        conflict_reports=sum(1 for c in per_report.values() if c.conflict),
        conflict_claims=cells[Support.CONFLICT],
        partials=sum(c.partial for c in per_report.values()),
        partial_reports=sum(1 for c in per_report.values() if c.partial),
        partial_claims=cells[Support.PARTIAL],
        between_reports=between,
        added_claims=sum(1 for c in comparison.claims if not c.in_reference),
    )


def _claims_with(comparison: Comparison, support: Support) -> int:
    reports = {d.id for d in comparison.reports}
    return sum(
        1
        for c in comparison.claims
        if c.in_reference and any(s is support and d in reports for d, s in c.support.items())
    )


def totals_line(totals: Totals) -> str:
    """The counts in words, the same in every report format, the CLI and the status bar."""

    def part(n: int, word: str, reports: int, claims: int) -> str:
        if not n:
            return f"no {word}s"
        return f"{_plural(n, word)} ({_plural(reports, 'report')}, {_plural(claims, 'claim')})"

    parts = [
        f"{_plural(totals.reports, 'report')}; {claims_phrase(totals.claims, totals.added_claims)}",
        part(totals.conflicts, "conflict", totals.conflict_reports, totals.conflict_claims),
        part(totals.partials, "partial agreement", totals.partial_reports, totals.partial_claims),
    ]
    if totals.between_reports:
        parts.append(f"{_plural(totals.between_reports, 'conflict')} between two reports")
    return "; ".join(parts)


def claims_phrase(reference: int, added: int) -> str:
    """``23 claims: 15 from the reference, 8 added by reports``: both parts, always named."""
    more = f"{added} added by reports" if added else "none added by reports"
    return f"{_plural(reference + added, 'claim')}: {reference} from the reference, {more}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word + 's'}"


def format_summary(comparison: Comparison) -> str:
    """Per report: the counts, then each conflict with both quotes and the findings."""
    copies = dict(comparison.copies)
    ref = comparison.reference
    totals = count_comparison(comparison)
    lines = [
        f"Reference: {_name(ref)}",
        f"  {totals.claims} claims from the reference, {totals.added_claims} added by reports",
        f"  In all: {totals_line(totals)}",
    ]
    for report in comparison.reports:
        c = totals.per_report[report.id]
        lines += [
            "",
            f"Report: {_name(report)}",
            f"  agree {c.agree}, partial {c.partial}, conflict {c.conflict}, "
            f"omitted {c.omitted}, added {c.added}",
        ]
        if report.id in copies:
            lines.append(f"  near-verbatim copy of {_name(comparison.document(copies[report.id]))}")
        for link in _conflicts(comparison, report):
            lines += _conflict_lines(comparison, link)
    if comparison.skipped:
        lines += ["", "Skipped:"]
        lines += [f"  {s.path}: {s.reason}" for s in comparison.skipped]
    return "\n".join(lines)


def _conflicts(comparison: Comparison, report: Document) -> list[Link]:
    return [
        k
        for k in comparison.links
        if k.verdict is Verdict.CONFLICT
        and not k.between_reports
        and document_of(k.other) == report.id
    ]


def _conflict_lines(comparison: Comparison, link: Link) -> list[str]:
    lines = [
        "  CONFLICT" + (" (reviewed)" if link.reviewed else ""),
        f"    reference: “{comparison.statement(link.reference).text}”",
        f"    report:    “{comparison.statement(link.other).text}”",
    ]
    lines += [f"    - {f.message}" for f in link.findings]
    if link.note:
        lines.append(f"    note: {link.note}")
    return lines


def _name(doc: Document) -> str:
    return f"{doc.title} ({Path(doc.path).name})" if doc.path else doc.title


@dataclass(frozen=True)
class Version:
    """One way the reports give a disputed fact, and which reports give it so."""

    words: str  # the report's words for it ("" when the report asserts it with no such word)
    documents: tuple[str, ...]


@dataclass(frozen=True)
class DisputedFact:
    """A fact of a reference claim that reports contradict: the reference's words and theirs."""

    claim: str  # the reference statement the claim is named after
    kind: FindingKind
    reference: str  # the reference's words ("" when it asserts what a report denies)
    context: str  # the reference's words with a few of their neighbours, to say what it is about
    versions: tuple[Version, ...]  # the most widely given first

    @property
    def documents(self) -> tuple[str, ...]:
        """Every report that contradicts the reference on this fact."""
        return tuple(d for v in self.versions for d in v.documents)


def disputed_facts(comparison: Comparison) -> list[DisputedFact]:
    """The facts reports contradict, grouped by claim and wording, the most disputed first."""
    groups: dict[tuple[str, FindingKind, str], dict[str, list[str]]] = {}
    spans: dict[tuple[str, FindingKind, str], Span | None] = {}
    for link in comparison.links:
        if link.between_reports or link.verdict is not Verdict.CONFLICT:
            continue
        ref, other = _text(comparison, link.reference), _text(comparison, link.other)
        doc = document_of(link.other)
        for f in link.findings:
            if not f.is_conflict:
                continue
            key = (link.reference, f.kind, _fold(_words(ref, f.reference_span)))
            spans.setdefault(key, f.reference_span)
            versions = groups.setdefault(key, {})
            said = versions.setdefault(_fold(_words(other, f.other_span)), [])
            if doc not in said:
                said.append(doc)
            versions.setdefault("\0" + key[2], []).append(_words(other, f.other_span))
    facts = [_fact(comparison, key, groups[key], spans[key]) for key in groups]
    order = {d.id: i for i, d in enumerate(comparison.documents)}
    return sorted(
        facts,
        key=lambda f: (
            -len(set(f.documents)),
            _position(f.claim),
            min(order.get(d, 0) for d in f.documents),
        ),
    )


def _fact(
    comparison: Comparison,
    key: tuple[str, FindingKind, str],
    versions: dict[str, list[str]],
    span: Span | None,
) -> DisputedFact:
    claim, kind, _ = key
    text = _text(comparison, claim)
    shown = {k: v for k, v in versions.items() if not k.startswith("\0")}
    spelled = {_fold(w): w for k, ws in versions.items() if k.startswith("\0") for w in ws}
    made = [Version(spelled.get(k, k), tuple(docs)) for k, docs in shown.items()]
    made.sort(key=lambda v: -len(v.documents))
    return DisputedFact(claim, kind, _words(text, span), _context(text, span), tuple(made))


def _text(comparison: Comparison, statement_id: str) -> str:
    try:
        return comparison.statement(statement_id).text
    except KeyError:
        return ""


def _words(text: str, span: Span | None) -> str:
    if span is None:
        return ""
    start, end = max(0, span[0]), min(len(text), span[1])
    return " ".join(text[start:end].split()).strip(" .,;:“”\"'")


def _fold(words: str) -> str:
    return " ".join(words.casefold().split())


def _position(statement_id: str) -> int:
    number = statement_id.rpartition(":s")[2]
    return int(number) if number.isdigit() else 0


def _context(text: str, span: Span | None, around: int = 4) -> str:
    """The span with up to ``around`` words either side, cut with ellipses."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        return ""
    start, end = (words[0][0], words[0][1]) if span is None else span
    inside = [i for i, (a, b) in enumerate(words) if a < end and b > start] or [0]
    first = max(0, inside[0] - (around if span is not None else 0))
    last = min(len(words) - 1, inside[-1] + (around if span is not None else 2 * around))
    out = text[words[first][0] : words[last][1]].strip(_EDGE)
    return ("…" if first else "") + " ".join(out.split()) + ("…" if last < len(words) - 1 else "")


_WORD = re.compile(r"\S+")
_EDGE = " ,;:.“”\"'"


def fact_line(fact: DisputedFact, name: Callable[[Sequence[str]], str]) -> str:
    """``“…deployed 400 Iranian-made drones…”: 400 (reference) vs 450 (Report 2, Report 5)``.

    ``name`` turns document ids into the words a reader knows them by.
    """
    theirs = "; ".join(f"{v.words or _ASSERTED} ({name(v.documents)})" for v in fact.versions)
    return f"“{fact.context}”: {fact.reference or _ASSERTED} (reference) vs {theirs}"


_ASSERTED = "asserts it"


def widely_omitted(comparison: Comparison) -> list[tuple[str, tuple[str, ...]]]:
    """Reference claims (by anchor) that half of the reports or more leave out, with them."""
    reports = [d.id for d in comparison.reports]
    out = []
    for claim in comparison.claims:
        if not claim.in_reference:
            continue
        missing = tuple(
            d for d in reports if claim.support.get(d, Support.OMITTED) is Support.OMITTED
        )
        if len(reports) > 1 and 2 * len(missing) >= len(reports):
            out.append((claim.anchor, missing))
    return sorted(out, key=lambda x: (-len(x[1]), _position(x[0])))
