"""Wording and facts every report format shares: glyphs, labels, counts, orderings, spans."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from desktop.core.copies import copy_groups as group_copies
from desktop.core.fetch import is_address
from desktop.core.kinds import KINDS, kind_label
from desktop.core.model import (
    THRESHOLD_MAX,
    THRESHOLD_MIN,
    Action,
    Claim,
    Comparison,
    Decision,
    Document,
    Finding,
    Link,
    LinkOrigin,
    Span,
    Statement,
    Support,
    Verdict,
    document_of,
)
from desktop.core.summary import (
    Totals,
    disputed_facts,
    fact_line,
    totals_line,
    widely_omitted,
)
from desktop.core.webdoc import format_retrieved
from desktop.export.options import SECTIONS, ReportContext

SUPPORT_WORDS: dict[Support, str] = {
    Support.SOURCE: "source",
    Support.AGREE: "agrees",
    Support.PARTIAL: "agrees in part",
    Support.CONFLICT: "conflicts",
    Support.OMITTED: "missing",
}
# Light fills so a black glyph stays readable, and the glyph alone still tells them apart.
FILLS: dict[Support, str] = {
    Support.SOURCE: "D9E2F3",
    Support.AGREE: "C6EFCE",
    Support.PARTIAL: "FFE49C",
    Support.CONFLICT: "F4B9B9",
    Support.OMITTED: "E4E4E4",
}
VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.AGREE: "agree",
    Verdict.PARTIAL: "partial",
    Verdict.CONFLICT: "conflict",
    Verdict.UNRELATED: "unrelated",
}
LEGEND = (Support.AGREE, Support.PARTIAL, Support.CONFLICT, Support.OMITTED, Support.SOURCE)
Mark = Literal["conflict", "partial"]
Piece = tuple[str, Mark | None]  # a run of text and how it is highlighted
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_STATEMENT_INDEX = re.compile(r":s(\d+)$")


def clean(text: str) -> str:
    """Text every format can hold: characters XML 1.0 forbids and lone surrogates dropped."""
    return _FORBIDDEN.sub("", text)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 report"`` / ``"3 reports"``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def statement_number(statement_id: str) -> int:
    """The 1-based position of a statement in its document, as people count."""
    found = _STATEMENT_INDEX.search(statement_id)
    return int(found.group(1)) + 1 if found else 0


def short_text(text: str, limit: int = 90) -> str:
    """The text on one line, cut at a word boundary with an ellipsis past ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def findings_text(findings: Iterable[Finding]) -> str:
    """Findings as ``"kind: message; kind: message"``, kinds in the JSON vocabulary (for tools)."""
    return "; ".join(f"{f.kind.value}: {f.message}" for f in findings)


def document_label(doc: Document) -> str:
    """A document's title, with its outlet when known."""
    return embed(f"{doc.title} ({doc.outlet})" if doc.outlet else doc.title)


def embed(title: str) -> str:
    """A title to set inside left-to-right prose: a right-to-left one ends with a
    left-to-right mark, so the punctuation and numbers after it stay in their place."""
    rtl = any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in title)
    return title + "\u200e" if rtl else title


def find_statement(comparison: Comparison, statement_id: str) -> Statement | None:
    """The statement with that id, or None when the comparison does not hold it."""
    try:
        return comparison.statement(statement_id)
    except KeyError:
        return None


def find_document(comparison: Comparison, document_id: str) -> Document | None:
    """The document with that id, or None."""
    try:
        return comparison.document(document_id)
    except KeyError:
        return None


def split_spans(text: str, spans: Iterable[tuple[Span | None, Mark]]) -> list[Piece]:
    """Cut ``text`` into pieces, each with the strongest mark of the spans over it, or None.

    Spans are clamped to the text, so bad offsets never raise; a conflict mark wins over a
    partial one where spans overlap.
    """
    marks = [
        (max(0, min(a, len(text))), max(0, min(b, len(text))), mark)
        for (a, b), mark in ((s, m) for s, m in spans if s is not None)
    ]
    marks = [m for m in marks if m[0] < m[1]]
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces: list[Piece] = []
    for start, end in itertools.pairwise(cuts):
        over = [m for a, b, m in marks if a <= start and end <= b]
        mark: Mark | None = None if not over else "conflict" if "conflict" in over else "partial"
        if pieces and pieces[-1][1] == mark:
            pieces[-1] = (pieces[-1][0] + text[start:end], mark)
        else:
            pieces.append((text[start:end], mark))
    return pieces


def finding_mark(finding: Finding) -> Mark:
    """``"conflict"`` for kinds that make a conflict, else ``"partial"``."""
    return "conflict" if finding.is_conflict else "partial"


def reference_spans(link: Link) -> list[tuple[Span | None, Mark]]:
    """The reference-side spans of a link's findings, with their marks."""
    return [(f.reference_span, finding_mark(f)) for f in link.findings]


def other_spans(link: Link) -> list[tuple[Span | None, Mark]]:
    """The report-side spans of a link's findings, with their marks."""
    return [(f.other_span, finding_mark(f)) for f in link.findings]


def support_of(claim: Claim, document_id: str) -> Support:
    """How a document stands towards a claim; absent means missing."""
    return claim.support.get(document_id, Support.OMITTED)


def reference_claims(comparison: Comparison) -> list[Claim]:
    """Claims of the reference, in the reference's order."""
    claims = [c for c in comparison.claims if c.in_reference]
    return sorted(claims, key=lambda c: statement_number(c.anchor))


def added_claims(comparison: Comparison) -> list[Claim]:
    """Claims the reference does not make, the most widely made first."""
    order = {doc.id: i for i, doc in enumerate(comparison.documents)}
    claims = [c for c in comparison.claims if not c.in_reference]
    return sorted(
        claims,
        key=lambda c: (
            -len(makers(c)),
            order.get(document_of(c.anchor), 0),
            statement_number(c.anchor),
        ),
    )


def makers(claim: Claim) -> list[str]:
    """Document ids that make a claim (source, agree or partial), in support order."""
    made = (Support.SOURCE, Support.AGREE, Support.PARTIAL)
    return [doc_id for doc_id, s in claim.support.items() if s in made]


def missing_everywhere(comparison: Comparison) -> list[Claim]:
    """Reference claims that no report makes at all."""
    reports = [d.id for d in comparison.reports]
    return [
        c
        for c in reference_claims(comparison)
        if reports and all(support_of(c, r) is Support.OMITTED for r in reports)
    ]


def omitted_by(comparison: Comparison, document_id: str) -> list[Claim]:
    """Reference claims a report leaves out."""
    return [
        c for c in reference_claims(comparison) if support_of(c, document_id) is Support.OMITTED
    ]


def reference_links(comparison: Comparison) -> list[Link]:
    """Links between the reference and a report (not between two reports)."""
    return [link for link in comparison.links if not link.between_reports]


def ordered_findings(comparison: Comparison, *, include_partials: bool = True) -> list[Link]:
    """Conflicts, then partials; within each, claims disputed by more reports come first."""
    wanted = {Verdict.CONFLICT} | ({Verdict.PARTIAL} if include_partials else set())
    chosen = [lk for lk in reference_links(comparison) if lk.verdict in wanted]
    rank = {Verdict.CONFLICT: 0, Verdict.PARTIAL: 1}
    disputed: dict[tuple[Verdict, str], int] = {}
    for lk in chosen:
        disputed[(lk.verdict, lk.reference)] = disputed.get((lk.verdict, lk.reference), 0) + 1
    order = {doc.id: i for i, doc in enumerate(comparison.documents)}
    return sorted(
        chosen,
        key=lambda lk: (
            rank[lk.verdict],
            -disputed[(lk.verdict, lk.reference)],
            statement_number(lk.reference),
            order.get(document_of(lk.other), len(order)),
            statement_number(lk.other),
        ),
    )


def between_report_conflicts(comparison: Comparison) -> list[Link]:
    """Conflicts between two reports, in document and statement order."""
    order = {doc.id: i for i, doc in enumerate(comparison.documents)}
    chosen = [
        lk for lk in comparison.links if lk.between_reports and lk.verdict is Verdict.CONFLICT
    ]
    return sorted(
        chosen,
        key=lambda lk: (
            order.get(document_of(lk.reference), len(order)),
            statement_number(lk.reference),
            order.get(document_of(lk.other), len(order)),
            statement_number(lk.other),
        ),
    )


def side_label(comparison: Comparison, statement_id: str) -> str:
    """``"Reference, statement 4"`` or ``"Report 2, statement 7"``."""
    number = report_number(comparison, document_of(statement_id))
    owner = "Reference" if number == "Ref." else f"Report {number}"
    return f"{owner}, statement {statement_number(statement_id)}"


def copy_groups(comparison: Comparison) -> list[list[str]]:
    """Documents that are copies of one wire text, grouped, in document order."""
    groups: dict[str, list[str]] = {}
    for doc_id, group in group_copies(comparison.documents, comparison.copies).items():
        groups.setdefault(group, []).append(doc_id)
    return [g for g in groups.values() if len(g) > 1]


def titles(comparison: Comparison, document_ids: Sequence[str]) -> str:
    """Document titles joined as prose: ``"A, B and C"``."""
    docs = (find_document(comparison, i) for i in document_ids)
    names = [f"“{document_label(d)}”" for d in docs if d]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def report_names(comparison: Comparison, document_ids: Sequence[str]) -> str:
    """``"Report 2"``, ``"Reports 2 and 5"``, ``"Reports 1, 3 and 4"``: as the report names them."""
    numbers = [report_number(comparison, d) for d in dict.fromkeys(document_ids)]
    if len(numbers) == 1:
        return f"Report {numbers[0]}"
    return "Reports " + ", ".join(numbers[:-1]) + " and " + numbers[-1]


@dataclass(frozen=True)
class CoverSummary:
    """What the cover says "in short": the disputed facts, what most reports leave out, counts."""

    facts: tuple[str, ...]  # most disputed first
    more_facts: int  # disputed facts not on the cover (they are in the conflicts section)
    omitted: tuple[str, ...]
    counts: str


def cover_summary(
    comparison: Comparison, totals: Totals, *, limit: int = 6, omitted_limit: int = 3
) -> CoverSummary:
    """The cover's summary in plain words, from the engine's findings and the one count."""
    facts = disputed_facts(comparison)
    numbers = claim_numbers_of(comparison)

    def name(ids: Sequence[str]) -> str:
        return report_names(comparison, ids)

    lines = tuple(
        f"Claim {numbers.get(f.claim, '?')}, {clean(fact_line(f, name))}" for f in facts[:limit]
    )
    omitted = tuple(
        f"claim {numbers.get(anchor, '?')}, "
        f"“{clean(short_text(_text(comparison, anchor), 80))}” "
        f"({name(docs)} of {len(comparison.reports)})"
        for anchor, docs in widely_omitted(comparison)
        if len(docs) < len(comparison.reports)
    )[:omitted_limit]
    return CoverSummary(
        lines, max(0, len(facts) - limit), omitted, plain_summary(comparison, totals)
    )


def _text(comparison: Comparison, statement_id: str) -> str:
    statement = find_statement(comparison, statement_id)
    return statement.text if statement else statement_id


def claim_numbers_of(comparison: Comparison) -> dict[str, int]:
    """Reference statement id -> the number of its claim (1, 2, 3 … in the reference's order);
    the matrix rows and the findings headings use these numbers."""
    numbers: dict[str, int] = {}
    for number, claim in enumerate(reference_claims(comparison), 1):
        for sid in claim.statements:
            if document_of(sid) == comparison.reference.id:
                numbers.setdefault(sid, number)
    return numbers


def plain_summary(comparison: Comparison, totals: Totals) -> str:
    """The counts in plain words (the same sentence everywhere), the copies and skipped files."""
    parts = [totals_line(totals)]
    missing = len(missing_everywhere(comparison))
    if missing:
        verb = "appears" if missing == 1 else "appear"
        parts.append(f"{plural(missing, 'claim')} of the reference {verb} in no other report")
    for group in copy_groups(comparison):
        parts.append(f"{titles(comparison, group)} are copies of the same wire text")
    if comparison.skipped:
        verb = "was" if len(comparison.skipped) == 1 else "were"
        parts.append(f"{plural(len(comparison.skipped), 'file')} {verb} skipped")
    return "; ".join(parts) + "."


@dataclass(frozen=True)
class ReviewTally:
    """How many review decisions of each kind shaped the comparison."""

    confirmed: int = 0
    changed: int = 0
    unlinked: int = 0
    linked: int = 0

    @property
    def total(self) -> int:
        """All decisions together."""
        return self.confirmed + self.changed + self.unlinked + self.linked


def review_tally(comparison: Comparison, decisions: Sequence[Decision] = ()) -> ReviewTally:
    """Count review decisions; from the decisions when given, else from the reviewed links."""
    if decisions:
        kinds = [d.action for d in decisions]
        return ReviewTally(
            confirmed=kinds.count(Action.CONFIRM),
            changed=kinds.count(Action.SET_VERDICT),
            unlinked=kinds.count(Action.UNLINK),
            linked=kinds.count(Action.LINK),
        )
    reviewed = [lk for lk in comparison.links if lk.reviewed]
    by_hand = [lk for lk in reviewed if lk.origin is LinkOrigin.REVIEWER]
    engine = [lk for lk in reviewed if lk.origin is not LinkOrigin.REVIEWER]
    changed = [
        lk
        for lk in engine
        if lk.machine_verdict is not None and lk.machine_verdict is not lk.verdict
    ]
    return ReviewTally(
        confirmed=len(engine) - len(changed), changed=len(changed), linked=len(by_hand)
    )


def review_line(link: Link) -> str:
    """What a reviewer did with a link (score, the engine's verdict and theirs) and the note;
    empty for a link nobody reviewed, so that the report does not repeat "not reviewed"."""
    parts = [f"Score {link.score:.0f}"]
    if link.machine_verdict is not None:
        parts.append(f"engine verdict: {VERDICT_WORDS[link.machine_verdict]}")
    if link.origin is LinkOrigin.REVIEWER:
        parts.append(f"linked by hand as {VERDICT_WORDS[link.verdict]}")
    elif link.reviewed and link.machine_verdict not in (None, link.verdict):
        parts.append(f"reviewer changed it to {VERDICT_WORDS[link.verdict]}")
    elif link.reviewed:
        parts.append("reviewer confirmed it")
    elif not link.note:
        return ""
    line = " · ".join(parts) + "."
    return f"{line} Note: {link.note}" if link.note else line


def report_number(comparison: Comparison, document_id: str) -> str:
    """``"Ref."`` for the reference, else the report's 1-based number as a string."""
    if document_id == comparison.reference.id:
        return "Ref."
    for number, doc in enumerate(comparison.reports, 1):
        if doc.id == document_id:
            return str(number)
    return "?"


def file_name(path: str) -> str:
    """The last part of a path, whichever system wrote it; a web address whole (its last
    part alone would not say which page), and "pasted text" for a document without a path."""
    if is_address(path):
        return path
    return PurePath(path.replace("\\", "/")).name or path or "pasted text"


def source_name(doc: Document) -> str:
    """Where a document came from, for a report's table: its file name, or its web address
    and when it was fetched."""
    if doc.url is not None and doc.retrieved:
        return f"{doc.url}, fetched {format_retrieved(doc.retrieved)}"
    return file_name(doc.path)


def matrix_rows(comparison: Comparison) -> list[tuple[str, Claim]]:
    """Row label and claim: the reference's claims numbered 1, 2, 3 … (the numbers the
    findings use), then the claims two or more reports make and the reference does not."""
    rows = [(str(n), c) for n, c in enumerate(reference_claims(comparison), 1)]
    shared = [c for c in added_claims(comparison) if len(makers(c)) >= 2]
    rows += [(f"+{i}", c) for i, c in enumerate(shared, 1)]
    return rows


def option_rows(ctx: ReportContext) -> list[list[str]]:
    """The comparison's and the report's options as (setting, value) rows."""
    o = ctx.comparison.options
    kinds = ", ".join(kind_label(k) for k in KINDS if k in o.finding_kinds) or "none"
    aliases = "; ".join(f"{a} = {b}" for a, b in o.aliases) or "none"
    sections = [s for s in SECTIONS if ctx.options.has(s)]
    return [
        [
            f"Link threshold (minimum link score, {THRESHOLD_MIN}–{THRESHOLD_MAX}; "
            "higher is stricter)",
            f"{o.threshold:g}",
        ],
        ["Reports also compared with each other", "yes" if o.compare_reports else "no"],
        ["Wire-copy threshold (share of near-verbatim statements)", f"{o.copy_threshold:g}%"],
        ["Kinds of difference checked", kinds],
        ["Name aliases", aliases],
        ["Report sections", ", ".join(sections)],
        ["Partial agreements listed", "yes" if ctx.options.include_partials else "no"],
    ]
