"""The base of the pages' controllers: :class:`PageController` keeps the page's view
(the widget loaded from its ``.ui`` file) and the content, which every page reads.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ips_reflect.core.content import Content


class PageController(QObject):
    """A page's controller: :attr:`view` is the widget it drives and :attr:`content`
    the questions, signs and texts it shows."""

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.content = content
