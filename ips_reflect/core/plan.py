"""The personal sharing plan (Box 1 of the paper) and what it says about a share.

A practitioner names the experiences they might use, in their own words, and
for each audience (clients, employers, the IPS team, the clinical team) picks a
level: share freely, share briefly, not now (still too raw) or never (a
boundary). The plan also keeps a will-not-share list, what to say if asked for
more, ready-made redirect lines, how they would explain sharing to a manager or
a sceptical colleague, and a social media check.

Stored as a JSON payload with ``vault.plans.save(payload)``; every save is a new
version and earlier versions are kept::

    {"experiences": [{"id": "e-1a2b3c4d", "label": "my redundancy",
                      "kind": "exp.work_struggles",
                      "levels": {"client": "briefly", "employer": "never",
                                 "ips_team": "freely", "clinical_team": "not_now"},
                      "notes": "..."}],
     "will_not_share": ["..."], "asked_for_more": "...", "redirect_lines": ["..."],
     "explain_to_manager": "...", "social_media": "yes|no|unsure",
     "social_media_notes": "...", "answers": {"prep.question.id": value}}

Levels are the choice ids of ``prep.plan.level``. Reading a payload is lenient:
unknown keys are ignored, a bad level or audience is dropped, so an old or
hand-edited plan never stops the app.

Plain Python: no Qt, no database.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ips_reflect.core.content import AUDIENCE_IDS

LEVELS: tuple[str, ...] = ("freely", "briefly", "not_now", "never")
#: Levels that say "do not share this with this audience now".
STOP_LEVELS: tuple[str, ...] = ("not_now", "never")
EXPERIENCE_KINDS: tuple[str, ...] = (
    "exp.personal_info",
    "exp.interests_culture",
    "exp.thoughts_views",
    "exp.life_struggles",
    "exp.work_struggles",
    "exp.mental_health",
)
SOCIAL_MEDIA_VALUES: tuple[str, ...] = ("yes", "no", "unsure")

#: The sentence for each level; ``{name}`` is the experience, ``{who}`` the audience.
LEVEL_SENTENCES: dict[str, str] = {
    "freely": "Your sharing plan marks “{name}” as fine to share freely with {who}.",
    "briefly": "Your sharing plan says to share “{name}” only briefly with {who}.",
    "not_now": "Your sharing plan marks “{name}” as not now (still too raw) for {who}.",
    "never": "Your sharing plan marks “{name}” as never for {who}.",
}
#: Short labels for tables and lists.
LEVEL_LABELS: dict[str, str] = {
    "freely": "Freely",
    "briefly": "Briefly",
    "not_now": "Not now",
    "never": "Never",
}
#: Audiences as they read after "for": "never for employers".
AUDIENCE_PLURALS: dict[str, str] = {
    "client": "clients",
    "employer": "employers",
    "ips_team": "your IPS team",
    "clinical_team": "the clinical team",
}

AnswerValue = str | int | bool | list[str]


def new_experience_id() -> str:
    """A short, stable id for a new experience: ``e-`` and 8 hex digits."""
    return "e-" + uuid.uuid4().hex[:8]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _lines(value: object) -> list[str]:
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list | tuple):
        return []
    out: list[str] = []
    for item in value:
        if isinstance(item, str) and item.strip() and item.strip() not in out:
            out.append(item.strip())
    return out


def _answer(value: object) -> AnswerValue | None:
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


@dataclass
class PlanExperience:
    """One experience in the plan, with a level per audience (missing: not decided)."""

    id: str
    label: str
    kind: str = ""
    levels: dict[str, str] = field(default_factory=dict)
    notes: str = ""

    def level(self, audience: str) -> str | None:
        return self.levels.get(audience)

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> PlanExperience:
        raw_levels = data.get("levels")
        levels: dict[str, str] = {}
        if isinstance(raw_levels, Mapping):
            for audience in AUDIENCE_IDS:
                level = raw_levels.get(audience)
                if level in LEVELS:
                    levels[audience] = str(level)
        kind = _text(data.get("kind"))
        exp_id = _text(data.get("id")) or new_experience_id()
        return cls(
            id=exp_id,
            label=_text(data.get("label")).strip(),
            kind=kind if kind in EXPERIENCE_KINDS else "",
            levels=levels,
            notes=_text(data.get("notes")),
        )

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "levels": {a: self.levels[a] for a in AUDIENCE_IDS if self.levels.get(a) in LEVELS},
            "notes": self.notes,
        }


@dataclass
class SharingPlan:
    """The whole plan; see the module docstring for the payload."""

    experiences: list[PlanExperience] = field(default_factory=list)
    will_not_share: list[str] = field(default_factory=list)
    asked_for_more: str = ""
    redirect_lines: list[str] = field(default_factory=list)
    explain_to_manager: str = ""
    social_media: str = ""
    social_media_notes: str = ""
    answers: dict[str, AnswerValue] = field(default_factory=dict)

    @classmethod
    def from_payload(cls, payload: object) -> SharingPlan:
        """Read a stored payload leniently (None or junk gives an empty plan)."""
        if not isinstance(payload, Mapping):
            return cls()
        experiences: list[PlanExperience] = []
        seen: set[str] = set()
        raw = payload.get("experiences")
        for item in raw if isinstance(raw, list) else []:
            if not isinstance(item, Mapping):
                continue
            exp = PlanExperience.from_payload(item)
            if exp.id in seen:
                exp.id = new_experience_id()
            seen.add(exp.id)
            experiences.append(exp)
        answers: dict[str, AnswerValue] = {}
        raw_answers = payload.get("answers")
        if isinstance(raw_answers, Mapping):
            for key, value in raw_answers.items():
                answer = _answer(value)
                if isinstance(key, str) and answer is not None:
                    answers[key] = answer
        social = _text(payload.get("social_media"))
        return cls(
            experiences=experiences,
            will_not_share=_lines(payload.get("will_not_share")),
            asked_for_more=_text(payload.get("asked_for_more")),
            redirect_lines=_lines(payload.get("redirect_lines")),
            explain_to_manager=_text(payload.get("explain_to_manager")),
            social_media=social if social in SOCIAL_MEDIA_VALUES else "",
            social_media_notes=_text(payload.get("social_media_notes")),
            answers=answers,
        )

    def to_payload(self) -> dict[str, Any]:
        return {
            "experiences": [e.to_payload() for e in self.experiences],
            "will_not_share": list(self.will_not_share),
            "asked_for_more": self.asked_for_more,
            "redirect_lines": list(self.redirect_lines),
            "explain_to_manager": self.explain_to_manager,
            "social_media": self.social_media,
            "social_media_notes": self.social_media_notes,
            "answers": {k: list(v) if isinstance(v, list) else v for k, v in self.answers.items()},
        }

    def experience(self, experience_id: str | None) -> PlanExperience | None:
        for exp in self.experiences:
            if exp.id == experience_id:
                return exp
        return None

    def is_empty(self) -> bool:
        return not (
            self.experiences
            or self.will_not_share
            or self.asked_for_more.strip()
            or self.redirect_lines
            or self.explain_to_manager.strip()
            or self.social_media
            or self.social_media_notes.strip()
            or any(_has_value(v) for v in self.answers.values())
        )


def _has_value(value: AnswerValue) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(v.strip() for v in value)
    return True


PlanLike = SharingPlan | Mapping[str, Any] | None


def as_plan(plan: PlanLike) -> SharingPlan:
    """A :class:`SharingPlan` from a plan, a stored payload, or None (an empty plan)."""
    return plan if isinstance(plan, SharingPlan) else SharingPlan.from_payload(plan)


def level_for(plan: PlanLike, experience_id: str | None, audience: str | None) -> str | None:
    """The plan's level for this experience and audience; None when not decided or unknown."""
    if not experience_id or not audience:
        return None
    exp = as_plan(plan).experience(experience_id)
    return exp.level(audience) if exp is not None else None


@dataclass(frozen=True)
class PlanDeviation:
    """A share that the plan does not fully support for this audience.

    ``level`` is ``briefly`` (amber: keep it short), ``not_now`` or ``never``
    (red: the plan says not to share this with this audience now).
    """

    experience_id: str
    label: str
    audience: str
    level: str
    sentence: str

    @property
    def stops(self) -> bool:
        """True when the plan says not now or never (a red light)."""
        return self.level in STOP_LEVELS

    def __str__(self) -> str:
        return self.sentence


def deviation_sentence(label: str, level: str, audience: str) -> str:
    """E.g. "Your sharing plan marks “my redundancy” as never for employers."."""
    template = LEVEL_SENTENCES.get(level, "Your sharing plan marks “{name}” as {level} for {who}.")
    who = AUDIENCE_PLURALS.get(audience, audience)
    name = " ".join(label.split()) or "this experience"
    return template.format(name=name, who=who, level=level)


def deviation(
    plan: PlanLike, experience_id: str | None, audience: str | None
) -> PlanDeviation | None:
    """What the plan says against sharing this experience with this audience, if anything.

    None when the experience is not in the plan, the level is not decided, or it
    is ``freely``.
    """
    if not experience_id or not audience:
        return None
    exp = as_plan(plan).experience(experience_id)
    if exp is None:
        return None
    level = exp.level(audience)
    if level is None or level == "freely":
        return None
    return PlanDeviation(
        experience_id=exp.id,
        label=exp.label,
        audience=audience,
        level=level,
        sentence=deviation_sentence(exp.label, level, audience),
    )


def blocked_phrases(plan: PlanLike) -> list[str]:
    """Words the practitioner has said they will not share somewhere.

    The labels of experiences marked ``never`` or ``not_now`` for any audience,
    then the will-not-share list; blanks and repeats left out. The biography
    privacy guard warns when a draft contains one of these.
    """
    p = as_plan(plan)
    out: list[str] = []
    for exp in p.experiences:
        if any(level in STOP_LEVELS for level in exp.levels.values()):
            label = exp.label.strip()
            if label and label not in out:
                out.append(label)
    for phrase in p.will_not_share:
        phrase = phrase.strip()
        if phrase and phrase not in out:
            out.append(phrase)
    return out


def plan_damage(payload: object) -> str | None:
    """Why a stored plan cannot be trusted by the biography guard, or None if it can.

    Reading a plan for the app is lenient (see :meth:`SharingPlan.from_payload`),
    but the guard must not take a damaged plan for an empty one: a payload that
    is not a mapping, or whose experiences or will-not-share list are not what
    a saved plan holds, is damaged.
    """
    if not isinstance(payload, Mapping):
        return "the stored plan is not a set of answers"
    experiences = payload.get("experiences", [])
    if not isinstance(experiences, list):
        return "its experiences are not a list"
    for item in experiences:
        if not isinstance(item, Mapping):
            return "an experience cannot be read"
        if not isinstance(item.get("label", ""), str):
            return "an experience has no readable name"
        if not isinstance(item.get("levels", {}), Mapping):
            return "an experience's levels cannot be read"
    will_not = payload.get("will_not_share", [])
    if isinstance(will_not, str):
        return None
    if not isinstance(will_not, list) or not all(isinstance(w, str) for w in will_not):
        return "the will-not-share list cannot be read"
    return None


def describe_levels(exp: PlanExperience, audiences: Sequence[str] = AUDIENCE_IDS) -> str:
    """One line such as "clients: briefly · employers: never" (decided levels only)."""
    parts = []
    for audience in audiences:
        level = exp.level(audience)
        if level:
            parts.append(f"{AUDIENCE_PLURALS[audience]}: {LEVEL_LABELS[level].lower()}")
    return " · ".join(parts)


def plan_summary(plan: PlanLike) -> str:
    """The plan as plain text (for the journal entry made when the plan is saved)."""
    p = as_plan(plan)
    lines: list[str] = []
    if p.experiences:
        lines.append("Experiences:")
        for exp in p.experiences:
            levels = describe_levels(exp) or "levels not decided yet"
            lines.append(f"- {exp.label or '(no words yet)'} ({levels})")
            if exp.notes.strip():
                lines.append(f"  {' '.join(exp.notes.split())}")
    if p.will_not_share:
        lines.append("I will not share:")
        lines += [f"- {w}" for w in p.will_not_share]
    if p.asked_for_more.strip():
        lines.append(f"If asked for more: {p.asked_for_more.strip()}")
    if p.redirect_lines:
        lines.append("Redirect lines:")
        lines += [f"- {r}" for r in p.redirect_lines]
    if p.explain_to_manager.strip():
        lines.append(f"How I would explain it: {p.explain_to_manager.strip()}")
    if p.social_media:
        lines.append(f"Social media checked: {p.social_media}")
    if p.social_media_notes.strip():
        lines.append(f"Social media notes: {p.social_media_notes.strip()}")
    return "\n".join(lines)
