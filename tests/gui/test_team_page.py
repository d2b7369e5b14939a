"""The Team page as a team lead uses it: a shared folder of bio cards, order, preview, build."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ips_reflect.gui.pages.team import TeamPage
from ips_reflect.gui.pages.team import create_page as create_team_page
from ips_reflect.gui.pages.team.models import TeamTableModel

DATA = Path(__file__).resolve().parent.parent / "data" / "cards"
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
NAMES = ["Ayşe Demir", "Łukasz Nowak", "Nguyễn Thị Lan", "Zoë Hartley", "Александра Иванова"]


def make_photos(folder: Path) -> None:
    from PIL import Image

    for name, size in (("zoe.jpg", (300, 400)), ("lan.jpg", (400, 300))):
        Image.new("RGB", size, (200, 215, 210)).save(folder / name, quality=85)
    for name, size in (("lukasz.png", (120, 90)), ("sasha.png", (64, 64))):
        Image.new("RGB", size, (90, 140, 130)).save(folder / name)


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    d = tmp_path / "team"
    shutil.copytree(DATA / "team", d)
    make_photos(d)
    return d


@pytest.fixture
def mixed_dir(team_dir: Path) -> Path:
    for p in (DATA / "invalid").iterdir():
        shutil.copy(p, team_dir / p.name)
    return team_dir


@pytest.fixture
def team(qtbot, content):
    key, title, view, controller, icon = create_team_page(content)
    assert (key, icon) == ("team", "team") and title
    qtbot.addWidget(view)
    view.resize(1180, 780)
    view.show()
    qtbot.waitExposed(view)
    controller.set_vault(None)  # needs no vault, but takes the call like every page
    yield controller
    QThreadPool.globalInstance().waitForDone(10000)  # no worker outlives its test
    QApplication.processEvents()


@pytest.fixture
def dialogs(monkeypatch):
    seen: dict[str, list] = {"warning": [], "question": [], "save": []}
    answers = {"question": YES, "save": ""}

    def question(_parent, _title, text, *args, **kwargs):
        seen["question"].append(text)
        return answers["question"]

    def warning(_parent, _title, text, *args, **kwargs):
        seen["warning"].append(text)
        return QMessageBox.StandardButton.Ok

    def save(_parent, _title, start, _filter):
        seen["save"].append(start)
        return str(answers["save"]), ""

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    seen["answers"] = answers  # type: ignore[assignment]
    return seen


def cell(team: TeamPage, row: int, col: int) -> str:
    return str(team.model.index(row, col).data())


def choose(qtbot, team: TeamPage, folder: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(team.previewReady, timeout=10000):
        qtbot.mouseClick(team.choose_button, Qt.MouseButton.LeftButton)


def pdf_names_in_order(path: Path) -> list[str]:
    from pypdf import PdfReader

    pages = [unicodedata.normalize("NFC", p.extract_text() or "") for p in PdfReader(path).pages]
    people = pages[2:-1]  # cover, contents ... directory
    order = []
    for text in people:
        head = text.strip().splitlines()[:3]  # initials (no photo), then the name
        order += [n for n in NAMES if n in head]
    return order


def test_valid_and_invalid_cards_show_their_status_and_problem_lines(
    qtbot, team, mixed_dir, monkeypatch
) -> None:
    choose(qtbot, team, mixed_dir, monkeypatch)
    model = team.model
    assert model.rowCount() == 8
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Person or file",
        "Role",
        "Status",
        "Problems",
    ]
    people = [cell(team, r, TeamTableModel.PERSON) for r in range(5)]
    assert people == NAMES
    assert all(cell(team, r, TeamTableModel.STATUS) == "✓ Ready" for r in range(5))
    # A card with problems is named by the person when the card says who it is.
    assert [cell(team, r, TeamTableModel.PERSON) for r in range(5, 8)] == [
        "Phoebe Phone",
        "python_tag.yaml",
        "Kit Keys",
    ]
    assert all(cell(team, r, TeamTableModel.STATUS).startswith("✗ 1 problem") for r in (5, 6, 7))
    problems = [cell(team, r, TeamTableModel.PROBLEMS) for r in (5, 6, 7)]
    assert problems[0].startswith("Phoebe Phone's card: phone.yaml:9:")
    assert "07700 900123" in problems[0]
    assert problems[1].startswith("The card in python_tag.yaml: python_tag.yaml:3:")
    assert problems[2].startswith("Kit Keys's card: unknown_key.yaml:9:1: ")
    assert "5 of 8 cards ready" in team.summary_label.text()
    assert team.summary_label.property("state") == "problem"
    spoken = team.model.index(5, TeamTableModel.STATUS).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Not ready: 1 problem"

    # Choosing a row shows its problems in full.
    team.table.setFocus()
    team.select_row(5)
    assert team.problems_label.text() == "Problems in Phoebe Phone's card (phone.yaml):"
    assert team.problems_view.toPlainText().startswith("Phoebe Phone's card: phone.yaml:9:")
    assert "line 9 holds" in team.problems_view.toPlainText()
    team.select_row(0)
    assert team.problems_view.toPlainText() == "No problems."


def test_reordering_changes_the_booklet_order(
    qtbot, team, team_dir, dialogs, monkeypatch, tmp_path
) -> None:
    choose(qtbot, team, team_dir, monkeypatch)
    assert team.order() == NAMES
    # Zoë to the top with the keyboard, Ayşe down one with the button.
    team.table.setFocus()
    team.select_row(3)
    qtbot.keyClick(team.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(team.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(team.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(team.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already first
    assert team.selected_row() == 0
    assert not team.up_button.isEnabled()
    team.select_row(1)
    qtbot.mouseClick(team.down_button, Qt.MouseButton.LeftButton)
    expected = ["Zoë Hartley", "Łukasz Nowak", "Ayşe Demir", "Nguyễn Thị Lan", "Александра Иванова"]
    assert team.order() == expected
    assert team.selected_row() == 2

    out = tmp_path / "booklet.pdf"
    dialogs["answers"]["save"] = out
    with qtbot.waitSignal(team.bookletBuilt, timeout=10000):
        qtbot.mouseClick(team.build_button, Qt.MouseButton.LeftButton)
    assert dialogs["question"] == []  # every card is valid: nothing to confirm
    assert pdf_names_in_order(out) == expected
    assert "5 people" in team.build_status.text() and "not encrypted" in team.build_status.text()
    qtbot.waitUntil(lambda: not team.build_progress.isVisible(), timeout=2000)


def test_preview_is_the_booklet_in_memory_with_page_keys(
    qtbot, team, team_dir, monkeypatch, tmp_path
) -> None:
    before = sorted(tmp_path.rglob("*"))
    choose(qtbot, team, team_dir, monkeypatch)
    preview = team.preview
    assert preview.document.pageCount() == 8
    assert preview.page_label.text() == "Page 1 of 8"
    assert not preview.prev_button.isEnabled() and preview.next_button.isEnabled()
    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.current_page == 2 and preview.page_label.text() == "Page 3 of 8"
    qtbot.mouseClick(preview.prev_button, Qt.MouseButton.LeftButton)
    assert preview.current_page == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert preview.current_page == 7 and not preview.next_button.isEnabled()
    assert sorted(tmp_path.rglob("*")) == before  # built in memory: no file written

    # A new service name updates the preview.
    with qtbot.waitSignal(team.previewReady, timeout=10000):
        qtbot.keyClicks(team.service_edit, "Leeds")
    assert preview.page_count == 8


def test_building_with_invalid_cards_without_skipping_writes_nothing(
    qtbot, team, mixed_dir, dialogs, monkeypatch, tmp_path
) -> None:
    choose(qtbot, team, mixed_dir, monkeypatch)
    out = tmp_path / "booklet.pdf"
    dialogs["answers"]["save"] = out
    dialogs["answers"]["question"] = NO
    qtbot.mouseClick(team.build_button, Qt.MouseButton.LeftButton)
    asked = dialogs["question"][0]
    assert "3 cards cannot go in the booklet" in asked
    assert "Phoebe Phone (phone.yaml), python_tag.yaml, Kit Keys (unknown_key.yaml)" in asked
    assert dialogs["save"] == []
    qtbot.wait(50)
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []
    assert "Nothing was written" in team.build_status.text()


def test_building_and_skipping_invalid_cards_leaves_them_out(
    qtbot, team, mixed_dir, dialogs, monkeypatch, tmp_path
) -> None:
    from pypdf import PdfReader

    choose(qtbot, team, mixed_dir, monkeypatch)
    out = tmp_path / "booklet.pdf"
    dialogs["answers"]["save"] = tmp_path / "booklet"  # the page adds .pdf
    with qtbot.waitSignal(team.bookletBuilt, timeout=10000) as built:
        qtbot.keyClicks(team.title_edit, " 2026")
        qtbot.mouseClick(team.build_button, Qt.MouseButton.LeftButton)
    assert built.args == [str(out)]
    text = "\n".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert "Meet the team 2026" in text and "Phoebe Phone" not in text
    assert "07700" not in text


def test_a_folder_without_cards_or_a_missing_folder_is_explained(qtbot, team, tmp_path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with qtbot.waitSignal(team.folderLoaded, timeout=5000) as loaded:
        team.load_folder(empty)
    assert loaded.args == [0, 0]
    assert "There are no bio cards" in team.summary_label.text()
    assert not team.build_button.isEnabled()
    with qtbot.waitSignal(team.folderFailed, timeout=5000) as failed:
        team.load_folder(tmp_path / "missing")
    assert "does not exist" in failed.args[0]
    assert "does not exist" in team.summary_label.text()
    assert team.model.rowCount() == 0


def test_reload_keeps_the_chosen_order_and_picks_up_fixes(
    qtbot, team, mixed_dir, monkeypatch
) -> None:
    choose(qtbot, team, mixed_dir, monkeypatch)
    team.select_row(3)  # Zoë
    team.move_up()
    order = team.order()
    (mixed_dir / "python_tag.yaml").unlink()
    with qtbot.waitSignal(team.folderLoaded, timeout=5000) as loaded:
        team.view.setFocus()
        qtbot.keyClick(team.view, Qt.Key.Key_F5)
    assert loaded.args == [5, 7]
    assert team.order() == [n for n in order if n != "python_tag.yaml"]


def test_checklist_is_a_collapsible_read_only_reference(qtbot, team) -> None:
    assert not team.checklist_view.isVisible()
    qtbot.mouseClick(team.checklist_toggle, Qt.MouseButton.LeftButton)
    assert team.checklist_view.isVisible() and team.checklist_view.isReadOnly()
    text = team.checklist_view.toPlainText()
    assert "Operational policy" in text and "A biography for everyone" in text
    assert team.checklist_toggle.accessibleName() == "Hide the team lead checklist"
    team.checklist_toggle.setFocus()
    qtbot.keyClick(team.checklist_toggle, Qt.Key.Key_Space)
    assert not team.checklist_view.isVisible()


def test_every_control_has_an_accessible_name(qtbot, team, team_dir, monkeypatch) -> None:
    choose(qtbot, team, team_dir, monkeypatch)
    interactive = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView)
    missing = [
        f"{type(w).__name__} {w.objectName()}"
        for w in team.view.findChildren(QWidget)
        if isinstance(w, interactive)
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not w.accessibleName()
    ]
    assert missing == []
    assert team.preview.view.accessibleName()

    team.choose_button.setFocus()
    seen = []
    for _ in range(30):
        w = QApplication.focusWidget()
        seen.append(w.objectName())
        if w is team.build_button:
            break
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    for name in ("cardsTable", "moveDownButton", "titleEdit", "serviceEdit", "buildButton"):
        assert name in seen


def test_the_app_and_the_command_line_build_the_same_booklet(
    qtbot, team, team_dir, dialogs, monkeypatch, tmp_path
) -> None:
    """One writer for both faces: the page's booklet (cards in the order the folder
    loads, nobody reordered) reads the same as ``ips-reflect team booklet``."""
    from pypdf import PdfReader

    from ips_reflect.cli import main

    choose(qtbot, team, team_dir, monkeypatch)
    app_out = tmp_path / "app.pdf"
    dialogs["answers"]["save"] = app_out
    with qtbot.waitSignal(team.bookletBuilt, timeout=10000):
        qtbot.mouseClick(team.build_button, Qt.MouseButton.LeftButton)
    cli_out = tmp_path / "cli.pdf"
    assert main(["team", "booklet", str(team_dir), "-o", str(cli_out)]) == 0

    def words(path: Path) -> str:
        return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())

    assert words(app_out) == words(cli_out)


# --------------------------------------------------------------------------- loose ends


def test_a_missing_photo_gets_initials_and_a_warning_in_the_app_and_the_cli(
    qtbot, team, team_dir, dialogs, monkeypatch, tmp_path, capsys
) -> None:
    """A card whose photo is not there still goes in (with initials); the problem list
    notes the photo as a warning, naming the person. The command line agrees."""
    from pypdf import PdfReader

    from ips_reflect.cli import main

    (team_dir / "zoe.jpg").unlink()
    choose(qtbot, team, team_dir, monkeypatch)
    assert team.order() == NAMES
    zoe = NAMES.index("Zoë Hartley")
    assert cell(team, zoe, TeamTableModel.STATUS) == "✓ Ready, 1 warning"
    line = cell(team, zoe, TeamTableModel.PROBLEMS)
    assert line.startswith("Zoë Hartley's card: zoe.yaml:")
    assert "warning" in line and "initials" in line
    assert "5 of 5 cards ready" in team.summary_label.text()
    assert team.summary_label.property("state") == "ok"
    spoken = team.model.index(zoe, TeamTableModel.STATUS).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Ready for the booklet, with 1 warning"
    team.select_row(zoe)
    assert "zoe.jpg" in team.problems_view.toPlainText()

    app_out = tmp_path / "app.pdf"
    dialogs["answers"]["save"] = app_out
    with qtbot.waitSignal(team.bookletBuilt, timeout=10000):
        qtbot.mouseClick(team.build_button, Qt.MouseButton.LeftButton)
    assert dialogs["question"] == []  # a warning is not a card to leave out
    pages = [p.extract_text() or "" for p in PdfReader(app_out).pages]
    zoe_page = next(p for p in pages[2:] if "Zoë Hartley" in p)
    assert "ZH" in zoe_page.split()  # the initials stand in for the photo

    cli_out = tmp_path / "cli.pdf"
    assert main(["team", "booklet", str(team_dir), "-o", str(cli_out)]) == 0
    err = capsys.readouterr().err
    assert "Zoë Hartley's card: " in err and "zoe.yaml:" in err and "warning" in err

    def words(path: Path) -> str:
        return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())

    assert words(app_out) == words(cli_out)


def test_no_folder_yet_is_not_said_in_the_success_colour(qtbot, team, team_dir, monkeypatch):
    assert team.summary_label.text() == "No folder chosen yet."
    assert team.summary_label.property("state") == "info"  # plain, neither ok nor problem
    choose(qtbot, team, team_dir, monkeypatch)
    assert team.summary_label.property("state") == "ok"


def test_a_typed_folder_path_is_read(qtbot, team, team_dir, tmp_path) -> None:
    edit = team.folder_edit
    assert not edit.isReadOnly()
    edit.setFocus()
    qtbot.keyClicks(edit, str(team_dir))
    with qtbot.waitSignal(team.folderLoaded, timeout=5000) as loaded:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert loaded.args == [5, 5]
    assert team.folder == team_dir and team.order() == NAMES

    edit.clear()
    qtbot.keyClicks(edit, str(tmp_path / "not-here"))
    with qtbot.waitSignal(team.folderFailed, timeout=5000) as failed:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "does not exist" in failed.args[0]
    assert team.summary_label.property("state") == "problem"


def test_the_preview_zooms_with_buttons_and_keys(qtbot, team, team_dir, monkeypatch) -> None:
    choose(qtbot, team, team_dir, monkeypatch)
    preview = team.preview
    assert preview.fits_page and preview.zoom_label.text() == "Whole page"
    assert not preview.zoom_fit_button.isEnabled()
    fit = preview.zoom
    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert not preview.fits_page and preview.zoom > fit
    bigger = preview.zoom
    assert preview.zoom_label.text() == f"{round(bigger * 100)} %"
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.zoom > bigger
    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom == pytest.approx(bigger)
    for _ in range(12):
        qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.zoom == 4.0 and not preview.zoom_in_button.isEnabled()
    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.fits_page and preview.zoom_label.text() == "Whole page"
    qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
    assert not preview.fits_page and preview.zoom < fit
    qtbot.mouseClick(preview.zoom_fit_button, Qt.MouseButton.LeftButton)
    assert preview.fits_page
    # Zooming keeps the page: still page-by-page with Page Down.
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.current_page == 1


def test_the_booklet_built_says_so_once(qtbot, team, team_dir, dialogs, monkeypatch, tmp_path):
    """The result is shown in the page's own line, not in the status bar as well."""
    choose(qtbot, team, team_dir, monkeypatch)
    said: list[str] = []
    team.statusMessage.connect(said.append)
    dialogs["answers"]["save"] = tmp_path / "booklet.pdf"
    with qtbot.waitSignal(team.bookletBuilt, timeout=10000):
        qtbot.mouseClick(team.build_button, Qt.MouseButton.LeftButton)
    assert "5 people" in team.build_status.text()
    assert said == []


def test_in_the_window_ctrl_plus_zooms_the_preview_and_elsewhere_the_text(
    qtbot, window, content, team_dir
) -> None:
    """Ctrl+= is the app's "bigger" key: with the preview focused it zooms the page;
    anywhere else on the page it still makes the text bigger."""
    key, title, view, page, icon = create_team_page(content)
    window.add_page(key, title, view, icon_name=icon)
    window.show_page(key)
    window.view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.view)
    size = QApplication.font().pointSize()
    try:
        with qtbot.waitSignal(page.previewReady, timeout=10000):
            page.load_folder(team_dir)
        page.preview.view.setFocus()
        qtbot.keyClick(page.preview.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert not page.preview.fits_page
        qtbot.wait(50)  # the window applies a text size change just after the key
        assert QApplication.font().pointSize() == size
        page.title_edit.setFocus()
        qtbot.keyClick(page.title_edit, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: QApplication.font().pointSize() == size + 1, timeout=5000)
    finally:
        window.set_font_size(size)
        QThreadPool.globalInstance().waitForDone(10000)
