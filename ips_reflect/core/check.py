"""The traffic light at the end of a check before sharing.

:func:`assess` turns the answers of a before-sharing check into a light, the
plain sentences that led to it, and advice. It is a prompt for thought and
never blocks: the practitioner can always save the check and go on.

The rules (shown on the summary screen too, see :data:`RULES`):

**Red** (pause: consider not sharing now and bring it to supervision) when any of
  * the sharing plan marks the chosen experience as *never* or *not now* for
    this audience;
  * a serious warning sign is ticked: giving contact details, keeping secrets,
    time together outside work, personal feelings for the person, or a confused
    relationship (:data:`SERIOUS_SIGNS`);
  * "Am I feeling all right in myself today?" (``before.okay.today``) or "Does
    this stay within my professional role?" (``before.why.boundaries``) is
    answered *no*.

**Amber** (start small, check back with the person, or talk it over first), if
not red, when any of
  * one of the six quick questions that applies to this audience is answered
    *no* or *unsure*;
  * any other warning sign is ticked;
  * the plan says to share this experience only *briefly* with this audience;
  * a question about whether it is okay with me (happy to share, right time for
    me, enough support, okay today) is answered *no* or *unsure*.

**Green** (go ahead, keep it brief, keep the focus on them) otherwise.

Unanswered questions never change the light; they are mentioned in ``notes``.

Plain Python: no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ips_reflect import messages
from ips_reflect.core.content import Content, Item
from ips_reflect.core.plan import PlanDeviation

LIGHTS: tuple[str, ...] = ("green", "amber", "red")

#: Warning signs that on their own make the light red.
SERIOUS_SIGNS: tuple[str, ...] = (
    "contact_details",
    "secrets",
    "time_outside_work",
    "personal_feelings",
    "role_confusion",
)
TODAY_QUESTION = "before.okay.today"
ROLE_QUESTION = "before.why.boundaries"
#: Questions whose "no" makes the light red.
RED_IF_NO: tuple[str, ...] = (TODAY_QUESTION, ROLE_QUESTION)
BEFORE_PACK = "before_sharing"
OKAY_SECTION = "before.okay_with_me"
#: Answer key for the experience picked from the sharing plan.
PLAN_EXPERIENCE_QUESTION = "before.what.plan_experience"
#: Answer key under which a saved check keeps its light ("green", "amber" or "red"),
#: so the journal and PDFs show the light the practitioner saw at the time.
LIGHT_ANSWER_KEY = "check.light"

#: The rules in plain words, for the summary screen.
RULES: tuple[str, ...] = (
    messages.CHECK_RULE_RED,
    messages.CHECK_RULE_AMBER,
    messages.CHECK_RULE_GREEN,
    messages.CHECK_RULE_NEVER_BLOCKS,
)

ADVICE: dict[str, str] = {
    "green": messages.CHECK_ADVICE_GREEN,
    "amber": messages.CHECK_ADVICE_AMBER,
    "red": messages.CHECK_ADVICE_RED,
}
HEADLINES: dict[str, str] = {
    "green": messages.CHECK_HEADLINE_GREEN,
    "amber": messages.CHECK_HEADLINE_AMBER,
    "red": messages.CHECK_HEADLINE_RED,
}
LIGHT_NAMES: dict[str, str] = {
    "green": messages.CHECK_LIGHT_GREEN,
    "amber": messages.CHECK_LIGHT_AMBER,
    "red": messages.CHECK_LIGHT_RED,
}


@dataclass(frozen=True)
class Assessment:
    """The light, the sentences that led to it (most serious first) and advice."""

    light: str
    reasons: list[str]
    advice: str
    notes: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """E.g. "Red: pause and think again"."""
        return HEADLINES[self.light]

    @property
    def name(self) -> str:
        """The colour as a word: "Green", "Amber" or "Red"."""
        return LIGHT_NAMES[self.light]

    def as_text(self) -> str:
        """The assessment as plain text (kept in the check's body)."""
        lines = [f"{self.headline}.", ""]
        lines += [f"- {r}" for r in self.reasons]
        lines += ["", self.advice]
        if self.notes:
            lines += ["", *self.notes]
        return "\n".join(lines)


def quick_questions(content: Content, audience: str | None = None) -> list[Item]:
    """The six questions of quick mode that apply to ``audience``, in pack order."""
    try:
        items = content.pack(BEFORE_PACK).items
    except KeyError:
        return []
    return [i for i in items if i.quick and i.applies_to(audience=audience)]


def okay_with_me_questions(content: Content, audience: str | None = None) -> list[Item]:
    try:
        section = content.section(OKAY_SECTION)
    except KeyError:
        return []
    return [
        i for i in section.items if i.answer == "yes_no_unsure" and i.applies_to(audience=audience)
    ]


def _label(content: Content, item_id: str) -> str:
    item = content.get(item_id)
    return item.label if item is not None else item_id.replace("_", " ")


def assess(
    content: Content,
    answers: Mapping[str, object],
    audience: str | None,
    reasons: Sequence[str] = (),
    warning_signs: Sequence[str] = (),
    deviation: PlanDeviation | None = None,
) -> Assessment:
    """Work out the light for a check; see the module docstring for the rules."""
    red: list[str] = []
    amber: list[str] = []

    if deviation is not None:
        if deviation.stops:
            red.append(deviation.sentence)
        else:
            amber.append(f"{deviation.sentence} {messages.CHECK_REASON_BRIEF_PLAN}")

    for sign in warning_signs:
        label = _label(content, sign)
        if sign in SERIOUS_SIGNS:
            red.append(messages.CHECK_REASON_SERIOUS_SIGN.format(label=label))
        else:
            amber.append(messages.CHECK_REASON_SIGN.format(label=label))

    counted: set[str] = set()
    for qid in RED_IF_NO:
        if answers.get(qid) == "no":
            red.append(messages.CHECK_REASON_NO.format(label=_label(content, qid)))
            counted.add(qid)

    quick = quick_questions(content, audience)
    worry = [*quick, *okay_with_me_questions(content, audience)]
    for item in worry:
        if item.id in counted:
            continue
        counted.add(item.id)
        value = answers.get(item.id)
        if value == "no":
            amber.append(messages.CHECK_REASON_NO.format(label=item.label))
        elif value == "unsure":
            amber.append(messages.CHECK_REASON_UNSURE.format(label=item.label))

    if red:
        light = "red"
    elif amber:
        light = "amber"
    else:
        light = "green"
    found = red + amber or [messages.CHECK_REASON_ALL_CLEAR]

    notes: list[str] = []
    blank = [i for i in quick if answers.get(i.id) in (None, "")]
    if blank:
        notes.append(
            messages.CHECK_NOTE_UNANSWERED.format(
                count=len(blank), total=len(quick), are="is" if len(blank) == 1 else "are"
            )
        )
    if reasons:
        notes.append(
            messages.CHECK_NOTE_REASONS.format(
                labels=", ".join(_label(content, r) for r in reasons)
            )
        )
    return Assessment(light=light, reasons=found, advice=ADVICE[light], notes=notes)
