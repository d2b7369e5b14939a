"""Flags from patterns across entries: many shares with one client in a short time,
notes about one client written out of hours, one client getting most of the sharing
(thresholds in :class:`~ips_reflect.core.flag_model.PatternRules`).

The first two are per client (the client key: the alias, case-folded); the third
compares every client's shares within a window. :class:`PatternBook` keeps what the
patterns read between passes, so that after a change to a few entries
:meth:`CrossEntryPatterns.book_flags` works out again only the per-client patterns of
the clients those entries touch (and the share pattern, across all clients).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

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
        moments = [t[0] for t in shares] if runs else []
        for key, windows in runs.items():
            for first_end, last_end in windows:
                end_moment = shares[last_end][0]
                # Shares are in time order: the window is those after end - span.
                start = bisect_right(moments, end_moment - span, 0, last_end + 1)
                window = list(shares[start : last_end + 1])
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

    # -- the patterns again, for some clients (see :class:`PatternBook`)

    def book_flags(self, book: PatternBook, keys: Collection[str] | None = None) -> list[Flag]:
        """Work out again the per-client patterns of the clients ``keys`` (None: every
        client) and the share pattern (across all clients), from what ``book`` holds now;
        keep them in ``book.flags`` and return them. Together with the flags of the
        other clients kept in the book, the same flags as :meth:`pattern_flags` of all
        the entries."""
        r = self.rules
        if keys is None:
            book.flags.clear()
        for key in list(book.by_key) if keys is None else keys:
            book.flags.pop(("repeat", key), None)
            book.flags.pop(("hours", key), None)
            units = book.units(key)
            if not units:
                continue
            names = {key: book.name(key)}
            shares = [u[0] for u in units if u[0][1].kind in SHARE_KINDS]
            book.flags[("repeat", key)] = self._repeat_flags(shares, names, r)
            book.flags[("hours", key)] = self._out_of_hours_flags(units, names, r)
            book.pause()
        book.flags[SHARE_SCOPE] = self._dominant_flags(book.shares(), _Names(book), r)
        if keys is None:
            scopes = list(book.flags)
        else:
            scopes = [(rule, k) for k in keys for rule in ("repeat", "hours")] + [SHARE_SCOPE]
        return [f for scope in scopes for f in book.flags.get(scope, ())]


_PAUSE_EVERY = 2000  # entries taken into a book between pauses


def _no_pause() -> None:
    pass


#: ``PatternBook.flags`` key of the share pattern (across all clients).
SHARE_SCOPE = ("share", "")


class _Slim(NamedTuple):
    """What the patterns read of an entry (:class:`Dated`), no more, for the book."""

    uid: str
    kind: str
    created: str
    client_alias: str | None
    linked_uid: str | None

    @property
    def in_bin(self) -> bool:
        return False


class PatternBook:
    """What the patterns across entries read of every live entry with a client alias, in
    the patterns' time order, and the flags of the last pass by scope (``("repeat",
    key)``, ``("hours", key)``, :data:`SHARE_SCOPE`). The flag sync keeps one in memory
    between checks (never on disk); :meth:`update` takes the entries that changed and
    says which clients' patterns they can change."""

    def __init__(
        self, entries: Iterable[Dated] = (), pause: Callable[[], None] | None = None
    ) -> None:
        #: Called now and then in long loops (a worker lets the GUI thread have the
        #: interpreter: see :func:`ips_reflect.ops.flag_state.pause`).
        self.pause: Callable[[], None] = pause or _no_pause
        self.items: dict[str, _Stamped] = {}
        self.rank: dict[str, tuple[datetime, int, str]] = {}
        self.by_key: dict[str, set[str]] = {}
        self.linked_to: dict[str, set[str]] = {}  # uid -> entries linked to it
        self.flags: dict[tuple[str, str], list[Flag]] = {}
        self._shares: list[tuple[datetime, int, str]] = []  # shares (units' first entries)
        for n, e in enumerate(entries, 1):
            self._add(e)
            if not n % _PAUSE_EVERY:
                self.pause()
        self._shares = sorted(self.rank[u] for u in self.items if self._is_share(u))

    def _add(self, e: Dated) -> None:
        alias = (e.client_alias or "").strip()
        if not alias or e.in_bin:
            return
        try:
            moment = parse_timestamp(e.created)
        except (ValueError, TypeError):
            return
        uid = e.uid
        slim = _Slim(uid, e.kind, e.created, e.client_alias, e.linked_uid)
        key = alias.casefold()
        self.items[uid] = (moment, slim, key)
        # Ties in time keep the outline's order (created_utc, id): the same instant has
        # the same created_utc, so by id.
        self.rank[uid] = (moment, getattr(e, "id", None) or 0, uid)
        self.by_key.setdefault(key, set()).add(uid)
        if e.linked_uid is not None:
            self.linked_to.setdefault(e.linked_uid, set()).add(uid)

    def _remove(self, uid: str) -> None:
        item = self.items.pop(uid, None)
        if item is None:
            return
        del self.rank[uid]
        key, linked = item[2], item[1].linked_uid
        self.by_key[key].discard(uid)
        if not self.by_key[key]:
            del self.by_key[key]
        if linked is not None:
            self.linked_to[linked].discard(uid)
            if not self.linked_to[linked]:
                del self.linked_to[linked]

    def _folded(self, uid: str) -> bool:
        """A reflection linked to a check here: part of the check's unit."""
        e = self.items[uid][1]
        if e.kind != "after_reflection" or e.linked_uid is None:
            return False
        check = self.items.get(e.linked_uid)
        return check is not None and check[1].kind == "before_check"

    def _is_share(self, uid: str) -> bool:
        return self.items[uid][1].kind in SHARE_KINDS and not self._folded(uid)

    def _near(self, uids: Iterable[str]) -> set[str]:
        """These entries, the entries they link to, and those linked to them."""
        out: set[str] = set()
        for uid in uids:
            out.add(uid)
            item = self.items.get(uid)
            if item is not None and item[1].linked_uid is not None:
                out.add(item[1].linked_uid)
            out.update(self.linked_to.get(uid, ()))
        return out

    def _keys(self, uids: Iterable[str]) -> set[str]:
        """The clients whose units hold these entries (as they are in the book now)."""
        keys: set[str] = set()
        for uid in uids:
            item = self.items.get(uid)
            if item is None:
                continue
            keys.add(item[2])
            linked = item[1].linked_uid
            if linked is not None and self._folded(uid):
                keys.add(self.items[linked][2])
        return keys

    def update(self, gone: Iterable[str], entries: Iterable[Dated]) -> set[str]:
        """Drop the entries ``gone`` (and the old form of ``entries``), take ``entries``
        as they are now; return the client keys whose per-client patterns can change:
        the clients of every unit these entries were or are in, before and after."""
        entries = list(entries)
        changed = set(gone) | {e.uid for e in entries}
        near = self._near(changed)
        keys = self._keys(near)
        for uid in near:
            self._unshare(uid)
        for uid in changed:
            self._remove(uid)
        for e in entries:
            self._add(e)
        near |= self._near(changed)
        keys |= self._keys(near)
        for uid in near:
            self._unshare(uid)  # (again: some are near only now)
            if uid in self.items and self._is_share(uid):
                insort(self._shares, self.rank[uid])
        return keys

    def _unshare(self, uid: str) -> None:
        rank = self.rank.get(uid)
        if rank is None:
            return
        at = bisect_left(self._shares, rank)
        if at < len(self._shares) and self._shares[at] == rank:
            del self._shares[at]

    def units(self, key: str) -> list[list[_Stamped]]:
        """This client's units, in time order: each a share (a check with the reflections
        linked to it) or an entry on its own; see :func:`_fold_linked`."""
        items = self.items
        out = []
        for uid in sorted(self.by_key.get(key, ()), key=self.rank.__getitem__):
            if self._folded(uid):
                continue
            unit = [items[uid]]
            if items[uid][1].kind == "before_check":
                folded = [u for u in self.linked_to.get(uid, ()) if self._folded(u)]
                unit += [items[u] for u in sorted(folded, key=self.rank.__getitem__)]
            out.append(unit)
        return out

    def shares(self) -> list[_Stamped]:
        """Every share (units' first entries of checks and reflections), in time order."""
        items = self.items
        return [items[r[2]] for r in self._shares]

    def name(self, key: str) -> str:
        """The client's latest spelling."""
        latest = max(self.by_key[key], key=self.rank.__getitem__)
        return (self.items[latest][1].client_alias or "").strip()

    def related(self) -> dict[str, list[str]]:
        """The entries each pattern flag is about, by fingerprint (every scope)."""
        return {f.fingerprint: list(f.related) for fs in self.flags.values() for f in fs}


class _Names(dict[str, str]):
    """Client names read from the book when first asked for."""

    def __init__(self, book: PatternBook) -> None:
        super().__init__()
        self.book = book

    def __missing__(self, key: str) -> str:
        self[key] = name = self.book.name(key)
        return name


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
