"""The cache of validated packs: what it rebuilds equals what the packs give, any change
to a pack invalidates it, a damaged or hostile cache file is ignored, and a warm load
is much faster than a cold one."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from ips_reflect.core import content_cache, content_loader
from ips_reflect.core.content import Content, ContentError, load_content
from ips_reflect.core.content_cache import CACHE_FILE, MAX_CACHE_BYTES
from ips_reflect.core.sign_model import SignModel

pytestmark = pytest.mark.timeout(120)

REPO = Path(__file__).resolve().parent.parent.parent
BUILTIN = REPO / "content"

OVERRIDE = """\
format: ips-reflect/content
version: 1
pack: warning_signs
sections:
  - id: signs.org
    title: Our own signs
    source: Our policy
    items:
      - id: org.gifts
        type: prompt
        text: "Did anyone offer you a gift?"
        help: Gifts are covered by our policy.
        source: Our policy
"""


@pytest.fixture
def packs(tmp_path: Path) -> tuple[Path, list[Path], Path]:
    """A copy of the shipped packs, an override folder, a missing override folder and
    an empty cache folder."""
    base = tmp_path / "base"
    shutil.copytree(BUILTIN, base)
    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text(OVERRIDE, encoding="utf-8")
    cache = tmp_path / "data"
    cache.mkdir()
    return base, [org, tmp_path / "not-there"], cache


def _deep(value: Any) -> Any:
    """Every field of every record, those left out of ``==`` too (locations, refs)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple((f.name, _deep(getattr(value, f.name))) for f in dataclasses.fields(value)),
        )
    if isinstance(value, tuple | list):
        return (type(value).__name__, tuple(_deep(v) for v in value))
    if isinstance(value, SignModel):
        return ("SignModel", _deep({k: v for k, v in vars(value).items() if k != "_concepts"}))
    if isinstance(value, dict):
        return ("dict", tuple((k, _deep(v)) for k, v in value.items()))
    return (type(value).__name__, value)


def _same(a: Content, b: Content) -> None:
    assert a.packs == b.packs
    assert _deep(a.packs) == _deep(b.packs)
    assert a.dirs == b.dirs
    assert (a.sign_model is None) == (b.sign_model is None)
    assert _deep(a.sign_model) == _deep(b.sign_model)
    assert list(a) == list(b)
    # the regexes compile to the same patterns with the same flags
    for x, y in zip(a, b, strict=True):
        for p, q in zip(x.patterns, y.patterns, strict=True):
            rp, rq = re.compile(p.source, re.IGNORECASE), re.compile(q.source, re.IGNORECASE)
            assert (rp.pattern, rp.flags) == (rq.pattern, rq.flags)
            assert p.exclude == q.exclude


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("the packs were parsed")

    monkeypatch.setattr(content_loader, "check_content", refuse)


def test_the_cache_rebuilds_exactly_what_the_packs_give(
    packs: tuple[Path, list[Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, overrides, cache = packs
    fresh = load_content(base, overrides)
    assert not (cache / CACHE_FILE).exists()  # no cache folder: nothing written
    first = load_content(base, overrides, cache_dir=cache)
    assert (cache / CACHE_FILE).is_file()
    assert (cache / CACHE_FILE).stat().st_mode & 0o777 == 0o600
    _no_parsing(monkeypatch)
    warm = load_content(base, overrides, cache_dir=cache)
    _same(fresh, first)
    _same(fresh, warm)
    assert warm.get("org.gifts") is not None
    assert warm.sign_model is not None and warm.sign_model.signs
    text = "I gave her my personal phone number so she could text me at the weekend."
    assert warm.sign_model.peaks(text) == fresh.sign_model.peaks(text)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "change",
    ["pack byte", "override byte", "new override", "sign model byte", "override folder appears"],
)
def test_any_change_to_the_packs_invalidates_the_cache(
    packs: tuple[Path, list[Path], Path], change: str
) -> None:
    base, overrides, cache = packs
    load_content(base, overrides, cache_dir=cache)
    before = (cache / CACHE_FILE).read_bytes()
    if change == "pack byte":
        path = base / "preparation.yaml"
        path.write_bytes(path.read_bytes().replace(b"Test", b"Tesu", 1) + b"# one more byte\n")
    elif change == "override byte":
        path = overrides[0] / "org.yaml"
        path.write_bytes(path.read_bytes().replace(b"a gift?", b"a gift!"))
    elif change == "new override":
        (overrides[0] / "zz.yaml").write_text(
            OVERRIDE.replace("signs.org", "signs.org2").replace("org.gifts", "org.gifts2"),
            encoding="utf-8",
        )
    elif change == "sign model byte":
        path = base / "sign_model.json"
        path.write_bytes(path.read_bytes() + b" ")
    else:
        overrides[1].mkdir()
        (overrides[1] / "late.yaml").write_text(
            OVERRIDE.replace("signs.org", "signs.late").replace("org.gifts", "org.late"),
            encoding="utf-8",
        )
    warm = load_content(base, overrides, cache_dir=cache)
    _same(warm, load_content(base, overrides))
    assert (cache / CACHE_FILE).read_bytes() != before  # written again for the new packs
    if change == "override byte":
        assert warm.item("org.gifts").text == "Did anyone offer you a gift!"


def _rewrite_body(path: Path, edit: Any) -> None:
    """Edit the cache's body and give it a matching digest (a deliberate edit)."""
    raw = path.read_bytes()
    head, body = raw.split(b"\n", 1)
    data = edit(json.loads(body))
    body = json.dumps(data).encode()
    header = json.loads(head)
    header["body_sha256"] = hashlib.sha256(body).hexdigest()
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


def _bad_type(data: dict[str, Any]) -> dict[str, Any]:
    data["packs"][0][0] = 7  # a pack id that is a number
    return data


def _bad_model(data: dict[str, Any]) -> dict[str, Any]:
    data["sign_model"]["threshold"] = 2.0
    return data


def _nan_weights(data: dict[str, Any]) -> dict[str, Any]:
    model = data["sign_model"]
    nan = content_cache._pack_floats([float("nan")])
    model["weights"] = nan + model["weights"][len(nan) :]
    return data


def _backtracking_regex(data: dict[str, Any]) -> dict[str, Any]:
    """A forged cache, hashes and all, with a regex the packs' reader refuses: it would
    hang every flag check on a long line of a's."""
    regexes = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            if len(value) >= 2 and value[0] is None and isinstance(value[1], str):
                regexes.append(value)  # a SignPattern as a field list: (phrase, regex, ...)
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(data["packs"])
    assert regexes, "the shipped packs have regex patterns"
    regexes[0][1] = "(a+)+$"
    return data


def _extra_field(data: dict[str, Any]) -> dict[str, Any]:
    data["packs"][0].append("extra")
    return data


def _damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    if how == "torn":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "byte flipped":
        i = len(raw) * 3 // 4
        path.write_bytes(raw[:i] + bytes([raw[i] ^ 1]) + raw[i + 1 :])
    elif how == "other key":
        head, body = raw.split(b"\n", 1)
        header = json.loads(head)
        header["key"] = "0" * 64
        path.write_bytes(json.dumps(header).encode() + b"\n" + body)
    elif how == "not json":
        path.write_bytes(b"\x80\x81 not a cache at all")
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "deeply nested":
        path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    elif how == "huge":
        with path.open("r+b") as fh:
            fh.truncate(MAX_CACHE_BYTES + 1)  # sparse: quick to make
    elif how == "symlink":
        real = path.with_name("real.json")
        path.rename(real)
        path.symlink_to(real)
    elif how == "a folder":
        path.unlink()
        path.mkdir()
    else:
        edit = {
            "edited type": _bad_type,
            "edited model": _bad_model,
            "NaN weights": _nan_weights,
            "extra field": _extra_field,
            "backtracking regex": _backtracking_regex,
        }[how]
        _rewrite_body(path, edit)


@pytest.mark.parametrize(
    "how",
    [
        "torn",
        "byte flipped",
        "other key",
        "not json",
        "empty",
        "deeply nested",
        "huge",
        "symlink",
        "a folder",
        "edited type",
        "edited model",
        "NaN weights",
        "extra field",
        "backtracking regex",
    ],
)
def test_a_damaged_cache_is_ignored(packs: tuple[Path, list[Path], Path], how: str) -> None:
    base, overrides, cache = packs
    fresh = load_content(base, overrides)
    load_content(base, overrides, cache_dir=cache)
    path = cache / CACHE_FILE
    _damage(path, how)
    assert (
        content_cache.load_cached(
            content_cache.cache_key(base, overrides, content_loader.pack_files), cache
        )
        is None
    )
    _same(load_content(base, overrides, cache_dir=cache), fresh)
    if how != "a folder":  # a folder in the way cannot be replaced by a file
        found = content_cache.cache_key(base, overrides, content_loader.pack_files)
        rebuilt = content_cache.load_cached(found, cache)
        assert rebuilt is not None  # the load wrote a good cache again
        _same(rebuilt, fresh)


def test_invalid_packs_are_not_cached(packs: tuple[Path, list[Path], Path]) -> None:
    base, overrides, cache = packs
    (overrides[0] / "bad.yaml").write_text("format: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_content(base, overrides, cache_dir=cache)
    assert not (cache / CACHE_FILE).exists()


def test_a_missing_cache_folder_is_not_created(packs: tuple[Path, list[Path], Path]) -> None:
    base, overrides, cache = packs
    nowhere = cache / "later"
    _same(load_content(base, overrides, cache_dir=nowhere), load_content(base, overrides))
    assert not nowhere.exists()


def test_a_cache_written_while_a_pack_changed_is_not_kept(
    packs: tuple[Path, list[Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, overrides, cache = packs
    real = content_loader.check_content

    def changing(*args: Any, **kwargs: Any) -> Any:
        got = real(*args, **kwargs)
        path = base / "preparation.yaml"
        path.write_bytes(path.read_bytes() + b"# changed while it was read\n")
        return got

    monkeypatch.setattr(content_loader, "check_content", changing)
    load_content(base, overrides, cache_dir=cache)
    assert not (cache / CACHE_FILE).exists()


@pytest.mark.timeout(300)
def test_a_warm_load_is_quicker_than_parsing(
    packs: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    """Parsing and checking are skipped; only the regexes are checked again (a forged
    cache must not bring in one the reader refuses), which is most of a warm load."""
    base, overrides, cache = packs
    colds, warms = [], []
    for n in range(2):
        empty = tmp_path / f"cold{n}"
        empty.mkdir()
        start = time.perf_counter()
        load_content(base, overrides, cache_dir=empty)
        colds.append(time.perf_counter() - start)
    load_content(base, overrides, cache_dir=cache)
    for _ in range(5):
        start = time.perf_counter()
        load_content(base, overrides, cache_dir=cache)
        warms.append(time.perf_counter() - start)
    cold, warm = min(colds), min(warms)
    assert warm * 1.4 <= cold, f"cold {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms"


def test_the_cache_stays_bounded() -> None:
    size = os.path.getsize(BUILTIN / "sign_model.json")
    assert size * 4 < MAX_CACHE_BYTES  # room for the shipped model, with a margin
