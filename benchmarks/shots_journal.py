"""Screenshots of the Journal and Trends pages from a vault of ~300 sample entries.

    python -m benchmarks.shots_journal            # light theme (the README's)
    python -m benchmarks.shots_journal --all      # also trends in dark and high contrast

Writes ``docs/screenshots/journal.png`` (a search with matches highlighted) and
``docs/screenshots/trends.png`` (all four charts), offscreen. The sample entries
are written for this script: checks before sharing followed by reflections
(with "how did it go" ratings, reasons and the odd warning sign), journal notes
and preparations, spread over the last four months.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
PASSPHRASE = "kettle orbit marmalade tunnel"

ALIASES = ["J.K.", "M.B.", "S.O.", "A.R.", "T.L.", "R.P.", "D.W.", "K.N."]
TOPICS = [
    ("my own return to work after time off", ["return-to-work", "confidence"]),
    ("how I managed anxiety in my first job", ["anxiety", "interview"]),
    ("being turned down for jobs before I was hired", ["job-search", "hope"]),
    ("what helped me talk to a manager about adjustments", ["disclosure", "adjustments"]),
    ("the allotment that kept me going last winter", ["interests", "coping"]),
    ("working night shifts in a warehouse", ["logistics", "shift-work"]),
    ("the gap in my CV and how I explained it", ["cv", "interview"]),
    ("a relative's experience of psychosis", ["family", "boundaries"]),
]
JOURNAL_TITLES = [
    ("Supervision prep: sharing with employers", ["supervision", "employers"]),
    ("Felt exposed after the team meeting", ["team", "feelings"]),
    ("Thinking about boundaries with M.B.", ["boundaries"]),
    ("What worked in the interview coaching session", ["interview"]),
    ("Notes after a hard week", ["self-care"]),
    ("Why I held back today", ["boundaries", "judgement"]),
    ("Idea: a peer support group at the job centre", ["ideas"]),
    ("Caseload review and my own energy", ["self-care", "supervision"]),
]
BODIES = [
    "I shared a little about {topic} and kept the focus on their goal of getting back to work.",
    "They asked how I coped, so I gave one practical idea and then brought it back to the plan.",
    "It felt right at the time; afterwards I wondered whether I said more than I needed to.",
    "The employer seemed surprised, then relaxed, and started talking about adjustments.",
    "I noticed my own feelings coming up, so I paused and asked about their week instead.",
    "Next time I will say less and check back with them sooner.",
    "I want to bring this to supervision to think about timing.",
    "We agreed the next step is a trial shift on Thursday.",
]
WORKED = [
    "Keeping it short and getting back to their goals.",
    "Saying why I was sharing before I shared it.",
    "Checking back afterwards how it landed.",
    "Being honest that it took me a long time too.",
]
LEARNED = [
    "Less is more: one sentence was enough.",
    "Sharing earlier in the relationship helps trust.",
    "I need to be in a good place myself before I share.",
    "It helps to plan what I'll say if they ask for more.",
]
REASONS = [
    "hope",
    "normalising",
    "similarity",
    "coping_ideas",
    "relationship",
    "sharing_learning",
    "self_esteem",
    "talking_openly",
    "shared_humanity",
]
REASON_WEIGHTS = [9, 7, 6, 5, 4, 3, 2, 2, 1]
SIGNS = ["focus_shift", "personal_feelings", "time_outside_work", "secrets", "own_benefit"]
SIGN_WEIGHTS = [5, 4, 2, 1, 2]
AUDIENCES = ["client", "employer", "ips_team", "clinical_team"]
AUDIENCE_WEIGHTS = [10, 4, 2, 1]


def sample_entries(n: int = 300, seed: int = 7, now: datetime | None = None) -> list[Any]:
    """About ``n`` varied entries over the last 17 weeks, oldest first."""
    from ips_reflect.core.entries import Entry

    rng = random.Random(seed)
    now = now or datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(weeks=17)
    out: list[Any] = []
    moment = start
    step = (now - start) / max(1, n * 0.62)
    while len(out) < n:
        moment += step * rng.uniform(0.4, 1.6)
        if moment >= now - timedelta(hours=2):
            break
        roll = rng.random()
        topic, topic_tags = rng.choice(TOPICS)
        alias = rng.choice(ALIASES)
        if roll < 0.62:
            audience = rng.choices(AUDIENCES, AUDIENCE_WEIGHTS)[0]
            reasons = list(dict.fromkeys(rng.choices(REASONS, REASON_WEIGHTS, k=rng.randint(1, 3))))
            signs = (
                list(dict.fromkeys(rng.choices(SIGNS, SIGN_WEIGHTS, k=1)))
                if rng.random() < 0.12
                else []
            )
            light = (
                "red"
                if set(signs) & {"secrets", "time_outside_work"}
                else ("amber" if signs or rng.random() < 0.2 else "green")
            )
            check = Entry(
                kind="before_check",
                created=moment.isoformat(timespec="seconds"),
                title=f"Check: {topic}",
                body="",
                audience=audience,
                client_alias=alias if audience == "client" else None,
                tags=topic_tags[:1],
                reasons=reasons,
                warning_signs=signs,
                answers={
                    "check.light": light,
                    "before.why.boundaries": "yes",
                    "before.when.right_time": rng.choice(["yes", "yes", "unsure"]),
                    "before.okay.today": "yes",
                    "before.how.how_much": rng.choice(
                        ["One or two sentences.", "Just that I have been there too."]
                    ),
                },
            )
            out.append(check)
            if rng.random() < 0.8:
                later = moment + timedelta(hours=rng.uniform(1, 30))
                if later < now:
                    rating = rng.choices([1, 2, 3, 4, 5], [1, 2, 4, 8, 6])[0]
                    out.append(
                        Entry(
                            kind="after_reflection",
                            created=later.isoformat(timespec="seconds"),
                            title=f"How sharing {topic} went",
                            body=rng.choice(BODIES).format(topic=topic),
                            audience=audience,
                            client_alias=check.client_alias,
                            tags=topic_tags,
                            linked_uid=check.uid,
                            bring_to_supervision=rating <= 2 or rng.random() < 0.1,
                            answers={
                                "after.how_it_went": rating,
                                "after.worked": rng.choice(WORKED),
                                "after.learned": rng.choice(LEARNED),
                                "after.supervision": "yes" if rating <= 2 else "no",
                            },
                        )
                    )
        elif roll < 0.92:
            title, tags = rng.choice(JOURNAL_TITLES)
            body = " ".join(rng.sample(BODIES, 3)).format(topic=topic)
            out.append(
                Entry(
                    kind="journal",
                    created=moment.isoformat(timespec="seconds"),
                    title=title,
                    body=body,
                    tags=tags,
                    client_alias=alias if "M.B." in title else None,
                    bring_to_supervision=rng.random() < 0.2,
                )
            )
        else:
            out.append(
                Entry(
                    kind="preparation",
                    created=moment.isoformat(timespec="seconds"),
                    title=f"Preparing to share {topic}",
                    answers={
                        "prep.comfort.everyday_facts": "My football team, that I have a dog.",
                        "prep.limits.too_raw": rng.choice(["no", "unsure"]),
                        "prep.explain.asked_more": "Thank them and bring it back to their plan.",
                    },
                    tags=["preparation"],
                )
            )
    out.sort(key=lambda e: e.created)
    return out[:n]


def fill_vault(vault: Any, entries: list[Any]) -> None:
    """Import the entries and add a 'ticked' flag for each warning sign ticked."""
    vault.entries.import_entries(entries)
    for entry in entries:
        for sign in entry.warning_signs:
            vault.flags.upsert(sign, "ticked", entry_uid=entry.uid)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from PySide6.QtWidgets import QApplication

    from ips_reflect.core.content import load_content
    from ips_reflect.gui.pages.journal import create_page as create_journal
    from ips_reflect.gui.pages.trends import create_page as create_trends
    from ips_reflect.gui.shell.app import ensure_application
    from ips_reflect.gui.widgets import theme as theming
    from ips_reflect.store.vault import Vault

    app = ensure_application()
    theming.apply_theme(app, "light", 11, force=True)
    content = load_content()
    work = Path(tempfile.mkdtemp(prefix="ips-reflect-shots-journal-"))
    data_dir = work / "data"
    vault, _ = Vault.create(data_dir, PASSPHRASE)
    fill_vault(vault, sample_entries(300))
    OUT.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(8):
            QApplication.processEvents()

    journal = create_journal(content)
    journal.view.resize(1240, 780)
    journal.view.show()
    journal.controller.set_vault(vault)
    settle()
    journal.controller.set_search("trial shift", immediate=True)
    journal.controller._enter_list()
    model = journal.controller.model
    row = next(
        (r for r in range(model.rowCount()) if model.row_info(r).kind == "after_reflection"), 0
    )
    journal.controller._select_row(row)
    settle()
    journal.view.grab().save(str(OUT / "journal.png"))
    # A new entry whose words the live "Worth a pause?" panel picks up.
    journal.view.resize(1366, 768)
    journal.controller.new_entry()
    journal.controller.title_edit.setText("After the trial shift")
    journal.controller._show_body_field(True)
    journal.controller.body_edit.setPlainText(
        "J.K. did well at the warehouse trial. I gave her my personal mobile so she "
        "could let me know how the second day went. She was short for the bus, so I lent "
        "her twenty quid from my own purse and didn't log it."
    )
    journal.controller.live_flags.changed()
    for _ in range(40):
        QApplication.processEvents()
        import time

        time.sleep(0.02)
    journal.view.grab().save(str(OUT / "journal-editor.png"))
    journal.controller.set_vault(None)
    journal.view.close()

    themes = ["light", "dark", "high_contrast"] if "--all" in args else ["light"]
    for name in themes:
        theming.apply_theme(app, name, 11, force=True)
        trends = create_trends(content)
        trends.view.resize(1240, 1000)
        trends.view.show()
        trends.controller.set_vault(vault)
        trends.controller.update_now()
        settle()
        suffix = "" if name == "light" else f"-{name.replace('_', '-')}"
        trends.view.grab().save(str(OUT / f"trends{suffix}.png"))
        trends.view.close()
    vault.close()
    shutil.rmtree(work, ignore_errors=True)
    print(f"wrote journal.png and trends*.png in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
