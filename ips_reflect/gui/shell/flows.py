"""The four flow pages (Home, Prepare, Before, After) wired to each other.

Pages never import each other: the shell connects their signals here, with typed
controllers, for the main window (:mod:`~ips_reflect.gui.shell.app`) and for tests and
screenshots that build only these four pages (:func:`install_flow_pages`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ips_reflect.core.content import Content
from ips_reflect.gui.pages.home import HomePage


def connect_flows(
    show_page: Callable[[str], Any],
    home: HomePage,
    prepare: Any,
    before: Any,
    after: Any,
) -> None:
    """Connect the four flow pages to each other.

    ``show_page(key)`` brings a page to the front (``MainWindow.show_page``).
    """

    def open_before(quick: bool) -> None:
        before.start(quick)
        show_page("before")
        before.start(quick)  # focus lands once the page is visible

    def open_after(uid: str | None) -> None:
        show_page("after")
        if uid:
            after.start_for_check(uid)
        else:
            after.start_standalone()

    home.newCheckRequested.connect(lambda: open_before(False))
    home.quickCheckRequested.connect(lambda: open_before(True))
    home.prepareRequested.connect(lambda: show_page("prepare"))
    home.standaloneReflectionRequested.connect(lambda: open_after(None))
    home.reflectionRequested.connect(open_after)
    before.reflectionRequested.connect(open_after)
    before.checkSaved.connect(lambda _uid: home.refresh())
    before.checkSaved.connect(lambda _uid: after.refresh_links())
    after.reflectionSaved.connect(lambda _uid: home.refresh())
    after.reflectionSaved.connect(lambda _uid: after.refresh_links())
    prepare.planSaved.connect(lambda _version: before.reload_plan())
    prepare.planSaved.connect(lambda _version: after.reload_plan())
    prepare.planSaved.connect(lambda _version: home.refresh())


def install_flow_pages(window: Any, content: Content) -> dict[str, Any]:
    """Add Home, Prepare, Before and After to ``window`` and connect them.

    Returns the controllers by page key (also put in ``window.controllers``);
    call ``set_vault(vault)`` on each after unlock and ``set_vault(None)`` on lock,
    and ``flush_drafts()`` on each just before the vault is closed (so the last
    second of typing is kept as a draft).
    """
    from ips_reflect.gui.pages import after, before, home, prepare

    controllers: dict[str, Any] = {}
    for factory in (home.create_page, prepare.create_page, before.create_page, after.create_page):
        key, title, view, controller, icon = factory(content)
        window.add_page(key, title, view, icon_name=icon)
        window.controllers[key] = controller
        controllers[key] = controller
    connect_flows(
        window.show_page,
        controllers["home"],
        controllers["prepare"],
        controllers["before"],
        controllers["after"],
    )
    theme_changed = getattr(window, "themeChanged", None)
    if theme_changed is not None:
        theme_changed.connect(lambda _name: controllers["prepare"].refresh())
    return controllers
