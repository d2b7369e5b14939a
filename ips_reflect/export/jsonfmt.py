"""Entries as JSON in the exchange format (``ips-reflect/entries`` version 1).

The output imports back exactly (``ips-reflect import``), Unicode included: text
is written as UTF-8, not ``\\u`` escapes, so the file stays readable.

This file is NOT encrypted. The caller warns the user and writes it atomically
with mode 0600 to the place the user chose; nothing goes to a temp folder.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ips_reflect.core.entries import Entry, exchange_document


def dumps(entries: Sequence[Entry]) -> str:
    """The exchange document as text (2-space indented, ending in a newline)."""
    return json.dumps(exchange_document(entries), ensure_ascii=False, indent=2) + "\n"


def to_bytes(entries: Sequence[Entry]) -> bytes:
    return dumps(entries).encode("utf-8")
