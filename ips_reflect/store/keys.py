"""Every key the app stores under in the vault, in one place.

The vault keeps small settings-like values in its key-value table (``vault.kv``) and
unsaved work in its drafts table (``vault.drafts``), both encrypted with everything
else. A key written by one part and read by another is named here once, so a page, the
command line and an operation can never disagree about where a value lives.
"""

from __future__ import annotations

# -- vault.kv

#: Flag ids put on the next supervision agenda from the Flags page.
AGENDA_FLAGS = "supervision.next_agenda.flags"
#: Topic ids chosen for the next supervision agenda.
AGENDA_TOPICS = "supervision.next_agenda.topics"
#: The Journal's last search and filters.
JOURNAL_FILTERS = "journal.filters"
#: The period the Trends page shows.
TRENDS_PERIOD = "trends.period"
#: Which entries each pattern flag is about (fingerprint -> entry uids).
PATTERN_ENTRIES = "flags.pattern_entries"
#: What the last flag check read of each entry, so the next one reads only the changes.
SCAN_STATE = "flags.scan_state"
#: The folder each kind of file dialog used last (purpose -> folder), kept encrypted:
#: a folder's name can say something about a client.
LAST_FOLDERS = "files.last_folders"

# -- vault.drafts (one unsaved draft per form)

DRAFT_PLAN = "sharing_plan"
DRAFT_CHECK = "before_check"
DRAFT_REFLECTION = "after_reflection"
DRAFT_JOURNAL = "journal.editor"

KV_KEYS = (
    AGENDA_FLAGS,
    AGENDA_TOPICS,
    JOURNAL_FILTERS,
    TRENDS_PERIOD,
    PATTERN_ENTRIES,
    SCAN_STATE,
    LAST_FOLDERS,
)
DRAFT_KEYS = (DRAFT_PLAN, DRAFT_CHECK, DRAFT_REFLECTION, DRAFT_JOURNAL)
