"""Screenshots of the reflection flows with a real vault and sample data.

    python -m benchmarks.flow_screenshots                 # every flow, light theme,
                                                          # plus a few in dark and high contrast
    python -m benchmarks.flow_screenshots --theme dark --shot before-summary-red

Runs offscreen with a throw-away data dir and vault (a fast key derivation,
since nothing here is kept). PNGs go to docs/screenshots/ as
``<shot>-<theme>.png``: home, prepare, before-step, before-summary-red,
quick-check, after.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
THEMES = ("light", "dark", "high_contrast")
SHOTS = (
    "home",
    "prepare",
    "before-step",
    "before-summary-red",
    "before-summary-grey",
    "quick-check",
    "after",
)
#: More views, made only when asked for with --shot.
EXTRA_SHOTS = ("prepare-lines", "prepare-history", "before-signs", "after-standalone")
#: Shots also made in the dark and high-contrast themes by default.
EVERY_THEME = ("home", "before-summary-red", "before-summary-grey", "prepare")
PASSPHRASE = "kettle orbit marmalade tunnel"

SAMPLE_PLAN: dict[str, Any] = {
    "experiences": [
        {
            "id": "e-redund01",
            "label": "Being made redundant when the warehouse closed",
            "kind": "exp.work_struggles",
            "levels": {
                "client": "briefly",
                "employer": "never",
                "ips_team": "freely",
                "clinical_team": "briefly",
            },
            "notes": "Short version: it knocked me, and the job after it was better.",
        },
        {
            "id": "e-anxiety1",
            "label": "Managing anxiety before interviews",
            "kind": "exp.mental_health",
            "levels": {
                "client": "freely",
                "employer": "briefly",
                "ips_team": "freely",
                "clinical_team": "freely",
            },
            "notes": "",
        },
        {
            "id": "e-football",
            "label": "Five-a-side on Thursdays",
            "kind": "exp.interests_culture",
            "levels": {
                "client": "freely",
                "employer": "freely",
                "ips_team": "freely",
                "clinical_team": "freely",
            },
            "notes": "",
        },
        {
            "id": "e-divorce1",
            "label": "My divorce last year",
            "kind": "exp.life_struggles",
            "levels": {
                "client": "not_now",
                "employer": "never",
                "ips_team": "not_now",
                "clinical_team": "never",
            },
            "notes": "Still too raw. Keep for supervision.",
        },
    ],
    "will_not_share": ["My home address or personal phone", "Anything about my children"],
    "asked_for_more": "That's as much as I go into, but I'm happy to say what helped me.",
    "redirect_lines": ["I'd rather keep that bit to myself. How has it been for you?"],
    "explain_to_manager": "A sentence about my own setback shows people that knock-backs pass.",
    "social_media": "yes",
    "social_media_notes": "Made my profile private in March.",
    "answers": {"prep.limits.spread": "yes"},
}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.flow_screenshots", description=__doc__)
    p.add_argument("--theme", action="append", choices=THEMES, help="default: see above")
    p.add_argument(
        "--shot", action="append", choices=SHOTS + EXTRA_SHOTS, help="default: the six flows"
    )
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--size", default="1240x820", help="WIDTHxHEIGHT (default 1240x820)")
    p.add_argument("--font-size", type=int, default=11)
    return p


def _sample_vault(data_dir: Path) -> Any:
    from datetime import datetime, timedelta

    from ips_reflect.core.entries import Entry
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf=KdfParams(8192, 1, 1))
    first = dict(SAMPLE_PLAN, experiences=SAMPLE_PLAN["experiences"][:2])
    vault.plans.save(first)
    vault.plans.save(SAMPLE_PLAN)
    now = datetime.now().astimezone().replace(microsecond=0)
    checks = [
        (
            "Check: client — Managing anxiety before interviews",
            "client",
            "JT",
            "green",
            timedelta(hours=2),
        ),
        (
            "Check: employer — Five-a-side on Thursdays",
            "employer",
            None,
            "amber",
            timedelta(days=1, hours=3),
        ),
    ]
    for title, audience, alias, light, ago in checks:
        vault.entries.add(
            Entry(
                kind="before_check",
                created=(now - ago).isoformat(),
                title=title,
                audience=audience,
                client_alias=alias,
                answers={"check.light": light},
                body=f"{light.title()}.\n\n- Sample reason.\n\nSample advice.",
            )
        )
    return vault


def _settle(app: Any, rounds: int = 4) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    shots = args.shot or list(SHOTS)
    with tempfile.TemporaryDirectory(prefix="ips-reflect-flow-shots-") as tmp:
        os.environ["IPS_REFLECT_DATA_DIR"] = tmp
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from ips_reflect.core.content import load_content
        from ips_reflect.core.settings import Settings
        from ips_reflect.gui.shell.app import create_main_window, ensure_application
        from ips_reflect.gui.shell.flows import install_flow_pages

        app = ensure_application()
        content = load_content()
        vault = _sample_vault(Path(tmp) / "vault")
        args.out.mkdir(parents=True, exist_ok=True)
        jobs: list[tuple[str, str]] = []
        for shot in shots:
            themes = args.theme or (THEMES if shot in EVERY_THEME else ("light",))
            jobs += [(shot, theme) for theme in themes]
        for shot, theme in jobs:
            settings = Settings(theme=theme, font_point_size=args.font_size)
            window = create_main_window(content, settings, Path(tmp))
            if window.page("home") is None:
                install_flow_pages(window, content)
            pages = {k: window.controllers[k] for k in ("home", "prepare", "before", "after")}
            for controller in pages.values():
                controller.set_vault(vault)
            window.show()
            window.view.resize(width, height)
            _settle(app)
            STAGES[shot](window, pages, QTest, Qt)
            _settle(app, 8)
            name = f"{shot}-{theme.replace('_', '-')}.png"
            path = args.out / name
            if not window.view.grab().save(str(path)):
                print(f"could not write {path}", file=sys.stderr)
                return 1
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
            for controller in pages.values():
                controller.set_vault(None)
            window.view.close()
            window.view.deleteLater()
            _settle(app)
        vault.close()
        del app
    return 0


def _home(window: Any, pages: dict[str, Any], _qtest: Any, _qt: Any) -> None:
    window.show_page("home")
    pages["home"].refresh()
    pages["home"].focus_first()


def _prepare(window: Any, pages: dict[str, Any], _qtest: Any, _qt: Any) -> None:
    window.show_page("prepare")
    prepare = pages["prepare"]
    prepare._select("e-redund01")
    prepare.table.setFocus()


def _fill_before(pages: dict[str, Any], qtest: Any) -> Any:
    before = pages["before"]
    before.start(False)
    before.audience.setCurrentIndex(before.audience.findData("employer"))
    qtest.keyClicks(before.alias, "Mr P at Greenway Foods")
    before.picker.combo.setCurrentIndex(before.picker.combo.findData("e-redund01"))
    return before


def _before_step(window: Any, pages: dict[str, Any], qtest: Any, _qt: Any) -> None:
    window.show_page("before")
    before = _fill_before(pages, qtest)
    before.go_to(1)
    before.full.widgets["before.why.motivation"].set_value(
        "He asked why I do this job, and I want him to see that people bounce back. "
        "I said he could ring my personal mobile if it went badly."
    )
    before.full.widgets["before.why.relationship"].set_value("yes")
    before.full.widgets["before.why.tell_manager"].set_value("unsure")
    before.full.widgets["before.why.motivation"].focus()
    before.update_flags()
    before.live_flags.flush()


def _before_summary(window: Any, pages: dict[str, Any], qtest: Any, _qt: Any) -> None:
    window.show_page("before")
    before = _fill_before(pages, qtest)
    for qid, value in (
        ("before.why.boundaries", "yes"),
        ("before.when.right_time", "unsure"),
        ("before.how.focus", "yes"),
        ("before.okay.today", "yes"),
        ("before.benefit.helps_person", "yes"),
        ("before.why.tell_manager", "yes"),
    ):
        before.full.widgets[qid].set_value(value)
    before.reasons.set_values(["normalising", "hope"])
    before.signs.set_values(["own_benefit"])
    before.go_to(6)


def _before_summary_grey(window: Any, pages: dict[str, Any], qtest: Any, _qt: Any) -> None:
    """Not enough to advise yet: two key questions left blank."""
    window.show_page("before")
    before = pages["before"]
    before.start(False)
    before.audience.setCurrentIndex(before.audience.findData("client"))
    qtest.keyClicks(before.alias, "JT")
    before.picker.combo.setCurrentIndex(before.picker.combo.findData("e-anxiety1"))
    for qid, value in (
        ("before.why.boundaries", "yes"),
        ("before.how.focus", "yes"),
        ("before.why.tell_manager", "yes"),
        ("before.okay.today", "yes"),
    ):
        before.full.widgets[qid].set_value(value)
    before.reasons.set_values(["normalising"])
    before.go_to(6)


def _quick(window: Any, pages: dict[str, Any], qtest: Any, _qt: Any) -> None:
    window.show_page("before")
    before = pages["before"]
    before.start(True)
    before.audience.setCurrentIndex(before.audience.findData("client"))
    qtest.keyClicks(before.alias, "JT")
    before.quick_picker.combo.setCurrentIndex(before.quick_picker.combo.findData("e-anxiety1"))
    for qid, value in (
        ("before.why.tell_manager", "yes"),
        ("before.why.boundaries", "yes"),
        ("before.when.right_time", "yes"),
    ):
        before.quick.widgets[qid].set_value(value)
    before.quick.widgets["before.how.focus"].focus()


def _after(window: Any, pages: dict[str, Any], _qtest: Any, _qt: Any) -> None:
    home = pages["home"]
    window.show_page("after")
    after = pages["after"]
    pending = home._vault.entries.pending_reflections()
    after.start_for_check(pending[-1].uid)
    after.questions.widgets["after.how_it_went"].set_value(4)
    after.questions.widgets["after.impact_person"].set_value(
        "JT laughed and said she'd thought she was the only one who shook before interviews. "
        "She asked what I did about it."
    )
    after.questions.widgets["after.impact_relationship"].set_value(
        "More relaxed. She talked more than usual afterwards."
    )
    after.questions.widgets["after.how_it_went"].focus()


def _prepare_tab(index: int) -> Callable[[Any, dict[str, Any], Any, Any], None]:
    def stage(window: Any, pages: dict[str, Any], _qtest: Any, _qt: Any) -> None:
        window.show_page("prepare")
        pages["prepare"].tabs.setCurrentIndex(index)
        if index == 3:
            pages["prepare"].history.setCurrentRow(1)
            pages["prepare"].history.setFocus()

    return stage


def _before_signs(window: Any, pages: dict[str, Any], qtest: Any, _qt: Any) -> None:
    window.show_page("before")
    before = _fill_before(pages, qtest)
    before.reasons.set_values(["normalising", "hope"])
    before.signs.set_values(["own_benefit"])
    before.go_to(5)


def _after_standalone(window: Any, pages: dict[str, Any], _qtest: Any, _qt: Any) -> None:
    window.show_page("after")
    after = pages["after"]
    after.start_standalone()
    after.questions.widgets["after.signs_noticed"].set_value("yes")
    after.signs.set_values(["focus_shift"])
    after.scroll.ensureWidgetVisible(after.signs)


STAGES: dict[str, Callable[[Any, dict[str, Any], Any, Any], None]] = {
    "prepare-lines": _prepare_tab(1),
    "prepare-history": _prepare_tab(3),
    "before-signs": _before_signs,
    "after-standalone": _after_standalone,
    "home": _home,
    "prepare": _prepare,
    "before-step": _before_step,
    "before-summary-red": _before_summary,
    "before-summary-grey": _before_summary_grey,
    "quick-check": _quick,
    "after": _after,
}


if __name__ == "__main__":
    sys.exit(main())
