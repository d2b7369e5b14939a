"""Question packs: loading, validation and lookup.

The words people read live in YAML packs under ``content/``. This module turns
them into frozen dataclasses and reports every problem as one line,
``file:line:col: message``, pointing at the offending key or item.

Safety: files are read with PyYAML's SafeLoader at the *node* level
(``yaml.compose``). Values are built here from plain scalars, sequences and
mappings only; any explicit tag such as ``!!python/object`` is reported as an
error and never constructed, so nothing in a pack can run code.

An organisation may add or override items by id from further directories (see
:func:`load_content`). An override item names an existing id and gives only the
keys it changes; a new id must be a complete item.

This module is the public face of the packs; the code lives in
:mod:`content_model` (the records and :class:`Content`), :mod:`content_phrases`
(pattern phrases), :mod:`content_reader` (reading one pack file) and
:mod:`content_loader` (merging, checking, :func:`load_content`), all under
``ips_reflect.core``.
"""

from __future__ import annotations

from ips_reflect.core.content_loader import (
    check_content,
    load_content,
    pack_files,
)
from ips_reflect.core.content_model import (
    AUDIENCE_IDS,
    LIGHT_PACK,
    POSITIVE_REASON_IDS,
    WARNING_SIGN_IDS,
    Choice,
    Content,
    ContentError,
    Item,
    Pack,
    Section,
    SignPattern,
)
from ips_reflect.core.content_phrases import (
    PHRASE_GAP_WORDS,
    PHRASE_SPACE,
    phrase_regex,
    phrase_tokens,
)
from ips_reflect.core.content_reader import (
    ANSWER_KINDS,
    CHOICE_KEYS,
    FORMAT,
    ITEM_KEYS,
    ITEM_REQUIRED,
    ITEM_TYPES,
    PACK_KEYS,
    PACK_REQUIRED,
    PATTERN_KEYS,
    SCALE_KEYS,
    SECTION_KEYS,
    SECTION_REQUIRED,
    TYPES_NEEDING_ANSWER,
    TYPES_WITH_ANSWER,
    VERSION,
)
from ips_reflect.core.yamlsafe import (
    ID_RE,
    Location,
    Problem,
)

__all__ = [
    "ANSWER_KINDS",
    "AUDIENCE_IDS",
    "CHOICE_KEYS",
    "FORMAT",
    "ID_RE",
    "ITEM_KEYS",
    "ITEM_REQUIRED",
    "ITEM_TYPES",
    "LIGHT_PACK",
    "PACK_KEYS",
    "PACK_REQUIRED",
    "PATTERN_KEYS",
    "PHRASE_GAP_WORDS",
    "PHRASE_SPACE",
    "POSITIVE_REASON_IDS",
    "SCALE_KEYS",
    "SECTION_KEYS",
    "SECTION_REQUIRED",
    "TYPES_NEEDING_ANSWER",
    "TYPES_WITH_ANSWER",
    "VERSION",
    "WARNING_SIGN_IDS",
    "Choice",
    "Content",
    "ContentError",
    "Item",
    "Location",
    "Pack",
    "Problem",
    "Section",
    "SignPattern",
    "check_content",
    "load_content",
    "pack_files",
    "phrase_regex",
    "phrase_tokens",
]
