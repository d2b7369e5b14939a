"""The live flag panel: warning signs shown next to a check or reflection as it is written.

A flow page embeds the panel's view beside its editor and calls
:meth:`LiveFlagPanel.update` whenever the text, the ticked signs, the audience or
the chosen plan experience change::

    self.flags = LiveFlagPanel(content, parent=side_widget)
    side_layout.addWidget(self.flags.view)
    editor.textChanged.connect(lambda: self.flags.update(
        editor.toPlainText(), ticked_signs, audience, plan_experience_id, plan_payload))
    self.flags.flagDismissed.connect(remember_dismissal)  # (sign, note)

The search runs :data:`DELAY_MS` after the last change (debounced), on the GUI
thread: one text takes well under a millisecond. The panel never blocks: it has
no modal state except the small optional-note dialog a person opens by choosing
Dismiss. Each flag shows its sign, the words (or tick, or plan line) behind it,
and why it may matter. Dismissed flags stay hidden until :meth:`reset`.

:func:`ask_note` is the small note dialog shared with the Flags page; tests
replace it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.flags import Flag, FlagEngine
from ips_reflect.gui.shell.uiloader import find_child, load_ui, place_in
from ips_reflect.gui.widgets.debounce import debounce_timer

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

DELAY_MS = 300

_engines: dict[int, tuple[Content, FlagEngine]] = {}


def shared_engine(content: Content) -> FlagEngine:
    """One compiled engine per loaded content, shared by every page and panel."""
    held = _engines.get(id(content))
    if held is None or held[0] is not content:
        held = (content, FlagEngine(content))
        _engines[id(content)] = held
    return held[1]


def ask_note(parent: QWidget | None, title: str, prompt: str, initial: str = "") -> str | None:
    """Ask for an optional note (``ui/flag_note.ui``); None when cancelled, "" when left empty."""
    dialog = load_ui("flag_note", parent)
    assert isinstance(dialog, QDialog)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    find_child(dialog, QLabel, "promptLabel").setText(prompt)
    edit = find_child(dialog, QPlainTextEdit, "noteEdit")
    edit.setPlainText(initial)
    buttons = find_child(dialog, QDialogButtonBox, "buttonBox")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    edit.setFocus()
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return edit.toPlainText().strip()
    finally:
        dialog.deleteLater()


def written_text(answers: dict[str, Any]) -> str:
    """The words of a flow's answers as one text for the live panel (the app's own
    summaries and advice are left out, so they never raise a flag)."""
    parts: list[str] = []
    for value in answers.values():
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, str))
    return "\n\n".join(p for p in parts if p.strip())


def embed_panel(content: Content, side: QWidget) -> LiveFlagPanel:
    """A live panel placed in a flow page's side column (``flagSide`` in its .ui)."""
    panel = LiveFlagPanel(content, side)
    place_in(side, panel.view)
    return panel


def record_dismissals(
    vault: Vault,
    engine: FlagEngine,
    entry: Entry,
    plan: Any,
    dismissed: dict[tuple[str, str], str],
) -> int:
    """Keep what was dismissed while writing: each flag the saved entry gives for a
    dismissed (sign, source) is stored as *resolved* with the person's note, so the
    Flags page shows it as history rather than as a new open flag. Returns how many."""
    if vault is None or not dismissed:
        return 0
    count = 0
    for flag in engine.flags_for_entry(entry, plan):
        key = (flag.sign, flag.source)
        if key not in dismissed:
            continue
        stored = vault.flags.record(flag, entry.uid)
        note = dismissed[key] or messages.FLAG_PANEL_DISMISSED_NOTE
        vault.flags.set_status(stored.id, "resolved", note)
        count += 1
    return count


def flag_key(flag: Flag) -> tuple[str, str, str]:
    return (flag.sign, flag.source, flag.evidence)


def card_words(flag: Flag) -> str:
    """What triggered a flag, as the panel shows it."""
    return f"“{flag.evidence}”" if flag.source == "text" else flag.evidence


class LiveFlagPanel(QObject):
    """Controller of ``ui/flag_panel.ui``; embed :attr:`view` next to an editor."""

    flagDismissed = Signal(str, str)  # sign id, note ("" when none)
    flagsChanged = Signal(int)  # how many flags are shown now

    def __init__(
        self,
        content: Content,
        parent: QWidget | None = None,
        engine: FlagEngine | None = None,
    ) -> None:
        view = load_ui("flag_panel", parent)
        super().__init__(view)
        assert isinstance(view, QFrame)
        self.view: QFrame = view
        self.content = content
        self.engine = engine or shared_engine(content)
        self.summary = find_child(view, QLabel, "summaryLabel")
        self.area = find_child(view, QScrollArea, "cardsArea")
        self.container = find_child(view, QWidget, "cardsContainer")
        layout = self.container.layout()
        assert isinstance(layout, QVBoxLayout)
        self.cards_layout: QVBoxLayout = layout
        self._timer = debounce_timer(view, DELAY_MS, self.flush)
        self._args: tuple[str, tuple[str, ...], str | None, str | None, Any] = (
            "",
            (),
            None,
            None,
            None,
        )
        self._flags: list[Flag] = []
        self._dismissed: dict[tuple[str, str, str], str] = {}
        self._cards: list[QFrame] = []
        self._render()

    # -- public API

    def update(
        self,
        text: str,
        ticked_signs: Iterable[str] = (),
        audience: str | None = None,
        plan_experience_id: str | None = None,
        plan_payload: Any = None,
    ) -> None:
        """Note what is being written; the flags follow :data:`DELAY_MS` after the last call."""
        self._args = (text, tuple(ticked_signs), audience, plan_experience_id, plan_payload)
        self._timer.start()

    def flush(self) -> None:
        """Search now (instead of waiting for the debounce)."""
        self._timer.stop()
        if not shiboken6.isValid(self.summary):
            return  # the page is being taken down (a timer can outlive it by a moment)
        text, ticked, audience, experience, plan = self._args
        self._flags = self.engine.live_flags(text, ticked, audience, experience, plan)
        self._render()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def flags(self) -> list[Flag]:
        """The flags shown now (dismissed ones left out)."""
        return [f for f in self._flags if flag_key(f) not in self._dismissed]

    def cards(self) -> list[QFrame]:
        """The card widgets shown now, one per flag, in order."""
        return list(self._cards)

    def dismissed(self) -> list[tuple[str, str]]:
        """(sign, note) of every flag dismissed since the last :meth:`reset`."""
        return [(key[0], note) for key, note in self._dismissed.items()]

    def keep_dismissals(self, vault: Vault, entry: Entry, plan: Any) -> int:
        """After ``entry`` is saved: store what was dismissed while writing it
        (see :func:`record_dismissals`)."""
        return record_dismissals(vault, self.engine, entry, plan, self.dismissed_by_source())

    def dismissed_by_source(self) -> dict[tuple[str, str], str]:
        """(sign, source) -> note of every flag dismissed since the last :meth:`reset`."""
        return {(key[0], key[1]): note for key, note in self._dismissed.items()}

    def is_dismissed(self, flag: Flag) -> bool:
        """True when this flag (same sign, source and words) was dismissed here."""
        return flag_key(flag) in self._dismissed

    def dismiss(self, flag: Flag, note: str = "") -> None:
        self._dismissed[flag_key(flag)] = note
        self.flagDismissed.emit(flag.sign, note)
        self._render()

    def reset(self) -> None:
        """Start afresh (a new check): no text, no flags, nothing dismissed."""
        self._timer.stop()
        self._args = ("", (), None, None, None)
        self._flags = []
        self._dismissed.clear()
        self._render()

    clear = reset

    def refresh(self) -> None:
        """Redraw after a theme or text size change."""
        self._render()

    # -- drawing

    def _render(self) -> None:
        for card in self._cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self._cards = []
        shown = self.flags()
        if shown:
            word = "sign" if len(shown) == 1 else "signs"
            self.summary.setText(messages.FLAG_PANEL_SOME.format(count=len(shown), signs=word))
        else:
            self.summary.setText(messages.FLAG_PANEL_NONE)
        self.summary.setAccessibleDescription(self.summary.text())
        for n, flag in enumerate(shown):
            card = self._card(flag)
            self.cards_layout.insertWidget(n, card)
            self._cards.append(card)
        self.flagsChanged.emit(len(shown))

    def _card(self, flag: Flag) -> QFrame:
        label = self.engine.label(flag.sign)
        words = card_words(flag)
        card = QFrame(self.container)
        card.setObjectName("flagCard")
        card.setProperty("source", flag.source)
        card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        card.setAccessibleName(messages.FLAG_PANEL_CARD_NAME.format(label=label, words=words))
        card.setAccessibleDescription(flag.explanation)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        kicker = QLabel(messages.FLAG_SOURCE_LABELS.get(flag.source, flag.source), card)
        kicker.setObjectName("cardKicker")
        kicker.setAccessibleName(kicker.text())
        title = QLabel(label, card)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        title.setAccessibleName(label)
        said = QLabel(words, card)
        said.setObjectName("cardWords")
        said.setWordWrap(True)
        said.setTextFormat(Qt.TextFormat.PlainText)
        said.setAccessibleName(words)
        why = QLabel(flag.explanation, card)
        why.setObjectName("cardWhy")
        why.setWordWrap(True)
        why.setTextFormat(Qt.TextFormat.PlainText)
        why.setAccessibleName(flag.explanation)
        button = QPushButton(messages.FLAG_PANEL_DISMISS, card)
        button.setObjectName("dismissButton")
        button.setAccessibleName(messages.FLAG_PANEL_DISMISS_NAME.format(label=label))
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False, f=flag: self._ask_dismiss(f))
        for widget in (kicker, title, said, why):
            layout.addWidget(widget)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return card

    def _ask_dismiss(self, flag: Flag) -> None:
        label = self.engine.label(flag.sign)
        note = ask_note(
            self.view,
            messages.FLAG_PANEL_DISMISS_TITLE,
            messages.FLAG_PANEL_DISMISS_PROMPT.format(label=label),
        )
        if note is not None:
            self.dismiss(flag, note)
