"""core, store and export never import Qt (napari-style boundary test).

Two checks: importing every module of those packages in a fresh interpreter
leaves PySide6 out of ``sys.modules``, and no source file there even mentions
an import of PySide6 (which would catch a Qt import hidden inside a function).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QT_FREE = ("core", "store", "export")
QT_PACKAGES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6")


def _modules() -> list[str]:
    names = []
    for package in QT_FREE:
        root = REPO / "ips_reflect" / package
        for path in sorted(root.rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            names.append(".".join(parts))
    return names


def test_there_are_modules_to_check():
    modules = _modules()
    assert "ips_reflect.core.content" in modules
    assert "ips_reflect.core.settings" in modules


def test_importing_core_store_export_does_not_load_qt():
    modules = _modules()
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == [], f"Qt was imported by core/store/export: {loaded}"


def _qt_imports(path: Path) -> list[str]:
    found = []
    shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = getattr(func, "attr", None) or getattr(func, "id", None)
            first = node.args[0]
            if (
                called in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                names = [first.value]
        for name in names:
            if name.split(".")[0] in QT_PACKAGES:
                found.append(f"{shown}:{node.lineno}: {name}")
    return found


def test_no_source_file_in_core_store_export_imports_qt():
    offenders = []
    for package in QT_FREE:
        for path in sorted((REPO / "ips_reflect" / package).rglob("*.py")):
            offenders += _qt_imports(path)
    assert offenders == []


def test_the_static_check_would_catch_a_qt_import(tmp_path):
    sample = REPO / "ips_reflect" / "core" / "content.py"
    assert _qt_imports(sample) == []
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def later():\n    from PySide6.QtWidgets import QWidget\n"
        "import importlib\nimportlib.import_module('PySide6.QtCore')\n"
    )
    found = _qt_imports(bad)
    assert [f.rsplit(": ", 1)[1] for f in found] == ["PySide6.QtWidgets", "PySide6.QtCore"]
