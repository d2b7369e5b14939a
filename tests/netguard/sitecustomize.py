"""The test suite's network guard, in every Python process the tests start.

``tests/conftest.py`` puts this folder first on ``PYTHONPATH``, so every child Python
process the tests start (``python -m ips_reflect ...``, ``python -c ...``) imports this
file at start-up, and the test process itself loads it from the conftest. Keep this
folder to this one file: ``tests/test_packaging.py`` runs the installed wheel with a
``PYTHONPATH`` on which nothing else may be found by accident.

The guard refuses to create any socket except an ``AF_UNIX`` one, and refuses name
look-ups and ``create_connection`` outright. Refusing is not enough on its own (code
can swallow the exception), so every attempt is also *recorded*: in ``ATTEMPTS`` in
this process and, when ``IPS_REFLECT_NETGUARD_LOG`` names a file, as one line appended
to that file. The conftest fails the test after it runs if anything was recorded.

Code that opens sockets without Python's ``socket`` module (Qt's QtNetwork, C
libraries) is out of reach here; ``tests/test_no_network.py`` forbids importing it.
"""

from __future__ import annotations

import os
import sys

#: Marks this module as the IPS Reflect guard (the conftest checks for it).
IPS_REFLECT_NETGUARD = True
#: Environment variable naming the file each process appends its attempts to.
LOG_ENV = "IPS_REFLECT_NETGUARD_LOG"
#: Every attempt made in this process, one line each (see :func:`record`).
ATTEMPTS: list[str] = []

_HERE = os.path.dirname(os.path.abspath(__file__))


class NetworkUsed(AssertionError):
    """Raised in place of any network access. An AssertionError, so the usual
    ``except OSError`` around socket code does not hide it."""


def _caller() -> str:
    """The first frame outside this file and the socket module: who tried."""
    frame = sys._getframe(1)
    while frame is not None:
        name = frame.f_code.co_filename
        if os.path.dirname(os.path.abspath(name)) != _HERE and not name.endswith(
            ("socket.py", "<frozen importlib._bootstrap>")
        ):
            return f"{name}:{frame.f_lineno}"
        frame = frame.f_back  # type: ignore[assignment]
    return "?"


def _command() -> str:
    argv = getattr(sys, "orig_argv", None) or getattr(sys, "argv", None) or ["?"]
    text = " ".join(str(a) for a in argv)
    return text if len(text) <= 160 else text[:157] + "..."


def record(what: str) -> None:
    """Note the attempt ``what`` (here and in the shared log), then refuse it."""
    line = f"{what} at {_caller()} (pid {os.getpid()}: {_command()})".replace("\n", " ")
    ATTEMPTS.append(line)
    path = os.environ.get(LOG_ENV)
    if path:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, (line + "\n").encode("utf-8", "replace"))
            finally:
                os.close(fd)
        except OSError:
            pass
    raise NetworkUsed(f"IPS Reflect must never use the network (tried {what})")


def _family_name(family: object) -> str:
    import socket

    try:
        return socket.AddressFamily(family).name  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return repr(family)


def _type_name(kind: object) -> str:
    import socket

    try:
        return socket.SocketKind(kind).name  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return repr(kind)


def install():
    """Install the guard in this process, once; returns the guard module in charge."""
    import _socket
    import socket

    active = getattr(socket, "_ips_reflect_netguard", None)
    if active is not None:
        return active
    socket._ips_reflect_netguard = sys.modules[__name__]  # type: ignore[attr-defined]

    unix = int(getattr(socket, "AF_UNIX", -12345))

    def check_new(where: str, family: object, kind: object) -> None:
        """Refuse a new socket of any family but AF_UNIX (default family: AF_INET)."""
        fam = socket.AF_INET if family in (-1, None) else family
        if int(fam) != unix:  # type: ignore[call-overload]
            shown = _type_name(socket.SOCK_STREAM if kind in (-1, None) else kind)
            record(f"{where}({_family_name(fam)}, {shown})")

    def check_existing(where: str, sock) -> None:
        """A socket built over an existing descriptor: allowed if it is AF_UNIX."""
        if int(sock.family) != unix:
            family, kind = sock.family, sock.type
            sock.detach()
            record(f"{where}({_family_name(family)}, {_type_name(kind)}, fileno=...)")

    # socket.socket.__init__ (which calls _socket.socket.__init__, looked up at call time).
    real_init = socket.socket.__init__

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            check_new("socket.socket", family, type)
        real_init(self, family, type, proto, fileno)
        if fileno is not None:
            check_existing("socket.socket", self)

    socket.socket.__init__ = guarded_init  # type: ignore[method-assign]

    # _socket.socket: a C type whose __init__ cannot be replaced, so swap in a subclass.
    real_c = _socket.socket

    class GuardedCSocket(real_c):  # type: ignore[misc, valid-type]
        __slots__ = ()

        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None:
                check_new("_socket.socket", family, type)
            real_c.__init__(self, family, type, proto, fileno)
            if fileno is not None:
                check_existing("_socket.socket", self)

    GuardedCSocket.__name__ = GuardedCSocket.__qualname__ = "socket"
    GuardedCSocket.__module__ = "_socket"
    _socket.socket = GuardedCSocket  # type: ignore[misc]

    # Sockets made another way (or before the guard): no network use through them either.
    def method(name: str):
        real = getattr(socket.socket, name)

        def guarded(self, *args, **kwargs):
            if int(self.family) != unix:
                record(f"socket.{name}({_family_name(self.family)}, {args[-1:]!r})")
            return real(self, *args, **kwargs)

        guarded.__name__ = name
        return guarded

    for name in ("connect", "connect_ex", "bind", "sendto", "sendmsg"):
        if hasattr(socket.socket, name):
            setattr(socket.socket, name, method(name))

    real_fromfd = socket.fromfd

    def fromfd(fd, family, type, proto=0):
        check_new("socket.fromfd", family, type)
        return real_fromfd(fd, family, type, proto)

    socket.fromfd = fromfd

    def refuse(name: str):
        def refused(*args, **kwargs):
            shown = ", ".join([repr(a) for a in args[:2]] + [f"{k}=..." for k in kwargs])
            record(f"socket.{name}({shown})")

        refused.__name__ = name
        return refused

    for name in (
        "create_connection",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "gethostbyaddr",
    ):
        for module in (socket, _socket):
            if hasattr(module, name):
                setattr(module, name, refuse(name))
    return sys.modules[__name__]


def _run_shadowed_sitecustomize() -> None:
    """Run the ``sitecustomize`` this file hides (a distribution's, if any), as Python would."""
    import importlib.machinery
    import importlib.util

    others = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", others)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # Python itself only warns when sitecustomize fails
        print(f"Error in shadowed sitecustomize {spec.origin}: {exc!r}", file=sys.stderr)


if __name__ == "sitecustomize":
    install()
    _run_shadowed_sitecustomize()
