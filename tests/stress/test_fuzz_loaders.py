"""Every loader, fed real documents damaged at random: a Document or a LoadError, never a crash."""

from __future__ import annotations

import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from desktop.core.errors import LoadError
from desktop.core.loaders import load_document
from desktop.core.model import Document
from tests.stress.conftest import budget, fuzz_settings
from tests.stress.mutate import Mutation, mutations

ARCHIVES = ("docx", "odt", "docx-factory", "odt-factory")
FORMATS = (
    "txt",
    "md",
    "docx",
    "html",
    "pdf",
    "odt",
    "rtf",
    "docx-factory",
    "odt-factory",
    "html-factory",
    "pdf-factory",
)
PEAK_LIMIT = 200 * 1024 * 1024  # Python-heap bytes one damaged file of a few KB may cost


def check_document(doc: Document) -> None:
    """What every loaded document promises: statements are exact, ordered slices of its text."""
    assert doc.text.strip()
    assert len({s.id for s in doc.statements}) == len(doc.statements)
    last = 0
    for statement in doc.statements:
        assert last <= statement.start < statement.end <= len(doc.text)
        assert doc.text[statement.start : statement.end] == statement.text
        last = statement.end
    for para in doc.paragraphs:
        assert 0 <= para.start <= para.end <= len(doc.text)


def load_bytes(data: bytes, suffix: str, name: str = "damaged") -> Document | LoadError:
    """Write ``data`` to a fresh file and load it; returns the Document or the LoadError."""
    with tempfile.TemporaryDirectory(prefix="crosscheck-fuzz-") as folder:
        path = Path(folder) / f"{name}{suffix}"
        path.write_bytes(data)
        try:
            return load_document(path)
        except LoadError as exc:
            return exc


def assert_clean_outcome(outcome: Document | LoadError) -> None:
    """A checked Document, or a LoadError whose reason is one readable sentence."""
    if isinstance(outcome, LoadError):
        assert outcome.reason and "\n" not in outcome.reason
        assert "Traceback" not in outcome.reason
    else:
        check_document(outcome)


@pytest.mark.timeout(budget(240))
@pytest.mark.parametrize("fmt", FORMATS)
def test_damaged_file_loads_or_fails_cleanly(
    corpus: dict[str, tuple[str, bytes]], fmt: str
) -> None:
    if fmt not in corpus:
        pytest.skip(f"no {fmt} base file")
    suffix, original = corpus[fmt]

    @fuzz_settings(50)
    @given(mutations(archive=fmt in ARCHIVES))
    def run(mutation: Mutation) -> None:
        note(f"{fmt}: {mutation}")
        assert_clean_outcome(load_bytes(mutation.apply(original), suffix))

    run()


@pytest.mark.timeout(budget(240))
@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf", "html"])
def test_stacked_damage(corpus: dict[str, tuple[str, bytes]], fmt: str) -> None:
    """Several damages one after another (what a failing disk does over time)."""
    suffix, original = corpus[fmt]

    @fuzz_settings(15)
    @given(st.lists(mutations(archive=fmt in ("docx", "odt")), min_size=2, max_size=5))
    def run(chain: list[Mutation]) -> None:
        data = original
        for mutation in chain:
            data = mutation.apply(data) or data
        note(f"{fmt}: {chain}")
        assert_clean_outcome(load_bytes(data, suffix))

    run()


@pytest.mark.timeout(budget(120))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf", ".rtf", ".odt"])
def test_arbitrary_bytes_under_any_name(suffix: str) -> None:
    """Random bytes named like a document: a LoadError, or (for text) a checked Document."""

    @fuzz_settings(30)
    @given(st.binary(min_size=0, max_size=4096))
    def run(data: bytes) -> None:
        assert_clean_outcome(load_bytes(data, suffix))

    run()


@pytest.mark.timeout(budget(120))
@pytest.mark.parametrize("fmt", ["docx", "pdf", "html", "odt"])
def test_damaged_file_memory_is_bounded(corpus: dict[str, tuple[str, bytes]], fmt: str) -> None:
    """A file that repeats one slice thousands of times does not make the loader balloon."""
    suffix, original = corpus[fmt]
    grown = Mutation("repeat", (0.5, 200, 2000)).apply(original)
    tracemalloc.start()
    try:
        assert_clean_outcome(load_bytes(grown, suffix))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = len(grown) / 1e6
    assert peak < PEAK_LIMIT, f"{fmt}: peak {peak / 1e6:.0f} MB for a {size:.1f} MB file"
