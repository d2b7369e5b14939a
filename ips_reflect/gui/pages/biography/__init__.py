"""The Biography page: a short "meet the team" biography, privacy-checked as you type
(see :mod:`~ips_reflect.gui.pages.biography.page`)."""

from ips_reflect.gui.pages.biography.page import BiographyPage, create_page

__all__ = ["BiographyPage", "create_page"]
