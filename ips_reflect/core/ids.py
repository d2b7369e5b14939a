"""The fixed ids every layer shares: warning signs, positive reasons, audiences, the
SLEF areas, and the shape of a content id.

Standard library only (``re``), so the vault and the command line can use them
without loading the question packs (and YAML) that give them their wording.
:mod:`ips_reflect.core.content` re-exports them.
"""

from __future__ import annotations

import re

WARNING_SIGN_IDS: tuple[str, ...] = (
    "envy",
    "own_benefit",
    "focus_shift",
    "role_confusion",
    "personal_feelings",
    "exclusive_sharing",
    "thinking_outside_work",
    "only_i_understand",
    "exclusive_contact",
    "time_outside_work",
    "ignoring_policy",
    "secrets",
    "contact_details",
)
POSITIVE_REASON_IDS: tuple[str, ...] = (
    "normalising",
    "sharing_learning",
    "coping_ideas",
    "hope",
    "similarity",
    "self_esteem",
    "talking_openly",
    "shared_humanity",
    "relationship",
)
AUDIENCE_IDS: tuple[str, ...] = ("client", "employer", "ips_team", "clinical_team")

#: The six areas of the SLEF self-rating, in the order they are asked.
SLEF_AREAS: tuple[str, ...] = (
    "preparedness",
    "confidence",
    "comfort",
    "competence",
    "relevance",
    "supervision",
)

#: A content id: ``pack.section.item`` in lower case, digits and underscores.
ID_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$")
