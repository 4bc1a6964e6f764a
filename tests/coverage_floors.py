"""The suite's coverage floors: a whole run fails when a package's line coverage is below its
floor (``[tool.crosscheck.coverage_floors]`` in pyproject.toml; pytest-cov measures).

Only a whole run is held to the floors: a single test file measures only what it reaches.
"""

from __future__ import annotations

import io
import tomllib
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Marker selections that still count as the whole suite (the build test needs PyInstaller).
WHOLE_RUN_MARKS = {"", "not build"}


def floors() -> dict[str, float]:
    """Package folder → the lowest line coverage (percent) the suite accepts."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {k: float(v) for k, v in config["tool"]["crosscheck"]["coverage_floors"].items()}


def is_whole_run(config: pytest.Config) -> bool:
    """No paths but the test folder, no keyword filter, at most the build test left out."""
    tests = (ROOT / "tests").resolve()
    here = Path(config.invocation_params.dir)
    paths = [Path(str(a).split("::")[0]) for a in config.args]
    source = getattr(config, "args_source", None)  # testpaths: no path was given
    in_tests = source == pytest.Config.ArgsSource.TESTPATHS or all(
        (p if p.is_absolute() else here / p).resolve() == tests for p in paths
    )
    return (
        in_tests
        and not config.getoption("keyword")
        and config.getoption("markexpr", "").strip() in WHOLE_RUN_MARKS
        and not config.getoption("lf", False)
    )


def measure(cov: Any, folders: dict[str, float]) -> dict[str, float]:
    """Line coverage of each package folder, from pytest-cov's finished Coverage object."""
    return {
        folder: float(
            cov.report(include=[f"{ROOT / folder}/*"], file=io.StringIO(), ignore_errors=True)
        )
        for folder in folders
    }


@pytest.hookimpl(hookwrapper=True, tryfirst=True)  # outermost: pytest-cov has finished first
def pytest_runtestloop(session: pytest.Session) -> Generator[None, None, None]:
    yield
    plugin = session.config.pluginmanager.getplugin("_cov")
    controller = getattr(plugin, "cov_controller", None)
    if controller is None or session.testsfailed or not is_whole_run(session.config):
        return
    wanted = floors()
    got = measure(controller.cov, wanted)
    reporter = session.config.pluginmanager.getplugin("terminalreporter")
    low = {k: v for k, v in got.items() if v < wanted[k]}
    line = ", ".join(f"{k} {v:.1f}% (floor {wanted[k]:g}%)" for k, v in got.items())
    if reporter is not None:
        reporter.write("\n")  # after the progress dots
        reporter.write_line(f"coverage: {line}", red=bool(low), bold=bool(low))
    if low:
        session.testsfailed += 1  # the run fails, as pytest-cov's own fail-under does
