"""A theme or text size chosen in the View menu is applied after the menu has closed,
once, however many choices were made before the window could catch up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from ips_reflect.gui.widgets import theme as theming


def looks_applied(monkeypatch) -> list[tuple[str, int, bool]]:
    """(theme, size, a menu was open) for each time the app was re-styled."""
    applied: list[tuple[str, int, bool]] = []
    real = theming.render_stylesheet

    def render(theme, font_pt):
        applied.append((theme.name, font_pt, QApplication.activePopupWidget() is not None))
        return real(theme, font_pt)

    monkeypatch.setattr(theming, "render_stylesheet", render)
    return applied


def test_the_view_menu_applies_a_theme_after_it_has_closed(qtbot, window, monkeypatch):
    window.view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.view)
    applied = looks_applied(monkeypatch)
    qtbot.keyClick(window.view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # Vie&w
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    view_menu = QApplication.activePopupWidget()
    qtbot.keyClick(view_menu, Qt.Key.Key_T)  # &Theme
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not view_menu)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_D)  # &Dark
    qtbot.waitUntil(lambda: window.theme == "dark", timeout=3000)
    assert applied == [("dark", window.font_point_size, False)]
    assert QApplication.activePopupWidget() is None
    window.set_theme("light")


def test_choices_made_at_once_restyle_once(qtbot, window, monkeypatch):
    applied = looks_applied(monkeypatch)
    size = window.font_point_size
    window.action("actionLargerText").trigger()
    window.action("actionLargerText").trigger()
    assert applied == [] and window.font_point_size == size  # not while the menu closes
    QApplication.processEvents()
    assert applied == [("light", size + 2, False)]
    assert QApplication.font().pointSize() == size + 2
    window.action("actionResetText").trigger()
    QApplication.processEvents()
    assert window.font_point_size == 11
