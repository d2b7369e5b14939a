"""The Trends page: four charts of the journal, each with a summary in words
(see :mod:`~ips_reflect.gui.pages.trends.page`)."""

from ips_reflect.gui.pages.trends.page import TrendsController, create_page

__all__ = ["TrendsController", "create_page"]
