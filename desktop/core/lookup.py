"""Look-ups over one comparison: claims, links, pairs, statements and their order.

Built where the comparison is made (a worker thread in the desktop app), so the views that
share it get dictionary look-ups without first walking tens of thousands of links.
"""

from __future__ import annotations

from collections import defaultdict

from desktop.core.model import Claim, Comparison, Link, Statement, Verdict, document_of


class ComparisonLookup:
    """Built once per comparison; every query is a dictionary look-up."""

    comparison: Comparison
    claims: dict[str, Claim]
    _claim_of: dict[str, str]
    _links_of: dict[str, list[Link]]
    _pair: dict[tuple[str, str], Link]
    _statements: dict[str, Statement]
    _order: dict[str, int]
    _by_report: dict[str, list[Link]]

    def __init__(self, comparison: Comparison, *, built: ComparisonLookup | None = None) -> None:
        """Build the tables, or share those ``built`` already holds for the same comparison
        (a view's lookup over tables a worker made: nothing is walked again)."""
        if built is not None:
            if built.comparison is not comparison:
                raise ValueError("the built tables belong to another comparison")
            self._share(built)
            return
        self.comparison = comparison
        self.claims = {claim.id: claim for claim in comparison.claims}
        self._claim_of = {}
        for claim in comparison.claims:
            for sid in claim.statements:
                self._claim_of.setdefault(sid, claim.id)
        self._links_of = defaultdict(list)
        self._pair = {}
        for link in comparison.links:
            self._links_of[link.reference].append(link)
            self._links_of[link.other].append(link)
            self._pair[(link.reference, link.other)] = link
        self._statements = {s.id: s for d in comparison.documents for s in d.statements}
        self._order = {s.id: n for d in comparison.documents for n, s in enumerate(d.statements)}
        self._by_report = defaultdict(list)
        ref = comparison.reference.id
        for link in comparison.links:
            if link.verdict is not Verdict.UNRELATED and document_of(link.reference) == ref:
                self._by_report[document_of(link.other)].append(link)
        for links in self._by_report.values():
            links.sort(key=lambda lk: (self.order(lk.reference), self.order(lk.other)))

    def _share(self, built: ComparisonLookup) -> None:
        self.comparison, self.claims = built.comparison, built.claims
        self._claim_of, self._links_of, self._pair = built._claim_of, built._links_of, built._pair
        self._statements, self._order = built._statements, built._order
        self._by_report = built._by_report

    def statement(self, statement_id: str) -> Statement | None:
        """The statement with that id, or None."""
        return self._statements.get(statement_id)

    def order(self, statement_id: str) -> int:
        """The statement's index in its document."""
        return self._order.get(statement_id, -1)

    def claim_of(self, statement_id: str) -> Claim | None:
        """The claim the statement belongs to."""
        cid = self._claim_of.get(statement_id)
        return self.claims.get(cid) if cid else None

    def link(self, a: str, b: str) -> Link | None:
        """The link between two statements, in either order."""
        return self._pair.get((a, b)) or self._pair.get((b, a))

    def pair_links(self, report_id: str) -> list[Link]:
        """Links between the reference and one report, in reference order."""
        return list(self._by_report.get(report_id, ()))

    def links_of(self, statement_id: str) -> list[Link]:
        """Every link that has the statement at one end."""
        return list(self._links_of.get(statement_id, ()))

    def partners(self, statement_id: str, document_id: str) -> list[Link]:
        """Links from a statement to statements of ``document_id``."""
        return [
            lk
            for lk in self._links_of.get(statement_id, ())
            if document_id in (document_of(lk.reference), document_of(lk.other))
            and lk.verdict is not Verdict.UNRELATED
        ]

    def reviewed(self) -> set[str]:
        """Statements in a link a person has reviewed."""
        out: set[str] = set()
        for link in self.comparison.links:
            if link.reviewed:
                out.update((link.reference, link.other))
        return out
