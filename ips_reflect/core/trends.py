"""Trends across the journal: the numbers behind the four charts, and their words.

Everything here is plain Python over small records read from the vault
(:func:`ips_reflect.store.journal_index.trend_inputs`), so it is tested with
exact numbers and no Qt.

**A share** is counted once: from each reflection after sharing, and from each
check before sharing that has no reflection linked to it yet (the check was
made just before sharing; the reflection, when written, stands for the same
share). A reflection that leaves the audience or the reasons blank takes them
from the check it follows.

The four charts, over a period (the last 4 or 12 weeks by week, or the last 6
or 12 months by month):

1. shares per week (or month) by audience;
2. warning signs over time, by sign (the most frequent four, the rest as
   "other signs"); each sign is counted once per entry;
3. the positive reasons given for shares;
4. how shares went: the reflections' "Overall, how did it go?" 1-5 rating.

Each chart has a sentence or two for screen readers (and for anyone who
prefers words), e.g. "In the last 12 weeks you shared 14 times: 9 with
clients, 3 with employers and 2 with the IPS team."
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ips_reflect import messages
from ips_reflect.core.content import AUDIENCE_IDS, POSITIVE_REASON_IDS, WARNING_SIGN_IDS

#: The question whose 1-5 answer says how a share went (content/after_sharing.yaml).
HOW_IT_WENT_QUESTION = "after.how_it_went"
RATINGS: tuple[int, ...] = (1, 2, 3, 4, 5)
NO_AUDIENCE = "none"
OTHER_SIGNS = "other"
TOP_SIGNS = 4

#: Period id -> (number of buckets, "week" or "month").
PERIODS: dict[str, tuple[int, str]] = {
    "4w": (4, "week"),
    "12w": (12, "week"),
    "6m": (6, "month"),
    "12m": (12, "month"),
}
DEFAULT_PERIOD = "12w"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Label = Callable[[str], str]


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class TrendEntry:
    """The few fields of a live entry the trends need."""

    id: int
    kind: str
    created: str  # ISO 8601 with a time zone
    audience: str | None = None
    reasons: tuple[str, ...] = ()
    how_it_went: int | None = None
    linked_id: int | None = None


@dataclass(frozen=True)
class FlagPoint:
    """One warning sign that came up (once per entry and sign), and when."""

    sign: str
    created: str


@dataclass(frozen=True)
class Share:
    day: date
    audience: str | None
    reasons: tuple[str, ...]
    rating: int | None


def local_day(created: str, offsets: dict[int, timedelta | None] | None = None) -> date | None:
    """The local calendar day of an ISO timestamp, or None if it cannot be read.

    ``offsets``: a cache for one batch of calls - the local zone's offset from UTC for
    each UTC day it does not change in (None for a day it changes in: those moments
    ask the zone). It spares the slow local-time lookup of :meth:`datetime.astimezone`
    for each of thousands of entries.
    """
    try:
        moment = datetime.fromisoformat(created)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return moment.date()
    if offsets is None:
        return moment.astimezone().date()
    utc = moment.replace(tzinfo=None) - (moment.utcoffset() or _ZERO)
    day = utc.toordinal()
    if day not in offsets:
        midnight = datetime.combine(utc.date(), datetime.min.time(), UTC)
        first = midnight.astimezone().utcoffset()
        last = (midnight + timedelta(days=1)).astimezone().utcoffset()
        offsets[day] = first if first == last else None
    offset = offsets[day]
    if offset is None:
        return moment.astimezone().date()
    return (utc + offset).date()


_ZERO = timedelta(0)


def _rating(value: int | None) -> int | None:
    return value if isinstance(value, int) and value in RATINGS else None


def shares(entries: Iterable[TrendEntry]) -> list[Share]:
    """Every share, once (see the module docstring), in no particular order."""
    items = list(entries)
    by_id = {e.id: e for e in items}
    reflected = {
        e.linked_id for e in items if e.kind == "after_reflection" and e.linked_id is not None
    }
    out: list[Share] = []
    offsets: dict[int, timedelta | None] = {}
    for e in items:
        day = local_day(e.created, offsets)
        if day is None:
            continue
        if e.kind == "after_reflection":
            check = by_id.get(e.linked_id) if e.linked_id is not None else None
            audience = e.audience or (check.audience if check is not None else None)
            reasons = e.reasons or (check.reasons if check is not None else ())
            out.append(Share(day, audience, tuple(reasons), _rating(e.how_it_went)))
        elif e.kind == "before_check" and e.id not in reflected:
            out.append(Share(day, e.audience, tuple(e.reasons), None))
    return out


# --------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Bucket:
    start: date  # first day
    end: date  # the day after the last
    label: str  # "3 Nov" (week starting) or "Nov 2026"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def buckets(period: str = DEFAULT_PERIOD, today: date | None = None) -> list[Bucket]:
    """The weeks (Monday to Sunday) or calendar months of ``period``, oldest first,
    the last one holding ``today``."""
    count, unit = PERIODS.get(period, PERIODS[DEFAULT_PERIOD])
    today = today or date.today()
    out: list[Bucket] = []
    if unit == "week":
        monday = today - timedelta(days=today.weekday())
        for i in range(count - 1, -1, -1):
            start = monday - timedelta(weeks=i)
            out.append(Bucket(start, start + timedelta(days=7), week_label(start)))
    else:
        first = today.replace(day=1)
        for i in range(count - 1, -1, -1):
            start = _add_months(first, -i)
            out.append(
                Bucket(start, _add_months(start, 1), f"{_MONTHS[start.month - 1]} {start.year}")
            )
    return out


def week_label(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _index(bucket_list: Sequence[Bucket], day: date, starts: Sequence[date] = ()) -> int | None:
    """Which bucket holds ``day`` (None: none); ``starts``: the buckets' first days, if
    the caller has them (many calls)."""
    if not bucket_list or not bucket_list[0].start <= day < bucket_list[-1].end:
        return None
    # Buckets are consecutive, oldest first: the last one starting on or before ``day``.
    return bisect_right(starts or [b.start for b in bucket_list], day) - 1


# --------------------------------------------------------------------------- series


@dataclass(frozen=True)
class Series:
    """Counts per bucket for each key (audience or sign), keys in display order."""

    buckets: tuple[Bucket, ...]
    counts: dict[str, tuple[int, ...]]

    @property
    def keys(self) -> list[str]:
        return list(self.counts)

    def total(self, key: str | None = None) -> int:
        if key is not None:
            return sum(self.counts.get(key, ()))
        return sum(sum(v) for v in self.counts.values())

    def per_bucket(self) -> list[int]:
        return [sum(v[i] for v in self.counts.values()) for i in range(len(self.buckets))]


def shares_by_audience(share_list: Iterable[Share], bucket_list: Sequence[Bucket]) -> Series:
    """Shares per bucket for each audience that appears (in the usual audience order;
    shares without an audience last, as ``"none"``)."""
    n = len(bucket_list)
    grid: dict[str, list[int]] = {}
    starts = [b.start for b in bucket_list]
    for s in share_list:
        i = _index(bucket_list, s.day, starts)
        if i is None:
            continue
        key = s.audience if s.audience in AUDIENCE_IDS else NO_AUDIENCE
        grid.setdefault(key, [0] * n)[i] += 1
    order = [*AUDIENCE_IDS, NO_AUDIENCE]
    return Series(tuple(bucket_list), {k: tuple(grid[k]) for k in order if k in grid})


def signs_over_time(
    points: Iterable[FlagPoint], bucket_list: Sequence[Bucket], top: int = TOP_SIGNS
) -> Series:
    """Warning signs per bucket: the ``top`` most frequent signs, the rest as "other"."""
    n = len(bucket_list)
    grid: dict[str, list[int]] = {}
    offsets: dict[int, timedelta | None] = {}
    starts = [b.start for b in bucket_list]
    for p in points:
        day = local_day(p.created, offsets)
        if day is None:
            continue
        i = _index(bucket_list, day, starts)
        if i is None:
            continue
        grid.setdefault(p.sign, [0] * n)[i] += 1
    rank = {s: k for k, s in enumerate(WARNING_SIGN_IDS)}
    ordered = sorted(grid, key=lambda s: (-sum(grid[s]), rank.get(s, len(rank)), s))
    counts = {s: tuple(grid[s]) for s in ordered[:top]}
    rest = ordered[top:]
    if rest:
        counts[OTHER_SIGNS] = tuple(sum(grid[s][i] for s in rest) for i in range(n))
    return Series(tuple(bucket_list), counts)


def _in_period(share_list: Iterable[Share], bucket_list: Sequence[Bucket]) -> list[Share]:
    if not bucket_list:
        return []
    start, end = bucket_list[0].start, bucket_list[-1].end
    return [s for s in share_list if start <= s.day < end]


def reasons_used(
    share_list: Iterable[Share], bucket_list: Sequence[Bucket]
) -> list[tuple[str, int]]:
    """How many shares in the period gave each positive reason, most given first."""
    counts: dict[str, int] = {}
    for s in _in_period(share_list, bucket_list):
        for reason in dict.fromkeys(s.reasons):
            counts[reason] = counts.get(reason, 0) + 1
    rank = {r: k for k, r in enumerate(POSITIVE_REASON_IDS)}
    return sorted(counts.items(), key=lambda kv: (-kv[1], rank.get(kv[0], len(rank)), kv[0]))


@dataclass(frozen=True)
class Ratings:
    """How shares went: how many reflections gave each rating 1-5."""

    counts: tuple[int, int, int, int, int]

    @property
    def rated(self) -> int:
        return sum(self.counts)

    @property
    def average(self) -> float | None:
        if not self.rated:
            return None
        return sum(r * c for r, c in zip(RATINGS, self.counts, strict=True)) / self.rated

    @property
    def well(self) -> int:
        return self.counts[3] + self.counts[4]

    @property
    def middling(self) -> int:
        return self.counts[2]

    @property
    def badly(self) -> int:
        return self.counts[0] + self.counts[1]


def ratings(share_list: Iterable[Share], bucket_list: Sequence[Bucket]) -> Ratings:
    counts = [0, 0, 0, 0, 0]
    for s in _in_period(share_list, bucket_list):
        if s.rating is not None:
            counts[s.rating - 1] += 1
    return Ratings((counts[0], counts[1], counts[2], counts[3], counts[4]))


# --------------------------------------------------------------------------- words


def _times(n: int) -> str:
    if n == 1:
        return messages.TRENDS_ONCE
    if n == 2:
        return messages.TRENDS_TWICE
    return messages.TRENDS_N_TIMES.format(n=n)


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {messages.TRENDS_AND} {parts[-1]}"


def period_words(period: str) -> str:
    """ "the last 12 weeks", "the last 6 months"."""
    count, unit = PERIODS.get(period, PERIODS[DEFAULT_PERIOD])
    return messages.TRENDS_PERIOD_WORDS.format(n=count, unit=unit if count == 1 else f"{unit}s")


def shares_summary(series: Series, period: str) -> str:
    when = period_words(period)
    total = series.total()
    if not total:
        return messages.TRENDS_SHARES_NONE.format(period=when)
    parts = [
        messages.TRENDS_SHARES_PART.format(
            n=series.total(k), who=messages.TRENDS_AUDIENCE_WITH.get(k, k)
        )
        for k in series.keys
    ]
    text = messages.TRENDS_SHARES.format(
        period=when, times=_times(total), parts=_join(parts)
    ).replace(":  ", ": ")
    per = series.per_bucket()
    busiest = max(per)
    if total > 1 and busiest > 1:
        i = per.index(busiest)
        unit = PERIODS.get(period, PERIODS[DEFAULT_PERIOD])[1]
        which = messages.TRENDS_WEEK_OF if unit == "week" else messages.TRENDS_MONTH_OF
        text += " " + messages.TRENDS_BUSIEST.format(
            bucket=which.format(label=series.buckets[i].label), n=busiest
        )
    return text


def signs_summary(series: Series, period: str, label: Label) -> str:
    when = period_words(period)
    total = series.total()
    if not total:
        return messages.TRENDS_SIGNS_NONE.format(period=when)
    parts = []
    for key in series.keys:
        name = messages.TRENDS_OTHER_SIGNS if key == OTHER_SIGNS else f"“{label(key)}”"
        parts.append(messages.TRENDS_SIGN_PART.format(sign=name, times=_times(series.total(key))))
    head = messages.TRENDS_SIGNS.format(
        period=when,
        n=total,
        signs=messages.TRENDS_SIGN_ONE if total == 1 else messages.TRENDS_SIGN_MANY,
        parts=_join(parts),
    )
    return f"{head} {messages.TRENDS_SIGNS_NOT_VERDICT}"


def reasons_summary(
    used: Sequence[tuple[str, int]], share_count: int, period: str, label: Label
) -> str:
    when = period_words(period)
    if not used:
        return messages.TRENDS_REASONS_NONE.format(period=when)
    first, n = used[0]
    text = messages.TRENDS_REASONS_TOP.format(
        period=when,
        shares=share_count,
        s="" if share_count == 1 else "s",
        reason=label(first),
        times=_times(n),
    )
    rest = [messages.TRENDS_REASON_PART.format(reason=label(r), n=c) for r, c in used[1:3]]
    if rest:
        text += " " + messages.TRENDS_REASONS_THEN.format(rest=_join(rest))
    return text


def ratings_summary(r: Ratings, period: str) -> str:
    when = period_words(period)
    if not r.rated:
        return messages.TRENDS_RATINGS_NONE.format(period=when)
    parts = []
    if r.well:
        parts.append(messages.TRENDS_RATED_WELL.format(n=r.well))
    if r.middling:
        parts.append(messages.TRENDS_RATED_MIDDLE.format(n=r.middling))
    if r.badly:
        parts.append(messages.TRENDS_RATED_BADLY.format(n=r.badly))
    average = r.average or 0.0
    return messages.TRENDS_RATINGS.format(
        period=when,
        n=r.rated,
        s="" if r.rated == 1 else "s",
        parts=_join(parts),
        average=f"{average:.1f}",
    )


# --------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class TrendReport:
    """Everything the Trends page shows for one period."""

    period: str
    buckets: tuple[Bucket, ...]
    shares: Series
    signs: Series
    reasons: list[tuple[str, int]]
    ratings: Ratings
    share_count: int
    shares_text: str
    signs_text: str
    reasons_text: str
    ratings_text: str


def build_report(
    entries: Iterable[TrendEntry],
    points: Iterable[FlagPoint],
    period: str = DEFAULT_PERIOD,
    today: date | None = None,
    label: Label | None = None,
) -> TrendReport:
    """All four charts' data and summaries. ``label`` turns a sign or reason id into
    its short name (content's ``short``); ids are shown as they are without it."""
    if period not in PERIODS:
        period = DEFAULT_PERIOD
    name: Label = label or (lambda key: key.replace("_", " "))
    bucket_list = buckets(period, today)
    share_list = _in_period(shares(entries), bucket_list)
    by_audience = shares_by_audience(share_list, bucket_list)
    signs = signs_over_time(points, bucket_list)
    used = reasons_used(share_list, bucket_list)
    rated = ratings(share_list, bucket_list)
    return TrendReport(
        period=period,
        buckets=tuple(bucket_list),
        shares=by_audience,
        signs=signs,
        reasons=used,
        ratings=rated,
        share_count=len(share_list),
        shares_text=shares_summary(by_audience, period),
        signs_text=signs_summary(signs, period, name),
        reasons_text=reasons_summary(used, len(share_list), period, name),
        ratings_text=ratings_summary(rated, period),
    )
