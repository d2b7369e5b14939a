"""Widget classes that ``.ui`` files name as custom (promoted) widgets.

Kept tiny on purpose: a view only reports what happened through signals; the
logic is in the controllers. Overriding one virtual method (rather than
installing an event filter) means Qt never calls back into Python while the
application is being torn down.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget


class MainWindowView(QMainWindow):
    """The main window's widget (``ui/main_window.ui``)."""

    closeRequested = Signal()  # the window is about to close; save state now

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closeRequested.emit()
        super().closeEvent(event)


class GateDialog(QDialog):
    """Set-up, unlock and recovery dialogs (``ui/setup.ui`` and friends).

    While ``closable`` is false (key derivation running, or a recovery code that
    has not been confirmed yet) Escape and the window's close button do nothing.
    """

    closable = True

    def reject(self) -> None:
        if self.closable:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closable:
            super().closeEvent(event)
        else:
            event.ignore()


# Every class here that a .ui file may use, registered with the loader.
CUSTOM_WIDGETS: tuple[type[QWidget], ...] = (MainWindowView, GateDialog)
