"""Loading the question packs: :class:`_Builder` merges the packs of the base folder
and any override folders and checks the whole set (references, concepts, the ids the
app needs), then :func:`check_content` and :func:`load_content` give the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ips_reflect.core import content_cache
from ips_reflect.core.content_model import (
    AUDIENCE_IDS,
    POSITIVE_REASON_IDS,
    WARNING_SIGN_IDS,
    Content,
    ContentError,
    Item,
    Pack,
    Section,
)
from ips_reflect.core.content_reader import (
    ANSWER_KINDS,
    ITEM_REQUIRED,
    TYPES_NEEDING_ANSWER,
    TYPES_WITH_ANSWER,
    _RawItem,
    _RawPack,
    _RawSection,
    _Reader,
)
from ips_reflect.core.light_rules import LightRules, RawLight, build_light, merge_light
from ips_reflect.core.sign_model import MODEL_FILE, SignModel, SignModelError
from ips_reflect.core.yamlsafe import Location, Problem, closest, display_path

# --------------------------------------------------------------------------- merging


class _Builder:
    """Merges raw packs from one or more directories and checks the whole set."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.packs: dict[str, _RawPack] = {}
        self.pack_order: list[str] = []
        self.items: dict[str, _RawItem] = {}
        self.item_section: dict[str, tuple[str, str]] = {}
        self.section_owner: dict[str, str] = {}

    def add_dir(self, packs: list[_RawPack], *, base: bool) -> None:
        for rp in packs:
            existing = self.packs.get(rp.id)
            if existing is not None and base:
                self.problems.append(
                    Problem(
                        rp.location,
                        f"the pack id '{rp.id}' is already used by {existing.path}; "
                        "give each pack its own id",
                    )
                )
                continue
            if existing is None:
                self.packs[rp.id] = _RawPack(rp.id, dict(rp.values), rp.location, [], rp.path)
                self.pack_order.append(rp.id)
            else:
                for k, v in rp.values.items():
                    if k == "light" and v is not None:
                        existing.values[k] = merge_light(existing.values.get(k), v)
                    elif k == "concepts" and v is not None:  # an override replaces by id
                        existing.values[k] = {**(existing.values.get(k) or {}), **v}
                    elif v is not None:
                        existing.values[k] = v
            self._add_sections(self.packs[rp.id], rp.sections, base=base)

    def _add_sections(self, pack: _RawPack, sections: list[_RawSection], *, base: bool) -> None:
        for rs in sections:
            owner = self.section_owner.get(rs.id)
            target = next((s for s in pack.sections if s.id == rs.id), None)
            if owner is not None and (base or owner != pack.id):
                self.problems.append(
                    Problem(
                        rs.location,
                        f"the section id '{rs.id}' is already used in pack '{owner}'; "
                        "section ids must be unique",
                    )
                )
                continue
            if target is None:
                target = _RawSection(rs.id, dict(rs.values), rs.location, [])
                pack.sections.append(target)
                self.section_owner[rs.id] = pack.id
            else:
                for k, v in rs.values.items():
                    if k != "_keys" and v is not None:
                        target.values[k] = v
            for ri in rs.items:
                self._add_item(pack, target, ri, base=base)

    def _add_item(self, pack: _RawPack, section: _RawSection, ri: _RawItem, *, base: bool) -> None:
        existing = self.items.get(ri.id)
        if existing is not None:
            if base:
                self.problems.append(
                    Problem(
                        ri.location,
                        f"the id '{ri.id}' is already used at {existing.location}; "
                        "every item needs its own id",
                    )
                )
                return
            new_type = ri.values.get("type")
            if new_type is not None and new_type != existing.values.get("type"):
                self.problems.append(
                    Problem(
                        ri.keylocs["type"],
                        f"an override cannot change the type of '{ri.id}' "
                        f"(it is a {existing.values.get('type')}); use a new id instead",
                    )
                )
                return
            existing.values.update(ri.values)
            existing.keylocs.update(ri.keylocs)
            return
        ri.pack, ri.section = pack.id, section.id
        self.items[ri.id] = ri
        section.items.append(ri)

    def build(self) -> list[Pack]:
        for rp in self.packs.values():
            for key in ("title", "source"):
                if not rp.values.get(key):
                    self.problems.append(Problem(rp.location, f"the pack has no '{key}'"))
            for rs in rp.sections:
                for key in ("title", "source"):
                    if not rs.values.get(key):
                        self.problems.append(
                            Problem(rs.location, f"the section '{rs.id}' has no '{key}'; add one")
                        )
                for ri in rs.items:
                    self._check_item(ri)
        self._check_references()
        self._check_concepts()
        self._check_required_ids()
        return [self._pack(rp) for rp in self.packs.values()]

    def _check_item(self, ri: _RawItem) -> None:
        v = ri.values
        missing = [k for k in ITEM_REQUIRED if k != "id" and k not in v and k not in ri.keylocs]
        for key in missing:
            self.problems.append(
                Problem(ri.location, f"the item '{ri.id}' has no '{key}'; add '{key}:'")
            )
        item_type = v.get("type")
        answer = v.get("answer")
        if item_type in TYPES_NEEDING_ANSWER and "answer" not in ri.keylocs:
            self.problems.append(
                Problem(
                    ri.location,
                    f"the {item_type} '{ri.id}' has no 'answer'; "
                    f"add one of: {', '.join(ANSWER_KINDS)}",
                )
            )
        if answer is not None and item_type is not None and item_type not in TYPES_WITH_ANSWER:
            self.problems.append(
                Problem(
                    ri.keylocs["answer"],
                    f"a {item_type} takes no 'answer'; remove it (only questions, "
                    "fields and prompts are answered)",
                )
            )
        if answer == "choice" and not v.get("choices") and "choices" not in ri.keylocs:
            self.problems.append(
                Problem(
                    ri.keylocs.get("answer", ri.location),
                    f"'{ri.id}' is answered by a choice but lists no 'choices'; add them",
                )
            )
        if "choices" in ri.keylocs and answer != "choice":
            self.problems.append(
                Problem(ri.keylocs["choices"], "'choices' only go with 'answer: choice'")
            )
        if "scale" in ri.keylocs and answer != "scale":
            self.problems.append(
                Problem(ri.keylocs["scale"], "'scale' only goes with 'answer: scale'")
            )
        if v.get("quick") and item_type != "question":
            self.problems.append(
                Problem(ri.keylocs["quick"], "only questions can be marked 'quick'")
            )
        if "severity" in ri.keylocs and item_type is not None and item_type != "warning_sign":
            self.problems.append(
                Problem(ri.keylocs["severity"], "only warning signs have a 'severity'")
            )
        if "rules" in ri.keylocs and item_type is not None and item_type != "warning_sign":
            self.problems.append(Problem(ri.keylocs["rules"], "only warning signs have 'rules'"))
        if "patterns" in ri.keylocs and item_type is not None and item_type != "warning_sign":
            self.problems.append(
                Problem(
                    ri.keylocs["patterns"],
                    f"only warning signs have 'patterns' ('{ri.id}' is a {item_type}); remove them",
                )
            )

    def _check_concepts(self) -> None:
        """Every concept a rule names is defined in some pack's ``concepts:``."""
        known = {c for rp in self.packs.values() for c in rp.values.get("concepts") or {}}
        for ri in self.items.values():
            for rule in ri.values.get("rules") or ():
                for cid, loc in rule.refs:
                    if cid not in known:
                        hint = closest(cid, sorted(known))
                        extra = f"; did you mean '{hint}'?" if hint else ""
                        self.problems.append(
                            Problem(loc, f"'{cid}' is not a concept in any pack's concepts{extra}")
                        )

    def _check_references(self) -> None:
        contexts = {i for i, r in self.items.items() if r.values.get("type") == "context"}
        groups = {i for i, r in self.items.items() if r.values.get("type") == "practitioner_group"}
        for ri in self.items.values():
            for key, allowed, what in (
                ("audiences", contexts, "a context (audience)"),
                ("groups", groups, "a practitioner group"),
                ("related", set(self.items), "an item"),
            ):
                for ref, loc in ri.values.get(key) or []:
                    if ref not in allowed:
                        hint = closest(ref, sorted(allowed))
                        extra = f"; did you mean '{hint}'?" if hint else ""
                        self.problems.append(
                            Problem(loc, f"'{ref}' in {key} is not the id of {what}{extra}")
                        )
                    elif key == "related" and ref == ri.id:
                        self.problems.append(Problem(loc, "an item cannot be related to itself"))

    def _check_required_ids(self) -> None:
        if not self.packs:
            return
        first = next(iter(self.packs.values())).location
        for ids, type_, what in (
            (WARNING_SIGN_IDS, "warning_sign", "warning sign"),
            (POSITIVE_REASON_IDS, "reason", "positive reason"),
            (AUDIENCE_IDS, "context", "context"),
        ):
            for rid in ids:
                ri = self.items.get(rid)
                if ri is None:
                    self.problems.append(
                        Problem(
                            Location(first.file, 1, 1),
                            f"the {what} '{rid}' is missing; the app needs every one of: "
                            f"{', '.join(ids)}",
                        )
                    )
                elif ri.values.get("type") != type_:
                    self.problems.append(Problem(ri.location, f"'{rid}' must have 'type: {type_}'"))

    def _pack(self, rp: _RawPack) -> Pack:
        sections = []
        for rs in rp.sections:
            items = tuple(self._item(ri) for ri in rs.items)
            sections.append(
                Section(
                    id=rs.id,
                    title=rs.values.get("title") or rs.id,
                    source=rs.values.get("source") or "",
                    intro=rs.values.get("intro"),
                    pack=rp.id,
                    items=items,
                    location=rs.location,
                )
            )
        light = rp.values.get("light")
        return Pack(
            light=self._light(light) if isinstance(light, RawLight) else None,
            id=rp.id,
            title=rp.values.get("title") or rp.id,
            source=rp.values.get("source") or "",
            intro=rp.values.get("intro"),
            order=rp.values.get("order", 100),
            sections=tuple(sections),
            location=rp.location,
            concepts=tuple((rp.values.get("concepts") or {}).values()),
        )

    def _light(self, raw: RawLight) -> LightRules:
        questions = {
            i: r.values.get("answer")
            for i, r in self.items.items()
            if r.values.get("type") == "question"
        }
        contexts = {i for i, r in self.items.items() if r.values.get("type") == "context"}
        rules, problems = build_light(raw, questions, contexts)
        self.problems.extend(problems)
        return rules

    @staticmethod
    def _item(ri: _RawItem) -> Item:
        v = ri.values
        scale = v.get("scale") or {}
        return Item(
            id=ri.id,
            type=v.get("type", "question"),
            text=v.get("text", ""),
            help=v.get("help", ""),
            source=v.get("source", ""),
            pack=ri.pack,
            section=ri.section,
            short=v.get("short"),
            answer=v.get("answer"),
            choices=tuple(v.get("choices") or ()),
            scale_low=scale.get("low"),
            scale_high=scale.get("high"),
            audiences=tuple(r for r, _ in v.get("audiences") or ()),
            groups=tuple(r for r, _ in v.get("groups") or ()),
            examples=tuple(v.get("examples") or ()),
            related=tuple(r for r, _ in v.get("related") or ()),
            quick=bool(v.get("quick", False)),
            patterns=tuple(v.get("patterns") or ()),
            rules=tuple(v.get("rules") or ()),
            severity=v.get("severity"),
            location=ri.location,
        )


# --------------------------------------------------------------------------- API


def pack_files(directory: Path) -> list[Path]:
    """The pack files of a directory, in a stable order."""
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def check_content(
    base: Path, overrides: Sequence[Path] = ()
) -> tuple[Content | None, list[Problem]]:
    """Validate ``base`` plus any override directories.

    Returns the merged content when there are no problems, and the problems.
    Missing override directories are skipped; a missing base is a problem.
    """
    problems: list[Problem] = []
    builder = _Builder(problems)
    dirs: list[Path] = []
    for index, directory in enumerate([base, *overrides]):
        is_base = index == 0
        if not directory.is_dir():
            if is_base:
                problems.append(
                    Problem(
                        Location(display_path(directory), 1, 1),
                        "this folder does not exist; give the folder that holds the "
                        "question packs (.yaml files)",
                    )
                )
                return None, problems
            continue
        files = pack_files(directory)
        if is_base and not files:
            problems.append(
                Problem(
                    Location(display_path(directory), 1, 1),
                    "no question packs (.yaml files) in this folder",
                )
            )
            return None, problems
        readers = [_Reader(f, problems, base=is_base) for f in files]
        raw = [rp for r in readers if (rp := r.read()) is not None]
        builder.add_dir(raw, base=is_base)
        dirs.append(directory)
    packs = builder.build()
    model = _sign_model(dirs, packs, problems)
    if problems:
        problems.sort(key=lambda p: (p.location.file, p.location.line, p.location.col))
        return None, problems
    return Content(packs, dirs, model), []


def _sign_model(
    dirs: Sequence[Path], packs: Iterable[Pack], problems: list[Problem]
) -> SignModel | None:
    """The last folder's ``sign_model.json`` (an override replaces the shipped one)."""
    path = next((d / MODEL_FILE for d in reversed(dirs) if (d / MODEL_FILE).exists()), None)
    if path is None:
        return None
    try:
        model = SignModel.from_file(path)
    except SignModelError as exc:
        problems.append(Problem(Location(display_path(path), exc.line, exc.col), exc.message))
        return None
    known = {i.id for p in packs for s in p.sections for i in s.items if i.type == "warning_sign"}
    unknown = [s for s in model.signs if s not in known]
    if unknown:
        problems.append(
            Problem(
                Location(display_path(path), 1, 1),
                f"the sign model has weights for '{unknown[0]}', which no pack defines as a "
                "warning sign; train it again with tools/train_sign_model.py",
            )
        )
        return None
    return model


def load_content(
    base: Path | None = None, overrides: Sequence[Path] = (), cache_dir: Path | None = None
) -> Content:
    """Load and validate the packs; raise :class:`ContentError` with every problem.

    With ``cache_dir`` (an existing folder, the app's data folder), the validated
    content is kept there (:mod:`content_cache`) and an unchanged set of packs is
    rebuilt from it without parsing or checking; the cache is ignored and rewritten
    whenever anything about it is wrong. Without it nothing is read or written.
    """
    if base is None:
        from ips_reflect.paths import content_dir

        base = content_dir()
    with content_cache.gc_paused():
        return _load(base, overrides, cache_dir)


def _load(base: Path, overrides: Sequence[Path], cache_dir: Path | None) -> Content:
    key = None
    if cache_dir is not None:
        key = content_cache.cache_key(base, overrides, pack_files)
        cached = content_cache.load_cached(key, cache_dir)
        if cached is not None:
            return cached
    content, problems = check_content(base, overrides)
    if content is None:
        raise ContentError(problems)
    if cache_dir is not None:
        content_cache.save_cached(content, base, overrides, cache_dir, pack_files, key)
    return content
