"""Small helpers that look at the GUI the way a person would."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView


def visible_rows(tree: QTreeView) -> list[str]:
    """The labels of the rows a person can see (expanded parents only), in order."""
    rows = []
    model = tree.model()
    index = model.index(0, 0, QModelIndex())
    while index.isValid():
        rows.append(str(index.data()))
        index = tree.indexBelow(index)
    return rows
