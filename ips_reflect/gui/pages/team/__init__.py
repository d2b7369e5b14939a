"""The Team page: check the team's bio cards, order people, preview and save the booklet
(see :mod:`~ips_reflect.gui.pages.team.page`)."""

from ips_reflect.gui.pages.team.page import TeamPage, create_page

__all__ = ["TeamPage", "create_page"]
