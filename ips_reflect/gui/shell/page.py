"""What the main window knows about a page: the :class:`Page` protocol and the
:class:`PageSpec` each page's ``create_page`` returns.

The window only ever gives pages the vault (or None on lock) and asks them to save
what is typed; everything else between pages is wired with typed controllers in
:mod:`ips_reflect.gui.shell.app`, so mypy checks every signal and slot it connects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol, TypeVar, runtime_checkable

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


@runtime_checkable
class Page(Protocol):
    """A sidebar page's controller (or another part that follows the vault)."""

    def set_vault(self, vault: Vault | None) -> None:
        """Show ``vault``'s data; None (on lock) clears everything private."""


@runtime_checkable
class Flushable(Protocol):
    def flush(self) -> Any:
        """Save what is typed now (before a lock or quit)."""


C = TypeVar("C")


class PageSpec(NamedTuple, Generic[C]):
    """What the main window needs to add a page (unpacks like a tuple)."""

    key: str
    title: str
    view: QWidget
    controller: C
    icon_name: str
