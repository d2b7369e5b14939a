"""The traffic light of a check, drawn as a shape with a word (never colour alone),
and the styling of banner frames by level.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from ips_reflect import messages
from ips_reflect.gui.widgets.theme import current_theme


class TrafficLight(QWidget):
    """The light as a shape, so it never depends on colour alone.

    Green is a circle with a tick, amber a triangle with "!", red an octagon
    (a stop sign) with a bar. An empty light draws nothing.
    """

    def __init__(self, parent: QWidget | None = None, size: int = 56) -> None:
        super().__init__(parent)
        self._light = ""
        self._size = size
        self.setObjectName("trafficLight")
        self.setFixedSize(size, size)

    @property
    def light(self) -> str:
        return self._light

    def set_light(self, light: str) -> None:
        self._light = light
        names = {
            "green": messages.CHECK_LIGHT_GREEN,
            "amber": messages.CHECK_LIGHT_AMBER,
            "incomplete": messages.CHECK_LIGHT_INCOMPLETE,
            "red": messages.CHECK_LIGHT_RED,
        }
        self.setAccessibleName(messages.FLOW_LIGHT_ACCESSIBLE.format(light=names.get(light, "")))
        self.update()

    def paintEvent(self, _event: Any) -> None:
        if not self._light:
            return
        colors = current_theme().colors
        fill = QColor(colors.get(f"flow_{self._light}", "#888888"))
        mark = QColor(colors.get("flow_mark", "#ffffff"))
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = float(min(self.width(), self.height()))
        m = s * 0.06
        box = QRectF(m, m, s - 2 * m, s - 2 * m)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        pen = QPen(mark, s * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if self._light == "green":
            p.drawEllipse(box)
            p.setPen(pen)
            path = QPainterPath(QPointF(s * 0.3, s * 0.52))
            path.lineTo(QPointF(s * 0.44, s * 0.66))
            path.lineTo(QPointF(s * 0.71, s * 0.37))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        elif self._light == "amber":
            tri = QPolygonF(
                [QPointF(s / 2, m), QPointF(s - m, s - m * 1.5), QPointF(m, s - m * 1.5)]
            )
            path = QPainterPath()
            path.addPolygon(tri)
            path.closeSubpath()
            edge = QPen(fill, s * 0.08)
            edge.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(edge)
            p.drawPath(path)
            p.setPen(pen)
            p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.6))
            p.drawPoint(QPointF(s / 2, s * 0.76))
        elif self._light == "incomplete":
            # A rounded square with three dots: "not enough yet", never a colour alone.
            p.drawRoundedRect(box, s * 0.18, s * 0.18)
            p.setPen(pen)
            for x in (0.3, 0.5, 0.7):
                p.drawPoint(QPointF(s * x, s / 2))
        else:
            import math

            points = []
            r = (s - 2 * m) / 2
            for k in range(8):
                angle = math.pi / 8 + k * math.pi / 4
                points.append(QPointF(s / 2 + r * math.cos(angle), s / 2 + r * math.sin(angle)))
            p.drawPolygon(QPolygonF(points))
            p.setPen(pen)
            p.drawLine(QPointF(s * 0.3, s / 2), QPointF(s * 0.7, s / 2))
        p.end()


def set_banner_level(widget: QWidget, level: str) -> None:
    """Style a banner frame: ``level`` is green, amber, red or notice (see 40-flows.qss)."""
    widget.setProperty("level", level)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget):
        style.unpolish(child)
        style.polish(child)
