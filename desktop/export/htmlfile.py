"""A self-contained HTML report: inline CSS, no scripts, no remote resources, escaped text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from html import escape
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.core.atomic import write_bytes_atomic
from desktop.core.glyphs import ADDED, GLYPHS
from desktop.core.kinds import kind_label
from desktop.core.model import Comparison, Decision, Link, Support, Verdict
from desktop.export.groups import ClaimGroup, finding_groups
from desktop.export.methods import LIMITS, how_paragraphs, kind_rows
from desktop.export.options import DEFAULT_OPTIONS, ReportContext, ReportOptions
from desktop.export.text import (
    LEGEND,
    SUPPORT_WORDS,
    VERDICT_WORDS,
    Piece,
    added_claims,
    between_report_conflicts,
    clean,
    copy_groups,
    cover_summary,
    file_name,
    find_statement,
    makers,
    matrix_rows,
    missing_everywhere,
    omitted_by,
    option_rows,
    other_spans,
    plural,
    reference_spans,
    report_number,
    review_line,
    review_tally,
    side_label,
    source_name,
    split_spans,
    statement_number,
    support_of,
    titles,
)

CSS = """
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#5a5a5a;--line:#c9ccd1;
--head:#e8edf3;--agree:#c6efce;--partial:#ffe49c;--conflict:#f4b9b9;--omitted:#e4e4e4;
--source:#d9e2f3;--mark-conflict:#b01e1e;--mark-partial:#8a5200}
@media (prefers-color-scheme:dark){:root{--bg:#1e1f22;--fg:#e6e6e6;--muted:#a9a9a9;
--line:#4a4d52;--head:#2b3038;--agree:#1f5130;--partial:#6b5412;--conflict:#6e2424;
--omitted:#3a3b3e;--source:#283a5c;--mark-conflict:#ff8f8f;--mark-partial:#ffc65c}}
body{background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,"Segoe UI",Arial,sans-serif;
max-width:70rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid var(--line)}
.kicker,.muted{color:var(--muted)}table{border-collapse:collapse;margin:.6rem 0;width:100%}
th,td{border:1px solid var(--line);padding:.25rem .45rem;vertical-align:top;text-align:left}
th{background:var(--head)}td.n,th.n{text-align:center}
td.cell{text-align:center;font-size:1.1rem;min-width:2rem}
.agree{background:var(--agree)}.partial{background:var(--partial)}
.conflict{background:var(--conflict)}.omitted{background:var(--omitted)}
.source{background:var(--source)}
blockquote{margin:.2rem 0 .6rem 1.2rem;padding-left:.8rem;border-left:3px solid var(--line)}
mark{background:none;color:var(--mark-conflict);font-weight:700;text-decoration:underline}
mark.partial{color:var(--mark-partial)}article{margin-bottom:1.4rem}
.matrix{overflow-x:auto}.legend span{display:inline-block;padding:.1rem .5rem;margin:.1rem;
border:1px solid var(--line)}code{font-size:.85rem;overflow-wrap:anywhere}
thead th{position:sticky;top:0}td.cell,.legend span{print-color-adjust:exact;
-webkit-print-color-adjust:exact}
"""
_CLASS = {s: s.value for s in Support}
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"


def text(value: object) -> str:
    """Escaped text (quotes too, so it is safe in attributes)."""
    return escape(clean(str(value)), quote=True)


def comparison_to_html(
    comparison: Comparison,
    *,
    options: ReportOptions = DEFAULT_OPTIONS,
    decisions: Iterable[Decision] = (),
    generated: datetime | None = None,
) -> str:
    """The whole page as a string."""
    ctx = ReportContext.build(comparison, options=options, decisions=decisions, generated=generated)
    title = options.title or comparison.reference.title
    parts = [_head(title), _cover(ctx, title)]
    for name, build in _SECTIONS:
        if options.has(name):
            parts.append(build(ctx))
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def write_html(
    comparison: Comparison,
    path: str | Path,
    *,
    options: ReportOptions = DEFAULT_OPTIONS,
    decisions: Iterable[Decision] = (),
) -> None:
    """Write the HTML report to ``path`` atomically."""
    page = comparison_to_html(comparison, options=options, decisions=decisions)
    write_bytes_atomic(path, page.encode("utf-8", "replace"))  # a lone surrogate becomes "?"


def _head(title: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>{text(title)}</title><style>{CSS}</style></head><body><main>"
    )


def _cover(ctx: ReportContext, title: str) -> str:
    stamp = ctx.generated.strftime("%d %B %Y, %H:%M %Z").strip()
    summary = cover_summary(ctx.comparison, ctx.totals)
    out = [
        f'<p class="kicker">{text(APP_NAME)} comparison report</p><h1 dir="auto">'
        f'{text(title)}</h1><p class="muted">Generated {text(stamp)} by {APP_NAME} '
        f"{text(__version__)}.</p>"
    ]
    if summary.facts:
        items = "".join(f'<li dir="auto">{text(line)}</li>' for line in summary.facts)
        more = (
            f"<p>… and {plural(summary.more_facts, 'more disputed fact')}, under Conflicts.</p>"
            if summary.more_facts
            else ""
        )
        out.append(
            "<p><strong>In short:</strong> what the reports dispute, the facts disputed "
            f"by the most reports first:</p><ul>{items}</ul>{more}"
        )
    if summary.omitted:
        out.append(
            "<p><strong>Left out by half of the reports or more:</strong> "
            f"{text('; '.join(summary.omitted))}.</p>"
        )
    label = "Counts:" if summary.facts or summary.omitted else "In short:"
    out.append(f"<p><strong>{label}</strong> {text(summary.counts)}</p>")
    return "".join(out)


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], *, numeric: int = 99) -> str:
    """Rows of already-escaped cells; columns from ``numeric`` on are centred."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i >= numeric else f'<td dir="auto">{c}</td>'
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _documents(ctx: ReportContext) -> str:
    c = ctx.comparison
    rows = [
        [
            report_number(c, d.id),
            text(d.title),
            text(d.outlet or "—"),
            text(d.published or "—"),
            text(f"{source_name(d)} ({d.format})"),
            str(len(d.statements)),
            f"<code>{text(d.sha256[:12])}</code>",
        ]
        for d in c.documents
    ]
    out = [
        "<h2>Documents compared</h2>",
        _table(["#", "Title", "Outlet", "Date", "File", "Statements", "SHA-256"], rows, numeric=5),
    ]
    out += [
        f"<p>{text(titles(c, g))} are copies of the same wire text.</p>" for g in copy_groups(c)
    ]
    if c.skipped:
        items = "".join(
            f"<li><strong>{text(file_name(s.path))}</strong>: {text(s.reason)}</li>"
            for s in c.skipped
        )
        out.append(f"<h3>Files not read</h3><ul>{items}</ul>")
    return "\n".join(out)


_SUMMARY_COLUMNS = (
    (Support.AGREE, "Agree"),
    (Support.PARTIAL, "Partial"),
    (Support.CONFLICT, "Conflict"),
    (Support.OMITTED, "Omitted"),
)


def _summary(ctx: ReportContext) -> str:
    rows = []
    for number, doc in enumerate(ctx.comparison.reports, 1):
        n = ctx.counts.get(doc.id)
        values = (n.agree, n.partial, n.conflict, n.omitted, n.added) if n else (0,) * 5
        rows.append([str(number), text(doc.title), *(str(v) for v in values)])
    headers = ["#", "Report", *(f"{GLYPHS[s]} {w}" for s, w in _SUMMARY_COLUMNS), f"{ADDED} Added"]
    return "<h2>Summary per report</h2>" + _table(headers, rows, numeric=2)


def _cell(support: Support) -> str:
    word = SUPPORT_WORDS[support]
    return (
        f'<td class="cell {_CLASS[support]}" title="{word}">'
        f'<span aria-label="{word}">{GLYPHS[support]}</span></td>'
    )


def _matrix(ctx: ReportContext) -> str:
    c = ctx.comparison
    legend = "".join(
        f'<span class="{_CLASS[s]}">{GLYPHS[s]} {SUPPORT_WORDS[s]}</span>' for s in LEGEND
    )
    head = "".join(
        f'<th class="n" title="{text(d.title)}">{report_number(c, d.id)}</th>' for d in c.documents
    )
    rows = []
    for label, claim in matrix_rows(c):
        st = find_statement(c, claim.anchor)
        cells = "".join(_cell(support_of(claim, d.id)) for d in c.documents)
        rows.append(
            f'<tr><td class="n">{text(label)}</td><td dir="auto">'
            f"{text(st.text if st else claim.anchor)}</td>{cells}"
            f'<td class="n">{claim.corroboration}</td></tr>'
        )
    return (
        f'<h2>Claim matrix</h2><p class="legend">{legend}</p><div class="matrix"><table>'
        f'<thead><tr><th class="n">#</th><th>Claim</th>{head}<th class="n">Backed by</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _marked(pieces: list[Piece]) -> str:
    return "".join(
        f'<mark class="{mark}">{text(t)}</mark>' if mark else text(t) for t, mark in pieces
    )


def _quote(label: str, pieces: list[Piece]) -> str:
    return f'<p>{text(label)}:</p><blockquote dir="auto">{_marked(pieces)}</blockquote>'


def _report_link(c: Comparison, link: Link, stands: str) -> str:
    other = find_statement(c, link.other)
    if other is None:
        return ""
    items = "".join(
        f"<li><strong>{text(kind_label(f.kind))}:</strong> {text(f.message)}</li>"
        for f in link.findings
    )
    review = review_line(link)
    return (
        _quote(f"{side_label(c, other.id)} — {stands}", split_spans(other.text, other_spans(link)))
        + f"<ul>{items}</ul>"
        + (f'<p class="muted">{text(review)}</p>' if review else "")
    )


def _group(c: Comparison, group: ClaimGroup) -> str:
    ref = find_statement(c, group.reference)
    if ref is None:
        return ""
    links = [lk for e in group.entries for lk in e.links]
    spans = [sp for lk in links for sp in reference_spans(lk)]
    body = "".join(_report_link(c, lk, VERDICT_WORDS[lk.verdict]) for lk in links)
    return (
        f"<article><h4>Claim {group.number}</h4>"
        + _quote(side_label(c, ref.id), split_spans(ref.text, spans))
        + body
        + "</article>"
    )


def _findings(ctx: ReportContext) -> str:
    c, t = ctx.comparison, ctx.totals
    partials = ctx.options.include_partials
    out = [
        "<h2>Conflicts and partial agreements</h2>" if partials else "<h2>Conflicts</h2>",
        f"<p>{plural(t.conflicts, 'conflict')}"
        + (f" and {plural(t.partials, 'partial agreement')}" if partials else "")
        + ", counted as in the summary: one report against one claim.</p>",
    ]
    for verdict, heading in (
        (Verdict.CONFLICT, "Conflicts"),
        (Verdict.PARTIAL, "Partial agreements"),
    ):
        if verdict is Verdict.PARTIAL and not partials:
            continue
        groups = finding_groups(c, verdict, include_partials=partials)
        out.append(f"<h3>{heading}</h3>" + ("" if groups else "<p>None.</p>"))
        out += [_group(c, g) for g in groups]
    between = between_report_conflicts(c)
    if between:
        out.append("<h3>Conflicts between reports</h3>")
        for lk in between:
            ref = find_statement(c, lk.reference)
            if ref is not None:
                out.append(
                    "<article>"
                    + _quote(side_label(c, ref.id), split_spans(ref.text, reference_spans(lk)))
                    + _report_link(c, lk, "conflicts")
                    + "</article>"
                )
    return "\n".join(out)


def _omissions(ctx: ReportContext) -> str:
    c = ctx.comparison
    out = ["<h2>Omissions and additions</h2>", "<h3>Reference claims missing from each report</h3>"]
    for number, doc in enumerate(c.reports, 1):
        missing = omitted_by(c, doc.id)
        items = "".join(
            f"<li>Statement {statement_number(cl.anchor)}: {text(_claim_text(c, cl.anchor))}</li>"
            for cl in missing
        )
        out.append(
            f"<p><strong>Report {number}, <bdi>{text(doc.title)}</bdi></strong>: "
            f'{len(missing)} missing.</p><ul dir="auto">{items}</ul>'
        )
    lonely = "".join(
        f"<li>Statement {statement_number(cl.anchor)}: {text(_claim_text(c, cl.anchor))}</li>"
        for cl in missing_everywhere(c)
    )
    out.append(
        "<h3>Claims of the reference that no report makes</h3>"
        + (f'<ul dir="auto">{lonely}</ul>' if lonely else "<p>None.</p>")
    )
    rows = [
        [
            text(_claim_text(c, cl.anchor)),
            text(", ".join(report_number(c, d) for d in makers(cl))),
            str(cl.corroboration),
        ]
        for cl in added_claims(c)
    ]
    out.append(
        "<h3>Claims the reference does not make</h3>"
        + (
            _table(["Claim", "Made by report", "Backed by"], rows, numeric=1)
            if rows
            else "<p>None.</p>"
        )
    )
    return "\n".join(out)


def _claim_text(c: Comparison, statement_id: str) -> str:
    st = find_statement(c, statement_id)
    return st.text if st else statement_id


def _methods(ctx: ReportContext) -> str:
    tally = review_tally(ctx.comparison, ctx.decisions)
    rows = [[text(a), text(b)] for a, b in option_rows(ctx)]
    how = "".join(f"<p>{text(p)}</p>" for p in how_paragraphs())
    kinds = _table(
        ["Kind", "Makes", "What differs"], [[text(cell) for cell in row] for row in kind_rows()]
    )
    limits = "".join(f"<li>{text(p)}</li>" for p in LIMITS)
    return (
        "<h2>Methods</h2>"
        + _table(["Setting", "Value"], rows)
        + f"<h3>How verdicts are made</h3>{how}{kinds}<h3>Limits</h3><ul>{limits}</ul>"
        + f"<p>Review decisions applied: {tally.confirmed} confirmed, {tally.changed} "
        f"changed, {tally.unlinked} unlinked, {tally.linked} linked by hand.</p>"
    )


_SECTIONS = (
    ("documents", _documents),
    ("summary", _summary),
    ("matrix", _matrix),
    ("conflicts", _findings),
    ("omissions", _omissions),
    ("methods", _methods),
)
