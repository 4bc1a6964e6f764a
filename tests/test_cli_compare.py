"""``crosscheck-cli compare`` on the sample reports: counts, conflicts, exports, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from desktop.cli import EXIT_NOTHING_READ, EXIT_OK, EXIT_USAGE, main
from desktop.core.model import THRESHOLD_MAX, THRESHOLD_MIN
from desktop.export.jsonfile import load_schema
from tests.conftest import SEEDS

REFERENCE = SEEDS / "reference-rt-drone-deal.txt"
REPORTS = sorted(p for p in SEEDS.glob("report-*") if p.suffix != ".py")
COUNTS = re.compile(
    r"^  agree (\d+), partial (\d+), conflict (\d+), omitted (\d+), added (\d+)$", re.MULTILINE
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compare", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_counts_for_each_report_and_conflicts_with_both_quotes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, str(REFERENCE), *map(str, REPORTS))
    assert code == EXIT_OK, err
    counts = COUNTS.findall(out)
    assert len(counts) == len(REPORTS) >= 6
    claims = int(
        re.search(
            r"^  (\d+) claims from the reference, \d+ added by reports$", out, re.MULTILINE
        ).group(1)
    )
    assert all(sum(map(int, c[:4])) == claims for c in counts)
    assert "400 Iranian-made attack drones since August" in out
    assert "450 Iranian-made attack drones since August" in out
    assert re.search(r"numbers differ: 400 vs 450", out)
    blocks = out.split("  CONFLICT")[1:]
    assert blocks and all("reference: “" in b and "report:    “" in b for b in blocks)


def test_json_export_validates_and_names_the_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "comparison.json"
    code, out, _ = run(capsys, str(REFERENCE), *map(str, REPORTS), "--json", str(target))
    assert code == EXIT_OK and f"wrote {target}" in out
    data = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(data, load_schema(), cls=jsonschema.Draft202012Validator)
    assert len(data["documents"]) == len(REPORTS) + 1
    titles = {d["id"]: d["path"] for d in data["documents"]}
    assert any(
        "portal" in titles[copy] and "wire" in titles[original] for copy, original in data["copies"]
    )


def test_bad_file_is_skipped_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"this is not a PDF at all")
    target = tmp_path / "out.json"
    code, out, err = run(capsys, str(REFERENCE), str(bad), str(REPORTS[0]), "--json", str(target))
    assert code == EXIT_OK
    assert re.search(rf"^{re.escape(str(bad))}: \S.+$", err, re.MULTILINE)
    assert len(COUNTS.findall(out)) == 1
    skipped = json.loads(target.read_text(encoding="utf-8"))["skipped"]
    assert [s["path"] for s in skipped] == [str(bad)]


def test_threshold_changes_the_links(capsys: pytest.CaptureFixture[str]) -> None:
    _, loose, _ = run(capsys, str(REFERENCE), str(REPORTS[1]), "--threshold", "40")
    _, strict, _ = run(capsys, str(REFERENCE), str(REPORTS[1]), "--threshold", "95")
    omitted = [int(COUNTS.search(text).group(4)) for text in (loose, strict)]
    assert omitted[0] < omitted[1]


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(REFERENCE))[0] == EXIT_USAGE
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, str(REFERENCE), str(missing), str(tmp_path / "also-missing.txt"))
    assert code == EXIT_NOTHING_READ and str(missing) in err and out == ""
    assert "none of the reports could be read" in err


@pytest.mark.parametrize("value", ["150", "-1", "20", "nan", "lots"])
def test_threshold_out_of_range_is_a_usage_error(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(REFERENCE), str(REPORTS[0]), "--threshold", value)
    assert code == EXIT_USAGE and out == ""
    assert "--threshold" in err and f"from {THRESHOLD_MIN} to {THRESHOLD_MAX}" in err


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [("missing.txt", None, "does not exist"), ("empty.txt", "", "the file is empty")],
)
def test_unreadable_reference_stops_the_run(
    name: str,
    content: str | None,
    reason: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    reference = tmp_path / name
    if content is not None:
        reference.write_text(content)
    target = tmp_path / "out.json"
    code, out, err = run(
        capsys, str(reference), str(REPORTS[0]), str(REPORTS[1]), "--json", str(target)
    )
    assert code == EXIT_USAGE and out == "" and not target.exists()
    assert f"the reference cannot be read: {reference}: " in err and reason in err


def test_folder_first_needs_reference_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SEEDS))
    assert code == EXIT_USAGE and out == ""
    assert "is a folder" in err and "--reference FILE" in err
    code, _, err = run(capsys, "--reference", str(SEEDS), str(REPORTS[0]))
    assert code == EXIT_USAGE and "this is a folder" in err


def test_folder_of_reports_with_reference_flag_skips_readme_and_the_reference(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, str(SEEDS), "--reference", str(REFERENCE))
    assert code == EXIT_OK and err == ""
    assert out.startswith("Reference: ") and f"({REFERENCE.name})" in out.splitlines()[0]
    named = re.findall(r"^Report: .*\((.+)\)$", out, re.MULTILINE)
    assert named == [p.name for p in REPORTS]  # no README.md, labels.json nor the reference


def test_folder_named_like_a_document_is_named_as_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "story.docx"
    odd.mkdir()
    code, out, err = run(capsys, str(REFERENCE), str(odd), str(REPORTS[0]))
    assert code == EXIT_OK and len(COUNTS.findall(out)) == 1
    assert f"{odd}: this is a folder, not a .docx document" in err


def test_quiet_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--quiet", str(REFERENCE), str(REPORTS[0]))
    assert code == EXIT_OK and out == ""


def test_alias_makes_two_spellings_one_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref, rep = tmp_path / "ref.txt", tmp_path / "rep.txt"
    ref.write_text("Officials said Russian artillery shelled the centre of Bakhmut on Monday.\n")
    rep.write_text("Officials said Russian artillery shelled the centre of Artemovsk on Monday.\n")
    code, plain, _ = run(capsys, str(ref), str(rep))
    assert code == EXIT_OK and "different names: Bakhmut vs Artemovsk" in plain
    code, aliased, _ = run(capsys, str(ref), str(rep), "--alias", "Artemovsk = Bakhmut")
    counts = COUNTS.search(aliased)
    assert code == EXIT_OK and counts is not None and counts.group(1) == "1"
    assert "CONFLICT" not in aliased
    code, _, err = run(capsys, str(ref), str(rep), "--alias", "Artemovsk")
    assert code != EXIT_OK and "VARIANT=NAME" in err
