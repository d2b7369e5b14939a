"""The Team page: check the team's bio cards, order people, preview and save the booklet.

The view is ``ui/team.ui``; :class:`TeamPage` is its controller. It needs no
vault: a team lead points it at the team's shared folder of bio cards (plain
YAML files, meant to be shared), by choosing it or typing its path and pressing
Enter. Every card is read as the command line reads it
(:func:`ips_reflect.ops.team.read_team`) and shown in a table with its problems
as ``Sam Patel's card: file:line:col: reason``; a card whose photo is missing
still goes in, with initials and a warning. People can be moved up and down
(buttons, or Alt+Up / Alt+Down); the booklet follows that order.

The preview is the real booklet, built on a worker thread into memory and shown
with QtPdf. "Build booklet…" writes the PDF (atomically) after asking, by name,
whether to leave out cards with problems; say no and nothing is written.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.biocard import BioCard
from ips_reflect.core.content import Content
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.team.models import TeamRow, TeamTableModel, read_team_rows
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.workers import run_task
from ips_reflect.gui.widgets import file_dialogs
from ips_reflect.gui.widgets.ask import confirm
from ips_reflect.gui.widgets.debounce import debounce_timer
from ips_reflect.gui.widgets.models import show_rows
from ips_reflect.gui.widgets.pdf_preview import PreviewPage, build_pdf_locked, install_preview
from ips_reflect.gui.widgets.theme import current_theme
from ips_reflect.ops.team import booklet_bytes

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

PAGE_KEY = "team"
ICON = "team"
PREVIEW_DELAY_MS = 450
CHECKLIST_PACK = "team_lead"


def checklist_html(content: Content) -> str:
    """The team lead checklist from ``content/team_lead.yaml`` as rich text."""
    try:
        pack = content.pack(CHECKLIST_PACK)
    except KeyError:
        return ""
    c = current_theme().colors
    parts = [
        f'<p style="color:{c["muted"]}">{escape(pack.intro)}</p>' if pack.intro else "",
    ]
    for section in pack.sections:
        items = [i for i in section.items if i.type == "check"]
        if not items:
            continue
        parts.append(
            f'<p style="font-weight:600; color:{c["heading"]}; margin-top:10px">'
            f"{escape(section.title)}</p><ul>"
        )
        for item in items:
            parts.append(
                f"<li style='margin-bottom:4px'><b>{escape(item.label)}</b>: "
                f"{escape(item.text)}</li>"
            )
        parts.append("</ul>")
    return "\n".join(parts)


# --------------------------------------------------------------------------- controller


class TeamPage(PreviewPage):
    """Controller of the Team page; see the module docstring."""

    statusMessage = Signal(str)  # a sentence for the main window's status bar
    folderLoaded = Signal(int, int)  # valid cards, all cards
    folderFailed = Signal(str)  # why the folder could not be read
    previewReady = Signal(int)  # pages in the preview just shown
    bookletBuilt = Signal(str)  # path of the booklet written
    buildFailed = Signal(str)  # a sentence

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self.folder: Path | None = None
        self._building = False
        self._load_generation = 0
        self._preview_running = False
        self._preview_pending = False
        self._preview_generation = 0
        self._preview_timer = debounce_timer(self.view, PREVIEW_DELAY_MS, self.update_preview)

        self.folder_edit = find_child(view, QLineEdit, "folderEdit")
        self.choose_button = find_child(view, QPushButton, "chooseFolderButton")
        self.reload_button = find_child(view, QPushButton, "reloadButton")
        self.summary_label = find_child(view, QLabel, "summaryLabel")
        self.table = find_child(view, QTableView, "cardsTable")
        self.up_button = find_child(view, QPushButton, "moveUpButton")
        self.down_button = find_child(view, QPushButton, "moveDownButton")
        self.problems_label = find_child(view, QLabel, "problemsLabel")
        self.problems_view = find_child(view, QPlainTextEdit, "problemsView")
        self.checklist_toggle = find_child(view, QToolButton, "checklistToggle")
        self.checklist_view = find_child(view, QTextBrowser, "checklistView")
        self.title_edit = find_child(view, QLineEdit, "titleEdit")
        self.service_edit = find_child(view, QLineEdit, "serviceEdit")
        self.build_button = find_child(view, QPushButton, "buildButton")
        self.build_progress = find_child(view, QProgressBar, "buildProgress")
        self.build_status = find_child(view, QLabel, "buildStatusLabel")
        self.preview = install_preview(view, messages.TEAM_PREVIEW_NAME)

        self.model = TeamTableModel(self)
        header = show_rows(self.table, self.model, (TeamTableModel.ROLE, TeamTableModel.PROBLEMS))
        header.setHighlightSections(False)
        header.setMinimumSectionSize(60)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form = view.findChild(QFormLayout, "settingsForm")
        if form is not None:
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

        for signal, slot in (
            (self.choose_button.clicked, self.choose_folder),
            (self.folder_edit.returnPressed, self._folder_typed),
            (self.reload_button.clicked, self.reload),
            (self.up_button.clicked, self.move_up),
            (self.down_button.clicked, self.move_down),
            (self.build_button.clicked, self.build_booklet),
            (self.checklist_toggle.toggled, self._show_checklist),
            (self.title_edit.textChanged, self._schedule_preview),
            (self.service_edit.textChanged, self._schedule_preview),
            (self.table.selectionModel().currentRowChanged, self._on_current_row),
        ):
            signal.connect(slot)
        for key, slot in (("Alt+Up", self.move_up), ("Alt+Down", self.move_down)):
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        reload_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), view)
        reload_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reload_key.activated.connect(self.reload)

        splitter = find_child(view, QSplitter, "teamSplitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 360])
        self.build_progress.hide()
        checklist = checklist_html(content)
        self.checklist_view.setHtml(checklist)
        self.checklist_toggle.setVisible(bool(checklist))
        self._show_checklist(False)
        self._show_rows([])

    # -- vault (none needed)

    def set_vault(self, vault: Vault | None) -> None:
        """The Team page works on the shared folder only; the vault is not used."""

    # -- folder

    def choose_folder(self) -> None:
        chosen = file_dialogs.existing_folder(
            self.view, file_dialogs.TEAM_FOLDER, messages.TEAM_CHOOSE_FOLDER_TITLE, self.folder
        )
        if chosen:
            self.load_folder(Path(chosen))

    def _folder_typed(self) -> None:
        """Read the folder whose path was typed (Enter); an empty box changes nothing."""
        text = self.folder_edit.text().strip().strip('"')
        if not text:
            if self.folder is not None:
                self.folder_edit.setText(str(self.folder))
            return
        self.load_folder(Path(text).expanduser())

    def load_folder(self, folder: Path, keep_order: list[Path] | None = None) -> None:
        """Read and check every card in ``folder`` on a worker (a shared folder may be on
        a slow network drive); ``folderLoaded`` or ``folderFailed`` follows.

        ``keep_order`` (card paths) keeps the order the lead chose; new cards go last.
        """
        self.folder = Path(folder)
        self.folder_edit.setText(str(self.folder))
        self._load_generation += 1
        generation = self._load_generation
        self._set_summary(messages.TEAM_READING, state="info")
        self.reload_button.setEnabled(False)

        def done(rows: list[TeamRow]) -> None:
            if generation != self._load_generation or not self.alive:
                return
            if keep_order:
                rank = {p: i for i, p in enumerate(keep_order)}
                rows = sorted(rows, key=lambda r: rank.get(r.path, len(rank)))
            self._show_rows(rows)
            if not rows:
                self._set_summary(
                    messages.TEAM_PAGE_NO_CARDS.format(folder=self.folder), state="problem"
                )
            self.folderLoaded.emit(len(self.model.valid_cards()), len(rows))

        def failed(exc: BaseException) -> None:
            if generation != self._load_generation or not self.alive:
                return
            text = exc.message if isinstance(exc, UserError) else messages.TEAM_READ_FAILED
            self._show_rows([])
            self._set_summary(text, state="problem")
            self.folderFailed.emit(text)

        run_task(read_team_rows, self.folder, on_success=done, on_failure=failed)

    def reload(self) -> None:
        """Read the folder again (after someone changed a card), keeping the order."""
        if self.folder is not None:
            self.load_folder(self.folder, keep_order=[r.path for r in self.model.rows()])

    def _show_rows(self, rows: list[TeamRow]) -> None:
        self.model.set_rows(rows)
        valid = sum(1 for r in rows if r.valid)
        bad = len(rows) - valid
        if not rows:
            if self.folder is None:
                self._set_summary(messages.TEAM_NO_FOLDER, state="info")
            else:
                self._set_summary("", state="info")
        elif bad:
            self._set_summary(
                messages.TEAM_FOLDER_SUMMARY_BAD.format(
                    valid=valid, total=len(rows), bad=bad, have="has" if bad == 1 else "have"
                ),
                state="problem",
            )
        else:
            self._set_summary(messages.TEAM_FOLDER_SUMMARY.format(valid=valid, total=len(rows)))
        if rows:
            self.select_row(0)
        else:
            self._on_current_row(QModelIndex(), QModelIndex())
        self.build_button.setEnabled(valid > 0 and not self._building)
        self.reload_button.setEnabled(self.folder is not None)
        self._schedule_preview(now=True)

    def _set_summary(self, text: str, state: str = "ok") -> None:
        """Show ``text`` in the summary line: ``state`` is "ok" (the success colour),
        "problem" (the warning colour) or "info" (plain: nothing happened yet)."""
        self.summary_label.setText(text)
        self.summary_label.setProperty("state", state)
        style = self.summary_label.style()
        style.unpolish(self.summary_label)
        style.polish(self.summary_label)

    # -- selection and order

    def selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def order(self) -> list[str]:
        """People's names (or file names) in booklet order, as the table shows them."""
        return [r.person for r in self.model.rows()]

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def _move(self, delta: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        new = self.model.move(row, delta)
        if new == row:
            return
        self.select_row(new)
        self._on_current_row(self.table.currentIndex(), QModelIndex())
        moved = self.model.row_at(new)
        self.statusMessage.emit(
            messages.TEAM_MOVED.format(name=moved.person, pos=new + 1, total=self.model.rowCount())
        )
        self._schedule_preview()

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        count = self.model.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        if row < 0:
            self.problems_view.setPlainText("")
            self.problems_label.setText(messages.TEAM_PROBLEMS_HEADING)
            return
        team_row = self.model.row_at(row)
        file = team_row.path.name
        self.problems_label.setText(
            messages.TEAM_PROBLEMS_FOR.format(file=file)
            if team_row.person == file
            else messages.TEAM_PROBLEMS_FOR_PERSON.format(name=team_row.person, file=file)
        )
        lines = team_row.problem_lines()
        self.problems_view.setPlainText("\n".join(lines) if lines else messages.TEAM_PROBLEMS_NONE)

    # -- preview

    def _schedule_preview(self, *_args: Any, now: bool = False) -> None:
        if now:
            self._preview_timer.start(0)
        else:
            self._preview_timer.start()

    def _settings(self) -> tuple[str, str | None]:
        title = " ".join(self.title_edit.text().split()) or messages.TEAM_DEFAULT_TITLE
        service = " ".join(self.service_edit.text().split()) or None
        return title, service

    def update_preview(self) -> None:
        """Build the booklet in memory (on a worker) and show it."""
        cards = self.model.valid_cards()
        self._preview_generation += 1
        if not cards:
            self.preview.clear(
                messages.TEAM_PREVIEW_EMPTY
                if not self.model.rowCount()
                else messages.TEAM_PREVIEW_NONE_VALID
            )
            return
        if self._preview_running:
            self._preview_pending = True
            return
        self._preview_running = True
        generation = self._preview_generation
        title, service = self._settings()
        self.preview.set_busy(True)

        def done(result: tuple[bytes, int, int]) -> None:
            if generation != self._preview_generation or not self.alive:
                return  # the order or settings changed meanwhile; a newer build follows
            pages = self.preview.load_bytes(result[0])
            self.previewReady.emit(pages)

        def failed(exc: BaseException) -> None:
            if generation == self._preview_generation and self.alive:
                reason = exc.message if isinstance(exc, UserError) else type(exc).__name__
                self.preview.clear(messages.TEAM_PREVIEW_FAILED.format(error=reason))

        def finished() -> None:
            self._preview_running = False
            if not self.alive:
                return
            self.preview.set_busy(False)
            if self._preview_pending or generation != self._preview_generation:
                self._preview_pending = False
                self.update_preview()

        run_task(
            build_pdf_locked,
            booklet_bytes,
            cards,
            title,
            service,
            on_success=done,
            on_failure=failed,
            on_finished=finished,
        )

    # -- building

    def build_booklet(self) -> None:
        """Ask where to save, confirm leaving out invalid cards, then build on a worker."""
        if self._building:
            return
        cards = self.model.valid_cards()
        if not cards:
            QMessageBox.warning(
                self.view, messages.TEAM_BUILD_FAILED_TITLE, messages.TEAM_NOTHING_TO_BUILD
            )
            return
        invalid = self.model.invalid_rows()
        if invalid:
            n = len(invalid)
            names = ", ".join(
                r.person if r.person == r.path.name else f"{r.person} ({r.path.name})"
                for r in invalid
            )
            if not confirm(
                self.view,
                messages.TEAM_SKIP_TITLE,
                messages.TEAM_SKIP.format(
                    n=n,
                    s="" if n == 1 else "s",
                    names=names,
                    valid=len(cards),
                    people="person" if len(cards) == 1 else "people",
                    them="it" if n == 1 else "them",
                ),
            ):
                self.build_status.setText(messages.TEAM_NOT_BUILT)
                return
        chosen = file_dialogs.save_file_name(
            self.view,
            file_dialogs.TEAM_BOOKLET,
            messages.TEAM_BUILD_TITLE,
            "meet-the-team.pdf",
            messages.TEAM_BUILD_FILTER,
            self.folder.parent if self.folder else None,
        )
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        self.start_build(out, cards)

    def start_build(self, out: Path, cards: list[BioCard]) -> None:
        from ips_reflect.ops.team import build

        title, service = self._settings()
        self._set_building(True)

        def done(result: Any) -> None:
            if not self.alive:
                return
            text = messages.TEAM_BUILT.format(
                file=out,
                people=result.people,
                people_word="person" if result.people == 1 else "people",
                pages=result.pages,
                pages_s="" if result.pages == 1 else "s",
            )
            self.build_status.setText(text)  # shown here only, not in the status bar too
            self.bookletBuilt.emit(str(out))

        def failed(exc: BaseException) -> None:
            if not self.alive:
                return
            reason = exc.message if isinstance(exc, UserError) else type(exc).__name__
            text = messages.TEAM_BUILD_FAILED.format(error=reason)
            self.build_status.setText(text)
            self.buildFailed.emit(text)
            QMessageBox.warning(self.view, messages.TEAM_BUILD_FAILED_TITLE, text)

        run_task(
            build_pdf_locked,
            build,
            cards,
            out,
            title=title,
            service=service,
            order="given",
            on_success=done,
            on_failure=failed,
            on_finished=lambda: self._set_building(False),
        )

    def _set_building(self, busy: bool) -> None:
        self._building = busy
        if not self.alive:
            return
        self.build_progress.setVisible(busy)
        if busy:
            self.build_status.setText(messages.TEAM_BUILDING)
        self.build_button.setEnabled(not busy and bool(self.model.valid_cards()))
        self.choose_button.setEnabled(not busy)

    # -- checklist and look

    def _show_checklist(self, shown: bool) -> None:
        self.checklist_view.setVisible(shown)
        self.checklist_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        name = messages.TEAM_CHECKLIST_HIDE if shown else messages.TEAM_CHECKLIST_SHOW
        self.checklist_toggle.setAccessibleName(name)
        self.checklist_toggle.setToolTip(name)

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self.preview.apply_theme()
        self.model.refresh()
        self.checklist_view.setHtml(checklist_html(self.content))
        self.table.resizeRowsToContents()


def create_page(content: Content) -> tuple[str, str, QWidget, TeamPage, str]:
    """The Team page, ready to add to the main window: (key, title, view, controller, icon)."""
    view = load_ui("team")
    controller = TeamPage(view, content)
    return PAGE_KEY, messages.TEAM_PAGE_NAME, view, controller, ICON
