"""Reading the ``concepts:`` of a pack and the ``rules:`` of a warning sign.

Every problem is reported at its file:line:col through the pack reader
(:class:`~ips_reflect.core.yamlsafe.NodeReader`); see :mod:`concepts` for what
concepts and rules mean.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from ips_reflect.core.concepts import RULE_KEYS, WITHIN, Concept, ConceptRule, term_words
from ips_reflect.core.yamlsafe import Location, NodeReader, node_location

__all__ = ["read_concepts", "read_rules"]


# --------------------------------------------------------------------------- reading packs


def read_concepts(reader: NodeReader, node: yaml.Node) -> dict[str, Concept] | None:
    """The ``concepts:`` mapping of a pack: concept id -> list of terms."""
    m = reader.mapping(node, "the concepts (concept id: [words ...])")
    if m is None:
        return None
    out: dict[str, Concept] = {}
    for key, (knode, vnode) in m.items():
        cid = reader.ident(knode, "concept id")
        if cid is None:
            continue
        if not isinstance(vnode, yaml.SequenceNode) or not vnode.value:
            reader.problem(vnode, f"the concept '{key}' must be a list of words ('- ' lines)")
            continue
        terms: list[str] = []
        for child in vnode.value:
            term = reader.text(child, f"a word of '{key}'")
            if term is None:
                continue
            try:
                term_words(term)
            except ValueError as exc:
                reader.problem(child, f"the term '{term}' of '{key}' cannot be read: {exc}")
                continue
            terms.append(term)
        if terms:
            out[cid] = Concept(cid, tuple(terms), node_location(reader.path, knode))
    return out


def read_rules(
    reader: NodeReader, node: yaml.Node, regex_text: Callable[[yaml.Node, str], str | None]
) -> list[ConceptRule] | None:
    """A warning sign's ``rules:`` list. ``regex_text`` checks an ``exclude`` regex."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        reader.problem(node, "'rules' must be a list of rules, each '- all: [concept, ...]'")
        return None
    out: list[ConceptRule] = []
    for rnode in node.value:
        rule = _read_rule(reader, rnode, regex_text)
        if rule is not None:
            out.append(rule)
    return out


def _ids(
    reader: NodeReader, node: yaml.Node, key: str, *, alternatives: bool
) -> list[tuple[tuple[str, ...], Location]] | None:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        reader.problem(node, f"'{key}' must be a list of concept ids, like [channel, exchange]")
        return None
    out = []
    for child in node.value:
        value = reader.text(child, key)
        if value is None:
            return None
        parts = tuple(p.strip() for p in value.split("|"))
        if len(parts) > 1 and not alternatives:
            reader.problem(child, f"'{value}': '|' only goes in 'all'")
            return None
        if not all(parts) or not all(re.match(r"^[a-z][a-z0-9_]*$", p) for p in parts):
            reader.problem(child, f"'{value}' is not a concept id (or ids joined by |)")
            return None
        out.append((parts, node_location(reader.path, child)))
    return out


def _read_rule(
    reader: NodeReader, node: yaml.Node, regex_text: Callable[[yaml.Node, str], str | None]
) -> ConceptRule | None:
    m = reader.mapping(node, "a rule")
    if m is None:
        return None
    reader.unknown_keys(m, RULE_KEYS, "a rule")
    if "all" not in m:
        reader.problem(node, "a rule needs 'all: [concept, ...]', the concepts it combines")
        return None
    slots = _ids(reader, m["all"][1], "all", alternatives=True)
    none = _ids(reader, m["none"][1], "none", alternatives=False) if "none" in m else []
    unless = _ids(reader, m["unless"][1], "unless", alternatives=False) if "unless" in m else []
    ok = slots is not None and none is not None and unless is not None
    within = "sentence"
    if "within" in m:
        value = reader.text(m["within"][1], "within")
        if value not in WITHIN:
            reader.problem(m["within"][1], f"'within' must be one of: {', '.join(WITHIN)}")
            ok = False
        else:
            within = value
    near: int | None = None
    if "near" in m:
        vnode = m["near"][1]
        if (
            isinstance(vnode, yaml.ScalarNode)
            and vnode.tag.endswith(":int")
            and vnode.value.isdigit()
        ):
            near = int(vnode.value)
        if near is None or not 1 <= near <= 40:
            reader.problem(vnode, "'near' must be a whole number of words from 1 to 40")
            ok = False
    excludes, excludes_ok = reader.excludes(m, regex_text)
    ok = ok and excludes_ok
    why = reader.text(m["why"][1], "why") if "why" in m else None
    if not ok or slots is None or none is None or unless is None:
        return None
    refs = tuple((cid, loc) for parts, loc in [*slots, *none, *unless] for cid in parts)
    return ConceptRule(
        slots=tuple(parts for parts, _loc in slots),
        none=tuple(parts[0] for parts, _loc in none),
        unless=tuple(parts[0] for parts, _loc in unless),
        within=within,
        near=near,
        exclude=tuple(excludes),
        why=why,
        location=node_location(reader.path, node),
        refs=refs,
    )
