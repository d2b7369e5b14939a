"""The Guide page: browse and search every item of every pack
(see :mod:`~ips_reflect.gui.pages.guide.page`)."""

from ips_reflect.gui.pages.guide.page import GuideController, create_page

__all__ = ["GuideController", "create_page"]
