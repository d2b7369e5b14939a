"""Widget classes that ``.ui`` files name as custom (promoted) widgets.

Kept tiny on purpose: a view only reports what happened through signals; the
logic is in the controllers. Overriding one virtual method (rather than
installing an event filter) means Qt never calls back into Python while the
application is being torn down.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from ips_reflect.gui.widgets.dialog_fit import ScrollContents


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
    #: Deleted once closed (the gate's dialogs). Qt's WA_DeleteOnClose is set as it
    #: closes, not when it is built: the attribute is a ``Qt`` enumeration, and the
    #: unlock window shows before that namespace is loaded (~10 ms at start-up).
    delete_on_close = False

    def _closing(self) -> None:
        if self.delete_on_close:
            from PySide6.QtCore import Qt

            self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def reject(self) -> None:
        if self.closable:
            super().reject()

    def done(self, result: int) -> None:
        self._closing()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closable:
            self._closing()
            super().closeEvent(event)
        else:
            event.ignore()


class PageView(QWidget):
    """A page (``ui/journal.ui``, ``ui/trends.ui``) that owns a few keys while focus is
    anywhere inside it, and says when it is shown.

    ``claimed_keys`` holds key sequences in portable text (``"Ctrl+F"``, ``"Del"``).
    While focus is inside the page, these win over window-wide shortcuts with the
    same keys (Qt offers the key to the focused widget and its parents first; a text
    box keeps its own Ctrl+Z). Pressing one emits ``keyPressed`` with its text.
    """

    keyPressed = Signal(str)
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claimed_keys: frozenset[str] = frozenset()

    @staticmethod
    def key_text(event: QKeyEvent) -> str:
        return QKeySequence(event.keyCombination()).toString(
            QKeySequence.SequenceFormat.PortableText
        )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.key_text(event) in self.claimed_keys
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = self.key_text(event)
        if key in self.claimed_keys:
            event.accept()
            self.keyPressed.emit(key)
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()


# Every class here that a .ui file may use, registered with the loader.
CUSTOM_WIDGETS: tuple[type[QWidget], ...] = (MainWindowView, GateDialog, PageView, ScrollContents)
