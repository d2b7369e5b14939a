"""Drafting a short "meet the team" biography from a few answers.

The practitioner fills in what they are happy to share (role, why they do the
work, previous jobs, interests, favourites, languages...) and picks a template;
:func:`draft_biography` turns that into a first-person draft in plain British
English that they then edit. Drafts are deterministic: the same answers and
template always give the same words.

A draft aims for 80-150 words. When only a few answers are given it adds
neutral sentences about the IPS role rather than leaving gaps; when there is a
lot it trims long lists. It never prints an empty placeholder or "None".

:func:`word_count` and :func:`reading_age` help people keep the text short and
easy to read.

This module is the public face of biographies; the code lives in
:mod:`biography_draft` (fields, templates, the draft), :mod:`biography_phrases`
(answers into words) and :mod:`biography_reading` (word count, reading age), all
under ``ips_reflect.core``.
"""

from __future__ import annotations

from ips_reflect.core.biography_draft import (
    MAX_WORDS,
    MIN_WORDS,
    TEMPLATES,
    BioFields,
    draft_biography,
)
from ips_reflect.core.biography_phrases import (
    join_list,
    list_phrase,
)
from ips_reflect.core.biography_reading import (
    ReadingAge,
    reading_age,
    word_count,
)

__all__ = [
    "MAX_WORDS",
    "MIN_WORDS",
    "TEMPLATES",
    "BioFields",
    "ReadingAge",
    "draft_biography",
    "join_list",
    "list_phrase",
    "reading_age",
    "word_count",
]
