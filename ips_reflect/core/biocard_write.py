"""Cards made in the app: :func:`check_card` (the problems, as sentences) and writing a
card (:func:`dump_card`, :func:`write_card`: atomic, with its photo beside it).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path, PurePath
from typing import Any

import yaml

from ips_reflect.core import privacy
from ips_reflect.core.biocard_model import (
    _WHAT,
    CARD_KEYS,
    FORMAT,
    LIST_FIELDS,
    MAX_LIST_ITEMS,
    VERSION,
    BioCard,
    field_messages,
    privacy_message,
)
from ips_reflect.core.biophoto import check_photo, read_card_photo, read_photo_file
from ips_reflect.core.yamlsafe import display_path
from ips_reflect.errors import UserError


def check_card(
    card: BioCard, blocked_phrases: Sequence[str] = (), *, privacy_guard: bool = True
) -> list[str]:
    """Problems with a card built in the app (not read from a file), as sentences.

    With ``privacy_guard=False`` the privacy scan is left out (for a caller that
    runs and reports the guard itself, such as the Biography page).
    """
    out: list[str] = []
    for key in ("name", "role", "biography"):
        if not (getattr(card, key) or "").strip():
            out.append(f"the card has no '{key}'; add {_WHAT[key]}")
    for key, value in card.text_fields():
        out.extend(field_messages(key, value, item=key in LIST_FIELDS))
        if not privacy_guard:
            continue
        for finding in privacy.scan(value, blocked_phrases):
            out.append(privacy_message(key, finding))
    for key in LIST_FIELDS:
        if len(getattr(card, key)) > MAX_LIST_ITEMS:
            out.append(f"'{key}' has too many entries; keep it to {MAX_LIST_ITEMS} or fewer")
    if card.photo is not None:
        message = check_photo(card.photo)
        if message:
            out.append(message)
    return out


# --------------------------------------------------------------------------- writing


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_representer)

_HEADER = (
    "# IPS Reflect biography card. Clients and colleagues read it, so keep\n"
    "# personal contact details (phone, personal e-mail, address, social media) out.\n"
)


def _photo_text(photo: Path, base_dir: Path | None) -> str:
    if base_dir is not None and photo.is_absolute():
        try:
            rel = os.path.relpath(photo, base_dir.absolute())
        except ValueError:  # different drive on Windows
            return photo.as_posix()
        return Path(rel).as_posix()
    return photo.as_posix()


def dump_card(card: BioCard, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The card as YAML text in the documented key order.

    ``photo`` is written relative to ``base_dir`` (the folder the card will be
    saved in; default: the folder it was read from). ``load`` of the written
    file gives back an equal card.
    """
    base = Path(base_dir) if base_dir is not None else None
    if base is None and card.source_path is not None:
        base = card.source_path.parent
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for f in fields(card):
        if f.name in ("source_path", "photo_data"):
            continue
        value = getattr(card, f.name)
        if value is None or value == () or value == "":
            continue
        if f.name in LIST_FIELDS:
            value = list(value)
        elif f.name == "photo":
            value = _photo_text(value, base)
        data[f.name] = value
    ordered = {k: data[k] for k in CARD_KEYS if k in data}
    body = yaml.dump(
        ordered,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=88,
        indent=2,
    )
    return _HEADER + body


def write_shared(target: Path, data: bytes) -> None:
    """Write atomically (a temporary file in the same folder, then rename), with
    ordinary permissions: cards and their photos are shared through the team folder."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _photo_beside(card: BioCard, target: Path) -> BioCard:
    """``card`` with its photo inside the card's folder, copying it next to the card
    (``<card name>.jpg`` or ``.png``) when it is elsewhere, so the card is accepted
    wherever it is read. Raises :class:`UserError` when the photo cannot be used."""
    assert card.photo is not None
    folder = target.parent
    try:
        rel: PurePath | None = card.photo.absolute().relative_to(folder.absolute())
    except ValueError:
        rel = None
    if rel is not None and read_card_photo(folder, rel.as_posix())[2] is None:
        return card  # already inside the folder, and readable from there
    if card.photo_data is not None and card.source_path is not None:
        data: bytes | None = card.photo_data
    else:
        data, problem = read_photo_file(card.photo)
        if data is None:
            raise UserError(
                f"The card {display_path(target)} was not written: {problem}.",
            )
    assert data is not None
    suffix = ".png" if data.startswith(b"\x89PNG") else ".jpg"
    dest = target.with_suffix(suffix)
    write_shared(dest, data)
    return dataclasses.replace(card, photo=dest.absolute(), photo_data=data)


def write_card(card: BioCard, path: str | os.PathLike[str]) -> Path:
    """Write the card atomically (a temporary file in the same folder, then rename).

    A photo outside the card's folder is first copied next to the card (same
    name, ``.jpg`` or ``.png``) and the card names that copy, so a card written
    by the app is always accepted by the booklet.
    """
    target = Path(path)
    if card.photo is not None:
        card = _photo_beside(card, target)
    text = dump_card(card, target.parent)
    write_shared(target, text.encode("utf-8"))
    return target
