"""Conflicts and partial agreements, grouped by claim: the reference's quote once, then each
report's quote with the words that differ, why, and the review."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from desktop.core.kinds import kind_label
from desktop.core.model import Comparison, Finding, Link, Support, Verdict, document_of
from desktop.export.docx_cover import FINDING_STYLE
from desktop.export.docx_xml import (
    add_heading,
    add_stamped,
    add_stamped_run,
    add_styled,
    add_text,
)
from desktop.export.groups import ClaimGroup, Entry, finding_groups
from desktop.export.methods import labels_of
from desktop.export.options import ReportContext
from desktop.export.text import (
    Mark,
    Piece,
    between_report_conflicts,
    find_document,
    find_statement,
    finding_mark,
    other_spans,
    plural,
    reference_spans,
    report_names,
    review_line,
    short_text,
    side_label,
    split_spans,
)

QUOTE_STYLE = "Quote"
MARK_COLOURS: dict[object, RGBColor] = {
    "conflict": RGBColor(0xB0, 0x1E, 0x1E),
    "partial": RGBColor(0x9A, 0x5B, 0x00),
}
HEADINGS = {
    Verdict.CONFLICT: ("Conflicts", "No report conflicts with the reference."),
    Verdict.PARTIAL: ("Partial agreements", "No report agrees only in part."),
}
_STANDS = {Verdict.CONFLICT: "conflicts", Verdict.PARTIAL: "agrees in part"}


def add_findings(document: DocxDocument, ctx: ReportContext) -> None:
    """Conflicts first, then (unless left out) partial agreements, each claim once."""
    c, t = ctx.comparison, ctx.totals
    partials = ctx.options.include_partials
    add_heading(document, "Conflicts and partial agreements" if partials else "Conflicts", 1)
    lead = f"{plural(t.conflicts, 'conflict')}"
    if partials:
        lead += f" and {plural(t.partials, 'partial agreement')}"
    document.add_paragraph(
        f"{lead} (one report against one claim, as in the summary). Each claim is quoted once, "
        "then the reports that dispute or qualify it, the most disputed claims first. Differing "
        f"words are bold and underlined: red where they conflict ({labels_of(True)}), amber "
        f"where they make a partial agreement ({labels_of(False)})."
    )
    verdicts = [Verdict.CONFLICT] + ([Verdict.PARTIAL] if partials else [])
    for verdict in verdicts:
        title, none = HEADINGS[verdict]
        add_heading(document, title, 2)
        groups = finding_groups(c, verdict, include_partials=partials)
        if not groups:
            document.add_paragraph(none)
        for group in groups:
            _add_group(document, c, group, verdict)
    _add_between(document, c)


def _add_between(document: DocxDocument, comparison: Comparison) -> None:
    between = between_report_conflicts(comparison)
    if not between:
        return
    add_heading(document, "Conflicts between reports", 2)
    document.add_paragraph(
        "Claims the reference does not make, on which two reports contradict each other."
    )
    for link in between:
        ref = find_statement(comparison, link.reference)
        if ref is None:
            continue
        heading = add_heading(document, "", 3)
        add_text(
            heading,
            [
                (
                    f"{side_label(comparison, ref.id)} against "
                    f"{side_label(comparison, link.other)}",
                    False,
                )
            ],
        )
        _add_quote(
            document, side_label(comparison, ref.id), split_spans(ref.text, reference_spans(link))
        )
        _add_report_link(document, comparison, link, "conflicts", shared={})


def _add_group(
    document: DocxDocument, comparison: Comparison, group: ClaimGroup, verdict: Verdict
) -> None:
    ref = find_statement(comparison, group.reference)
    if ref is None:
        return
    links = [lk for e in group.entries for lk in e.links]
    heading = add_heading(document, "", 3)
    add_text(heading, [(f"Claim {group.number}: {short_text(ref.text, 70)}", False)])
    spans = [s for lk in links for s in reference_spans(lk)]
    _add_quote(
        document,
        f"Reference, {side_label(comparison, ref.id).split(', ')[1]}",
        split_spans(ref.text, spans),
    )
    shared = {
        key: f" ({report_names(comparison, docs)})" for key, docs in _shared_findings(group).items()
    }
    for link, stands, also in _merge_copies(comparison, group, verdict):
        _add_report_link(document, comparison, link, stands, shared=shared, also=also)


def _merge_copies(
    comparison: Comparison, group: ClaimGroup, verdict: Verdict
) -> list[tuple[Link, str, list[str]]]:
    """Each link with how its report stands, and the other statements (of wire copies) that
    say word for word the same with the same findings: those are quoted once."""
    merged: dict[object, tuple[Link, str, list[str]]] = {}
    for entry in group.entries:
        for link in entry.links:
            other = find_statement(comparison, link.other)
            key = (
                " ".join(other.text.split()) if other else link.other,
                link.verdict,
                link.reviewed,
                link.note,
                link.origin,
                tuple((f.kind, f.message, f.other_span) for f in link.findings),
            )
            if key in merged:
                merged[key][2].append(link.other)
            else:
                merged[key] = (link, _stands(entry, link, verdict), [])
    return list(merged.values())


def _stands(entry: Entry, link: Link, verdict: Verdict) -> str:
    words = _STANDS.get(link.verdict, link.verdict.value)
    if verdict is Verdict.PARTIAL and entry.support is Support.AGREE:
        return f"{words}; another of its statements agrees"
    return words


FindingKey = tuple[tuple[str, str], Mark]


def _key(finding: Finding) -> FindingKey:
    return (kind_label(finding.kind), finding.message), finding_mark(finding)


def _shared_findings(group: ClaimGroup) -> dict[FindingKey, list[str]]:
    """Findings two or more reports share under one claim (the same phrase left out), with
    the reports: listed once after the quotes instead of under each report."""
    seen: Counter[FindingKey] = Counter()
    docs: dict[FindingKey, list[str]] = {}
    for entry in group.entries:
        keys = {_key(f) for lk in entry.links for f in lk.findings}
        for key in keys:
            seen[key] += 1
            docs.setdefault(key, []).append(entry.document)
    return {k: docs[k] for k, n in seen.items() if n > 1}


def _add_report_link(
    document: DocxDocument,
    comparison: Comparison,
    link: Link,
    stands: str,
    *,
    shared: dict[FindingKey, str],
    also: Sequence[str] = (),
) -> None:
    """The report's quote and its findings; a finding several reports share under the claim
    is listed once, at its first report, naming them all (``shared`` forgets it there)."""
    other = find_statement(comparison, link.other)
    doc = find_document(comparison, document_of(link.other))
    if other is None or doc is None:
        return
    # The title is in the documents table and the matrix key; the number is enough here.
    label = " and ".join(side_label(comparison, sid) for sid in (other.id, *also))
    label += f" — {stands}" if not also else f" (the same words) — {stands}"
    _add_quote(document, label, split_spans(other.text, other_spans(link)))
    for finding in link.findings:
        key = _key(finding)
        if key not in shared:
            _add_finding(document, key[0], key[1], "")
        elif shared[key]:
            _add_finding(document, key[0], key[1], shared[key])
            shared[key] = ""
    review = review_line(link)
    if review:
        meta = add_stamped(document, "meta", _meta_paragraph)
        add_stamped_run(meta, review, "italic", _italic)


def _add_finding(
    document: DocxDocument, kind_message: tuple[str, str], mark: Mark, who: str
) -> None:
    item = add_stamped(document, "finding", _finding_paragraph)
    add_stamped_run(item, f"{kind_message[0]}: ", "bold", _bold)
    add_text(item, [(kind_message[1] + who, False)])


def _finding_paragraph(document: DocxDocument) -> Paragraph:
    return add_styled(document, FINDING_STYLE)


def _meta_paragraph(document: DocxDocument) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(4)
    return paragraph


def _quote_paragraph(document: DocxDocument) -> Paragraph:
    paragraph = add_styled(document, QUOTE_STYLE)
    paragraph.paragraph_format.keep_together = True
    paragraph.paragraph_format.left_indent = Cm(0.8)
    paragraph.paragraph_format.right_indent = Cm(0.4)
    paragraph.paragraph_format.space_before = Pt(4)
    paragraph.paragraph_format.space_after = Pt(1)
    return paragraph


def _bold(run: Run) -> None:
    run.bold = True


def _italic(run: Run) -> None:
    run.italic = True


def _caption_run(run: Run) -> None:
    run.font.size = Pt(9)
    run.bold = True
    run.italic = False


def _add_quote(document: DocxDocument, label: str, pieces: list[Piece]) -> None:
    """The quote, led by who says it (upright and bold, so it never reads as quoted words)."""
    quote = add_stamped(document, "quote", _quote_paragraph)
    add_stamped_run(quote, label + ": ", "caption", _caption_run)
    add_text(quote, pieces, colours=MARK_COLOURS, detect_rtl=True)
