"""Every key-value key the app stores under is named once, in ``store/keys.py``."""

from __future__ import annotations

from pathlib import Path

from ips_reflect.store import keys

PACKAGE = Path(keys.__file__).resolve().parent.parent


def test_each_kv_key_is_written_out_only_in_the_keys_module() -> None:
    sources = {
        p: p.read_text(encoding="utf-8")
        for p in PACKAGE.rglob("*.py")
        if p.name != "keys.py" or p.parent.name != "store"
    }
    for key in keys.KV_KEYS:
        written = [str(p.relative_to(PACKAGE)) for p, text in sources.items() if f'"{key}"' in text]
        assert not written, f"{key} is spelled out in {written}; use ips_reflect.store.keys"


def test_keys_are_distinct() -> None:
    assert len(set(keys.KV_KEYS)) == len(keys.KV_KEYS)
    assert len(set(keys.DRAFT_KEYS)) == len(keys.DRAFT_KEYS)
