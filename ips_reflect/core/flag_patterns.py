"""Flags from patterns across entries: many shares with one client in a short time,
notes about one client written out of hours, one client getting most of the sharing
(thresholds in :class:`~ips_reflect.core.flag_model.PatternRules`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ips_reflect import messages
from ips_reflect.core.content_model import Item
from ips_reflect.core.entries import parse_timestamp
from ips_reflect.core.flag_model import SHARE_KINDS, Dated, Flag, PatternRules, fingerprint

#: An entry with the moment it was written and its client key (the alias, case-folded).
_Stamped = tuple[datetime, Dated, str]


class CrossEntryPatterns:
    """The patterns across entries, a part of
    :class:`~ips_reflect.core.flags.FlagEngine` (which sets ``rules`` and ``signs``)."""

    rules: PatternRules
    signs: dict[str, Item]

    if TYPE_CHECKING:

        def help(self, sign: str) -> str: ...

    def pattern_flags(self, entries: Sequence[Dated]) -> list[Flag]:
        """Flags from patterns across entries (see :class:`PatternRules`)."""
        r = self.rules
        dated: list[_Stamped] = []
        for e in entries:
            alias = (e.client_alias or "").strip()
            if not alias or e.in_bin:
                continue
            try:
                moment = parse_timestamp(e.created)
            except (ValueError, TypeError):
                continue
            dated.append((moment, e, alias.casefold()))
        dated.sort(key=lambda t: t[0])
        # A client is matched case-insensitively; the latest spelling is shown.
        names = {key: (e.client_alias or "").strip() for _m, e, key in dated}
        units = _fold_linked(dated)
        shares = [u for u in units if u[0][1].kind in SHARE_KINDS]
        flags: list[Flag] = []
        flags += self._repeat_flags([u[0] for u in shares], names, r)
        flags += self._out_of_hours_flags(units, names, r)
        flags += self._dominant_flags([u[0] for u in shares], names, r)
        return flags

    @staticmethod
    def _clusters(items: Sequence[_Stamped], count: int, days: int) -> list[list[_Stamped]]:
        """Runs of items (one client, time order) where at least ``count`` fall within
        ``days``; overlapping runs are merged."""
        span = timedelta(days=days)
        marked = [False] * len(items)
        i = 0
        for j in range(len(items)):
            while items[j][0] - items[i][0] > span:
                i += 1
            if j - i + 1 >= count:
                for k in range(i, j + 1):
                    marked[k] = True
        clusters: list[list[_Stamped]] = []
        for k, item in enumerate(items):
            if not marked[k]:
                continue
            if clusters and item[0] - clusters[-1][-1][0] <= span and marked[k - 1]:
                clusters[-1].append(item)
            else:
                clusters.append([item])
        return clusters

    def _clustered_flags(
        self,
        sign: str,
        rule: str,
        dated: Iterable[_Stamped],
        within: tuple[int, int],
        evidence: Callable[[str, Sequence[_Stamped]], str],
        why: str,
    ) -> list[Flag]:
        """A flag for each run of at least ``count`` of one client's entries within
        ``days`` (``within``, see :meth:`_clusters`); ``evidence(key, run)`` describes it."""
        flags = []
        for key, items in _by_client(dated).items():
            for group in self._clusters(items, *within):
                first = group[0][1].uid
                flags.append(
                    self._pattern_flag(sign, rule, key, first, group, evidence(key, group), why)
                )
        return flags

    def _pattern_flag(
        self,
        sign: str,
        rule: str,
        key: str,
        first: str,
        group: Sequence[_Stamped],
        evidence: str,
        why: str,
    ) -> Flag:
        """``first``: uid of the entry that started the run; it keeps the flag's identity
        while later entries join the run."""
        return Flag(
            sign=sign,
            source="pattern",
            evidence=evidence,
            explanation=messages.FLAG_PATTERN_EXPLANATION.format(why=why, help=self.help(sign)),
            entry_uid=None,
            fingerprint=fingerprint(None, sign, "pattern", f"{rule}:{key}:{first}"),
            related=tuple(e.uid for _m, e, _k in group),
        )

    def _repeat_flags(
        self, shares: Sequence[_Stamped], names: Mapping[str, str], r: PatternRules
    ) -> list[Flag]:
        sign = "focus_shift"
        if sign not in self.signs:
            return []

        def evidence(key: str, group: Sequence[_Stamped]) -> str:
            days = max(1, (group[-1][0] - group[0][0]).days + 1)
            return messages.FLAG_PATTERN_REPEAT_EVIDENCE.format(
                alias=names[key], count=len(group), days=days, dates=_dates(group)
            )

        why = messages.FLAG_PATTERN_REPEAT_WHY.format(count=r.repeat_count, days=r.repeat_days)
        return self._clustered_flags(
            sign, "repeat", shares, (r.repeat_count, r.repeat_days), evidence, why
        )

    def _out_of_hours_flags(
        self, units: Sequence[list[_Stamped]], names: Mapping[str, str], r: PatternRules
    ) -> list[Flag]:
        """``units``: entries in time order, a check with its linked reflections as one
        unit (one share), which counts once, at the first moment it was written out of hours."""
        sign = "thinking_outside_work"
        if sign not in self.signs:
            return []

        def out_of_hours(moment: datetime) -> bool:
            # The clock time where it was written: the offset stored with the entry.
            return (
                moment.weekday() >= 5 or moment.hour >= r.late_from or moment.hour < r.early_until
            )

        late: list[_Stamped] = []
        for unit in units:
            moment = min((m for m, _e, _k in unit if out_of_hours(m)), default=None)
            if moment is not None:
                late.append((moment, unit[0][1], unit[0][2]))
        late.sort(key=lambda t: t[0])

        return self._clustered_flags(
            sign,
            "hours",
            late,
            (r.out_of_hours_count, r.out_of_hours_days),
            lambda key, group: messages.FLAG_PATTERN_HOURS_EVIDENCE.format(
                alias=names[key], count=len(group), dates=_dates(group, with_time=True)
            ),
            messages.FLAG_PATTERN_HOURS_WHY.format(late=r.late_from, early=r.early_until),
        )

    def _dominant_flags(
        self, shares: Sequence[_Stamped], names: Mapping[str, str], r: PatternRules
    ) -> list[Flag]:
        sign = "exclusive_sharing"
        if sign not in self.signs or not shares:
            return []
        span = timedelta(days=r.share_window_days)
        counts: dict[str, int] = {}
        # Per client: runs of windows in which they had most of the sharing.
        runs: dict[str, list[tuple[int, int]]] = {}
        i = 0
        for j, (moment, _e, key) in enumerate(shares):
            counts[key] = counts.get(key, 0) + 1
            while moment - shares[i][0] >= span:
                counts[shares[i][2]] -= 1
                i += 1
            size = j - i + 1
            if size >= r.share_min and counts[key] >= r.share_fraction * size:
                windows = runs.setdefault(key, [])
                if windows and moment - shares[windows[-1][1]][0] < span:
                    windows[-1] = (windows[-1][0], j)
                else:
                    windows.append((j, j))
        flags = []
        for key, windows in runs.items():
            for first_end, last_end in windows:
                end_moment = shares[last_end][0]
                window = [t for t in shares[: last_end + 1] if end_moment - t[0] < span]
                mine = [t for t in window if t[2] == key]
                evidence = messages.FLAG_PATTERN_SHARE_EVIDENCE.format(
                    alias=names[key],
                    count=len(mine),
                    total=len(window),
                    days=r.share_window_days,
                    end=_day(end_moment),
                    dates=_dates(mine),
                )
                why = messages.FLAG_PATTERN_SHARE_WHY.format(
                    percent=round(r.share_fraction * 100),
                    minimum=r.share_min,
                    days=r.share_window_days,
                )
                first = shares[first_end][1].uid
                flags.append(self._pattern_flag(sign, "share", key, first, mine, evidence, why))
        return flags


def _fold_linked(
    dated: Sequence[_Stamped],
) -> list[list[_Stamped]]:
    """Entries (time order) as units: a before-sharing check together with the
    reflections linked to it is one share, so it counts once in every pattern. A
    reflection whose check is not among ``dated`` (no alias, in the bin, gone) stands
    alone. Each unit starts with its check (or the entry itself); units keep time order."""
    checks = {e.uid for _m, e, _k in dated if e.kind == "before_check"}
    units: list[list[_Stamped]] = []
    by_check: dict[str, list[_Stamped]] = {}
    folded: list[_Stamped] = []
    for item in dated:
        e = item[1]
        if e.kind == "after_reflection" and e.linked_uid in checks:
            folded.append(item)
            continue
        unit = [item]
        units.append(unit)
        if e.kind == "before_check":
            by_check[e.uid] = unit
    for item in folded:
        linked = item[1].linked_uid
        if linked is not None:
            by_check[linked].append(item)
    return units


def _by_client(
    items: Iterable[_Stamped],
) -> dict[str, list[_Stamped]]:
    out: dict[str, list[_Stamped]] = {}
    for item in items:
        out.setdefault(item[2], []).append(item)
    return out


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y}"


def _dates(group: Sequence[_Stamped], *, with_time: bool = False) -> str:
    shown = []
    for moment, _e, _k in group[:6]:
        text = f"{moment:%a} {_day(moment)} {moment:%H:%M}" if with_time else _day(moment)
        shown.append(text)
    if len(group) > 6:
        shown.append(messages.FLAG_AND_MORE.format(count=len(group) - 6))
    return ", ".join(shown)
