"""The app shell: window, pages, menus, themes, text size, keyboard, accessibility."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenuBar,
    QTextEdit,
    QWidget,
)

from ips_reflect.core.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, load_settings, settings_path
from ips_reflect.gui.shell.app import create_main_window
from ips_reflect.gui.widgets.theme import apply_theme, load_theme, render_stylesheet


def _new_window(qtbot, content, data_dir):
    win = create_main_window(content, load_settings(data_dir), data_dir, features=False)
    qtbot.addWidget(win.view)
    win.show()
    qtbot.waitExposed(win.view)
    return win


def _activate(qtbot, window) -> None:
    window.view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.view)


def _window_colour() -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name()


# --------------------------------------------------------------------------- window and pages


def test_window_opens_with_title_and_guide_page(window):
    assert window.view.windowTitle() == "IPS Reflect"
    assert window.view.isVisible()
    assert window.current_page == "guide"
    assert window.stack.currentWidget() is window.page("guide")
    assert window.pages.keys() == ["guide"], "only real pages, no placeholders"
    assert window.page_list.model().index(0, 0).data() == "Guide"
    assert not window.view.windowIcon().isNull()


def test_menus_have_the_documented_actions(window):
    menus = {m.objectName(): m for m in window.view.menuBar().findChildren(QWidget)}
    titles = [a.text().replace("&", "") for a in window.view.menuBar().actions()]
    assert titles == ["File", "Vault", "View", "Go", "Help"]
    theme_texts = [a.text().replace("&", "") for a in menus["menuTheme"].actions()]
    assert theme_texts == ["Light", "Dark", "High contrast"]
    assert all(a.isCheckable() for a in menus["menuTheme"].actions())
    view_texts = [a.text().replace("&", "") for a in menus["menuView"].actions() if a.text()]
    assert view_texts == ["Theme", "Larger text", "Smaller text", "Reset text size"]
    help_texts = [a.text().replace("&", "") for a in menus["menuHelp"].actions() if a.text()]
    assert help_texts == ["Guide", "Search the Guide", "About IPS Reflect"]
    assert window.action("actionQuit").shortcut().toString() == "Ctrl+Q"
    assert window.action("actionGuide").shortcut().toString() == "F1"
    go = [(a.text(), a.shortcut().toString()) for a in window.go_menu.actions()]
    assert go == [("Guide", "Ctrl+1")]


def test_add_page_show_page_and_signal(qtbot, window):
    notes = QLabel("Second page")
    notes.setAccessibleName("Second page")
    window.add_page("notes", "Notes", notes)
    assert window.pages.keys() == ["guide", "notes"]
    assert window.page("notes") is notes
    assert window.current_page == "guide", "adding a page does not switch to it"
    with qtbot.waitSignal(window.pageChanged) as blocker:
        window.show_page("notes")
    assert blocker.args == ["notes"]
    assert window.stack.currentWidget() is notes
    assert window.page_list.currentIndex().row() == 1
    assert [a.shortcut().toString() for a in window.go_menu.actions()] == ["Ctrl+1", "Ctrl+2"]
    with pytest.raises(KeyError):
        window.show_page("missing")
    with pytest.raises(ValueError):
        window.add_page("notes", "Again", QLabel())
    with pytest.raises(ValueError):
        window.add_page("Bad Key", "Bad", QLabel())


def test_ctrl_number_and_sidebar_arrows_switch_pages(qtbot, window):
    window.add_page("notes", "Notes", QLabel("Notes"))
    _activate(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "notes"
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "guide"

    window.page_list.setFocus()
    qtbot.keyClick(window.page_list, Qt.Key.Key_Down)
    assert window.current_page == "notes"
    qtbot.keyClick(window.page_list, Qt.Key.Key_Up)
    assert window.current_page == "guide"
    qtbot.keyClick(window.page_list, Qt.Key.Key_Return)
    guide = window.controllers["guide"]
    assert QApplication.focusWidget() is guide.search, "Enter moves into the page"


def test_f1_opens_the_guide(qtbot, window):
    window.add_page("notes", "Notes", QLabel("Notes"))
    window.show_page("notes")
    _activate(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    assert window.current_page == "guide"


def test_ctrl_f_focuses_the_guide_search(qtbot, window):
    guide = window.controllers["guide"]
    window.add_page("notes", "Notes", QLabel("Notes"))
    window.show_page("notes")
    _activate(qtbot, window)
    window.page_list.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "guide"
    assert QApplication.focusWidget() is guide.search


def test_ctrl_q_closes_the_window(qtbot, window):
    _activate(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.view.isVisible()


def test_last_page_is_remembered(qtbot, sample_content, data_dir, window):
    window.add_page("notes", "Notes", QLabel("Notes"))
    window.show_page("notes")
    assert load_settings(data_dir).last_page == "notes"
    window.close()
    second = create_main_window(sample_content, load_settings(data_dir), data_dir, features=False)
    qtbot.addWidget(second.view)
    second.add_page("notes", "Notes", QLabel("Notes"))
    second.restore_last_page()
    assert second.current_page == "notes"


def test_window_geometry_is_saved_on_close_and_restored(qtbot, sample_content, data_dir, window):
    window.view.setGeometry(60, 70, 900, 640)
    window.close()
    saved = load_settings(data_dir).window
    assert saved is not None
    assert (saved.width, saved.height) == (900, 640)
    second = _new_window(qtbot, sample_content, data_dir)
    restored = second.view.geometry()
    assert (restored.width(), restored.height()) == (900, 640)
    assert (restored.x(), restored.y()) == (saved.x, saved.y)


def test_about_dialog_shows_version_and_privacy(qtbot, window):
    window.action("actionAbout").trigger()
    dialog = window.view.findChild(QDialog, "AboutDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Version 0.1.0" in texts
    assert "stays on this computer" in texts
    assert "sends nothing anywhere" in texts
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# --------------------------------------------------------------------------- theme and text size


def test_theme_switch_is_live_and_persists(qtbot, sample_content, data_dir, window):
    assert _window_colour() == "#f3f5f7"
    window.action("actionThemeDark").trigger()
    assert _window_colour() == "#f3f5f7"  # applied once the menu has closed
    QApplication.processEvents()
    assert _window_colour() == "#1b1f24"
    assert "#22272e" in QApplication.instance().styleSheet()
    assert window.action("actionThemeDark").isChecked()
    assert not window.action("actionThemeLight").isChecked()
    assert json.loads(settings_path(data_dir).read_text())["theme"] == "dark"
    window.close()

    apply_theme(QApplication.instance(), "light", 11)  # as in a fresh start
    assert _window_colour() == "#f3f5f7"
    second = _new_window(qtbot, sample_content, data_dir)
    assert second.theme == "dark"
    assert second.action("actionThemeDark").isChecked()
    assert _window_colour() == "#1b1f24"
    assert "#22272e" in QApplication.instance().styleSheet()


def test_high_contrast_is_black_white_with_thick_yellow_focus(window):
    with_signal = []
    window.themeChanged.connect(with_signal.append)
    window.action("actionThemeHighContrast").trigger()
    QApplication.processEvents()
    assert with_signal == ["high_contrast"]
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    sheet = QApplication.instance().styleSheet()
    assert "border: 4px solid #ffff00" in sheet
    assert "@" not in sheet, "every @variable was substituted"


@pytest.mark.parametrize("theme", ["light", "dark", "high_contrast"])
def test_every_theme_shows_keyboard_focus(theme):
    t = load_theme(theme)
    sheet = render_stylesheet(t, 11)
    for selector in ("QLineEdit:focus", "QListView#pageList:focus", "QTreeView#guideTree:focus"):
        assert selector in sheet
    assert f"solid {t.colors['focus']}" in sheet
    assert int(t.sizes["focus_width"].removesuffix("px")) >= 2


# About 90 s on an idle 2-core machine (60 text-size steps, each restyling the window).
@pytest.mark.timeout(480)
def test_text_size_changes_persist_and_are_clamped(qtbot, sample_content, data_dir, window):
    assert QApplication.font().pointSize() == 11
    _activate(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert QApplication.font().pointSize() == 12
    assert window.controllers["guide"].search.font().pointSize() == 12
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()  # both presses, one re-styling
    assert QApplication.font().pointSize() == 10
    assert load_settings(data_dir).font_point_size == 10

    for _ in range(30):
        window.larger_text()
    assert QApplication.font().pointSize() == MAX_FONT_SIZE
    assert not window.action("actionLargerText").isEnabled()
    assert "largest size" in window.view.statusBar().currentMessage()
    for _ in range(30):
        window.smaller_text()
    assert QApplication.font().pointSize() == MIN_FONT_SIZE
    assert not window.action("actionSmallerText").isEnabled()
    window.set_font_size(16)
    window.close()

    second = _new_window(qtbot, sample_content, data_dir)
    assert second.font_point_size == 16
    assert QApplication.font().pointSize() == 16
    _activate(qtbot, second)
    qtbot.keyClick(second.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert QApplication.font().pointSize() == 11
    assert load_settings(data_dir).font_point_size == 11


def test_text_size_reaches_the_guide_headings(window):
    window.set_font_size(20)
    sheet = QApplication.instance().styleSheet()
    assert "font-size: 32pt" in sheet  # the Guide title: 1.6 x 20
    assert sheet == render_stylesheet(load_theme("light"), 20)


def test_unwritable_data_dir_does_not_stop_the_app(qtbot, sample_content, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    win = create_main_window(sample_content, None, blocked, features=False)
    qtbot.addWidget(win.view)
    win.set_theme("dark")
    assert _window_colour() == "#1b1f24"
    assert "could not be saved" in win.view.statusBar().currentMessage()
    win.larger_text()
    assert QApplication.font().pointSize() == 12
    assert "could not be saved" in win.view.statusBar().currentMessage()


# --------------------------------------------------------------------------- accessibility


def _interactive(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QTextEdit, QMenuBar)
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, kinds) or w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(w)
    return found


def test_every_interactive_widget_has_an_accessible_name(window):
    widgets = _interactive(window.view)
    names = {w.objectName() for w in widgets}
    assert {"pageList", "searchEdit", "typeCombo", "guideTree", "detailView"} <= names
    missing = [f"{type(w).__name__} '{w.objectName()}'" for w in widgets if not w.accessibleName()]
    assert missing == []


def test_about_dialog_controls_have_accessible_names(window):
    dialog = window.show_about()
    widgets = _interactive(dialog)
    assert widgets, "the dialog has a Close button"
    assert [w for w in widgets if not w.accessibleName()] == []
    dialog.close()


def test_every_action_has_a_name(window):
    for action in window.view.findChildren(QAction):
        if action.isSeparator() or action.menu() is not None:
            continue
        assert action.text().replace("&", "").strip(), action.objectName()


def test_tab_reaches_search_type_filter_and_tree_in_order(qtbot, window):
    guide = window.controllers["guide"]
    _activate(qtbot, window)
    window.page_list.setFocus()
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    order = [seen.index(w) for w in (guide.search, guide.type_combo, guide.tree)]
    assert order == sorted(order)
    assert seen[0] is guide.search, "Tab from the sidebar goes to the search box"


def test_fresh_looks_past_a_left_over_wrapper_of_the_wrong_type(qtbot):
    """CI once got a QSpacerItem back from QTabWidget.tabBar() (a stale wrapper at a
    reused address); ``fresh`` drops such a wrapper and asks again."""
    from PySide6.QtWidgets import QSpacerItem, QTabBar, QTabWidget

    from ips_reflect.gui.shell.uiloader import fresh

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    stale = QSpacerItem(1, 1)
    answers = [stale, tabs.tabBar()]
    bar = fresh(lambda: answers.pop(0), QTabBar)
    assert isinstance(bar, QTabBar) and bar is tabs.tabBar()
