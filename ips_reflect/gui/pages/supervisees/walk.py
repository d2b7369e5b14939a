"""The walk-through of a shared session: one item at a time in large, readable type,
like the presenter view, with a comment box per item.

Comments are kept with :func:`ips_reflect.ops.exchange_supervisor.add_comment`, which
adds one comment to an item (a kept comment cannot be changed, as on the command
line). So what is typed is kept as a comment when the supervisor moves on: to another
item, the actions tab, another session, or the sign-off. Until then it is held in
:attr:`pending`, and the page's draft keeper writes it, encrypted, into the vault a
second after each keystroke and before a lock; after the unlock it is back in the
box. Not a word is lost, and no half-typed sentence becomes a comment on its own.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from ips_reflect import messages
from ips_reflect.errors import UserError
from ips_reflect.gui.pages.supervisees.base import SuperviseesBase
from ips_reflect.gui.pages.supervisees.data import day_text, item_html, kicker
from ips_reflect.gui.widgets.entry_view import entry_css
from ips_reflect.gui.widgets.theme import current_theme

#: How much larger than the app's text the walk-through's text is.
TITLE_SCALE = 1.6
BODY_SCALE = 1.3
KICKER_SCALE = 1.1


def walk_sizes(base_pt: float) -> tuple[int, int, int]:
    """Title, body and kicker point sizes for an app text size of ``base_pt``."""
    base = base_pt if base_pt > 0 else 11.0
    return round(base * TITLE_SCALE), round(base * BODY_SCALE), round(base * KICKER_SCALE)


class WalkPart(SuperviseesBase):
    """The walk-through and its comments."""

    # ------------------------------------------------------------------ look

    def apply_look(self) -> None:
        """Large type from the app's text size, in the current theme.

        Set as each widget's own style sheet: the app's style sheet would otherwise
        put the inherited size back whenever the page is polished again."""
        title_pt, body_pt, kicker_pt = walk_sizes(QApplication.font().pointSizeF())
        for label, size, weight in (
            (self.title_label, title_pt, 600),
            (self.kicker_label, kicker_pt, 600),
            (self.position_label, kicker_pt, 400),
        ):
            label.setStyleSheet(f"font-size: {size}pt; font-weight: {weight};")
        self.body.setStyleSheet(f"font-size: {body_pt}pt;")
        self.body.document().setDefaultStyleSheet(entry_css(current_theme(), body_pt))
        body_font = QFont(self.body.font())
        body_font.setPointSize(body_pt)
        frame = 2 * self.body.frameWidth() + 24
        self.body.setMinimumHeight(3 * QFontMetrics(body_font).lineSpacing() + frame)
        comment = self.comment_edit
        lines = QFontMetrics(comment.font()).lineSpacing()
        comment.setMinimumHeight(3 * lines + 2 * comment.frameWidth() + 16)
        comment.setMaximumHeight(4 * lines + 2 * comment.frameWidth() + 16)
        # Lists and tables: a few rows (their preferred height is ignored, see base).
        rows = QFontMetrics(QApplication.font()).lineSpacing()
        self.people_list.setMinimumHeight(4 * rows + 24)
        for table in (self.sessions_table, self.actions_table):
            table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + 3 * rows + 24)
        self.render_item()

    # ------------------------------------------------------------------ the share

    def show_share(self, received_id: int, item: int = 0, *, keep: bool = True) -> bool:
        """Show a share (``item``: from 0), keeping any comment typed on the one before
        (unless ``keep`` is false: typing put back from a draft)."""
        if self.vault is None:
            return False
        if keep:
            self.keep_comments()
        from ips_reflect.ops import exchange_supervisor as desk

        try:
            view = desk.share_view(self.vault, received_id)
        except UserError as exc:
            self.say(exc.message, problem=True)
            return False
        changed = self.share is None or self.share.received.id != received_id
        self.share = view
        count = len(view.share.items)
        self.index = max(0, min(item, count - 1)) if count else 0
        self.heading.setText(
            messages.SVS_HEADING.format(
                name=view.share.practitioner, date=day_text(view.share.session_date)
            )
        )
        self.stack.setCurrentWidget(self.share_pane)
        self.card_how.hide()  # said once; the fingerprint itself stays in view
        self.render_item()
        self.render_reply()
        if changed:
            self.shareShown.emit(received_id)
        return True

    def _refresh_share(self) -> None:
        """Read the share again (its comments, actions and reply changed)."""
        if self.share is None or self.vault is None:
            return
        from ips_reflect.ops import exchange_supervisor as desk

        try:
            self.share = desk.share_view(self.vault, self.share.received.id)
        except UserError as exc:
            self.say(exc.message, problem=True)

    # ------------------------------------------------------------------ paging

    @property
    def count(self) -> int:
        return len(self.share.share.items) if self.share is not None else 0

    def item_number(self) -> int:
        """The number (from 1) of the item shown; 0 with none."""
        if self.share is None or not self.count:
            return 0
        return self.share.share.items[self.index].index

    def go_to(self, index: int) -> bool:
        """Show item ``index`` (from 0), keeping the comment typed on this one."""
        if self.share is None or not 0 <= index < self.count or index == self.index:
            return False
        self.keep_comments()
        self.index = index
        self.render_item()
        return True

    def next_item(self) -> bool:
        return self.go_to(self.index + 1)

    def previous_item(self) -> bool:
        return self.go_to(self.index - 1)

    def render_item(self) -> None:
        share = self.share
        self._loading = True
        try:
            if share is None or not self.count:
                for label in (self.kicker_label, self.position_label, self.title_label):
                    label.clear()
                self.body.setHtml(
                    f"<p>{escape(messages.SVS_NO_ITEMS)}</p>" if share is not None else ""
                )
                self.comment_edit.clear()
                self.itemShown.emit(0)
                return
            item = share.share.items[self.index]
            position = messages.SVS_POSITION.format(n=self.index + 1, total=self.count)
            what = kicker(item)
            self.kicker_label.setText(what)
            self.position_label.setText(position)
            self.title_label.setText(item.title)
            self.body.setHtml(item_html(item, share.comments.get(item.index, [])))
            self.body.verticalScrollBar().setValue(0)
            self.body.setAccessibleDescription(
                messages.SVS_ITEM_ACCESSIBLE.format(
                    position=position, kicker=what, title=item.title
                )
            )
            text = self.pending.get((share.received.id, item.index), "")
            if self.comment_edit.toPlainText() != text:
                self.comment_edit.setPlainText(text)
            self.itemShown.emit(item.index)
        finally:
            self._loading = False
            self._update_buttons()

    # ------------------------------------------------------------------ comments

    def _on_comment_typed(self) -> None:
        if self._loading or self.share is None or not self.count:
            return
        key = (self.share.received.id, self.item_number())
        text = self.comment_edit.toPlainText()
        if text.strip():
            self.pending[key] = text
        else:
            self.pending.pop(key, None)
        self._touch()

    def keep_comments(self) -> bool:
        """Keep every comment typed and not kept yet (``add_comment``); False if one
        could not be kept (it stays in the box, and the page says why)."""
        if self.vault is None or not self.pending:
            return True
        from ips_reflect.ops import exchange_supervisor as desk

        ok = True
        kept: list[tuple[int, int]] = []
        for (received_id, item), text in list(self.pending.items()):
            try:
                desk.add_comment(self.vault, received_id, item, text)
            except UserError as exc:
                self.say(exc.message, problem=True)
                ok = False
                continue
            del self.pending[(received_id, item)]
            kept.append((received_id, item))
        if kept:
            self._refresh_share()
            self._loading = True
            try:
                if self.share is not None and (self.share_id, self.item_number()) in kept:
                    self.comment_edit.clear()
            finally:
                self._loading = False
            self.render_item()
            self.say(messages.SVS_COMMENT_KEPT.format(n=kept[-1][1]))
            for received_id, item in kept:
                self.commentSaved.emit(received_id, item)
            self._touch()
        return ok
