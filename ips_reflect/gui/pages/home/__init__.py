"""The Home page: a greeting, the shares waiting for a reflection, quick starts
(see :mod:`~ips_reflect.gui.pages.home.page`)."""

from ips_reflect.gui.pages.home.page import HomePage, create_page

__all__ = ["HomePage", "create_page"]
