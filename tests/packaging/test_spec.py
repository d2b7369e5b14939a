"""The installer build's files agree with each other and with the app, checked cheaply:
no PyInstaller run (``make package`` does that), only reading the spec, the WiX source,
the workflow, the smoke script and the Makefile.

* the spec is Python, names both executables (a console command line and a windowed
  app) sharing one folder, excludes the unused Qt modules (and none the app imports),
  keeps the virtual keyboard and GTK theme plugins out, collects the package's data
  as the wheel does, and takes the version from ``ips_reflect.__version__``;
* the WiX file, the workflow and the smoke script use the same names as the spec;
* the icon containers are well formed; the locale hook and the launcher do their part.
"""

from __future__ import annotations

import ast
import os
import re
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from ips_reflect import __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
SPEC = PACKAGING / "ips-reflect.spec"
WXS = PACKAGING / "windows" / "ips-reflect.wxs"
WORKFLOW = REPO / ".github" / "workflows" / "installers.yml"
SMOKE = PACKAGING / "smoke.py"

pytestmark = pytest.mark.timeout(60)

#: What the issue asks to leave out: QML/Quick, WebEngine, 3D and Multimedia.
MUST_EXCLUDE = {
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _assigned(tree: ast.Module, name: str) -> ast.expr:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return node.value
    raise AssertionError(f"{name} is not assigned at the top of the file")


def _literal(tree: ast.Module, name: str):
    return ast.literal_eval(_assigned(tree, name))


def _strings(node: ast.AST) -> set[str]:
    return {
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _calls(tree: ast.Module, func: str) -> list[ast.Call]:
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == func
    ]


def _keyword(call: ast.Call, name: str) -> ast.expr:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    raise AssertionError(f"{ast.unparse(call.func)}(...) has no {name}=")


def _pattern(tree: ast.Module, name: str) -> str:
    call = _assigned(tree, name)
    assert isinstance(call, ast.Call)
    return ast.literal_eval(call.args[0])


@pytest.fixture(scope="module")
def spec() -> ast.Module:
    return _tree(SPEC)


def test_two_executables_share_one_folder(spec) -> None:
    assert _literal(spec, "CLI_NAME") == "ips-reflect"
    assert _literal(spec, "FOLDER_NAME") == "ips-reflect"
    assert _strings(_assigned(spec, "APP_EXE_NAME")) == {"IPS Reflect", "ips-reflect-app"}
    exes = {ast.unparse(_keyword(c, "name")): c for c in _calls(spec, "EXE")}
    assert set(exes) == {"CLI_NAME", "APP_EXE_NAME"}
    assert ast.literal_eval(_keyword(exes["CLI_NAME"], "console")) is True
    assert ast.literal_eval(_keyword(exes["APP_EXE_NAME"], "console")) is False
    for call in exes.values():
        assert ast.literal_eval(_keyword(call, "exclude_binaries")) is True  # one-folder
        assert ast.literal_eval(_keyword(call, "contents_directory")) == "_internal"
        assert ast.unparse(call.args[2]) == "PYTHON_OPTIONS"
    (collect,) = _calls(spec, "COLLECT")
    assert [ast.unparse(a) for a in collect.args[:2]] == ["exe_cli", "exe_app"]
    assert ast.unparse(_keyword(collect, "name")) == "FOLDER_NAME"
    assert ("X utf8_mode=1", None, "OPTION") in _literal(spec, "PYTHON_OPTIONS")


def test_unused_qt_modules_are_excluded_and_used_ones_are_not(spec) -> None:
    excluded = set(_literal(spec, "EXCLUDED_QT_MODULES"))
    assert excluded >= MUST_EXCLUDE
    (analysis,) = _calls(spec, "Analysis")
    assert "EXCLUDED_QT_MODULES" in ast.unparse(_keyword(analysis, "excludes"))
    used = set()
    for path in (REPO / "ips_reflect").rglob("*.py"):
        used |= set(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert {"QtCore", "QtGui", "QtWidgets", "QtCharts", "QtPdf"} <= used
    assert not {f"PySide6.{m}" for m in used} & excluded


def test_qt_plugins_are_chosen_before_the_analysis(spec) -> None:
    plugins = _literal(spec, "QT_PLUGINS")
    assert "qtvirtualkeyboardplugin" not in plugins["platforminputcontexts"]  # QML, Quick
    assert "qgtk3" not in plugins["platformthemes"]  # GTK
    assert {"qxcb", "qwindows", "qcocoa", "qoffscreen"} <= plugins["platforms"]
    assert {"qjpeg", "qsvg"} <= plugins["imageformats"]  # photos and icons
    assert "qsvgicon" in plugins["iconengines"]
    for absent in ("printsupport", "sqldrivers", "tls", "networkinformation", "designer"):
        assert absent not in plugins
    source = SPEC.read_text(encoding="utf-8")
    # The wrapper is installed before Analysis() runs the hooks.
    assert source.index("qt_hooks.QtLibraryInfo.collect_plugins = ") < source.index("a = Analysis(")


def test_package_data_is_collected_as_the_wheel_has_it(spec) -> None:
    source = SPEC.read_text(encoding="utf-8")
    assert 'collect_data_files("ips_reflect"' in source
    assert '["force-include"]' in source and "pyproject.toml" in source
    (analysis,) = _calls(spec, "Analysis")
    assert ast.unparse(_keyword(analysis, "datas")) == "package_data()"
    assert "collect_submodules('ips_reflect')" in ast.unparse(_keyword(analysis, "hiddenimports"))
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    force = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force == {
        "content": "ips_reflect/_data/content",
        "ui": "ips_reflect/_data/ui",
        "resources": "ips_reflect/_data/resources",
    }
    # paths.py looks for exactly that folder beside itself.
    assert '_PACKAGE / "_data"' in (REPO / "ips_reflect" / "paths.py").read_text(encoding="utf-8")


def test_the_version_comes_from_the_package(spec) -> None:
    imports = [
        n for n in ast.walk(spec) if isinstance(n, ast.ImportFrom) and n.module == "ips_reflect"
    ]
    assert any(alias.name == "__version__" for node in imports for alias in node.names)
    for path in (SPEC, WXS, WORKFLOW):
        text = path.read_text(encoding="utf-8")
        assert f'"{__version__}"' not in text and f"'{__version__}'" not in text, path
    bundle = _calls(spec, "BUNDLE")[0]
    plist = _keyword(bundle, "info_plist")
    assert isinstance(plist, ast.Dict)
    keys = {
        ast.literal_eval(k): ast.unparse(v) for k, v in zip(plist.keys, plist.values, strict=True)
    }
    assert keys["CFBundleShortVersionString"] == keys["CFBundleVersion"] == "__version__"
    assert 'Version="$(var.Version)"' in WXS.read_text(encoding="utf-8")
    assert "ips_reflect.__version__" in WORKFLOW.read_text(encoding="utf-8")


def test_windows_version_numbers(spec) -> None:
    namespace: dict[str, object] = {"re": re}
    exec(
        compile(
            ast.Module(
                [
                    n
                    for n in spec.body
                    if isinstance(n, ast.FunctionDef) and n.name == "version_tuple"
                ],
                [],
            ),
            "spec",
            "exec",
        ),
        namespace,
    )
    version_tuple = namespace["version_tuple"]
    assert version_tuple("0.1.0") == (0, 1, 0, 0)  # type: ignore[operator]
    assert version_tuple("1.2rc1") == (1, 2, 0, 0)  # type: ignore[operator]
    assert version_tuple("2026.12.6.1.9") == (2026, 12, 6, 1)  # type: ignore[operator]


def test_wix_file_installs_per_machine_and_keeps_the_data(spec) -> None:
    text = WXS.read_text(encoding="utf-8")
    assert 'Scope="perMachine"' in text
    assert re.search(
        r'UpgradeCode="[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"', text
    )
    assert "<MajorUpgrade" in text
    assert 'Target="[INSTALLFOLDER]IPS Reflect.exe"' in text  # the windowed APP_EXE_NAME
    assert '<Directory Id="INSTALLFOLDER" Name="IPS Reflect" />' in text
    assert '<Files Include="!(bindpath.App)\\**" />' in text
    assert "ProgramMenuFolder" in text
    body = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    for removal in ("RemoveFolder", "RemoveFile", "LocalAppDataFolder", "util:"):
        assert removal not in body  # nothing removes the data folder


def test_workflow_builds_every_system_with_the_same_names(spec) -> None:
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert set(doc["jobs"]) == {"linux", "windows", "macos"}
    runs = {
        job: "\n".join(s.get("run", "") for s in doc["jobs"][job]["steps"]) for job in doc["jobs"]
    }
    for job, text in runs.items():
        assert "python packaging/build.py" in text, job
        assert "python packaging/smoke.py" in text, job
    assert doc["env"]["SPEC"] == "packaging/ips-reflect.spec" and SPEC.is_file()
    assert doc["env"]["FOLDER"] == f"dist/{_literal(spec, 'FOLDER_NAME')}"
    windows = runs["windows"]
    assert "wix build packaging\\windows\\ips-reflect.wxs" in windows and WXS.is_file()
    assert "-bindpath App=dist\\ips-reflect" in windows
    assert '/i `"$msi`" /qn' in windows and '/x `"$msi`" /qn' in windows
    assert "ips-reflect.exe" in windows and "IPS Reflect.exe" in windows
    assert "LOCALAPPDATA\\ips-reflect\\vault.db" in windows  # survives the uninstall
    macos = runs["macos"]
    assert f"dist/{_literal(spec, 'MAC_APP_NAME')}" in macos
    assert "--options runtime" in macos and "packaging/macos/entitlements.plist" in macos
    assert (PACKAGING / "macos" / "entitlements.plist").is_file()
    assert "notarytool submit" in macos and "hdiutil create" in macos
    for step in doc["jobs"]["macos"]["steps"]:  # signing only with the secrets set
        text = step.get("run", "")
        if any(word in text for word in ("codesign", "notarytool", "security import")):
            assert "!= ''" in step.get("if", ""), step["name"]
    assert (
        doc["jobs"]["macos"]["env"]["MACOS_CERTIFICATE_P12"]
        == "${{ secrets.MACOS_CERTIFICATE_P12 }}"
    )


def test_smoke_script_agrees_with_the_spec(spec) -> None:
    smoke = _tree(SMOKE)
    assert _pattern(smoke, "UNWANTED_LIBRARIES") == _pattern(spec, "UNWANTED_LIBRARIES")
    assert _literal(smoke, "CLI_NAME") == _literal(spec, "CLI_NAME")
    assert _strings(_assigned(smoke, "APP_EXE_NAME")) == _strings(_assigned(spec, "APP_EXE_NAME"))
    text = SMOKE.read_text(encoding="utf-8")
    for step in (
        "--version",
        "init",
        "content check",
        "import",
        "search",
        "export",
        "team booklet",
        "IPS_REFLECT_EXIT_WHEN_READY",
    ):
        assert step in text, step
    assert '"env", "-i"' in text


def test_make_package_builds_then_smoke_tests() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\npackage:", 1)[1].split("\n\n", 1)[0]
    assert recipe.index("packaging/build.py") < recipe.index("packaging/smoke.py")
    assert ".[package]" in recipe
    assert re.search(r"^\.PHONY:.*\bpackage\b", makefile, re.MULTILINE)
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(
        d.startswith("pyinstaller") for d in config["project"]["optional-dependencies"]["package"]
    )


def test_icon_containers_are_well_formed() -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        import make_icons
    finally:
        sys.path.remove(str(PACKAGING))
    pngs = {
        size: b"\x89PNG\r\n\x1a\n" + bytes([size % 251]) * size for size in make_icons.PNG_SIZES
    }
    ico = make_icons.ico_bytes(pngs)
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for i, size in enumerate(make_icons.ICO_SIZES):
        w, h, _, _, planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * i)
        assert (w, h) == ((0, 0) if size == 256 else (size, size)) and (planes, bpp) == (1, 32)
        assert ico[offset : offset + length] == pngs[size]
    icns = make_icons.icns_bytes(pngs)
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    at, kinds = 8, []
    while at < len(icns):
        kind_bytes, length = icns[at : at + 4], struct.unpack_from(">I", icns, at + 4)[0]
        kinds.append(kind_bytes.decode())
        assert icns[at + 8 : at + length].startswith(b"\x89PNG")
        at += length
    assert at == len(icns) and kinds == [k for k, _ in make_icons.ICNS_TYPES]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the hook acts on Linux only")
def test_locale_hook_sets_utf8_only_when_no_locale_is_set() -> None:
    hook = PACKAGING / "rthook_locale.py"
    show = f"exec(open({str(hook)!r}).read()); import os; print(os.environ.get('LC_ALL'))"
    base = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_CTYPE")}
    base["PYTHONCOERCECLOCALE"] = "0"  # else Python itself sets LC_CTYPE first (PEP 538)
    bare = subprocess.run(
        [sys.executable, "-c", show], env=base, capture_output=True, text=True, timeout=30
    )
    assert bare.stdout.strip() == "C.UTF-8", bare.stderr
    own = subprocess.run(
        [sys.executable, "-c", show],
        env={**base, "LANG": "cy_GB.UTF-8"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert own.stdout.strip() == "None"


def test_launcher_starts_helpers_before_the_app() -> None:
    tree = _tree(PACKAGING / "launcher.py")
    (main,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_main"]
    first = ast.unparse(main.body[0])
    assert first == "multiprocessing.freeze_support()"
    assert "from ips_reflect.cli import main" in ast.unparse(main)
