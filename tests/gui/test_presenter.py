"""The presenter view: consented items only, large type, worked by the keyboard alone."""

from __future__ import annotations

import pytest
from flow_helpers import all_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from test_supervision_page import PRIVATE, Sample, no_private, plan, refs

from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import AgendaItem
from ips_reflect.gui.pages.supervision import SupervisionPage
from ips_reflect.gui.pages.supervision.presenter import (
    PresenterDialog,
    Slide,
    build_slides,
    no_links,
)
from ips_reflect.gui.shell.uiloader import load_ui


@pytest.fixture
def vault(data_dir, monkeypatch):
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    fast = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", fast)
    v, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel", kdf=fast)
    try:
        yield v
    finally:
        v.close()


@pytest.fixture
def sample(vault) -> Sample:
    return Sample(vault)


@pytest.fixture
def page(qtbot, content):
    view = load_ui("supervision")
    qtbot.addWidget(view)
    controller = SupervisionPage(view, content)
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    yield controller
    controller.close_presenter()


@pytest.fixture
def presenter(qtbot, page, sample) -> PresenterDialog:
    plan(page, sample)
    dialog = page.present()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def key(qtbot, dialog: PresenterDialog, k: Qt.Key) -> None:
    qtbot.keyClick(dialog, k)
    QApplication.processEvents()


def test_keyboard_alone_pages_through_and_escape_closes(qtbot, page, presenter) -> None:
    n = presenter.count
    assert n == 1 + len(page.agenda())  # an overview, then one item each
    assert presenter.index == 0
    assert presenter.position_label.text() == f"1 of {n}"
    seen = [presenter.title_label.text()]
    for k in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
        key(qtbot, presenter, k)
        seen.append(presenter.title_label.text())
    assert presenter.index == 3
    key(qtbot, presenter, Qt.Key.Key_Left)
    key(qtbot, presenter, Qt.Key.Key_PageUp)
    assert presenter.index == 1
    key(qtbot, presenter, Qt.Key.Key_End)
    assert presenter.index == n - 1 and presenter.position_label.text() == f"{n} of {n}"
    key(qtbot, presenter, Qt.Key.Key_Right)  # stays on the last
    assert presenter.index == n - 1
    key(qtbot, presenter, Qt.Key.Key_Home)
    assert presenter.index == 0
    # Buttons are Tab stops, but a click leaves focus where it was, so Space still pages.
    for button in presenter.findChildren(QAbstractButton):
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus
        assert button.accessibleName()
    qtbot.mouseClick(presenter.next_button, Qt.MouseButton.LeftButton)
    assert presenter.index == 1
    key(qtbot, presenter, Qt.Key.Key_Space)
    assert presenter.index == 2
    key(qtbot, presenter, Qt.Key.Key_Home)
    assert presenter.accessibleName() and presenter.body.accessibleName()
    assert seen[1] == "What I bring"
    key(qtbot, presenter, Qt.Key.Key_F11)
    assert presenter.isFullScreen()
    key(qtbot, presenter, Qt.Key.Key_F11)
    assert not presenter.isFullScreen()
    key(qtbot, presenter, Qt.Key.Key_Escape)
    assert not presenter.isVisible()
    assert page.presenter is None
    # Keys go back to the main window (Ctrl+L and the rest work at once).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.view.window(), timeout=2000)
    assert page.present_button.hasFocus()


def test_private_words_never_appear_while_paging(qtbot, page, presenter, sample) -> None:
    texts: list[str] = []
    titles = []
    for _ in range(presenter.count):
        texts += all_texts(presenter)
        texts.append(presenter.body.toHtml())
        titles.append(presenter.title_label.text())
        key(qtbot, presenter, Qt.Key.Key_Right)
    no_private(texts)
    joined = "\n".join(texts)
    # What was brought is there, with the client alias only.
    assert "After the job fair (A.B.)" in titles
    assert "Before he left I gave him my personal mobile" in joined
    assert "gave him my personal mobile" in joined
    assert "not marked to bring to supervision" in joined  # the private entry's flag
    assert "href" not in joined  # no links anywhere


def test_presenter_has_large_type(presenter) -> None:
    base = QApplication.font().pointSizeF()
    assert presenter.title_label.font().pointSizeF() >= 2 * base
    assert presenter.title_label.font().pointSizeF() >= 26
    assert presenter.body.font().pointSizeF() >= 1.6 * base
    assert presenter.body.document().defaultFont().pointSizeF() >= 18
    assert presenter.kicker_label.font().pointSizeF() > base


def test_d_marks_an_item_discussed_and_it_is_saved(qtbot, page, presenter, sample) -> None:
    key(qtbot, presenter, Qt.Key.Key_D)  # the overview: nothing to mark
    assert not any(i.discussed for i in page.agenda())
    key(qtbot, presenter, Qt.Key.Key_Right)
    key(qtbot, presenter, Qt.Key.Key_D)
    assert "Discussed" in presenter.kicker_label.text()
    stored = sample.vault.supervision.get_session(page.current_session().id).agenda
    assert stored[0]["discussed"] is True
    assert page.agenda()[0].discussed
    key(qtbot, presenter, Qt.Key.Key_D)
    assert (
        sample.vault.supervision.get_session(page.current_session().id).agenda[0]["discussed"]
        is False
    )


def test_agenda_changes_reach_an_open_presenter(qtbot, page, presenter, sample) -> None:
    before = presenter.count
    fair = sample.vault.entries.get(sample.fair.uid)
    fair.bring_to_supervision = False
    sample.vault.entries.update(fair)
    page.reload_entries()
    assert presenter.count == before - 1
    texts = []
    for i in range(presenter.count):
        presenter.show_slide(i)
        texts += all_texts(presenter)
    no_private(texts, ["After the job fair", "Before he left"])


def test_build_slides_drops_entries_that_are_not_consented(content) -> None:
    marked = Entry(kind="journal", title="Shared", bring_to_supervision=True, client_alias="J.K.")
    private = Entry(kind="journal", title="Zanzibar quokka")
    binned = Entry(
        kind="journal", title="Toboggan", bring_to_supervision=True, deleted_at="2026-01-01"
    )
    items = [
        AgendaItem("entry", marked.uid, "Shared"),
        AgendaItem("entry", private.uid, "Zanzibar quokka"),
        AgendaItem("entry", binned.uid, "Toboggan"),
        AgendaItem("topic", "sup.topic.peer", "Peer supervision"),
    ]
    slides = build_slides(items, [marked, private, binned], content)
    text = "\n".join(s.title + s.html for s in slides)
    assert "Shared (J.K.)" in text and "Peer supervision" in text
    assert "Zanzibar" not in text and "Toboggan" not in text
    assert [s.row for s in slides] == [None, 0, 3]


def test_no_links_and_an_empty_presenter(qtbot) -> None:
    assert no_links('<p>See <a href="entry:x">the check</a>.</p>') == "<p>See the check.</p>"
    dialog = PresenterDialog([Slide("K", "T", "<p>x</p>")])
    qtbot.addWidget(dialog)
    dialog.clear()
    assert dialog.count == 0 and dialog.title_label.text() == ""
    assert not dialog.isVisible()


def test_presenter_cannot_open_without_a_session(page, vault) -> None:
    page.set_vault(vault)
    assert page.present() is None
    assert refs(page) == []
    assert PRIVATE  # the same words as the page tests
