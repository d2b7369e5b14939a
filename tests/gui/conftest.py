"""GUI test fixtures: a small, hand-built set of packs and a ready main window.

The packs are built in Python (not YAML) so these tests do not depend on the
wording of the real content; ``test_guide_real_content`` covers the real packs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ips_reflect.core.content import Choice, Content, Item, Pack, Section


def _item(pack: str, section: str, id: str, type: str, text: str, **kw) -> Item:
    kw.setdefault("help", f"Why '{text}' matters.")
    kw.setdefault("source", "Box 1 - Preparation")
    return Item(id=id, type=type, text=text, pack=pack, section=section, **kw)


def build_sample_content() -> Content:
    """Three packs, five sections, 14 items of seven types."""
    who = [
        _item(
            "basics",
            "basics.contexts",
            "client",
            "context",
            "Individual clients",
            short="Clients",
            help="People you support into work.",
            source="Contexts",
        ),
        _item(
            "basics",
            "basics.contexts",
            "employer",
            "context",
            "Employers",
            help="Managers and businesses you work with.",
            source="Contexts",
        ),
        _item(
            "basics",
            "basics.contexts",
            "ips_team",
            "context",
            "The IPS team",
            help="Your own team.",
            source="Contexts",
        ),
    ]
    groups = [
        _item(
            "basics",
            "basics.groups",
            "peer_es",
            "practitioner_group",
            "Peer employment specialists",
            help="Employed for their lived experience.",
            source="Practitioner groups",
        ),
    ]
    prep = [
        _item(
            "preparation",
            "prep.comfort",
            "prep.comfortable_info",
            "question",
            "Which everyday facts about me am I at ease sharing at work?",
            short="Everyday facts I share",
            answer="text",
            help="Knowing your easy topics in advance stops you being caught off guard.",
            examples=("my football team", "that I have a dog"),
            audiences=("client", "employer"),
            groups=("peer_es",),
            quick=True,
        ),
        _item(
            "preparation",
            "prep.comfort",
            "prep.too_raw",
            "question",
            "Is any of this still too raw to talk about?",
            answer="yes_no_unsure",
            help="Recent or unresolved experiences are best kept for supervision.",
        ),
        _item(
            "preparation",
            "prep.social",
            "prep.social_media",
            "question",
            "Have I checked what my social media shows about me?",
            answer="choice",
            choices=(Choice("done", "Checked"), Choice("todo", "Not yet")),
            help="Clients and employers may look you up.",
            source="Box 1 - Social media",
        ),
        _item(
            "preparation",
            "prep.social",
            "prep.confidence",
            "question",
            "How confident do I feel about sharing?",
            answer="scale",
            scale_low="not at all",
            scale_high="very",
            help="Confidence grows with practice and supervision.",
            source="SLEF - Confidence",
        ),
    ]
    reasons = [
        _item(
            "reasons",
            "reasons.positive",
            "hope",
            "reason",
            "Inspiring hope",
            help="Seeing someone who has been there shows recovery and work are possible.",
            source="Why share - positive reasons",
            related=("similarity",),
        ),
        _item(
            "reasons",
            "reasons.positive",
            "similarity",
            "reason",
            "Showing similarity",
            help="Shared experience can make a person feel understood.",
            source="Why share - positive reasons",
        ),
    ]
    signs = [
        _item(
            "reasons",
            "reasons.warning",
            "secrets",
            "warning_sign",
            "Keeping secrets with a client",
            help="Secrets between you and a client blur professional boundaries.",
            source="Warning signs",
            related=("contact_details",),
        ),
        _item(
            "reasons",
            "reasons.warning",
            "contact_details",
            "warning_sign",
            "Giving out personal contact details",
            help="Your personal phone number or address crosses a professional boundary.",
            source="Warning signs",
            examples=("my mobile number",),
        ),
        _item(
            "reasons",
            "reasons.warning",
            "envy",
            "warning_sign",
            "Feeling envious of a client",
            help="Envy is a sign that your own needs are in the room.",
            source="Warning signs",
        ),
    ]
    topic = [
        _item(
            "reasons",
            "reasons.supervision",
            "sup.boundaries",
            "topic",
            "Talking through a boundary you were unsure of",
            help="Supervision is the place to think about difficult moments.",
            source="Supervision",
        ),
    ]
    basics = Pack(
        id="basics",
        title="Who is involved",
        source="Introduction",
        order=10,
        intro="The people you may share with, and the practitioners this is for.",
        sections=(
            Section(
                "basics.contexts",
                "Who you share with",
                "Contexts",
                "basics",
                tuple(who),
                intro="The four contexts named in the paper.",
            ),
            Section("basics.groups", "Practitioner groups", "Groups", "basics", tuple(groups)),
        ),
    )
    preparation = Pack(
        id="preparation",
        title="Getting ready to share",
        source="Box 1",
        order=20,
        sections=(
            Section(
                "prep.comfort",
                "What I am comfortable sharing",
                "Box 1",
                "preparation",
                tuple(prep[:2]),
            ),
            Section("prep.social", "Being found online", "Box 1", "preparation", tuple(prep[2:])),
        ),
    )
    reasons_pack = Pack(
        id="reasons",
        title="Reasons and warning signs",
        source="Why share",
        order=30,
        sections=(
            Section("reasons.positive", "Positive reasons", "Why share", "reasons", tuple(reasons)),
            Section("reasons.warning", "Warning signs", "Warning signs", "reasons", tuple(signs)),
            Section("reasons.supervision", "Supervision", "Supervision", "reasons", tuple(topic)),
        ),
    )
    return Content([reasons_pack, basics, preparation])


@pytest.fixture
def sample_content() -> Content:
    return build_sample_content()


@pytest.fixture
def window(qtbot, sample_content, data_dir: Path):
    """The real main window over the sample packs, shown offscreen."""
    from ips_reflect.core.settings import load_settings
    from ips_reflect.gui.shell.app import create_main_window

    win = create_main_window(sample_content, load_settings(data_dir), data_dir, features=False)
    qtbot.addWidget(win.view)
    win.show()
    qtbot.waitExposed(win.view)
    yield win
    win.view.close()


@pytest.fixture
def guide(window):
    return window.controllers["guide"]


@pytest.fixture(autouse=True)
def _collect_wrappers_after_each_test():
    """Free each test's unreachable Python wrappers as soon as it ends.

    A page and its signal connections form reference cycles, so their wrappers wait
    for the cycle collector. While they wait, a wrapper whose Qt object Qt has
    already deleted can be handed out for a new widget built at the same address
    (the odd "has no QLabel ..." failure). Collecting here keeps that window shut.
    """
    yield
    import gc

    gc.collect()
    _drop_layout_item_wrappers()


def _drop_layout_item_wrappers() -> None:
    """Detach every Python wrapper of a layout item (QWidgetItem, QSpacerItem).

    PySide makes wrappers for all the items of a layout whenever Python adds a widget
    or layout to it (to track ownership) and keeps them alive from the layout's
    wrapper. Layout items are not QObjects, so when Qt later deletes the layout in
    C++ nothing tells PySide: the wrappers stay registered at their old addresses,
    and a widget built there afterwards comes back as a ``QSpacerItem`` (seen in CI:
    ``QTabWidget.tabBar()`` and ``nextInFocusChain()`` returned one). Once a test is
    over nothing needs them; detaching them (never deleting: Qt owns the items) keeps
    one test's leftovers out of the next. Measured: 16-38 such wrappers after a GUI
    test, 0 after this.
    """
    import shiboken6
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLayoutItem

    for wrapper in shiboken6.getAllValidWrappers():
        if (
            isinstance(wrapper, QLayoutItem)
            and not isinstance(wrapper, QObject)
            and not shiboken6.ownedByPython(wrapper)
        ):
            shiboken6.invalidate(wrapper)


@pytest.fixture(autouse=True)
def _close_leftover_dialogs():
    """Close every dialog a test left open, and fail that test for it.

    A dialog left open (say by a test that errored half-way) is the one the next test's
    "find the dialog" may answer instead of its own, and then that test's ``exec()``
    waits for ever. So: reject it (a running ``exec()`` returns), close it, delete it
    and invalidate its Python wrapper (so a stale wrapper can never be handed out
    again for a new widget at the same address). Only dialogs: main windows are left
    alone (deleting C++-created windows from Python caused stale-wrapper crashes).
    """
    yield
    import shiboken6
    from dialogs import close_dialog, describe, open_dialogs
    from PySide6.QtCore import QCoreApplication, QEvent

    left = open_dialogs()
    if not left:
        return
    names = [describe(w) for w in left]
    for w in left:
        close_dialog(w)
        if shiboken6.isValid(w):
            w.deleteLater()
            shiboken6.invalidate(w)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone, not hidden
    pytest.fail("this test left dialogs open (now closed): " + "; ".join(names), pytrace=False)
