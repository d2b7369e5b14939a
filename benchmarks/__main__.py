"""``make bench``: every figure in DESIGN.md's performance budget, measured here.

Prints one table; exits 1 if any figure is over its budget.
"""

from __future__ import annotations

import datetime
import importlib
import sys

from benchmarks.report import Report, machine

SECTIONS = [
    ("start-up", "benchmarks.startup_bench"),
    ("locking", "benchmarks.lock_bench"),
    ("theme and text size", "benchmarks.theme_bench"),
    ("vault: import and search", "benchmarks.vault_bench"),
    ("warning-sign flags", "benchmarks.flags_bench"),
    ("team booklet", "benchmarks.booklet_bench"),
    ("journal at scale", "benchmarks.journal_bench"),
    ("100,000 entries", "benchmarks.scale_bench"),
    ("command-line search vs jrnl", "benchmarks.cli_bench"),
    ("supervision", "benchmarks.supervision_bench"),
]


def main() -> int:
    report = Report()
    print(f"IPS Reflect benchmarks, {datetime.date.today().isoformat()}, {machine()}")
    for title, module_name in SECTIONS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        print(f"\n{title}")
        module.run(report)
    print("\nMarkdown table:\n")
    print(report.table())
    over = report.over_budget
    if over:
        print(f"\n{len(over)} figure(s) over budget: " + ", ".join(r.what for r in over))
        return 1
    print("\nEvery figure is within budget.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
