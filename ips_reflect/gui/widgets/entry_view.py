"""The reading pane: any entry as rich text, with its answers under each question.

:func:`entry_html` lays out one entry of any kind (journal note, preparation,
check before sharing, reflection after sharing):

* what it is and when, the title, and the facts (shared with, client alias,
  tags, brought to supervision, last edited, in the bin);
* for a check, its traffic light as a shape *and* a word, and the link to the
  reflection that followed it (or, for a reflection, to the check it follows);
* reasons and warning signs ticked, by their short names; open flags;
* the notes, then every answer under the wording of its question (looked up by
  id in the content; an id the content does not know is shown as it is).

Words matching the search are wrapped in ``<span class="hit">``. Links use the
``entry:<uid>`` scheme; the journal opens them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape

from ips_reflect import messages
from ips_reflect.core.content import Content, Item
from ips_reflect.core.entries import AnswerValue, Entry
from ips_reflect.gui.widgets.rich_text import prose_css
from ips_reflect.gui.widgets.theme import Theme
from ips_reflect.store import search as search_mod
from ips_reflect.store.entry_store import BIN_DAYS

LINK_SCHEME = "entry"
_TOKEN = re.compile(r"[^\W_]+")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: The light's shape, so it never depends on colour alone.
LIGHT_SHAPES = {"green": "●", "amber": "▲", "incomplete": "◌", "red": "■"}
#: Answer keys a check saves that are shown as facts, not as answers
#: (``core.check.LIGHT_ANSWER_KEY`` and ``PLAN_EXPERIENCE_QUESTION``).
LIGHT_ANSWER_KEY = "check.light"
PLAN_EXPERIENCE_KEY = "before.what.plan_experience"
HIDDEN_ANSWERS = frozenset({LIGHT_ANSWER_KEY, PLAN_EXPERIENCE_KEY})


# --------------------------------------------------------------------------- small words


def local_moment(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo is not None else moment


def long_when(iso: str | None) -> str:
    """ "Tue 4 Nov 2026, 10:32" in local time, independent of the system locale."""
    moment = local_moment(iso)
    if moment is None:
        return iso or ""
    return (
        f"{_WEEKDAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} "
        f"{moment.year}, {moment.hour:02d}:{moment.minute:02d}"
    )


def short_day(iso: str | None) -> str:
    """ "4 Nov 2026" in local time."""
    moment = local_moment(iso)
    if moment is None:
        return iso or ""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def days_left(deleted_at: str | None, today: date | None = None) -> int | None:
    moment = local_moment(deleted_at)
    if moment is None:
        return None
    today = today or date.today()
    return max(0, BIN_DAYS - (today - moment.date()).days)


def _lower_first(text: str) -> str:
    """ "Noticed in what you wrote" -> "noticed in what you wrote" (mid-sentence)."""
    return text[:1].lower() + text[1:]


def label_for(content: Content | None, item_id: str) -> str:
    """The short name of a reason, sign or audience; the id (readable) if unknown."""
    item = content.get(item_id) if content is not None else None
    return item.label if item is not None else item_id.replace("_", " ")


# --------------------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class Highlighter:
    """Wraps words that match a search in ``<span class="hit">`` (after escaping)."""

    terms: frozenset[str] = frozenset()
    prefix: str | None = None

    @classmethod
    def for_query(cls, query: str) -> Highlighter:
        terms, prefix = search_mod.query_terms(query or "")
        return cls(frozenset(terms), prefix)

    @property
    def active(self) -> bool:
        return bool(self.terms) or self.prefix is not None

    def matches(self, word: str) -> bool:
        folded = search_mod.fold(word)
        return folded in self.terms or (self.prefix is not None and folded.startswith(self.prefix))

    def html(
        self, text: str, open_tag: str = '<span class="hit">', close_tag: str = "</span>"
    ) -> str:
        if not self.active or not text:
            return escape(text)
        out: list[str] = []
        pos = 0
        for m in _TOKEN.finditer(text):
            if self.matches(m.group()):
                out += [escape(text[pos : m.start()]), open_tag, escape(m.group()), close_tag]
                pos = m.end()
        out.append(escape(text[pos:]))
        return "".join(out)

    def segments(self, text: str) -> list[tuple[str, bool]]:
        """``text`` cut into (piece, is a match) runs, for painting."""
        if not self.active or not text:
            return [(text, False)] if text else []
        out: list[tuple[str, bool]] = []
        pos = 0
        for m in _TOKEN.finditer(text):
            if self.matches(m.group()):
                if m.start() > pos:
                    out.append((text[pos : m.start()], False))
                out.append((m.group(), True))
                pos = m.end()
        if pos < len(text):
            out.append((text[pos:], False))
        return out

    def count(self, text: str) -> int:
        if not self.active:
            return 0
        return sum(1 for m in _TOKEN.finditer(text) if self.matches(m.group()))


def marked_html(snippet: str, marks: tuple[str, str], open_tag: str, close_tag: str) -> str:
    """A snippet whose matches are wrapped in ``marks`` turned into escaped HTML."""
    out: list[str] = []
    rest = snippet
    while True:
        start = rest.find(marks[0])
        if start < 0:
            out.append(escape(rest))
            break
        end = rest.find(marks[1], start + 1)
        if end < 0:
            out.append(escape(rest.replace(marks[0], "")))
            break
        out += [escape(rest[:start]), open_tag, escape(rest[start + 1 : end]), close_tag]
        rest = rest[end + 1 :]
    return "".join(out)


def marked_segments(snippet: str, marks: tuple[str, str]) -> list[tuple[str, bool]]:
    """A snippet with ``marks`` around matches, cut into (piece, is a match) runs."""
    out: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(marks[0])
        if start < 0:
            out.append((rest, False))
            break
        end = rest.find(marks[1], start + 1)
        if end < 0:
            out.append((rest.replace(marks[0], ""), False))
            break
        if start:
            out.append((rest[:start], False))
        out.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return out


def strip_marks(snippet: str, marks: tuple[str, str]) -> str:
    return snippet.replace(marks[0], "").replace(marks[1], "")


# --------------------------------------------------------------------------- style


def mark_colours(theme: Theme) -> tuple[str, str]:
    """Background and text colour of a search match."""
    c = theme.colors
    if "search_mark" in c and "search_mark_text" in c:
        return c["search_mark"], c["search_mark_text"]
    if theme.name == "high_contrast":
        return "#ffff00", "#000000"
    if theme.dark:
        return "#7a6400", "#ffffff"
    return "#ffe27a", "#1b2430"


def light_colour(theme: Theme, light: str) -> str:
    c = theme.colors
    key = f"light_{light}"
    if key in c:
        return c[key]
    if theme.name == "high_contrast":
        return {"green": "#00ff00", "amber": "#ffff00", "incomplete": "#d0d0d0", "red": "#ff6b6b"}[
            light
        ]
    if theme.dark:
        return {"green": "#7fd69a", "amber": "#f2b36b", "incomplete": "#b4bcc4", "red": "#ff8a80"}[
            light
        ]
    return {"green": "#1e6b35", "amber": "#9a5a00", "incomplete": "#5c636a", "red": "#b3261e"}[
        light
    ]


def entry_css(theme: Theme, point_size: int) -> str:
    c = theme.colors
    mark_bg, mark_fg = mark_colours(theme)
    return (
        prose_css(theme, item_gap=3)
        + f"""
        .kicker {{ font-weight: bold; color: {c["accent"]}; margin-bottom: 2px; }}
        .when {{ color: {c["muted"]}; }}
        .title {{ font-size: {round(point_size * 1.45)}pt; font-weight: bold;
                  color: {c["heading"]}; margin-top: 2px; margin-bottom: 10px; }}
        .heading {{ font-weight: bold; color: {c["heading"]};
                    margin-top: 14px; margin-bottom: 4px; }}
        .facts td {{ padding-right: 14px; padding-bottom: 3px; }}
        .fact {{ color: {c["muted"]}; }}
        .question {{ font-weight: bold; color: {c["heading"]}; margin-top: 10px;
                     margin-bottom: 2px; }}
        .qid {{ color: {c["muted"]}; font-family: monospace; }}
        .answer {{ margin-left: 0px; }}
        .muted {{ color: {c["muted"]}; }}
        .bin {{ color: {c["warning_sign"]}; font-weight: bold; }}
        .sign {{ color: {c["warning_sign"]}; }}
        .reason {{ color: {c["reason"]}; }}
        .hit {{ background-color: {mark_bg}; color: {mark_fg}; font-weight: bold; }}
        .light {{ font-size: {round(point_size * 1.15)}pt; font-weight: bold;
                  margin-top: 6px; margin-bottom: 4px; }}
        .light-green {{ color: {light_colour(theme, "green")}; }}
        .light-amber {{ color: {light_colour(theme, "amber")}; }}
        .light-incomplete {{ color: {light_colour(theme, "incomplete")}; }}
        .light-red {{ color: {light_colour(theme, "red")}; }}
    """
    )


# --------------------------------------------------------------------------- the entry


@dataclass(frozen=True)
class LinkedEntry:
    uid: str
    kind: str
    title: str
    created: str


@dataclass(frozen=True)
class FlagLine:
    sign: str
    source: str
    status: str
    evidence: str = ""


@dataclass
class EntryContext:
    """What the pane shows besides the entry itself."""

    follows: LinkedEntry | None = None  # the check a reflection follows
    followed_by: list[LinkedEntry] = field(default_factory=list)  # reflections of a check
    flags: list[FlagLine] = field(default_factory=list)
    light: str | None = None  # green / amber / red, for a check
    plan_experience: str | None = None  # the sharing plan's experience a check was about


def check_light(entry: Entry, content: Content | None) -> str | None:
    """The traffic light of a check: as saved with it (the light the practitioner saw),
    else from the headline in its body, else worked out again from its answers."""
    if entry.kind != "before_check":
        return None
    saved = entry.answers.get(LIGHT_ANSWER_KEY)
    if isinstance(saved, str) and saved in LIGHT_SHAPES:
        return saved
    first = entry.body.strip().splitlines()[0].strip().rstrip(".") if entry.body.strip() else ""
    headlines = {
        "green": messages.CHECK_HEADLINE_GREEN,
        "amber": messages.CHECK_HEADLINE_AMBER,
        "incomplete": messages.CHECK_HEADLINE_INCOMPLETE,
        "red": messages.CHECK_HEADLINE_RED,
    }
    for light, headline in headlines.items():
        if first == headline:
            return light
    if content is None:
        return None
    try:
        from ips_reflect.core.check import assess
    except ImportError:  # pragma: no cover - the check module ships with the app
        return None
    try:
        return assess(
            content, entry.answers, entry.audience, entry.reasons, entry.warning_signs
        ).light
    except Exception:
        return None


_ORDER_CACHE: dict[int, dict[str, int]] = {}


def _content_order(content: Content) -> dict[str, int]:
    order = _ORDER_CACHE.get(id(content))
    if order is None:
        order = {item.id: i for i, item in enumerate(content)}
        _ORDER_CACHE.clear()
        _ORDER_CACHE[id(content)] = order
    return order


def ordered_answers(
    answers: dict[str, AnswerValue], content: Content | None
) -> list[tuple[str, AnswerValue]]:
    """Answers in the order their questions come in the content; unknown ids last."""
    if content is None:
        return list(answers.items())
    order = _content_order(content)
    known = [(qid, v) for qid, v in answers.items() if qid in order]
    known.sort(key=lambda kv: order[kv[0]])
    return known + [(qid, v) for qid, v in answers.items() if qid not in order]


def _paragraphs(text: str, hl: Highlighter, css: str = "") -> str:
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text.replace("\r", "")) if b.strip()]
    cls = f' class="{css}"' if css else ""
    return "".join(
        f"<p{cls}>" + "<br>".join(hl.html(line) for line in b.split("\n")) + "</p>" for b in blocks
    )


def answer_html(
    item: Item | None, value: AnswerValue, hl: Highlighter, content: Content | None
) -> str:
    """One answer, in words."""
    if isinstance(value, bool):
        word = messages.JOURNAL_YES_NO_UNSURE["yes" if value else "no"]
        return f'<p class="answer">{escape(word)}</p>'
    if isinstance(value, int):
        text = messages.JOURNAL_SCALE_VALUE.format(value=value)
        if item is not None and item.scale_low and item.scale_high:
            text += " " + messages.JOURNAL_SCALE_ENDS.format(
                low=item.scale_low, high=item.scale_high
            )
        return f'<p class="answer">{escape(text)}</p>'
    if isinstance(value, list):
        if not value:
            return f'<p class="answer muted">{escape(messages.JOURNAL_NONE)}</p>'
        names = [
            label_for(content, v) if content is not None and v in content else v for v in value
        ]
        return "<ul>" + "".join(f"<li>{hl.html(v)}</li>" for v in names) + "</ul>"
    if (
        item is not None
        and item.answer == "yes_no_unsure"
        and value in messages.JOURNAL_YES_NO_UNSURE
    ):
        return f'<p class="answer">{escape(messages.JOURNAL_YES_NO_UNSURE[value])}</p>'
    if item is not None and item.choices:
        for choice in item.choices:
            if choice.id == value:
                return f'<p class="answer">{hl.html(choice.text)}</p>'
    if not value.strip():
        return f'<p class="answer muted">{escape(messages.JOURNAL_NOT_ANSWERED)}</p>'
    return _paragraphs(value, hl, "answer")


def _link(target: LinkedEntry) -> str:
    title = " ".join(target.title.split()) or messages.JOURNAL_UNTITLED
    when = short_day(target.created)
    return (
        f'<a href="{LINK_SCHEME}:{escape(target.uid)}">{escape(title)}</a> '
        f'<span class="muted">({escape(when)})</span>'
    )


def entry_html(
    entry: Entry,
    content: Content | None,
    context: EntryContext | None = None,
    query: str = "",
) -> str:
    """The whole entry as rich text for a QTextBrowser (style: :func:`entry_css`)."""
    ctx = context or EntryContext()
    hl = Highlighter.for_query(query)
    kind = messages.JOURNAL_KIND_NAMES.get(entry.kind, entry.kind)
    title = " ".join(entry.title.split()) or messages.JOURNAL_UNTITLED
    parts = [
        f'<p class="kicker">{escape(kind)} <span class="when">· {escape(long_when(entry.created))}'
        "</span></p>",
        f'<p class="title">{hl.html(title)}</p>',
    ]
    if entry.deleted_at:
        left = days_left(entry.deleted_at)
        notice = messages.JOURNAL_IN_BIN.format(
            day=short_day(entry.deleted_at),
            days=left if left is not None else BIN_DAYS,
            s="" if left == 1 else "s",
        )
        parts.append(f'<p class="bin">{escape(notice)}</p>')
    facts: list[tuple[str, str]] = []
    if entry.audience:
        facts.append(
            (
                messages.JOURNAL_FACT_AUDIENCE,
                escape(messages.JOURNAL_AUDIENCE_NAMES.get(entry.audience, entry.audience)),
            )
        )
    if entry.client_alias:
        facts.append((messages.JOURNAL_FACT_ALIAS, hl.html(entry.client_alias)))
    if ctx.plan_experience:
        facts.append((messages.JOURNAL_FACT_PLAN, escape(ctx.plan_experience)))
    if entry.tags:
        facts.append((messages.JOURNAL_FACT_TAGS, ", ".join(hl.html(t) for t in entry.tags)))
    facts.append(
        (
            messages.JOURNAL_FACT_SUPERVISION,
            escape(
                messages.JOURNAL_SUPERVISION_YES
                if entry.bring_to_supervision
                else messages.JOURNAL_SUPERVISION_NO
            ),
        )
    )
    if entry.updated:
        facts.append((messages.JOURNAL_FACT_EDITED, escape(long_when(entry.updated))))
    parts.append(
        '<table class="facts" cellspacing="0" cellpadding="0">'
        + "".join(
            f'<tr><td class="fact">{escape(name)}</td><td>{value}</td></tr>'
            for name, value in facts
        )
        + "</table>"
    )
    light = ctx.light
    if light in LIGHT_SHAPES:
        headline = {
            "green": messages.CHECK_HEADLINE_GREEN,
            "amber": messages.CHECK_HEADLINE_AMBER,
            "incomplete": messages.CHECK_HEADLINE_INCOMPLETE,
            "red": messages.CHECK_HEADLINE_RED,
        }[light]
        parts.append(
            f'<p class="light light-{light}">{LIGHT_SHAPES[light]} '
            f"{escape(messages.JOURNAL_LIGHT.format(headline=headline))}</p>"
        )
    if entry.kind == "before_check":
        if ctx.followed_by:
            links = ", ".join(_link(r) for r in ctx.followed_by)
            parts.append(f"<p>{escape(messages.JOURNAL_REFLECTION_AFTER)} {links}</p>")
        else:
            parts.append(f'<p class="muted">{escape(messages.JOURNAL_NO_REFLECTION)}</p>')
    if ctx.follows is not None:
        parts.append(f"<p>{escape(messages.JOURNAL_FOLLOWS_CHECK)} {_link(ctx.follows)}</p>")
    if entry.reasons:
        parts.append(f'<p class="heading">{escape(messages.JOURNAL_REASONS)}</p><ul>')
        parts += [f'<li class="reason">{escape(label_for(content, r))}</li>' for r in entry.reasons]
        parts.append("</ul>")
    if entry.warning_signs:
        parts.append(f'<p class="heading">{escape(messages.JOURNAL_SIGNS)}</p><ul>')
        parts += [
            f'<li class="sign">{escape(label_for(content, s))}</li>' for s in entry.warning_signs
        ]
        parts.append("</ul>")
    if ctx.flags:
        parts.append(f'<p class="heading">{escape(messages.JOURNAL_FLAGS)}</p><ul>')
        for f in ctx.flags:
            line = messages.JOURNAL_FLAG_LINE.format(
                sign=label_for(content, f.sign),
                status=messages.FLAG_STATUS_LABELS.get(f.status, f.status).lower(),
                source=_lower_first(messages.FLAG_SOURCE_KICKERS.get(f.source, f.source)),
            )
            evidence = f' <span class="muted">“{hl.html(f.evidence)}”</span>' if f.evidence else ""
            parts.append(f"<li>{escape(line)}{evidence}</li>")
        parts.append("</ul>")
    body = entry.body
    if light in LIGHT_SHAPES and body.strip():
        lines = body.strip().splitlines()
        if lines[0].strip().rstrip(".") in (
            messages.CHECK_HEADLINE_GREEN,
            messages.CHECK_HEADLINE_AMBER,
            messages.CHECK_HEADLINE_RED,
        ):
            body = "\n".join(lines[1:])
    if body.strip():
        if entry.kind != "journal":
            heading = (
                messages.JOURNAL_ASSESSMENT
                if entry.kind == "before_check"
                else messages.JOURNAL_NOTES
            )
            parts.append(f'<p class="heading">{escape(heading)}</p>')
        parts.append(_paragraphs(body, hl))
    answers = {k: v for k, v in entry.answers.items() if k not in HIDDEN_ANSWERS}
    if answers:
        parts.append(f'<p class="heading">{escape(messages.JOURNAL_ANSWERS)}</p>')
        for qid, value in ordered_answers(answers, content):
            item = content.get(qid) if content is not None else None
            if item is not None:
                parts.append(f'<p class="question">{escape(item.text)}</p>')
            else:
                parts.append(f'<p class="question"><span class="qid">{escape(qid)}</span></p>')
            parts.append(answer_html(item, value, hl, content))
    return "\n".join(parts)


def plain_lines(entry: Entry) -> Sequence[str]:
    """Every piece of user text in an entry (for tests that check nothing is left behind)."""
    out = [entry.title, entry.body, entry.client_alias or "", *entry.tags]
    for value in entry.answers.values():
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            out.extend(value)
    return [t for t in out if t]
