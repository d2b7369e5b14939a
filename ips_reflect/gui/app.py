"""Start the desktop app: ``run_app(args)`` from the command line's front door.

``create_main_window`` builds the full window from already-loaded content and
settings without starting an event loop, for tests and screenshots.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from ips_reflect import APP_NAME, messages, paths
from ips_reflect.core.content import Content, ContentError, load_content
from ips_reflect.core.settings import Settings, load_settings
from ips_reflect.errors import UserError
from ips_reflect.gui import theme as theming
from ips_reflect.gui.guide import GuideController
from ips_reflect.gui.main_window import MainWindow
from ips_reflect.gui.uiloader import load_ui

GUIDE_PAGE = "guide"
MAX_PROBLEMS_SHOWN = 5


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created and named on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("ips-reflect")
    app.setWindowIcon(theming.app_icon())
    return app


def create_main_window(
    content: Content,
    settings: Settings | None = None,
    data_dir: Path | None = None,
) -> MainWindow:
    """Build the main window with its pages; call ``.show()`` on the result."""
    app = ensure_application()
    data_dir = Path(data_dir) if data_dir is not None else paths.user_data_dir()
    if settings is None:
        settings = load_settings(data_dir)
    # Before any widget exists, so every widget starts with the right font.
    theming.apply_theme(app, settings.theme, settings.font_point_size)
    view = load_ui("main_window")
    assert isinstance(view, QMainWindow)
    window = MainWindow(view, settings, data_dir)

    guide_view = load_ui("guide")
    guide = GuideController(guide_view, content)
    window.controllers[GUIDE_PAGE] = guide
    window.add_page(GUIDE_PAGE, messages.GUI_PAGE_GUIDE, guide_view, icon_name="guide")

    def open_guide() -> None:
        window.show_page(GUIDE_PAGE)
        window.focus_page(GUIDE_PAGE)

    def search_guide() -> None:
        window.show_page(GUIDE_PAGE)
        guide.focus_search()

    window.themeChanged.connect(lambda _name: guide.refresh())
    window.fontSizeChanged.connect(lambda _size: guide.refresh())
    window.action("actionGuide").triggered.connect(open_guide)
    window.action("actionSearchGuide").triggered.connect(search_guide)
    window.restore_last_page()
    return window


def content_error_box(error: ContentError, parent: QWidget | None = None) -> QMessageBox:
    """A dialog that says what is wrong with the packs and what to do."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(messages.GUI_CONTENT_ERROR_TITLE)
    box.setText(error.message)
    lines = [messages.GUI_CONTENT_ERROR_FIRST, *error.details[:MAX_PROBLEMS_SHOWN]]
    more = len(error.details) - MAX_PROBLEMS_SHOWN
    if more > 0:
        lines.append(messages.GUI_CONTENT_ERROR_MORE.format(count=more))
    lines += ["", messages.GUI_CONTENT_ERROR_HINT]
    box.setInformativeText("\n".join(lines))
    if error.details:
        box.setDetailedText("\n".join(error.details))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAccessibleName(messages.GUI_CONTENT_ERROR_TITLE)
    return box


def _install_excepthook() -> None:
    """Show a sentence instead of a traceback for a bug in a Qt callback."""
    if os.environ.get("IPS_REFLECT_DEBUG"):
        return

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, UserError):
            QMessageBox.warning(None, messages.GUI_USER_ERROR_TITLE, exc.message)
            return
        QMessageBox.critical(
            None,
            messages.GUI_UNEXPECTED_ERROR_TITLE,
            messages.GUI_UNEXPECTED_ERROR.format(kind=kind.__name__),
        )

    sys.excepthook = hook


def run_app(args: argparse.Namespace) -> int:
    """Open the app and run until the window closes; returns the exit code."""
    from ips_reflect.commands.content_cmd import content_sources

    app = ensure_application()
    data_dir = paths.user_data_dir(getattr(args, "data_dir", None))
    settings = load_settings(data_dir)
    theming.apply_theme(app, settings.theme, settings.font_point_size)
    try:
        base, overrides = content_sources(args)
        content = load_content(base, overrides)
    except ContentError as exc:
        content_error_box(exc).exec()
        return 1
    except UserError as exc:
        QMessageBox.critical(None, messages.GUI_USER_ERROR_TITLE, exc.message)
        return 1
    window = create_main_window(content, settings, data_dir)
    previous_hook = sys.excepthook
    _install_excepthook()
    try:
        window.show()
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook
