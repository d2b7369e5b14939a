"""The presenter view: a supervision agenda on a shared screen, one item at a time.

:class:`PresenterDialog` shows a list of :class:`Slide` in large type. It is driven
entirely by the keyboard (the buttons are there for a mouse, and never take focus):

* Right, Page Down, Space, Enter: next item; Left, Page Up, Backspace: previous;
* Home / End: first / last; Up / Down: scroll a long item;
* D: mark the item discussed (or not); F11 or F: full screen on and off;
* Esc: close.

What it can show is decided before it opens: the slides are built by
:func:`build_slides` from an agenda that went through
:func:`ips_reflect.core.supervision.resolve_agenda` and from the consented entries
only. The dialog has no search, no link to the journal and no way to load anything
else; links in the text are never followed.

:func:`item_html` renders one agenda item (topic, entry or flag); the Supervision
page's detail pane uses it too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import AgendaItem
from ips_reflect.gui.shell.uiloader import find_child, load_ui
from ips_reflect.gui.widgets.entry_view import (
    EntryContext,
    LinkedEntry,
    check_light,
    entry_css,
    entry_html,
    short_day,
)
from ips_reflect.gui.widgets.page_fit import DialogFit
from ips_reflect.gui.widgets.row_wrap import wrap_rows
from ips_reflect.gui.widgets.theme import Theme, current_theme

#: How much larger than the app's text the presenter's text is.
TITLE_SCALE = 2.6
BODY_SCALE = 1.9
KICKER_SCALE = 1.35
MIN_TITLE_PT = 26
MIN_BODY_PT = 18

_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)

NEXT_KEYS = frozenset(
    {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}
)
PREVIOUS_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace})


@dataclass(frozen=True)
class Slide:
    """One screen: a kicker (what it is), a title and the body as rich text.

    ``row`` is the agenda row the slide shows (None for the overview)."""

    kicker: str
    title: str
    html: str
    row: int | None = None
    discussed: bool = False


# --------------------------------------------------------------------------- rendering


def no_links(html: str) -> str:
    """The same rich text with every link turned into plain words."""
    return _ANCHOR.sub(r"\1", html)


def kind_label(item: AgendaItem) -> str:
    return messages.SUPV_AGENDA_KINDS.get(item.kind, item.kind)


def item_css(theme: Theme, point_size: int) -> str:
    """Rich-text style for an agenda item (the entry reader's, plus a few classes)."""
    c = theme.colors
    return entry_css(theme, point_size) + (
        f"\n.quote {{ font-style: italic; margin-left: 8px; }}"
        f"\n.kicker-flag {{ color: {c['warning_sign']}; }}"
        f"\n.source {{ color: {c['muted']}; font-style: italic; }}"
        f"\n.note {{ color: {c['text']}; }}"
        f"\n.overview li {{ margin-bottom: 6px; }}"
        f"\n.done {{ color: {c['reason']}; font-weight: bold; }}"
        f"\n.facts {{ margin-bottom: {max(8, point_size // 2)}px; }}"
        f"\ntable.supervisor {{ margin-top: {max(8, point_size // 2)}px; }}"
        f"\ntd.supervisor {{ background-color: {c['flow_notice_bg']}; "
        f"border-left: 4px solid {c['flow_notice_border']}; }}"
        f"\n.supervisor-heading {{ color: {c['heading']}; font-weight: bold; }}"
        f"\n.supervisor-comment {{ color: {c['text']}; }}"
    )


def comments_html(comments: Sequence[str], commenter: str) -> str:
    """The supervisor's comments on an item, in a box of their own, so they can never
    be taken for the practitioner's words."""
    if not comments:
        return ""
    heading = messages.EXG_COMMENT_HEADING.format(name=commenter)
    paragraphs = "".join(f'<p class="supervisor-comment">{escape(text)}</p>' for text in comments)
    return (
        '<table class="supervisor" width="100%" cellspacing="0" cellpadding="10">'
        f'<tr><td class="supervisor"><p class="supervisor-heading">✎ {escape(heading)}</p>'
        f"{paragraphs}</td></tr></table>"
    )


def entry_item_html(entry: Entry, content: Content, consented: Mapping[str, Entry]) -> str:
    """A consented entry, with links to other consented entries shown as plain words
    (the reflections of a check, or the check a reflection follows, when those are
    marked too). Nothing about entries that are not marked is mentioned."""
    followed_by = [
        LinkedEntry(e.uid, e.kind, e.title, e.created)
        for e in consented.values()
        if e.linked_uid == entry.uid
    ]
    follows = None
    if entry.linked_uid and entry.linked_uid in consented:
        linked = consented[entry.linked_uid]
        follows = LinkedEntry(linked.uid, linked.kind, linked.title, linked.created)
    context = EntryContext(
        follows=follows, followed_by=followed_by, light=check_light(entry, content)
    )
    html = entry_html(entry, content, context)
    # Every entry here is marked to bring to supervision: saying so again is noise.
    supervision = escape(messages.JOURNAL_FACT_SUPERVISION)
    html = re.sub(rf'<tr><td class="fact">{supervision}</td><td>[^<]*</td></tr>', "", html)
    if entry.kind == "before_check" and not followed_by:
        # "No reflection yet" would be wrong when the reflection exists but is private.
        html = html.replace(f'<p class="muted">{escape(messages.JOURNAL_NO_REFLECTION)}</p>', "")
    return no_links(html)


def item_html(
    item: AgendaItem,
    content: Content,
    consented: Mapping[str, Entry],
    *,
    with_kicker: bool = True,
    with_note: bool = True,
    comments: Sequence[str] = (),
    commenter: str = "",
) -> str:
    """One resolved agenda item as rich text (style: :func:`item_css`), with the
    supervisor's ``comments`` on it (from a signed-off reply) at the end."""
    parts: list[str] = []
    if item.kind == "entry":
        entry = consented.get(item.ref)
        if entry is None:  # not consented (any more): nothing at all
            return f'<p class="muted">{escape(messages.SUPV_ITEM_GONE)}</p>'
        html = entry_item_html(entry, content, consented)
        if not with_kicker:  # the presenter shows these above, in larger type
            html = re.sub(r'^<p class="kicker">.*?</p>\s*<p class="title">.*?</p>\s*', "", html)
        parts.append(html)
    elif item.kind == "flag":
        status = item.extra.get("status", "open")
        if with_kicker:
            parts.append(
                f'<p class="kicker kicker-flag">{escape(messages.SUPV_KICKER_FLAG)} · '
                f"{escape(messages.FLAG_STATUS_LABELS.get(status, status))}</p>"
            )
            parts.append(f'<p class="title">{escape(item.title)}</p>')
        evidence = item.extra.get("evidence", "")
        if evidence:
            words = f"“{evidence}”" if item.extra.get("source") == "text" else evidence
            parts.append(f'<p class="heading">{escape(messages.SUPV_FLAG_WHAT)}</p>')
            parts.append(f'<p class="quote">{escape(words)}</p>')
        elif item.extra:
            parts.append(f'<p class="muted">{escape(messages.SUPV_FLAG_PRIVATE)}</p>')
        if item.detail:
            parts.append(f'<p class="heading">{escape(messages.SUPV_FLAG_WHY)}</p>')
            parts.append(f"<p>{escape(item.detail)}</p>")
    else:
        topic = content.get(item.ref)
        if with_kicker:
            parts.append(f'<p class="kicker">{escape(messages.SUPV_KICKER_TOPIC)}</p>')
            parts.append(f'<p class="title">{escape(item.title)}</p>')
        if item.detail:
            parts.append(f"<p>{escape(item.detail)}</p>")
        if topic is not None:
            if topic.help:
                parts.append(f'<p class="muted">{escape(topic.help)}</p>')
            if topic.examples:
                parts.append(
                    "<ul>" + "".join(f"<li>{escape(x)}</li>" for x in topic.examples) + "</ul>"
                )
            if topic.source:
                source = messages.SUPV_FROM_PAPER.format(source=topic.source)
                parts.append(f'<p class="source">{escape(source)}</p>')
    if item.discussed:
        parts.append(f'<p class="done">✓ {escape(messages.SUPV_ITEM_DISCUSSED)}</p>')
    if with_note and item.note:
        parts.append(f'<p class="heading">{escape(messages.SUPV_ITEM_NOTE_HEADING)}</p>')
        parts.append(f'<p class="note">{escape(item.note)}</p>')
    if comments:
        parts.append(comments_html(comments, commenter))
    return "\n".join(parts)


def item_title(item: AgendaItem, consented: Mapping[str, Entry]) -> str:
    """The title of a slide: the entry's heading with its client alias, if any."""
    if item.kind == "entry":
        entry = consented.get(item.ref)
        if entry is not None and entry.client_alias:
            return messages.SUPV_ENTRY_WITH_ALIAS.format(title=item.title, alias=entry.client_alias)
    return item.title


def build_slides(
    items: Sequence[AgendaItem],
    entries: Sequence[Entry],
    content: Content,
    *,
    heading: str = "",
    comments: Mapping[tuple[str, str], Sequence[str]] | None = None,
    commenter: str = "",
) -> list[Slide]:
    """An overview slide, then one slide per agenda item (with the supervisor's
    ``comments`` by ``(kind, ref)``, once a reply signed the session off).

    ``items`` must come from ``resolve_agenda`` and ``entries`` from the consented
    entries; an entry item whose entry is not among them is left out (belt and
    braces: the presenter never shows anything the practitioner did not bring).
    """
    consented = {
        e.uid: e for e in entries if e.bring_to_supervision is True and e.deleted_at is None
    }
    shown = [
        (row, item)
        for row, item in enumerate(items)
        if item.kind != "entry" or item.ref in consented
    ]
    lines = "".join(
        f"<li>{escape(kind_label(item))}: {escape(item_title(item, consented))}"
        + (' <span class="done">✓</span>' if item.discussed else "")
        + "</li>"
        for _row, item in shown
    )
    overview = (
        f'<ol class="overview">{lines}</ol>'
        if shown
        else f'<p class="muted">{escape(messages.SUPV_PRESENT_EMPTY)}</p>'
    )
    slides = [
        Slide(
            messages.SUPV_PRESENT_OVERVIEW_KICKER,
            heading or messages.SUPV_PRESENT_OVERVIEW_TITLE,
            overview,
        )
    ]
    for row, item in shown:
        kicker = kind_label(item)
        if item.kind == "entry":
            entry = consented[item.ref]
            kind = messages.JOURNAL_KIND_NAMES.get(entry.kind, entry.kind)
            kicker = f"{kicker} · {kind} · {short_day(entry.created)}"
        elif item.kind == "flag":
            status = item.extra.get("status", "open")
            kicker = f"{kicker} · {messages.FLAG_STATUS_LABELS.get(status, status)}"
        slides.append(
            Slide(
                kicker,
                item_title(item, consented),
                # "Discussed" is shown beside the kicker (D changes it there).
                item_html(
                    replace(item, discussed=False),
                    content,
                    consented,
                    with_kicker=False,
                    with_note=False,
                    comments=(comments or {}).get((item.kind, item.ref), ()),
                    commenter=commenter,
                ),
                row,
                item.discussed,
            )
        )
    return slides


# --------------------------------------------------------------------------- the dialog


def presenter_sizes(base_pt: float) -> tuple[int, int, int]:
    """Title, body and kicker point sizes for an app text size of ``base_pt``."""
    base = base_pt if base_pt > 0 else 11.0
    return (
        max(MIN_TITLE_PT, round(base * TITLE_SCALE)),
        max(MIN_BODY_PT, round(base * BODY_SCALE)),
        max(14, round(base * KICKER_SCALE)),
    )


class PresenterDialog(QDialog):
    """Shows slides one at a time in large type; see the module docstring."""

    pageChanged = Signal(int)  # index of the slide now shown
    discussedToggled = Signal(int, bool)  # agenda row, discussed now
    closed = Signal()

    def __init__(self, slides: Sequence[Slide], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PresenterDialog")
        self.setWindowTitle(messages.SUPV_PRESENT_WINDOW_TITLE)
        self.setAccessibleName(messages.SUPV_PRESENT_WINDOW_TITLE)
        self.setAccessibleDescription(messages.SUPV_PRESENT_KEYS)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setModal(False)
        self.view = load_ui("presenter", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.position_label = find_child(self.view, QLabel, "presenterPosition")
        self.kicker_label = find_child(self.view, QLabel, "presenterKicker")
        self.title_label = find_child(self.view, QLabel, "presenterTitle")
        self.body = find_child(self.view, QTextBrowser, "presenterBody")
        self.hint_label = find_child(self.view, QLabel, "presenterHint")
        self.previous_button = find_child(self.view, QPushButton, "previousButton")
        self.next_button = find_child(self.view, QPushButton, "nextButton")
        self.full_button = find_child(self.view, QPushButton, "fullScreenButton")
        self.close_button = find_child(self.view, QPushButton, "closeButton")
        for label in (self.position_label, self.kicker_label, self.title_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        for button in (self.previous_button, self.next_button, self.full_button, self.close_button):
            # Reached with Tab, but a click leaves focus on the slide so the keys keep paging.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoDefault(False)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.full_button.clicked.connect(self.toggle_full_screen)
        self.close_button.clicked.connect(self.reject)
        self.hint_label.setText(messages.SUPV_PRESENT_KEYS)
        # At large text sizes the buttons wrap and the slide scrolls rather than clip.
        self.footer_wrap = wrap_rows(self.view, "presenterFooter")
        self.fit = DialogFit(self)
        self.slides: list[Slide] = list(slides)
        self.index = 0
        self.apply_look()
        self.resize(1100, 720)
        self.show_slide(0)

    # -- look

    def apply_look(self) -> None:
        """Large type from the app's text size, in the current theme."""
        base = QApplication.font().pointSizeF()
        title_pt, body_pt, kicker_pt = presenter_sizes(base)
        self.body_pt = body_pt
        for label, size, bold in (
            (self.title_label, title_pt, True),
            (self.kicker_label, kicker_pt, True),
            (self.position_label, kicker_pt, False),
        ):
            font = QFont(label.font())
            font.setPointSize(size)
            font.setBold(bold)
            label.setFont(font)
        body_font = QFont(self.body.font())
        body_font.setPointSize(body_pt)
        self.body.setFont(body_font)
        self.body.document().setDefaultFont(body_font)
        self.body.document().setDocumentMargin(4)
        frame = 2 * self.body.frameWidth() + 8
        self.body.setMinimumHeight(3 * QFontMetrics(body_font).lineSpacing() + frame)  # 3 lines
        self.body.document().setDefaultStyleSheet(item_css(current_theme(), body_pt))
        if self.slides:
            self.show_slide(self.index)

    # -- paging

    @property
    def count(self) -> int:
        return len(self.slides)

    def current(self) -> Slide | None:
        return self.slides[self.index] if 0 <= self.index < len(self.slides) else None

    def show_slide(self, index: int) -> None:
        if not self.slides:
            self.index = 0
            self.position_label.clear()
            self.kicker_label.clear()
            self.title_label.clear()
            self.body.clear()
            self.setAccessibleDescription(messages.SUPV_PRESENT_KEYS)
            self._update_buttons()
            return
        self.index = max(0, min(index, len(self.slides) - 1))
        slide = self.slides[self.index]
        position = messages.SUPV_PRESENT_POSITION.format(n=self.index + 1, total=len(self.slides))
        self.position_label.setText(position)
        kicker = slide.kicker + (f"  ✓ {messages.SUPV_ITEM_DISCUSSED}" if slide.discussed else "")
        self.kicker_label.setText(kicker)
        self.title_label.setText(slide.title)
        self.body.setHtml(slide.html)
        self.body.verticalScrollBar().setValue(0)
        self.setAccessibleDescription(f"{position}. {slide.kicker}. {slide.title}")
        self._update_buttons()
        self.pageChanged.emit(self.index)

    def _update_buttons(self) -> None:
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.slides) - 1)

    def next(self) -> None:
        if self.index < len(self.slides) - 1:
            self.show_slide(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.show_slide(self.index - 1)

    def first(self) -> None:
        self.show_slide(0)

    def last(self) -> None:
        self.show_slide(len(self.slides) - 1)

    def scroll_by(self, steps: int) -> None:
        bar = self.body.verticalScrollBar()
        bar.setValue(bar.value() + steps * bar.singleStep() * 3)

    def toggle_discussed(self) -> None:
        slide = self.current()
        if slide is None or slide.row is None:
            return
        updated = replace(slide, discussed=not slide.discussed)
        self.slides[self.index] = updated
        self.show_slide(self.index)
        self.discussedToggled.emit(slide.row, updated.discussed)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.full_button.setText(messages.SUPV_PRESENT_FULL)
        else:
            self.showFullScreen()
            self.full_button.setText(messages.SUPV_PRESENT_WINDOWED)
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_slides(self, slides: Sequence[Slide]) -> None:
        """Show new slides (the agenda changed), staying near the same place."""
        self.slides = list(slides)
        self.show_slide(min(self.index, max(0, len(self.slides) - 1)))

    def clear(self) -> None:
        """Forget every slide (on lock), then close."""
        self.slides = []
        self.show_slide(0)
        self.close()

    # -- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.first()
        elif key == Qt.Key.Key_End:
            self.last()
        elif key == Qt.Key.Key_Down:
            self.scroll_by(1)
        elif key == Qt.Key.Key_Up:
            self.scroll_by(-1)
        elif key in (Qt.Key.Key_F11, Qt.Key.Key_F):
            self.toggle_full_screen()
        elif key == Qt.Key.Key_D:
            self.toggle_discussed()
        elif key == Qt.Key.Key_Escape:
            self.reject()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def done(self, result: int) -> None:
        if self.isFullScreen():
            self.showNormal()
        super().done(result)
        self.closed.emit()
