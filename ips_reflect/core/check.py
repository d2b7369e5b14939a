"""The traffic light at the end of a check before sharing.

:func:`assess` turns the answers of a before-sharing check into a light, the
plain sentences that led to it, and advice. It is a prompt for thought and
never blocks: the practitioner can always save the check and go on.

The rules are data: the ``light:`` block of ``content/before_sharing.yaml``
(read by :mod:`ips_reflect.core.light_rules`, validated by ``ips-reflect content
check``, overridable by an organisation, tried out with ``ips-reflect check``).
Four lights, most serious first:

``red``
    a red rule applies (shipped: no to "does them some good", or with a client
    to "helps them get or keep work"; the plan says never / not now; no to "okay
    today" or "within my role"; a serious sign ticked or found in the words);
``incomplete``
    no red rule applies but a key question is unanswered (grey; never green);
``amber``
    an amber rule applies (shipped: unsure on a key question, any other no,
    "better left unsaid" yes, no positive reason, another sign, a "briefly" plan);
``green``
    nothing applies.

Each question, sign or plan level is named once, by the first rule (red before
amber) that it moves.

Plain Python: no Qt.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ips_reflect import messages
from ips_reflect.core.content import Content, Item
from ips_reflect.core.entries import Entry
from ips_reflect.core.light_rules import KEY, LightRule, LightRules
from ips_reflect.core.plan import PlanDeviation

#: Every light, least serious first.
LIGHTS: tuple[str, ...] = ("green", "amber", "incomplete", "red")

BEFORE_PACK = "before_sharing"
OKAY_SECTION = "before.okay_with_me"
#: Answer key for the experience picked from the sharing plan.
PLAN_EXPERIENCE_QUESTION = "before.what.plan_experience"
#: Answer key under which a saved check keeps its light (one of :data:`LIGHTS`),
#: so the journal and PDFs show the light the practitioner saw at the time.
LIGHT_ANSWER_KEY = "check.light"
#: Answers of a check that are not writing (never scanned for signs).
NOT_WRITING = frozenset({PLAN_EXPERIENCE_QUESTION, LIGHT_ANSWER_KEY})

#: The rules in plain words, for the summary screen.
RULES: tuple[str, ...] = (
    messages.CHECK_RULE_RED,
    messages.CHECK_RULE_INCOMPLETE,
    messages.CHECK_RULE_AMBER,
    messages.CHECK_RULE_GREEN,
    messages.CHECK_RULE_NEVER_BLOCKS,
    messages.CHECK_RULES_OURS,
)

ADVICE: dict[str, str] = {
    "green": messages.CHECK_ADVICE_GREEN,
    "amber": messages.CHECK_ADVICE_AMBER,
    "incomplete": messages.CHECK_ADVICE_INCOMPLETE,
    "red": messages.CHECK_ADVICE_RED,
}
HEADLINES: dict[str, str] = {
    "green": messages.CHECK_HEADLINE_GREEN,
    "amber": messages.CHECK_HEADLINE_AMBER,
    "incomplete": messages.CHECK_HEADLINE_INCOMPLETE,
    "red": messages.CHECK_HEADLINE_RED,
}
LIGHT_NAMES: dict[str, str] = {
    "green": messages.CHECK_LIGHT_GREEN,
    "amber": messages.CHECK_LIGHT_AMBER,
    "incomplete": messages.CHECK_LIGHT_INCOMPLETE,
    "red": messages.CHECK_LIGHT_RED,
}


@dataclass(frozen=True)
class Assessment:
    """The light, the sentences that led to it (most serious first) and advice.

    ``missing`` holds the ids of the key questions not answered yet; ``moved_by``
    the question and sign ids that moved the light (for tests and tools).
    """

    light: str
    reasons: list[str]
    advice: str
    notes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    moved_by: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """E.g. "Red: pause and think again"."""
        return HEADLINES[self.light]

    @property
    def name(self) -> str:
        """The light as a word: "Green", "Amber", "Grey" or "Red"."""
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
    """The questions of quick mode that apply to ``audience``, in pack order."""
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


def serious_signs(content: Content) -> list[str]:
    """Ids of the warning signs marked ``severity: serious`` in the pack."""
    return [i.id for i in content.warning_signs if i.severity == "serious"]


def _label(content: Content, item_id: str) -> str:
    item = content.get(item_id)
    return item.label if item is not None else item_id.replace("_", " ")


def _applies(content: Content, qid: str, audience: str | None) -> bool:
    """A question limited to some audiences counts only once one of them is chosen."""
    item = content.get(qid)
    if item is None:
        return False
    return not item.audiences or audience in item.audiences


def key_questions(content: Content, audience: str | None) -> list[str]:
    """The key questions that apply to this audience (a client adds the work test)."""
    return [q for q in content.light_rules.key_questions if _applies(content, q, audience)]


@dataclass
class _Facts:
    content: Content
    answers: Mapping[str, object]
    audience: str | None
    reasons: Sequence[str]
    ticked: Sequence[str]
    found: Sequence[str]
    deviation: PlanDeviation | None


def _matches(rule: LightRule, facts: _Facts, rules: LightRules) -> Iterator[tuple[str, str]]:
    """(subject, sentence) for every thing this rule applies to."""
    when, content = rule.when, facts.content
    if not when.for_audience(facts.audience):
        return
    if when.kind in ("answer", "other_answer"):
        if when.kind == "other_answer":
            named = rules.named_questions
            try:
                items = content.pack(BEFORE_PACK).items
            except KeyError:
                items = ()
            ids = [
                i.id
                for i in items
                if i.answer == "yes_no_unsure"
                and i.id not in named
                and i.applies_to(facts.audience)
            ]
        elif when.question == KEY:
            ids = key_questions(content, facts.audience)
        else:
            ids = [when.question] if when.question else []
        for qid in ids:
            if facts.answers.get(qid) in when.values:
                yield f"q:{qid}", rule.reason.format(label=_label(content, qid))
    elif when.kind == "plan":
        dev = facts.deviation
        if dev is not None and dev.level in when.values:
            yield "plan", rule.reason.format(sentence=dev.sentence, label=dev.label)
    elif when.kind == "no_reason":
        if not facts.reasons:
            yield "no_reason", rule.reason
    elif when.kind == "sign":
        sources = [(s, messages.CHECK_HOW_TICKED) for s in facts.ticked]
        sources += [(s, messages.CHECK_HOW_FOUND) for s in facts.found]
        for sign, how in sources:
            item = content.get(sign)
            severity = (item.severity if item is not None else None) or "ordinary"
            if when.severity in ("any", severity):
                yield f"sign:{sign}", rule.reason.format(label=_label(content, sign), how=how)


def assess(
    content: Content,
    answers: Mapping[str, object],
    audience: str | None,
    reasons: Sequence[str] = (),
    warning_signs: Sequence[str] = (),
    deviation: PlanDeviation | None = None,
    found_signs: Sequence[str] = (),
) -> Assessment:
    """Work out the light for a check; see the module docstring for the rules.

    ``warning_signs`` are the ticked signs, ``found_signs`` the signs found in the
    words of the check and not dismissed, ``reasons`` the positive reasons chosen.
    """
    rules = content.light_rules
    facts = _Facts(content, answers, audience, reasons, warning_signs, found_signs, deviation)
    moved: dict[str, str] = {}  # subject -> level, in the order found
    found: dict[str, list[str]] = {"red": [], "amber": []}
    for rule in rules.rules:
        for subject, sentence in _matches(rule, facts, rules):
            if subject in moved:
                continue
            moved[subject] = rule.level
            found[rule.level].append(sentence)

    missing = [q for q in key_questions(content, audience) if answers.get(q) in (None, "")]
    if found["red"]:
        light = "red"
    elif missing:
        light = "incomplete"
    elif found["amber"]:
        light = "amber"
    else:
        light = "green"
    listed = [
        *found["red"],
        *(messages.CHECK_REASON_MISSING.format(label=_label(content, q)) for q in missing),
        *found["amber"],
    ]

    notes: list[str] = []
    if reasons:
        notes.append(
            messages.CHECK_NOTE_REASONS.format(
                labels=", ".join(_label(content, r) for r in reasons)
            )
        )
    moved_by = [s.split(":", 1)[1] for s in moved if ":" in s]
    return Assessment(
        light=light,
        reasons=listed or [messages.CHECK_REASON_ALL_CLEAR],
        advice=ADVICE[light],
        notes=notes,
        missing=missing,
        moved_by=moved_by + [q for q in missing if q not in moved_by],
    )


def check_text(entry: Entry) -> str:
    """The words of a check that are searched for warning signs: its body and the
    answers that are writing (not the title, the plan pick or the saved light)."""
    parts = [entry.body]
    for qid, value in entry.answers.items():
        if qid in NOT_WRITING:
            continue
        if isinstance(value, str) and value not in ("yes", "no", "unsure"):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, str))
    return "\n\n".join(p for p in parts if p and p.strip())
