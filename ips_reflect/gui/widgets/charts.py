"""Chart colours shared by the Trends and Supervision pages: a series palette per theme
that stays distinct on the theme's background, and axes in the theme's colours.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCharts import QAbstractAxis
from PySide6.QtGui import QBrush, QColor, QFont

from ips_reflect.gui.widgets import theme as theming

#: Series colours per theme, chosen to stay apart on the theme's background
#: (a theme may override them with chart_1 ... chart_5 in its colours).
PALETTES: dict[str, tuple[str, ...]] = {
    "light": ("#1d6b73", "#c2571a", "#6a4bb0", "#2e7d32", "#7b8591"),
    "dark": ("#5cc2cc", "#f2a65a", "#b9a3e6", "#86cf8a", "#a9b4bf"),
    "high_contrast": ("#ffff00", "#00ffff", "#ff80ff", "#00ff00", "#ffffff"),
}


def palette(theme: theming.Theme) -> list[QColor]:
    base = PALETTES.get(theme.name, PALETTES["dark" if theme.dark else "light"])
    return [QColor(theme.colors.get(f"chart_{i + 1}", colour)) for i, colour in enumerate(base)]


def style_axis(axis: QAbstractAxis, colours: Mapping[str, str], font: QFont) -> None:
    """Labels, title, grid and line of ``axis`` in the theme's ``colours``; words in ``font``."""
    axis.setLabelsColor(QColor(colours["text"]))
    axis.setLabelsFont(font)
    axis.setTitleBrush(QBrush(QColor(colours["muted"])))
    axis.setTitleFont(font)
    axis.setGridLineColor(QColor(colours["border"]))
    axis.setLinePenColor(QColor(colours["border_strong"]))
