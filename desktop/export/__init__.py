"""Reports written from a core Comparison: DOCX, JSON, CSV and HTML. No Qt is imported here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import ExportError
from desktop.core.model import Comparison, Decision
from desktop.export.options import DEFAULT_OPTIONS, SECTIONS, ReportOptions

__all__ = [
    "FORMATS",
    "SECTIONS",
    "SUFFIXES",
    "ExportError",
    "ExportFormat",
    "ReportOptions",
    "format_for",
    "suffix_list",
    "write_export",
]

Writer = Callable[[Comparison, Path, ReportOptions, tuple[Decision, ...]], None]


@dataclass(frozen=True)
class ExportFormat:
    """One report format: its file suffixes (the first is the one a new file gets), the label
    the save dialog shows and the function that writes it."""

    suffixes: tuple[str, ...]
    label: str
    write: Writer

    @property
    def suffix(self) -> str:
        """The suffix a new file of this format gets."""
        return self.suffixes[0]

    @property
    def file_filter(self) -> str:
        """The save dialog's filter: ``Word report (*.docx)``."""
        return f"{self.label} (*{self.suffix})"


def write_export(
    comparison: Comparison,
    path: str | Path,
    *,
    options: ReportOptions = DEFAULT_OPTIONS,
    decisions: Iterable[Decision] = (),
) -> None:
    """Write ``comparison`` to ``path`` in the format its suffix names, atomically.

    Raises ExportError naming the path and the cause (unknown format, folder not writable,
    disk full…); an earlier file at ``path`` is left untouched when writing fails.
    """
    target = Path(path)
    found = format_for(target)
    if found is None:
        shown = f"“{target.suffix}”" if target.suffix else "no extension"
        raise ExportError(target, f"unknown report format ({shown}); use {suffix_list('or')}")
    if target.is_dir():
        raise ExportError(target, "a folder has that name")
    found.write(comparison, target, options, tuple(decisions))


def format_for(path: str | Path) -> ExportFormat | None:
    """The format a file name's suffix names (any case), or None."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None)


def suffix_list(conjunction: str = "or") -> str:
    """The formats' main suffixes for messages and help: ``.docx, .html, .json or .csv``."""
    main = [f.suffix for f in FORMATS]
    return f"{', '.join(main[:-1])} {conjunction} {main[-1]}" if len(main) > 1 else main[0]


def _docx(
    comparison: Comparison, path: Path, options: ReportOptions, decisions: tuple[Decision, ...]
) -> None:
    from desktop.export.docx_report import write_docx_report

    write_docx_report(comparison, path, options=options, decisions=decisions)


def _json(
    comparison: Comparison, path: Path, options: ReportOptions, decisions: tuple[Decision, ...]
) -> None:
    from desktop.export.jsonfile import write_json

    write_json(comparison, path)


def _csv(
    comparison: Comparison, path: Path, options: ReportOptions, decisions: tuple[Decision, ...]
) -> None:
    from desktop.export.csvfile import write_csv

    write_csv(comparison, path)


def _html(
    comparison: Comparison, path: Path, options: ReportOptions, decisions: tuple[Decision, ...]
) -> None:
    from desktop.export.htmlfile import write_html

    write_html(comparison, path, options=options, decisions=decisions)


# The one list of export formats: write_export, the save dialog and the CLI's help read it.
FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat((".docx",), "Word report", _docx),
    ExportFormat((".html", ".htm"), "Web page", _html),
    ExportFormat((".json",), "JSON data", _json),
    ExportFormat((".csv",), "Spreadsheet rows", _csv),
)
SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS for s in f.suffixes)
