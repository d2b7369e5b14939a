"""A worker's own connection: ``Vault.worker_copy`` (used by the flag check, imports and
exports) reads and writes the same vault without holding the page's connection."""

from __future__ import annotations

import threading

from ips_reflect.core.entries import Entry


def test_a_worker_copy_sees_and_writes_the_same_vault(vault) -> None:
    first = vault.entries.add(Entry(kind="journal", title="Written on the page"))
    with vault.worker_copy() as own:
        assert own.db is not vault.db and own.db.lock is not vault.db.lock
        assert own.entries.get(first.uid).title == "Written on the page"
        second = own.entries.add(Entry(kind="journal", title="Written by a worker"))
    assert vault.entries.get(second.uid).title == "Written by a worker"
    # closing the copy left the vault open, its key and its lock untouched
    assert vault.is_open and vault.kv.get("anything") is None


def test_the_page_is_not_held_while_a_worker_reads(vault) -> None:
    """A worker inside a long read on its own connection does not hold the lock the
    page's connection takes for every query (the shared connection used to)."""
    for n in range(20):
        vault.entries.add(Entry(kind="journal", title=f"Entry {n}"))
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with vault.worker_copy() as own, own.db.lock:
            own.entries.list()
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert inside.wait(10)
        # The page can still read and write at once.
        acquired = vault.db.lock.acquire(timeout=1)
        assert acquired
        vault.db.lock.release()
        vault.entries.add(Entry(kind="journal", title="Typed while the worker reads"))
        assert len(vault.entries.list()) == 21
    finally:
        release.set()
        thread.join(10)


def test_a_locked_vault_gives_no_worker_copy(vault) -> None:
    import pytest

    from ips_reflect.store.errors import VaultClosed

    vault.close()
    with pytest.raises(VaultClosed):
        vault.worker_copy()
