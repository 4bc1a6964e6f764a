"""Session files: round trip, refusal of bad or hostile files, atomic saves, source checks."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import session as session_mod
from desktop.core.errors import SessionError
from desktop.core.model import (
    Action,
    CompareOptions,
    Decision,
    Document,
    FindingKind,
    LinkOrigin,
    Verdict,
)
from desktop.core.session import (
    Session,
    SourceStatus,
    check_sources,
    comparison_from_session,
    documents_from_session,
    read_session,
    reload_document,
    session_from_workspace,
    session_to_dict,
    write_session,
)

REFERENCE = (
    "Iran agreed to supply 400 drones to Russia, officials said on Monday.\n\n"
    "The deal was signed in Tehran in August.\n\n"
    "Moscow and Tehran denied any transfer of weapons."
)
REPORT = (
    "Iran agreed to supply 450 drones to Russia, officials said on Monday.\n\n"
    "The deal was signed in Tehran in September.\n\n"
    "The weather in Moscow was cold."
)


def make_document(folder: Path, name: str, text: str) -> Document:
    """Write ``text`` to a file and load it the way the app does."""
    from desktop.core.loaders import load_document

    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


@pytest.fixture
def documents(tmp_path: Path) -> list[Document]:
    return [
        make_document(tmp_path, "reference.txt", REFERENCE),
        make_document(tmp_path, "report.txt", REPORT),
    ]


@pytest.fixture
def session(documents: list[Document]) -> Session:
    reference, report = documents
    decisions = (
        Decision(
            reference.statements[0].id,
            report.statements[0].id,
            Action.CONFIRM,
            note="checked against the ministry's statement",
        ),
        Decision(
            reference.statements[1].id,
            report.statements[1].id,
            Action.SET_VERDICT,
            Verdict.PARTIAL,
            note="September is the signing, August the talks",
        ),
        Decision(
            reference.statements[2].id, report.statements[2].id, Action.LINK, Verdict.CONFLICT
        ),
    )
    options = CompareOptions(
        threshold=42.5,
        compare_reports=True,
        finding_kinds=frozenset({FindingKind.NUMBER, FindingKind.DATE}),
        aliases=(("Tehran", "Iran"),),
    )
    view = {
        "selected_report": report.id,
        "splitter": [300, 500, 200],
        "claim": None,
        "filters": {"conflicts_only": True},
    }
    return session_from_workspace(documents, reference.id, options, decisions, view)


# ---------------------------------------------------------------- round trip


def test_round_trip_keeps_everything(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "work.crosscheck"
    write_session(session, path)
    assert read_session(path) == session


def test_file_is_plain_json_with_format_and_version(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "work.crosscheck"
    write_session(session, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("crosscheck-session", 1)
    assert data["documents"][0]["text"] == REFERENCE


def test_reopened_session_gives_the_same_comparison(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "work.crosscheck"
    before = comparison_from_session(session)
    write_session(session, path)
    after = comparison_from_session(read_session(path))
    assert after == before
    assert [d.id for d in after.documents] == [d.id for d in session.documents]


def test_decisions_are_applied_to_the_reopened_comparison(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "work.crosscheck"
    write_session(session, path)
    comparison = comparison_from_session(read_session(path))
    links = {(link.reference, link.other): link for link in comparison.links}
    for decision in session.decisions:
        link = links[(decision.reference, decision.other)]
        assert link.reviewed
        assert link.note == decision.note
    set_verdict = session.decisions[1]
    assert links[(set_verdict.reference, set_verdict.other)].verdict is Verdict.PARTIAL
    manual = session.decisions[2]
    assert links[(manual.reference, manual.other)].origin is LinkOrigin.REVIEWER


def test_documents_come_back_with_the_same_statement_ids(
    session: Session, documents: list[Document]
) -> None:
    rebuilt = documents_from_session(session)
    assert [[s.id for s in d.statements] for d in rebuilt] == [
        [s.id for s in d.statements] for d in documents
    ]
    assert [d.text for d in rebuilt] == [d.text for d in documents]


def test_reference_comes_first_even_when_stored_later(session: Session) -> None:
    reordered = replace(session, documents=tuple(reversed(session.documents)))
    assert documents_from_session(reordered)[0].id == session.reference_id


def test_options_can_be_overridden(session: Session) -> None:
    comparison = comparison_from_session(session, options=CompareOptions(threshold=90.0))
    assert comparison.options.threshold == 90.0


def test_orphaned_decisions_are_kept_aside(session: Session, tmp_path: Path) -> None:
    from desktop.core.review import orphaned_decisions

    ghost = Decision("0123456789ab:s0", "ba9876543210:s3", Action.UNLINK, note="old version")
    with_ghost = replace(session, decisions=(*session.decisions, ghost))
    path = tmp_path / "work.crosscheck"
    write_session(with_ghost, path)
    reopened = read_session(path)
    comparison = comparison_from_session(reopened)
    assert orphaned_decisions(comparison, reopened.decisions) == [ghost]
    assert ghost in reopened.decisions  # saved again, never dropped


def test_session_opens_when_sources_are_gone(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "work.crosscheck"
    write_session(session, path)
    for doc in session.documents:
        Path(doc.path).unlink()
    assert len(comparison_from_session(read_session(path)).reports) == 1


# ---------------------------------------------------------------- refusing bad files


def _valid(session: Session) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(session_to_dict(session)))
    return data


def _nested(depth: int) -> Any:
    node: Any = 1
    for _ in range(depth):
        node = {"a": node}
    return node


def _mutations(session: Session) -> dict[str, tuple[Any, str]]:
    """name -> (file content, expected words in the reason)."""
    valid = _valid(session)

    def changed(**kw: Any) -> dict[str, Any]:
        return {**valid, **kw}

    doc0 = valid["documents"][0]
    long_title = [{**doc0, "title": "x" * 10_001}, *valid["documents"][1:]]
    bad_paragraphs = [{**doc0, "paragraphs": [{"start": 0, "end": 10**6}]}, *valid["documents"][1:]]
    doc1 = valid["documents"][1]
    wrong_id = [doc0, {**doc1, "id": "f" * 12}]
    no_verdict = [
        {"reference": "0123456789ab:s0", "other": "ba9876543210:s0", "action": "set-verdict"}
    ]
    many = [{**doc0, "id": f"{i:012x}", "sha256": f"{i:064x}"} for i in range(1001)]
    return {
        "not json": (b"this is a text file, not a session", "not a Crosscheck session"),
        "binary": (bytes(range(256)) * 4, "not a Crosscheck session"),
        "empty": (b"", "empty"),
        "json list": ([1, 2, 3], "not a Crosscheck session"),
        "wrong format": (changed(format="something-else"), "not a Crosscheck session"),
        "newer version": (changed(version=2), "newer Crosscheck (version 2)"),
        "version string": (changed(version="1"), "version"),
        "no documents": (changed(documents=[]), "documents"),
        "missing reference": (changed(reference="a" * 12), "reference"),
        "duplicate document": (changed(documents=[doc0, doc0]), "twice"),
        "bad paragraphs": (changed(documents=bad_paragraphs), "paragraphs"),
        "id not checksum": (changed(documents=wrong_id), "checksum"),
        "unknown action": (
            changed(decisions=[{**no_verdict[0], "action": "explode"}]),
            "decisions[0].action",
        ),
        "verdict missing": (changed(decisions=no_verdict), "decisions[0]"),
        "bad threshold": (changed(options={"threshold": 500}), "options.threshold"),
        "over-long string": (changed(documents=long_title), "too large to open safely"),
        "too many documents": (changed(documents=many), "too large to open safely"),
        "deep view": (changed(view=_nested(40)), "nested too deeply"),
        "very deep json": (
            b'{"format": "crosscheck-session", "version": 1, "view": '
            + b"[" * 200_000
            + b"]" * 200_000
            + b"}",
            "nested too deeply",
        ),
    }


CASE_NAMES = [
    "not json",
    "binary",
    "empty",
    "json list",
    "wrong format",
    "newer version",
    "version string",
    "no documents",
    "missing reference",
    "duplicate document",
    "bad paragraphs",
    "id not checksum",
    "unknown action",
    "verdict missing",
    "bad threshold",
    "over-long string",
    "too many documents",
    "deep view",
    "very deep json",
]


@pytest.mark.parametrize("case", CASE_NAMES)
def test_bad_files_are_refused_with_one_sentence(
    case: str, session: Session, tmp_path: Path
) -> None:
    content, expected = _mutations(session)[case]
    path = tmp_path / "bad.crosscheck"
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode("utf-8"))
    with pytest.raises(SessionError) as info:
        read_session(path)
    reason = info.value.reason
    assert expected in reason
    assert "\n" not in reason and len(reason) < 200
    assert info.value.path == str(path)


def test_truncated_file_is_refused(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "cut.crosscheck"
    write_session(session, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SessionError, match="cut short"):
        read_session(path)


def test_file_over_the_size_limit_is_refused_unread(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.crosscheck"
    write_session(session, path)
    monkeypatch.setattr(session_mod, "MAX_SESSION_BYTES", path.stat().st_size - 1)
    with pytest.raises(SessionError, match="too large"):
        read_session(path)


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="does not exist"):
        read_session(tmp_path / "nowhere.crosscheck")
    with pytest.raises(SessionError, match="this is a folder"):
        read_session(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_pipes_are_refused_without_blocking(session: Session, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.crosscheck"
    os.mkfifo(pipe)
    with pytest.raises(SessionError, match="not a regular file"):
        read_session(pipe)
    assert (
        check_sources(
            replace(
                session,
                documents=(replace(session.documents[0], path=str(pipe)), *session.documents[1:]),
            )
        )[0].status
        is SourceStatus.MISSING
    )


# ---------------------------------------------------------------- safe saving


def test_failed_rename_leaves_the_previous_file_intact(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "work.crosscheck"
    write_session(session, path)
    before = path.read_bytes()

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    changed = replace(session, view={"splitter": [1, 2, 3]})
    with pytest.raises(SessionError, match="disk is full"):
        write_session(changed, path)
    assert path.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_write_interrupted_midway_leaves_the_previous_file_intact(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "work.crosscheck"
    write_session(session, path)
    before = path.read_bytes()

    def crash(_fd: int) -> None:  # the data is half on disk when the process "dies"
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        write_session(replace(session, decisions=()), path)
    assert path.read_bytes() == before
    assert read_session(path) == session


def test_unsaveable_view_is_refused_before_writing(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "work.crosscheck"
    with pytest.raises(SessionError, match="view state"):
        write_session(replace(session, view={"widget": object()}), path)
    assert not path.exists()


def test_session_that_could_not_be_reopened_is_not_written(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "work.crosscheck"
    too_long = Decision(
        session.decisions[0].reference,
        session.decisions[0].other,
        Action.CONFIRM,
        note="n" * 20_000,
    )
    with pytest.raises(SessionError, match="too large"):
        write_session(replace(session, decisions=(too_long,)), path)
    assert not path.exists()


# ---------------------------------------------------------------- source files


def test_check_sources_reports_unchanged_changed_and_missing(session: Session) -> None:
    reference, report = session.documents
    assert [s.status for s in check_sources(session)] == [SourceStatus.UNCHANGED] * 2
    Path(report.path).write_text(REPORT + "\n\nA new paragraph.", encoding="utf-8")
    Path(reference.path).unlink()
    states = {s.document_id: s.status for s in check_sources(session)}
    assert states == {reference.id: SourceStatus.MISSING, report.id: SourceStatus.CHANGED}


def test_reload_replaces_a_changed_reference(session: Session) -> None:
    reference = session.reference
    new_text = REFERENCE.replace("400", "500")
    Path(reference.path).write_text(new_text, encoding="utf-8")
    reloaded = reload_document(session, reference.id)
    new_id = hashlib.sha256(new_text.encode("utf-8")).hexdigest()[:12]
    assert reloaded.reference_id == new_id
    assert reloaded.reference.text == new_text
    assert [d.path for d in reloaded.documents] == [d.path for d in session.documents]
    assert reloaded.decisions == session.decisions  # kept; now orphaned, not lost
    assert [s.status for s in check_sources(reloaded)] == [SourceStatus.UNCHANGED] * 2


def test_reload_of_a_missing_file_raises_load_error(session: Session) -> None:
    from desktop.core.errors import LoadError

    Path(session.documents[1].path).unlink()
    with pytest.raises(LoadError):
        reload_document(session, session.documents[1].id)


def test_workspace_without_its_reference_is_a_programming_error(documents: list[Document]) -> None:
    with pytest.raises(ValueError):
        session_from_workspace(documents, "0" * 12)


# ---------------------------------------------------------------- command line


def test_cli_compare_session_reports_reviewed_verdicts(
    session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main

    path = tmp_path / "work.crosscheck"
    write_session(session, path)
    out = tmp_path / "out.json"
    assert main(["compare", "--session", str(path), "--json", str(out), "--quiet"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    text = json.dumps(data)
    set_verdict = session.decisions[1]
    assert set_verdict.note in text
    links = [
        link
        for link in _find_links(data)
        if link.get("reference") == set_verdict.reference and link.get("other") == set_verdict.other
    ]
    assert links and links[0]["verdict"] == "partial"
    assert capsys.readouterr().err == ""


def test_cli_refuses_a_bad_session_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main

    path = tmp_path / "bad.crosscheck"
    path.write_text('{"format": "crosscheck-session", "version": 7}', encoding="utf-8")
    assert main(["compare", "--session", str(path)]) == 1
    assert "newer Crosscheck (version 7)" in capsys.readouterr().err


def _find_links(data: Any) -> list[dict[str, Any]]:
    """Every object in the export that looks like a link, wherever the schema puts it."""
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "verdict" in node and "reference" in node and "other" in node:
                found.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


# ---------------------------------------------------------------- fuzzing


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=300))
def test_any_bytes_give_a_session_error_never_a_crash(raw: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fuzz.crosscheck"
    path.write_bytes(raw)
    with pytest.raises(SessionError):
        read_session(path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=st.sampled_from(["reference", "documents", "options", "decisions", "view"]), value=_JSON)
def test_any_field_value_opens_or_is_refused(
    key: str, value: Any, session: Session, tmp_path: Path
) -> None:
    data = {**_valid(session), key: value}
    path = tmp_path / "fuzz.crosscheck"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        reopened = read_session(path)
    except SessionError as exc:
        assert "\n" not in exc.reason
    else:
        assert isinstance(reopened, Session)
