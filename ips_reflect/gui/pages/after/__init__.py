"""The "After I shared" page: a reflection on how sharing went
(see :mod:`~ips_reflect.gui.pages.after.page`)."""

from ips_reflect.gui.pages.after.page import AfterPage, create_page

__all__ = ["AfterPage", "create_page"]
