"""The Biography page as a practitioner uses it: real widgets, a real vault, keyboard and mouse."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from ips_reflect.core.biocard import load_card
from ips_reflect.core.biography import word_count
from ips_reflect.gui.pages.biography import BiographyPage
from ips_reflect.gui.pages.biography import create_page as create_biography_page
from ips_reflect.gui.pages.biography.outputs import file_slug
from ips_reflect.store.crypto import KdfParams
from ips_reflect.store.vault import Vault

FAST_KDF = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def jpeg_bytes(width: int = 80, height: int = 100) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), (110, 150, 140)).save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture
def fast_vault(data_dir: Path, monkeypatch):
    """A real vault with a quick key derivation (the KDF is tested elsewhere)."""
    monkeypatch.setattr(Vault, "kdf_target", FAST_KDF)
    v, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel", kdf=FAST_KDF)
    try:
        yield v
    finally:
        v.close()


def make_page(qtbot, content) -> BiographyPage:
    key, title, view, controller, icon = create_biography_page(content)
    assert (key, icon) == ("biography", "biography") and title
    qtbot.addWidget(view)
    view.resize(1180, 780)
    view.show()
    qtbot.waitExposed(view)
    return controller


@pytest.fixture
def page(qtbot, content):
    yield make_page(qtbot, content)
    QThreadPool.globalInstance().waitForDone(10000)  # no worker outlives its test
    QApplication.processEvents()


@pytest.fixture
def dialogs(monkeypatch):
    """Record message boxes instead of showing them; answers can be set per test."""
    seen: dict[str, list[str]] = {"warning": [], "information": [], "question": []}
    answers = {"question": YES}

    def record(kind: str):
        def show(_parent, _title, text, *args, **kwargs):
            seen[kind].append(text)
            return answers.get(kind, QMessageBox.StandardButton.Ok)

        return show

    for kind in seen:
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    seen["answers"] = answers  # type: ignore[assignment]
    return seen


def highlighted(edit: QPlainTextEdit) -> list[str]:
    """The text of each highlight in a text box (the list must stay alive while read)."""
    selections = edit.extraSelections()
    return [s.cursor.selectedText() for s in selections]


def fill_answers(qtbot, page: BiographyPage) -> None:
    qtbot.keyClicks(page.name_edit, "Sam Okafor")
    qtbot.keyClicks(page.fields["role"], "Peer Employment Specialist")
    qtbot.keyClicks(page.fields["pronouns"], "they/them")
    qtbot.keyClicks(page.fields["why"], "Work gave me a routine and friends when I needed both.")
    page.set_field("previous_jobs", "warehouse operative\nbarista")
    page.set_field("sectors", "logistics\nhospitality")
    page.set_field("interests", "allotment\nfive-a-side football")
    page.set_field("languages", "English\nYoruba")


def test_drafting_fills_80_to_150_words_and_the_count_follows(qtbot, page, fast_vault) -> None:
    page.set_vault(fast_vault)
    assert "No biography yet" in page.count_label.text()
    fill_answers(qtbot, page)
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    text = page.bio_edit.toPlainText()
    n = word_count(text)
    assert 80 <= n <= 150, text
    assert "Sam Okafor" in text and "Peer Employment Specialist" in text
    assert page.count_label.text().startswith(f"{n} words · ")
    assert "read (about age" in page.count_label.text()
    assert "this is about right" in page.target_label.text()
    page.bio_edit.setFocus()
    qtbot.keyClick(page.bio_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.bio_edit, " Thanks")
    assert page.count_label.text().startswith(f"{n + 1} words")


def test_templates_give_different_drafts(qtbot, page, fast_vault) -> None:
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    drafts = set()
    for i in range(page.template_combo.count()):
        page.template_combo.setCurrentIndex(i)
        page.draft()  # a draft may replace a draft without asking
        drafts.add(page.bio_edit.toPlainText())
    assert len(drafts) == page.template_combo.count() == 3


def test_drafting_asks_before_replacing_edits_and_undo_restores(
    qtbot, page, fast_vault, dialogs
) -> None:
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.set_field("biography", "My own words that I wrote myself.")
    dialogs["answers"]["question"] = NO
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    assert page.bio_edit.toPlainText() == "My own words that I wrote myself."
    assert len(dialogs["question"]) == 1
    dialogs["answers"]["question"] = YES
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    assert page.bio_edit.toPlainText().startswith("Hello, I'm Sam Okafor.")
    page.bio_edit.undo()
    assert page.bio_edit.toPlainText() == "My own words that I wrote myself."


def test_a_mobile_number_is_found_highlighted_and_blocks_the_card(
    qtbot, page, fast_vault, dialogs, monkeypatch, tmp_path
) -> None:
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.draft()
    why = page.fields["why"]
    with qtbot.waitSignal(page.guardChecked, timeout=2000) as signal:
        qtbot.keyClicks(why, " Text me on 07700 900123.")
    assert signal.args == [1]
    assert page.guard_list.count() == 1
    line = page.guard_list.item(0).text()
    assert line.startswith("Why I do this work: a phone number (07700 900123).")
    assert "work phone" in line
    assert page.guard_list.isVisible()
    assert highlighted(why) == ["07700 900123"]
    assert why.property("privacy") is True

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append("x"))
    qtbot.mouseClick(page.save_card_button, Qt.MouseButton.LeftButton)
    assert asked == []  # refused before asking where to save
    assert len(dialogs["warning"]) == 1
    assert "07700 900123" in dialogs["warning"][0] and "not written" in dialogs["warning"][0]
    assert list(tmp_path.glob("*.yaml")) == []

    # Enter on the finding goes to it with the number selected.
    page.guard_list.setFocus()
    page.guard_list.setCurrentRow(0)
    qtbot.keyClick(page.guard_list, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is why
    assert why.textCursor().selectedText() == "07700 900123"

    # Removing it clears the finding.
    page.set_field("why", "Work gave me a routine and friends when I needed both.")
    page.run_guard()
    assert page.guard_list.count() == 0 and "Nothing to remove" in page.guard_summary.text()
    assert why.property("privacy") is False


def test_a_phone_number_in_a_one_line_field_marks_the_field(qtbot, page, fast_vault) -> None:
    page.set_vault(fast_vault)
    role = page.fields["role"]
    qtbot.keyClicks(role, "ES, mobile 07700 900456")
    qtbot.waitUntil(lambda: page.guard_list.count() == 1, timeout=2000)
    assert role.property("privacy") is True
    assert "07700 900456" in role.toolTip()


def test_a_plan_term_marked_never_is_a_finding(qtbot, page, fast_vault) -> None:
    fast_vault.plans.save(
        {
            "experiences": [
                {
                    "id": "e-1",
                    "label": "my divorce",
                    "kind": "exp.life_struggles",
                    "levels": {"client": "never", "ips_team": "briefly"},
                },
                {"id": "e-2", "label": "my allotment", "levels": {"client": "freely"}},
            ],
            "will_not_share": ["my brother"],
        }
    )
    page.set_vault(fast_vault)
    with qtbot.waitSignal(page.guardChecked, timeout=2000):
        qtbot.keyClicks(page.bio_edit, "After my divorce I grew veg on my allotment.")
    kinds = [(f.key, f.finding.kind, f.finding.text) for f in page.findings]
    assert kinds == [("biography", "plan_term", "divorce")]
    assert "the topic 'my divorce' from your sharing plan" in page.guard_list.item(0).text()
    assert highlighted(page.bio_edit) == ["divorce"]


def test_a_plan_topic_is_caught_by_its_content_words(qtbot, page, fast_vault) -> None:
    fast_vault.plans.save(
        {
            "experiences": [
                {"id": "e-1", "label": "My time in hospital", "levels": {"client": "never"}},
            ],
            "will_not_share": ["Time off work after my breakdown"],
        }
    )
    page.set_vault(fast_vault)
    with qtbot.waitSignal(page.guardChecked, timeout=2000):
        qtbot.keyClicks(page.bio_edit, "I work part time. I was in hospital in 2019.")
    kinds = [(f.key, f.finding.kind, f.finding.text) for f in page.findings]
    assert kinds == [("biography", "plan_term", "hospital")]
    line = page.guard_list.item(0).text()
    assert "'My time in hospital'" in line and "'hospital'" in line
    assert highlighted(page.bio_edit) == ["hospital"]


def _break_plans(monkeypatch, vault) -> None:
    def broken():
        raise ValueError("Expecting value: line 1 column 1 (char 0)")

    monkeypatch.setattr(vault.plans, "latest", broken)


@pytest.mark.parametrize("how", ["raises", "damaged"])
def test_an_unreadable_plan_is_shown_and_nothing_is_shared(
    qtbot, page, fast_vault, dialogs, monkeypatch, tmp_path, how
) -> None:
    if how == "raises":
        _break_plans(monkeypatch, fast_vault)
    else:
        fast_vault.plans.save(["My time in hospital"])
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.draft()
    page.consent_check.setChecked(True)
    page.run_guard()
    summary = page.guard_summary.text()
    assert "sharing plan could not be read" in summary
    assert "Nothing to remove" not in summary
    assert page.guard_summary.property("state") == "problem"
    assert page.guard_summary.isVisible()

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append("x"))
    qtbot.mouseClick(page.save_card_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert asked == []  # refused before asking where to save
    assert len(dialogs["warning"]) == 2
    assert all("sharing plan could not be read" in w for w in dialogs["warning"])
    assert list(tmp_path.glob("*.yaml")) == [] and list(tmp_path.glob("*.pdf")) == []


def test_saving_persists_to_the_vault_and_a_new_page_shows_it(
    qtbot, page, fast_vault, content, monkeypatch, tmp_path
) -> None:
    photo = tmp_path / "me.jpg"
    photo.write_bytes(jpeg_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.draft()
    qtbot.mouseClick(page.choose_photo_button, Qt.MouseButton.LeftButton)
    assert page.photo == photo.read_bytes()
    assert not page.photo_label.pixmap().isNull()
    page.consent_check.setFocus()
    qtbot.keyClick(page.consent_check, Qt.Key.Key_Space)
    assert page.consent_check.isChecked()
    with qtbot.waitSignal(page.saved, timeout=2000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Saved in your vault" in page.save_status.text()

    stored = fast_vault.biography.get()
    assert stored.payload["name"] == "Sam Okafor"
    assert stored.payload["sectors"] == ["logistics", "hospitality"]
    assert stored.photo == photo.read_bytes() and stored.photo_mime == "image/jpeg"
    assert stored.consent is True and stored.review_date == page.review_date()

    other = make_page(qtbot, content)
    other.set_vault(fast_vault)
    assert other.name_edit.text() == "Sam Okafor"
    assert other.fields["sectors"].toPlainText() == "logistics\nhospitality"
    assert other.bio_edit.toPlainText() == page.bio_edit.toPlainText()
    assert other.consent_check.isChecked() and other.photo == photo.read_bytes()
    assert not other.photo_label.pixmap().isNull()
    assert not other.dirty and other.save_status.text() == ""


def test_typing_is_autosaved(qtbot, page, fast_vault) -> None:
    page.set_vault(fast_vault)
    page._autosave_timer.setInterval(200)
    qtbot.keyClicks(page.name_edit, "Zoe")
    assert page.dirty and "not saved" in page.save_status.text()
    qtbot.waitUntil(lambda: fast_vault.biography.get() is not None, timeout=4000)
    assert fast_vault.biography.get().payload["name"] == "Zoe"
    assert not page.dirty


def test_ctrl_s_saves(qtbot, page, fast_vault) -> None:
    page.set_vault(fast_vault)
    role = page.fields["role"]
    role.setFocus()
    qtbot.waitUntil(role.hasFocus)
    qtbot.keyClicks(role, "Team leader")
    with qtbot.waitSignal(page.saved, timeout=200):  # well before the autosave
        qtbot.keyClick(role, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert fast_vault.biography.get().payload["role"] == "Team leader"


def inside(widget: QWidget, kinds: object) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):  # type: ignore[arg-type]
            return True
        parent = parent.parentWidget()
    return False


def _text_widgets(view: QWidget) -> list[QWidget]:
    out: list[QWidget] = []
    for w in view.findChildren(QLineEdit):
        if not isinstance(w.parent(), QAbstractSpinBox | QComboBox):
            out.append(w)
    out += view.findChildren(QPlainTextEdit)
    out += view.findChildren(QTextEdit)
    return out


def test_locking_clears_every_field_the_preview_and_the_undo_history(
    qtbot, page, fast_vault, dialogs, tmp_path
) -> None:
    photo = tmp_path / "me.jpg"
    photo.write_bytes(jpeg_bytes())
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.set_photo_file(photo)
    page.draft()
    for key, widget in page.fields.items():
        if not page._text(widget):
            qtbot.keyClicks(widget, f"{key} text")
    with qtbot.waitSignal(page.previewReady, timeout=5000):
        page.tabs.setCurrentIndex(1)
    assert page.preview.page_count == 1
    page.run_guard()

    page.set_vault(None)
    widgets = _text_widgets(page.view)
    assert len(widgets) >= len(page.fields)
    for w in widgets:
        if isinstance(w, QLineEdit):
            assert w.text() == "" and not w.isUndoAvailable(), w.objectName()
        else:
            assert w.toPlainText() == "", w.objectName()
            assert not w.document().isUndoAvailable(), w.objectName()
            assert w.extraSelections() == [] or isinstance(w, QTextEdit)
    assert page.photo is None and page.photo_label.pixmap().isNull()
    assert page.preview.page_count == 0
    assert page.guard_list.count() == 0 and page.findings == []
    assert not page.consent_check.isChecked()
    assert page.tabs.currentIndex() == 0
    assert not page.splitter.isEnabled() and page.locked_label.isVisible()
    # typing is impossible while locked, and nothing was saved by clearing
    assert fast_vault.biography.get() is None or fast_vault.biography.get().payload["name"]


def test_save_card_writes_the_card_and_photo_with_a_plaintext_notice(
    qtbot, page, fast_vault, dialogs, monkeypatch, tmp_path
) -> None:
    photo = tmp_path / "me.jpg"
    photo.write_bytes(jpeg_bytes())
    out = tmp_path / "team" / "sam-okafor.yaml"
    out.parent.mkdir()
    chosen: list[str] = []

    def save_name(_parent, _title, start, _filter):
        chosen.append(start)
        return str(out.with_suffix("")), ""  # the page adds .yaml

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.draft()
    page.set_photo_file(photo)
    page.consent_check.setChecked(True)
    with qtbot.waitSignal(page.exported, timeout=2000):
        qtbot.mouseClick(page.save_card_button, Qt.MouseButton.LeftButton)
    assert chosen and chosen[0].endswith("sam-okafor.yaml")
    assert dialogs["warning"] == [] and dialogs["question"] == []
    notice = dialogs["information"][0]
    assert "not encrypted" in notice and "meant to be shared" in notice
    assert "sam-okafor.jpg" in notice
    card = load_card(out)
    assert card.name == "Sam Okafor" and card.consent is True
    assert card.photo == (out.parent / "sam-okafor.jpg").absolute()
    assert (out.parent / "sam-okafor.jpg").read_bytes() == photo.read_bytes()


def test_save_card_without_consent_asks_first(
    qtbot, page, fast_vault, dialogs, monkeypatch, tmp_path
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "c.yaml"), "")
    )
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.draft()
    dialogs["answers"]["question"] = NO
    page.save_card()
    assert len(dialogs["question"]) == 1 and not (tmp_path / "c.yaml").exists()
    dialogs["answers"]["question"] = YES
    page.save_card()
    assert load_card(tmp_path / "c.yaml").consent is False


def test_a_too_short_biography_is_refused_with_the_reason(
    qtbot, page, fast_vault, dialogs, monkeypatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.set_field("biography", "Hello, I'm Sam.")
    page.export_pdf()
    assert "biography has 3 words" in dialogs["warning"][0]


def test_export_pdf_runs_in_a_worker_and_says_it_is_not_encrypted(
    qtbot, page, fast_vault, dialogs, monkeypatch, tmp_path
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "bio.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.draft()
    qtbot.keyClicks(page.service_edit, "Leeds IPS")
    page.set_photo_file(_write(tmp_path / "me.jpg", jpeg_bytes()))
    with qtbot.waitSignal(page.exported, timeout=10000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Sam Okafor" in text and "Leeds IPS" in text
    assert any(reader.pages[0].images)
    assert "not encrypted" in dialogs["information"][0]
    qtbot.waitUntil(page.export_button.isEnabled, timeout=2000)
    assert page.save_status.text() == "Wrote your biography to bio.pdf."


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_preview_tab_shows_the_page_from_memory(qtbot, page, fast_vault, tmp_path) -> None:
    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.draft()
    before = set(tmp_path.rglob("*"))
    with qtbot.waitSignal(page.previewReady, timeout=5000) as signal:
        page.tabs.setFocus()
        qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Right)
    assert page.tabs.currentWidget() is page.preview_tab
    assert signal.args == [1] and page.preview.document.pageCount() == 1
    assert page.preview.page_label.text() == "Page 1 of 1"
    assert set(tmp_path.rglob("*")) == before  # no temporary file anywhere


def test_a_file_that_is_not_a_photo_is_refused(
    qtbot, page, fast_vault, dialogs, monkeypatch, tmp_path
) -> None:
    bad = _write(tmp_path / "me.png", b"this is not a picture at all")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    page.set_vault(fast_vault)
    qtbot.mouseClick(page.choose_photo_button, Qt.MouseButton.LeftButton)
    assert page.photo is None
    assert "not a PNG or JPEG" in dialogs["warning"][0]
    assert not page.remove_photo_button.isEnabled()


def test_every_control_has_an_accessible_name_and_is_reachable_by_tab(
    qtbot, page, fast_vault
) -> None:
    page.set_vault(fast_vault)
    view = page.view
    interactive = (
        QAbstractButton,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QComboBox,
        QAbstractItemView,
        QAbstractSpinBox,
        QTabWidget,
    )
    missing = []
    for w in view.findChildren(QWidget):
        if not isinstance(w, interactive) or not w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if inside(w, QAbstractSpinBox | QComboBox):
            continue  # Qt's own parts of a date box or drop-down
        if not w.accessibleName():
            missing.append(f"{type(w).__name__} {w.objectName()}")
    assert missing == []

    # Tab from the name goes through every field to the output buttons.
    page.name_edit.setFocus()
    seen = []
    for _ in range(80):
        w = QApplication.focusWidget()
        seen.append(w.objectName())
        if w is page.export_button:
            break
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    for name in ("field_role", "field_fav_music", "choosePhotoButton", "draftButton"):
        assert name in seen
    for name in ("biographyEdit", "consentCheck", "saveButton", "exportPdfButton"):
        assert name in seen


def test_file_slug() -> None:
    assert file_slug("Zoë  Hartley") == "zoe-hartley"
    assert file_slug("Łukasz") == "lukasz"
    assert file_slug("Александра") == "my-biography"


def test_an_unreadable_biography_is_never_saved_over(qtbot, page, fast_vault, monkeypatch):
    """Fails closed: when the stored biography cannot be read, the page says so, the
    form cannot be edited, and neither autosave nor Save writes an empty one over it."""
    from ips_reflect.store.records import Biography

    fast_vault.biography.save(Biography(payload={"name": "Sam Rivera"}))
    real_get = fast_vault.biography.get

    def unreadable():
        raise OSError("file is not a database")

    monkeypatch.setattr(fast_vault.biography, "get", unreadable)
    page.set_vault(fast_vault)
    assert not page.splitter.isEnabled()
    assert page.locked_label.isVisibleTo(page.view)
    assert "could not be read" in page.locked_label.text()
    page.set_field("name", "")
    assert not page.save() and not page.flush(force=True)
    page.set_vault(None)  # locking flushes too
    monkeypatch.setattr(fast_vault.biography, "get", real_get)
    assert fast_vault.biography.get().payload["name"] == "Sam Rivera"


def test_the_app_and_the_command_line_write_the_same_card_and_pdf(
    qtbot, page, fast_vault, dialogs, monkeypatch, tmp_path, data_dir
) -> None:
    """One writer (``ops.bio``) for both faces: what the page saves and what
    ``ips-reflect bio card|pdf`` writes from the stored biography are the same."""
    from pypdf import PdfReader

    from ips_reflect.cli import main

    page.set_vault(fast_vault)
    fill_answers(qtbot, page)
    page.draft()
    qtbot.keyClicks(page.service_edit, "Leeds IPS")
    page.consent_check.setChecked(True)
    assert page.save()
    outputs = {"card": tmp_path / "app-card.yaml", "pdf": tmp_path / "app-bio.pdf"}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(outputs["card"]), ""))
    with qtbot.waitSignal(page.exported, timeout=5000):
        page.save_card()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(outputs["pdf"]), ""))
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export_pdf()
    qtbot.waitUntil(page.export_button.isEnabled, timeout=5000)

    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", "kettle orbit marmalade tunnel")
    cli_card, cli_pdf = tmp_path / "cli-card.yaml", tmp_path / "cli-bio.pdf"
    assert main(["--data-dir", str(data_dir), "bio", "card", "-o", str(cli_card)]) == 0
    assert main(["--data-dir", str(data_dir), "bio", "pdf", "-o", str(cli_pdf)]) == 0
    assert load_card(cli_card) == load_card(outputs["card"])

    def words(path: Path) -> str:
        pages = PdfReader(str(path)).pages
        return " ".join(" ".join(p.extract_text() or "" for p in pages).split())

    assert words(cli_pdf) == words(outputs["pdf"]) and "Leeds IPS" in words(cli_pdf)
