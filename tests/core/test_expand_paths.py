"""Folders dropped or named on the command line become the supported files below them."""

from __future__ import annotations

from pathlib import Path

from desktop.core.loaders import expand_paths


def test_folder_expands_to_supported_files_sorted_and_files_stay_as_given(tmp_path: Path) -> None:
    folder = tmp_path / "coverage"
    (folder / "deeper").mkdir(parents=True)
    for name in ("b.txt", "a.docx", "notes.xyz", "deeper/c.html", "image.png"):
        (folder / name).write_text("x")
    lone = tmp_path / "odd.xyz"  # named on its own: kept, the loader sniffs it
    result = expand_paths([lone, folder])
    assert result == [lone, folder / "a.docx", folder / "b.txt", folder / "deeper" / "c.html"]


def test_injected_support_check_filters_folders_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.md").write_text("x")
    only_md = expand_paths([tmp_path], supported=lambda p: p.suffix == ".md")
    assert only_md == [tmp_path / "b.md"]


def test_readme_license_and_hidden_files_are_not_documents(tmp_path: Path) -> None:
    for name in ("README.md", "LICENSE.txt", "licence", ".draft.txt", ".git/x.md", "story.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert expand_paths([tmp_path]) == [tmp_path / "story.md"]


def test_folders_with_nothing_to_read_stay_so_loading_says_why(tmp_path: Path) -> None:
    odd, empty = tmp_path / "x.docx", tmp_path / "empty"
    odd.mkdir()
    empty.mkdir()
    (odd / "inside.txt").write_text("x")  # named as a document: never expanded
    assert expand_paths([odd, empty]) == [odd, empty]
