"""write_export: the format follows the suffix; writes are atomic; failures name path and cause."""

from __future__ import annotations

import errno
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import BinaryIO

import docx
import pytest

from desktop.core.errors import CrosscheckError, ExportError
from desktop.core.model import Comparison
from desktop.export import (
    FORMATS,
    SUFFIXES,
    ExportFormat,
    ReportOptions,
    format_for,
    suffix_list,
    write_export,
)


@pytest.mark.parametrize("suffix", [".docx", ".DOCX", ".csv", ".html", ".htm", ".json"])
def test_format_follows_the_suffix(comparison: Comparison, out_dir: Path, suffix: str) -> None:
    path = out_dir / f"отчёт{suffix}"
    write_export(comparison, path)
    data = path.read_bytes()
    if suffix.lower() == ".docx":
        assert zipfile.is_zipfile(path) and docx.Document(str(path)).paragraphs
    elif suffix == ".csv":
        assert data.startswith(b"\xef\xbb\xbfreference_id,")
    elif suffix == ".json":
        assert json.loads(data)
    else:
        assert data.startswith(b"<!DOCTYPE html>")
    assert [p.name for p in out_dir.iterdir()] == [path.name]  # no temporary file left


def test_unknown_suffix_is_named(comparison: Comparison, out_dir: Path) -> None:
    with pytest.raises(ExportError, match=r"unknown report format \(“\.pdf”\)"):
        write_export(comparison, out_dir / "report.pdf")
    with pytest.raises(ExportError, match="no extension"):
        write_export(comparison, out_dir / "report")


def test_one_registry_names_every_format() -> None:
    """Suffixes, the error text and the dialog's filters all come from FORMATS."""
    assert [f.suffix for f in FORMATS] == [".docx", ".html", ".json", ".csv"]
    assert SUFFIXES == (".docx", ".html", ".htm", ".json", ".csv")
    assert len(set(SUFFIXES)) == len(SUFFIXES)  # no suffix names two formats
    assert suffix_list() == ".docx, .html, .json or .csv"
    assert format_for("a/B.HTM") is format_for("b.html") is FORMATS[1]
    assert format_for("report.pdf") is None and format_for("report") is None
    assert FORMATS[0].file_filter == "Word report (*.docx)"


def test_a_new_format_needs_only_its_registry_entry(
    comparison: Comparison, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A format added to FORMATS is written, named in the error text and found by suffix."""
    import desktop.export as export

    def write_txt(c: Comparison, path: Path, options: ReportOptions, decisions: object) -> None:
        path.write_text(c.reference.title, encoding="utf-8")

    extra = ExportFormat((".txt",), "Plain text", write_txt)
    monkeypatch.setattr(export, "FORMATS", (*FORMATS, extra))
    write_export(comparison, out_dir / "r.txt")
    assert (out_dir / "r.txt").read_text(encoding="utf-8") == comparison.reference.title
    with pytest.raises(ExportError, match=r"use \.docx, \.html, \.json, \.csv or \.txt"):
        write_export(comparison, out_dir / "r.pdf")


class FillsUp:
    """A file handle that writes half of what it is given, then finds the disk full."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle

    def __enter__(self) -> FillsUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        self.handle.flush()

    def fileno(self) -> int:
        return self.handle.fileno()


@pytest.mark.parametrize("name", ["report.docx", "report.html", "links.csv"])
def test_disk_full_midway_keeps_the_earlier_report(
    comparison: Comparison, out_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = out_dir / name
    write_export(comparison, path)
    before = path.read_bytes()
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode, **kw: FillsUp(real_fdopen(fd, mode, **kw)))
    with pytest.raises(ExportError, match="the disk is full") as caught:
        write_export(comparison, path, options=ReportOptions(include_partials=False))
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in out_dir.iterdir()] == [name]


def test_any_error_midway_keeps_the_earlier_file(
    comparison: Comparison, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = out_dir / "links.csv"
    path.write_text("earlier export", encoding="utf-8")

    def explode(*args: object) -> str:
        raise RuntimeError("writer bug")

    monkeypatch.setattr("desktop.export.csvfile.findings_text", explode)
    with pytest.raises(RuntimeError):
        write_export(comparison, path)
    assert path.read_text(encoding="utf-8") == "earlier export"


def test_missing_folder_is_named(comparison: Comparison, tmp_path: Path) -> None:
    path = tmp_path / "gone" / "report.docx"
    with pytest.raises(ExportError, match="the folder does not exist") as caught:
        write_export(comparison, path)
    assert caught.value.path == str(path)


def test_unwritable_folder_is_named(
    comparison: Comparison, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    path = out_dir / "report.html"
    with pytest.raises(ExportError, match="permission denied") as caught:
        write_export(comparison, path)
    assert str(path) in str(caught.value)


def test_file_open_elsewhere_is_reported(
    comparison: Comparison, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = out_dir / "report.docx"
    path.write_bytes(b"locked by Word")

    def locked(*args: object) -> None:  # what Windows does while Word holds the file
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        write_export(comparison, path)
    assert path.read_bytes() == b"locked by Word"
    assert [p.name for p in out_dir.iterdir()] == ["report.docx"]


def test_a_folder_in_the_way(comparison: Comparison, out_dir: Path) -> None:
    (out_dir / "report.docx").mkdir()
    with pytest.raises(ExportError, match="a folder has that name"):
        write_export(comparison, out_dir / "report.docx")


def test_options_from_the_command_line() -> None:
    assert ReportOptions.from_cli() == ReportOptions()
    chosen = ReportOptions.from_cli(sections=["Matrix", "methods"], include_partials=False)
    assert chosen.sections == frozenset({"matrix", "methods"}) and not chosen.include_partials
    with pytest.raises(CrosscheckError, match="unknown report section charts"):
        ReportOptions.from_cli(sections=["charts"])


@pytest.fixture(scope="module")
def sample() -> Comparison:
    """The real sample comparison: the seeds through the loaders and the engine."""
    from desktop.core.compare import compare_documents
    from desktop.core.loaders import load_document
    from desktop.paths import sample_files

    docs = [load_document(p) for p in sample_files()]
    return compare_documents(docs[0], docs[1:])


def test_sample_comparison_exports(sample: Comparison, tmp_path: Path) -> None:
    from desktop.core.model import Verdict
    from desktop.export.text import reference_claims

    for suffix in (".docx", ".csv", ".html", ".json"):
        write_export(sample, tmp_path / f"sample{suffix}")
    report = docx.Document(str(tmp_path / "sample.docx"))
    matrix = next(t for t in report.tables if t.rows[0].cells[1].text == "Claim")
    numbers = [r.cells[0].text for r in matrix.rows[1:] if not r.cells[0].text.startswith("+")]
    assert numbers == [str(n) for n in range(1, len(reference_claims(sample)) + 1)]  # no gaps
    marked = {
        r.text
        for p in report.paragraphs
        if p.style.name == "Quote"
        for r in p.runs
        if r.bold and r.underline
    }
    for link in (
        k for k in sample.links if k.verdict is Verdict.CONFLICT and not k.between_reports
    ):
        text = sample.statement(link.other).text
        for finding in link.findings:
            if finding.other_span:
                assert text[slice(*finding.other_span)] in marked
    csv_lines = (tmp_path / "sample.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(csv_lines) >= len(sample.links) + 1
    assert "<script" not in (tmp_path / "sample.html").read_text(encoding="utf-8")


def test_hostile_reference_text_in_every_format(comparison: Comparison, out_dir: Path) -> None:
    from dataclasses import replace

    first, second, *rest = comparison.reference.statements  # the second is linked to reports
    ugly = "Bad\x00 PDF\x0c text\ud800 " * 40  # 800 characters, control codes, a lone surrogate
    reference = replace(
        comparison.reference, title=ugly, statements=(first, replace(second, text=ugly), *rest)
    )
    hostile = replace(comparison, reference=reference)
    for suffix in (".docx", ".html", ".csv"):
        write_export(hostile, out_dir / f"report{suffix}")
    props = docx.Document(str(out_dir / "report.docx")).core_properties
    assert props.title.startswith("Bad PDF text Bad PDF") and len(props.title) <= 255
    for suffix in (".html", ".csv"):
        written = (out_dir / f"report{suffix}").read_text(encoding="utf-8-sig")
        assert "Bad PDF text Bad" in written
        assert not {"\x00", "\x0c", "\ufffd", "?"} & set(written.split("Bad PDF")[1])


def test_reference_alone_still_makes_a_report(comparison: Comparison, out_dir: Path) -> None:
    alone = Comparison(comparison.reference, (), (), ())
    write_export(alone, out_dir / "alone.docx")
    body = [p.text for p in docx.Document(str(out_dir / "alone.docx")).paragraphs]
    assert (
        "In short: 0 reports; 0 claims: 0 from the reference, none added by reports; "
        "no conflicts; no partial agreements." in body
    )
