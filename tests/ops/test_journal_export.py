"""One export for both faces: the Journal page's worker and ``ips-reflect export``
write the same documents from the same vault (``ops.journal``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from ips_reflect.cli import main
from ips_reflect.core.entries import Entry
from ips_reflect.ops import journal as ops

PASS = "kettle orbit marmalade tunnel"


def words(path: Path) -> str:
    text = " ".join((p.extract_text() or "") for p in PdfReader(str(path)).pages)
    return " ".join(text.split())


@pytest.fixture
def filled(vault):
    vault.entries.add(
        Entry(
            kind="journal",
            created="2026-03-02T09:30:00+00:00",
            title="After the job fair",
            body="Long day, good talks with two employers.",
        )
    )
    vault.entries.add(
        Entry(
            kind="before_check",
            created="2026-03-04T09:30:00+00:00",
            audience="client",
            client_alias="C.D.",
            title="Check: my first job",
            body="Keeping it short and about work.",
            answers={"box3.help_work": "yes"},
        )
    )
    return vault


@pytest.mark.parametrize("fmt", ["pdf", "md", "json"])
def test_the_app_and_the_command_line_export_the_same(
    filled, content, data_dir, tmp_path, monkeypatch, fmt
) -> None:
    from ips_reflect.gui.pages.journal.transfer import (
        export_file,  # what the Journal page's worker runs
    )

    app_out = tmp_path / f"app.{fmt}"
    assert export_file(filled, None, fmt, app_out, content) == 2
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    cli_out = tmp_path / f"cli.{fmt}"
    assert main(["--data-dir", str(data_dir), "export", "--format", fmt, "-o", str(cli_out)]) == 0
    if fmt == "pdf":
        assert words(app_out) == words(cli_out)
        assert "Contents" in words(cli_out) or "After the job fair" in words(cli_out)
    elif fmt == "json":
        assert app_out.read_bytes() == cli_out.read_bytes()
    else:  # Markdown carries the time it was made: compare everything else
        strip = [ln for ln in app_out.read_text().splitlines() if "xported" not in ln]
        assert strip == [ln for ln in cli_out.read_text().splitlines() if "xported" not in ln]


def test_an_unwritable_place_is_a_sentence(filled, content, tmp_path) -> None:
    from ips_reflect.errors import UserError

    with pytest.raises(UserError, match="could not"):
        ops.export_entries([], "json", tmp_path / "missing" / "x.json", content)
