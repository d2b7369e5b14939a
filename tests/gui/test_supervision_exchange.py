"""The practitioner's side of the supervision exchange on the Supervision page, between
two real vaults in two data folders: send a session to a supervisor's key card (the
fingerprint tick on first use, none for a known card, a warning and two ticks for a
changed one), the supervisor opens it with the ops and sees only consented entries,
their reply (comments, an action, the sign-off) is taken in through the page, a reply
changed by one byte is refused with a sentence and changes no file, and the signed
record PDF is written.

Dialogs are real and answered with :func:`dialogs.answer_dialog`; the file choosers are
replaced with ``monkeypatch``.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from dialogs import answer_dialog
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
)

from ips_reflect.core.entries import Entry
from ips_reflect.gui.pages.supervision import SupervisionPage
from ips_reflect.gui.pages.supervision.exchange import SendDialog
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.ops import exchange as ops
from ips_reflect.ops import exchange_supervisor as sup_ops

pytestmark = pytest.mark.timeout(120)

PASS = "kettle orbit marmalade tunnel"
MARKED = ("Pelican", "lighthouse", "Dana")
PRIVATE = ("zanzibar", "quokka", "Ottoline")
TOPICS = ["sup.topic.what_i_bring"]


@pytest.fixture
def fast_kdf(monkeypatch):
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    params = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", params)
    return params


@pytest.fixture
def folders(tmp_path: Path, fast_kdf):
    """A practitioner's vault (a marked entry and a private one) and a supervisor's
    vault with a key card, both open."""
    from ips_reflect.store.vault import Vault

    prac, _code = Vault.create(tmp_path / "practitioner", PASS, kdf=fast_kdf)
    sup, _code = Vault.create(tmp_path / "supervisor", PASS, kdf=fast_kdf)
    try:
        prac.entries.add(
            Entry(
                kind="journal",
                created="2026-03-02T09:30:00+00:00",
                title="Pelican moment with Dana",
                body="Dana smiled when I told the lighthouse story about my first job.",
                client_alias="Dana",
                bring_to_supervision=True,
            )
        )
        prac.entries.add(
            Entry(
                kind="journal",
                created="2026-03-05T09:30:00+00:00",
                title="My zanzibar evening",
                body="Nobody else reads this quokka note.",
                client_alias="Ottoline",
            )
        )
        card = tmp_path / "priya.ipskey"
        ops.write_my_card(sup, card, "Priya Shah")
        yield {"prac": prac, "sup": sup, "card": card, "tmp": tmp_path}
    finally:
        prac.close()
        sup.close()


@pytest.fixture
def page(qtbot, content, folders):
    view = load_ui("supervision")
    controller = SupervisionPage(view, content)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    controller.set_vault(folders["prac"])
    yield controller
    controller.close_presenter()
    controller.set_vault(None)
    view.close()
    view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def choose_files(monkeypatch, *, open_path: Path | None = None, save_path: Path | None = None):
    if open_path is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(open_path), ""))
    if save_path is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(save_path), ""))


def controls(dialog: QDialog) -> dict[str, Any]:
    return {
        "send": dialog.findChild(QPushButton, "sendButton"),
        "choose": dialog.findChild(QPushButton, "chooseCardButton"),
        "matches": dialog.findChild(QCheckBox, "matchesCheck"),
        "replace": dialog.findChild(QCheckBox, "replaceCheck"),
        "trust": dialog.findChild(QLabel, "trustLabel"),
        "fingerprint": dialog.findChild(QLabel, "fingerprintLabel"),
        "owner": dialog.findChild(QLabel, "cardOwnerLabel"),
        "what": dialog.findChild(QLabel, "sendWhat"),
        "name": dialog.findChild(QLineEdit, "myNameEdit"),
    }


def send(qtbot, page, act) -> list[str]:
    """Press Send to my supervisor…, answer the dialog with ``act``; the paths saved."""
    saved: list[str] = []
    page.shareSaved.connect(saved.append)
    failed: list[str] = []
    page.shareFailed.connect(failed.append)
    assert (
        answer_dialog(
            qtbot, page.send_button.click, QDialog, name="SendToSupervisorDialog", act=act
        )
        is None
    )
    qtbot.waitUntil(lambda: bool(saved or failed), timeout=20000)
    assert not failed, failed
    return saved


def first_use(seen: dict[str, Any]):
    def act(dialog: QDialog) -> None:
        c = controls(dialog)
        c["name"].setText("Sam Okafor")
        c["choose"].click()
        seen["what"] = c["what"].text()
        seen["owner"] = c["owner"].text()
        seen["fingerprint"] = c["fingerprint"].text()
        seen["fingerprint_shown"] = c["fingerprint"].isVisible()
        seen["before_tick"] = c["send"].isEnabled()
        seen["replace_shown"] = c["replace"].isVisible()
        c["matches"].setChecked(True)
        seen["after_tick"] = c["send"].isEnabled()
        c["send"].click()

    return act


def share_once(qtbot, page, folders, monkeypatch, name="first.ipsshare") -> Path:
    target = folders["tmp"] / name
    choose_files(monkeypatch, open_path=folders["card"], save_path=target)
    seen: dict[str, Any] = {}
    send(qtbot, page, first_use(seen))
    return target


# --------------------------------------------------------------------------- sending


def test_first_send_needs_the_tick_and_the_supervisor_sees_only_marked_entries(
    qtbot, page, folders, monkeypatch
) -> None:
    page.new_session("2026-03-12", "Priya Shah", TOPICS)
    target = folders["tmp"] / "session"  # the suffix is added
    choose_files(monkeypatch, open_path=folders["card"], save_path=target)
    seen: dict[str, Any] = {}
    saved = send(qtbot, page, first_use(seen))
    card = ops.read_card_file(folders["card"])
    assert len(page.agenda()) == 2
    assert "the 2 items on the agenda" in seen["what"] and "nothing private" in seen["what"]
    assert seen["owner"] == "This card is for Priya Shah."
    assert seen["fingerprint"].split() == card.fingerprint.split("-")
    assert seen["fingerprint_shown"] and not seen["replace_shown"]
    assert seen["before_tick"] is False and seen["after_tick"] is True
    out = folders["tmp"] / "session.ipsshare"
    assert saved == [str(out)] and out.exists()
    assert str(out) in page.status_label.text() and "Priya Shah" in page.status_label.text()
    assert "Sent to Priya Shah" in page.exchange_status.text()
    raw = out.read_bytes()
    for word in MARKED + PRIVATE:
        assert word.encode() not in raw  # sealed: no words in the file itself

    received = sup_ops.open_share(folders["sup"], raw, str(out))
    assert received.practitioner == "Sam Okafor"
    text = repr(received.payload)
    for word in MARKED:
        assert word in text
    for word in PRIVATE:
        assert word not in text


def test_a_known_card_needs_no_tick(qtbot, page, folders, monkeypatch) -> None:
    page.new_session("2026-03-12", "Priya Shah", TOPICS)
    share_once(qtbot, page, folders, monkeypatch)
    second = folders["tmp"] / "second.ipsshare"
    choose_files(monkeypatch, save_path=second)
    seen: dict[str, Any] = {}

    def act(dialog: QDialog) -> None:
        c = controls(dialog)
        seen["name"] = c["name"].text()  # kept from the first time
        c["choose"].click()
        seen["enabled"] = c["send"].isEnabled()
        seen["ticks"] = (c["matches"].isVisible(), c["replace"].isVisible())
        seen["fingerprint"] = c["fingerprint"].isVisible()
        seen["trust"] = c["trust"].text()
        c["send"].click()

    assert send(qtbot, page, act) == [str(second)]
    assert seen["name"] == "Sam Okafor"
    assert seen["enabled"] is True and seen["ticks"] == (False, False)
    assert not seen["fingerprint"] and "checked this card with Priya Shah before" in seen["trust"]


def test_a_changed_card_warns_and_needs_both_ticks(
    qtbot, page, folders, monkeypatch, fast_kdf
) -> None:
    from ips_reflect.store.vault import Vault

    page.new_session("2026-03-12", "Priya Shah", TOPICS)
    share_once(qtbot, page, folders, monkeypatch)
    impostor, _code = Vault.create(folders["tmp"] / "impostor", PASS, kdf=fast_kdf)
    with impostor:
        other = folders["tmp"] / "other-priya.ipskey"
        ops.write_my_card(impostor, other, "Priya Shah")
    target = folders["tmp"] / "third.ipsshare"
    choose_files(monkeypatch, open_path=other, save_path=target)
    seen: dict[str, Any] = {}

    def act(dialog: QDialog) -> None:
        c = controls(dialog)
        c["choose"].click()
        seen["trust"] = c["trust"].text()
        seen["ticks"] = (c["matches"].isVisible(), c["replace"].isVisible())
        seen["panel"] = dialog.findChild(QFrame, "cardPanel").property("trust")
        states = [c["send"].isEnabled()]
        c["matches"].setChecked(True)
        states.append(c["send"].isEnabled())
        c["replace"].setChecked(True)
        states.append(c["send"].isEnabled())
        seen["states"] = states
        c["send"].click()

    assert send(qtbot, page, act) == [str(target)]
    assert seen["trust"].startswith("Warning:") and "pretending to be Priya Shah" in seen["trust"]
    assert seen["ticks"] == (True, True) and seen["panel"] == "changed"
    assert seen["states"] == [False, False, True]
    new = ops.read_card_file(other)
    assert ops.card_trust(folders["prac"], new) == ops.TRUST_KNOWN  # replaced


def test_with_no_session_the_dialog_says_one_is_made(qtbot, page, folders, monkeypatch) -> None:
    from datetime import date

    page.today = date(2026, 3, 20)
    assert page.sessions() == []
    assert page.send_button.isEnabled()
    target = folders["tmp"] / "new.ipsshare"
    choose_files(monkeypatch, open_path=folders["card"], save_path=target)
    seen: dict[str, Any] = {}
    send(qtbot, page, first_use(seen))
    assert "no session yet" in seen["what"] and "1 entry" in seen["what"]
    assert len(page.sessions()) == 1 and page.session is not None
    assert page.session.held_on == "2026-03-20"
    assert "one was made for" in page.status_label.text()


def test_cancel_sends_nothing(qtbot, page, folders, monkeypatch) -> None:
    page.new_session("2026-03-12", "Priya Shah", TOPICS)
    result = answer_dialog(qtbot, page.send_to_supervisor, QDialog, name="SendToSupervisorDialog")
    assert result is False
    assert folders["prac"].exchange.sent_shares() == []


# --------------------------------------------------------------------------- the reply


def reply_for(folders, share: Path, name: str = "reply.ipsreply") -> Path:
    """The supervisor opens the share, comments on the marked entry, agrees an action
    and signs off: with the ops, in their own folder."""
    sup = folders["sup"]
    received = sup_ops.open_share(sup, share.read_bytes(), str(share))
    items = received.payload["items"]
    entry = next(i for i in items if i["kind"] == "entry")
    sup_ops.add_comment(sup, received.id, entry["index"], "Well judged: a story about work.")
    sup_ops.add_action(sup, received.id, "Read the lone working policy", "2026-04-01")
    target = folders["tmp"] / name
    sup_ops.respond(sup, received.id, "Priya Shah", target)
    return target


def test_the_reply_shows_sign_off_comments_and_actions(qtbot, page, folders, monkeypatch) -> None:
    session = page.new_session("2026-03-12", "Priya Shah", TOPICS)
    share = share_once(qtbot, page, folders, monkeypatch)
    reply = reply_for(folders, share)
    assert not page.record_button.isEnabled()
    choose_files(monkeypatch, open_path=reply)
    got: list[int] = []
    page.replyReceived.connect(got.append)
    assert page.reply_button.isEnabled()
    page.reply_button.click()
    assert got == [session.id]
    status = page.status_label.text()
    assert "signed off by Priya Shah" in status and "1 comment" in status
    assert "1 new action" in status
    assert page.exchange_status.text().startswith("✓ Signed off by Priya Shah on")
    assert page.record_button.isEnabled()
    # The sessions list says so.
    shown = page.sessions_model.data(page.sessions_model.index(0), Qt.ItemDataRole.DisplayRole)
    assert "signed off" in shown

    # The comment sits beside its item, marked as the supervisor's.
    rows = [
        page.agenda_model.data(page.agenda_model.index(r), Qt.ItemDataRole.DisplayRole)
        for r in range(page.agenda_model.rowCount())
    ]
    commented = [r for r, text in enumerate(rows) if "comment from Priya Shah" in text]
    assert len(commented) == 1
    assert page.agenda()[commented[0]].kind == "entry"
    page.select_item(commented[0])
    html = page.item_view.toPlainText()
    assert "Comment from your supervisor, Priya Shah" in html
    assert "Well judged: a story about work." in html
    page.select_item(0 if commented[0] else 1)
    assert "Well judged" not in page.item_view.toPlainText()

    # The agreed action joins the actions list.
    texts = [
        page.actions_model.data(page.actions_model.index(r, 0), Qt.ItemDataRole.DisplayRole)
        for r in range(page.actions_model.rowCount())
    ]
    assert "Read the lone working policy" in texts

    # The presenter view shows the comment, marked, on the entry's slide.
    dialog = page.present()
    assert dialog is not None
    slides = [s for s in dialog.slides if "Well judged" in s.html]
    assert len(slides) == 1 and slides[0].row == commented[0]
    assert "Comment from your supervisor, Priya Shah" in slides[0].html
    page.close_presenter()

    # The same reply again is refused with the ops' sentence.
    refused: list[str] = []
    page.replyRefused.connect(refused.append)
    page.reply_button.click()
    assert refused and "already been taken in" in refused[0]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    from ips_reflect.store.lock import LOCK_NAME

    return {
        str(p): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != LOCK_NAME
    }


def test_a_tampered_reply_is_refused_and_changes_nothing(qtbot, page, folders, monkeypatch) -> None:
    page.new_session("2026-03-12", "Priya Shah", TOPICS)
    share = share_once(qtbot, page, folders, monkeypatch)
    reply = reply_for(folders, share)
    data = bytearray(reply.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = folders["tmp"] / "tampered.ipsreply"
    bad.write_bytes(bytes(data))
    choose_files(monkeypatch, open_path=bad)
    actions = page.actions_model.rowCount()
    before = snapshot(folders["prac"].data_dir)
    refused: list[str] = []
    page.replyRefused.connect(refused.append)
    assert page.open_reply() is False
    assert snapshot(folders["prac"].data_dir) == before
    assert len(refused) == 1
    text = page.status_label.text()
    assert text == refused[0] and "tampered.ipsreply" in text and "nothing was stored" in text
    assert "Traceback" not in text and "Error" not in text
    assert page.actions_model.rowCount() == actions
    assert not page.record_button.isEnabled()
    assert "No reply taken in yet" in page.exchange_status.text()

    # A share file is the wrong kind: its sentence too.
    choose_files(monkeypatch, open_path=share)
    assert page.open_reply() is False
    assert "is a share from a practitioner, not a reply" in page.status_label.text()


def test_the_signed_record_pdf(qtbot, page, folders, monkeypatch) -> None:
    page.new_session("2026-03-12", "Priya Shah", TOPICS)
    share = share_once(qtbot, page, folders, monkeypatch)
    choose_files(monkeypatch, open_path=reply_for(folders, share))
    assert page.open_reply()
    out = folders["tmp"] / "record"
    choose_files(monkeypatch, save_path=out)
    with qtbot.waitSignal(page.pdfSaved, timeout=30000) as blocker:
        assert page.save_record_pdf()
    path = Path(blocker.args[0])
    assert path == folders["tmp"] / "record.pdf"
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(
        unicodedata.normalize("NFC", p.extract_text() or "").replace("\n", " ")
        for p in reader.pages
    )
    text = " ".join(text.split())
    record = ops.practitioner_record(folders["prac"])
    for wanted in ("Sam Okafor", "Priya Shah", record.short_fingerprint, "Well judged"):
        assert wanted in text, wanted
    assert record.short_fingerprint in page.exchange_status.text()
    for word in PRIVATE:
        assert word not in text


# --------------------------------------------------------------------------- the dialog's look


def test_the_send_dialog_fits_at_every_text_size(qtbot, content, folders) -> None:
    from test_fit import TEXT_SIZES, WINDOW_SIZES, Look, _fit_dialog

    from ips_reflect.gui.widgets import theme as theming

    app = QApplication.instance()
    was = theming.current_theme().name, QApplication.font().pointSize()
    found: list[str] = []
    try:
        for name in ("light", "high_contrast"):
            for pt in TEXT_SIZES:
                theming.apply_theme(app, name, pt, force=True)
                sender = SendDialog(None, folders["prac"], "x " * 80, "Sam Okafor")
                sender.use_card_file(folders["card"])
                sender.dialog.show()
                qtbot.waitExposed(sender.dialog)
                for size in WINDOW_SIZES:
                    found += _fit_dialog(sender.dialog, "send dialog", Look(name, pt, size))
                sender.dialog.reject()
                sender.dialog.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        theming.apply_theme(app, was[0], was[1], force=True)
    assert not found, "\n".join(found)
