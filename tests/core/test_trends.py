"""The numbers and words behind the Trends charts (plain Python, exact figures)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from ips_reflect.core import trends
from ips_reflect.core.trends import FlagPoint, TrendEntry

TODAY = date(2026, 11, 12)  # a Thursday; its week starts Monday 9 November


def at(day: str) -> str:
    """Midday UTC on ``day``: the same local date in any time zone within +-11 hours."""
    return f"{day}T12:00:00+00:00"


def E(
    id: int,
    kind: str,
    day: str,
    audience: str | None = None,
    reasons: tuple[str, ...] = (),
    rating: int | None = None,
    linked: int | None = None,
) -> TrendEntry:
    return TrendEntry(id, kind, at(day), audience, reasons, rating, linked)


SAMPLE = [
    # A check and its reflection: one share (the reflection's), audience from the check.
    E(1, "before_check", "2026-11-02", "client", ("hope",)),
    E(2, "after_reflection", "2026-11-03", None, (), 4, linked=1),
    # A check with no reflection yet: a share of its own.
    E(3, "before_check", "2026-11-04", "employer", ("hope", "normalising")),
    # A reflection with no check.
    E(4, "after_reflection", "2026-11-10", "ips_team", ("similarity",), 2),
    # Journal notes and preparations are not shares.
    E(5, "journal", "2026-11-10"),
    E(6, "preparation", "2026-11-11", "client", ("hope",)),
    # Outside the last 12 weeks (starts 24 Aug).
    E(7, "after_reflection", "2026-08-20", "client", ("hope",), 5),
    # A rating out of range is ignored.
    E(8, "after_reflection", "2026-11-11", "client", (), 9),
]


def test_a_reflection_and_its_check_count_as_one_share() -> None:
    shares = trends.shares(SAMPLE)
    assert len(shares) == 5  # entries 2, 3, 4, 7, 8
    by_day = {s.day: s for s in shares}
    reflected = by_day[date(2026, 11, 3)]
    assert reflected.audience == "client"  # taken from the check it follows
    assert reflected.reasons == ("hope",)
    assert reflected.rating == 4
    assert by_day[date(2026, 11, 4)].rating is None
    assert by_day[date(2026, 11, 11)].rating is None  # 9 is not a 1-5 rating


def test_weeks_start_on_monday_and_end_with_this_week() -> None:
    weeks = trends.buckets("12w", TODAY)
    assert len(weeks) == 12
    assert weeks[-1].start == date(2026, 11, 9)
    assert weeks[-1].end == date(2026, 11, 16)
    assert weeks[0].start == date(2026, 8, 24)
    assert [w.label for w in weeks[-2:]] == ["2 Nov", "9 Nov"]
    assert TODAY in weeks[-1]


def test_months_are_calendar_months() -> None:
    months = trends.buckets("6m", TODAY)
    assert [m.label for m in months] == [
        "Jun 2026",
        "Jul 2026",
        "Aug 2026",
        "Sep 2026",
        "Oct 2026",
        "Nov 2026",
    ]
    assert months[0].start == date(2026, 6, 1)
    assert months[-1].end == date(2026, 12, 1)
    year = trends.buckets("12m", date(2026, 1, 5))
    assert year[0].label == "Feb 2025" and year[-1].label == "Jan 2026"


def test_shares_per_week_by_audience() -> None:
    weeks = trends.buckets("12w", TODAY)
    series = trends.shares_by_audience(trends.shares(SAMPLE), weeks)
    assert series.keys == ["client", "employer", "ips_team"]
    assert series.counts["client"][-2:] == (1, 1)  # entry 2 (week of 2 Nov), 8 (9 Nov)
    assert series.counts["employer"][-2:] == (1, 0)
    assert series.counts["ips_team"][-2:] == (0, 1)
    assert series.total() == 4  # entry 7 is before the period
    assert series.per_bucket()[-2:] == [2, 2]
    assert sum(series.per_bucket()[:-2]) == 0


def test_shares_without_an_audience_are_counted_as_not_said() -> None:
    weeks = trends.buckets("4w", TODAY)
    series = trends.shares_by_audience(
        trends.shares([E(1, "after_reflection", "2026-11-10", None, (), 3)]), weeks
    )
    assert series.counts == {"none": (0, 0, 0, 1)}


def test_signs_over_time_keep_the_top_four_and_group_the_rest() -> None:
    weeks = trends.buckets("4w", TODAY)
    points = [
        FlagPoint("secrets", at("2026-11-10")),
        FlagPoint("secrets", at("2026-11-11")),
        FlagPoint("secrets", at("2026-10-20")),
        FlagPoint("envy", at("2026-11-02")),
        FlagPoint("envy", at("2026-11-03")),
        FlagPoint("focus_shift", at("2026-10-27")),
        FlagPoint("own_benefit", at("2026-10-27")),
        FlagPoint("contact_details", at("2026-11-10")),
        FlagPoint("role_confusion", at("2026-11-10")),
        FlagPoint("secrets", at("2026-01-01")),  # before the period
        FlagPoint("secrets", "not a date"),
    ]
    series = trends.signs_over_time(points, weeks)
    # Ties are broken by the paper's order of the warning signs.
    assert series.keys == ["secrets", "envy", "own_benefit", "focus_shift", "other"]
    assert series.counts["secrets"] == (1, 0, 0, 2)
    assert series.counts["envy"] == (0, 0, 2, 0)
    assert series.counts["other"] == (0, 0, 0, 2)
    assert series.total() == 9


def test_positive_reasons_used_most_first() -> None:
    weeks = trends.buckets("12w", TODAY)
    used = trends.reasons_used(trends.shares(SAMPLE), weeks)
    assert used == [("hope", 2), ("normalising", 1), ("similarity", 1)]


def test_ratings_count_each_score() -> None:
    weeks = trends.buckets("12w", TODAY)
    r = trends.ratings(trends.shares(SAMPLE), weeks)
    assert r.counts == (0, 1, 0, 1, 0)
    assert r.rated == 2
    assert r.average == 3.0
    assert (r.well, r.middling, r.badly) == (1, 0, 1)
    assert trends.Ratings((0, 0, 0, 0, 0)).average is None


def test_summaries_say_what_the_charts_show() -> None:
    label = {"hope": "Offering hope", "normalising": "Normalising", "secrets": "Keeping secrets"}
    report = trends.build_report(
        SAMPLE,
        [FlagPoint("secrets", at("2026-11-10"))],
        "12w",
        TODAY,
        label=lambda key: label.get(key, key),
    )
    assert report.share_count == 4
    assert report.shares_text == (
        "In the last 12 weeks you shared 4 times: 2 with clients, 1 with employers and 1 with "
        "the IPS team. The busiest was the week of 2 Nov, with 2 shares."
    )
    assert report.signs_text == (
        "In the last 12 weeks, 1 warning sign came up: “Keeping secrets” once. Each one is a "
        "prompt for reflection, not a verdict."
    )
    assert report.reasons_text == (
        "Across 4 shares in the last 12 weeks, the reason you gave most often was “Offering "
        "hope” (twice). Then came “Normalising” (1) and “similarity” (1)."
    )
    assert report.ratings_text == (
        "You rated how 2 shares went in the last 12 weeks: 1 went well (4 or 5) and 1 went "
        "badly (1 or 2). On average, 3.0 out of 5."
    )


def test_summaries_when_there_is_nothing_to_show() -> None:
    report = trends.build_report([], [], "4w", TODAY)
    assert report.shares_text.startswith("You have not recorded a share in the last 4 weeks.")
    assert report.signs_text == "No warning signs came up in the last 4 weeks."
    assert report.reasons_text == (
        "No positive reasons were recorded for shares in the last 4 weeks."
    )
    assert report.ratings_text == (
        "None of your reflections in the last 4 weeks says how the share went yet."
    )
    assert report.shares.total() == 0 and report.shares.keys == []


def test_an_unknown_period_falls_back_to_twelve_weeks() -> None:
    report = trends.build_report([], [], "3y", TODAY)
    assert report.period == "12w" and len(report.buckets) == 12


@pytest.mark.parametrize(
    ("period", "words"),
    [("4w", "the last 4 weeks"), ("6m", "the last 6 months"), ("12m", "the last 12 months")],
)
def test_period_words(period: str, words: str) -> None:
    assert trends.period_words(period) == words


def test_trend_inputs_from_a_real_vault(vault) -> None:
    """The store reads each entry once, ratings from answers, signs once per entry."""
    from ips_reflect.core.entries import Entry
    from ips_reflect.store.journal_index import trend_inputs

    check = vault.entries.add(
        Entry(
            kind="before_check",
            created=at("2026-11-02"),
            audience="client",
            reasons=["hope"],
            warning_signs=["secrets"],
        )
    )
    vault.entries.add(
        Entry(
            kind="after_reflection",
            created=at("2026-11-03"),
            linked_uid=check.uid,
            answers={"after.how_it_went": 5, "after.worked": "short and kind"},
        )
    )
    gone = vault.entries.add(Entry(kind="before_check", created=at("2026-11-05")))
    vault.entries.delete(gone.uid)
    vault.flags.upsert("secrets", "ticked", entry_uid=check.uid)  # same sign: counted once
    vault.flags.upsert("focus_shift", "text", entry_uid=check.uid, evidence="me me me")
    vault.flags.upsert("exclusive_contact", "pattern")  # no entry: dated by the flag

    entries, points = trend_inputs(vault.db)
    assert sorted(e.kind for e in entries) == ["after_reflection", "before_check"]
    reflection = next(e for e in entries if e.kind == "after_reflection")
    assert reflection.how_it_went == 5
    assert reflection.linked_id == check.id
    assert sorted(p.sign for p in points) == ["exclusive_contact", "focus_shift", "secrets"]
    report = trends.build_report(entries, points, "12w", TODAY)
    assert report.share_count == 1
    assert report.shares.counts == {"client": (0,) * 10 + (1, 0)}
    assert report.ratings.counts == (0, 0, 0, 0, 1)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "zone", ["Europe/London", "America/St_Johns", "Australia/Lord_Howe", "America/Havana"]
)
def test_local_day_with_cached_offsets_is_the_local_day(monkeypatch, zone) -> None:
    """The per-quarter-hour offsets (for thousands of entries) give exactly the day that
    asking the local zone each time gives, across summer time changes."""
    import random
    import time
    from datetime import timezone

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        rng = random.Random(7)
        offsets: dict = {}
        start = datetime(2025, 1, 1, tzinfo=UTC)
        for step in range(0, 60 * 24 * 730, 10):  # every ten minutes of two years
            moment = start + timedelta(minutes=step)
            written = moment.astimezone(timezone(timedelta(minutes=rng.choice([0, 60, -300]))))
            text = written.isoformat()
            assert trends.local_day(text, offsets) == trends.local_day(text), text
    finally:
        monkeypatch.undo()
        time.tzset()
