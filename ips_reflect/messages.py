"""User-facing sentences that are not question content.

Question wording lives in ``content/*.yaml``; window layouts and their labels in
``ui/*.ui``. Everything else a person reads (errors, confirmations, status
lines) is defined here, grouped by area, so it can be reviewed in one place.
Keep each message a full sentence: what happened, and what to do.
"""

from __future__ import annotations

# --- app shell --------------------------------------------------------------

APP_TITLE = "IPS Reflect"
