"""The Journal editor's live "Worth a pause?" panel.

The same :class:`~ips_reflect.gui.widgets.flag_panel.LiveFlagPanel` as the checks and
reflections, placed *below* the editor in a vertical splitter, so the editor keeps the
pane's full width at every text size; the person can drag the panel smaller or shut
it (the editor itself cannot be collapsed). Neither is ever squeezed below its
minimum (the notes keep :data:`BODY_MIN_LINES` lines): when the text is so large that
both do not fit the pane's height, the pane scrolls. It searches only what is written in the
editor: the title, and the notes when the entry has them (a check or reflection
edited here shows only its title and fields). Ticks and the sharing plan belong to
the checks, so they play no part here.

A flag dismissed with a note while writing is kept with the saved entry as
*resolved*, with the note, exactly as the flows do
(:func:`~ips_reflect.gui.widgets.flag_panel.record_dismissals`)::

    kept = panel.take()          # before the editor is cleared
    ...save the entry...
    changed = panel.keep(vault, entry_uid, kept)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.gui.widgets.flag_panel import LiveFlagPanel, record_dismissals

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

#: Share of the edit pane's height the panel starts with (the editor gets the rest).
PANEL_SHARE = 0.3
#: The notes field never gets fewer lines than this, at any text size.
BODY_MIN_LINES = 4


class JournalFlagPanel(QObject):
    """The live panel under the journal editor; see the module docstring."""

    def __init__(
        self,
        content: Content,
        layout: QLayout,
        editor: QWidget,
        title_edit: QLineEdit,
        body_edit: QPlainTextEdit,
    ) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical)
        super().__init__(splitter)
        self.splitter = splitter
        splitter.setObjectName("editorSplitter")
        splitter.setAccessibleName(messages.JOURNAL_EDITOR_SPLIT_NAME)
        splitter.setChildrenCollapsible(True)
        self.splitter.addWidget(editor)
        self.panel = LiveFlagPanel(content, self.splitter)
        self.splitter.addWidget(self.panel.view)
        self.splitter.setCollapsible(0, False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        splitter.setMinimumWidth(1)  # the pane's width; only its height may scroll
        self.area = QScrollArea()
        self.area.setObjectName("editorScroll")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(splitter)
        layout.addWidget(self.area)
        self.title_edit, self.body_edit = title_edit, body_edit
        self.refresh()
        self._sized = False
        title_edit.textChanged.connect(self.changed)
        body_edit.textChanged.connect(self.changed)

    def text(self) -> str:
        """What the person wrote in the editor (the notes only when they are shown)."""
        parts = [self.title_edit.text()]
        if not self.body_edit.isHidden():
            parts.append(self.body_edit.toPlainText())
        return "\n\n".join(p for p in parts if p.strip())

    def refresh(self) -> None:
        """After a text size change: room for :data:`BODY_MIN_LINES` lines of notes."""
        body = self.body_edit
        margins = body.contentsMargins()
        frame = 2 * body.frameWidth() + margins.top() + margins.bottom()
        lines = BODY_MIN_LINES * body.fontMetrics().lineSpacing()
        body.setMinimumHeight(lines + frame + 2 * round(body.document().documentMargin()))
        self.panel.refresh()

    def changed(self, *_args: object) -> None:
        self._first_sizes()
        text = self.text()
        panel = self.panel
        if not text.strip() and not (panel.flags() or panel.pending or panel.dismissed()):
            # Nothing written, shown or dismissed (the editor was cleared, e.g. when the
            # journal opens): nothing to search. Searching "" anyway would make the
            # first search of the process (its word lists read and prepared, a quarter
            # of a second) on the GUI thread, in the middle of whatever comes next.
            panel.reset()
            return
        panel.update(text)

    def _first_sizes(self) -> None:
        """Give the editor most of the height (at least its minimum) the first time."""
        height = self.splitter.height()
        if self._sized or height < 200:
            return
        self._sized = True
        first = self.splitter.widget(0)
        least = first.minimumSizeHint().height() if first is not None else 0
        editor = max(height - round(height * PANEL_SHARE), least)
        self.splitter.setSizes([editor, max(0, height - editor)])

    def reset(self) -> None:
        """A new entry, another entry, or the editor closed: nothing shown or dismissed."""
        self.panel.reset()

    def take(self) -> dict[tuple[str, str], str]:
        """What was dismissed while writing ((sign, source) -> note); call before the
        editor is cleared."""
        return self.panel.dismissed_by_source()

    def keep(self, vault: Vault, uid: str, dismissed: dict[tuple[str, str], str]) -> list[str]:
        """After the entry ``uid`` was saved: store the dismissed flags as resolved, with
        their notes. Returns ``[uid]`` when something was stored, else ``[]``."""
        if vault is None or not dismissed:
            return []
        entry = vault.entries.get(uid)
        if entry is None:
            return []
        kept = record_dismissals(vault, self.panel.engine, entry, None, dismissed)
        return [uid] if kept else []
