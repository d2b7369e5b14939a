"""The supervisor's key card: "My key card…" asks for the name the first time
(``ui/supervisees_name.ui``), asks where to save the card, writes it with
:func:`~ips_reflect.ops.exchange.write_my_card` on a worker, and shows the card's
fingerprint with the same code read out in words, for the phone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from ips_reflect import messages
from ips_reflect.core.exchange import KeyCard, clean_name
from ips_reflect.gui.pages.supervisees.base import CARD_FILES
from ips_reflect.gui.pages.supervisees.data import spoken
from ips_reflect.gui.pages.supervisees.reply import ReplyPart, slug, with_suffix
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.workers import on_own_connection
from ips_reflect.gui.widgets import file_dialogs


def ask_card_name(parent: QWidget | None, initial: str = "") -> str | None:
    """The name to put on the key card (``ui/supervisees_name.ui``); None if cancelled."""
    dialog = load_ui("supervisees_name", parent)
    assert isinstance(dialog, QDialog)
    dialog.setWindowTitle(messages.SVS_NAME_TITLE)
    dialog.setAccessibleName(messages.SVS_NAME_TITLE)
    find_child(dialog, QLabel, "cardNamePrompt").setText(messages.SVS_NAME_PROMPT)
    problem = find_child(dialog, QLabel, "cardNameProblem")
    problem.hide()
    edit = find_child(dialog, QLineEdit, "cardNameEdit")
    edit.setText(initial)
    buttons = find_child(dialog, QDialogButtonBox, "cardNameButtons")
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))

    def save() -> None:
        if clean_name(edit.text()):
            dialog.accept()
            return
        problem.setText(messages.SVS_NAME_NEEDED)
        problem.show()
        edit.setFocus()

    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    edit.setFocus()
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return clean_name(edit.text())
    finally:
        dialog.deleteLater()


class KeyCardPart(ReplyPart):
    """The key card and its fingerprint."""

    def save_key_card(self, target: str | Path | None = None, name: str | None = None) -> bool:
        """Write this vault's key card (asking for the name the first time, then where)."""
        if self.vault is None or self._busy:
            return False
        from ips_reflect.ops import exchange as ops
        from ips_reflect.ops.exchange_view import existing_card

        card = existing_card(self.vault)
        if name is None:
            name = card.name if card is not None else ask_card_name(self.view)
            if not name:
                return False
        if target is None:
            chosen = file_dialogs.save_file_name(
                self.view,
                CARD_FILES,
                messages.SVS_CARD_SAVE_TITLE,
                f"{slug(name)}.ipskey",
                messages.SVS_CARD_FILTER,
            )
            if not chosen:
                return False
            target = chosen
        out = with_suffix(str(target), ".ipskey")

        def done(written: Any) -> None:
            self.show_card(written)
            self.card_how.show()
            text = messages.SVS_CARD_SAVED.format(file=out)
            self.say(text)
            self.cardSaved.emit(written.fingerprint)

        return self._start(
            messages.SVS_CARD_SAVING,
            on_own_connection(ops.write_my_card),
            (self.vault, out, name),
            done,
        )

    def show_card(self, card: KeyCard | None) -> None:
        """Show ``card``'s fingerprint, in letters and in words (hidden for None)."""
        if card is None:
            self.fingerprint_label.clear()
            self.fingerprint_label.setAccessibleDescription("")
            self.spoken_label.clear()
            self.card_frame.setAccessibleName(messages.SVS_CARD_HEADING)
            self.card_frame.hide()
            return
        words = spoken(card.fingerprint)
        self.fingerprint_label.setText(card.fingerprint)
        self.fingerprint_label.setAccessibleDescription(words)
        self.spoken_label.setText(messages.SVS_CARD_SPOKEN.format(words=words))
        self.card_frame.setAccessibleName(
            messages.SVS_CARD_NAME.format(name=card.name, code=card.fingerprint)
        )
        self.card_frame.show()
