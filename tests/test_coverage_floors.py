"""The coverage floors hold a whole run only, and read pyproject.toml."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tests import coverage_floors as cf
from tests.conftest import ROOT


def _config(args: list[str], *, keyword: str = "", markexpr: str = "", cwd: Path = ROOT) -> Any:
    options = {"keyword": keyword, "markexpr": markexpr, "lf": False}
    return SimpleNamespace(
        args=args,
        invocation_params=SimpleNamespace(dir=cwd),
        getoption=lambda name, default=None: options.get(name, default),
    )


def test_floors_for_core_and_export_are_at_least_ninety() -> None:
    floors = cf.floors()
    assert set(floors) >= {"desktop/core", "desktop/export"}
    assert all(v >= 90 for v in floors.values())


def test_only_a_whole_run_is_held_to_the_floors() -> None:
    assert cf.is_whole_run(_config(["tests"]))
    assert cf.is_whole_run(_config([str(ROOT / "tests")], markexpr="not build", cwd=Path("/")))
    assert not cf.is_whole_run(_config(["tests/core"]))
    assert not cf.is_whole_run(_config(["tests/test_quality.py::test_mypy_clean"]))
    assert not cf.is_whole_run(_config(["tests"], keyword="golden"))
    assert not cf.is_whole_run(_config(["tests"], markexpr="not gui"))


def test_each_floor_is_measured_over_its_own_folder() -> None:
    asked: list[list[str]] = []

    class FakeCoverage:
        def report(self, *, include: list[str], **kwargs: object) -> float:
            asked.append(include)
            return 91.5

    got = cf.measure(FakeCoverage(), {"desktop/core": 90.0})
    assert got == {"desktop/core": 91.5}
    assert asked == [[f"{ROOT / 'desktop/core'}/*"]]
