"""Lint and type checks run as part of the suite (strict types for all of desktop/)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from tests.conftest import ROOT


@pytest.mark.timeout(120)
def test_ruff_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "desktop", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.timeout(120)
def test_ruff_format_clean() -> None:
    """STYLE asks for ruff format; the suite holds the tree to it."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "desktop", "tests", "bench", "seeds"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.timeout(600)
def test_mypy_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_strict_without_relaxed_sections() -> None:
    """The whole of desktop/ is checked strictly: no module may opt out."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert config["files"] == ["desktop"]
    assert not config.get("overrides"), config.get("overrides")


def test_pre_commit_runs_the_suites_checks() -> None:
    """The pre-commit hooks run the same commands as the tests above, from the project's venv."""
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    for command in (
        "-m ruff format desktop tests bench seeds",
        "-m ruff check desktop tests bench",
        "-m mypy\n",
    ):
        assert f"entry: .venv/bin/python {command}" in config, command
    assert "repo: local" in config and "rev:" not in config  # nothing to download


def test_every_detector_module_has_a_test_module() -> None:
    """desktop/core/detect/x.py is tested in tests/core/test_x.py, not only through the judge."""
    renamed = {"coverage": "coverage_detect"}  # test_coverage.py would read as the floors' test
    detect = ROOT / "desktop" / "core" / "detect"
    missing = [
        p.name
        for p in sorted(detect.glob("*.py"))
        if p.stem != "__init__"
        and not (ROOT / "tests" / "core" / f"test_{renamed.get(p.stem, p.stem)}.py").exists()
    ]
    assert missing == []
