"""No plaintext of anything a person wrote may reach the disk: not in the database,
WAL, shm, header, backups, restore leftovers, nor in the temp folder."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from pathlib import Path

from ips_reflect.core.entries import Entry
from ips_reflect.store.backup import restore_backup
from ips_reflect.store.records import Biography
from ips_reflect.store.vault import Vault

from .conftest import FAST_KDF, PASSPHRASE


def _marker() -> str:
    return f"Mk{uuid.uuid4().hex}"


def _needles(markers: list[str]) -> list[bytes]:
    out = []
    for m in markers:
        for form in {m, m.lower(), m.upper()}:
            for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                out.append(form.encode(enc))
    return out


def _files_under(root: Path, since: float | None = None) -> list[Path]:
    found = []
    for folder, _dirs, files in os.walk(root, onerror=lambda e: None):
        for name in files:
            p = Path(folder) / name
            try:
                st = p.stat()
            except OSError:
                continue
            if not p.is_file():
                continue
            if since is None or st.st_mtime >= since or st.st_ctime >= since:
                found.append(p)
    return found


def _hits(paths: list[Path], needles: list[bytes]) -> list[str]:
    hits = []
    for p in paths:
        try:
            data = p.read_bytes()
        except OSError:
            continue
        hits.extend(f"{p}: {n!r}" for n in needles if n in data)
    return hits


def test_the_scanner_finds_plaintext(tmp_path):
    m = _marker()
    (tmp_path / "plain.txt").write_text(f"hello {m}", encoding="utf-16")
    assert _hits(_files_under(tmp_path), _needles([m]))


def test_no_plaintext_on_disk(data_dir, fast_unlock, tmp_path):
    started = time.time() - 1
    tmp_root = Path(tempfile.gettempdir())
    markers: list[str] = []

    def mark() -> str:
        markers.append(_marker())
        return markers[-1]

    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    check = vault.entries.add(
        Entry(
            kind="before_check",
            title=f"Title {mark()}",
            body=f"Body with {mark()} and ünïcödé {mark()}",
            client_alias=mark(),
            tags=[mark(), "plain-tag"],
            answers={"q.text": f"answer {mark()}", "q.list": [mark()], "q.scale": 3},
            audience="client",
        )
    )
    vault.entries.add(
        Entry(kind="after_reflection", body=f"reflection {mark()}", linked_uid=check.uid)
    )
    binned = vault.entries.add(Entry(kind="journal", title=f"binned {mark()}"))
    vault.entries.delete(binned.uid)
    purged = vault.entries.add(Entry(kind="journal", title=f"purged {mark()}"))
    vault.entries.delete_forever(purged.uid)
    for i in range(300):  # enough to need sorting and several pages
        vault.entries.add(Entry(kind="journal", title=f"filler {i}", body="filler words " * 40))
    vault.drafts.save("draft:1", "journal", {"body": mark()})
    f = vault.flags.upsert("secrets", "text", entry_uid=check.uid, evidence=mark())
    vault.flags.set_status(f.id, "discussed", mark())
    vault.plans.save({"never": [mark()]})
    vault.biography.save(Biography({"biography": mark()}))
    s = vault.supervision.add_session("2026-03-01", mark(), agenda=[mark()], notes=mark())
    vault.supervision.add_action(s.id, mark())
    vault.kv.set("journal.filters", {"search": mark()})
    for m in markers[:6]:
        vault.search(m)
        vault.search(m[:8])  # prefix search
    vault.entries.list(newest_first=False)
    assert vault.verify().ok
    manual = vault.backup(data_dir / "manual.ipsbackup")
    vault.auto_backup(keep=2)

    needles = _needles(markers)
    assert (data_dir / "vault.db-wal").exists()
    assert _hits(_files_under(data_dir), needles) == []  # while open, WAL present
    vault.close()
    restore_backup(data_dir, manual, passphrase=PASSPHRASE)
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        assert again.search(markers[0])
        again.auto_backup(keep=2)

    everything = _files_under(data_dir)
    names = {p.name for p in everything}
    assert {"vault.db", "header.json", "manual.ipsbackup"} <= names
    assert any(p.parent.name.startswith("replaced-") for p in everything)
    assert any(p.parent.name == "backups" for p in everything)
    assert _hits(everything, needles) == []
    assert _hits(_files_under(tmp_root, since=started), needles) == []
