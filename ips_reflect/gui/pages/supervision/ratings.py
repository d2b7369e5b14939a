"""SLEF self-ratings: one box per area for the session shown, and a line chart of every
session's ratings with the same in words.
"""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis, QChart, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QWidget

from ips_reflect import messages
from ips_reflect.core.supervision import SLEF_AREAS, rating_series, rating_summary
from ips_reflect.gui.pages.supervision.base import SupervisionBase
from ips_reflect.gui.pages.supervision.data import day_text
from ips_reflect.gui.widgets import theme as theming
from ips_reflect.gui.widgets.charts import palette, style_axis


class RatingsPart(SupervisionBase):
    """The ratings and their chart."""

    # ------------------------------------------------------------------ ratings

    def ratings(self) -> dict[str, int]:
        """This session's ratings as the boxes show them (unrated areas left out)."""
        return {a: b.value() for a, b in self.rating_boxes.items() if b.value() > 0}

    def set_rating(self, area: str, value: int) -> None:
        self.rating_boxes[area].setValue(value)

    def _on_rating_changed(self, area: str) -> None:
        if self._loading or self.vault is None or self.session is None:
            return
        try:
            self.vault.supervision.set_ratings(self.session.id, self.ratings())
        except Exception as exc:
            self._say(messages.SUPV_SAVE_FAILED.format(error=exc))
            return
        value = self.rating_boxes[area].value()
        name = self.area_names[area]
        self._say(
            messages.SUPV_RATING_SAVED.format(area=name, value=value)
            if value
            else messages.SUPV_RATING_CLEARED.format(area=name)
        )
        self._draw_chart()
        self.ratingsSaved.emit(self.session.id)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.tabs.findChild(QWidget, "ratingsTab"):
            self._draw_chart()  # labels along the bottom fit the width it has now

    def _set_chart(self, chart: QChart) -> None:
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def _font(self, scale: float = 1.0) -> QFont:
        font = QFont(self.view.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
        font.setPointSizeF(max(8.0, size * scale))
        return font

    def _draw_chart(self) -> None:
        """The ratings of every session as lines (one per area), and in words."""
        if self.vault is None:
            self._set_chart(QChart())
            return
        series = rating_series(self.vault.supervision.rating_history())
        days = sorted({day for points in series.values() for day, _ in points})
        x_of = {day: float(n) for n, day in enumerate(days)}
        theme = theming.current_theme()
        colours = palette(theme)
        c = theme.colors
        chart = QChart()
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if theme.dark else QChart.ChartTheme.ChartThemeLight
        )
        chart.setBackgroundBrush(QBrush(QColor(c["surface"])))
        chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x_axis.setRange(-0.3, max(len(days) - 0.7, 0.3))
        labels = [day_text(d, weekday=False) for d in days]
        if labels:
            width = max(self.view.fontMetrics().horizontalAdvance(t) for t in labels)
            plot = max(200, self.chart_view.width() - 120)
            every = max(1, -(-len(labels) // max(1, plot // max(1, round(width * 1.4)))))
            for n in range(0, len(labels), every):
                x_axis.append(labels[n], float(n))
        x_axis.setGridLineVisible(False)
        y_axis = QValueAxis()
        y_axis.setRange(0.5, 5.5)
        y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        y_axis.setTickAnchor(1)
        y_axis.setTickInterval(1)
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText(messages.SUPV_CHART_AXIS)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        styles = (
            Qt.PenStyle.SolidLine,
            Qt.PenStyle.DashLine,
            Qt.PenStyle.SolidLine,
            Qt.PenStyle.DotLine,
            Qt.PenStyle.DashDotLine,
            Qt.PenStyle.SolidLine,
        )
        shown = 0
        for n, area in enumerate(SLEF_AREAS):
            points = series.get(area, [])
            if not points:
                continue
            line = QLineSeries()
            line.setName(self.area_names[area])
            line.setObjectName(f"series_{area}")
            # Areas rated the same on the same day would hide each other: nudge a little.
            offset = (n - 2.5) * 0.035
            for day, rating in points:
                line.append(x_of[day], rating + offset)
            line.setProperty("ratings", [r for _d, r in points])
            line.setPointsVisible(True)
            colour = colours[n % len(colours)] if n < 5 else QColor(c["text"])
            pen = QPen(colour)
            pen.setWidthF(3.0 if theme.name == "high_contrast" else 2.4)
            pen.setStyle(styles[n])
            line.setPen(pen)
            line.setColor(colour)
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)
            shown += 1
        for axis in (x_axis, y_axis):
            style_axis(axis, c, self._font(0.9))
        legend = chart.legend()
        legend.setVisible(shown > 0)
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        legend.setLabelColor(QColor(c["text"]))
        legend.setFont(self._font(0.9))
        self._set_chart(chart)
        self.chart_view.setBackgroundBrush(QBrush(QColor(c["surface"])))
        lines = rating_summary(series)
        text = "\n".join(lines) if lines else messages.SUPV_RATINGS_NONE
        self.ratings_summary.setText(text)
        self.ratings_summary.setAccessibleDescription(text)
        self.chart_view.setAccessibleDescription(text)

    def series_points(self) -> dict[str, list[tuple[str, int]]]:
        """What the chart draws: area -> [(day, rating)] (for tests and screen readers)."""
        out: dict[str, list[tuple[str, int]]] = {}
        chart = self.chart_view.chart()
        history = rating_series(self.vault.supervision.rating_history()) if self.vault else {}
        days = sorted({day for points in history.values() for day, _ in points})
        for series in chart.series():
            if not isinstance(series, QLineSeries):
                continue
            area = series.objectName().removeprefix("series_")
            out[area] = [(days[round(p.x())], round(p.y())) for p in series.points()]
        return out
