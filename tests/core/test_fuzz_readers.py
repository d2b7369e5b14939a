"""Fuzzing every file reader: whatever is in the file, the answer is a sentence.

Question packs, entry exchange files, biography cards, backups, the vault header,
the settings file and the flags text scanner are fed random text, mutated real
files (lines deleted, duplicated or re-indented, bytes inserted, huge numbers,
``!!python`` tags, non-UTF-8) and well-formed files with values of the wrong type.

Each reader must either accept the file or raise a :class:`UserError` whose
message says what and where (``file:line:col`` when a position is known) and what
to do. Nothing else may escape, and a refused file never changes the vault.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ips_reflect.cli import main
from ips_reflect.core.biocard import validate_card
from ips_reflect.core.content import ContentError, check_content, load_content
from ips_reflect.core.entries import (
    KINDS,
    WARNING_SIGN_IDS,
    EntryError,
    parse_exchange,
)
from ips_reflect.core.settings import Settings, load_settings
from ips_reflect.errors import UserError
from ips_reflect.store import crypto
from ips_reflect.store.backup import read_backup, restore_backup
from ips_reflect.store.crypto import KdfParams
from ips_reflect.store.errors import BackupError, HeaderDamaged
from ips_reflect.store.header import read_header
from ips_reflect.store.vault import Vault

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
CARDS = REPO / "tests" / "data" / "cards" / "team"
PASSPHRASE = "correct horse battery"
FAST_KDF = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)

#: ``file:line:col: message`` - the shape of every positioned problem.
PROBLEM_RE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<msg>\S.*)$", re.S)


def fuzz(examples: int) -> settings:
    """Sized so this whole file runs in well under a minute on two slow cores."""
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )


# --------------------------------------------------------------------------- strategies

HUGE_NUMBERS = st.sampled_from(
    ["9" * 5000, "-" + "9" * 400, "1e999", "0x" + "f" * 300, "0b1", "0x1", "1:30:00", ".nan"]
)
TAGS = st.sampled_from(
    [
        "!!python/object/apply:os.system ['echo owned']",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
        "!custom value",
        "!!set {a, b}",
        "!!omap [a: 1]",
        "&anchor value",
        "*anchor",
    ]
)
#: Bytes that are not UTF-8 (a lone continuation byte, Latin-1 é, a UTF-16 BOM, NUL).
BAD_BYTES = st.sampled_from([b"\x80", b"\xe9", b"\xff\xfe", b"\xc3", b"\x00", b"\xed\xa0\x80"])
YAML_CHARS = st.text(
    alphabet=st.sampled_from(list(" \n\t-:#&*!|>'\"[]{},?%@`~.0123456789abcxyzé😀\\")),
    max_size=120,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30, max_value=10**60),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["", " ", "yes", "~", "2026-13-45", "1:30", "0x1F", "\x00", "a\u2028b"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def mutate_lines(data: Any, raw: bytes) -> bytes:
    """One to four edits of the kinds a hand-edited or damaged file shows."""
    lines = raw.split(b"\n")
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        lines = lines or [b""]
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        op = data.draw(
            st.sampled_from(
                ["delete", "duplicate", "indent", "bytes", "number", "tag", "bad", "cut", "swap"]
            ),
            label="op",
        )
        line = lines[i]
        if op == "delete" and lines:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "indent":
            shift = data.draw(st.integers(-4, 4), label="shift")
            stripped = line.lstrip(b" ")
            indent = max(0, len(line) - len(stripped) + shift)
            lines[i] = b" " * indent + stripped
        elif op == "bytes":
            at = data.draw(st.integers(0, len(line)), label="at")
            junk = data.draw(st.binary(min_size=1, max_size=6), label="junk")
            lines[i] = line[:at] + junk + line[at:]
        elif op in ("number", "tag"):
            value = data.draw(HUGE_NUMBERS if op == "number" else TAGS, label=op)
            head, sep, _tail = line.partition(b": ")
            lines[i] = (head + b": " if sep else line + b" ") + value.encode()
        elif op == "bad":
            at = data.draw(st.integers(0, len(line)), label="at")
            lines[i] = line[:at] + data.draw(BAD_BYTES, label="bad") + line[at:]
        elif op == "cut":
            lines = lines[: i + 1]
            lines[-1] = line[: data.draw(st.integers(0, len(line)), label="cut")]
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1), label="other")
            lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def replace_somewhere(data: Any, tree: Any) -> Any:
    """Replace (or delete, or add next to) one value anywhere in a parsed document."""
    tree = copy.deepcopy(tree)
    holder, key, node = None, None, tree
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans(), label="deeper"):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        holder, key = node, data.draw(st.sampled_from(keys), label="key")
        node = holder[key]
    op = data.draw(st.sampled_from(["replace", "delete", "add"]), label="tree-op")
    if holder is None:
        return data.draw(VALUES, label="root") if op == "replace" else tree
    if op == "replace":
        holder[key] = data.draw(VALUES, label="value")
    elif op == "delete":
        del holder[key]
    elif isinstance(holder, dict):
        holder[data.draw(st.text(min_size=1, max_size=10), label="new key")] = data.draw(VALUES)
    else:
        holder.append(data.draw(VALUES, label="extra"))
    return tree


def check_problem_lines(lines: list[str], folder: Path) -> None:
    """Every problem is ``file:line:col: message`` naming a file in ``folder``."""
    assert lines
    for line in lines:
        m = PROBLEM_RE.match(line)
        assert m, line
        assert int(m["line"]) >= 1 and int(m["col"]) >= 1, line
        assert Path(m["file"]).name in {p.name for p in folder.iterdir()} | {folder.name}, line


# --------------------------------------------------------------------------- question packs


def _pack_texts() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(CONTENT.glob("*.yaml"))}


PACKS = _pack_texts()
# Small packs keep each example fast; warning_signs has the sign patterns (regexes).
FUZZ_PACKS = ["warning_signs.yaml", "before_sharing.yaml", "experience.yaml", "supervision.yaml"]


def assert_pack_answer(folder: Path) -> None:
    """load_content either loads or raises ContentError with positioned problems."""
    try:
        load_content(folder)
    except ContentError as exc:
        assert exc.message.endswith("fix the lines listed and try again.")
        assert len(exc.details) == len(exc.problems)
        check_problem_lines(exc.details, folder)


@contextmanager
def one_file_folder(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "packs"
        folder.mkdir()
        (folder / name).write_bytes(data)
        yield folder


@fuzz(60)
@given(text=st.one_of(YAML_CHARS, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_random_yamlish_text_as_a_pack(text: str) -> None:
    with one_file_folder("fuzz.yaml", text.encode("utf-8", "surrogatepass")) as folder:
        assert_pack_answer(folder)


@fuzz(70)
@given(name=st.sampled_from(FUZZ_PACKS), data=st.data())
def test_mutated_real_packs(name: str, data: Any) -> None:
    with one_file_folder(name, mutate_lines(data, PACKS[name])) as folder:
        assert_pack_answer(folder)


@fuzz(50)
@given(name=st.sampled_from(FUZZ_PACKS), data=st.data())
def test_real_packs_with_values_of_the_wrong_type(name: str, data: Any) -> None:
    tree = replace_somewhere(data, yaml.safe_load(PACKS[name]))
    with one_file_folder(name, yaml.safe_dump(tree, allow_unicode=True).encode()) as folder:
        assert_pack_answer(folder)


@pytest.mark.parametrize(
    "version, problem",
    [
        ("0x1", None),  # YAML's hexadecimal 1 is 1
        ("0b1", None),
        ("1:30", "version 1:30 is not supported"),  # YAML 1.1 base 60: 90
        ("9" * 5000, "version must be the number 1"),  # Python refuses to read it
        ("1e999", "version must be the number 1"),
    ],
)
def test_any_way_of_writing_the_version_is_read_or_refused(tmp_path, version, problem) -> None:
    """Regression: 'version: 0x1', '0b1', '1:30' and a 5000-digit number crashed with
    ValueError from int(); 'order' had the same bug."""
    folder = tmp_path / "packs"
    folder.mkdir()
    text = PACKS["experience.yaml"].decode().replace("version: 1", f"version: {version}", 1)
    text = text.replace("format: ips-reflect/content", "format: ips-reflect/content\norder: 0x10")
    (folder / "experience.yaml").write_text(text)
    _content, problems = check_content(folder)
    texts = [p.message for p in problems]
    if problem is None:
        assert not any("version" in t for t in texts), texts
    else:
        assert any(problem in t for t in texts), texts
        loc = next(p.location for p in problems if problem in p.message)
        assert (loc.line, loc.col) == (3, 10)  # below the 'order' line added above


def test_a_python_tag_in_a_pack_is_never_run(tmp_path) -> None:
    marker = tmp_path / "owned"
    folder = tmp_path / "packs"
    folder.mkdir()
    text = (
        PACKS["experience.yaml"]
        .decode()
        .replace(
            "title:", f"title: !!python/object/apply:os.system ['touch {marker}']\nx_title:", 1
        )
    )
    (folder / "experience.yaml").write_text(text)
    with pytest.raises(ContentError) as info:
        load_content(folder)
    assert not marker.exists()
    assert any("asks YAML to run Python code" in d for d in info.value.details)
    check_problem_lines(info.value.details, folder)


# --------------------------------------------------------------------------- entries import

EXCHANGE = {
    "format": "ips-reflect/entries",
    "version": 1,
    "entries": [
        {
            "uid": "6f1c1d52-4a7e-4d59-9a53-111111111111",
            "kind": "before_check",
            "created": "2026-11-02T09:30:00+00:00",
            "title": "Telling Sam about my return to work",
            "body": "Keep it short.",
            "client_alias": "S.",
            "audience": "client",
            "tags": ["return-to-work"],
            "answers": {"box3.right_time": "yes", "q.scale": 3, "q.list": ["a", "b"]},
            "warning_signs": ["secrets"],
            "reasons": ["hope"],
            "bring_to_supervision": True,
        },
        {
            "uid": "6f1c1d52-4a7e-4d59-9a53-222222222222",
            "kind": "after_reflection",
            "created": "2026-11-03T18:00:00+01:00",
            "updated": "2026-11-04T10:00:00Z",
            "title": "How it went",
            "linked_uid": "6f1c1d52-4a7e-4d59-9a53-111111111111",
        },
    ],
}
TIMESTAMPS = st.one_of(
    st.sampled_from(
        [
            "0001-01-01T00:00:00+05:00",
            "9999-12-31T23:59:59-05:00",
            "0001-01-01T00:00:00+00:00",
            "2026-02-30T10:00:00+00:00",
            "2026-11-02T09:30:00",
            "2026-11-02",
            "2026-11-02T25:00:00+00:00",
        ]
    ),
    st.datetimes(
        timezones=st.builds(
            __import__("datetime").timezone,
            st.timedeltas(
                min_value=__import__("datetime").timedelta(hours=-23, minutes=-59),
                max_value=__import__("datetime").timedelta(hours=23, minutes=59),
            ),
        )
    ).map(lambda d: d.isoformat()),
)
FIELD_VALUES = st.one_of(
    VALUES,
    TIMESTAMPS,
    st.sampled_from([*KINDS, *WARNING_SIGN_IDS, "6f1c1d52-4a7e-4d59-9a53-111111111111"]),
)


def vault_state(vault: Vault) -> list[tuple[Any, ...]]:
    """Every stored row that an import could touch, in order."""
    rows = [tuple(r) for r in vault.db.query("SELECT * FROM entries ORDER BY id")]
    rows += [tuple(r) for r in vault.db.query("SELECT * FROM entry_tags ORDER BY 1, 2")]
    rows += [tuple(r) for r in vault.db.query("SELECT rowid, * FROM entries_fts ORDER BY 1")]
    return rows


@pytest.fixture
def fast_vault(data_dir, monkeypatch) -> Iterator[Vault]:
    monkeypatch.setattr(Vault, "kdf_target", FAST_KDF)
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    try:
        yield vault
    finally:
        vault.close()


def mutate_exchange(data: Any) -> bytes:
    doc = copy.deepcopy(EXCHANGE)
    entries = doc["entries"]
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        op = data.draw(st.sampled_from(["field", "delete", "tree", "new"]), label="op")
        entry = entries[data.draw(st.integers(0, len(entries) - 1))] if entries else None
        if op == "field" and entry is not None:
            key = data.draw(st.sampled_from([*EXCHANGE["entries"][0], "updated", "linked_uid"]))
            entry[key] = data.draw(FIELD_VALUES, label="value")
        elif op == "delete" and entry is not None and entry:
            del entry[data.draw(st.sampled_from(sorted(entry)), label="gone")]
        elif op == "new":
            fresh = copy.deepcopy(EXCHANGE["entries"][0])
            fresh.pop("uid")
            fresh["created"] = data.draw(TIMESTAMPS, label="created")
            entries.append(fresh)
        else:
            doc = replace_somewhere(data, doc)
            entries = doc.get("entries") if isinstance(doc, dict) else None
            if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                break
    raw = json.dumps(doc, ensure_ascii=data.draw(st.booleans())).encode("utf-8", "surrogatepass")
    if data.draw(st.integers(0, 4), label="bytes?") == 0:
        at = data.draw(st.integers(0, len(raw)), label="at")
        raw = raw[:at] + data.draw(st.binary(max_size=4) | BAD_BYTES) + raw[at + 1 :]
    return raw


def test_mutated_exports_import_all_or_nothing(fast_vault) -> None:
    """parse + import: every entry is added, or the error is a sentence and the vault
    is exactly as before (rows, tags and search index)."""
    vault = fast_vault
    outcomes = {"refused": 0, "imported": 0}

    @fuzz(120)
    @given(data=st.data())
    def check(data: Any) -> None:
        raw = mutate_exchange(data)
        before = vault_state(vault)
        try:
            entries = parse_exchange(raw, "fuzz.json")
            vault.entries.import_entries(entries)
        except EntryError as exc:
            outcomes["refused"] += 1
            assert exc.message.startswith(("fuzz.json", "The entries cannot be imported")), exc
            assert "nothing was imported" in exc.message.lower() or exc.problems, exc
            assert vault_state(vault) == before
            return
        outcomes["imported"] += 1
        assert len(vault_state(vault)) >= len(before)

    check()
    assert outcomes["refused"] and outcomes["imported"]  # both paths were exercised


@pytest.mark.parametrize("created", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
def test_a_date_outside_the_utc_calendar_is_refused(fast_vault, created) -> None:
    """Regression: a time zone that moves the date before year 1 or after 9999 in UTC
    passed the check and then crashed the import with OverflowError."""
    doc = {**EXCHANGE, "entries": [{"kind": "journal", "created": created}]}
    with pytest.raises(EntryError) as info:
        parse_exchange(json.dumps(doc), "old.json")
    assert info.value.details == [
        f"old.json: entries[0].created: {created!r} is not an ISO 8601 date and time with "
        "a time zone (for example 2026-11-02T09:30:00+00:00)"
    ]
    assert fast_vault.entries.count() == 0


@fuzz(80)
@given(value=VALUES)
def test_any_json_value_is_read_or_refused(value: Any) -> None:
    text = json.dumps(value)
    try:
        entries = parse_exchange(text.encode("utf-8", "surrogatepass"), "v.json")
    except EntryError as exc:
        assert exc.message.startswith("v.json")
    else:
        assert entries == []  # only a valid empty document can get here
        assert isinstance(value, dict)


# --------------------------------------------------------------------------- bio cards

CARD_TEXTS = {p.name: p.read_bytes() for p in sorted(CARDS.glob("*.yaml"))}


def assert_card_answer(path: Path) -> None:
    card, problems = validate_card(path)
    if card is None:
        check_problem_lines([str(p) for p in problems], path.parent)
    else:
        assert problems == []


@fuzz(80)
@given(name=st.sampled_from(sorted(CARD_TEXTS)), data=st.data())
def test_mutated_real_cards(name: str, data: Any) -> None:
    with one_file_folder(name, mutate_lines(data, CARD_TEXTS[name])) as folder:
        assert_card_answer(folder / name)


@fuzz(60)
@given(name=st.sampled_from(sorted(CARD_TEXTS)), data=st.data())
@example(name="ayse.yaml", data="~nobody-by-this-name/me.jpg")
@example(name="ayse.yaml", data="me\x00.jpg")
def test_real_cards_with_values_of_the_wrong_type(name: str, data: Any) -> None:
    """Regression (the examples): a photo named '~nobody/...' raised RuntimeError
    (unknown user) and one with a NUL character raised ValueError."""
    tree = yaml.safe_load(CARD_TEXTS[name])
    tree = {**tree, "photo": data} if isinstance(data, str) else replace_somewhere(data, tree)
    text = yaml.safe_dump(tree, allow_unicode=True)
    with one_file_folder(name, text.encode()) as folder:
        assert_card_answer(folder / name)


def test_team_booklet_with_damaged_cards_says_so_and_writes_nothing(
    tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("IPS_REFLECT_DEBUG", "1")  # anything but a UserError would raise
    team = tmp_path / "team"
    team.mkdir()
    (team / "a.yaml").write_bytes(CARD_TEXTS["ayse.yaml"].replace(b"version: 1", b"version: 0x"))
    (team / "b.yaml").write_bytes(b"\xff\xfe" + CARD_TEXTS["lan.yaml"])
    (team / "c.yaml").write_bytes(CARD_TEXTS["zoe.yaml"][:200] + b"\n  - [unclosed")
    (team / "d.yaml").write_text("format: ips-reflect/bio-card\nphoto: ~nobody-here/p.jpg\n")
    out = tmp_path / "booklet.pdf"
    code = main(["team", "booklet", str(team), "-o", str(out)])
    _out, err = capsys.readouterr()
    assert code == 1
    assert not out.exists()
    lines = err.strip().splitlines()
    assert lines[-1].startswith("ips-reflect: None of the 4 cards")
    check_problem_lines(lines[:-1], team)
    assert {Path(PROBLEM_RE.match(x)["file"]).name for x in lines[:-1]} == {  # type: ignore[index]
        "a.yaml",
        "b.yaml",
        "c.yaml",
        "d.yaml",
    }


# --------------------------------------------------------------------------- backups and header


def _fast_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Stand-in for Argon2id, so a header edited to cost gigabytes cannot stall the test."""
    return hashlib.sha256(
        b"%d/%d/%d/" % (params.memory_cost, params.time_cost, params.parallelism) + salt + secret
    ).digest()


def file_bytes(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, but vault.lock: a successful unlock writes who holds the vault
    (and since when) there; it holds no vault data."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "vault.lock"
    }


@pytest.fixture
def backed_up(data_dir, tmp_path, monkeypatch) -> tuple[Path, bytes]:
    """A closed vault with two entries in ``data_dir`` and the bytes of its backup."""
    monkeypatch.setattr(crypto, "derive_kek", _fast_kek)
    monkeypatch.setattr(Vault, "kdf_target", FAST_KDF)
    from ips_reflect.core.entries import Entry

    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        for title in ("first", "second"):
            vault.entries.add(Entry(kind="journal", title=title, body="words"))
        path = vault.backup(tmp_path / "good.ipsbackup")
    return data_dir, path.read_bytes()


def titles(data_dir: Path) -> list[str]:
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        return sorted(e.title for e in v.entries.list())


def test_damaged_backups_are_refused_and_the_vault_is_untouched(backed_up, tmp_path) -> None:
    data_dir, good = backed_up
    state = {"before": file_bytes(data_dir)}
    path = tmp_path / "fuzz.ipsbackup"

    @fuzz(70)
    @given(data=st.data())
    def check(data: Any) -> None:
        kind = data.draw(st.sampled_from(["truncate", "flip", "random", "splice"]))
        raw = bytearray(good)
        if kind == "truncate":
            raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
        elif kind == "flip":
            for _ in range(data.draw(st.integers(1, 3))):
                raw[data.draw(st.integers(0, len(raw) - 1))] ^= 1 << data.draw(st.integers(0, 7))
        elif kind == "random":
            raw = bytearray(data.draw(st.binary(max_size=300)))
        else:  # a stretch of the file replaced by random bytes
            at = data.draw(st.integers(0, len(raw) - 1))
            junk = data.draw(st.binary(min_size=1, max_size=64))
            raw[at : at + len(junk)] = junk
        path.write_bytes(bytes(raw))
        try:
            restore_backup(data_dir, path, passphrase=PASSPHRASE)
        except UserError as exc:
            assert str(path) in exc.message, exc.message
            assert file_bytes(data_dir) == state["before"]
            return
        # A harmless change (a zip time stamp, the header's 'created'): a full restore.
        assert titles(data_dir) == ["first", "second"]
        state["before"] = file_bytes(data_dir)

    check()


def test_random_files_are_not_backups(tmp_path) -> None:
    @fuzz(40)
    @given(
        raw=st.binary(max_size=200) | st.just(b"PK\x03\x04") | st.just(b"PK\x05\x06" + bytes(18))
    )
    def check(raw: bytes) -> None:
        path = tmp_path / "x.ipsbackup"
        path.write_bytes(raw)
        with pytest.raises(BackupError, match=r"not an IPS Reflect backup|is damaged"):
            read_backup(path)

    check()


def test_backup_with_a_manifest_nested_too_deeply(backed_up, tmp_path) -> None:
    """Regression: JSON nested thousands deep raised RecursionError, not a sentence."""
    data_dir, _good = backed_up
    src = tmp_path / "good.ipsbackup"
    bad = tmp_path / "deep.ipsbackup"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for name in zin.namelist():
            zout.writestr(name, b"[" * 100_000 if name == "manifest.json" else zin.read(name))
    before = file_bytes(data_dir)
    with pytest.raises(BackupError, match="is damaged and was not restored"):
        restore_backup(data_dir, bad, passphrase=PASSPHRASE)
    assert file_bytes(data_dir) == before


def test_damaged_headers_are_refused_and_nothing_changes(backed_up) -> None:
    data_dir, _good = backed_up
    header = data_dir / "header.json"
    original = header.read_bytes()
    tree = json.loads(original)
    others = {k: v for k, v in file_bytes(data_dir).items() if k != "header.json"}

    @fuzz(60)
    @given(data=st.data())
    @example(data=b"[" * 100_000)  # regression: RecursionError
    def check(data: Any) -> None:
        if isinstance(data, bytes):
            raw = data
        elif data.draw(st.booleans(), label="json?"):
            raw = json.dumps(replace_somewhere(data, tree)).encode("utf-8", "surrogatepass")
        else:
            raw = mutate_lines(data, original)
        header.write_bytes(raw)
        try:
            with Vault.unlock(data_dir, PASSPHRASE) as v:
                assert v.entries.count() == 2  # a harmless edit (e.g. 'created')
        except UserError as exc:
            assert "header" in exc.message or "passphrase" in exc.message, exc.message
            assert header.read_bytes() == raw
        assert {k: v for k, v in file_bytes(data_dir).items() if k != "header.json"} == others

    try:
        check()
    finally:
        header.write_bytes(original)
    assert titles(data_dir) == ["first", "second"]


def test_header_errors_name_the_file(backed_up) -> None:
    data_dir, _ = backed_up
    (data_dir / "header.json").write_bytes(b'{"format": "ips-reflect/vault-header", "version": 1}')
    with pytest.raises(HeaderDamaged) as info:
        read_header(data_dir)
    assert str(data_dir / "header.json") in info.value.message
    assert "Restore a backup with 'ips-reflect restore FILE'" in info.value.message


# --------------------------------------------------------------------------- settings


@fuzz(60)
@given(raw=st.binary(max_size=200) | VALUES.map(lambda v: json.dumps(v).encode()))
@example(raw=b"[" * 100_000)  # regression: RecursionError stopped the app starting
def test_any_settings_file_gives_usable_settings(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "settings.json").write_bytes(raw)
        loaded = load_settings(Path(tmp))
    assert isinstance(loaded, Settings)
    assert loaded == loaded.changed()  # every value is already valid


# --------------------------------------------------------------------------- flags scan


@pytest.fixture
def scan_cli(content, monkeypatch, capsys, tmp_path) -> Callable[..., tuple[int, str, str]]:
    """``ips-reflect flags scan FILE`` in-process, with the packs loaded once."""
    from ips_reflect.commands import flags_cmd

    monkeypatch.setattr(flags_cmd, "_content", lambda args: content)
    monkeypatch.setenv("IPS_REFLECT_DEBUG", "1")  # anything but a UserError would raise

    def run(raw: bytes, *extra: str) -> tuple[int, str, str]:
        path = tmp_path / "notes.txt"
        path.write_bytes(raw)
        code = main(["flags", "scan", *extra, str(path)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


SIGN_WORDS = st.sampled_from(
    [
        *[
            "I",
            "gave",
            "my",
            "number",
            "to",
            "her",
            ",",
            "you",
            "and",
            "me",
            "are",
            "the",
            "same",
            ".",
            "only",
            "I",
            "understand",
        ],
        *[
            "our",
            "secret",
            "text",
            "me",
            "whatsapp",
            "meet",
            "after",
            "work",
            "envy",
            "jealous",
            "friend",
        ],
        *["...", "!", "?", "\n", "\t", "’", "'", "-", "*", "(", ")", "|"],
    ]
)


@pytest.fixture(scope="module")
def engine():
    from ips_reflect.core.flags import FlagEngine

    return FlagEngine(load_content())


def test_the_flag_scanner_takes_any_text(engine) -> None:
    @fuzz(150)
    @given(
        text=st.one_of(
            st.text(max_size=400),
            st.lists(SIGN_WORDS, max_size=120).map(" ".join),
            st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")),
        )
    )
    def check(text: str) -> None:
        for flag in engine.scan_text(text):
            assert flag.evidence and flag.sign in WARNING_SIGN_IDS

    check()


def test_flags_scan_never_crashes(scan_cli) -> None:
    """The command: each run builds its own scanner, so fewer examples."""

    @fuzz(12)
    @given(
        raw=st.one_of(
            st.binary(max_size=300),
            st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.lists(SIGN_WORDS, max_size=80).map(lambda w: " ".join(w).encode()),
        ),
        as_json=st.booleans(),
    )
    def check(raw: bytes, as_json: bool) -> None:
        code, out, err = scan_cli(raw, *(["--json"] if as_json else []))
        if code == 0:
            if as_json:
                assert isinstance(json.loads(out)["flags"], list)
            else:
                assert "warning sign" in out
        else:
            assert code == 1
            assert err.startswith("ips-reflect: ") and "Save it as UTF-8" in err, err

    check()
