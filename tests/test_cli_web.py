"""``extract`` and ``compare`` with web addresses, against a local server on 127.0.0.1 only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import EXIT_NOTHING_READ, EXIT_OK, EXIT_USAGE, main
from tests.factories import HEADLINE, Spec, make_txt, news_text
from tests.webserver import WebServer, web_server

__all__ = ["web_server"]  # the fixture, imported for the tests below
LOCAL = "--allow-local-addresses"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_reads_an_address(
    web_server: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web_server.url("/r1")
    code, out, err = run(["extract", url, LOCAL, "--json"], capsys)
    assert (code, err) == (EXIT_OK, "")
    (doc,) = json.loads(out)["documents"]
    assert doc["title"] == HEADLINE and doc["outlet"] == "The Daily Test"
    assert doc["url"] == doc["path"] == web_server.url("/article")
    assert doc["retrieved"]


def test_a_local_address_is_refused_without_the_flag(
    web_server: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web_server.url("/article")
    code, out, err = run(["extract", url], capsys)
    assert code == EXIT_NOTHING_READ and out == ""
    assert err.startswith(f"{url}: the address leads to this computer (127.0.0.1)")
    assert web_server.requests == []


def test_compare_a_file_with_reports_from_the_web(
    web_server: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = make_txt(tmp_path, "ref.txt", news_text(Spec(title="Drone deal agreed")))
    report, missing = web_server.url("/article"), web_server.url("/missing")
    code, _, err = run(
        ["compare", str(reference), report, missing, LOCAL, "--json", str(tmp_path / "c.json")],
        capsys,
    )
    assert code == EXIT_OK
    assert err == f"{missing}: the server answered 404 Not Found\n"
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert [d["path"] for d in data["documents"]] == [str(reference), report]
    assert data["skipped"] == [{"path": missing, "reason": "the server answered 404 Not Found"}]
    assert any(link["verdict"] == "agree" for link in data["links"])


def test_an_address_can_be_the_reference(
    web_server: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = make_txt(tmp_path, "report.txt", news_text(Spec(title="Drone deal agreed")))
    code, out, _ = run(["compare", web_server.url("/article"), str(report), LOCAL], capsys)
    assert code == EXIT_OK
    assert HEADLINE in out


def test_an_unreadable_reference_address_stops_the_run(
    web_server: WebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = make_txt(tmp_path, "report.txt", news_text())
    url = web_server.url("/no-article")
    code, _, err = run(["compare", url, str(report), LOCAL], capsys)
    assert code == EXIT_USAGE
    assert f"the reference cannot be read: {url}: no article text was found" in err
