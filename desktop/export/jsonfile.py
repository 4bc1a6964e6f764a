"""The comparison as JSON (``crosscheck-comparison`` version 1), for other tools.

The format is documented in docs/json-format.md and described by comparison.schema.json.
Fields may be added in later versions; none is removed or renamed within a version.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.core.atomic import write_text_atomic
from desktop.core.model import Claim, Comparison, Document, Finding, Link
from desktop.core.summary import count_comparison

FORMAT = "crosscheck-comparison"
VERSION = 1
SCHEMA_PATH = Path(__file__).with_name("comparison.schema.json")

__all__ = ["FORMAT", "SCHEMA_PATH", "VERSION", "comparison_to_dict", "load_schema", "write_json"]


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """Plain JSON-ready data for ``comparison``."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "options": comparison.options.to_json(),
        "documents": [
            _document(comparison.reference, "reference"),
            *(_document(d, "report") for d in comparison.reports),
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in comparison.skipped],
        "links": [_link(k) for k in comparison.links],
        "claims": [_claim(c) for c in comparison.claims],
        "copies": [[copy, original] for copy, original in comparison.copies],
    }


def write_json(comparison: Comparison, path: str | Path) -> None:
    """Write the comparison as UTF-8 JSON, atomically (an earlier file survives a failure).

    The file adds ``summary``: the counts every report and the window show, from
    ``count_comparison`` (``comparison_to_dict`` stays the engine's output alone, which the
    golden digests of tests/core check)."""
    data = comparison_to_dict(comparison)
    data["summary"] = count_comparison(comparison).to_json()
    text = json.dumps(data, ensure_ascii=False, indent=2)
    write_text_atomic(path, text + "\n")


def load_schema() -> dict[str, Any]:
    """The JSON Schema of the format."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def _document(doc: Document, role: str) -> dict[str, Any]:
    return {"id": doc.id, "role": role, **document_dict(doc)}


def document_dict(doc: Document) -> dict[str, Any]:
    """A document as the JSON file and ``extract --json`` write it (without id and role)."""
    return {
        "path": doc.path,
        "title": doc.title,
        "format": doc.format,
        "sha256": doc.sha256,
        "published": doc.published,
        "outlet": doc.outlet,
        # Only a page fetched from the web has these (file documents are written as before).
        **({"url": doc.url, "retrieved": doc.retrieved} if doc.url is not None else {}),
        "statements": [
            {"id": s.id, "text": s.text, "start": s.start, "end": s.end, "role": s.role.value}
            for s in doc.statements
        ],
    }


def _link(link: Link) -> dict[str, Any]:
    return {
        "reference": link.reference,
        "other": link.other,
        "score": link.score,
        "verdict": link.verdict.value,
        "machine_verdict": (link.machine_verdict or link.verdict).value,
        "origin": link.origin.value,
        "reviewed": link.reviewed,
        "note": link.note,
        "between_reports": link.between_reports,
        "findings": [_finding(f) for f in link.findings],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind.value,
        "message": finding.message,
        "reference_span": list(finding.reference_span) if finding.reference_span else None,
        "other_span": list(finding.other_span) if finding.other_span else None,
    }


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "statements": list(claim.statements),
        "support": {doc: s.value for doc, s in claim.support.items()},
        "corroboration": claim.corroboration,
        "in_reference": claim.in_reference,
    }
