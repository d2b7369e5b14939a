"""The Supervision page over a real vault: consent (only marked entries ever reach it),
the agenda, notes, actions, SLEF ratings and their chart, PDFs, lock and unlock.

Dialogs (new session, notes, questions, file choosers) are replaced with
``monkeypatch`` so tests never block.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_helpers import all_texts
from pypdf import PdfReader
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTextBrowser,
)

from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import rating_series, rating_summary
from ips_reflect.gui.pages.supervision import SupervisionPage, create_page
from ips_reflect.gui.pages.supervision import sessions as sp
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.widgets import flag_panel
from ips_reflect.gui.widgets.agenda import AGENDA_KEY

#: Words only private (unmarked) entries hold; they must never reach the page.
PRIVATE = ["Zanzibar", "quokka", "Quintessa", "Marmaduke", "toboggan"]


@pytest.fixture
def vault(data_dir, monkeypatch):
    """A real, unlocked vault whose key derivation is cheap (tested elsewhere)."""
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    fast = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", fast)
    v, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel", kdf=fast)
    try:
        yield v
    finally:
        v.close()


class Sample:
    """Two marked entries, two private ones, and flags on each."""

    def __init__(self, vault) -> None:
        self.vault = vault
        self.fair = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-02T09:30:00+00:00",
                client_alias="A.B.",
                title="After the job fair",
                body="Long day. Before he left I gave him my personal mobile, just in case.",
                bring_to_supervision=True,
            )
        )
        self.check = vault.entries.add(
            Entry(
                kind="before_check",
                created="2026-03-04T09:30:00+00:00",
                audience="client",
                client_alias="C.D.",
                title="Check: client — my first job",
                body="Keeping it short and about work.",
                warning_signs=["secrets"],
                bring_to_supervision=True,
            )
        )
        self.private = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-05T09:30:00+00:00",
                client_alias="Quintessa",
                title="Zanzibar evening",
                body="The quokka story. I envied Marmaduke and his toboggan.",
            )
        )
        self.private_two = vault.entries.add(
            Entry(
                kind="journal",
                created="2026-03-06T09:30:00+00:00",
                title="Marmaduke again",
                body="More toboggan thoughts.",
            )
        )
        self.fair_flag = vault.flags.upsert(
            "contact_details",
            "text",
            entry_uid=self.fair.uid,
            evidence="gave him my personal mobile",
            explanation="Your own number crosses a line.",
        )
        # Put on the next agenda from the Flags page: shown, but without its words.
        self.private_flag = vault.flags.upsert(
            "envy",
            "text",
            entry_uid=self.private.uid,
            evidence="envied Marmaduke and his toboggan",
            explanation="Envy is worth a look.",
        )
        # Not chosen: never on the agenda.
        self.hidden_flag = vault.flags.upsert(
            "secrets",
            "text",
            entry_uid=self.private_two.uid,
            evidence="toboggan thoughts",
            explanation="Secrets blur boundaries.",
        )
        vault.kv.set(AGENDA_KEY, [self.private_flag.id])


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


TOPICS = ["sup.topic.what_i_bring", "sup.topic.reflect"]


def plan(page: SupervisionPage, sample: Sample, day: str = "2026-03-12"):
    page.set_vault(sample.vault)
    return page.new_session(day, "Alex Morgan", TOPICS)


def refs(page: SupervisionPage) -> list[tuple[str, str]]:
    return [(i.kind, i.ref) for i in page.agenda()]


def no_private(texts: list[str], words=PRIVATE) -> None:
    joined = "\n".join(texts)
    for word in words:
        assert word not in joined, word


# --------------------------------------------------------------------------- basics


def test_create_page_gives_what_the_main_window_needs(qtbot, content) -> None:
    from ips_reflect.gui.widgets.theme import themed_icon

    key, title, view, controller, icon = create_page(content)
    qtbot.addWidget(view)
    assert (key, title, icon) == ("supervision", "Supervision", "supervision")
    assert isinstance(controller, SupervisionPage) and controller.view is view
    assert not view.isEnabled()  # locked until a vault is given
    assert not themed_icon(icon).isNull()


def test_every_control_has_an_accessible_name(page: SupervisionPage, sample) -> None:
    plan(page, sample)
    for cls in (QAbstractButton, QComboBox, QAbstractItemView, QTextBrowser, QLineEdit, QSpinBox):
        for widget in page.view.findChildren(cls):
            if widget.objectName().startswith("qt_") or not widget.objectName():
                continue  # Qt's own parts (spin box line edits, the corner button)
            assert widget.accessibleName(), f"{cls.__name__} {widget.objectName()}"


def test_locked_page_is_empty_and_says_so(page: SupervisionPage) -> None:
    assert not page.view.isEnabled()
    assert page.stack.currentWidget() is page.empty_label
    assert "Unlock" in page.empty_label.text()


def test_no_sessions_yet(page: SupervisionPage, vault) -> None:
    page.set_vault(vault)
    assert page.sessions() == []
    assert page.stack.currentWidget() is page.empty_label
    assert "New session" in page.empty_label.text()
    assert page.new_button.isEnabled() and not page.present_button.isEnabled()


# --------------------------------------------------------------------------- consent


def test_new_session_agenda_holds_only_what_was_chosen(page: SupervisionPage, sample) -> None:
    session = plan(page, sample)
    assert refs(page) == [
        ("topic", "sup.topic.what_i_bring"),
        ("topic", "sup.topic.reflect"),
        ("entry", sample.fair.uid),  # marked entries, oldest first
        ("entry", sample.check.uid),
        ("flag", str(sample.fair_flag.id)),  # open flag of a marked entry
        ("flag", str(sample.private_flag.id)),  # chosen on the Flags page (oldest first)
    ]
    assert ("flag", str(sample.hidden_flag.id)) not in refs(page)
    assert ("entry", sample.private.uid) not in refs(page)
    # The stored agenda is the same; the next-agenda list has been used up.
    stored = sample.vault.supervision.get_session(session.id).agenda
    assert [(i["kind"], i["ref"]) for i in stored] == refs(page)
    assert sample.vault.kv.get(AGENDA_KEY) == []
    # Every item, chosen one by one: private words are nowhere on the page.
    for row in range(len(page.agenda())):
        page.select_item(row)
        no_private(all_texts(page.view))
    page.select_item(5)
    assert page.current_item().ref == str(sample.private_flag.id)
    assert "not marked to bring to supervision" in page.item_view.toPlainText()
    page.select_item(4)
    assert "gave him my personal mobile" in page.item_view.toPlainText()


def test_unmarking_an_entry_takes_it_off_the_agenda(page: SupervisionPage, sample) -> None:
    plan(page, sample)
    page.select_item(2)
    assert "Before he left" in page.item_view.toPlainText()
    fair = sample.vault.entries.get(sample.fair.uid)
    fair.bring_to_supervision = False
    sample.vault.entries.update(fair)
    page.reload_entries()  # the Journal's entriesChanged, or showing the page
    assert ("entry", sample.fair.uid) not in refs(page)
    # Its flag stays on the agenda, but its words are no longer shown.
    for row in range(len(page.agenda())):
        page.select_item(row)
        no_private(all_texts(page.view), ["Before he left", "gave him my personal mobile"])
    # The presenter cannot reach it either.
    dialog = page.present()
    texts = []
    for _ in range(dialog.count):
        texts += all_texts(dialog)
        dialog.next()
    no_private(texts, ["Before he left", "gave him my personal mobile", "After the job fair"])


def test_an_entry_in_the_bin_is_never_shown(page: SupervisionPage, sample) -> None:
    plan(page, sample)
    sample.vault.entries.delete(sample.check.uid)
    page.reload_entries()
    assert ("entry", sample.check.uid) not in refs(page)


def test_update_agenda_adds_newly_marked_entries(page: SupervisionPage, sample) -> None:
    plan(page, sample)
    assert page.update_agenda() == 0
    assert "Nothing new" in page.status_label.text()
    later = sample.vault.entries.add(
        Entry(kind="journal", title="Lunch with the team", bring_to_supervision=True)
    )
    page.update_button.click()
    assert ("entry", later.uid) in refs(page)
    stored = sample.vault.supervision.get_session(page.current_session().id).agenda
    assert ("entry", later.uid) in [(i["kind"], i["ref"]) for i in stored]


# --------------------------------------------------------------------------- the agenda


def test_discussed_notes_order_and_topics_are_kept(qtbot, page: SupervisionPage, sample) -> None:
    session = plan(page, sample)
    page.agenda_list.setFocus()
    page.select_item(0)
    qtbot.keyClick(page.agenda_list, Qt.Key.Key_Space)  # tick "discussed" by keyboard
    assert page.agenda()[0].discussed
    assert page.set_item_note("Started with the time I was off sick.")
    assert page.move_item(+1) == 1
    page.select_item(2)
    assert page.remove_item()
    page.topic_combo.setCurrentIndex(page.topic_combo.findData("sup.topic.policies"))
    page.add_topic_button.click()
    stored = sample.vault.supervision.get_session(session.id).agenda
    assert [i["ref"] for i in stored][:2] == ["sup.topic.reflect", "sup.topic.what_i_bring"]
    first = stored[1]
    assert first["discussed"] is True and first["note"].startswith("Started with")
    assert sample.fair.uid not in [i["ref"] for i in stored]  # taken off
    assert stored[-1]["ref"] == "sup.topic.policies"
    assert page.add_topic("sup.topic.policies") is False  # once only
    # The entry itself is untouched.
    assert sample.vault.entries.get(sample.fair.uid).bring_to_supervision is True


def test_notes_and_details_are_saved(qtbot, page: SupervisionPage, sample) -> None:
    session = plan(page, sample)
    page.tabs.setCurrentIndex(1)
    page.notes_edit.setFocus()
    qtbot.keyClicks(page.notes_edit, "Talked about boundaries")
    page.supervisor_edit.setText("Sam Okafor")
    page.supervisor_edit.editingFinished.emit()
    page.flush()
    stored = sample.vault.supervision.get_session(session.id)
    assert stored.notes == "Talked about boundaries"
    assert stored.supervisor == "Sam Okafor"
    assert "Sam Okafor" in page.sessions_model.index(0).data(Qt.ItemDataRole.DisplayRole)


def test_flag_discussed_and_resolved_with_a_note(page, sample, monkeypatch) -> None:
    plan(page, sample)
    asked = []

    def fake(parent, title, prompt, initial=""):
        asked.append((title, prompt))
        return "Agreed to use the work phone only."

    monkeypatch.setattr(flag_panel, "ask_note", fake)
    row = refs(page).index(("flag", str(sample.fair_flag.id)))
    page.select_item(row)
    assert page.flag_discussed_button.isEnabled()
    page.flag_discussed_button.click()
    record = sample.vault.flags.get(sample.fair_flag.id)
    assert record.status == "discussed" and record.note == "Agreed to use the work phone only."
    assert asked[0][0] == "Flag discussed"
    row = refs(page).index(("flag", str(sample.fair_flag.id)))
    assert page.agenda()[row].discussed and page.agenda()[row].extra["status"] == "discussed"
    assert not page.flag_discussed_button.isEnabled()
    assert page.mark_flag("resolved", note="Settled.")
    assert sample.vault.flags.get(sample.fair_flag.id).status == "resolved"
    # Cancelling the note changes nothing.
    monkeypatch.setattr(flag_panel, "ask_note", lambda *a, **k: None)
    page.select_item(refs(page).index(("flag", str(sample.private_flag.id))))
    assert not page.mark_flag("discussed")
    assert sample.vault.flags.get(sample.private_flag.id).status == "open"


def test_new_session_dialog_is_used_and_remembers_topics(page, sample, monkeypatch) -> None:
    page.set_vault(sample.vault)
    seen = {}

    def cancel(parent, topics, ticked, supervisor, brought, on=None, remember=None):
        seen["brought"] = brought
        remember(["sup.topic.peer"])
        return None

    monkeypatch.setattr(sp, "ask_new_session", cancel)
    assert page.create_session() is None
    assert "2 entries you marked" in seen["brought"] and "2 flags" in seen["brought"]
    assert sample.vault.kv.get(sp.TOPICS_KEY) == ["sup.topic.peer"]

    def accept(parent, topics, ticked, supervisor, brought, on=None, remember=None):
        seen["ticked"] = list(ticked)
        return sp.NewSession("2026-04-01", "Alex", tuple(ticked))

    monkeypatch.setattr(sp, "ask_new_session", accept)
    session = page.create_session()
    assert seen["ticked"] == ["sup.topic.peer"]
    assert refs(page)[0] == ("topic", "sup.topic.peer")
    assert page.current_session().id == session.id
    assert sample.vault.kv.get(sp.TOPICS_KEY) == []


def test_the_real_new_session_dialog(qtbot, page, sample, monkeypatch) -> None:
    page.set_vault(sample.vault)
    built = {}

    def fake_exec(dialog):
        built["names"] = [
            w.accessibleName()
            for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QAbstractItemView)
        ]
        view = dialog.findChild(QAbstractItemView, "topicsList")
        model = view.model()
        model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        dialog.findChild(QLineEdit, "newSupervisorEdit").setText("  Jo   Bloggs ")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    session = page.create_session()
    assert all(built["names"])
    assert session.supervisor == "Jo Bloggs"
    assert refs(page)[0] == ("topic", "sup.topic.how_i_feel")


def test_delete_session_asks_first(page, sample, monkeypatch) -> None:
    session = plan(page, sample)
    page.add_action("Read the boundaries policy", "2026-03-20")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not page.delete_session()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert page.delete_session()
    assert sample.vault.supervision.get_session(session.id) is None
    assert sample.vault.supervision.actions() == []
    assert sample.vault.entries.get(sample.fair.uid) is not None


# --------------------------------------------------------------------------- actions and ratings


def test_actions_and_ratings_survive_lock_and_unlock(qtbot, page: SupervisionPage, sample) -> None:
    first = plan(page, sample, "2026-02-10")
    for area, value in (("confidence", 2), ("comfort", 3), ("preparedness", 2)):
        page.set_rating(area, value)
    second = page.new_session("2026-03-12", "Alex Morgan", [])
    page.today = None
    page.tabs.setCurrentIndex(1)
    page.action_edit.setText("Write my short biography")
    page.due_check.setChecked(True)
    page.add_action_button.click()
    assert page.add_action("Ask HR about the gifts policy", None) is not None
    page.set_rating("confidence", 4)
    page.set_rating("comfort", 3)
    page.set_rating("supervision", 5)

    page.set_vault(None)
    assert page.actions() == [] and page.sessions() == []
    assert all(box.value() == 0 for box in page.rating_boxes.values())

    page.set_vault(sample.vault)
    assert page.current_session().id == second.id  # the newest
    texts = [a.text for a in page.actions()]
    assert texts == ["Write my short biography", "Ask HR about the gifts policy"]
    assert page.ratings() == {"confidence": 4, "comfort": 3, "supervision": 5}
    assert page.select_session(first.id)
    assert page.ratings() == {"preparedness": 2, "confidence": 2, "comfort": 3}
    # Open actions of a later session are listed with an earlier one too.
    assert {a.text for a in page.actions()} == set(texts)

    # The chart draws exactly the stored history, and says the same in words.
    history = sample.vault.supervision.rating_history()
    expected = rating_series(history)
    drawn = {}
    for series in page.chart_view.chart().series():
        assert isinstance(series, QLineSeries)
        drawn[series.name()] = [(round(p.x()), round(p.y())) for p in series.points()]
    days = sorted({d for points in expected.values() for d, _ in points})
    want = {
        page.area_names[area]: [(days.index(d), r) for d, r in points]
        for area, points in expected.items()
        if points
    }
    assert drawn == want
    assert drawn["Confidence"] == [(0, 2), (1, 4)]
    assert page.series_points()["confidence"] == [("2026-02-10", 2), ("2026-03-12", 4)]
    assert page.ratings_summary.text() == "\n".join(rating_summary(expected))
    summary = page.ratings_summary.text()
    assert "Confidence: 4 of 5 on 12 Mar 2026, up from 2 on 10 Feb 2026" in summary


def test_action_done_and_reopen(page: SupervisionPage, sample) -> None:
    plan(page, sample)
    action = page.add_action("Practise a two-line version", "2026-03-01")
    page.today = __import__("datetime").date(2026, 3, 5)
    page.reload_actions()
    cells = [page.actions_model.index(0, c).data() for c in range(4)]
    assert cells == ["Practise a two-line version", "1 Mar 2026", "Overdue", "12 Mar 2026"]
    with_signal = []
    page.actionsChanged.connect(lambda: with_signal.append(1))
    page.select_action(action.id)
    page.action_done_button.click()
    assert sample.vault.supervision.actions(open_only=True) == []
    assert page.actions_model.index(0, 2).data() == "Done 5 Mar 2026"
    assert page.action_done_button.text() == "Open again"
    page.action_done_button.click()
    assert len(sample.vault.supervision.actions(open_only=True)) == 1
    assert with_signal == [1, 1]
    assert page.add_action("   ") is None
    assert "Type the action first" in page.status_label.text()


# --------------------------------------------------------------------------- lock


def test_lock_clears_every_widget_and_model(qtbot, page: SupervisionPage, sample) -> None:
    plan(page, sample)
    page.select_item(2)
    page.notes_edit.setPlainText("Notes about A.B. and the mobile")
    page.item_note_edit.setText("Typed but not kept yet")
    page.action_edit.setText("Half typed action")
    page.add_action("Bring the policy next time", "2026-03-30")
    page.set_rating("comfort", 4)
    dialog = page.present()
    assert dialog.isVisible()

    page.set_vault(None)

    assert not page.view.isEnabled()
    assert page.presenter is None and not dialog.isVisible()
    for model in (page.sessions_model, page.agenda_model, page.actions_model):
        assert model.rowCount() == 0
    assert page.chart_view.chart().series() == []
    texts = "\n".join(all_texts(page.view))
    for word in (
        "After the job fair",
        "A.B.",
        "C.D.",
        "mobile",
        "Alex Morgan",
        "Bring the policy",
        "Half typed",
        "Typed but not",
        "Comfort: 4",
    ):
        assert word not in texts, word
    assert page.notes_edit.toPlainText() == ""
    assert not page.notes_edit.document().isUndoAvailable()
    # What was typed before the lock was kept.
    stored = sample.vault.supervision.sessions()[0]
    assert stored.notes == "Notes about A.B. and the mobile"


# --------------------------------------------------------------------------- PDFs


def _save_to(monkeypatch, path: Path) -> list[str]:
    titles: list[str] = []

    def fake(parent, title, start, filter_):
        titles.append(title)
        return str(path), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return titles


def test_pack_pdf_holds_only_marked_entries(qtbot, page, sample, monkeypatch, tmp_path) -> None:
    from ips_reflect.export import supervision_pdf

    page.set_vault(sample.vault)
    got = {}

    def fake_pack(entries, content, *, group=False, **kw):
        got["uids"] = [e.uid for e in entries]
        got["group"] = group
        got["aliases"] = list(kw.get("extra_aliases") or ())
        return b"%PDF-1.4 fake"

    monkeypatch.setattr(supervision_pdf, "supervision_pack_pdf", fake_pack)
    out = tmp_path / "pack"
    titles = _save_to(monkeypatch, out)
    with qtbot.waitSignal(page.pdfSaved, timeout=15000) as blocker:
        assert page.save_pack_pdf()
    assert blocker.args == [str(out) + ".pdf"]
    assert Path(blocker.args[0]).read_bytes() == b"%PDF-1.4 fake"
    assert sorted(got["uids"]) == sorted([sample.fair.uid, sample.check.uid])
    assert got["group"] is False and titles == ["Save the supervision pack"]
    assert "not encrypted" in page.status_label.text()

    # The group pack also strips aliases of private entries that a marked one mentions.
    with qtbot.waitSignal(page.pdfSaved, timeout=15000):
        page.group_button.click()
    assert got["group"] is True
    assert "Quintessa" in got["aliases"] and "A.B." in got["aliases"]


def test_real_pdfs_are_written(qtbot, page, sample, monkeypatch, tmp_path) -> None:
    plan(page, sample)
    page.add_action("Write my short biography", "2026-04-01")
    page.set_rating("confidence", 3)
    for name, start in (
        ("summary.pdf", page.save_summary_pdf),
        ("pack.pdf", lambda: page.save_pack_pdf(False)),
        ("group.pdf", lambda: page.save_pack_pdf(True)),
    ):
        out = tmp_path / name
        _save_to(monkeypatch, out)
        with qtbot.waitSignal(page.pdfSaved, timeout=30000):
            assert start()
        data = out.read_bytes()
        assert data.startswith(b"%PDF")
        assert not page.progress.isVisible() and page.summary_button.isEnabled()
        text = " ".join((p.extract_text() or "") for p in PdfReader(str(out)).pages)
        words = " ".join(text.split())
        no_private([words])  # nothing from the entries that were not marked
        assert "After the job fair" in words
        if name == "group.pdf":
            assert "A.B." not in words and "C.D." not in words
        elif name == "pack.pdf":
            assert "A.B." in words and "Keeping it short and about work." in words


def test_pdf_failure_is_reported_and_nothing_is_written(qtbot, page, sample, monkeypatch, tmp_path):
    from ips_reflect.export import supervision_pdf

    plan(page, sample)

    def broken(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(supervision_pdf, "session_summary_pdf", broken)
    out = tmp_path / "summary.pdf"
    _save_to(monkeypatch, out)
    with qtbot.waitSignal(page.pdfFailed, timeout=15000) as blocker:
        page.summary_button.click()
    assert "disk on fire" in blocker.args[0]
    assert not out.exists()


def test_cancelled_save_dialog_builds_nothing(page, sample, monkeypatch) -> None:
    plan(page, sample)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert not page.save_summary_pdf()
    assert not page.save_pack_pdf()


def test_pack_with_nothing_marked_says_so(page, vault) -> None:
    page.set_vault(vault)
    assert not page.save_pack_pdf()
    assert "nothing to put in a pack" in page.status_label.text()


# --------------------------------------------------------------------------- in the app


def test_registered_in_the_main_window_after_flags(qtbot, content, data_dir, sample) -> None:
    from ips_reflect.core.settings import load_settings
    from ips_reflect.gui.shell.app import create_main_window

    window = create_main_window(content, load_settings(data_dir), data_dir)
    qtbot.addWidget(window.view)
    keys = window.pages.keys()
    assert keys.index("flags") < keys.index("supervision") < keys.index("biography")
    window.set_vault(sample.vault)
    sup, home = window.controllers["supervision"], window.controllers["home"]
    sup.new_session("2026-03-12", "Alex", [])
    sup.add_action("Read the policy", "2026-03-20")
    assert [r.title.text() for r in home.action_rows] == ["Read the policy"]
    home.mark_action_done(home.open_action_ids()[0])
    assert sup.actions_model.index(0, 2).data().startswith("Done")
    # Unmarking in the Journal takes the entry off the agenda at once.
    journal = window.controllers["journal"]
    fair = sample.vault.entries.get(sample.fair.uid)
    fair.bring_to_supervision = False
    sample.vault.entries.update(fair)
    journal.entriesChanged.emit()
    assert ("entry", sample.fair.uid) not in refs(sup)
    window.set_vault(None)
    assert sup.sessions() == [] and home.action_rows == []
    window.view.close()
    QApplication.processEvents()


def test_page_styles_exist_for_every_theme(content) -> None:
    from ips_reflect.core.settings import THEMES
    from ips_reflect.gui.widgets import theme as theming

    for name in THEMES:
        sheet = theming.render_stylesheet(theming.load_theme(name), 11)
        assert "QWidget#PresenterView" in sheet and "QFrame#actionsCard" in sheet


def test_the_app_and_the_command_line_write_the_same_documents(
    qtbot, page, sample, monkeypatch, tmp_path, data_dir
) -> None:
    """One operation (``ops.supervision``) builds each document for both faces: the
    summary (with a pattern flag's evidence rule), the pack and the group pack read the
    same from the page's PDFs and from ``ips-reflect supervision``."""
    from ips_reflect.cli import main
    from ips_reflect.commands.vault_cmd import ENV_PASSPHRASE

    plan(page, sample)
    page.add_action("Write my short biography", "2026-04-01")
    page.set_rating("confidence", 3)
    documents = (
        ("summary.pdf", page.save_summary_pdf, ["supervision", "summary"]),
        ("pack.pdf", lambda: page.save_pack_pdf(False), ["supervision", "pack"]),
        ("group.pdf", lambda: page.save_pack_pdf(True), ["supervision", "pack", "--group"]),
    )
    for name, start, _ in documents:
        _save_to(monkeypatch, tmp_path / name)
        with qtbot.waitSignal(page.pdfSaved, timeout=30000):
            assert start()
    monkeypatch.setenv(ENV_PASSPHRASE, "kettle orbit marmalade tunnel")

    def words(path: Path) -> str:
        text = " ".join((p.extract_text() or "") for p in PdfReader(str(path)).pages)
        return " ".join(text.split())

    for name, _, command in documents:
        cli_out = tmp_path / f"cli-{name}"
        assert main(["--data-dir", str(data_dir), *command, "-o", str(cli_out)]) == 0
        assert words(cli_out) == words(tmp_path / name), name


def test_a_group_pack_is_not_built_when_the_aliases_cannot_be_read(
    qtbot, page, sample, monkeypatch, tmp_path
) -> None:
    """Fails closed: no alias list, no group pack (before, an empty list was used and
    a private entry's alias could be left in)."""
    page.set_vault(sample.vault)

    def unreadable():
        raise OSError("disk I/O error")

    monkeypatch.setattr(sample.vault.entries, "client_aliases", unreadable)
    out = tmp_path / "group.pdf"
    _save_to(monkeypatch, out)
    with qtbot.waitSignal(page.pdfFailed, timeout=5000) as blocker:
        assert not page.save_pack_pdf(True)
    assert "alias" in blocker.args[0] and not out.exists()
    assert "alias" in page.status_label.text()


def test_the_group_pack_writer_refuses_without_the_alias_list(content, sample) -> None:
    from ips_reflect.errors import PrivacyGateError
    from ips_reflect.export.supervision_pdf import supervision_pack_pdf

    with pytest.raises(PrivacyGateError):
        supervision_pack_pdf([sample.fair], content, group=True)
