"""Findings the pair judge leaves open that the documents' own dates settle."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from desktop.core.detect.dates import GIVEN_DIFFERENTLY, settle_relative_date
from desktop.core.detect.prepared import Prepared
from desktop.core.judge import verdict_of
from desktop.core.model import (
    CompareOptions,
    Document,
    Finding,
    Link,
    Statement,
    document_of,
)

__all__ = ["settle_dates"]


def settle_dates(
    links: list[Link],
    documents: Sequence[Document],
    *,
    prepared: Callable[[Statement], Prepared],
    options: CompareOptions,
) -> list[Link]:
    """Read relative dates ('this month', 'yesterday') against the day each document was
    published: a pair the judge could only call "given differently" agrees or conflicts."""
    published = {d.id: d.published for d in documents if d.published}
    if not published:
        return links
    statements = {s.id: s for d in documents for s in d.statements}
    out = []
    for link in links:
        changed = False
        findings: list[Finding] = []
        for finding in link.findings:
            settled: Finding | bool = False
            if finding.message.startswith(GIVEN_DIFFERENTLY):
                settled = settle_relative_date(
                    prepared(statements[link.reference]),
                    prepared(statements[link.other]),
                    published.get(document_of(link.reference)),
                    published.get(document_of(link.other)),
                    finding,
                )
            if settled is False:
                findings.append(finding)
            elif settled is True:
                changed = True  # the two dates agree: the difference goes
            else:
                changed = True
                if settled.kind in options.finding_kinds:
                    findings.append(settled)
        if changed:
            verdict = verdict_of(tuple(findings))
            link = replace(link, findings=tuple(findings), verdict=verdict, machine_verdict=verdict)
        out.append(link)
    return out
