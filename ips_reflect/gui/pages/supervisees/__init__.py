"""The Supervisees page: the supervisor's side of supervision, in their own vault (see
:mod:`~ips_reflect.gui.pages.supervisees.page`)."""

from ips_reflect.gui.pages.supervisees.page import SuperviseesPage, create_page

__all__ = ["SuperviseesPage", "create_page"]
