"""The biography as something to share: a bio card for the team's booklet and the
one-page PDF. ``ips-reflect bio card|pdf`` and the Biography page both write through
:func:`write_card` and :func:`write_pdf`, and each of those runs the privacy guard
itself (contact details, and every topic the sharing plan keeps private) before a
byte is written: a writer refuses text it has not checked, whoever calls it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ips_reflect import messages
from ips_reflect.core.biocard import BioCard, check_card
from ips_reflect.errors import UserError

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


class BioRefused(UserError):
    """The guard found problems: ``details`` lists them; nothing was written."""


def stored_biography(vault: Vault) -> tuple[Any, list[str]]:
    """The stored biography and the phrases the sharing plan keeps private.

    Fails closed: a plan that cannot be read raises (it is never "nothing to check")."""
    from ips_reflect.core.bioprofile import is_empty, read_plan_phrases

    bio = vault.biography.get()
    if bio is None or is_empty(bio.payload):
        raise UserError(messages.BIO_CLI_NONE)
    return bio, read_plan_phrases(vault.plans.latest)


def card_of(bio: Any) -> BioCard:
    from ips_reflect.core.bioprofile import card_from_payload

    return card_from_payload(bio.payload, consent=bio.consent, review_date=bio.review_date)


def guard(card: BioCard, blocked: Sequence[str], target: Path | str, what: str) -> None:
    """Raise :class:`BioRefused` if the card may not be shared as it is."""
    problems = check_card(card, blocked)
    if problems:
        n = len(problems)
        raise BioRefused(
            messages.BIO_CLI_REFUSED.format(file=target, what=what, n=n, s="" if n == 1 else "s"),
            details=[f"- {p}" for p in problems],
        )


def write_card(
    card: BioCard,
    target: Path,
    *,
    blocked: Sequence[str],
    photo: bytes | None = None,
    mime: str | None = None,
) -> Path | None:
    """Check, then write the card (a photo goes beside it); returns the photo's path."""
    from ips_reflect.core.bioprofile import write_card_files

    guard(card, blocked, target, "card")
    return write_card_files(card, target, photo, mime)


def write_pdf(
    card: BioCard,
    target: Path | BinaryIO,
    *,
    blocked: Sequence[str],
    service: str | None = None,
    photo: bytes | None = None,
) -> None:
    """Check, then write the one-page biography PDF."""
    from ips_reflect.export.bio_pdf import build_bio_pdf

    guard(card, blocked, getattr(target, "name", "the PDF"), "PDF")
    build_bio_pdf(card, target, service=service or None, photo_data=photo)
