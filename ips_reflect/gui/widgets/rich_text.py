"""Rich-text style sheets: the rules every pane starts with (:func:`prose_css`, the
entry view's too) and the detail panes that show content items: the Guide's detail
pane and the Flags page's (which adds its own rules on top).
"""

from __future__ import annotations

from ips_reflect.gui.widgets.theme import Theme


def prose_css(theme: Theme, item_gap: int) -> str:
    """The rules every rich-text pane starts with: text and link colours, and the
    spacing of paragraphs, lists and (``item_gap`` pixels) list items."""
    c = theme.colors
    return f"""
        body {{ color: {c["text"]}; }}
        p {{ margin-top: 0px; margin-bottom: 8px; }}
        ul {{ margin-top: 0px; margin-bottom: 8px; }}
        li {{ margin-bottom: {item_gap}px; }}
        a {{ color: {c["link"]}; }}
    """


def detail_css(theme: Theme, point_size: int) -> str:
    """The detail pane's rich-text style for a theme and text size.

    Titles are paragraphs with a class (not h1/h2) so their size follows the
    text size setting exactly.
    """
    c = theme.colors
    return (
        prose_css(theme, item_gap=4)
        + f"""
        .title {{ font-size: {round(point_size * 1.45)}pt; font-weight: bold;
                  color: {c["heading"]}; margin-top: 2px; margin-bottom: 8px; }}
        .heading {{ font-weight: bold; color: {c["heading"]};
                    margin-top: 14px; margin-bottom: 4px; }}
        .kicker {{ font-weight: bold; color: {c["accent"]}; margin-bottom: 4px; }}
        .kicker-warning_sign {{ color: {c["warning_sign"]}; }}
        .kicker-reason {{ color: {c["reason"]}; }}
        .where {{ color: {c["muted"]}; }}
        .help {{ font-size: {round(point_size * 1.1)}pt; }}
        .source {{ color: {c["muted"]}; font-style: italic; }}
    """
    )
