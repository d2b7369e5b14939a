"""The Trends page: the charts draw what core.trends counts, and say it in words."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from ips_reflect.core.entries import Entry
from ips_reflect.gui.pages.trends import create_page
from ips_reflect.gui.pages.trends.page import PERIOD_KEY
from ips_reflect.gui.widgets import theme as theming


def local_noon(day: date) -> str:
    return datetime.combine(day, time(12, 0)).astimezone().isoformat(timespec="seconds")


THIS_MONDAY = date.today() - timedelta(days=date.today().weekday())
LAST_WEEK = THIS_MONDAY - timedelta(days=7)


FAST_KDF_ARGS = (8192, 1, 1)  # a real vault with a cheap key derivation (tested elsewhere)


@pytest.fixture
def vault(data_dir, monkeypatch):
    """A real, unlocked vault (TEST_PASSPHRASE) whose key derivation is cheap."""
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    fast = KdfParams(*FAST_KDF_ARGS)
    monkeypatch.setattr(Vault, "kdf_target", fast)
    v, _code = Vault.create(data_dir, "kettle orbit marmalade tunnel", kdf=fast)
    try:
        yield v
    finally:
        v.close()


@pytest.fixture
def filled(vault):
    """This week: a check (client) and its reflection (rated 5), a check with no
    reflection (employer). Last week: a reflection (client, rated 2). Flags: secrets."""
    check = vault.entries.add(
        Entry(
            kind="before_check",
            created=local_noon(THIS_MONDAY),
            audience="client",
            reasons=["hope", "normalising"],
            warning_signs=["secrets"],
        )
    )
    vault.entries.add(
        Entry(
            kind="after_reflection",
            created=local_noon(THIS_MONDAY),
            linked_uid=check.uid,
            answers={"after.how_it_went": 5},
        )
    )
    vault.entries.add(
        Entry(
            kind="before_check",
            created=local_noon(THIS_MONDAY),
            audience="employer",
            reasons=["hope"],
        )
    )
    vault.entries.add(
        Entry(
            kind="after_reflection",
            created=local_noon(LAST_WEEK),
            audience="client",
            reasons=["similarity"],
            answers={"after.how_it_went": 2},
        )
    )
    vault.entries.add(Entry(kind="journal", created=local_noon(THIS_MONDAY), title="not a share"))
    vault.flags.upsert("secrets", "ticked", entry_uid=check.uid)
    return vault


@pytest.fixture
def trends(qtbot, content):
    spec = create_page(content)
    qtbot.addWidget(spec.view)
    spec.view.resize(1200, 900)
    spec.view.show()
    qtbot.waitExposed(spec.view)
    yield spec.controller
    spec.controller.set_vault(None)


def test_the_charts_draw_the_counts_and_the_summaries_say_them(trends, filled):
    trends.set_vault(filled)
    report = trends.report
    assert report is not None and report.period == "12w"
    weeks = [b.label for b in report.buckets]
    assert trends.categories("shares") == weeks
    shares = trends.series_counts("shares")
    assert shares == {
        "Clients": [0.0] * 10 + [1.0, 1.0],
        "Employers": [0.0] * 11 + [1.0],
    }
    summary = trends.summaries["shares"]
    assert summary.text().startswith(
        "In the last 12 weeks you shared 3 times: 2 with clients and 1 with employers."
    )
    assert summary.accessibleDescription() == summary.text()
    assert summary.accessibleName() == "Summary: Shares per week, by who with"
    assert trends.views["shares"].accessibleDescription() == summary.text()

    assert trends.series_counts("signs") == {"Keeping secrets": [0.0] * 11 + [1.0]}
    assert "1 warning sign came up: “Keeping secrets” once" in trends.summaries["signs"].text()

    assert trends.categories("reasons") == [
        "Similarity and reassurance",
        "Normalising",
        "Offering hope",
    ]
    assert trends.series_counts("reasons") == {"Times given": [1.0, 1.0, 2.0]}
    assert "the reason you gave most often was “Offering hope” (twice)" in (
        trends.summaries["reasons"].text()
    )

    assert trends.categories("ratings") == ["1", "2", "3", "4", "5"]
    assert trends.series_counts("ratings") == {"Reflections": [0.0, 1.0, 0.0, 0.0, 1.0]}
    assert trends.summaries["ratings"].text() == (
        "You rated how 2 shares went in the last 12 weeks: 1 went well (4 or 5) and 1 went "
        "badly (1 or 2). On average, 3.5 out of 5."
    )


def test_changing_the_period_redraws_and_is_remembered(trends, filled):
    trends.set_vault(filled)
    trends.set_period("6m")
    assert len(trends.categories("shares")) == 6
    assert trends.titles["shares"].text() == "Shares per month, by who with"
    assert sum(trends.series_counts("shares")["Clients"]) == 2.0
    assert filled.kv.get(PERIOD_KEY) == "6m"
    trends.set_vault(None)
    trends.set_vault(filled)
    assert trends.period == "6m"


def test_new_entries_show_after_mark_stale(trends, filled):
    trends.set_vault(filled)
    filled.entries.add(
        Entry(kind="before_check", created=local_noon(THIS_MONDAY), audience="ips_team")
    )
    trends.mark_stale()
    assert trends.series_counts("shares")["IPS team"][-1] == 1.0


def test_an_empty_vault_says_so(trends, vault):
    trends.set_vault(vault)
    assert trends.series_counts("shares") == {}
    assert trends.summaries["shares"].text().startswith("You have not recorded a share")
    assert trends.summaries["ratings"].text().startswith("None of your reflections")


def test_lock_clears_the_charts_and_words(trends, filled):
    trends.set_vault(filled)
    trends.set_vault(None)
    for key in ("shares", "signs", "reasons", "ratings"):
        assert trends.summaries[key].text() == ""
        assert trends.summaries[key].accessibleDescription() == ""
        assert trends.series_counts(key) == {}
    assert not trends.view.isEnabled()


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_charts_follow_the_theme(trends, filled, name):
    app = QApplication.instance()
    try:
        theme = theming.apply_theme(app, name, 12, force=True)
        trends.set_vault(filled)
        trends.refresh()
        chart = trends.views["shares"].chart()
        assert chart.backgroundBrush().color() == QColor(theme.colors["surface"])
        assert chart.legend().labelColor() == QColor(theme.colors["text"])
        for axis in chart.axes():
            assert axis.labelsColor() == QColor(theme.colors["text"])
            assert axis.labelsFont().pointSizeF() >= 9
        bars = chart.series()[0].barSets()
        colours = {b.color().name() for b in bars}
        assert len(colours) == len(bars)  # each audience its own colour
        assert QColor(theme.colors["surface"]).name() not in colours
    finally:
        theming.apply_theme(app, "light", 11, force=True)


def test_every_summary_is_reachable_by_keyboard(trends, filled):
    trends.set_vault(filled)
    for label in trends.summaries.values():
        assert label.focusPolicy() != label.focusPolicy().NoFocus
        assert label.accessibleName().startswith("Summary: ")
