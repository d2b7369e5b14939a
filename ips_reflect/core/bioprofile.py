"""The practitioner's own biography as the vault keeps it, and what is made from it.

The Biography page saves its form as one JSON payload in the vault (see
:class:`ips_reflect.store.records.Biography`); the photo, consent and review
date sit beside it. This module is the one place that knows the payload's keys,
so the GUI and ``ips-reflect bio`` read it the same way::

    {"name": "Sam Okafor", "role": "...", "pronouns": "they/them", "years": "6",
     "why": "...", "demographics": "...", "fav_film": "...", "fav_tv": "...",
     "fav_book": "...", "fav_music": "...", "biography": "...", "template": "warm",
     "service": "Leeds IPS",
     "previous_jobs": [...], "interests": [...], "happy_to_share": [...],
     "likes": [...], "dislikes": [...], "languages": [...], "sectors": [...]}

Keys match the content ids in ``content/biography.yaml`` without the ``bio.``
prefix. Unknown keys are kept as they are; missing ones read as empty.

Also here: the phrases a sharing plan keeps private (for the privacy guard),
and small photo helpers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from ips_reflect.core.biocard import BioCard, write_card
from ips_reflect.core.biocard_write import write_shared
from ips_reflect.core.biography import BioFields
from ips_reflect.errors import UserError

__all__ = [
    "LIST_KEYS",
    "TEXT_KEYS",
    "PlanUnreadable",
    "bio_fields",
    "card_from_payload",
    "clean_payload",
    "is_empty",
    "parse_review_date",
    "photo_mime",
    "photo_suffix",
    "plan_blocked_phrases",
    "read_plan_phrases",
    "split_lines",
    "write_card_files",
]

# Single texts, in form order (``biography``, ``template`` and ``service`` last).
TEXT_KEYS: tuple[str, ...] = (
    "name",
    "role",
    "pronouns",
    "years",
    "why",
    "demographics",
    "fav_film",
    "fav_tv",
    "fav_book",
    "fav_music",
    "biography",
    "template",
    "service",
)
# Lists of short entries (one per line in the form).
LIST_KEYS: tuple[str, ...] = (
    "previous_jobs",
    "sectors",
    "languages",
    "interests",
    "happy_to_share",
    "likes",
    "dislikes",
)


def split_lines(text: str) -> list[str]:
    """One entry per line, trimmed, empty lines dropped, repeats (any case) dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for line in (text or "").splitlines():
        item = " ".join(line.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return str(value)


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_lines(value)
    if isinstance(value, Iterable):
        return split_lines("\n".join(str(v) for v in value))
    return split_lines(str(value))


def clean_payload(raw: Mapping[str, Any] | None) -> dict[str, Any]:
    """A payload with every known key present and of the right type."""
    raw = raw if isinstance(raw, Mapping) else {}
    out: dict[str, Any] = {k: v for k, v in raw.items() if k not in TEXT_KEYS + LIST_KEYS}
    for key in TEXT_KEYS:
        out[key] = _text(raw.get(key))
    for key in LIST_KEYS:
        out[key] = _list(raw.get(key))
    return out


def is_empty(payload: Mapping[str, Any] | None) -> bool:
    """True when nothing has been written yet (the template choice does not count)."""
    p = clean_payload(payload)
    texts = any(p[k].strip() for k in TEXT_KEYS if k not in ("template",))
    return not texts and not any(p[k] for k in LIST_KEYS)


def bio_fields(payload: Mapping[str, Any] | None) -> BioFields:
    """The answers the biography drafts are written from."""
    p = clean_payload(payload)
    return BioFields(
        name=p["name"],
        role=p["role"],
        pronouns=p["pronouns"],
        why=p["why"],
        years=p["years"] or None,
        previous_jobs=p["previous_jobs"],
        interests=p["interests"],
        likes=p["likes"],
        happy_to_share=p["happy_to_share"],
        favourite_film=p["fav_film"],
        favourite_tv=p["fav_tv"],
        favourite_book=p["fav_book"],
        favourite_music=p["fav_music"],
        languages=p["languages"],
        sectors=p["sectors"],
        extra={"demographics": p["demographics"], "dislikes": p["dislikes"]},
    )


def parse_review_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def card_from_payload(
    payload: Mapping[str, Any] | None,
    *,
    photo: Path | None = None,
    consent: bool | None = None,
    review_date: dt.date | str | None = None,
) -> BioCard:
    """The bio card (DESIGN.md format) for this biography.

    Only what the card format holds is taken: favourites, likes, dislikes and
    the "about me" facts feed the draft but are not copied onto the card.
    """
    p = clean_payload(payload)

    def one_line(key: str) -> str:
        return " ".join(p[key].split())

    return BioCard(
        name=one_line("name"),
        role=one_line("role"),
        biography=p["biography"].strip(),
        pronouns=one_line("pronouns") or None,
        why_i_do_this_work=p["why"].strip() or None,
        previous_jobs=p["previous_jobs"],
        interests=p["interests"],
        happy_to_share=p["happy_to_share"],
        sectors=p["sectors"],
        languages=p["languages"],
        photo=photo,
        consent=consent,
        review_date=parse_review_date(review_date),
    )


# --------------------------------------------------------------------------- sharing plan


class PlanUnreadable(UserError):
    """The sharing plan could not be read, so a biography cannot be checked against it.

    The guard fails closed: nothing is shared or written while this stands.
    """

    def __init__(self, reason: str = "") -> None:
        from ips_reflect import messages

        super().__init__(messages.BIO_PLAN_UNREADABLE)
        self.reason = reason


def plan_blocked_phrases(plan: Any) -> list[str]:
    """Topics the practitioner's sharing plan keeps private, for the privacy guard.

    ``plan`` is a stored plan version (with ``.payload``), a payload, or None
    (no plan saved: nothing to check). See
    :func:`ips_reflect.core.plan.blocked_phrases`: the labels of experiences
    marked never or not now for any audience, and the will-not-share list.
    Raises :class:`PlanUnreadable` for a damaged plan, never "nothing to check".
    """
    from ips_reflect.core.plan import blocked_phrases, plan_damage

    if plan is None:
        return []
    payload = getattr(plan, "payload", plan)
    damage = plan_damage(payload)
    if damage is not None:
        raise PlanUnreadable(damage)
    return blocked_phrases(payload)


def read_plan_phrases(latest: Callable[[], Any]) -> list[str]:
    """:func:`plan_blocked_phrases` of ``latest()`` (e.g. ``vault.plans.latest``).

    Any failure to read the plan is :class:`PlanUnreadable`.
    """
    try:
        plan = latest()
    except Exception as exc:
        raise PlanUnreadable(type(exc).__name__) from exc
    return plan_blocked_phrases(plan)


# --------------------------------------------------------------------------- photos


def photo_mime(data: bytes) -> str | None:
    """``image/png`` or ``image/jpeg`` from the file's first bytes, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None


def photo_suffix(mime: str | None) -> str:
    return ".png" if mime == "image/png" else ".jpg"


def write_card_files(
    card: BioCard, target: Path, photo: bytes | None = None, mime: str | None = None
) -> Path | None:
    """Write ``card`` to ``target``; a photo goes beside it as ``<stem>.jpg`` or ``.png``
    (the card refers to it by that name). Returns the photo's path, or None.

    Both files are plain (not encrypted): a bio card is meant to be shared.
    """
    photo_path = None
    if photo:
        photo_path = target.with_suffix(photo_suffix(mime or photo_mime(photo)))
        write_shared(photo_path, photo)
        card = dataclasses.replace(card, photo=photo_path.absolute())
    write_card(card, target)
    return photo_path
