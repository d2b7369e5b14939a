"""Readable at every size: every page and dialog fits its window, in every theme and
text size, without cutting off a word.

For each theme (light, dark, high contrast) and each text size (the default, one and a
half times it, the largest), the look is applied once and then, for both window sizes
(1366x768 and 1280x720), every sidebar page of the full main window (over a filled
vault) and every dialog (set-up, unlock, recovery, the five Vault-menu dialogs, About,
the supervision presenter view) is shown and checked:

* no visible label, button, tab or table header section is drawn smaller than it needs
  for its text (a word-wrapped label: at least its height for its width); elided text
  is allowed only with the full text in the tooltip and the accessible description;
* no visible widget lies partly outside the window (or outside its parent), and the
  window itself can be made that small;
* no form (scroll area) or table shows a sideways scroll bar, and no table column
  runs past the table's edge;
* every text pane (reading or writing) shows at least three lines;
* every drop-down list shows all its options (when there are few enough to show).

Each failure names the surface, the widget, the window size, theme and text size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
import shiboken6
from flow_helpers import fast_vault
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ips_reflect.core.entries import Entry
from ips_reflect.core.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, Settings
from ips_reflect.gui.shell.app import create_main_window
from ips_reflect.ops.flags import sync_vault_flags

WINDOW_SIZES = ((1366, 768), (1280, 720))
TEXT_SIZES = (DEFAULT_FONT_SIZE, round(DEFAULT_FONT_SIZE * 1.5), MAX_FONT_SIZE)
THEMES = ("light", "dark", "high_contrast")
SLACK = 1  # pixels: rounding in the style's own sums
ELLIPSIS = "\u2026"
# Known and not fixed yet (each one is reported, and any other place still fails):
# (surface, objectName, window size or None for both, text size) -> why.
KNOWN: dict[tuple[str, str, tuple[int, int] | None, int], str] = {}
MIN_TEXT_LINES = 3  # a reading or writing pane shows at least this many lines
QWIDGETSIZE_MAX = 16777215


@dataclass
class Look:
    theme: str
    pt: int
    size: tuple[int, int]

    def __str__(self) -> str:
        return f"{self.size[0]}x{self.size[1]}, {self.theme}, {self.pt} pt"


# --------------------------------------------------------------------------- the checks


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text().replace("&", "")
    shown = f" '{text[:40]}'" if text else ""
    return f"{type(widget).__name__} {widget.objectName() or '(no name)'}{shown}"


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _elided_ok(widget: QWidget, text: str) -> bool:
    """Elided text is fine only with the whole text in the tooltip and a11y description."""
    head = _plain(text).split(ELLIPSIS)[0].strip()
    return bool(head) and all(
        head in t and len(t) > len(head) for t in (widget.toolTip(), widget.accessibleDescription())
    )


def _in_scroll_contents(widget: QWidget, root: QWidget) -> QWidget | None:
    """The nearest scroll area's contents widget ``widget`` is inside, if any."""
    w: QWidget | None = widget
    while w is not None and w is not root:
        parent = w.parentWidget()
        if parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea):
            area = parent.parentWidget()
            if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
                return w
        w = parent
    return None


def _internal(widget: QWidget) -> bool:
    """A part of a composite Qt widget (combo box, spin box, tab bar buttons...)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QTabBar | QLineEdit) or parent.inherits(
            "QAbstractSpinBox"
        ):
            return True
        if parent.inherits("QComboBoxPrivateContainer") or parent.inherits("QCalendarWidget"):
            return True
        parent = parent.parentWidget()
    return False


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if label.height() + SLACK < needed:
            return f"is {label.height()} px high, its text needs {needed} px at {label.width()} px"
        return None
    hint = label.sizeHint()
    if label.width() + SLACK < hint.width() or label.height() + SLACK < hint.height():
        if ELLIPSIS in text and _elided_ok(label, text):
            return None
        return f"is {label.width()}x{label.height()}, its text needs {hint.width()}x{hint.height()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    hint = button.sizeHint()
    if button.width() + SLACK < hint.width() or button.height() + SLACK < hint.height():
        if _elided_ok(button, button.text()):
            return None
        return f"is {button.width()}x{button.height()}, needs {hint.width()}x{hint.height()}"
    return None


def _tab_problems(bar: QTabBar) -> list[str]:
    out = []
    metrics = bar.fontMetrics()
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        rect = bar.tabRect(i)
        text = _plain(bar.tabText(i))
        icon = bar.iconSize().width() if not bar.tabIcon(i).isNull() else 0
        needed = metrics.horizontalAdvance(text) + icon
        elided = bar.elideMode() != Qt.TextElideMode.ElideNone and text in bar.tabToolTip(i)
        if not bar.rect().contains(rect) or (rect.width() < needed and not elided):
            out.append(
                f"tab '{text}' is {rect.width()} px wide in a {bar.width()} px bar, needs {needed}"
            )
    return out


def _header_problems(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    out = []
    metrics = header.fontMetrics()
    margin = 2 * header.style().pixelMetric(
        header.style().PixelMetric.PM_HeaderMargin, None, header
    )
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        size = header.sectionSize(section)
        start = header.sectionViewportPosition(section)
        end = start + size
        if start < 0:
            out.append(f"column '{text}' starts {-start} px before the table's left edge")
        if end > header.viewport().width() + SLACK:
            out.append(
                f"column '{text}' ends at {end} px, past the table's {header.viewport().width()} px"
            )
        needed = metrics.horizontalAdvance(text) + margin
        if size >= needed:
            continue
        # Narrower than the title on one line: it must wrap onto lines that all show
        wraps = bool(header.defaultAlignment() & Qt.TextFlag.TextWordWrap)
        lines = metrics.boundingRect(
            0, 0, max(1, size - margin), 10_000, Qt.TextFlag.TextWordWrap, text
        ).height()
        if not wraps or header.height() < lines:
            out.append(f"column '{text}' is {size} px wide, needs {needed}, and does not wrap")
            continue
        widest = max(metrics.horizontalAdvance(word) for word in text.split()) + margin
        if size >= widest:
            continue
        tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        said = model.headerData(
            section, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleDescriptionRole
        )
        if not (tip and text in str(tip) and said and text in str(said)):
            out.append(
                f"column '{text}' is {size} px wide, needs {needed} (no tooltip/description)"
            )
    return out


def _cell_problems(view: QAbstractItemView) -> list[str]:
    """Cut-off cells of a table: fine when elided with tooltip and description."""
    model = view.model()
    if model is None or not isinstance(view.parent(), QWidget):
        return []
    header = getattr(view, "horizontalHeader", None)
    if header is None:
        return []
    out = []
    metrics = view.fontMetrics()
    for row in range(min(model.rowCount(), 12)):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            text = str(index.data() or "")
            width = view.visualRect(index).width()
            if not text or "\n" in text or width <= 0:
                continue
            if metrics.horizontalAdvance(text) + 12 <= width:
                continue
            tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            said = str(index.data(Qt.ItemDataRole.AccessibleDescriptionRole) or "")
            elides = view.textElideMode() != Qt.TextElideMode.ElideNone
            if not (elides and text in tip and text in said):
                out.append(
                    f"cell '{text[:30]}' (column {col}) is cut off without tooltip/description"
                )
                break
    return out


def _combo_problem(combo: QComboBox) -> str | None:
    if combo.count() == 0 or combo.count() > combo.maxVisibleItems():
        return None
    combo.showPopup()
    QApplication.processEvents()
    try:
        view = combo.view()
        last = view.visualRect(view.model().index(combo.count() - 1, combo.modelColumn()))
        room = view.viewport().height()
        if last.bottom() >= room or view.verticalScrollBar().isVisible():
            return f"drop-down shows {room} px of the {last.bottom() + 1} px its options need"
    finally:
        combo.hidePopup()
        QApplication.processEvents()
    return None


def problems(root: QWidget, surface: str, look: Look, combos: bool = False) -> list[str]:
    """Everything cut off or outside ``root`` (a shown page's window or a dialog)."""
    for _ in range(3):  # the layouts' own follow-ups (a row wraps, a dialog grows)
        QApplication.processEvents()
    out: list[str] = []
    window = root.window()
    frame = QRect(0, 0, window.width(), window.height())

    def say(widget: QWidget | None, what: str) -> None:
        if widget is not None:
            for size in (look.size, None):
                if (surface, widget.objectName(), size, look.pt) in KNOWN:
                    return
        name = _name(widget) if widget is not None else "the window"
        out.append(f"{surface} [{look}]: {name} {what}")

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or (widget.isWindow() and widget is not root):
            continue
        if _internal(widget):
            continue
        contents = _in_scroll_contents(widget, root)
        box = window if contents is None else contents
        where = "the window" if contents is None else "its scroll area's page"
        room = frame if contents is None else contents.rect()
        placed = QRect(widget.mapTo(box, widget.rect().topLeft()), widget.size())
        if not placed.isEmpty() and widget is not box and not room.contains(placed):
            say(
                widget,
                f"lies partly outside {where} ({placed.x()},{placed.y()} "
                f"{placed.width()}x{placed.height()} in {room.width()}x{room.height()})",
            )
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        else:
            problem = None
        if problem:
            say(widget, problem)
        if isinstance(widget, QTabBar):
            out += [f"{surface} [{look}]: {_name(widget)} {p}" for p in _tab_problems(widget)]
        if isinstance(widget, QHeaderView):
            out += [f"{surface} [{look}]: {_name(widget)} {p}" for p in _header_problems(widget)]
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            if widget.horizontalScrollBar().isVisible():
                say(widget, "shows a sideways scroll bar")
            out += [f"{surface} [{look}]: {_name(widget)} {p}" for p in _cell_problems(widget)]
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            lines = widget.viewport().height() // max(1, widget.fontMetrics().lineSpacing())
            sized = widget.maximumHeight() < QWIDGETSIZE_MAX  # a field made n lines high
            if lines < (1 if sized else MIN_TEXT_LINES):
                say(
                    widget,
                    f"shows {lines} line(s) of text; a pane to read or write in "
                    f"needs at least {MIN_TEXT_LINES}",
                )
        inner = widget.widget() if isinstance(widget, QScrollArea) else None
        cut = inner is not None and inner.width() > widget.viewport().width() + SLACK
        if cut and inner is not None and not widget.horizontalScrollBar().isVisible():
            say(
                widget,
                f"cuts off the right of its {inner.width()} px page at "
                f"{widget.viewport().width()} px",
            )
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            say(widget, "(a form) shows a sideways scroll bar")
        if combos and isinstance(widget, QComboBox) and widget.isEnabled():
            problem = _combo_problem(widget)
            if problem:
                say(widget, problem)
    return out


# --------------------------------------------------------------------------- the surfaces


def fill(vault, content) -> None:
    vault.entries.add(
        Entry(
            kind="journal",
            title="Interview with a warehouse manager about the evening shifts",
            body="A long day. Before he left I gave him my personal mobile, just in case. " * 8,
            client_alias="Marrowby",
            tags=["interview", "boundaries"],
            bring_to_supervision=True,
        )
    )
    vault.entries.add(
        Entry(kind="before_check", title="Check for Marrowby", audience="employer", body="Notes.")
    )
    session = vault.supervision.add_session("2026-11-20", "Zephyrine Okafor")
    vault.supervision.add_action(
        session.id, "Ask about the rota and the evening shifts", "2026-12-01"
    )
    sync_vault_flags(vault, content)


def _resize(widget: QWidget, size: tuple[int, int]) -> list[str]:
    widget.resize(*size)
    QApplication.processEvents()
    if widget.width() > size[0] or widget.height() > size[1]:
        return [
            f"cannot be made {size[0]}x{size[1]}: it is {widget.width()}x{widget.height()} "
            f"(its smallest is {widget.minimumSizeHint().width()}x"
            f"{widget.minimumSizeHint().height()})"
        ]
    return []


def page_states(window) -> dict[str, list[tuple[str, Callable[[], object], Callable[[], object]]]]:
    """More states of some pages worth checking: (name, go there, come back)."""
    from ips_reflect.gui.pages.before.form import SUMMARY

    journal = window.controllers["journal"]
    before = window.controllers["before"]
    flags = window.controllers["flags"]

    def read_entry() -> None:
        assert journal.show_entry(journal.vault.entries.list(kind="journal")[0].uid)

    def choose_flag() -> None:
        rows = flags.rows()
        assert rows, "the filled vault shows no flag"
        assert flags.select_flag(rows[0].id)

    return {
        "journal": [
            ("reading an entry", read_entry, lambda: None),
            ("writing a new entry", journal.new_entry, journal.cancel_edit),
        ],
        "before": [("summary", lambda: before.go_to(SUMMARY), lambda: before.go_to(0))],
        "flags": [("a flag chosen", choose_flag, lambda: None)],
    }


def check_pages(window, look_of, combos: bool) -> list[str]:
    out: list[str] = []
    keys = [window.pages.page_at(row).key for row in range(window.pages.rowCount())]
    states = page_states(window)
    for size in WINDOW_SIZES:
        look = look_of(size)
        out += [f"main window [{look}]: {p}" for p in _resize(window.view, size)]
        for key in keys:
            window.show_page(key)
            QApplication.processEvents()
            out += problems(window.view, f"page '{key}'", look, combos and size == WINDOW_SIZES[0])
            for state, go, back in states.get(key, []):
                go()
                QApplication.processEvents()
                out += problems(window.view, f"page '{key}' ({state})", look)
                back()
                QApplication.processEvents()
    return out


def _fit_dialog(dialog: QWidget, surface: str, look: Look) -> list[str]:
    """A dialog no larger than the window size (as it would be on that screen)."""
    width = min(dialog.width(), look.size[0])
    height = min(dialog.height(), look.size[1])
    out = []
    if (width, height) != (dialog.width(), dialog.height()):
        out += [f"{surface} [{look}]: {p}" for p in _resize(dialog, (width, height))]
    return out + problems(dialog, surface, look, combos=look.size == WINDOW_SIZES[0])


def dialog_makers(window, session, data_dir):
    from ips_reflect.gui.shell.about import open_about
    from ips_reflect.gui.shell.care.backup import BackUpDialog, CheckVaultDialog
    from ips_reflect.gui.shell.care.restore import RestoreDialog
    from ips_reflect.gui.shell.care.secrets import ChangePassphraseDialog, NewRecoveryCodeDialog
    from ips_reflect.gui.shell.gate_forms import RecoverController, SetupController
    from ips_reflect.gui.shell.uiloader import load_ui
    from ips_reflect.gui.shell.vault_gate import UnlockController

    parent = window.view

    def gate(name, controller):
        def make():
            dialog = load_ui(name, parent)
            controller(dialog, data_dir)
            dialog.show()
            return dialog

        return make

    def care(cls, *args):
        def make():
            dialog = cls(*args, parent)
            dialog.open()
            return dialog.view

        return make

    def setup_with_hint():
        dialog = gate("setup", SetupController)()
        edit = dialog.findChild(QWidget, "passEdit") or dialog.findChild(QWidget, "pass_edit")
        if edit is not None and hasattr(edit, "setText"):
            edit.setText("kettle")  # the strength hint shows and wraps
        return dialog

    def presenter():
        page = window.controllers["supervision"]
        window.show_page("supervision")
        QApplication.processEvents()
        dialog = page.present()
        assert dialog is not None, "the presenter view did not open"
        return dialog

    return {
        "set-up dialog": setup_with_hint,
        "unlock dialog": gate("unlock", UnlockController),
        "recovery dialog": gate("recover", RecoverController),
        "change passphrase dialog": care(ChangePassphraseDialog, session),
        "new recovery code dialog": care(NewRecoveryCodeDialog, session),
        "back up dialog": care(BackUpDialog, session, 5),
        "check vault dialog": care(CheckVaultDialog, session),
        "restore dialog": care(RestoreDialog, data_dir),
        "About": lambda: open_about(parent),
        "presenter view": presenter,
    }


def close_dialog(dialog: QWidget) -> None:
    if shiboken6.isValid(dialog):
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
        dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def vault(data_dir):
    yield from fast_vault(data_dir)


@pytest.mark.timeout(110)
@pytest.mark.parametrize("theme", THEMES)
def test_every_page_and_dialog_fits_at_every_text_size(qtbot, content, data_dir, vault, theme):
    from ips_reflect.gui.shell.session import VaultSession

    fill(vault, content)
    window = create_main_window(
        content, Settings(theme=theme, font_point_size=DEFAULT_FONT_SIZE), data_dir, features=True
    )
    session = VaultSession(idle_minutes=0)
    session.open(vault)
    found: list[str] = []
    try:
        window.view.resize(*WINDOW_SIZES[0])
        window.show()
        qtbot.waitExposed(window.view)
        with qtbot.waitSignal(window.controllers["flags"].flagsLoaded, timeout=15000):
            window.set_vault(vault)
        makers = dialog_makers(window, session, data_dir)
        for pt in TEXT_SIZES:
            window.set_font_size(pt)
            QApplication.processEvents()
            found += check_pages(window, lambda size, pt=pt: Look(theme, pt, size), combos=True)
            for surface, make in makers.items():
                dialog = make()
                qtbot.waitExposed(dialog)
                try:
                    for size in WINDOW_SIZES:
                        found += _fit_dialog(dialog, surface, Look(theme, pt, size))
                finally:
                    if surface == "presenter view":
                        window.controllers["supervision"].close_presenter()
                    close_dialog(dialog)
    finally:
        window.controllers["supervision"].close_presenter()
        window.flush()
        window.set_vault(None)
        session.lock()
        session.backups.wait(30)
        session.backups.shutdown()
        window.view.close()
        window.view.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not found, f"{len(found)} fit problem(s):\n" + "\n".join(found)
