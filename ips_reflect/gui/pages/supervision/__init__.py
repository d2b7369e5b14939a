"""The Supervision page: sessions with a supervisor, built only from what the practitioner
chose to bring (see :mod:`~ips_reflect.gui.pages.supervision.page`)."""

from ips_reflect.gui.pages.supervision.page import SupervisionPage, create_page

__all__ = ["SupervisionPage", "create_page"]
