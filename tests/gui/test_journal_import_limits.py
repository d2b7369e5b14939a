"""The Journal's Import… reads files as warily as ``ips-reflect import``: a pipe is
refused instead of freezing the import worker, and an oversized file is refused
before it is read."""

from __future__ import annotations

import os

import pytest

from ips_reflect.errors import UserError
from ips_reflect.gui.pages.journal.transfer import import_file


@pytest.mark.timeout(20)
def test_a_pipe_is_refused_without_blocking(vault, tmp_path):
    fifo = tmp_path / "entries.json"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match=r"not an ordinary file|is a pipe|named pipe"):
        import_file(vault, fifo)
    assert vault.entries.count() == 0


def test_an_oversized_file_is_refused_before_reading(vault, tmp_path):
    big = tmp_path / "huge.json"
    with open(big, "wb") as fh:
        fh.truncate(65 * 1024 * 1024)  # sparse: nothing is really written
    with pytest.raises(UserError, match="MiB"):
        import_file(vault, big)
    assert vault.entries.count() == 0
