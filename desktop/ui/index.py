"""The views' shared look-ups over one comparison: the core's, plus the marks they paint."""

from __future__ import annotations

from desktop.core.lookup import ComparisonLookup
from desktop.core.model import Comparison
from desktop.ui.marks import Mark


class ComparisonIndex(ComparisonLookup):
    """Built once per comparison (or adopted from the worker that compared)."""

    def __init__(self, comparison: Comparison, *, built: ComparisonLookup | None = None) -> None:
        super().__init__(comparison, built=built)
        self._pair_marks: dict[str, tuple[dict[str, Mark], dict[str, Mark]]] = {}

    @classmethod
    def adopt(cls, lookup: ComparisonLookup) -> ComparisonIndex:
        """An index over tables a worker has already built; nothing is walked again."""
        return cls(lookup.comparison, built=lookup)

    def pair_marks(self, report_id: str) -> tuple[dict[str, Mark], dict[str, Mark]]:
        """Marks for the reference's and the report's statements against each other.

        Worked out once per report (the pair view and its stops both ask); callers copy before
        changing them.
        """
        if report_id not in self._pair_marks:
            self._pair_marks[report_id] = self._work_out_pair_marks(report_id)
        return self._pair_marks[report_id]

    def _work_out_pair_marks(self, report_id: str) -> tuple[dict[str, Mark], dict[str, Mark]]:
        c = self.comparison
        left = dict.fromkeys((s.id for s in c.reference.statements), Mark.OMITTED)
        right = dict.fromkeys((s.id for s in c.document(report_id).statements), Mark.ADDED)
        rank = {Mark.CONFLICT: 3, Mark.PARTIAL: 2, Mark.AGREE: 1}
        for link in self.pair_links(report_id):
            mark = Mark.of(link.verdict)
            for side, sid in ((left, link.reference), (right, link.other)):
                if rank.get(side[sid], 0) < rank[mark]:
                    side[sid] = mark
        return left, right
