"""The "Before I share" page: a short stepped check that ends in a traffic light (see
:mod:`~ips_reflect.gui.pages.before.page`)."""

from ips_reflect.gui.pages.before.page import BeforePage, create_page

__all__ = ["BeforePage", "create_page"]
