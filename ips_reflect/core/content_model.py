"""What question packs become: frozen records (:class:`Item`, :class:`Section`,
:class:`Pack`, :class:`SignPattern`, :class:`Choice`), :class:`Content` with its
lookups by id, :class:`ContentError`, and the ids the app needs every pack set to define.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ips_reflect.core.concept_terms import Concept, ConceptRule
from ips_reflect.core.content_phrases import phrase_regex

# The ids every pack set must define live in core.ids (the vault needs them, not the packs).
from ips_reflect.core.ids import AUDIENCE_IDS as AUDIENCE_IDS
from ips_reflect.core.ids import POSITIVE_REASON_IDS as POSITIVE_REASON_IDS
from ips_reflect.core.ids import WARNING_SIGN_IDS as WARNING_SIGN_IDS
from ips_reflect.core.light_rules import LightRules
from ips_reflect.core.sign_model import SignModel
from ips_reflect.core.yamlsafe import Location, Problem
from ips_reflect.errors import UserError

#: The pack whose ``light:`` block holds the traffic light's rules.
LIGHT_PACK = "before_sharing"


# --------------------------------------------------------------------------- model


class ContentError(UserError):
    """One or more packs are invalid; ``problems`` has every line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        super().__init__(
            f"The question packs have {n} problem{'s' if n != 1 else ''}; "
            "fix the lines listed and try again.",
            details=[str(p) for p in self.problems],
        )


@dataclass(frozen=True)
class Choice:
    id: str
    text: str


@dataclass(frozen=True)
class SignPattern:
    """Words that suggest a warning sign: a ``phrase`` or a ``regex`` (one of the two),
    with ``exclude`` regexes that cancel a match in the same sentence, and ``why``."""

    phrase: str | None = None
    regex: str | None = None
    exclude: tuple[str, ...] = ()
    why: str | None = None
    location: Location | None = field(default=None, compare=False)

    @property
    def source(self) -> str:
        """The regular expression this pattern searches with (case is ignored)."""
        if self.regex is not None:
            return self.regex
        return phrase_regex(self.phrase or "")

    @property
    def label(self) -> str:
        return self.phrase if self.phrase is not None else (self.regex or "")


@dataclass(frozen=True)
class Item:
    id: str
    type: str
    text: str
    help: str
    source: str
    pack: str
    section: str
    short: str | None = None
    answer: str | None = None
    choices: tuple[Choice, ...] = ()
    scale_low: str | None = None
    scale_high: str | None = None
    audiences: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    quick: bool = False
    patterns: tuple[SignPattern, ...] = ()
    rules: tuple[ConceptRule, ...] = ()
    severity: str | None = None
    location: Location | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        """Short label for lists and charts; falls back to the full text."""
        return self.short or self.text

    def applies_to(self, audience: str | None = None, group: str | None = None) -> bool:
        """True when the item is meant for this audience and practitioner group.

        An item with no ``audiences`` (or ``groups``) applies to all of them.
        """
        if audience and self.audiences and audience not in self.audiences:
            return False
        return not (group and self.groups and group not in self.groups)

    def search_text(self) -> str:
        parts = [self.text, self.short or "", self.help, self.source, *self.examples]
        parts += [c.text for c in self.choices]
        return " ".join(parts).casefold()


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    source: str
    pack: str
    items: tuple[Item, ...]
    intro: str | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    source: str
    sections: tuple[Section, ...]
    intro: str | None = None
    order: int = 100
    location: Location | None = field(default=None, compare=False)
    light: LightRules | None = None
    concepts: tuple[Concept, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)


class Content:
    """All packs, in reading order, with lookups by id."""

    def __init__(
        self, packs: Iterable[Pack], dirs: Sequence[Path] = (), sign_model: SignModel | None = None
    ) -> None:
        self.packs: tuple[Pack, ...] = tuple(sorted(packs, key=lambda p: (p.order, p.id)))
        self.dirs = tuple(dirs)
        #: Learned word weights for the warning signs (None: the rules alone decide).
        self.sign_model = sign_model
        self._items: dict[str, Item] = {}
        self._sections: dict[str, Section] = {}
        for p in self.packs:
            for s in p.sections:
                self._sections[s.id] = s
                for i in s.items:
                    self._items[i.id] = i

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self._items.values())

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def item(self, item_id: str) -> Item:
        return self._items[item_id]

    def get(self, item_id: str) -> Item | None:
        return self._items.get(item_id)

    def pack(self, pack_id: str) -> Pack:
        for p in self.packs:
            if p.id == pack_id:
                return p
        raise KeyError(pack_id)

    def section(self, section_id: str) -> Section:
        return self._sections[section_id]

    def items(self, type: str | None = None, pack: str | None = None) -> list[Item]:
        return [
            i
            for i in self._items.values()
            if (type is None or i.type == type) and (pack is None or i.pack == pack)
        ]

    @property
    def concepts(self) -> dict[str, Concept]:
        """Every pack's concept vocabularies by id (for the warning signs' rules)."""
        return {c.id: c for p in self.packs for c in p.concepts}

    @property
    def warning_signs(self) -> list[Item]:
        return self.items(type="warning_sign")

    @property
    def positive_reasons(self) -> list[Item]:
        return self.items(type="reason")

    @property
    def audiences(self) -> list[Item]:
        return self.items(type="context")

    @property
    def light_rules(self) -> LightRules:
        """The traffic light's rules (the before-sharing pack's ``light:`` block)."""
        for p in self.packs:
            if p.id == LIGHT_PACK and p.light is not None:
                return p.light
        return LightRules()

    def search(self, query: str) -> list[Item]:
        """Items whose text, help, source or examples contain every word of ``query``."""
        words = query.casefold().split()
        if not words:
            return list(self._items.values())
        return [i for i in self._items.values() if all(w in i.search_text() for w in words)]

    def summary(self) -> str:
        n_packs = len(self.packs)
        return (
            f"{len(self)} items in {n_packs} pack{'s' if n_packs != 1 else ''} "
            f"({len(self.warning_signs)} warning signs, "
            f"{len(self.positive_reasons)} positive reasons)"
        )
