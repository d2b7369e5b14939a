"""Warning-sign flag figures for ``make bench``.

Entries: the 10,000 synthetic entries of :mod:`benchmarks.vault_bench` (50-300 word
bodies plus answers, about 11.7 MB of text), with a sentence that suggests a warning
sign added to one entry in twenty (fixed seed), so the patterns really fire.

Figures:

* ``flag scan of a 10,000-entry vault`` (the DESIGN.md budget line):
  :func:`sync_vault_flags` on a real vault holding the same entries, after 20 of
  them were edited, and again with nothing changed. This is what the app runs on
  unlock and on "Check again": every entry is checked for changes through a light
  outline (no words read), changed entries are searched, the patterns across all
  entries are worked out again, and the stored flags are brought up to date.
* ``every text searched again``: :meth:`FlagEngine.scan_entries` in process over all
  11.7 MB. Needed only when the patterns themselves change (a content update) or
  for a new vault; it runs in a worker, once.
* the one-off cost of compiling the patterns.

Use ``run(report)``; run alone with ``python -m benchmarks.flags_bench``.
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Report = Callable[..., None]

BUDGET_MS = 200.0
PASSPHRASE = "benchmark passphrase, not secret"

# Sentences a practitioner might write that suggest a warning sign (not the test set).
SIGN_SENTENCES = [
    "Before she left I gave her my personal mobile in case the shift fell through.",
    "He says he will only talk to me about the placement.",
    "We met up for a coffee at the weekend, more as friends than anything.",
    "Honestly nobody else on the team gets him like I do.",
    "We agreed to keep the cash-in-hand work between us for now.",
    "I keep thinking about her at night, wondering how the first week went.",
    "It was nice to be needed after the week I had.",
    "The conversation ended up being about my own time off sick.",
    "She said I'm like a sister to her.",
    "I skipped the lone-working check-in because the visit was short.",
]
PLAN = {
    "experiences": [
        {
            "id": "e-1",
            "label": "my redundancy",
            "levels": {"employer": "never", "client": "briefly"},
        }
    ],
    "will_not_share": ["my divorce", "my time in hospital"],
}


def generate(n: int = 10_000, seed: int = 61) -> list[Any]:
    """The vault benchmark's entries, one in twenty with a warning-sign sentence."""
    from benchmarks.vault_bench import generate_entries

    rng = random.Random(seed)
    entries = generate_entries(n)
    for entry in entries:
        if rng.random() < 0.05:
            entry.body = f"{entry.body} {rng.choice(SIGN_SENTENCES)}"
    return entries


def median_ms(fn: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    fn()  # warm up (imports, caches of the regex module)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


def bench_scan(entries: list[Any]) -> dict[str, float]:
    from ips_reflect.core.content import load_content
    from ips_reflect.core.flags import FlagEngine, entry_text

    content = load_content()
    t0 = time.perf_counter()
    engine = FlagEngine(content)
    compile_ms = (time.perf_counter() - t0) * 1000
    flags = engine.scan_entries(entries, PLAN)
    median, best = median_ms(lambda: engine.scan_entries(entries, PLAN))
    return {
        "compile_ms": compile_ms,
        "scan_ms": median,
        "scan_best_ms": best,
        "flags": float(len(flags)),
        "text_flags": float(sum(1 for f in flags if f.source == "text")),
        "megabytes": sum(len(entry_text(e)) for e in entries) / 1e6,
        "patterns": float(engine.pattern_count),
    }


def bench_sync(entries: list[Any], edits: int = 20) -> dict[str, float]:
    from ips_reflect.core.content import load_content
    from ips_reflect.core.flags import FlagEngine
    from ips_reflect.ops.flags import sync_vault_flags
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    work = Path(tempfile.mkdtemp(prefix="ips-reflect-flags-bench-"))
    try:
        fast = KdfParams(8192, 1, 1)  # key derivation is measured elsewhere
        vault, _ = Vault.create(work / "vault", PASSPHRASE, kdf=fast)
        with vault:
            vault.entries.import_entries(entries)
            vault.plans.save(PLAN)
            content = load_content()
            engine = FlagEngine(content)
            t0 = time.perf_counter()
            first = sync_vault_flags(vault, content, engine)
            first_s = time.perf_counter() - t0
            stored = vault.entries.list(limit=edits)
            for n, entry in enumerate(stored):
                entry.body += f" Edited ({n})."
                vault.entries.update(entry)
            t0 = time.perf_counter()
            again = sync_vault_flags(vault, content, engine)
            again_ms = (time.perf_counter() - t0) * 1000
            same = []
            for _ in range(5):
                t0 = time.perf_counter()
                sync_vault_flags(vault, content, engine)
                same.append((time.perf_counter() - t0) * 1000)
        return {
            "first_sync_s": first_s,
            "first_flags": float(first.added),
            "resync_ms": again_ms,
            "resync_scanned": float(again.scanned),
            "unchanged_ms": statistics.median(same),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(report: Report, n: int = 10_000) -> dict[str, float]:
    entries = generate(n)
    sync = bench_sync(entries)
    report(
        f"flag scan of a {n:,}-entry vault, 20 edited",
        sync["resync_ms"],
        "ms",
        BUDGET_MS,
        note=f"what unlock and 'Check again' run: {int(sync['resync_scanned'])} changed entries "
        "searched, every entry checked for changes, patterns across all entries, flags synced",
    )
    report(
        f"flag scan of a {n:,}-entry vault, nothing changed",
        sync["unchanged_ms"],
        "ms",
        BUDGET_MS,
        note="median of 5",
    )
    figures = bench_scan(entries)
    figures.update(sync)
    note = (
        f"{figures['megabytes']:.1f} MB of text, {int(figures['patterns'])} patterns, "
        f"{int(figures['flags'])} flags ({int(figures['text_flags'])} from text); only after "
        "the patterns change, in a worker; median of 5"
    )
    report(f"every text searched again, {n:,} entries", figures["scan_ms"], "ms", note=note)
    report("flag patterns compiled (once)", figures["compile_ms"], "ms")
    report(
        f"first flag check of a {n:,}-entry vault",
        sync["first_sync_s"],
        "s",
        note=f"every entry searched, {int(sync['first_flags'])} flags written; once per vault",
    )
    return figures


if __name__ == "__main__":
    from benchmarks.report import Report as _Table

    run(_Table())
