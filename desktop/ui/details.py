"""The details panel: each document's statement of the selected claim, with its evidence."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.kinds import kind_label
from desktop.core.model import Claim, Link, LinkOrigin, Span, Support, document_of
from desktop.ui.index import ComparisonIndex
from desktop.ui.marks import REVIEWED_GLYPH, Mark, glyph_colour, marker_colours, tint
from desktop.ui.selection import Selection

MAX_FULL = 30  # documents shown with their quotes; the others are named in one line
MAX_NAMES = 40  # documents named in such a line
_RANK = {Support.SOURCE: 0, Support.CONFLICT: 1, Support.PARTIAL: 2, Support.AGREE: 3}


def _names_line(label: str, mark: Mark, names: list[str]) -> str:
    shown = "; ".join(html.escape(t) for t in names[:MAX_NAMES])
    more = f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else ""
    return f"<p><b>{mark.glyph} {label}</b> ({len(names)}): {shown}{more}.</p>"


def marked_html(text: str, spans: Iterable[Span], *, mark_style: str) -> str:
    """``text`` escaped, with the spans wrapped in a highlighted ``<span>``."""
    merged: list[list[int]] = []
    for a, b in sorted((max(0, a), min(len(text), b)) for a, b in spans):
        if b <= a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, last = [], 0
    for a, b in merged:
        out.append(html.escape(text[last:a]))
        out.append(f'<span style="{mark_style}">{html.escape(text[a:b])}</span>')
        last = b
    out.append(html.escape(text[last:]))
    return "".join(out)


class DetailsPanel(QTextBrowser):
    """Readable evidence for one claim: quotes, verdicts, scores, findings, notes."""

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Details of the selected claim")
        self.setOpenLinks(False)
        self._selection = selection
        self._index: ComparisonIndex | None = None
        selection.changed.connect(self.refresh)
        self.refresh()

    def set_index(self, index: ComparisonIndex | None) -> None:
        """Follow a new comparison."""
        self._index = index
        self.refresh()

    def refresh(self) -> None:
        """Show the selected claim, or a hint when none is."""
        claim = self._index.claims.get(self._selection.claim or "") if self._index else None
        if claim is None:
            self.setHtml("<p><i>Select a statement or a claim to see its evidence here.</i></p>")
            return
        self.setHtml(self.claim_html(claim))

    # -- HTML ----------------------------------------------------------------------------------
    def _mark_style(self) -> str:
        back, fore = marker_colours(self.palette())
        return (
            f"background-color:{back.name()}; color:{fore.name()}; font-weight:bold; "
            "text-decoration:underline"
        )

    def claim_html(self, claim: Claim) -> str:
        """The whole panel for one claim."""
        assert self._index is not None
        c = self._index.comparison
        anchor = self._index.statement(claim.anchor)
        links = self._claim_links(claim)
        anchor_spans = [
            f.reference_span
            for lk in links
            for f in lk.findings
            if lk.reference == claim.anchor and f.reference_span
        ]
        where = "the reference" if claim.in_reference else "a report only (not in the reference)"
        parts = [
            f"<h3>Claim from {where}</h3>",
            f"<p>“{marked_html(anchor.text if anchor else '', anchor_spans, mark_style=self._mark_style())}”</p>",  # noqa: E501
            f"<p>Backed by <b>{claim.corroboration}</b> independent "
            f"document{'s' if claim.corroboration != 1 else ''} besides "
            f"{'the reference' if claim.in_reference else 'the report that makes it'}.</p><hr>",
        ]
        by_doc: dict[str, list[str]] = {}
        for sid in claim.statements:
            by_doc.setdefault(document_of(sid), []).append(sid)
        links_of: dict[str, list[Link]] = {}
        for link in links:
            links_of.setdefault(link.reference, []).append(link)
            links_of.setdefault(link.other, []).append(link)
        # Evidence first: the source, then conflicts, partial agreements, agreements.
        speaking = sorted(
            (d for d in c.documents if d.id in by_doc),
            key=lambda d: _RANK.get(claim.support.get(d.id, Support.OMITTED), 9),
        )
        for doc in speaking[:MAX_FULL]:
            support = claim.support.get(doc.id, Support.OMITTED)
            parts.append(self._document_html(doc.title, by_doc[doc.id], claim, support, links_of))
        # With many reports a block each would bury the evidence: the rest in one line each.
        rest = speaking[MAX_FULL:]
        if rest:
            parts.append(_names_line("Also making the claim", Mark.AGREE, [d.title for d in rest]))
        silent = [d.title for d in c.documents if d.id not in by_doc]
        if silent:
            parts.append(_names_line("Does not make the claim", Mark.OMITTED, silent))
        return "".join(parts)

    def _claim_links(self, claim: Claim) -> list[Link]:
        assert self._index is not None
        ids = set(claim.statements)
        seen, out = set(), []
        for sid in claim.statements:
            for link in self._index.links_of(sid):
                key = (link.reference, link.other)
                if key not in seen and link.reference in ids and link.other in ids:
                    seen.add(key)
                    out.append(link)
        return out

    def _document_html(
        self,
        title: str,
        statements: list[str],
        claim: Claim,
        support: Support,
        links: dict[str, list[Link]],
    ) -> str:
        mark = (
            Mark.ADDED if support is Support.SOURCE and not claim.in_reference else Mark.of(support)
        )
        palette = self.palette()
        glyph = f'<span style="color:{glyph_colour(mark, palette).name()}">{mark.glyph}</span>'
        head = f"<p><b>{glyph} {html.escape(title)}</b> — {mark.word}</p>"
        rows = [self._statement_html(sid, claim, links, mark) for sid in statements]
        return head + "".join(rows)

    def _statement_html(
        self, sid: str, claim: Claim, links: dict[str, list[Link]], mark: Mark
    ) -> str:
        assert self._index is not None
        st = self._index.statement(sid)
        mine = links.get(sid, [])
        link = next(
            (lk for lk in mine if claim.anchor in (lk.reference, lk.other)),
            mine[0] if mine else None,
        )
        spans: list[Span] = []
        for f in link.findings if link else ():
            span = f.reference_span if link and link.reference == sid else f.other_span
            if span:
                spans.append(span)
        back = tint(mark, self.palette()).name()
        text = marked_html(st.text if st else sid, spans, mark_style=self._mark_style())
        out = [f"<p style='margin-left:16px; background-color:{back}'>“{text}”</p>"]
        if link is not None and sid != claim.anchor:
            out.append(self._link_html(link))
        return "".join(out)

    @staticmethod
    def _link_html(link: Link) -> str:
        bits = [f"similarity {link.score:.0f} of 100"]
        if link.reviewed:
            was = link.machine_verdict
            changed = was is not None and was is not link.verdict
            bits.append(
                f"{REVIEWED_GLYPH} reviewed"
                + (f" (the engine said {was.value})" if changed and was else "")
            )
        if link.origin is LinkOrigin.REVIEWER:
            bits.append("linked by the reviewer")
        out: list[str] = []
        if link.findings:  # what differs comes first; the score is a footnote to it
            out.extend(
                f"<p style='margin-left:24px; margin-top:2px; margin-bottom:2px'>"
                f"• <b>{html.escape(kind_label(f.kind))}:</b> {html.escape(f.message)}"
                "</p>"
                for f in link.findings
            )
        if link.note:
            out.append(f"<p style='margin-left:16px'>Note: <i>{html.escape(link.note)}</i></p>")
        out.append(f"<p style='margin-left:16px; color:gray'>{html.escape(', '.join(bits))}</p>")
        return "".join(out)
