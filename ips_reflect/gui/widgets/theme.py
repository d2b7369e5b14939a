"""Themes: the palette and the stylesheet, built from ``resources/styles``.

* ``resources/styles/themes/<name>.json`` holds a theme's colours, sizes and
  images (file names in ``resources/icons``, for ``url(@name)``).
* ``resources/styles/NN-*.qss`` are small stylesheets, applied in file-name order,
  with ``@name`` placeholders. Each placeholder is a colour or size from the theme,
  or one worked out here from the text size (``font_large``, ``font_title``...)
  and the focus outline width (``pad_v``, ``pad_rest_v``...).

:func:`apply_theme` sets the Fusion style, the palette, the application font and
the stylesheet together, so switching theme or text size is live.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ips_reflect import paths
from ips_reflect.core.settings import DEFAULT_THEME, THEMES, clamp_font_size

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap  # drawn icons only: not loaded before the first window

FONT_FAMILY = "DejaVu Sans"
#: The application's dynamic property naming the Qt style it was given (Fusion always).
STYLE_PROPERTY = "ipsReflectStyle"
#: Command-line arguments a new QApplication starts with: Fusion from the start.
STYLE_ARGS = ["-style", "Fusion"]

_VARIABLE = re.compile(r"@([A-Za-z_][A-Za-z0-9_]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)

# Inner spacing of text boxes and buttons when they have focus; at rest the
# padding grows by (focus width - border width) so nothing moves on focus.
_PAD_V = 4
_PAD_H = 8
_BUTTON_PAD_H = 14


class ThemeError(RuntimeError):
    """A theme or stylesheet file is broken: a packaging bug."""


@dataclass(frozen=True)
class Theme:
    name: str
    label: str
    dark: bool
    colors: dict[str, str]
    sizes: dict[str, str]
    images: dict[str, str]

    def color(self, key: str) -> QColor:
        return QColor(self.colors[key])


def themes_dir() -> Path:
    return paths.resource("styles", "themes")


def style_files() -> list[Path]:
    """The stylesheet pieces, in the order they are applied."""
    return sorted(paths.resource("styles").glob("*.qss"))


@cache
def load_theme(name: str) -> Theme:
    if name not in THEMES:
        raise ThemeError(f"unknown theme '{name}'; the themes are {', '.join(THEMES)}")
    path = themes_dir() / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Theme(
            name=name,
            label=str(data["label"]),
            dark=bool(data.get("dark", False)),
            colors={str(k): str(v) for k, v in data["colors"].items()},
            sizes={str(k): str(v) for k, v in data["sizes"].items()},
            images={str(k): str(v) for k, v in data.get("images", {}).items()},
        )
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise ThemeError(f"the theme file {path} is broken: {exc}") from exc


def _px(value: str) -> int:
    return int(value.removesuffix("px"))


def variables(theme: Theme, font_pt: int) -> dict[str, str]:
    """Every ``@name`` a stylesheet may use, for this theme and text size."""
    pt = clamp_font_size(font_pt)
    extra = max(0, _px(theme.sizes["focus_width"]) - _px(theme.sizes["border_width"]))
    values = {**theme.colors, **theme.sizes}
    indicator = max(14, round(pt * 1.3))
    for key, file_name in theme.images.items():
        values[key] = '"' + paths.resource("icons", file_name).as_posix() + '"'
    points = {
        "font_size": pt,
        "font_small": max(7, round(pt * 0.9)),
        "font_large": round(pt * 1.25),
        "font_title": round(pt * 1.6),
    }
    pixels = {
        "pad_v": _PAD_V,
        "pad_h": _PAD_H,
        "pad_rest_v": _PAD_V + extra,
        "pad_rest_h": _PAD_H + extra,
        "btn_pad_h": _BUTTON_PAD_H,
        "btn_pad_rest_h": _BUTTON_PAD_H + extra,
        # tick boxes and radio rings grow with the text
        "indicator": indicator,
        "indicator_radius": indicator // 2 + 1,
    }
    values.update({name: f"{size}pt" for name, size in points.items()})
    values.update({name: f"{size}px" for name, size in pixels.items()})
    return values


def substitute(text: str, values: dict[str, str], where: str = "stylesheet") -> str:
    """Replace ``@name`` placeholders; an unknown name is an error, not a blank."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ThemeError(f"{where}: unknown variable @{name}")
        return values[name]

    return _VARIABLE.sub(replace, _COMMENT.sub("", text))


def render_stylesheet(theme: Theme, font_pt: int) -> str:
    values = variables(theme, font_pt)
    parts = []
    for path in style_files():
        text = substitute(path.read_text(encoding="utf-8"), values, path.name)
        parts.append(f"/* {path.name} */\n{text.strip()}\n")
    return "\n".join(parts)


def build_palette(theme: Theme) -> QPalette:
    c = theme.color
    role = QPalette.ColorRole
    colours = {
        role.Window: c("window"),
        role.WindowText: c("text"),
        role.Base: c("surface"),
        role.AlternateBase: c("surface_alt"),
        role.Text: c("text"),
        role.Button: c("button"),
        role.ButtonText: c("button_text"),
        role.BrightText: c("focus"),
        role.Highlight: c("selection"),
        role.HighlightedText: c("selection_text"),
        role.ToolTipBase: c("tooltip"),
        role.ToolTipText: c("tooltip_text"),
        role.PlaceholderText: c("muted"),
        role.Link: c("link"),
        role.LinkVisited: c("link"),
        role.Light: c("surface"),
        role.Midlight: c("surface_alt"),
        role.Mid: c("border"),
        role.Dark: c("border_strong"),
        role.Shadow: c("border_strong"),
    }
    accent = getattr(role, "Accent", None)  # Qt 6.6+
    if accent is not None:
        colours[accent] = c("accent")
    palette = QPalette()
    group = QPalette.ColorGroup
    for g in (group.Active, group.Inactive, group.Disabled):
        for r, colour in colours.items():
            palette.setColor(g, r, colour)
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, c("disabled_text"))
    return palette


_fonts_loaded: str | None = None


def load_fonts() -> str | None:
    """Add the bundled DejaVu fonts once; the family name, or None if unavailable."""
    global _fonts_loaded
    if _fonts_loaded is None:
        family = ""
        for path in sorted(paths.resource("fonts").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0 and not family:
                families = QFontDatabase.applicationFontFamilies(font_id)
                family = families[0] if families else ""
        _fonts_loaded = family
    return _fonts_loaded or None


def apply_theme(app: QApplication, name: str, font_pt: int, force: bool = False) -> Theme:
    """Make ``name`` and ``font_pt`` the look of the whole application, now.

    Does nothing when that look is already applied (unless ``force``).
    """
    theme = load_theme(name if name in THEMES else DEFAULT_THEME)
    pt = clamp_font_size(font_pt)
    look = (id(app), theme.name, pt)
    if not force and _applied["look"] == look:
        return theme
    sheet = render_stylesheet(theme, pt)
    if app.styleSheet():
        # Qt re-polishes a changed application style sheet by walking each widget's
        # children again for every widget (seconds with every page built); dropping the
        # old sheet and setting the new one are one quick pass over the widgets each.
        app.setStyleSheet("")
    if app.property(STYLE_PROPERTY) != "fusion":  # (asking app.style() costs ~5 ms once)
        app.setStyle("Fusion")
        app.setProperty(STYLE_PROPERTY, "fusion")
    palette = build_palette(theme)
    if app.palette() != palette:
        app.setPalette(palette)
    font = QFont(app.font())
    family = load_fonts()
    if family:
        font.setFamily(family)
    font.setPointSize(pt)
    if app.font() != font:
        app.setFont(font)
    app.setStyleSheet(sheet)
    _applied["look"] = look
    _applied["theme"] = theme.name
    return theme


# What apply_theme last did (the app's id, theme name, text size).
_applied: dict[str, object] = {"look": None, "theme": DEFAULT_THEME}


def current_theme() -> Theme:
    """The theme last applied (light before any)."""
    name = _applied["theme"]
    return load_theme(name if isinstance(name, str) and name in THEMES else DEFAULT_THEME)


@cache
def _svg_source(name: str) -> str:
    return paths.resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def _svg_pixmap(name: str, colour: str) -> QPixmap:
    # Pixmaps are not cached at module level: they must not outlive the app.
    svg = _svg_source(name).replace("currentColor", colour)
    from PySide6.QtGui import QPixmap

    pixmap = QPixmap()
    if not pixmap.loadFromData(QByteArray(svg.encode("utf-8")), "SVG"):
        raise ThemeError(f"cannot draw the icon resources/icons/{name}.svg")
    return pixmap


def themed_icon(name: str, theme: Theme | None = None, colour: str = "icon") -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` drawn in one of the theme's colours.

    ``currentColor`` in the SVG becomes ``theme.colors[colour]``; selected rows
    get the ``icon_selected`` colour so the icon stays visible on the highlight.
    """
    theme = theme or current_theme()
    icon = QIcon(_svg_pixmap(name, theme.colors[colour]))
    icon.addPixmap(_svg_pixmap(name, theme.colors["icon_selected"]), QIcon.Mode.Selected)
    return icon


def app_icon() -> QIcon:
    return QIcon(str(paths.resource("icons", "app.svg")))
