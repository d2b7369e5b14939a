"""``ips-reflect search`` end to end against jrnl, at 10,000 and 100,000 entries.

For each size the same synthetic entries (``vault_bench.generate_entries``; the
10,000 are the first 10,000 of the 100,000) are written twice: into a vault (one
bulk import) and as a plaintext jrnl journal (title, body, answers, tags). Then
``ips-reflect search WORD --json`` (a new process; reading the header, Argon2id,
opening SQLCipher, the query, the snippets and the JSON all included) and
``jrnl -contains WORD -n 20 --format json`` are run in turn, one after the other,
ROUNDS times after one warm-up run each, so that both see the same machine at the
same moment. The figures are the medians, and their ratio is held to DESIGN.md's
budget: at most 0.5x jrnl at 10,000 entries and 0.3x at 100,000.

jrnl is installed with pip into a throwaway venv in a temporary folder; if that
fails the comparison rows are skipped with a note (ours is still measured).

Use ``run(report)``; run alone with ``python -m benchmarks.cli_bench``
(``--sizes 10000`` for one size).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.vault_bench import PASSPHRASE, REPO, generate_entries

Report = Any
WORD = "interview"
ROUNDS = 5
#: Entries, and the most ``ips-reflect search`` may take as a share of jrnl's time.
SIZES: tuple[tuple[int, float], ...] = ((10_000, 0.5), (100_000, 0.3))


# --------------------------------------------------------------------------- jrnl


def install_jrnl(folder: Path) -> tuple[Path | None, str]:
    """pip install jrnl into a new venv in ``folder``; (path of jrnl, version or why not)."""
    venv = folder / "jrnl-venv"
    python = shutil.which("python3") or sys.executable
    try:
        subprocess.run([python, "-m", "venv", str(venv)], check=True, capture_output=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "jrnl"]
        result = subprocess.run(pip, capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"could not make a venv for jrnl ({exc})"
    jrnl = venv / "bin" / "jrnl"
    if result.returncode != 0 or not jrnl.exists():
        why = result.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        return None, f"pip install jrnl failed: {why[0]}"
    found = subprocess.run([str(jrnl), "--version"], capture_output=True, text=True, check=False)
    version = found.stdout.split()[1] if len(found.stdout.split()) > 1 else "v4.6"
    return jrnl, version


def jrnl_text(entries: list[Any]) -> str:
    """The entries as a plaintext jrnl journal: title line, body, answers, @tags."""
    from datetime import datetime

    lines: list[str] = []
    for e in sorted(entries, key=lambda e: e.created):
        when = datetime.fromisoformat(e.created).strftime("%Y-%m-%d %H:%M")
        title = " ".join(e.title.split()).rstrip(".") + "."
        lines.append(f"[{when}] {title}")
        lines.append(e.body)
        answers = e.answers_text()
        if answers:
            lines.append(answers)
        if e.tags:
            lines.append(" ".join(f"@{t}" for t in e.tags))
        lines.append("")
    return "\n".join(lines) + "\n"


def jrnl_config(folder: Path, journal: Path, version: str) -> Path:
    config = folder / "jrnl.yaml"
    config.write_text(
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
        "highlight: false\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        f"timeformat: '%Y-%m-%d %H:%M'\nversion: {version}\n",
        encoding="utf-8",
    )
    return config


def jrnl_command(jrnl: Path, folder: Path, entries: list[Any], version: str) -> list[str]:
    """Write ``entries`` as a jrnl journal in ``folder``; the search command for it."""
    journal = folder / "journal.txt"
    journal.write_text(jrnl_text(entries), encoding="utf-8")
    config = jrnl_config(folder, journal, version)
    command = [str(jrnl), "--config-file", str(config), "-contains", WORD]
    return [*command, "-n", "20", "--format", "json"]


def jrnl_env(folder: Path) -> dict[str, str]:
    home = folder / "home"
    home.mkdir(exist_ok=True)
    return dict(
        os.environ,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        NO_COLOR="1",
    )


# --------------------------------------------------------------------------- timing


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds ``command`` takes to run to the end; a failure stops the benchmark."""
    t = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - t
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr.decode(errors='replace')[-400:]}")
    return elapsed


def alternate(
    commands: list[tuple[list[str], dict[str, str]]], rounds: int = ROUNDS
) -> list[list[float]]:
    """Each command once to warm the page cache, then ``rounds`` rounds running each
    in turn; the times (seconds) per command."""
    for command, env in commands:
        timed(command, env)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(rounds):
        for i, (command, env) in enumerate(commands):
            times[i].append(timed(command, env))
    return times


def make_vault(data_dir: Path, entries: list[Any]) -> None:
    """A vault holding ``entries`` (one bulk import, as ``ips-reflect import`` does)."""
    from ips_reflect.store.vault import Vault

    vault, _ = Vault.create(data_dir, PASSPHRASE)
    try:
        vault.entries.import_entries(entries)
    finally:
        vault.close()


def ips_command(data_dir: Path) -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ, IPS_REFLECT_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "ips_reflect", "--data-dir", str(data_dir)]
    return [*command, "search", WORD, "--json"], env


# --------------------------------------------------------------------------- the report


def run(report: Report, sizes: tuple[tuple[int, float], ...] = SIZES) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="ips-reflect-cli-bench-"))
    figures: dict[str, float] = {}
    try:
        started = time.perf_counter()
        jrnl, version = install_jrnl(work)
        if jrnl is None:
            print(f"  jrnl comparison skipped: {version}", flush=True)
        every = generate_entries(max(n for n, _ in sizes))
        for n, budget in sizes:
            t0 = time.perf_counter()
            entries = every[:n]
            folder = work / f"n{n}"
            folder.mkdir()
            make_vault(folder / "vault", entries)
            commands = [ips_command(folder / "vault")]
            if jrnl is not None:
                commands.append((jrnl_command(jrnl, folder, entries, version), jrnl_env(folder)))
            times = alternate(commands)
            ours = statistics.median(times[0])
            figures[f"cli_search_{n}_s"] = ours
            count = f"{n:,} entries"
            report(
                f"'ips-reflect search {WORD} --json', {count}",
                ours * 1000,
                "ms",
                note=f"new process, Argon2id unlock included; median of {ROUNDS}",
            )
            if jrnl is not None:
                theirs = statistics.median(times[1])
                figures[f"jrnl_search_{n}_s"] = theirs
                figures[f"cli_vs_jrnl_{n}"] = ours / theirs
                report(
                    f"'jrnl -contains {WORD} -n 20 --format json', {count}",
                    theirs * 1000,
                    "ms",
                    note=f"jrnl {version}, plaintext journal; median of {ROUNDS}, "
                    "run in turn with ours",
                )
                report(
                    f"ips-reflect search / jrnl, {count}",
                    ours / theirs,
                    "x",
                    budget,
                    note="end to end, same run",
                )
            shutil.rmtree(folder, ignore_errors=True)
            figures[f"bench_{n}_s"] = time.perf_counter() - t0
        figures["bench_s"] = time.perf_counter() - started
        print(
            "  (this section took "
            + ", ".join(f"{figures[f'bench_{n}_s']:.0f} s at {n:,}" for n, _ in sizes)
            + f"; {figures['bench_s']:.0f} s in all)",
            flush=True,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def main(argv: list[str]) -> int:
    from benchmarks.report import Report as _Table

    sizes = SIZES
    if len(argv) == 2 and argv[0] == "--sizes":
        wanted = {int(s) for s in argv[1].split(",")}
        sizes = tuple((n, b) for n, b in SIZES if n in wanted)
    table = _Table()
    run(table, sizes)
    return 1 if table.over_budget else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
