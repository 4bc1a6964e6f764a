"""The JSON export: the documented format, valid against its schema, written atomically."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import jsonschema
import pytest

from desktop.core.compare import compare_documents
from desktop.core.errors import ExportError
from desktop.core.kinds import KINDS
from desktop.core.model import Action, Decision, Skipped
from desktop.export.jsonfile import comparison_to_dict, load_schema, write_json
from tests.core.test_claims import fake_judge
from tests.core.test_compare import COPY, OTHER, REF, WIRE
from tests.core.test_kinds import kind_enums


def sample():
    c = compare_documents(
        REF,
        [WIRE, COPY, OTHER],
        judge=fake_judge,
        skipped=[Skipped("bad.pdf", "the PDF has no text layer")],
    )
    first = c.links[0]
    return compare_documents(
        REF,
        [WIRE, COPY, OTHER],
        judge=fake_judge,
        skipped=c.skipped,
        decisions=[Decision(first.reference, first.other, Action.CONFIRM, note="checked")],
    )


def test_written_file_validates_against_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_json(sample(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(load_schema())
    jsonschema.validate(data, load_schema(), cls=jsonschema.Draft202012Validator)
    assert data["format"] == "crosscheck-comparison" and data["version"] == 1


def test_content_matches_the_comparison() -> None:
    c = sample()
    data = comparison_to_dict(c)
    assert [d["role"] for d in data["documents"]] == ["reference", "report", "report", "report"]
    assert data["documents"][0]["statements"][0]["text"] == REF.statements[0].text
    assert data["skipped"] == [{"path": "bad.pdf", "reason": "the PDF has no text layer"}]
    assert data["copies"] == [[COPY.id, WIRE.id]]
    assert len(data["links"]) == len(c.links)
    assert data["links"][0]["reviewed"] is True and data["links"][0]["note"] == "checked"
    conflict = next(k for k in data["links"] if k["verdict"] == "conflict")
    assert conflict["findings"][0]["kind"] == "number"
    assert {v for cl in data["claims"] for v in cl["support"].values()} <= {
        "source",
        "agree",
        "partial",
        "conflict",
        "omitted",
    }
    assert data["options"]["threshold"] == c.options.threshold


def test_schema_rejects_a_wrong_verdict() -> None:
    data = comparison_to_dict(sample())
    data["links"][0]["verdict"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema(), cls=jsonschema.Draft202012Validator)


def test_failed_write_keeps_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.json"
    path.write_text("earlier", encoding="utf-8")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError, match="disk is full"):
        write_json(sample(), path)
    assert path.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="folder does not exist"):
        write_json(sample(), tmp_path / "nowhere" / "out.json")


def test_schema_lists_exactly_the_finding_kinds_of_the_table() -> None:
    enums = list(kind_enums(load_schema()))
    assert enums  # the schema does list them
    for enum in enums:
        assert enum == [k.value for k in KINDS]
