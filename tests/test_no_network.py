"""IPS Reflect never uses the network, and the test suite's guard really catches it.

* Statically: no module of ``ips_reflect/`` imports a networking module (or opens
  links in a browser).
* At run time (``tests/netguard/sitecustomize.py``, installed by ``tests/conftest.py``):
  sockets other than AF_UNIX, name look-ups and ``create_connection`` are refused and
  recorded, in this process and in every Python child process; a test during which
  anything was recorded fails even when the refusal was swallowed.
"""

from __future__ import annotations

import ast
import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.inner_pytest import run_pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "ips_reflect"
NETGUARD_DIR = REPO / "tests" / "netguard"

# --------------------------------------------------------------------- static check

#: Modules (and everything under them) the app must not import.
FORBIDDEN_MODULES = (
    "socket",
    "_socket",
    "ssl",
    "_ssl",
    "http",
    "urllib",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "nntplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "asyncio",  # its network functions (open_connection, start_server, ...)
    "websocket",
    "websockets",
    "webbrowser",
    "multiprocessing.connection",  # Listener/Client over TCP
    "multiprocessing.managers",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtHttpServer",
    "PySide6.QtRemoteObjects",
    "PySide6.QtWebSockets",
)
#: Module-name prefixes the app must not import (``PySide6.QtWebEngineCore``, ...).
FORBIDDEN_PREFIXES = ("PySide6.QtWeb",)
#: Names that hand a URL to the desktop (a browser): ``QDesktopServices.openUrl``.
FORBIDDEN_NAMES = ("QDesktopServices", "openUrl", "webbrowser")

#: (module relative to ips_reflect/, what it uses) -> why that is allowed. Empty: the app
#: opens no links outside itself (its text views keep openExternalLinks off and handle
#: their own internal links), so nothing needs ``QDesktopServices.openUrl``.
ALLOWED: dict[tuple[str, str], str] = {
    (where, name): (
        "Vault > Open data folder: the file manager is shown a file:// URL made with "
        "QUrl.fromLocalFile (checked isLocalFile before opening); never a web address"
    )
    for where in ("gui/shell/care/menu.py",)
    for name in ("QDesktopServices", "openUrl")
}


def forbidden(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in FORBIDDEN_MODULES) or any(
        module.startswith(p) for p in FORBIDDEN_PREFIXES
    )


def network_uses(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """``(line, what)`` for every networking import or name in ``source``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            found += [(node.lineno, a.name) for a in node.names if a.name in FORBIDDEN_NAMES]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0] if node.args else None
            if (
                called in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                modules = [first.value]
            if (
                called == "setOpenExternalLinks"
                and isinstance(first, ast.Constant)
                and first.value is not False
            ):
                found.append((node.lineno, "setOpenExternalLinks(True)"))
        elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_NAMES:
            found.append((node.lineno, node.attr))
        bad = [m for m in modules if forbidden(m)]
        if bad:
            found.append((node.lineno, "import " + ", ".join(bad)))
    return found


def test_no_module_of_the_app_uses_the_network() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 40, f"expected the whole package, found {len(files)} files"
    problems = []
    for path in files:
        rel = path.relative_to(PACKAGE).as_posix()
        for line, what in network_uses(path.read_text(encoding="utf-8"), str(path)):
            if (rel, what) not in ALLOWED:
                problems.append(f"ips_reflect/{rel}:{line}: {what}")
    assert not problems, "IPS Reflect must contain no network code:\n" + "\n".join(problems)


def test_no_ui_file_opens_external_links() -> None:
    for path in sorted((REPO / "ui").glob("*.ui")):
        text = path.read_text(encoding="utf-8")
        at = text.find('name="openExternalLinks"')
        while at != -1:
            assert "<bool>true</bool>" not in text[at : at + 80], f"{path.name} opens links"
            at = text.find('name="openExternalLinks"', at + 1)


@pytest.mark.parametrize(
    "source",
    [
        "import socket",
        "import urllib.request",
        "from urllib.parse import quote",
        "from http.client import HTTPSConnection",
        "import asyncio",
        "from PySide6 import QtNetwork",
        "from PySide6.QtNetwork import QTcpSocket",
        "from PySide6.QtWebEngineWidgets import QWebEngineView",
        "import importlib\nimportlib.import_module('ssl')",
        "__import__('requests')",
        "from PySide6.QtGui import QDesktopServices",
        "label.setOpenExternalLinks(True)",
        "import webbrowser",
    ],
)
def test_the_static_check_catches(source: str) -> None:
    assert network_uses(source), source


def test_the_static_check_allows_ordinary_imports() -> None:
    ok = (
        "import os\nfrom PySide6.QtCore import QUrl\nfrom ips_reflect import paths\n"
        "from . import messages\nview.setOpenExternalLinks(False)\n"
    )
    assert network_uses(ok) == []


# ----------------------------------------------------------- the run-time guard, here


@pytest.fixture
def refused(network_attempts) -> Callable[[], contextlib.AbstractContextManager[list[str]]]:
    """``with refused() as tried:`` the block must be refused, and is excused afterwards
    (``tried`` then lists what was recorded)."""
    network_used = socket._ips_reflect_netguard.NetworkUsed  # type: ignore[attr-defined]

    @contextlib.contextmanager
    def check() -> Iterator[list[str]]:
        tried: list[str] = []
        network_attempts()  # start clean
        try:
            with pytest.raises(network_used):
                yield tried
        finally:
            tried.extend(network_attempts())
        assert tried, "refused but not recorded"

    return check


def test_the_guard_is_installed_in_this_process() -> None:
    guard = socket._ips_reflect_netguard  # type: ignore[attr-defined]
    assert Path(guard.__file__).resolve() == NETGUARD_DIR / "sitecustomize.py"
    assert os.environ["PYTHONPATH"].split(os.pathsep)[0] == str(NETGUARD_DIR)


def test_tcp_connect_is_refused_and_recorded(refused) -> None:
    with refused() as tried:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    assert "socket.socket(AF_INET, SOCK_STREAM)" in tried[0]
    assert "test_no_network.py" in tried[0]  # says where
    with refused() as tried:
        socket.create_connection(("localhost", 80), timeout=1)
    assert "create_connection" in tried[0]


def test_udp_sendto_is_refused_and_recorded(refused) -> None:
    with refused() as tried:
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("192.0.2.1", 9))
    assert "socket.socket(AF_INET, SOCK_DGRAM)" in tried[0]


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM),
        lambda: socket.socket(),  # AF_INET by default
        lambda: __import__("_socket").socket(socket.AF_INET, socket.SOCK_DGRAM),
        lambda: socket.fromfd(0, socket.AF_INET, socket.SOCK_STREAM),
        lambda: socket.getaddrinfo("example.org", 443),
        lambda: socket.gethostbyname("example.org"),
        lambda: socket.gethostbyname_ex("example.org"),
        lambda: socket.gethostbyaddr("192.0.2.1"),
        lambda: __import__("_socket").getaddrinfo("example.org", 443),
    ],
    ids=[
        "inet6",
        "default-family",
        "_socket.socket",
        "fromfd",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "gethostbyaddr",
        "_socket.getaddrinfo",
    ],
)
def test_every_way_in_is_refused(refused, attempt) -> None:
    with refused():
        attempt()


def test_local_unix_sockets_are_allowed(network_attempts) -> None:
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"ping")
        assert b.recv(4) == b"ping"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM):
        pass
    assert network_attempts() == []


def test_a_swallowed_refusal_is_still_recorded(network_attempts) -> None:
    network_attempts()
    with contextlib.suppress(Exception):
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("192.0.2.1", 9))
    assert any("SOCK_DGRAM" in t for t in network_attempts())


# -------------------------------------------------------- in every child process


@pytest.fixture
def child_log(tmp_path, monkeypatch) -> Path:
    """A log of this test's own, so the children's recorded attempts are excused."""
    log = tmp_path / "child-netguard.log"
    monkeypatch.setenv("IPS_REFLECT_NETGUARD_LOG", str(log))
    return log


UDP = (
    "import socket\n"
    "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('192.0.2.1', 9))\n"
    "print('sent')\n"
)
SWALLOWED_UDP = "import contextlib\nwith contextlib.suppress(Exception):\n" + "".join(
    "    " + line + "\n" for line in UDP.splitlines()[:2]
)


def test_a_child_python_process_cannot_send_udp(child_log: Path) -> None:
    result = subprocess.run([sys.executable, "-c", UDP], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "sent" not in result.stdout
    assert "NetworkUsed" in result.stderr and "AF_INET, SOCK_DGRAM" in result.stderr
    assert "socket.socket(AF_INET, SOCK_DGRAM)" in child_log.read_text()


def test_a_child_that_swallows_the_refusal_is_still_recorded(child_log: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SWALLOWED_UDP], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    logged = child_log.read_text()
    assert "socket.socket(AF_INET, SOCK_DGRAM)" in logged and f"pid {os.getpid()}" not in logged


def test_a_child_given_its_own_pythonpath_is_still_guarded(child_log: Path, tmp_path) -> None:
    """As tests/test_packaging.py and tests/store/test_crash.py do: env=..., PYTHONPATH=..."""
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", UDP], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode != 0 and "NetworkUsed" in result.stderr
    assert "SOCK_DGRAM" in child_log.read_text()


def test_python_m_ips_reflect_loads_the_guard(child_log: Path) -> None:
    """The app's own command line runs with the guard: Python imports our sitecustomize
    (and no other) before ips_reflect."""
    which = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sitecustomize, socket; print(sitecustomize.__file__);"
            "print(socket._ips_reflect_netguard is sitecustomize)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert which.stdout.split() == [str(NETGUARD_DIR / "sitecustomize.py"), "True"]
    app = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ips_reflect", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert app.returncode == 0, app.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in app.stderr.splitlines()]
    assert "sitecustomize" in imported
    assert imported.index("sitecustomize") < imported.index("ips_reflect")


# ---------------------------------------- a swallowed attempt fails the test (pytest)

INNER_TESTS = f"""
import contextlib
import socket
import subprocess
import sys

import pytest

SWALLOWED_UDP = {SWALLOWED_UDP!r}


def test_swallowed_in_process():
    with contextlib.suppress(Exception):
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("192.0.2.1", 9))


def test_swallowed_in_a_child():
    result = subprocess.run([sys.executable, "-c", SWALLOWED_UDP], timeout=60)
    assert result.returncode == 0


@pytest.fixture
def sends_in_teardown():
    yield
    with contextlib.suppress(Exception):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


def test_swallowed_in_a_fixture(sends_in_teardown):
    pass


def test_innocent():
    a, b = socket.socketpair()
    a.close()
    b.close()
"""


def test_a_test_that_swallows_the_refusal_fails(tmp_path: Path) -> None:
    run = run_pytest(tmp_path / "inner", {"test_inner.py": INNER_TESTS}, limit=180)
    out = run.output
    assert run.returncode == 1, out
    assert "FAILED test_inner.py::test_swallowed_in_process" in out, out
    assert "FAILED test_inner.py::test_swallowed_in_a_child" in out, out
    assert "ERROR test_inner.py::test_swallowed_in_a_fixture" in out, out
    assert "PASSED test_inner.py::test_innocent" in out, out
    assert "IPS Reflect must never use the network; this test tried:" in out
    assert "socket.socket(AF_INET, SOCK_DGRAM)" in out
    assert "socket.create_connection(('192.0.2.1', 80)" in out
