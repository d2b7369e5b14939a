"""Load Qt Designer files from ``ui/`` at run time.

Every view and dialog has one ``.ui`` file; this is the only place that reads
them. Widgets inside are found by ``objectName`` with :func:`find_child`.
Custom (promoted) widget classes a ``.ui`` file may name live in
:mod:`ips_reflect.gui.shell.views`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from ips_reflect import paths

T = TypeVar("T", bound=QObject)

_loader: QUiLoader | None = None


class UiLoadError(RuntimeError):
    """A .ui file is missing or broken: a packaging bug, not a user error."""


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget described by ``ui/<name>.ui`` and return it."""
    global _loader
    if _loader is None:
        from ips_reflect.gui.shell.views import CUSTOM_WIDGETS

        _loader = _new_loader()
        for cls in CUSTOM_WIDGETS:
            _loader.registerCustomWidget(cls)
    path = paths.ui_file(name)
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise UiLoadError(f"cannot open the layout file {path}: {handle.errorString()}")
    try:
        widget = _loader.load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise UiLoadError(f"cannot build the layout in {path}: {_loader.errorString()}")
    if b"QTabWidget" in path.read_bytes():  # (no tab classes loaded for the others)
        _name_tab_bars(widget)
    return widget


def _new_loader() -> QUiLoader:
    """A loader that does not load Qt Designer's plugins.

    Its constructor loads every plugin in the ``designer`` folder of Qt's library
    paths; a PySide6 wheel ships ones that pull in WebEngine and Qt Quick, which cost
    the unlock window tens of milliseconds, and our ``.ui`` files use none of them
    (their custom widgets are registered from Python)."""
    saved = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])
    try:
        return QUiLoader()
    finally:
        QCoreApplication.setLibraryPaths(saved)


def _name_tab_bars(root: QWidget) -> None:
    """Give each tab widget's tab bar the tab widget's accessible name.

    Qt Designer cannot reach the tab bar a ``QTabWidget`` makes for itself, and
    screen readers announce the tab bar (the part that takes focus), not the tab
    widget around it, so the name set in the ``.ui`` file is copied across.
    """
    from PySide6.QtWidgets import QTabBar, QTabWidget

    for tabs in root.findChildren(QTabWidget):
        bar = fresh(tabs.tabBar, QTabBar)
        if bar is not None and not bar.accessibleName() and tabs.accessibleName():
            bar.setAccessibleName(tabs.accessibleName())


def fresh(get: Callable[[], object], cls: type[T]) -> T | None:
    """``get()``, past a left-over Python wrapper of the wrong type.

    Seen in CI: ``QTabWidget.tabBar()`` handed back a ``QSpacerItem`` wrapper, left
    from a spacer a layout had deleted in C++ at the same address (see
    :func:`_find_past_stale_wrapper`). Such a wrapper is invalidated and ``get`` asked
    again, which makes a fresh wrapper of the right type."""
    obj = get()
    if not isinstance(obj, cls) and obj is not None:
        shiboken6.invalidate(obj)  # type: ignore[arg-type]
        obj = get()
    return obj if isinstance(obj, cls) else None


def _find_past_stale_wrapper(root: QObject, cls: type[T], name: str) -> T | None:
    """Look again after dropping a left-over Python wrapper.

    PySide keeps one Python wrapper per C++ address. When Qt deletes an object it
    made itself (a combo box's line edit when it stops being editable, say), the
    wrapper can outlive it; a widget later built at the same address is then handed
    that old wrapper, of the old type, and ``findChild(cls)`` skips it. Seen once in
    the whole test suite, in the set-up dialog. Such wrappers are invalidated (the
    C++ object behind them is the new widget, so asking its class is safe) and the
    search is repeated, which makes fresh, correctly typed wrappers.
    """
    found = False
    for obj in root.findChildren(QObject):
        if obj.objectName() == name and not isinstance(obj, cls) and _stale(obj):
            shiboken6.invalidate(obj)
            found = True
    return root.findChild(cls, name) if found else None


def _stale(obj: QObject) -> bool:
    """True when the wrapper's type is not the class of the Qt object behind it."""
    try:
        actual = obj.metaObject().className()
    except RuntimeError:
        return False
    meta = getattr(type(obj), "staticMetaObject", None)
    return actual != type(obj).__name__ and (meta is None or actual != meta.className())


def find_child(root: QObject, cls: type[T], name: str) -> T:
    """The child of ``root`` called ``name``; a clear error if the .ui lacks it."""
    child = root.findChild(cls, name)
    if child is None:
        child = _find_past_stale_wrapper(root, cls, name)
    if child is None:
        raise UiLoadError(f"the layout '{root.objectName()}' has no {cls.__name__} '{name}'")
    return child


def place_in(host: QWidget, widget: QWidget) -> None:
    """Put ``widget`` into ``host``, a place kept for it in a ``.ui`` file (given a
    layout without margins if it has none)."""
    layout = host.layout()
    if layout is None:
        from PySide6.QtWidgets import QVBoxLayout

        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
