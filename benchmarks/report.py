"""A small table of measured figures against the design's budget."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    what: str
    value: float
    unit: str
    budget: float | None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.budget is None:
            return ""
        return "ok" if self.value <= self.budget else "OVER"


class Report:
    def __init__(self) -> None:
        self.rows: list[Row] = []

    def __call__(
        self, what: str, value: float, unit: str, budget: float | None = None, note: str = ""
    ) -> None:
        row = Row(what, value, unit, budget, note)
        self.rows.append(row)
        budget_text = f"< {budget:g} {unit}" if budget is not None else ""
        print(
            f"  {what:<52} {value:>10.2f} {unit:<3} {budget_text:<12} {row.verdict:<4} {note}",
            flush=True,
        )

    def table(self) -> str:
        lines = [
            "| what | measured | budget | |",
            "| --- | --- | --- | --- |",
        ]
        for r in self.rows:
            budget = f"< {r.budget:g} {r.unit}" if r.budget is not None else ""
            note = f" ({r.note})" if r.note else ""
            lines.append(f"| {r.what}{note} | {r.value:.2f} {r.unit} | {budget} | {r.verdict} |")
        return "\n".join(lines)

    @property
    def over_budget(self) -> list[Row]:
        return [r for r in self.rows if r.verdict == "OVER"]


def machine() -> str:
    import os

    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"


def median_ms(fn: Callable[[], object], runs: int = 20, warmup: int = 2) -> tuple[float, float]:
    """Median and worst wall time of ``fn`` in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)
