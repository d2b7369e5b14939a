"""The About dialog (``ui/about.ui``): version and the privacy promise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from ips_reflect import __version__, messages
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.widgets.theme import app_icon


def open_about(parent: QWidget | None = None) -> QDialog:
    """Open the About dialog without blocking; it deletes itself when closed."""
    dialog = load_ui("about", parent)
    assert isinstance(dialog, QDialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    find_child(dialog, QLabel, "aboutVersion").setText(
        messages.GUI_ABOUT_VERSION.format(version=__version__)
    )
    find_child(dialog, QLabel, "aboutIcon").setPixmap(app_icon().pixmap(56, 56))
    buttons = find_child(dialog, QDialogButtonBox, "aboutButtons")
    buttons.rejected.connect(dialog.reject)
    buttons.accepted.connect(dialog.accept)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    if close is not None:
        close.setAccessibleName(close.text().replace("&", ""))
        close.setDefault(True)
        close.setFocus()
    # Wrapped labels need the height worked out for the width (any text size).
    layout = dialog.layout()
    width = max(dialog.width(), dialog.fontMetrics().averageCharWidth() * 62)
    height = layout.totalHeightForWidth(width) if layout is not None else dialog.height()
    dialog.resize(width, max(height, dialog.minimumSizeHint().height()))
    dialog.open()
    return dialog
