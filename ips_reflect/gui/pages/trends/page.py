"""The Trends page: four charts of the journal, each with a summary in words.

The numbers come from :mod:`ips_reflect.core.trends` (plain Python, unit-tested);
this module only draws them with QtCharts in the app's theme:

1. shares per week (or month) by audience, stacked bars;
2. warning signs over time by sign, lines with points;
3. positive reasons given, horizontal bars;
4. how shares went (the reflections' 1-5 rating), bars.

Under each chart a selectable label says the same in words (also its accessible
description), so the page is complete for screen readers and anyone who
prefers words to pictures. Colours come from the theme (text, surface, grid)
plus a palette per theme that stays distinct on its background; the legend and
the words never rely on colour alone.

The page reads the vault when it is shown, when the period changes, and after
:meth:`TrendsController.mark_stale` (connect the Journal's ``entriesChanged``).
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.trends import (
    DEFAULT_PERIOD,
    HOW_IT_WENT_QUESTION,
    OTHER_SIGNS,
    PERIODS,
    TrendReport,
    buckets,
    build_report,
)
from ips_reflect.gui.shell.page import PageSpec
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.shell.views import PageView
from ips_reflect.gui.widgets import theme as theming
from ips_reflect.gui.widgets.charts import palette, style_axis
from ips_reflect.gui.widgets.controller import PageController
from ips_reflect.store import keys
from ips_reflect.store.journal_index import trend_inputs

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault

PAGE_KEY = "trends"
PERIOD_KEY = keys.TRENDS_PERIOD
CHART_KEYS = ("shares", "signs", "reasons", "ratings")


def create_page(content: Content) -> PageSpec[TrendsController]:
    """The Trends page: ``key, title, view, controller, icon_name``."""
    view = load_ui("trends")
    controller = TrendsController(view, content)
    return PageSpec(PAGE_KEY, messages.TRENDS_PAGE_TITLE, view, controller, "trends")


class TrendsController(PageController):
    """Wires ``ui/trends.ui`` to the vault; see the module docstring."""

    updated = Signal()  # the charts show a new report

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)
        self.vault: Vault | None = None
        self.report: TrendReport | None = None
        self.today: date | None = None  # None: today (tests and benchmarks may pin it)
        self._stamp: int | None = None
        self._stale = True
        self.period_combo = find_child(view, QComboBox, "trendsPeriodCombo")
        for key, label in messages.TRENDS_PERIOD_NAMES.items():
            self.period_combo.addItem(label, key)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(DEFAULT_PERIOD)))
        self.period_combo.currentIndexChanged.connect(self._on_period)
        self.titles: dict[str, QLabel] = {}
        self.summaries: dict[str, QLabel] = {}
        self.views: dict[str, QChartView] = {}
        for key in CHART_KEYS:
            self.titles[key] = find_child(view, QLabel, f"{key}Title")
            self.summaries[key] = find_child(view, QLabel, f"{key}Summary")
            host = find_child(view, QWidget, f"{key}ChartHost")
            chart_view = QChartView(host)
            chart_view.setObjectName(f"{key}Chart")
            chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            chart_view.setFixedHeight(max(280, view.fontMetrics().height() * 17))
            chart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout = host.layout()
            assert layout is not None
            layout.addWidget(chart_view)
            self.views[key] = chart_view
        if isinstance(view, PageView):
            view.shown.connect(self.update_if_stale)
        self.set_vault(None)

    # -- vault

    def set_vault(self, vault: Vault | None) -> None:
        self.vault = vault
        self.report = None
        self._stamp = None
        self._stale = True
        if vault is None:
            self.view.setEnabled(False)
            self._clear()
            return
        self.view.setEnabled(True)
        saved = None
        try:
            saved = vault.kv.get(PERIOD_KEY)
        except Exception:
            saved = None
        if isinstance(saved, str) and saved in PERIODS:
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(saved)))
            self.period_combo.blockSignals(False)
        if self.view.isVisible():
            self.update_now()

    def mark_stale(self) -> None:
        """Entries changed: read again the next time the page is shown (now if shown)."""
        self._stale = True
        if self.view.isVisible():
            self.update_now()

    @property
    def period(self) -> str:
        return str(self.period_combo.currentData() or DEFAULT_PERIOD)

    def set_period(self, period: str) -> None:
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(period)))

    def _on_period(self, _index: int) -> None:
        if self.vault is not None:
            with contextlib.suppress(Exception):
                self.vault.kv.set(PERIOD_KEY, self.period)
            self.update_now()

    def _db_stamp(self) -> int | None:
        try:
            assert self.vault is not None
            return int(self.vault.db.scalar("SELECT total_changes()"))
        except Exception:
            return None

    def update_if_stale(self) -> None:
        if self.vault is None:
            return
        if self._stale or self.report is None or self._db_stamp() != self._stamp:
            self.update_now()

    def update_now(self) -> TrendReport | None:
        """Read the vault and redraw every chart."""
        if self.vault is None:
            return None
        period = self.period
        since = buckets(period, self.today)[0].start
        entries, points = trend_inputs(self.vault.db, since)
        self._stamp = self._db_stamp()
        self._stale = False
        self.report = build_report(entries, points, period, self.today, label=self._label)
        self._draw()
        self.updated.emit()
        return self.report

    def _label(self, item_id: str) -> str:
        item = self.content.get(item_id)
        return item.label if item is not None else item_id.replace("_", " ")

    def refresh(self) -> None:
        """Redraw in the current theme and text size (after a change)."""
        height = max(280, self.view.fontMetrics().height() * 17)
        for chart_view in self.views.values():
            chart_view.setFixedHeight(height)
        if self.report is not None:
            self._draw()

    # -- drawing

    def _clear(self) -> None:
        for key in CHART_KEYS:
            self.views[key].setChart(QChart())
            self.views[key].setAccessibleDescription("")
            self.summaries[key].clear()
            self.summaries[key].setAccessibleDescription("")
        self._style_charts()

    def _draw(self) -> None:
        r = self.report
        if r is None:
            return
        unit = PERIODS.get(r.period, PERIODS[DEFAULT_PERIOD])[1]
        titles = {
            "shares": messages.TRENDS_SHARES_TITLE_WEEK
            if unit == "week"
            else messages.TRENDS_SHARES_TITLE_MONTH,
            "signs": messages.TRENDS_SIGNS_TITLE,
            "reasons": messages.TRENDS_REASONS_TITLE,
            "ratings": messages.TRENDS_RATINGS_TITLE,
        }
        texts = {
            "shares": r.shares_text,
            "signs": r.signs_text,
            "reasons": r.reasons_text,
            "ratings": r.ratings_text,
        }
        charts = {
            "shares": self._shares_chart(r),
            "signs": self._signs_chart(r),
            "reasons": self._reasons_chart(r),
            "ratings": self._ratings_chart(r),
        }
        for key in CHART_KEYS:
            title, text = titles[key], texts[key]
            self.titles[key].setText(title)
            old = self.views[key].chart()
            self.views[key].setChart(charts[key])
            if old is not None:
                old.deleteLater()
            self.views[key].setAccessibleName(messages.TRENDS_CHART_NAME.format(title=title))
            self.views[key].setAccessibleDescription(text)
            label = self.summaries[key]
            label.setText(text)
            label.setAccessibleName(messages.TRENDS_SUMMARY_NAME.format(title=title))
            label.setAccessibleDescription(text)
            find_child(self.view, QWidget, f"{key}Card").setAccessibleName(title)
        self._style_charts()

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.view.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
        font.setPointSizeF(max(9.0, size * scale))
        font.setBold(bold)
        return font

    def _style_charts(self) -> None:
        theme = theming.current_theme()
        c = theme.colors
        for key in CHART_KEYS:
            chart = self.views[key].chart()
            chart.setTheme(
                QChart.ChartTheme.ChartThemeDark
                if theme.dark
                else QChart.ChartTheme.ChartThemeLight
            )
            chart.setBackgroundBrush(QBrush(QColor(c["surface"])))
            chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
            chart.setBackgroundRoundness(0)
            chart.setPlotAreaBackgroundVisible(False)
            chart.setMargins(QMargins(4, 4, 4, 4))
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            legend = chart.legend()
            legend.setLabelColor(QColor(c["text"]))
            legend.setFont(self._font(0.95))
            legend.setAlignment(
                Qt.AlignmentFlag.AlignRight
                if chart.property("legendRight")
                else Qt.AlignmentFlag.AlignBottom
            )
            for axis in chart.axes():
                style_axis(axis, c, self._font(0.9))
                axis.setShadesVisible(False)
            self.views[key].setBackgroundBrush(QBrush(QColor(c["surface"])))
        self._colour_series(theme)

    def _colour_series(self, theme: theming.Theme) -> None:
        colours = palette(theme)
        outline = QColor(theme.colors["surface"])
        contrast = theme.name == "high_contrast"
        for key in CHART_KEYS:
            chart = self.views[key].chart()
            for series in chart.series():
                if isinstance(series, QAbstractBarSeries):
                    for i, bar_set in enumerate(series.barSets()):
                        index = bar_set.property("colourIndex")
                        colour = colours[(i if index is None else int(index)) % len(colours)]
                        bar_set.setColor(colour)
                        bar_set.setBorderColor(
                            QColor(theme.colors["text"]) if contrast else outline
                        )
                        bar_set.setLabelColor(QColor(theme.colors["text"]))
                elif isinstance(series, QLineSeries):
                    found = series.property("colourIndex")
                    index = 0 if found is None else int(found)
                    pen = QPen(colours[index % len(colours)])
                    pen.setWidthF(3.0 if contrast else 2.5)
                    series.setPen(pen)
                    series.setColor(colours[index % len(colours)])

    # -- the four charts

    @staticmethod
    def _value_axis(top: int, title: str) -> QValueAxis:
        axis = QValueAxis()
        top = max(top, 1)
        step = 1 if top <= 6 else 2 if top <= 12 else 5 if top <= 30 else 10 if top <= 60 else 0
        if step:
            top = ((top + step - 1) // step) * step
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(0)
            axis.setTickInterval(step)
        axis.setRange(0, top)
        axis.setLabelFormat("%d")
        axis.setTitleText(title)
        return axis

    def _time_axis(self, r: TrendReport, key: str) -> QCategoryAxis:
        """Weeks or months along the bottom, labelled as often as they fit."""
        axis = QCategoryAxis()
        n = len(r.buckets)
        axis.setRange(-0.5, n - 0.5)
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        label_w = max(self.view.fontMetrics().horizontalAdvance(b.label) for b in r.buckets)
        plot_w = max(200, self.views[key].width() - 140)
        fits = max(1, plot_w // max(1, round(label_w * 1.5)))
        every = max(1, -(-n // fits))
        for i in range(0, n, every):
            axis.append(r.buckets[i].label, float(i))
        axis.setGridLineVisible(False)
        axis.setProperty("bucketLabels", [b.label for b in r.buckets])
        return axis

    def _stacked(
        self,
        r: TrendReport,
        key: str,
        keys: list[str],
        counts: dict[str, tuple[int, ...]],
        names: dict[str, str],
        colour_of: dict[str, int],
        title: str,
    ) -> QChart:
        chart = QChart()
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        for k in keys:
            bar_set = QBarSet(names.get(k, k))
            bar_set.setProperty("colourIndex", colour_of.get(k, 4))
            bar_set.append([float(v) for v in counts[k]])
            series.append(bar_set)
        chart.addSeries(series)
        x = self._time_axis(r, key)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        per_bucket = [sum(counts[k][i] for k in keys) for i in range(len(r.buckets))]
        y = self._value_axis(max(per_bucket, default=0), title)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        chart.legend().setVisible(bool(keys))
        return chart

    def _shares_chart(self, r: TrendReport) -> QChart:
        order = ["client", "employer", "ips_team", "clinical_team", "none"]
        return self._stacked(
            r,
            "shares",
            r.shares.keys,
            r.shares.counts,
            dict(messages.TRENDS_AUDIENCE_LEGEND),
            {k: i for i, k in enumerate(order)},
            messages.TRENDS_AXIS_SHARES,
        )

    def _signs_chart(self, r: TrendReport) -> QChart:
        names = {
            k: messages.TRENDS_OTHER_SIGNS.capitalize() if k == OTHER_SIGNS else self._label(k)
            for k in r.signs.keys
        }
        colours = {k: 4 if k == OTHER_SIGNS else i for i, k in enumerate(r.signs.keys)}
        chart = self._stacked(
            r, "signs", r.signs.keys, r.signs.counts, names, colours, messages.TRENDS_AXIS_SIGNS
        )
        chart.setProperty("legendRight", True)
        return chart

    @staticmethod
    def _one_bar_set(
        series: QAbstractBarSeries, name: str, colour: int, values: list[float]
    ) -> QChart:
        """A chart of ``series`` holding one set of bars, each labelled with its value."""
        chart = QChart()
        bar_set = QBarSet(name)
        bar_set.setProperty("colourIndex", colour)
        bar_set.append(values)
        series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        return chart

    def _reasons_chart(self, r: TrendReport) -> QChart:
        used = list(reversed(r.reasons[:8]))  # the most given at the top
        series = QHorizontalBarSeries()
        chart = self._one_bar_set(
            series, messages.TRENDS_AXIS_TIMES, 3, [float(n) for _, n in used]
        )
        y = QBarCategoryAxis()
        y.append([self._label(reason) for reason, _ in used] or [" "])
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        top = max((n for _, n in used), default=0)
        x = self._value_axis(top + max(1, top // 8), messages.TRENDS_AXIS_TIMES)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        chart.legend().setVisible(False)
        return chart

    def _ratings_chart(self, r: TrendReport) -> QChart:
        series = QBarSeries()
        chart = self._one_bar_set(
            series, messages.TRENDS_AXIS_REFLECTIONS, 0, [float(n) for n in r.ratings.counts]
        )
        x = QBarCategoryAxis()
        x.append([str(n) for n in range(1, 6)])
        item = self.content.get(HOW_IT_WENT_QUESTION)
        low = item.scale_low if item is not None and item.scale_low else "1"
        high = item.scale_high if item is not None and item.scale_high else "5"
        x.setTitleText(messages.TRENDS_RATING_AXIS.format(low=low, high=high))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        top = max(r.ratings.counts)
        y = self._value_axis(top + max(1, top // 8), messages.TRENDS_AXIS_REFLECTIONS)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        chart.legend().setVisible(False)
        return chart

    # -- for tests and screen readers

    def series_counts(self, key: str) -> dict[str, list[float]]:
        """What a chart draws: series (or bar set) name -> values."""
        out: dict[str, list[float]] = {}
        for series in self.views[key].chart().series():
            if isinstance(series, QLineSeries):
                out[series.name()] = [p.y() for p in series.points()]
            elif isinstance(series, QAbstractBarSeries):
                for bar_set in series.barSets():
                    out[bar_set.label()] = [bar_set.at(i) for i in range(bar_set.count())]
        return out

    def categories(self, key: str) -> list[str]:
        """The categories along a chart: every week or month, reason or rating."""
        for axis in self.views[key].chart().axes():
            if isinstance(axis, QBarCategoryAxis):
                return list(axis.categories())
            if isinstance(axis, QCategoryAxis):
                return list(axis.property("bucketLabels") or [])
        return []
