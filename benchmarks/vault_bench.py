"""Vault figures for ``make bench``: importing 10,000 entries, full-text search at
10,000 entries (in process and through ``ips-reflect search``), and unlocking.

Entries are synthetic: sentences assembled at random (fixed seed) from word lists
written for this benchmark, 50-300 words each, with varied kinds, audiences,
client aliases, tags and answers.

Use ``run(report)``; ``report(what, value, unit, budget=None, note="")`` (see
``benchmarks/report.py``) is called once per figure. Nothing runs at import.
Run alone with ``python -m benchmarks.vault_bench``.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "benchmark passphrase, not secret"

Report = Callable[..., None]

# --------------------------------------------------------------------------- synthetic text

SUBJECTS = [
    "I",
    "We",
    "My client",
    "The employer",
    "The team lead",
    "My supervisor",
    "The care coordinator",
    "The hiring manager",
    "Our peer worker",
]
VERBS = [
    "talked about",
    "worried about",
    "planned",
    "reflected on",
    "asked about",
    "shared",
    "held back on",
    "came back to",
    "explained",
    "noticed",
    "prepared for",
    "followed up on",
]
OBJECTS = [
    "the interview nerves",
    "a return to work after sick leave",
    "travel routes to the warehouse",
    "shift patterns in retail",
    "the reasonable adjustments letter",
    "benefits and in-work support",
    "a trial shift at the cafe",
    "confidence before the first day",
    "what to say about the gap in the CV",
    "my own experience of anxiety at work",
    "the job search plan",
    "how the placement was going",
    "disclosure to a line manager",
    "managing medication and early starts",
    "a volunteering role at the allotment",
    "feedback from the employer visit",
    "coping ideas for busy days",
    "the vocational profile",
    "boundaries around contact outside work",
    "the next review with the clinical team",
]
CONTEXTS = [
    "on the phone",
    "at the job centre",
    "in the team meeting",
    "over coffee",
    "after the MDT",
    "during the home visit",
    "before the interview",
    "at the employer's office",
    "in supervision",
    "by the bus stop",
    "on a walk",
    "in the library",
]
FEELINGS = [
    "It felt hopeful.",
    "I felt a bit exposed afterwards.",
    "That seemed to help the relationship.",
    "I am not sure it was the right time.",
    "It went better than expected.",
    "I should bring this to supervision.",
    "The focus stayed on their goals.",
    "I kept it short and relevant.",
    "I noticed my own feelings getting in the way.",
    "They said it made them feel less alone.",
]
ALIASES = [f"{a}.{b}." for a in "ABCDEFGHJKLMNPRSTW" for b in "ABDEHKLMRST"][:120]
TAGS = [
    "interview",
    "disclosure",
    "retail",
    "hospitality",
    "logistics",
    "benefits",
    "confidence",
    "boundaries",
    "supervision",
    "employer-visit",
    "first-week",
    "travel",
    "anxiety",
    "peer-support",
    "care-sector",
    "construction",
]
QUESTION_IDS = [
    "box1.will_not_share",
    "box1.if_asked_more",
    "box2.what_for_client",
    "box3.right_time",
    "box3.enough_support",
    "box3.feeling_ok_today",
    "box4.how_it_went",
    "box4.do_differently",
]
KINDS = ["preparation", "before_check", "after_reflection", "journal"]
AUDIENCES = [None, "client", "employer", "ips_team", "clinical_team"]
SIGNS = ["focus_shift", "personal_feelings", "secrets", "time_outside_work", "envy"]

QUERIES = [
    "interview",
    "interv",
    "warehouse",
    "employer feedback",
    "anxiety at work",
    "shift patterns",
    "cafe",
    "disclosure",
    "supervision",
    "boundaries contact",
    "allot",
    "medication early starts",
    "vocational",
    "hopeful",
    "B.K.",
    "reasonable adjustments",
    "job centre",
    "clinical team review",
    "coping",
    "gap in the CV",
]


def _sentence(rng: random.Random) -> str:
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CONTEXTS)}."
    return s + (" " + rng.choice(FEELINGS) if rng.random() < 0.4 else "")


def _text(rng: random.Random, min_words: int, max_words: int) -> str:
    target = rng.randint(min_words, max_words)
    words: list[str] = []
    while len(words) < target:
        words.extend(_sentence(rng).split())
    return " ".join(words[:target]).rstrip(".,") + "."


def generate_entries(n: int, seed: int = 20261102) -> list[Any]:
    """``n`` realistic synthetic entries (body 50-300 words)."""
    from ips_reflect.core.entries import Entry

    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    out = []
    for i in range(n):
        kind = rng.choice(KINDS)
        created = start + timedelta(minutes=37 * i + rng.randint(0, 30))
        answers: dict[str, Any] = {}
        if kind != "journal":
            for qid in rng.sample(QUESTION_IDS, rng.randint(1, 4)):
                answers[qid] = _text(rng, 5, 30) if rng.random() < 0.7 else rng.randint(1, 5)
        out.append(
            Entry(
                kind=kind,
                created=created.isoformat(timespec="seconds"),
                title=_text(rng, 3, 8).rstrip("."),
                body=_text(rng, 50, 300),
                client_alias=rng.choice(ALIASES) if rng.random() < 0.6 else None,
                audience=rng.choice(AUDIENCES) if kind != "journal" else None,
                tags=rng.sample(TAGS, rng.randint(0, 3)),
                answers=answers,
                warning_signs=rng.sample(SIGNS, 1) if rng.random() < 0.1 else [],
                bring_to_supervision=rng.random() < 0.15,
            )
        )
    return out


# --------------------------------------------------------------------------- measurements


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def bench_import(data_dir: Path, entries: list[Any]) -> float:
    """Seconds to import ``entries`` into a new vault (one transaction, as the CLI does)."""
    from ips_reflect.core.entries import parse_exchange
    from ips_reflect.export import jsonfmt
    from ips_reflect.store.vault import Vault

    data = jsonfmt.to_bytes(entries)  # parsed and imported as 'ips-reflect import' does
    vault, _ = Vault.create(data_dir, PASSPHRASE)
    try:
        t0 = time.perf_counter()
        parsed = parse_exchange(data, "bench.json")
        vault.entries.import_entries(parsed)
        return time.perf_counter() - t0
    finally:
        vault.close()


def bench_search(vault: Any, queries: list[str], rounds: int = 10) -> dict[str, float]:
    """Seconds per in-process search (top 50 with snippets), over every query x rounds."""
    for q in queries:  # warm the page cache once
        vault.search(q)
    times = []
    for _ in range(rounds):
        for q in queries:
            t0 = time.perf_counter()
            vault.search(q)
            times.append(time.perf_counter() - t0)
    return {
        "median": statistics.median(times),
        "p95": _percentile(times, 95),
        "max": max(times),
    }


def bench_unlock(data_dir: Path, rounds: int = 5) -> float:
    """Median seconds to unlock (Argon2id + open + checks) and lock again."""
    from ips_reflect.store.vault import Vault

    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        Vault.unlock(data_dir, PASSPHRASE).close()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_cli_search(data_dir: Path, query: str = "interview", rounds: int = 3) -> float:
    """Median seconds for ``ips-reflect search QUERY --json`` end to end (new process)."""
    env = dict(os.environ, IPS_REFLECT_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "ips_reflect", "--data-dir", str(data_dir)]
    command += ["search", query, "--json"]
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        result = subprocess.run(
            command,
            capture_output=True,
            env=env,
            check=False,
        )
        times.append(time.perf_counter() - t0)
        if result.returncode != 0:
            raise RuntimeError(result.stderr.decode(errors="replace"))
    return statistics.median(times)


def run(report: Report, n: int = 10_000) -> dict[str, float]:
    """Measure everything; call ``report`` per figure and return the figures."""
    from ips_reflect.store.vault import Vault

    work = Path(tempfile.mkdtemp(prefix="ips-reflect-bench-"))
    figures: dict[str, float] = {}
    try:
        entries = generate_entries(n)
        data_dir = work / "vault"
        figures["import_10k_s"] = bench_import(data_dir, entries)
        report(
            f"import {n:,} entries",
            figures["import_10k_s"],
            "s",
            10.0,
            note="parse, validate, write, index; one transaction",
        )
        with Vault.unlock(data_dir, PASSPHRASE) as vault:
            s = bench_search(vault, QUERIES)
        figures["search_median_ms"] = s["median"] * 1000
        figures["search_p95_ms"] = s["p95"] * 1000
        figures["search_max_ms"] = s["max"] * 1000
        note = f"{len(QUERIES)} queries x 10, top 50 with snippets"
        report(f"search {n:,} entries, median", figures["search_median_ms"], "ms", 50.0, note=note)
        report(f"search {n:,} entries, p95", figures["search_p95_ms"], "ms", 50.0, note=note)
        figures["unlock_s"] = bench_unlock(data_dir)
        report("unlock + lock", figures["unlock_s"], "s", note="Argon2id 64 MiB, t=3, p=2")
        figures["cli_search_s"] = bench_cli_search(data_dir)
        report("'ips-reflect search' end to end", figures["cli_search_s"], "s", note="new process")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


if __name__ == "__main__":
    from benchmarks.report import Report as _Table

    run(_Table())
