"""The layers of STYLE.md's diagram import one way, and the core, the exports and the CLI never
load Qt: ``app → ui → workers → core ← export ← cli``.

The import test reads every module's source (function-level imports included), so a lazy import
cannot slip past it; the Qt test runs the imports in a fresh interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# What each layer may import of desktop/ (the package itself, for APP_NAME and __version__,
# is open to all). The UI reaches the exports for the save dialog's formats and writes them on
# the runner; the CLI uses the core and the exports; nothing below the UI knows it exists.
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset({"core"}),
    "export": frozenset({"core", "export"}),
    "workers": frozenset({"core", "workers"}),
    "ui": frozenset({"core", "export", "workers", "ui", "paths", "logfile"}),
    "cli": frozenset({"core", "export", "cli"}),
    "paths": frozenset({"paths"}),
    "logfile": frozenset({"logfile"}),  # the log file and tail: Qt-free, below the UI
    "app": frozenset({"ui", "workers", "paths", "logfile", "app", "core"}),
    # entry points: the frozen app's smoke run and ``python -m desktop``
    "smoke": frozenset({"core", "export", "workers", "ui", "paths", "smoke"}),
    "__main__": frozenset({"app", "cli", "smoke", "__main__"}),
}
# Which Qt modules each layer may import ("PySide6" is the package itself, for its version);
# the rest import none.
_WIDGETS = frozenset({"PySide6", "QtCore", "QtGui", "QtWidgets"})
QT_ALLOWED: dict[str, frozenset[str]] = {
    "workers": frozenset({"PySide6", "QtCore"}),
    "ui": _WIDGETS,
    "app": _WIDGETS,
    "smoke": _WIDGETS,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth, relative imports resolved."""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *filter(None, [base])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _sources() -> list[Path]:
    return sorted((ROOT / "desktop").rglob("*.py"))


def test_every_module_belongs_to_a_layer_of_the_diagram() -> None:
    modules = [_module_name(p) for p in _sources()]
    assert [m for m in modules if m != "desktop" and _layer(m) not in ALLOWED] == []


def test_imports_follow_the_arrows() -> None:
    known = {_layer(_module_name(p)) for p in _sources()} - {""}
    wrong = []
    for path in _sources():
        module = _module_name(path)
        layer = _layer(module)
        if not layer:
            continue  # desktop/__init__.py: the name and version only
        for name in _imports(path):
            if not name.startswith("desktop."):
                continue
            target = _layer(name)
            if target in known and target not in ALLOWED[layer]:
                wrong.append(f"{module} imports {name}")
    assert wrong == []


def test_qt_only_where_the_diagram_puts_it() -> None:
    wrong = []
    for path in _sources():
        module = _module_name(path)
        allowed = QT_ALLOWED.get(_layer(module), frozenset())
        for name in _imports(path):
            root, _, rest = name.partition(".")
            if root in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                qt_module = rest.split(".")[0] if root == "PySide6" else root
                if not qt_module or qt_module.startswith("_"):
                    qt_module = root  # the package itself (its __version__)
                if qt_module not in allowed:
                    wrong.append(f"{module} imports {name}")
    assert wrong == []


def test_the_checks_see_a_lazy_import() -> None:
    """The reader finds imports inside functions and resolves relative ones."""
    names = _imports(ROOT / "desktop" / "export" / "__init__.py")
    assert "desktop.export.docx_report" in names  # imported inside _docx()
    assert "desktop.core.errors" in names


CODE = """
import sys, pkgutil, importlib
import desktop.core, desktop.export, desktop.cli
for pkg in (desktop.core, desktop.export):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
import desktop.core as c
for name in ("load_document", "split_statements", "judge_pair", "compare_documents"):
    getattr(c, name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "PyQt")))
print(",".join(qt))
"""


@pytest.mark.timeout(60)
def test_core_export_cli_load_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules loaded: {result.stdout}"


def test_version_flag() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("Crosscheck ")
