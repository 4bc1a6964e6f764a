"""``crosscheck-cli extract``: text and JSON output, skipped files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_NOTHING_READ, EXIT_OK, EXIT_USAGE, main
from tests.conftest import ROOT
from tests.factories import HEADLINE, make_docx, make_html, make_txt, news_text


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["extract", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_lists_title_and_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_txt(tmp_path, "story.txt", news_text())
    code, out, err = run([str(path)], capsys)
    assert code == EXIT_OK and err == ""
    assert out.startswith(f"== {HEADLINE}\n")
    assert "format: txt" in out
    assert f"   1. [headline] {HEADLINE}" in out
    assert "The deal was reportedly agreed earlier this month at a meeting in Iran." in out


def test_json_output_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = make_docx(tmp_path)
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    code, out, err = run([str(good), str(bad), "--json"], capsys)
    assert code == EXIT_OK
    payload = json.loads(out)
    assert set(payload) == {"documents", "skipped"}
    (doc,) = payload["documents"]
    assert {"path", "title", "format", "sha256", "statements"} <= set(doc)
    assert doc["path"] == str(good) and doc["format"] == "docx" and doc["title"] == HEADLINE
    assert len(doc["sha256"]) == 64
    first = doc["statements"][0]
    assert {"id", "text", "start", "end"} <= set(first)
    assert first["id"] == f"{doc['sha256'][:12]}:s0"
    assert payload["skipped"] == [{"path": str(bad), "reason": "the file is empty"}]
    assert err == f"{bad}: the file is empty\n"


def test_json_offsets_index_the_document_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_txt(tmp_path, "ru.txt", "Москва и Тегеран договорились.\n\nЭто всё.")
    _, out, _ = run([str(path), "--json"], capsys)
    statements = json.loads(out)["documents"][0]["statements"]
    text = path.read_text(encoding="utf-8")
    assert [text[s["start"] : s["end"]] for s in statements] == [s["text"] for s in statements]
    assert "Москва" in out  # not escaped to \\u sequences


def test_nothing_readable_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    code, out, err = run([str(junk), str(tmp_path / "missing.txt")], capsys)
    assert code == EXIT_NOTHING_READ
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"{junk}: the file is named .pdf but it is plain text")
    assert lines[1].startswith(f"{tmp_path / 'missing.txt'}: the file does not exist")


@pytest.mark.parametrize("argv", [["extract"], ["extract", "--bogus", "x.txt"], ["nothing"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == EXIT_USAGE


def test_folder_expands_to_supported_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_txt(tmp_path, "a.txt", news_text())
    make_html(tmp_path, "b.html")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 32)
    code, out, err = run([str(tmp_path), "--json"], capsys)
    assert code == EXIT_OK and err == ""
    formats = [d["format"] for d in json.loads(out)["documents"]]
    assert formats == ["txt", "html"]


def test_folder_named_like_a_document_and_an_empty_folder_say_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd, empty = tmp_path / "x.docx", tmp_path / "nothing-here"
    odd.mkdir()
    (empty / "README.md").parent.mkdir()
    (empty / "README.md").write_text("# Notes\n\nNot an article.\n")
    code, out, err = run([str(odd), str(empty), "--json"], capsys)
    assert code == EXIT_NOTHING_READ
    skipped = {s["path"]: s["reason"] for s in json.loads(out)["skipped"]}
    assert skipped[str(odd)] == "this is a folder, not a .docx document"
    assert skipped[str(empty)].startswith("this folder holds no documents Crosscheck reads")
    assert f"{odd}: this is a folder" in err


def test_same_text_twice_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = make_txt(tmp_path, "one.txt", news_text())
    second = make_txt(tmp_path, "two.txt", news_text())
    code, out, err = run([str(first), str(second), "--json"], capsys)
    assert code == EXIT_OK
    assert json.loads(out)["skipped"][0]["path"] == str(second)
    assert "already loaded" in err


def test_module_entry_point_runs_extract(tmp_path: Path) -> None:
    path = make_txt(tmp_path, "story.txt", news_text())
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "extract", "--json", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert json.loads(result.stdout)["documents"][0]["title"] == HEADLINE


def test_output_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    text = "\n\n".join(f"Sentence number {i} of a long report." for i in range(5000))
    path = make_txt(tmp_path, "long.txt", text)
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "extract", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == EXIT_OK
    assert "Traceback" not in err
