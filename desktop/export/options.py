"""What goes into an exported report: sections, partial agreements, author, title."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from desktop.core.errors import CrosscheckError
from desktop.core.model import Comparison, Decision
from desktop.core.summary import ReportCounts, Totals, count_comparison

SECTIONS: tuple[str, ...] = ("documents", "summary", "matrix", "conflicts", "omissions", "methods")
ALL_SECTIONS = frozenset(SECTIONS)


@dataclass(frozen=True)
class ReportOptions:
    """Choices for DOCX/HTML reports; CSV and JSON always hold everything."""

    sections: frozenset[str] = ALL_SECTIONS
    include_partials: bool = True
    author: str = ""
    title: str | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.sections) - ALL_SECTIONS)
        if unknown:
            raise CrosscheckError(
                f"unknown report section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}"
            )

    @classmethod
    def from_cli(
        cls, *, sections: Iterable[str] | None = None, include_partials: bool = True
    ) -> ReportOptions:
        """Build the options from the command line's ``--sections`` and ``--no-partials``."""
        chosen = ALL_SECTIONS if sections is None else frozenset(s.lower() for s in sections)
        return cls(sections=chosen, include_partials=include_partials)

    def has(self, section: str) -> bool:
        """Whether the report includes ``section``."""
        return section in self.sections


DEFAULT_OPTIONS = ReportOptions()


@dataclass(frozen=True)
class ReportContext:
    """Everything one report is written from, worked out once for all its sections."""

    comparison: Comparison
    options: ReportOptions
    generated: datetime
    totals: Totals
    decisions: tuple[Decision, ...] = ()

    @property
    def counts(self) -> Mapping[str, ReportCounts]:
        """Per-report counts, from the one count of the comparison."""
        return self.totals.per_report

    @classmethod
    def build(
        cls,
        comparison: Comparison,
        *,
        options: ReportOptions,
        decisions: Iterable[Decision] = (),
        generated: datetime | None = None,
    ) -> ReportContext:
        """Count the comparison once (every count shown comes from it) and stamp the time."""
        return cls(
            comparison,
            options,
            generated or datetime.now().astimezone(),
            count_comparison(comparison),
            tuple(decisions),
        )
