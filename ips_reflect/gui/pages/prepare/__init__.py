"""The Prepare page: the Box 1 workbook that produces the personal sharing plan (see
:mod:`~ips_reflect.gui.pages.prepare.page`)."""

from ips_reflect.gui.pages.prepare.page import PreparePage, create_page

__all__ = ["PreparePage", "create_page"]
