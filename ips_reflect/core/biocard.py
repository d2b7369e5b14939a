"""Biography cards: one YAML file per practitioner, shared through the team folder.

A card is public by design (clients and colleagues read it), so reading one is
strict: every problem is reported with ``file:line:col`` of the key or value it
concerns, and personal contact details anywhere in the text are refused with
the line that holds them (see :mod:`ips_reflect.core.privacy`).

Cards come from other people, so reading one never reaches outside its folder:
the card file must be an ordinary file (not a symbolic link, pipe or device)
under :data:`CARD_MAX_BYTES`, and its photo must be an ordinary file inside the
card's own folder, reached without any symbolic link. The photo's bytes are
read once, checked, and kept on the card (``photo_data``) so that what is
embedded in a booklet is exactly what was checked. A photo that is missing,
outside the folder, a link or not an ordinary file gets the same words, so a
card cannot be used to find out which files exist on the reader's computer.

Files are read at the YAML node level with :class:`~ips_reflect.core.yamlsafe.NodeReader`;
tags such as ``!!python/object`` are reported and never constructed.

Format (see DESIGN.md)::

    format: ips-reflect/bio-card
    version: 1
    name: Sam Okafor                    # required
    known_as: Sam                       # optional: the name used on the cover and to sort
    role: Peer Employment Specialist    # required
    biography: "..."                    # required, 40-200 words
    pronouns: they/them                 # optional from here on
    why_i_do_this_work: "..."
    previous_jobs: [warehouse operative, barista]
    interests: [allotment, five-a-side]
    happy_to_share: ["my own return to work after time off"]
    sectors: [retail, hospitality]
    languages: [English, Yoruba]
    photo: sam.jpg                      # in the card's folder; PNG or JPEG
    consent: true                       # agreed to the card being shared
    review_date: 2027-01-31             # when to look at it again

This module is the public face of the cards; the code lives in
:mod:`biocard_model` (the card, its keys and field rules), :mod:`biocard_read`
(reading cards and team folders) and :mod:`biocard_write` (checking and writing a
card made in the app), all under ``ips_reflect.core``.
"""

from __future__ import annotations

from ips_reflect.core.biocard_model import (
    BIOGRAPHY_MAX_WORDS,
    BIOGRAPHY_MIN_WORDS,
    CARD_KEYS,
    CARD_MAX_BYTES,
    FORMAT,
    LIST_FIELDS,
    MAX_LIST_ITEMS,
    REQUIRED,
    TEXT_FIELDS,
    VERSION,
    WHY_MAX_WORDS,
    BioCard,
    CardError,
    field_messages,
    name_sort_key,
    privacy_message,
)
from ips_reflect.core.biocard_read import (
    TeamCard,
    card_files,
    card_photo_bytes,
    load_card,
    load_team,
    read_card,
    read_team,
    validate_card,
)
from ips_reflect.core.biocard_write import (
    check_card,
    dump_card,
    write_card,
)
from ips_reflect.core.biophoto import (
    check_photo,
)
from ips_reflect.core.yamlsafe import (
    Location,
    Problem,
)

__all__ = [
    "BIOGRAPHY_MAX_WORDS",
    "BIOGRAPHY_MIN_WORDS",
    "CARD_KEYS",
    "CARD_MAX_BYTES",
    "FORMAT",
    "LIST_FIELDS",
    "MAX_LIST_ITEMS",
    "REQUIRED",
    "TEXT_FIELDS",
    "VERSION",
    "WHY_MAX_WORDS",
    "BioCard",
    "CardError",
    "Location",
    "Problem",
    "TeamCard",
    "card_files",
    "card_photo_bytes",
    "check_card",
    "check_photo",
    "dump_card",
    "field_messages",
    "load_card",
    "load_team",
    "name_sort_key",
    "privacy_message",
    "read_card",
    "read_team",
    "validate_card",
    "write_card",
]
