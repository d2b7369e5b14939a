"""Helpers for the reflection-flow GUI tests (Home, Prepare, Before, After)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ips_reflect.gui.shell.uiloader import load_ui

PLAN = {
    "experiences": [
        {
            "id": "e-redund01",
            "label": "my redundancy",
            "kind": "exp.work_struggles",
            "levels": {
                "client": "briefly",
                "employer": "never",
                "ips_team": "freely",
                "clinical_team": "not_now",
            },
            "notes": "only the outline",
        },
        {
            "id": "e-footy001",
            "label": "five-a-side football",
            "kind": "exp.interests_culture",
            "levels": {"client": "freely", "employer": "freely"},
            "notes": "",
        },
    ],
    "will_not_share": ["my home address"],
}


def show_page(qtbot: Any, controller_cls: type, ui: str, content: Any, vault: Any = None) -> Any:
    """Build a page from its .ui, show it (active, so shortcuts work) and give it the vault."""
    view = load_ui(ui)
    page = controller_cls(view, content)
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    QApplication.processEvents()
    if vault is not None:
        page.set_vault(vault)
    return page


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """Press a key on whatever has focus (as a person at the keyboard would)."""
    qtbot.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def tick(qtbot: Any, box: QAbstractButton) -> None:
    """Click a tick box or radio button on its box (not in the empty space beside it)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out: list[str] = []
    if isinstance(model, QAbstractListModel):  # one column, no children (columnCount is private)
        if parent.isValid():
            return out
        columns = 1
    else:
        columns = model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for col in range(columns):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if value:
                    out.append(str(value))
            out += _model_texts(model, index)
    return out


def all_texts(root: QWidget) -> list[str]:
    """Every piece of text a widget tree holds: labels, boxes, lists, tool tips, a11y."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
            texts += _model_texts(widget.model())
            completer = widget.completer()
            if completer is not None and completer.model() is not None:
                texts += _model_texts(completer.model())
        if isinstance(widget, QLineEdit) and widget.completer() is not None:
            model = widget.completer().model()
            if model is not None:
                texts += _model_texts(model)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
    return [t for t in texts if t]


def assert_no_secret(root: QWidget, secrets: list[str]) -> None:
    texts = all_texts(root)
    for secret in secrets:
        leaks = [t for t in texts if secret.lower() in t.lower()]
        assert not leaks, f"{secret!r} is still shown after locking: {leaks[:3]}"


def assert_text_boxes_empty(root: QWidget) -> None:
    for box in root.findChildren(QLineEdit):
        assert box.text() == "", box.objectName()
        assert not box.isUndoAvailable(), box.objectName()
    for box in root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        assert box.toPlainText() == "", box.objectName()
        assert not box.document().isUndoAvailable(), box.objectName()


def nameless_controls(root: QWidget) -> list[str]:
    """Controls a keyboard can reach that have no accessible name."""
    from PySide6.QtWidgets import QAbstractButton as Button
    from PySide6.QtWidgets import QAbstractItemView as ItemView

    controls = (
        root.findChildren(Button)
        + root.findChildren(QLineEdit)
        + root.findChildren(QComboBox)
        + root.findChildren(QPlainTextEdit)
        + root.findChildren(QTextEdit)
        + root.findChildren(ItemView)
    )
    return [
        f"{type(c).__name__} {c.objectName()}"
        for c in controls
        if not c.accessibleName() and c.focusPolicy() != Qt.FocusPolicy.NoFocus and not _popup(c)
    ]


def _popup(widget: QWidget) -> bool:
    """A drop-down's or completer's own list (named by Qt from its combo box)."""
    parent = widget.parentWidget()
    return widget.isWindow() or (
        parent is not None and parent.inherits("QComboBoxPrivateContainer")
    )


def fast_vault(data_dir: Any) -> Any:
    """A real, unlocked vault with a fast key derivation (the strong, slow one is tested
    with the store). Test modules wrap it as their ``vault`` fixture."""
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    v, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel", kdf=KdfParams(8192, 1, 1))
    try:
        yield v
    finally:
        v.close()
