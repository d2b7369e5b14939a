"""The Flags page: every warning-sign flag in the vault, explained, with its status
(see :mod:`~ips_reflect.gui.pages.flags.page`)."""

from ips_reflect.gui.pages.flags.page import FlagsPage, create_page

__all__ = ["FlagsPage", "create_page"]
