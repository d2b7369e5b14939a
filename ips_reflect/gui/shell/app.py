"""The full window: ``create_main_window`` builds it, with every page, from loaded
content and settings, without starting an event loop (the app after the first unlock,
tests and screenshots).

Starting the app is :mod:`~ips_reflect.gui.shell.launch`: it shows the unlock window
first and imports this module while the person types.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QWidget

from ips_reflect import paths
from ips_reflect.core.content import Content
from ips_reflect.core.settings import Settings, load_settings
from ips_reflect.gui.pages import guide as guide_page
from ips_reflect.gui.shell.launch import AppShell, ensure_application, run_app
from ips_reflect.gui.shell.main_window import MainWindow
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.widgets import theme as theming

__all__ = ["AppShell", "create_main_window", "ensure_application", "run_app"]

#: A page controller, as its ``create_page`` gives it.
P = TypeVar("P", bound=QObject)

GUIDE_PAGE = "guide"


def create_main_window(
    content: Content,
    settings: Settings | None = None,
    data_dir: Path | None = None,
    *,
    features: bool = True,
) -> MainWindow:
    """Build the main window with its pages; call ``.show()`` on the result.

    ``features=False`` builds only the Guide (tests of the shell with a small,
    hand-made set of packs that the feature pages cannot run on).
    """
    app = ensure_application()
    data_dir = Path(data_dir) if data_dir is not None else paths.user_data_dir()
    if settings is None:
        settings = load_settings(data_dir)
    # Before any widget exists, so every widget starts with the right font.
    theming.apply_theme(app, settings.theme, settings.font_point_size)
    view = load_ui("main_window")
    assert isinstance(view, QMainWindow)
    window = MainWindow(view, settings, data_dir)
    if features:
        _add_feature_pages(window, content)

    key, title, guide_view, guide, icon_name = guide_page.create_page(content)
    window.controllers[key] = guide
    window.add_page(key, title, guide_view, icon_name=icon_name)

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


def _add_feature_pages(window: MainWindow, content: Content) -> None:
    """Every page in reading order, and the signals between them."""
    from ips_reflect.gui.pages import (
        after,
        before,
        biography,
        flags,
        home,
        journal,
        prepare,
        supervisees,
        supervision,
        team,
        trends,
    )
    from ips_reflect.gui.shell import flag_sync, flows
    from ips_reflect.gui.widgets.page_fit import scroll_page

    def add(spec: tuple[str, str, QWidget, P, str]) -> P:
        key, title, view, controller, icon_name = spec
        window.controllers[key] = controller
        scroll_page(view)  # too short a window scrolls the page instead of squeezing it
        window.add_page(key, title, view, icon_name=icon_name)
        return controller

    home_page = add(home.create_page(content))
    prepare_page = add(prepare.create_page(content))
    before_page = add(before.create_page(content))
    after_page = add(after.create_page(content))
    journal_page = add(journal.create_page(content))
    trends_page = add(trends.create_page(content))
    flags_page = add(flags.create_page(content))
    supervision_page = add(supervision.create_page(content))
    supervisees_page = add(supervisees.create_page(content))
    biography_page = add(biography.create_page(content))
    team_page = add(team.create_page(content))

    flows.connect_flows(window.show_page, home_page, prepare_page, before_page, after_page)
    # Flags on every save: whatever saves or imports entries asks for a sync (a worker);
    # its result redraws the Journal's flag counts and the Flags page's list.
    sync = flag_sync.FlagSync(content, parent=window)
    window.controllers[flag_sync.KEY] = sync  # gets the vault (and None on lock) too
    sync.synced.connect(lambda result: journal_page.show_flag_changes(result.entries))
    sync.synced.connect(flags_page.reload)
    sync.failed.connect(window.show_status)

    def open_entry(uid: str) -> None:
        window.show_page("journal")
        journal_page.show_entry(uid)

    def entries_changed(*_args: object) -> None:
        home_page.refresh()
        journal_page.reload()
        trends_page.mark_stale()
        sync.request()
        supervision_page.reload_entries()

    flags_page.entryRequested.connect(open_entry)
    before_page.checkSaved.connect(entries_changed)
    after_page.reflectionSaved.connect(entries_changed)
    prepare_page.planSaved.connect(entries_changed)

    def journal_changed() -> None:
        trends_page.mark_stale()
        home_page.refresh()

    journal_page.entriesChanged.connect(journal_changed)
    journal_page.entriesChanged.connect(supervision_page.reload_entries)
    journal_page.entriesChanged.connect(sync.request)
    supervision_page.actionsChanged.connect(home_page.refresh)
    home_page.actionCompleted.connect(lambda _id: supervision_page.reload_actions())
    for page in (journal_page, biography_page, team_page, supervision_page):
        page.statusMessage.connect(window.show_status)
    window.themeChanged.connect(lambda _n: prepare_page.refresh())
    window.fontSizeChanged.connect(lambda _s: home_page.refresh())  # lights follow the text
    for refreshing in (
        journal_page.refresh,
        trends_page.refresh,
        flags_page.refresh,
        supervision_page.refresh,
        supervisees_page.refresh,  # its walk-through's type follows the text
        biography_page.refresh,  # its fields are a number of lines high
    ):
        window.themeChanged.connect(lambda _n, r=refreshing: r())
        window.fontSizeChanged.connect(lambda _s, r=refreshing: r())
