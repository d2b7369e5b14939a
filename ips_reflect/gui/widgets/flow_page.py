"""The bases of the flow pages' controllers: :class:`FlowPage` (Prepare, Before, After)
holds the open vault, the sharing plan and the drafts, and locks and unlocks;
:class:`EntryFlowPage` (Before, After) adds the entry saved in this session, the live
flag panel and saving the entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.plan import SharingPlan
from ips_reflect.errors import UserError
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.gui.widgets.traffic_light import TrafficLight

if TYPE_CHECKING:
    from ips_reflect.gui.widgets.drafts import DraftBanner, DraftKeeper
    from ips_reflect.gui.widgets.flag_panel import LiveFlagPanel
    from ips_reflect.store.vault import Vault


def held_light(holder: QWidget, size: int) -> TrafficLight:
    """A traffic light filling ``holder`` (a place kept for it in a ``.ui`` file)."""
    light = TrafficLight(holder, size=size)
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(light)
    return light


class FlowPage(PageController):
    """What the flow pages share; subclasses make :attr:`keeper` and
    :attr:`draft_banner` and write :meth:`_locked` and :meth:`_unlocked`."""

    keeper: DraftKeeper
    draft_banner: DraftBanner

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self._vault: Vault | None = None
        self.plan = SharingPlan()
        self._loading = 0

    def set_vault(self, vault: Vault | None) -> None:
        """The open vault after unlock; None on lock (clears every field and disables)."""
        if vault is None:
            self.keeper.stop()
            self._vault = None
            self._locked()
            self.draft_banner.hide()
            self.view.setEnabled(False)
            return
        self._vault = vault
        self.view.setEnabled(True)
        self._unlocked(vault)
        if self.keeper.resume():  # back where the lock found it
            self._after_restore()
        self.draft_banner.refresh()

    def flush_drafts(self) -> bool:
        """Keep what is typed as this session's draft (before locking or quitting)."""
        return self.keeper.hold()

    def _after_restore(self) -> None:
        """A draft was put back into the page (pages may re-check or re-focus)."""

    def _locked(self) -> None:
        """Empty the page on lock."""
        raise NotImplementedError

    def _unlocked(self, vault: Vault) -> None:
        """Fill the page from ``vault`` on unlock."""
        raise NotImplementedError


class EntryFlowPage(FlowPage):
    """What the Before and After pages share; subclasses make :attr:`live_flags` too."""

    live_flags: LiveFlagPanel

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self._saved: Entry | None = None

    def _complete_aliases(self, edit: QLineEdit) -> None:
        """Offer the client aliases already used as ``edit`` is typed in."""
        self._aliases = QStringListModel(self)
        completer = QCompleter(self._aliases, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(completer)

    def _lock_entry(self) -> None:
        """Forget the plan, clear every field and the aliases offered."""
        self.plan = SharingPlan()
        self._clear_all()
        self._aliases.setStringList([])

    def _latest_plan(self, vault: Vault) -> SharingPlan:
        latest = vault.plans.latest()
        return SharingPlan.from_payload(latest.payload if latest else None)

    # ------------------------------------------------------------------ saving

    def _as_saved(self, entry: Entry) -> Entry:
        """``entry`` as the one saved in this session (so saving again updates it)."""
        if self._saved is None:
            return entry
        return replace(entry, uid=self._saved.uid, created=self._saved.created, id=self._saved.id)

    def _store(self, on_error: Callable[[str], object]) -> Entry | None:
        """Save the entry (a second save updates it) and end the draft session; None
        when locked, or when the vault refuses (``on_error`` is told why)."""
        if self._vault is None:
            return None
        entry = self.build_entry()
        try:
            if self._saved is None:
                stored = self._vault.entries.add(entry)
            else:
                stored = self._vault.entries.update(entry)
        except UserError as exc:
            on_error(exc.message)
            return None
        self._saved = stored
        self.live_flags.keep_dismissals(self._vault, stored, self.plan)
        self.keeper.discard()
        self.keeper.new_session()
        return stored

    # ------------------------------------------------------------------ for subclasses

    def build_entry(self) -> Entry:
        raise NotImplementedError

    def _clear_all(self) -> None:
        raise NotImplementedError
