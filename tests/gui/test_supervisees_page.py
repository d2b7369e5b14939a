"""The Supervisees page over two real vaults: a practitioner's data folder makes a share
with the operations the command line uses, and the supervisor's page opens it, walks it
with the keyboard, takes comments and an action, signs off and saves the reply, which
``ips-reflect supervision receive`` then accepts in the practitioner's folder.

Also: a refused file (changed on the way, for another key, the wrong kind, opened
before) shows the operation's sentence and stores nothing; the key card asks for the
name once; lock clears the page and the unlock brings back what was typed; and the page
with a share open has distinct Alt letters, named Tab stops and fits the window at every
text size. File dialogs are replaced with ``monkeypatch``; the one real dialog (the
name) is answered with ``answer_dialog``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from dialogs import answer_dialog
from flow_helpers import all_texts
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QLineEdit

from ips_reflect import messages
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import AgendaItem
from ips_reflect.gui.pages.supervisees import SuperviseesPage
from ips_reflect.gui.pages.supervisees import keycard as keycard_module
from ips_reflect.gui.shell.uiloader import load_ui

pytestmark = pytest.mark.timeout(120)

PASS = "kettle orbit marmalade tunnel"
PRIVATE = ("zanzibar", "quokka")


# --------------------------------------------------------------------------- two vaults


@pytest.fixture
def fast(monkeypatch):
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    params = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", params)
    return params


@pytest.fixture
def sup_vault(data_dir, fast):
    """The supervisor's vault (the page's), open."""
    from ips_reflect.store.vault import Vault

    vault, _code = Vault.create(data_dir, PASS, kdf=fast)
    try:
        yield vault
    finally:
        vault.close()


@pytest.fixture
def prac_dir(tmp_path, fast) -> Path:
    """A practitioner's data folder: a marked entry, a private one, and a session whose
    agenda has a topic, the marked entry and a flag."""
    from ips_reflect.store.vault import Vault

    folder = tmp_path / "practitioner"
    vault, _ = Vault.create(folder, PASS, kdf=fast)
    with vault:
        marked = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-02T09:30:00+00:00",
                title="Pelican moment",
                body="I told the lighthouse story about my first job.\n\nIt helped.",
                bring_to_supervision=True,
            )
        )
        private = vault.entries.add(
            Entry(kind="journal", title="My zanzibar evening", body="A quokka note.")
        )
        flag = vault.flags.upsert(
            "contact_details",
            "text",
            entry_uid=marked.uid,
            evidence="my first job",
            explanation="Personal numbers blur the line.",
        )
        agenda = [
            AgendaItem("topic", "sup.topic.peer", "Peer support"),
            AgendaItem("entry", marked.uid, "Pelican moment"),
            AgendaItem("entry", private.uid, "My zanzibar evening"),
            AgendaItem("flag", str(flag.id), "Giving contact details"),
        ]
        vault.supervision.add_session("2026-03-12", "Priya Shah", [i.to_json() for i in agenda])
    return folder


def card_of(vault: Any, folder: Path, name: str = "Priya Shah") -> Any:
    from ips_reflect.ops import exchange

    return exchange.write_my_card(vault, folder / f"{name.split()[0].lower()}.ipskey", name)


def make_share(prac_dir: Path, card: Any, target: Path, content: Any) -> Path:
    """What ``ips-reflect supervision share --to CARD --fingerprint CODE`` does."""
    from ips_reflect.ops import exchange
    from ips_reflect.store.vault import Vault

    with Vault.unlock(prac_dir, PASS) as vault:
        exchange.share_session(vault, content, card, target, confirmed=True, name="Sam Okafor")
    return target


@pytest.fixture
def share_file(sup_vault, prac_dir, tmp_path, content) -> Path:
    card = card_of(sup_vault, tmp_path)
    return make_share(prac_dir, card, tmp_path / "session.ipsshare", content)


# --------------------------------------------------------------------------- the page


@pytest.fixture
def page(qtbot, content):
    view = load_ui("supervisees")
    controller = SuperviseesPage(view, content)
    view.resize(1200, 820)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    try:
        yield controller
    finally:
        controller.set_vault(None)
        view.close()
        view.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def choose_file(monkeypatch, kind: str, path: Path) -> list[str]:
    """Answer ``QFileDialog.get<kind>FileName`` with ``path``; the titles asked."""
    titles: list[str] = []

    def answer(_parent, title, _start, file_filter, *_a, **_k):
        titles.append(title)
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, f"get{kind}FileName", answer)
    return titles


def open_through_page(qtbot, page, monkeypatch, path: Path) -> None:
    choose_file(monkeypatch, "Open", path)
    with qtbot.waitSignal(page.shareOpened, timeout=15000):
        page.open_button.click()


def press(qtbot, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    qtbot.keyClick(widget, key, mods)
    QApplication.processEvents()


def type_comment(qtbot, page, text: str) -> None:
    page.comment_edit.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    qtbot.keyClicks(page.comment_edit, text)


def cli(capsys, folder: Path, *args: str) -> tuple[int, str, str]:
    from ips_reflect.cli import main

    code = main(["--data-dir", str(folder), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# --------------------------------------------------------------------------- tests


def test_the_whole_round_trip_through_the_page(
    qtbot, page, sup_vault, share_file, prac_dir, tmp_path, monkeypatch, capsys
) -> None:
    page.set_vault(sup_vault)
    assert page.card_frame.isVisibleTo(page.view)  # the card made for the share
    assert page.signoff_edit.text() == "Priya Shah"
    open_through_page(qtbot, page, monkeypatch, share_file)
    assert "Sam Okafor" in page.status_label.text()

    # By person, then session: name, date, item count, reply state.
    assert page.people_model.rowCount() == 1
    assert page.people_model.index(0, 0).data().startswith("Sam Okafor\n1 session")
    cells = [page.sessions_model.index(0, c).data() for c in range(3)]
    assert cells == ["12 Mar 2026", "3", messages.SVS_NOT_SIGNED]
    assert page.position_label.text() == "Item 1 of 3"
    assert not any(w in t.casefold() for t in all_texts(page.view) for w in PRIVATE)

    # Walk with the keyboard, typing a comment on each of two items.
    type_comment(qtbot, page, "Good to name this topic.")
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.position_label.text() == "Item 2 of 3"
    assert page.title_label.text() == "Pelican moment"
    assert "lighthouse story" in page.body.toPlainText()
    assert page.comment_edit.toPlainText() == ""
    type_comment(qtbot, page, "Well judged: brief.")
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.position_label.text() == "Item 1 of 3"
    assert "Good to name this topic." in page.body.toPlainText()  # kept, shown under it
    page.next_button.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the Next button's letter
    # Qt presses a button for its Alt letter with a short, visible animation.
    qtbot.waitUntil(lambda: page.position_label.text() == "Item 2 of 3")
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.position_label.text() == "Item 3 of 3"
    assert not page.next_button.isEnabled()
    type_comment(qtbot, page, "Talk again next time.")  # kept when the tab changes
    page.tabs.setCurrentWidget(page.reply_tab)
    comments = {(c.item, c.text) for c in sup_vault.exchange.comments(page.share_id)}
    assert comments == {
        (1, "Good to name this topic."),
        (2, "Well judged: brief."),
        (3, "Talk again next time."),
    }

    # An agreed action with a due date.
    page.action_edit.setFocus()
    qtbot.keyClicks(page.action_edit, "Read the lone-working policy")
    page.due_check.setChecked(True)
    page.due_edit.setDate(page.due_edit.date().fromString("2026-04-30", "yyyy-MM-dd"))
    with qtbot.waitSignal(page.actionAdded, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    assert page.actions_model.rowCount() == 1
    assert page.actions_model.index(0, 1).data() == "30 Apr 2026"

    # Sign off and save the reply.
    reply = tmp_path / "reply"
    titles = choose_file(monkeypatch, "Save", reply)
    with qtbot.waitSignal(page.replySaved, timeout=15000) as blocker:
        page.reply_button.click()
    assert titles == [messages.SVS_REPLY_SAVE_TITLE]
    assert blocker.args == [str(reply) + ".ipsreply"]
    assert "Record fingerprint" in page.status_label.text()
    assert "Signed off by Priya Shah" in page.record_label.text()
    assert page.sessions_model.index(0, 2).data() == "Priya Shah"
    code = page.share.reply.record_fingerprint if page.share and page.share.reply else ""

    # The record as a PDF, on a worker.
    pdf = tmp_path / "record.pdf"
    choose_file(monkeypatch, "Save", pdf)
    with qtbot.waitSignal(page.recordSaved, timeout=30000):
        page.record_button.click()
    assert pdf.read_bytes().startswith(b"%PDF-")

    # The practitioner's IPS Reflect takes the reply in, with every comment.
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    rc, out, err = cli(capsys, prac_dir, "supervision", "receive", str(reply) + ".ipsreply")
    assert rc == 0, err
    rc, out, _err = cli(capsys, prac_dir, "supervision", "sessions", "--json")
    (session,) = json.loads(out)["sessions"]
    assert session["signed_off_by"] == "Priya Shah"
    assert session["comments"] == [
        {"item": 1, "text": "Good to name this topic."},
        {"item": 2, "text": "Well judged: brief."},
        {"item": 3, "text": "Talk again next time."},
    ]
    rc, out, _err = cli(capsys, prac_dir, "supervision", "actions", "--json")
    actions = json.loads(out)["actions"]
    assert [(a["text"], a["due_on"]) for a in actions] == [
        ("Read the lone-working policy", "2026-04-30")
    ]
    assert len(code) == 64


def test_refused_files_show_the_sentence_and_store_nothing(
    qtbot, page, sup_vault, share_file, prac_dir, tmp_path, monkeypatch, content, fast
) -> None:
    from ips_reflect.ops import exchange
    from ips_reflect.store.vault import Vault

    page.set_vault(sup_vault)
    tampered = tmp_path / "tampered.ipsshare"
    data = bytearray(share_file.read_bytes())
    data[-20] ^= 0x01
    tampered.write_bytes(bytes(data))

    other_dir = tmp_path / "someone-else"
    other, _ = Vault.create(other_dir, PASS, kdf=fast)
    with other:
        elsewhere = make_share(
            prac_dir, card_of(other, tmp_path, "Alex Other"), tmp_path / "other.ipsshare", content
        )
    not_ours = tmp_path / "notes.ipsshare"
    not_ours.write_text("hello", encoding="utf-8")
    mine = sup_vault.exchange.identity()
    assert mine is not None
    wrong_kind = tmp_path / "wrong.ipsshare"
    wrong_kind.write_bytes(exchange.seal("reply", b"{}", mine, mine.card()))

    def refused(path: Path, sentence: str) -> None:
        choose_file(monkeypatch, "Open", path)
        with qtbot.waitSignal(page.failed, timeout=15000) as blocker:
            page.open_button.click()
        assert sentence.startswith("{file} ")
        assert blocker.args[0] == page.status_label.text()
        assert page.status_label.text().startswith(path.name + " ")
        assert page.status_label.property("problem") is True
        assert "Traceback" not in page.status_label.text()
        assert sup_vault.exchange.received_shares() == []
        assert page.people_model.rowCount() == 0

    refused(tampered, messages.EX_DAMAGED)
    assert page.status_label.text() == messages.EX_DAMAGED.format(file=tampered.name)
    refused(elsewhere, messages.EX_NOT_FOR_ME)
    refused(not_ours, messages.EX_NOT_EXCHANGE)
    assert page.status_label.text() == messages.EX_NOT_EXCHANGE.format(file=not_ours.name)
    refused(wrong_kind, messages.EX_WRONG_KIND_REPLY)
    assert page.status_label.text() == messages.EX_WRONG_KIND_REPLY.format(file=wrong_kind.name)

    # The real file opens; the same file again is refused, and nothing is added.
    open_through_page(qtbot, page, monkeypatch, share_file)
    assert page.status_label.property("problem") is False
    choose_file(monkeypatch, "Open", share_file)
    with qtbot.waitSignal(page.failed, timeout=15000):
        page.open_button.click()
    assert page.status_label.text() == messages.EX_ALREADY_OPENED.format(file=share_file.name)
    assert len(sup_vault.exchange.received_shares()) == 1


def test_lock_clears_the_page_and_unlock_brings_back_the_typing(
    qtbot, page, sup_vault, share_file, monkeypatch
) -> None:
    page.set_vault(sup_vault)
    open_through_page(qtbot, page, monkeypatch, share_file)
    page.next_item()
    type_comment(qtbot, page, "Half a thought about the lighthouse")
    page.action_edit.setText("Typed action")
    page.action_edit.textEdited.emit("Typed action")
    page.flush()
    page.set_vault(None)
    texts = "\n".join(all_texts(page.view))
    for word in ("Sam Okafor", "Pelican", "lighthouse", "Half a thought", "Typed action", "Priya"):
        assert word not in texts, word
    assert page.people_model.rowCount() == 0 and page.sessions_model.rowCount() == 0
    assert not page.view.isEnabled()
    assert page.empty_label.text() == messages.SVS_LOCKED
    # Not kept as a comment: held as a draft (in the vault), and back after the unlock.
    assert sup_vault.exchange.comments(1) == []

    page.set_vault(sup_vault)
    assert page.position_label.text() == "Item 2 of 3"
    assert page.comment_edit.toPlainText() == "Half a thought about the lighthouse"
    assert page.action_edit.text() == "Typed action"
    page.previous_item()  # moving on keeps it
    assert [(c.item, c.text) for c in sup_vault.exchange.comments(1)] == [
        (2, "Half a thought about the lighthouse")
    ]


def test_the_key_card_asks_for_the_name_once(qtbot, page, sup_vault, tmp_path, monkeypatch) -> None:
    from ips_reflect.core.exchange import read_card

    page.set_vault(sup_vault)
    assert not page.card_frame.isVisibleTo(page.view)  # no keys yet, none made by looking
    assert sup_vault.exchange.identity() is None
    target = tmp_path / "card"
    choose_file(monkeypatch, "Save", target)

    def give_name(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit, "cardNameEdit")
        buttons = dialog.findChild(QDialogButtonBox, "cardNameButtons")
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.click()  # empty: refused with a sentence, the dialog stays
        assert dialog.isVisible()
        edit.setText("  Priya   Shah ")
        save.click()

    with qtbot.waitSignal(page.cardSaved, timeout=15000) as blocker:
        answer_dialog(
            qtbot, page.save_key_card, QDialog, name="CardNameDialog", act=give_name, timeout=10
        )
    card = read_card((tmp_path / "card.ipskey").read_bytes(), "card")
    assert card.name == "Priya Shah" and blocker.args == [card.fingerprint]
    assert page.fingerprint_label.text() == card.fingerprint
    first = card.fingerprint[0]
    assert messages.SVS_SPOKEN[first] in page.spoken_label.text()
    assert page.card_frame.isVisibleTo(page.view)

    # The second time, no question: the name is remembered.
    def never(*_a: Any) -> str:
        raise AssertionError("asked for the name again")

    monkeypatch.setattr(keycard_module, "ask_card_name", never)
    choose_file(monkeypatch, "Save", tmp_path / "again.ipskey")
    with qtbot.waitSignal(page.cardSaved, timeout=15000) as blocker:
        page.key_card_button.click()
    assert blocker.args == [card.fingerprint]


# --------------------------------------------------------------------------- the whole window


@pytest.fixture
def window_with_a_share(qtbot, content, data_dir, sup_vault, share_file, monkeypatch):
    from ips_reflect.core.settings import Settings
    from ips_reflect.gui.shell.app import create_main_window

    window = create_main_window(content, Settings(), data_dir, features=True)
    window.view.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window.view)
    window.set_vault(sup_vault)
    window.show_page("supervisees")
    page = window.controllers["supervisees"]
    open_through_page(qtbot, page, monkeypatch, share_file)
    try:
        yield window
    finally:
        window.set_vault(None)
        window.view.close()
        window.view.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_with_a_share_open_every_control_is_named_reachable_and_has_its_own_letter(
    qtbot, window_with_a_share
) -> None:
    from test_accessibility import Walk, walk_states
    from test_mnemonics import clashes
    from test_mnemonics import states as mnemonic_states

    window = window_with_a_share
    view = window.page("supervisees")
    found: list[str] = []
    for state in mnemonic_states(view):
        found += clashes(window.view, f"supervisees, {state}")
    assert not found, "\n".join(dict.fromkeys(found))
    walk = Walk()
    walk_states(walk, qtbot, "page supervisees: a share open", view)
    assert not walk.problems, walk.report()


@pytest.mark.timeout(240)
def test_with_a_share_open_the_page_fits_at_every_text_size(qtbot, window_with_a_share) -> None:
    from test_fit import TEXT_SIZES, WINDOW_SIZES, Look, _resize, problems

    window = window_with_a_share
    page = window.controllers["supervisees"]
    found: list[str] = []
    for pt in TEXT_SIZES:
        window.set_font_size(pt)
        for size in WINDOW_SIZES:
            found += _resize(window.view, size)
            for tab in (page.walk_tab, page.reply_tab):
                page.tabs.setCurrentWidget(tab)
                qtbot.wait(60)  # the tables fit their columns on a short timer
                found += problems(
                    window.view, f"supervisees ({tab.objectName()})", Look("light", pt, size)
                )
    assert not found, f"{len(found)} fit problem(s):\n" + "\n".join(found)
