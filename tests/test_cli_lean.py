"""``ips-reflect search`` stays lean: a fresh process loads only what searching needs
(no Qt, no YAML or question packs, no PDF library, no other command's code), and the
parser still knows every command."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ips_reflect.cli import command_in, main
from ips_reflect.commands import COMMANDS, MODULE_NAMES, command_modules

REPO = Path(__file__).resolve().parent.parent
PASS = "a long enough passphrase"

#: Module names (and everything below them) that ``search`` must never import.
NOT_FOR_SEARCH = (
    "PySide6",
    "shiboken6",
    "yaml",
    "reportlab",
    "ips_reflect.gui",
    "ips_reflect.ops",
    "ips_reflect.core.content",
    "ips_reflect.core.flag_model",
    "ips_reflect.core.supervision",
    "ips_reflect.store.records",
    "ips_reflect.store.entry_store",
    *(f"ips_reflect.commands.{name}" for name in MODULE_NAMES if name != "vault_cmd"),
)


def _unwanted(name: str) -> bool:
    """True for a module of NOT_FOR_SEARCH or below one (``yaml.reader``), or a sibling
    named after it (``ips_reflect.core.content_model``)."""
    return any(name == n or name.startswith((n + ".", n + "_")) for n in NOT_FOR_SEARCH)


#: Runs the command line as ``ips-reflect`` does, then names every module it loaded.
RUN_AND_LIST = (
    "import json, sys\n"
    "from ips_reflect.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@pytest.mark.timeout(60)
def test_search_loads_only_what_it_needs(data_dir):
    from ips_reflect.core.entries import Entry
    from ips_reflect.store.vault import Vault

    vault, _ = Vault.create(data_dir, PASS)
    with vault:
        vault.entries.add(Entry(kind="journal", title="Interview day", body="Calm and ready."))
    env = dict(os.environ, IPS_REFLECT_PASSPHRASE=PASS)
    argv = ["--data-dir", str(data_dir), "search", "interview", "--json"]
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=50,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert [r["title"] for r in json.loads(result.stdout)["results"]] == ["Interview day"]
    imported = json.loads(result.stderr.strip().splitlines()[-1])
    assert {"ips_reflect.commands.vault_cmd", "sqlcipher3", "argon2"} <= set(imported)
    assert sorted(name for name in imported if _unwanted(name)) == []


def test_every_command_is_listed_with_the_module_that_registers_it():
    found: dict[str, str] = {}
    for module in command_modules():
        sub = argparse.ArgumentParser().add_subparsers()
        module.register(sub)
        found.update(dict.fromkeys(sub.choices, module.__name__.rpartition(".")[2]))
    assert found == COMMANDS
    assert [module.__name__.rpartition(".")[2] for module in command_modules()] == list(
        MODULE_NAMES
    )


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command} " in out


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["search", "x"], "search"),
        (["--data-dir", "d", "search", "x"], "search"),
        (["--data-dir=d", "--content-dir", "c", "flags", "scan", "f"], "flags"),
        (["--help", "search"], None),
        (["--version"], None),
        (["--data-dir"], None),
        (["--unknown", "search"], None),
        ([], None),
    ],
)
def test_the_command_is_found_after_the_apps_own_options(argv, command):
    assert command_in(argv) == command


def test_an_unknown_command_is_refused_with_every_command_named(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["serch", "x"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'serch'" in err
    assert all(repr(command) in err for command in COMMANDS)
