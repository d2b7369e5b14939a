"""The rules of the traffic light, read from the ``light:`` block of the before-sharing pack.

The block lists the *key questions* (a check with one of them unanswered is
``incomplete``) and two ordered lists of rules, ``red`` and ``amber``. Each rule
has an ``id`` (so an organisation can override or switch it off), a ``when``
condition of one of the kinds in :data:`WHEN_KINDS`, the part of the paper it
comes from (``source``) and the sentence shown when it applies (``reason``)::

    light:
      key_questions: [before.benefit.helps_person, before.okay.today]
      red:
        - id: benefit_no
          when: {answer: before.benefit.helps_person, is: no}
          source: "Guidelines — does it benefit the person? is it okay with me?"
          reason: "You said sharing this would not do them good (“{label}”)."
      amber:
        - id: no_reason
          when: {no_reason: true}
          source: "Box 2 — positive reasons for sharing"
          reason: "You did not pick a positive reason for sharing."

This module reads the block into raw records (with file:line:col for every
problem), merges override blocks by rule id, and checks the result against the
pack's items. :func:`ips_reflect.core.check.assess` applies the rules.

Plain Python: no Qt.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

import yaml

from ips_reflect.core.yamlsafe import (
    Location,
    NodeReader,
    Problem,
    closest,
    describe,
    node_location,
)

LIGHT_KEYS = ("source", "key_questions", "red", "amber")
RULE_KEYS = ("id", "when", "source", "reason", "disabled")
LEVELS = ("red", "amber")
#: Every kind of ``when:``, with the keys it may have besides the kind itself.
WHEN_KINDS: dict[str, tuple[str, ...]] = {
    "answer": ("is", "audience"),
    "other_answer": ("audience",),
    "plan": (),
    "no_reason": (),
    "sign": (),
}
#: ``answer: key_questions`` stands for every key question.
KEY = "key_questions"
ANSWER_VALUES = ("yes", "no", "unsure")
PLAN_LEVELS = ("briefly", "not_now", "never")
#: Values of a warning sign's ``severity`` (an item key) and of ``when: {sign: ...}``.
SEVERITIES = ("serious", "ordinary")
SIGN_CHOICES = (*SEVERITIES, "any")
#: The placeholders a reason may use, by kind.
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "answer": ("label",),
    "other_answer": ("label",),
    "plan": ("sentence", "label"),
    "no_reason": (),
    "sign": ("label", "how"),
}


@dataclass(frozen=True)
class Condition:
    """When a rule applies. ``values``: answers (``answer``, ``other_answer``), plan levels
    (``plan``); ``severity``: ``serious``, ``ordinary`` or ``any`` (``sign``)."""

    kind: str
    question: str | None = None
    values: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    severity: str | None = None

    def for_audience(self, audience: str | None) -> bool:
        return not self.audiences or audience in self.audiences


@dataclass(frozen=True)
class LightRule:
    id: str
    level: str
    when: Condition
    source: str
    reason: str
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class LightRules:
    """The light's rules after merging; empty when the pack has no ``light:`` block."""

    key_questions: tuple[str, ...] = ()
    red: tuple[LightRule, ...] = ()
    amber: tuple[LightRule, ...] = ()
    source: str = ""

    @property
    def rules(self) -> tuple[LightRule, ...]:
        return self.red + self.amber

    @property
    def named_questions(self) -> frozenset[str]:
        """Questions a rule names on its own (``other_answer`` leaves these alone)."""
        named = set(self.key_questions)
        for rule in self.rules:
            if rule.when.kind == "answer" and rule.when.question and rule.when.question != KEY:
                named.add(rule.when.question)
        return frozenset(named)


# --------------------------------------------------------------------------- reading


@dataclass
class RawRule:
    id: str
    level: str
    values: dict[str, Any]
    keylocs: dict[str, Location]
    location: Location


@dataclass
class RawLight:
    location: Location
    source: str | None = None
    key_questions: list[tuple[str, Location]] | None = None
    rules: list[RawRule] = field(default_factory=list)


def read_light(reader: NodeReader, node: yaml.Node) -> RawLight | None:
    """The ``light:`` block of a pack file, as raw records (problems go to ``reader``)."""
    m = reader.mapping(node, "the light block")
    if m is None:
        return None
    reader.unknown_keys(m, LIGHT_KEYS, "the light block")
    raw = RawLight(node_location(reader.path, node))
    if "source" in m:
        raw.source = reader.text(m["source"][1], "source")
    if KEY in m:
        knode = m[KEY][1]
        if not isinstance(knode, yaml.SequenceNode) or not knode.value:
            reader.problem(knode, f"'{KEY}' must be a list of question ids ('- ' lines)")
        else:
            raw.key_questions = [
                (qid, node_location(reader.path, n))
                for n in knode.value
                if (qid := reader.ident(n, "question id")) is not None
            ]
    seen: dict[str, Location] = {}
    for level in LEVELS:
        if level not in m:
            continue
        lnode = m[level][1]
        if not isinstance(lnode, yaml.SequenceNode):
            reader.problem(lnode, f"'{level}' must be a list of rules ('- id: ...' lines)")
            continue
        for rnode in lnode.value:
            rule = _read_rule(reader, rnode, level)
            if rule is None:
                continue
            if rule.id in seen:
                reader.problem(
                    rnode,
                    f"the rule id '{rule.id}' is used twice in this file "
                    f"(first at line {seen[rule.id].line}); give each rule its own id",
                )
                continue
            seen[rule.id] = rule.location
            raw.rules.append(rule)
    return raw


def _read_rule(reader: NodeReader, node: yaml.Node, level: str) -> RawRule | None:
    found = reader.identified(
        node,
        "a light rule",
        RULE_KEYS,
        "this rule has no 'id'; give it a short id such as benefit_no",
        "rule id",
    )
    if found is None:
        return None
    m, rule_id = found

    def read(key: str, vnode: yaml.Node) -> Any:
        if key == "when":
            return _read_when(reader, vnode)
        if key == "disabled":
            return _bool(reader, vnode, "disabled")
        return reader.text(vnode, key)

    values, keylocs = reader.key_values(m, RULE_KEYS, read)
    return RawRule(rule_id, level, values, keylocs, node_location(reader.path, node))


def _bool(reader: NodeReader, node: yaml.Node, key: str) -> bool | None:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
        return node.value.lower() in ("true", "yes", "on")
    reader.problem(node, f"{key} must be true or false, found {describe(node)}")
    return None


def _words(reader: NodeReader, node: yaml.Node, key: str, allowed: tuple[str, ...]) -> list[str]:
    """One word or a list of words, each one of ``allowed`` (YAML's yes/no become words)."""
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out: list[str] = []
    for n in nodes:
        if isinstance(n, yaml.ScalarNode) and n.tag.endswith((":str", ":bool")) and n.value:
            word = n.value.strip().lower()
            if word in allowed:
                out.append(word)
                continue
            hint = closest(word, allowed)
            extra = f"; did you mean '{hint}'?" if hint else ""
            reader.problem(
                n, f"'{word}' is not a value of '{key}'{extra} (use: {', '.join(allowed)})"
            )
        else:
            reader.problem(n, f"'{key}' must be one of {', '.join(allowed)}, found {describe(n)}")
    if not nodes:
        reader.problem(node, f"'{key}' is an empty list; give at least one of {', '.join(allowed)}")
    return out


def _read_when(reader: NodeReader, node: yaml.Node) -> tuple[Condition, Location] | None:
    m = reader.mapping(node, "a 'when' condition")
    if m is None:
        return None
    kinds = [k for k in m if k in WHEN_KINDS]
    if len(kinds) != 1:
        unknown = [k for k in m if k not in WHEN_KINDS and k not in ("is", "audience")]
        if unknown:
            hint = closest(unknown[0], list(WHEN_KINDS))
            extra = f"; did you mean '{hint}'?" if hint else ""
            reader.problem(
                m[unknown[0]][0],
                f"unknown rule kind '{unknown[0]}'{extra} (use one of: {', '.join(WHEN_KINDS)})",
            )
        else:
            reader.problem(
                node,
                "a 'when' condition needs exactly one kind: " + ", ".join(WHEN_KINDS),
            )
        return None
    kind = kinds[0]
    reader.unknown_keys(m, (kind, *WHEN_KINDS[kind]), f"a '{kind}' condition")
    knode = m[kind][1]
    loc = node_location(reader.path, knode)
    question: str | None = None
    values: tuple[str, ...] = ()
    severity: str | None = None
    if kind == "answer":
        question = reader.ident(knode, "question id")
        if "is" not in m:
            reader.problem(node, "an 'answer' condition needs 'is: yes', 'is: no' or 'is: unsure'")
            return None
        values = tuple(_words(reader, m["is"][1], "is", ANSWER_VALUES))
        if question is None or not values:
            return None
    elif kind == "other_answer":
        values = tuple(_words(reader, knode, "other_answer", ANSWER_VALUES))
        if not values:
            return None
    elif kind == "plan":
        values = tuple(_words(reader, knode, "plan", PLAN_LEVELS))
        if not values:
            return None
    elif kind == "no_reason":
        if not _bool(reader, knode, "no_reason"):
            if isinstance(knode, yaml.ScalarNode) and knode.tag.endswith(":bool"):
                reader.problem(knode, "no_reason can only be true (remove the rule to drop it)")
            return None
    else:
        found = _words(reader, knode, "sign", SIGN_CHOICES)
        if len(found) != 1:
            return None
        severity = found[0]
    audiences: tuple[str, ...] = ()
    if "audience" in m:
        anode = m["audience"][1]
        nodes = anode.value if isinstance(anode, yaml.SequenceNode) else [anode]
        audiences = tuple(a for n in nodes if (a := reader.ident(n, "audience")) is not None)
        if not audiences:
            return None
    cond = Condition(kind, question, values, audiences, severity)
    return cond, loc


# --------------------------------------------------------------------------- merging


def merge_light(base: RawLight | None, over: RawLight) -> RawLight:
    """``over`` (an override file) applied to ``base``: key questions replaced when
    given, rules merged by id (keys given replace; a rule listed under the other level
    moves there), new rules added at the end of their list."""
    if base is None:
        return over
    if over.source is not None:
        base.source = over.source
    if over.key_questions is not None:
        base.key_questions = over.key_questions
    by_id = {r.id: r for r in base.rules}
    for rule in over.rules:
        existing = by_id.get(rule.id)
        if existing is None:
            base.rules.append(rule)
            by_id[rule.id] = rule
            continue
        existing.values.update(rule.values)
        existing.keylocs.update(rule.keylocs)
        existing.level = rule.level
    return base


def build_light(
    raw: RawLight, questions: dict[str, Any], audiences: set[str]
) -> tuple[LightRules, list[Problem]]:
    """Check the merged block against the items and build :class:`LightRules`.

    ``questions`` maps every question id to its answer kind.
    """
    problems: list[Problem] = []

    def question_problem(qid: str, loc: Location) -> bool:
        if qid not in questions:
            hint = closest(qid, sorted(questions))
            extra = f"; did you mean '{hint}'?" if hint else ""
            problems.append(Problem(loc, f"'{qid}' is not the id of a question{extra}"))
            return True
        if questions[qid] != "yes_no_unsure":
            problems.append(
                Problem(loc, f"'{qid}' is not a yes / no / unsure question, so it cannot be used")
            )
            return True
        return False

    keys: list[str] = []
    for qid, loc in raw.key_questions or []:
        if not question_problem(qid, loc):
            keys.append(qid)
    out: dict[str, list[LightRule]] = {"red": [], "amber": []}
    for rule in raw.rules:
        v = rule.values
        if v.get("disabled"):
            continue
        bad = False
        for key in ("when", "source", "reason"):
            if key not in v and key not in rule.keylocs:
                problems.append(
                    Problem(rule.location, f"the rule '{rule.id}' has no '{key}'; add '{key}:'")
                )
                bad = True
        if bad or "when" not in v or "source" not in v or "reason" not in v:
            continue
        cond, cloc = v["when"]
        if cond.question not in (None, KEY) and question_problem(cond.question, cloc):
            continue
        wrong = [a for a in cond.audiences if a not in audiences]
        if wrong:
            problems.append(
                Problem(
                    cloc, f"'{wrong[0]}' is not an audience (use: {', '.join(sorted(audiences))})"
                )
            )
            continue
        reason_problem = _template_problem(v["reason"], PLACEHOLDERS[cond.kind])
        if reason_problem:
            problems.append(Problem(rule.keylocs["reason"], reason_problem))
            continue
        out[rule.level].append(
            LightRule(rule.id, rule.level, cond, v["source"], v["reason"], rule.location)
        )
    rules = LightRules(tuple(keys), tuple(out["red"]), tuple(out["amber"]), raw.source or "")
    return rules, problems


def _template_problem(template: str, allowed: tuple[str, ...]) -> str | None:
    try:
        names = [
            name for _t, name, _f, _c in string.Formatter().parse(template) if name is not None
        ]
    except ValueError as exc:
        return f"the reason cannot be read ({exc}); write a literal brace as {{{{ or }}}}"
    for name in names:
        if name not in allowed:
            can = ", ".join("{" + a + "}" for a in allowed) or "no placeholders"
            return (
                f"the reason uses '{{{name}}}', which this kind of rule does not fill (use {can})"
            )
    return None
