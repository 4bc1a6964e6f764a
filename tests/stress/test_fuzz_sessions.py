"""Session files damaged at random, byte-wise and value-wise: a Session that compares, or a
SessionError; never a crash (a .crosscheck dropped on the window is opened like a document)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from desktop.core.compare import compare_documents
from desktop.core.errors import SessionError
from desktop.core.model import Action, Decision
from desktop.core.session import comparison_from_session, read_session, session_from_workspace
from desktop.core.session import write_session as save
from tests.stress.conftest import budget, fuzz_settings
from tests.stress.mutate import Mutation, mutations


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real session: the reference and two sample reports, with a decision of every kind."""
    from bench.gen import load_seeds

    reference, reports = load_seeds()
    comparison = compare_documents(reference, reports[:2])
    a, b = comparison.links[0], comparison.links[-1]
    decisions = (
        Decision(a.reference, a.other, Action.CONFIRM, note="called the agency"),
        Decision(b.reference, b.other, Action.UNLINK),
        Decision(reference.statements[0].id, reports[0].statements[-1].id, Action.LINK),
    )
    session = session_from_workspace(
        comparison.documents,
        reference.id,
        comparison.options,
        decisions,
        {"report": reports[0].id, "splitter": [1, 2]},
    )
    path = tmp_path_factory.mktemp("session") / "work.crosscheck"
    save(session, path)
    return path.read_bytes()


def open_bytes(data: bytes) -> str:
    """Open ``data`` as a session and compare it; 'refused', or 'compared'."""
    with tempfile.TemporaryDirectory(prefix="crosscheck-session-fuzz-") as folder:
        path = Path(folder) / "damaged.crosscheck"
        path.write_bytes(data)
        try:
            session = read_session(path)
        except SessionError as exc:
            assert exc.reason and "\n" not in exc.reason and "Traceback" not in exc.reason
            return "refused"
    comparison_from_session(session)  # whatever the file holds, comparing it must not crash
    return "compared"


@pytest.mark.timeout(budget(180))
@fuzz_settings(40)
@given(mutations(archive=False))
def test_damaged_session_bytes(saved: bytes, mutation: Mutation) -> None:
    note(repr(mutation))
    open_bytes(mutation.apply(saved))


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (dict keys and list indexes), depth first."""
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data[:3]):
            out += _paths(value, (*prefix, index))
    return out


@pytest.mark.timeout(budget(180))
@fuzz_settings(60)
@given(st.data())
def test_session_with_wrong_values(saved: bytes, data: st.DataObject) -> None:
    """A valid JSON session with one value replaced by any JSON value (wrong type, huge
    number, deep structure, a statement id that does not exist...)."""
    document = json.loads(saved)
    paths = [p for p in _paths(document) if p]
    path = data.draw(st.sampled_from(paths))
    value = data.draw(_json_values)
    note(f"{path} = {value!r}")
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    open_bytes(json.dumps(document).encode("utf-8"))
