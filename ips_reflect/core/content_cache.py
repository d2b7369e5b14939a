"""A cache of the validated question packs, so an unchanged set of packs is not parsed
and checked again at every start.

The cache is one file, :data:`CACHE_FILE`, in a folder the caller names (the app's
data folder). It is not secret (the packs are public files) but it is a file anyone
who can write that folder could write, so it is read as untrusted input:

* never pickle or marshal: the validated model is written as JSON and rebuilt field
  by field from the dataclasses' own type hints (:class:`_Codec`); a value of the
  wrong type, a list of the wrong length or an unknown shape drops the whole cache;
* its first line is a header naming the format, a **key** and the SHA-256 of the rest
  of the file (the body). The key is a SHA-256 over the cache format number, the
  app's version, a fingerprint of the dataclasses' fields, and the path and bytes of
  every pack file and ``sign_model.json`` in the base folder and each override folder
  (a missing folder counts too). A cache whose key is not the key of the packs on disk
  now, or whose body does not hash to the header's digest (a torn or edited file), is
  ignored; so is one larger than :data:`MAX_CACHE_BYTES`, a symbolic link, or
  anything that does not decode;
* reading it never raises: any failure means "no cache" and the packs are parsed and
  checked as usual (:func:`load_cached` returns None). Writing it never raises either,
  is atomic (:func:`ips_reflect.fileio.atomic_write_bytes`, mode 0600), and happens
  only after a load whose key did not change while the packs were being read.

Regex texts in the cache are the ones that passed :func:`~ips_reflect.core.
regex_safety.backtracking_risk` when the cache was written from those exact pack
bytes, and they are checked again as the cache is read (:func:`_regexes_safe`). The
hashes detect a stale, torn or edited cache, not a deliberate forgery: they are not
keyed, so whoever can write the data folder (mode 0700: the user, or a program running
as the user) can write a cache that passes them. Such a party can already change the
user's files and settings; the cache adds no code execution (only plain JSON values
and the dataclasses listed in :data:`_CLASSES` are built), and no regex that the
packs' reader would refuse.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import gc
import hashlib
import json
import math
import os
import sys
import types
import typing
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ips_reflect.core.concept_terms import Concept, ConceptRule
from ips_reflect.core.content_model import Choice, Content, Item, Pack, Section, SignPattern
from ips_reflect.core.light_rules import Condition, LightRule, LightRules
from ips_reflect.core.sign_model import MAX_MODEL_BYTES, MODEL_FILE, SignModel
from ips_reflect.core.yamlsafe import MAX_FILE_BYTES, Location, display_path, read_bounded

__all__ = [
    "CACHE_FILE",
    "MAX_CACHE_BYTES",
    "cache_key",
    "gc_paused",
    "load_cached",
    "save_cached",
]

CACHE_FILE = "content-cache.json"
CACHE_FORMAT = "ips-reflect/content-cache"
#: Bump when the layout of the cache changes in a way the fingerprint does not see.
CACHE_VERSION = 1
#: The shipped packs and sign model make a cache of about 2 MB.
MAX_CACHE_BYTES = 32 * 1024 * 1024
_MAX_HEADER = 4096

#: Every record the cache may build, and nothing else.
_CLASSES: tuple[type, ...] = (
    Pack,
    Section,
    Item,
    Choice,
    SignPattern,
    Concept,
    ConceptRule,
    LightRules,
    LightRule,
    Condition,
)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: building the packs or reading the cache
    makes a hundred thousand small objects, and the collector, woken again and again,
    would walk them all each time (a third of a warm load). The state is restored."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Uncacheable(Exception):
    """The content holds something the cache cannot write (it is then not written)."""


# --------------------------------------------------------------------------- the key


def _fingerprint() -> str:
    """The fields and types of every cached record, so a change to the model
    invalidates old caches even when :data:`CACHE_VERSION` is forgotten."""
    parts = []
    for cls in (*_CLASSES, Location):
        hints = typing.get_type_hints(cls)
        parts.append(
            cls.__name__
            + ":"
            + ",".join(f"{f.name}={hints[f.name]}" for f in dataclasses.fields(cls))
        )
    return ";".join(parts)


def _chunk(h: Any, data: bytes) -> None:
    h.update(len(data).to_bytes(8, "big"))
    h.update(data)


def cache_key(
    base: Path, overrides: Sequence[Path], pack_files: Callable[[Path], list[Path]]
) -> tuple[str, list[str]] | None:
    """The key of the packs on disk now and the pack files' paths in reading order
    (absolute), or None when a file or folder cannot be read (then the normal load
    reports why). ``pack_files`` lists a folder's pack files as the loader does."""
    from ips_reflect import __version__

    h = hashlib.sha256()
    _chunk(h, f"{CACHE_FORMAT}/{CACHE_VERSION}/{__version__}".encode())
    _chunk(h, _FINGERPRINT.encode())
    files: list[str] = []
    try:
        for directory in [base, *overrides]:
            _chunk(h, os.path.abspath(directory).encode("utf-8", "surrogateescape"))
            if not directory.is_dir():
                _chunk(h, b"\0missing")
                continue
            model = directory / MODEL_FILE
            listed = [(p, MAX_FILE_BYTES) for p in pack_files(directory)]
            if model.exists():
                listed.append((model, MAX_MODEL_BYTES))
            for path, limit in listed:
                name = os.path.abspath(path)
                _chunk(h, name.encode("utf-8", "surrogateescape"))
                _chunk(h, read_bounded(path, limit))
                if path is not model:
                    files.append(name)
    except Exception:
        return None
    return h.hexdigest(), files


# --------------------------------------------------------------------------- records


def _is_dataclass_type(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


class _Codec:
    """Writes records as JSON values (a record: the list of its fields in order; a
    :class:`Location`: [file number, line, column]) and rebuilds them, checking
    every value against the record's type hints."""

    def __init__(self, files: Sequence[str]) -> None:
        self.files = list(files)
        self.file_index = {display_path(Path(f)): i for i, f in enumerate(self.files)}
        self._shown: list[str] = [display_path(Path(f)) for f in self.files]
        self._decoders: dict[Any, Callable[[Any], Any]] = {}
        self._encoders: dict[Any, Callable[[Any], Any]] = {}

    # -- reading

    def decoder(self, tp: Any) -> Callable[[Any], Any]:
        got = self._decoders.get(tp)
        if got is None:
            got = self._decoders[tp] = self._make_decoder(tp)
        return got

    def _make_decoder(self, tp: Any) -> Callable[[Any], Any]:
        if tp is str or tp is bool:

            def exact(v: Any) -> Any:
                if type(v) is not tp:
                    raise TypeError(tp)
                return v

            return exact
        if tp is int:

            def whole(v: Any) -> int:
                if type(v) is not int:
                    raise TypeError(tp)
                return v

            return whole
        if tp is Location:
            return self._location
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args:
            inner = self.decoder(next(a for a in args if a is not type(None)))
            return lambda v: None if v is None else inner(v)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            each = self.decoder(args[0])

            def many(v: Any) -> tuple[Any, ...]:
                if type(v) is not list:
                    raise TypeError(tp)
                return tuple(each(x) for x in v)

            return many
        if origin is tuple and args:
            parts = [self.decoder(a) for a in args]

            def fixed(v: Any) -> tuple[Any, ...]:
                if type(v) is not list or len(v) != len(parts):
                    raise TypeError(tp)
                return tuple(d(x) for d, x in zip(parts, v, strict=True))

            return fixed
        if tp in _CLASSES:
            hints = typing.get_type_hints(tp)
            fields = [self.decoder(hints[f.name]) for f in dataclasses.fields(tp)]

            def record(v: Any) -> Any:
                if type(v) is not list or len(v) != len(fields):
                    raise TypeError(tp)
                return tp(*[d(x) for d, x in zip(fields, v, strict=True)])

            return record
        raise TypeError(f"the cache cannot hold {tp!r}")

    def _location(self, v: Any) -> Location:
        if type(v) is not list or len(v) != 3 or not all(type(x) is int for x in v):
            raise TypeError(Location)
        index, line, col = v
        if not 0 <= index < len(self._shown):
            raise ValueError("no such file")
        return Location(self._shown[index], line, col)

    # -- writing

    def encoder(self, tp: Any) -> Callable[[Any], Any]:
        got = self._encoders.get(tp)
        if got is None:
            got = self._encoders[tp] = self._make_encoder(tp)
        return got

    def _make_encoder(self, tp: Any) -> Callable[[Any], Any]:
        if tp in (str, bool, int):

            def plain(v: Any) -> Any:
                if type(v) is not tp:
                    raise _Uncacheable(f"{v!r} is not {tp}")
                return v

            return plain
        if tp is Location:
            return self._write_location
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args:
            inner = self.encoder(next(a for a in args if a is not type(None)))
            return lambda v: None if v is None else inner(v)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            each = self.encoder(args[0])
            return lambda v: [each(x) for x in _tuple(v)]
        if origin is tuple and args:
            parts = [self.encoder(a) for a in args]
            return lambda v: [e(x) for e, x in zip(parts, _tuple(v, len(parts)), strict=True)]
        if tp in _CLASSES:
            hints = typing.get_type_hints(tp)
            fields = [(f.name, self.encoder(hints[f.name])) for f in dataclasses.fields(tp)]

            def record(v: Any) -> list[Any]:
                if type(v) is not tp:
                    raise _Uncacheable(f"{v!r} is not a {tp.__name__}")
                return [e(getattr(v, name)) for name, e in fields]

            return record
        raise _Uncacheable(f"the cache cannot hold {tp!r}")

    def _write_location(self, v: Any) -> list[int]:
        if type(v) is not Location or v.file not in self.file_index:
            raise _Uncacheable(f"{v!r} is not in a pack file")
        return [self.file_index[v.file], v.line, v.col]


def _tuple(v: Any, length: int | None = None) -> tuple[Any, ...]:
    if type(v) is not tuple or (length is not None and len(v) != length):
        raise _Uncacheable(f"{v!r} is not a tuple")
    return v


# --------------------------------------------------------------------------- sign model


def _pack_floats(values: Sequence[float]) -> str:
    """Numbers as base64 of little-endian IEEE doubles: exact, and read back in one
    step instead of a hundred thousand JSON numbers."""
    arr = array("d", values)
    if sys.byteorder != "little":  # pragma: no cover - big-endian machines
        arr.byteswap()
    return base64.b64encode(arr.tobytes()).decode("ascii")


def _unpack_floats(text: Any, count: int) -> list[float]:
    """``count`` finite numbers from :func:`_pack_floats`; anything else raises."""
    if type(text) is not str or len(text) > 4 * (8 * count + 2) // 3 + 4:
        raise TypeError("numbers")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != 8 * count:
        raise ValueError("numbers")
    arr = array("d")
    arr.frombytes(raw)
    if sys.byteorder != "little":  # pragma: no cover - big-endian machines
        arr.byteswap()
    values = arr.tolist()
    if not math.isfinite(sum(values)):  # a NaN or infinity anywhere (or a huge total)
        raise ValueError("numbers")
    return values


def _write_model(model: SignModel) -> dict[str, Any]:
    """The model in columns: term ``i`` has ``counts[i]`` (sign, weight) pairs, the
    next ones of ``sign_ids`` (a byte each) and ``weights``."""
    terms = list(model.idf)
    if set(terms) != set(model.weights) or len(model.signs) > 256:
        raise _Uncacheable("the sign model cannot be written in columns")
    rows = [model.weights[t] for t in terms]
    return {
        "signs": list(model.signs),
        "intercepts": list(model.intercepts),
        "threshold": model.threshold,
        "assist": model.assist,
        "long_threshold": model.long_threshold,
        "digest": model.digest,
        "concepts": model.concepts,
        "terms": terms,
        "idf": _pack_floats([model.idf[t] for t in terms]),
        "counts": [len(r) for r in rows],
        "sign_ids": base64.b64encode(bytes(k for r in rows for k, _w in r)).decode("ascii"),
        "weights": _pack_floats([w for r in rows for _k, w in r]),
    }


_MODEL_KEYS = frozenset(
    {"signs", "intercepts", "threshold", "assist", "long_threshold", "digest", "concepts"}
    | {"terms", "idf", "counts", "sign_ids", "weights"}
)


def _all(v: Any, tp: type, count: int | None = None) -> list[Any]:
    """``v``, a list of values of exactly type ``tp`` (``count`` of them if given)."""
    if type(v) is not list or (count is not None and len(v) != count):
        raise TypeError(tp)
    if v and set(map(type, v)) != {tp}:
        raise TypeError(tp)
    return v


def _floats(v: Any, count: int | None = None) -> list[float]:
    """A list of finite floats."""
    floats: list[float] = _all(v, float, count)
    if not math.isfinite(sum(floats)):
        raise ValueError("numbers")
    return floats


def _read_model(d: Any) -> SignModel:
    """The sign model from its columns, with the checks of ``SignModel.from_data``."""
    if type(d) is not dict or set(d) != _MODEL_KEYS:
        raise TypeError("sign model")
    signs = _all(d["signs"], str)
    if not signs or len(signs) > 256:
        raise ValueError("signs")
    intercepts = _floats(d["intercepts"], len(signs))
    threshold, assist, long_threshold = _floats([d["threshold"], d["assist"], d["long_threshold"]])
    if not (0 < assist <= threshold < 1 and 0 < long_threshold < 1):
        raise ValueError("thresholds")
    terms, digest, concepts = _all(d["terms"], str), d["digest"], d["concepts"]
    if len(set(terms)) != len(terms) or type(digest) is not str or type(concepts) is not bool:
        raise ValueError("terms")
    idf = _unpack_floats(d["idf"], len(terms))
    if idf and min(idf) <= 0:
        raise ValueError("idf")
    counts = _all(d["counts"], int, len(terms))
    if counts and min(counts) < 0:
        raise ValueError("counts")
    total = sum(counts)
    ids = d["sign_ids"]
    if type(ids) is not str or len(ids) > 4 * (total + 2) // 3 + 4:
        raise TypeError("sign ids")
    ids = base64.b64decode(ids.encode("ascii"), validate=True)
    if len(ids) != total or (ids and max(ids) >= len(signs)):
        raise ValueError("sign ids")
    pairs = tuple(zip(ids, _unpack_floats(d["weights"], total), strict=True))
    rows: dict[str, tuple[tuple[int, float], ...]] = {}
    at = 0
    for term, count in zip(terms, counts, strict=True):
        rows[term] = pairs[at : at + count]
        at += count
    return SignModel(
        dict(zip(terms, idf, strict=True)),
        rows,
        signs,
        intercepts,
        threshold,
        assist,
        digest,
        concepts=concepts,
        long_threshold=long_threshold,
    )


# --------------------------------------------------------------------------- the file


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def load_cached(found: tuple[str, list[str]] | None, cache_dir: Path) -> Content | None:
    """The content the cache in ``cache_dir`` holds for the packs whose
    :func:`cache_key` is ``found``, or None (no key, no cache, another key, or
    anything wrong with the file). Never raises."""
    try:
        if found is None:
            return None
        key, files = found
        raw = read_bounded(
            cache_dir / CACHE_FILE, MAX_CACHE_BYTES, follow_symlinks=False, what="the cache"
        )
        newline = raw.find(b"\n", 0, _MAX_HEADER)
        if newline < 0:
            return None
        header = json.loads(raw[:newline], parse_constant=_no_constants)
        body = raw[newline + 1 :]
        if (
            type(header) is not dict
            or header.get("format") != CACHE_FORMAT
            or header.get("version") != CACHE_VERSION
            or header.get("key") != key
            or header.get("body_sha256") != hashlib.sha256(body).hexdigest()
        ):
            return None
        content = _decode(json.loads(body, parse_constant=_no_constants), files)
        return content if _regexes_safe(content) else None
    except Exception:
        return None


def _regexes_safe(content: Content) -> bool:
    """Every pattern's regex passes the checks the packs' reader makes, again: the
    hashes above do not stop a forged cache, and a regex that backtracks without end
    would hang every flag check (about 80 ms for the shipped packs, on the thread that
    reads them while the unlock window waits)."""
    import re

    from ips_reflect.core.regex_safety import backtracking_risk

    def patterns(value: Any) -> Iterator[SignPattern]:
        if isinstance(value, SignPattern):
            yield value
        elif isinstance(value, tuple | list):
            for v in value:
                yield from patterns(v)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                yield from patterns(getattr(value, f.name))

    for pattern in patterns(content.packs):
        if pattern.regex is None:
            continue
        if re.compile(pattern.regex, re.IGNORECASE).search("") is not None:
            return False
        if backtracking_risk(pattern.regex, re.IGNORECASE) is not None:
            return False
    return True


def _decode(data: Any, files: list[str]) -> Content:
    if type(data) is not dict or set(data) != {"files", "dirs", "packs", "sign_model"}:
        raise TypeError("cache body")
    if data["files"] != files:  # the key covers them; this guards the file numbers
        raise ValueError("files")
    dirs = data["dirs"]
    if type(dirs) is not list or not all(type(d) is str for d in dirs):
        raise TypeError("dirs")
    codec = _Codec(files)
    packs = codec.decoder(tuple[Pack, ...])(data["packs"])
    model = None if data["sign_model"] is None else _read_model(data["sign_model"])
    return Content(packs, [Path(d) for d in dirs], model)


def save_cached(
    content: Content,
    base: Path,
    overrides: Sequence[Path],
    cache_dir: Path,
    pack_files: Callable[[Path], list[Path]],
    key_before: tuple[str, list[str]] | None,
) -> bool:
    """Write the cache for ``content`` (just loaded from the packs, whose key before
    reading was ``key_before``) into ``cache_dir``, an existing folder. Nothing is
    written when the packs changed meanwhile or the content cannot be cached.
    Returns whether it was written; never raises."""
    from ips_reflect.fileio import atomic_write_bytes

    try:
        if key_before is None or not cache_dir.is_dir():
            return False
        if cache_key(base, overrides, pack_files) != key_before:
            return False  # a pack changed while it was read: its content may be mixed
        key, files = key_before
        codec = _Codec(files)
        body = json.dumps(
            {
                "files": files,
                "dirs": [str(d) for d in content.dirs],
                "packs": codec.encoder(tuple[Pack, ...])(content.packs),
                "sign_model": None
                if content.sign_model is None
                else _write_model(content.sign_model),
            },
            ensure_ascii=False,
            allow_nan=False,
            separators=(",", ":"),
        ).encode("utf-8")
        header = json.dumps(
            {
                "format": CACHE_FORMAT,
                "version": CACHE_VERSION,
                "key": key,
                "body_sha256": hashlib.sha256(body).hexdigest(),
            }
        ).encode("utf-8")
        data = header + b"\n" + body
        if len(data) > MAX_CACHE_BYTES:
            return False
        atomic_write_bytes(cache_dir / CACHE_FILE, data)
        return True
    except Exception:
        return False


_FINGERPRINT = _fingerprint()
