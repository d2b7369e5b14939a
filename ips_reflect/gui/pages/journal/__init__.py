"""The Journal page: every entry, searched as you type, filtered, read and edited (see
:mod:`~ips_reflect.gui.pages.journal.page`)."""

from ips_reflect.gui.pages.journal.base import FILTERS_KEY
from ips_reflect.gui.pages.journal.page import JournalController, create_page

__all__ = ["FILTERS_KEY", "JournalController", "create_page"]
