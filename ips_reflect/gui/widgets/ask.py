"""Asking before doing something: one message box with two buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

_Button = QMessageBox.StandardButton


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    yes: _Button = _Button.Yes,
    no: _Button = _Button.No,
    *,
    warning: bool = False,
) -> bool:
    """Ask in a question (or, with ``warning``, a warning) box whose default button is
    ``no``; True if ``yes`` was pressed."""
    box = QMessageBox.warning if warning else QMessageBox.question
    return box(parent, title, text, yes | no, no) == yes
