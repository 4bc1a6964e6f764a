"""Reports written from a core Comparison: DOCX, JSON, CSV and HTML. No Qt is imported here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.core.errors import ExportError
from desktop.core.model import Comparison, Decision
from desktop.export.options import DEFAULT_OPTIONS, SECTIONS, ReportOptions

__all__ = ["SECTIONS", "SUFFIXES", "ExportError", "ReportOptions", "write_export"]

SUFFIXES = (".docx", ".json", ".csv", ".html", ".htm")
Writer = Callable[[Comparison, Path, ReportOptions, tuple[Decision, ...]], None]


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
    suffix = target.suffix.lower()
    writer = _WRITERS.get(suffix)
    if writer is None:
        shown = f"“{target.suffix}”" if target.suffix else "no extension"
        raise ExportError(
            target, f"unknown report format ({shown}); use .docx, .json, .csv or .html"
        )
    if target.is_dir():
        raise ExportError(target, "a folder has that name")
    writer(comparison, target, options, tuple(decisions))


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


_WRITERS: dict[str, Writer] = {
    ".docx": _docx,
    ".json": _json,
    ".csv": _csv,
    ".html": _html,
    ".htm": _html,
}
