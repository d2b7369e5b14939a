"""Autosave of unfinished work, and the banner that offers it back.

:class:`DraftKeeper` saves what a page holds into ``vault.drafts`` (inside the
encrypted vault) about a second after the last change, and deletes it when
the work is saved or discarded. Each page session writes under its own key,
``"<key>:<token>"``, so a draft left behind by a crash or a closed window is
never overwritten by new typing: when a page gets its vault it asks
:meth:`DraftKeeper.offered` for the newest left-over draft, and
:class:`DraftBanner` shows a non-modal "Restore your unfinished check from
10:32 · Discard" strip.

Locking keeps the session: before the vault closes, :meth:`DraftKeeper.hold` writes
whatever changed (encrypted, in the vault; the page then clears), and after the
unlock :meth:`DraftKeeper.resume` puts this session's own draft back without asking,
so the person carries on where they were. Quitting holds too; the next start offers
that draft back like any other left-over.

Nothing here shows a dialog, and a failed save (for example because the vault
was locked a moment ago) is remembered in ``last_error`` and never raised into
Qt.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ips_reflect import messages

DEFAULT_DELAY_MS = 1000

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def parse_local(iso: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment


def short_when(iso: str, now: datetime | None = None) -> str:
    """ "10:32" today, "Tue 4 Nov, 10:32" this year, "4 Nov 2025, 10:32" before."""
    moment = parse_local(iso)
    if moment is None:
        return iso
    now = now or datetime.now().astimezone()
    if moment.tzinfo is None and now.tzinfo is not None:
        now = now.replace(tzinfo=None)
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if moment.date() == now.date():
        return clock
    day = f"{moment.day} {_MONTHS[moment.month - 1]}"
    if moment.year == now.year:
        return f"{_WEEKDAYS[moment.weekday()]} {day}, {clock}"
    return f"{day} {moment.year}, {clock}"


def short_date(iso: str) -> str:
    """ "Tue 4 Nov 2025, 10:32" — a full, locale-independent date and time."""
    moment = parse_local(iso)
    if moment is None:
        return iso
    return (
        f"{_WEEKDAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} "
        f"{moment.year}, {moment.hour:02d}:{moment.minute:02d}"
    )


@contextlib.contextmanager
def quietly(page: Any) -> Iterator[None]:
    """While active, a flow page's changes are not treated as typing (no autosave, no
    re-render): for filling its fields from a draft, a plan or a reset."""
    page._loading += 1
    try:
        yield
    finally:
        page._loading -= 1


class DraftKeeper(QObject):
    """Debounced autosave of one page's unfinished work into ``vault.drafts``.

    ``collect()`` returns the page's state as a JSON-able dict (empty when there
    is nothing worth keeping); ``restore(payload)`` puts a saved state back.
    Call :meth:`touch` on every change.
    """

    saved = Signal()  # a draft was written
    failed = Signal(str)  # a draft could not be written (the reason)

    def __init__(
        self,
        vault_getter: Callable[[], Any],
        key: str,
        kind: str,
        collect: Callable[[], dict[str, Any]],
        restore: Callable[[dict[str, Any]], None],
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_getter = vault_getter
        self.key = key
        self.kind = kind
        self.collect = collect
        self.restore = restore
        self.last_error: str | None = None
        self._paused = 0
        self._dirty = False  # changed since the draft was last written or dropped
        self._token = uuid.uuid4().hex[:8]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)

    # -- keys

    @property
    def storage_key(self) -> str:
        """Where this session's draft is kept: ``"<key>:<token>"``."""
        return f"{self.key}:{self._token}"

    def new_session(self) -> None:
        """Start a fresh draft (after the work was saved as an entry)."""
        self._timer.stop()
        self._token = uuid.uuid4().hex[:8]
        self._dirty = False

    # -- saving

    @property
    def pending(self) -> bool:
        """True while a change waits for its autosave."""
        return self._timer.isActive()

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Changes made inside this block are not autosaved (e.g. filling a form)."""
        self._paused += 1
        try:
            yield
        finally:
            self._paused -= 1

    def touch(self) -> None:
        """Something changed: save about a second from now (each change restarts the wait)."""
        if self._paused or self._vault() is None:
            return
        self._dirty = True
        self._timer.start()

    def _vault(self) -> Any:
        vault = self.vault_getter()
        if vault is None or not getattr(vault, "is_open", True):
            return None
        return vault

    def save_now(self) -> bool:
        """Write the draft now (or delete it if the page is empty); False if it could not."""
        self._timer.stop()
        vault = self._vault()
        if vault is None:
            return False
        try:
            payload = self.collect()
            if payload:
                vault.drafts.save(self.storage_key, self.kind, payload)
            else:
                vault.drafts.delete(self.storage_key)
        except Exception as exc:  # a locked or busy vault must not break typing
            self.last_error = str(exc) or type(exc).__name__
            self.failed.emit(self.last_error)
            return False
        self.last_error = None
        self._dirty = False
        if payload:
            self.saved.emit()
        return True

    def flush(self) -> bool:
        """Save at once if a change is waiting (before locking or closing)."""
        if self._timer.isActive():
            return self.save_now()
        return True

    def hold(self) -> bool:
        """Before a lock or quit: write what changed since the last save (nothing if
        nothing did, so a page whose work was saved leaves no draft to offer)."""
        if self._dirty or self._timer.isActive():
            return self.save_now()
        return True

    def resume(self) -> bool:
        """After an unlock: put this session's own draft back, silently (it is what was
        on the page when the vault locked). True if there was one."""
        return self._read(lambda vault: vault.drafts.load(self.storage_key)) is not None

    def discard(self) -> None:
        """Forget this session's draft (after saving the entry, or on Discard)."""
        self._timer.stop()
        self._dirty = False
        vault = self._vault()
        if vault is not None:
            with contextlib.suppress(Exception):
                vault.drafts.delete(self.storage_key)

    def stop(self) -> None:
        """Drop a waiting save without writing (the vault is going away)."""
        self._timer.stop()

    # -- drafts left behind

    def _read(self, find: Callable[[Any], Any]) -> Any:
        """``find(vault)``'s draft put back into the page (None if there is none, the
        vault is closed or it cannot be read)."""
        vault = self._vault()
        if vault is None:
            return None
        try:
            draft = find(vault)
        except Exception:
            return None
        if draft is None:
            return None
        with self.paused():
            self.restore(draft.payload if isinstance(draft.payload, dict) else {})
        return draft

    def offered(self) -> Any:
        """The newest draft of this kind left by an earlier session, or None."""
        vault = self._vault()
        if vault is None:
            return None
        try:
            drafts = vault.drafts.list(self.kind)
        except Exception:
            return None
        prefix = f"{self.key}:"
        for draft in drafts:
            if draft.key.startswith(prefix) and draft.key != self.storage_key:
                return draft
        return None

    def restore_offered(self) -> bool:
        """Put the offered draft back into the page; it then lives on as this session's."""
        draft = self._read(lambda _vault: self.offered())
        vault = self._vault()
        if draft is None or vault is None:
            return False
        with contextlib.suppress(Exception):
            vault.drafts.delete(draft.key)
        self.save_now()
        return True

    def discard_offered(self) -> bool:
        draft = self.offered()
        vault = self._vault()
        if draft is None or vault is None:
            return False
        with contextlib.suppress(Exception):
            vault.drafts.delete(draft.key)
        return True


class DraftBanner(QObject):
    """The "Restore your unfinished check from 10:32 · Discard" strip of a page.

    ``frame`` (from the page's .ui) holds the label ``draftLabel`` and the buttons
    ``draftRestoreButton`` and ``draftDiscardButton``.
    """

    restored = Signal()
    discarded = Signal()

    def __init__(
        self, keeper: DraftKeeper, frame: QWidget, noun: str, parent: QObject | None = None
    ) -> None:
        from ips_reflect.gui.shell.uiloader import find_child

        super().__init__(parent)
        self.keeper = keeper
        self.frame = frame
        self.noun = noun
        self.label = find_child(frame, QLabel, "draftLabel")
        self.restore_button = find_child(frame, QPushButton, "draftRestoreButton")
        self.discard_button = find_child(frame, QPushButton, "draftDiscardButton")
        self.restore_button.clicked.connect(self.restore)
        self.discard_button.clicked.connect(self.discard)
        frame.hide()

    @property
    def shown(self) -> bool:
        return not self.frame.isHidden()

    def refresh(self) -> bool:
        """Show the banner if a left-over draft exists; True if shown."""
        draft = self.keeper.offered()
        if draft is None:
            self.hide()
            return False
        text = messages.FLOW_DRAFT_OFFER.format(noun=self.noun, when=short_when(draft.updated))
        self.label.setText(text)
        self.frame.setAccessibleName(text)
        self.restore_button.setAccessibleName(
            messages.FLOW_DRAFT_RESTORE_ACCESSIBLE.format(noun=self.noun)
        )
        self.discard_button.setAccessibleName(
            messages.FLOW_DRAFT_DISCARD_ACCESSIBLE.format(noun=self.noun)
        )
        self.frame.show()
        return True

    def hide(self) -> None:
        self.frame.hide()
        self.label.setText("")

    def restore(self) -> None:
        if self.keeper.restore_offered():
            self.restored.emit()
        self.refresh()

    def discard(self) -> None:
        if self.keeper.discard_offered():
            self.discarded.emit()
        self.refresh()


def attach_drafts(
    page: Any, view: QWidget, key: str, kind: str, noun: str
) -> tuple[DraftKeeper, DraftBanner]:
    """Autosave for a flow page and the banner that offers its draft back.

    ``page`` has ``_vault``, ``collect_draft()`` and ``restore_draft(payload)``;
    ``view`` holds the ``draftBanner`` frame with its label and two buttons.
    """
    from PySide6.QtWidgets import QFrame

    from ips_reflect.gui.shell.uiloader import find_child
    from ips_reflect.gui.widgets.traffic_light import set_banner_level

    keeper = DraftKeeper(
        lambda: page._vault, key, kind, page.collect_draft, page.restore_draft, parent=page
    )
    banner = DraftBanner(keeper, find_child(view, QFrame, "draftBanner"), noun, parent=page)
    set_banner_level(banner.frame, "notice")
    return keeper, banner
