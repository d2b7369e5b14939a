"""The Home page: greeting, shares waiting for a reflection, quick starts."""

from __future__ import annotations

from datetime import datetime

import pytest
from flow_helpers import PLAN, assert_no_secret, fast_vault, focused, press, show_page
from PySide6.QtCore import Qt

from ips_reflect.core.check import LIGHT_ANSWER_KEY
from ips_reflect.core.entries import Entry
from ips_reflect.gui.pages.home import HomePage
from ips_reflect.gui.pages.home.page import greeting, pending_title
from ips_reflect.gui.shell.flows import install_flow_pages


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


@pytest.fixture
def home(qtbot, content, vault):
    return show_page(qtbot, HomePage, "home", content, vault)


def add_check(vault, title: str, alias: str | None = None, light: str = "amber") -> Entry:
    return vault.entries.add(
        Entry(
            kind="before_check",
            title=title,
            audience="employer",
            client_alias=alias,
            answers={LIGHT_ANSWER_KEY: light},
        )
    )


def test_home_lists_checks_waiting_before_their_reflection(qtbot, home, vault):
    assert home.pending_title.text() == "No shares waiting for a reflection"
    assert home.rows == []
    first = add_check(vault, "Check: employer — my redundancy", "Mr P", "red")
    second = add_check(vault, "Check: employer — football")
    home.refresh()
    assert home.pending_title.text() == "2 shares to reflect on"
    assert [r.uid for r in home.rows] == [second.uid, first.uid]  # newest first
    row = home.rows[1]
    assert row.title.text() == "Check: employer — my redundancy"
    meta = row.meta.text()
    assert "Employers" in meta and "Mr P" in meta and "Red light" in meta
    assert row.light.light == "red"
    assert row.button.accessibleName().startswith("Reflect on Check: employer — my redundancy")
    # A reflection after sharing takes the check off the list.
    vault.entries.add(Entry(kind="after_reflection", linked_uid=first.uid))
    home.refresh()
    assert home.pending_title.text() == "1 share to reflect on"
    assert home.pending_count == 1


def test_home_enter_on_a_waiting_check_starts_its_reflection_after_sharing(qtbot, home, vault):
    check = add_check(vault, "Check: client — hope", "JT")
    home.refresh()
    home.focus_first()
    assert focused() is home.rows[0].button
    with qtbot.waitSignal(home.reflectionRequested) as blocker:
        press(qtbot, Qt.Key.Key_Return)
    assert blocker.args == [check.uid]
    # Tab order: the quick buttons, then the waiting checks.
    home.prepare_button.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is home.rows[0].button


def test_home_quick_buttons_before_and_after_sharing(qtbot, home):
    for button, signal in (
        (home.new_button, home.newCheckRequested),
        (home.quick_button, home.quickCheckRequested),
        (home.reflect_button, home.standaloneReflectionRequested),
        (home.prepare_button, home.prepareRequested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert "&" in button.text() and button.accessibleName()


def test_home_plan_status_after_preparing(home, vault):
    assert "no sharing plan yet" in home.plan_status.text()
    vault.plans.save(PLAN)
    home.refresh()
    assert home.plan_status.text().startswith("2 experiences in your plan (version 1, saved ")


def test_home_greeting_and_titles():
    assert greeting(datetime(2026, 1, 1, 8)) == "Good morning"
    assert greeting(datetime(2026, 1, 1, 14)) == "Good afternoon"
    assert greeting(datetime(2026, 1, 1, 20)) == "Good evening"
    assert pending_title(3) == "3 shares to reflect on"


def test_home_lock_clears_the_list_before_anything_else(qtbot, home, vault):
    add_check(vault, "Check: employer — Zebedee's story", "Quintessa")
    home.refresh()
    home.set_vault(None)
    assert not home.view.isEnabled()
    assert home.rows == []
    assert_no_secret(home.view, ["Zebedee", "Quintessa", "1 share"])


def test_home_install_flow_pages_in_the_real_window_before_and_after(qtbot, content, vault, window):
    controllers = install_flow_pages(window, content)
    assert set(controllers) == {"home", "prepare", "before", "after"}
    for key in controllers:
        assert window.page(key) is controllers[key].view
        controllers[key].set_vault(vault)
    home = controllers["home"]
    window.show_page("home")
    qtbot.mouseClick(home.quick_button, Qt.MouseButton.LeftButton)
    assert window.current_page == "before"
    assert controllers["before"].quick_mode
    check = add_check(vault, "Check: employer — x")
    home.refresh()
    qtbot.mouseClick(home.rows[0].button, Qt.MouseButton.LeftButton)
    assert window.current_page == "after"
    assert controllers["after"].linked_check.uid == check.uid


def test_home_every_control_has_an_accessible_name_after_sharing(home, vault):
    from flow_helpers import nameless_controls

    add_check(vault, "Check: client — x")
    home.refresh()
    assert nameless_controls(home.view) == []


# --------------------------------------------------------------------------- supervision actions


def add_actions(vault):
    earlier = vault.supervision.add_session("2026-02-10", "Alex")
    later = vault.supervision.add_session("2026-03-12", "Alex")
    late = vault.supervision.add_action(earlier.id, "Read the gifts policy", "2026-03-01")
    soon = vault.supervision.add_action(later.id, "Write my short biography", "2026-04-02")
    undated = vault.supervision.add_action(later.id, "Talk to Sam about peer supervision")
    done = vault.supervision.add_action(later.id, "Already sorted")
    vault.supervision.set_action_done(done.id, "2026-03-13")
    return late, soon, undated


def test_home_lists_open_supervision_actions_until_done(qtbot, home, vault):
    from datetime import date

    from flow_helpers import nameless_controls
    from PySide6.QtWidgets import QApplication

    assert not home.actions_card.isVisibleTo(home.view)  # nothing agreed yet
    late, soon, undated = add_actions(vault)
    home.today = date(2026, 3, 20)
    home.refresh()
    assert home.actions_card.isVisibleTo(home.view)
    assert home.actions_title.text() == "3 open actions from supervision"
    assert home.open_action_ids() == [late.id, soon.id, undated.id]  # soonest due first
    meta = [row.meta.text() for row in home.action_rows]
    assert meta[0] == "Due 1 Mar 2026 · Overdue · agreed 10 Feb 2026"
    assert meta[1] == "Due 2 Apr 2026 · agreed 12 Mar 2026"
    assert meta[2] == "No due date · agreed 12 Mar 2026"
    assert "Already sorted" not in [r.title.text() for r in home.action_rows]
    assert nameless_controls(home.view) == []
    # By keyboard: Tab reaches the Done buttons after the quick buttons; Enter presses.
    QApplication.processEvents()  # the new rows are shown
    home.prepare_button.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is home.action_rows[0].button
    with qtbot.waitSignal(home.actionCompleted) as blocker:
        press(qtbot, Qt.Key.Key_Return)
    assert blocker.args == [late.id]
    assert vault.supervision.actions(open_only=True)[0].id == soon.id
    assert [r.title.text() for r in home.action_rows] == [
        "Write my short biography",
        "Talk to Sam about peer supervision",
    ]
    assert focused() is home.action_rows[0].button  # focus stays in the list
    home.mark_action_done(soon.id)
    home.mark_action_done(undated.id)
    assert home.action_rows == []
    assert not home.actions_card.isVisibleTo(home.view)


def test_home_lock_clears_the_supervision_actions(home, vault):
    add_actions(vault)
    home.refresh()
    assert home.action_rows
    home.set_vault(None)
    assert home.action_rows == []
    assert_no_secret(home.view, ["gifts policy", "short biography", "3 open actions"])


def test_home_lights_grow_with_the_text_size(qtbot, home, vault):
    add_check(vault, "Check: employer — a share", light="green")
    home.refresh()
    (small,) = home.rows
    small_size = small.light.width()
    # The largest text size, on this page only (an app-wide restyle is slow in a long run).
    home.view.setStyleSheet("QLabel { font-size: 24pt; }")
    home.refresh()
    (large,) = home.rows
    assert large.light.width() > small_size * 1.5
    assert large.light.width() >= large.title.fontMetrics().height()
