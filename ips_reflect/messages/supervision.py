"""Supervision: the pack and session summary PDFs, the Supervision page, presenter view."""

# --- supervision: pack and session summary (export/supervision_pdf.py) ------
SUP_PACK_TITLE = "Supervision pack"
SUP_PACK_SUBJECT = "Journal entries the practitioner chose to bring to supervision"
SUP_PACK_INTRO = (
    "These are the entries you chose to talk over in supervision. Nothing else from your "
    "journal is in this pack: every entry you did not mark stays private in your vault."
)
SUP_PACK_COUNT_ONE = "1 entry, made on {date}."
SUP_PACK_COUNT_MANY = "{count} entries, made on {date}."
SUP_PACK_SINCE = "Only entries written on or after {date} were included."
SUP_PACK_GROUP = (
    "Prepared for group reflective practice: every client alias has been replaced with "
    "{placeholder}, in titles, notes, answers and tags alike."
)
SUP_PACK_PRIVATE = (
    "This PDF is not encrypted. Give it only to your supervisor (or your group), keep it "
    "somewhere private and delete it once the session is over."
)
SUP_PACK_CONTENTS = "In this pack"
SUP_PACK_COLUMNS = ("Date", "Kind", "Entry")
SUP_PACK_EMPTY_HEAD = "Nothing is marked for supervision yet"
SUP_PACK_EMPTY_HOW = (
    "To bring an entry, open it on the Journal page and tick “Bring to supervision”, or tick "
    "“Bring this to supervision” as you finish a check or a reflection. Then make the pack "
    "again: only entries you have marked are ever put in it."
)
SUP_PACK_EMPTY_SINCE = "No marked entry was written on or after {date}."
SUP_PACK_EMPTY_PRIVATE = "Entries you have not marked stay private and never go into a pack."
SUP_PACK_FOOTER = "IPS Reflect · private: brought to supervision by choice · not encrypted"
SUP_PACK_WRITTEN = "Written"
SUP_PACK_WITH = "Sharing with"
SUP_PACK_ALIAS = "Client alias"
SUP_PACK_TAGS = "Tags"
SUP_PACK_NOTES = "Notes"
SUP_PACK_REASONS = "Reasons for sharing"
SUP_PACK_SIGNS = "Warning signs ticked"
SUP_PACK_AUDIENCES = {
    "client": "A client",
    "employer": "An employer",
    "ips_team": "The IPS team",
    "clinical_team": "The clinical team",
}

SUP_SUMMARY_TITLE = "Supervision session summary"
SUP_SUMMARY_SUBJECT = "Agenda, notes, agreed actions and self-ratings of one supervision session"
SUP_SUMMARY_FOOTER = "IPS Reflect · supervision session summary · private: not encrypted"
SUP_SUMMARY_DATE = "Session date"
SUP_SUMMARY_SUPERVISOR = "Supervisor"
SUP_SUMMARY_NO_SUPERVISOR = "(not recorded)"
SUP_SUMMARY_MADE = "Summary made"
SUP_SUMMARY_AGENDA = "Agenda"
SUP_SUMMARY_AGENDA_EMPTY = "Nothing was put on the agenda for this session."
SUP_SUMMARY_AGENDA_COLUMNS = ("Kind", "Item", "Discussed", "Note")
SUP_SUMMARY_KINDS = {"topic": "Topic", "entry": "Entry", "flag": "Flag"}
SUP_SUMMARY_DISCUSSED = "Yes"
SUP_SUMMARY_NOT_DISCUSSED = "Not yet"
SUP_SUMMARY_EVIDENCE = "Words noted: “{evidence}”"
SUP_SUMMARY_NOTES = "Supervisor notes"
SUP_SUMMARY_NOTES_EMPTY = "No notes were written for this session."
SUP_SUMMARY_ACTIONS = "Agreed actions"
SUP_SUMMARY_ACTIONS_COLUMNS = ("Action", "Due", "State")
SUP_SUMMARY_ACTIONS_EMPTY = "No actions were agreed in this session."
SUP_SUMMARY_NO_DUE = "no date set"
SUP_ACTION_STATES = {"done": "Done", "overdue": "Overdue", "due": "Due today", "open": "Open"}
SUP_ACTION_DONE_ON = "Done on {date}"
SUP_SUMMARY_RATINGS = (
    "Own ratings on six areas from SLEF, the Sharing Lived Experiences Framework "
    "(these are not a SLEF score)"
)
SUP_SUMMARY_RATINGS_COLUMNS = ("Area", "This session")
SUP_SUMMARY_RATING = "{rating} of 5"
SUP_SUMMARY_NOT_RATED = "not rated"
SUP_SUMMARY_RATINGS_EMPTY = "No self-ratings were recorded in this session."
SUP_SUMMARY_OVER_TIME = "Over time"
SUP_SUMMARY_KEEP_COPY = (
    "Practitioner and supervisor each keep a copy of this summary, and bring it back "
    "next time to look at how the agreed actions went."
)

# --- supervision: pages and presenter view (gui/) ---------------------------
SUPV_PAGE_TITLE = "Supervision"
SUPV_LOCKED = "Unlock IPS Reflect to see your supervision sessions."
SUPV_NO_SESSIONS = (
    "No sessions yet. Choose “New session…” to plan one: the entries you marked to bring "
    "to supervision and the flags you put on the agenda are added for you."
)
SUPV_SESSION_WITH = "{day} with {supervisor}"
SUPV_SESSION_ALONE = "{day}"
SUPV_SESSION_MADE = "New session planned: {heading}."
SUPV_SESSION_DELETED = "Deleted the session of {heading}. Your entries were not touched."
SUPV_DELETE_TITLE = "Delete this session?"
SUPV_DELETE_QUESTION = (
    "Delete the session of {heading}, with its agenda, notes, agreed actions and "
    "self-ratings? Your journal entries and flags stay as they are. This cannot be undone."
)
SUPV_SAVE_FAILED = "That change could not be saved ({error}). Nothing was lost; try again."

# New session dialog.
SUPV_NEW_INTRO = (
    "Choose when you are meeting and which topics you want to cover. The topics come from "
    "the paper's section “The Importance of Supervision”; over several sessions you can "
    "work through all of them."
)
SUPV_NEW_BROUGHT = (
    "Also added: {entries} {entries_word} you marked to bring to supervision and "
    "{flags} {flags_word} to talk over. Nothing else from your journal is included."
)
SUPV_NEW_CREATE = "Plan session"

# The agenda.
SUPV_AGENDA_KINDS = {"topic": "Topic", "entry": "Entry", "flag": "Flag"}
SUPV_AGENDA_EMPTY = (
    "The agenda is empty. Add a topic below, or mark entries to bring to supervision in "
    "the Journal and choose “Add newly marked entries and flags”."
)
SUPV_CHOOSE_ITEM = "Choose an item on the left to see it here."
SUPV_ITEM_GONE = "This entry is no longer marked to bring to supervision."
SUPV_ITEM_DISCUSSED = "Discussed"
SUPV_ITEM_OPEN = "Not discussed yet"
SUPV_ITEM_NOTE_HEADING = "Your note"
SUPV_ENTRY_WITH_ALIAS = "{title} ({alias})"
SUPV_KICKER_TOPIC = "Topic for supervision"
SUPV_KICKER_FLAG = "Flag"
SUPV_FROM_PAPER = "From the paper: {source}"
SUPV_FLAG_WHAT = "What it is about"
SUPV_FLAG_WHY = "Why it may be worth a talk"
SUPV_FLAG_PRIVATE = (
    "The entry behind this flag is not marked to bring to supervision, so its words stay private."
)
SUPV_MARK_DISCUSSED = "Mark discussed"
SUPV_UNMARK_DISCUSSED = "Not discussed yet"
SUPV_MARK_DISCUSSED_NAME = "Mark the chosen item as discussed"
SUPV_UNMARK_DISCUSSED_NAME = "Mark the chosen item as not discussed yet"
SUPV_MARKED_DISCUSSED = "“{title}” is ticked as discussed."
SUPV_MARKED_OPEN = "“{title}” is no longer ticked as discussed."
SUPV_NOTE_SAVED = "Note kept."
SUPV_MOVED = "Moved “{title}” to place {pos} of {total}."
SUPV_REMOVED = "Took “{title}” off this agenda. The entry or flag itself is kept."
SUPV_TOPIC_ADDED = "Added the topic “{title}”."
SUPV_TOPIC_ALREADY = "“{title}” is on the agenda already."
SUPV_NOTHING_NEW = "Nothing new to add: every marked entry and chosen flag is on the agenda."
SUPV_ADDED_NEW = "Added {n} {items} to the agenda."
SUPV_FLAG_MARKED = "Marked the flag “{title}” as {status}."
SUPV_FLAG_NOTE_TITLE_DISCUSSED = "Flag discussed"
SUPV_FLAG_NOTE_TITLE_RESOLVED = "Flag resolved"
SUPV_FLAG_NOTE_PROMPT_DISCUSSED = (
    "“{label}” will be marked as discussed. You can note what you and your supervisor made of it."
)
SUPV_FLAG_NOTE_PROMPT_RESOLVED = (
    "“{label}” will be marked as resolved. You can note what settled it."
)

# Agreed actions.
SUPV_ACTION_COLUMNS = ("Action", "Due", "State", "Agreed on")
SUPV_ACTION_STATES = {"open": "Open", "due": "Due today", "overdue": "Overdue", "done": "Done"}
SUPV_ACTION_DONE_ON = "Done {day}"
SUPV_ACTION_NO_DUE = "No date"
SUPV_ACTIONS_HEADER_NAME = "Agreed actions columns"
SUPV_ACTIONS_ROWS_NAME = "Agreed actions rows"
SUPV_ACTION_EMPTY = "Type the action first, then add it."
SUPV_ACTION_ADDED = "Action added: {text}"
SUPV_ACTION_DONE = "Done: {text}"
SUPV_ACTION_REOPENED = "Open again: {text}"
SUPV_ACTION_DELETED = "Deleted the action: {text}"
SUPV_ACTION_DELETE_TITLE = "Delete this action?"
SUPV_ACTION_DELETE_QUESTION = "Delete “{text}”? To keep it as finished, mark it done instead."
SUPV_ACTION_DONE_BUTTON = "Mark done"
SUPV_ACTION_REOPEN_BUTTON = "Open again"
SUPV_ACTION_DONE_NAME = "Mark the chosen action as done"
SUPV_ACTION_REOPEN_NAME = "Open the chosen action again"

# Self-ratings on six areas taken from SLEF.
SUPV_RATINGS_INTRO = (
    "At each session, rate yourself from 1 (low) to 5 (high) on six areas from SLEF, the "
    "Sharing Lived Experiences Framework (Dunlop et al. 2021), a set of questions that helps "
    "practitioners think through sharing their own experience. These are your own ratings, "
    "not a SLEF score. Seeing them over time shows where you have grown and what to bring "
    "next; there are no right scores."
)
SUPV_RATING_NONE = "Not rated"
SUPV_RATING_NAME = "{area}: your rating from 1 to 5"
SUPV_RATING_DESCRIPTION = "Up and Down change the rating; “Not rated” leaves this area out."
SUPV_RATING_SAVED = "{area}: {value} of 5, kept."
SUPV_RATING_CLEARED = "{area}: not rated."
SUPV_RATINGS_NONE = "No self-ratings yet. Rate the six areas above and they will be charted here."
SUPV_CHART_NAME = "Your self-ratings over time"
SUPV_CHART_AXIS = "Rating"

# Presenter view.
SUPV_PRESENT_WINDOW_TITLE = "Supervision — presenter view"
SUPV_PRESENT_KEYS = (
    "→ / Space next · ← previous · Home / End · D discussed · F11 full screen · Esc close"
)
SUPV_PRESENT_POSITION = "{n} of {total}"
SUPV_PRESENT_OVERVIEW_KICKER = "The agenda"
SUPV_PRESENT_OVERVIEW_TITLE = "Supervision"
SUPV_PRESENT_EMPTY = "Nothing is on the agenda for this session yet."
SUPV_PRESENT_FULL = "Full screen"
SUPV_PRESENT_WINDOWED = "Leave full screen"
SUPV_PRESENT_OPENED = "The presenter view is open. Esc closes it."

# PDFs.
SUPV_PDF_FILTER = "PDF to read, print or keep (*.pdf)"
SUPV_SUMMARY_SAVE_TITLE = "Save the session summary"
SUPV_PACK_SAVE_TITLE = "Save the supervision pack"
SUPV_GROUP_SAVE_TITLE = "Save the group pack (client aliases removed)"
SUPV_PACK_EMPTY = (
    "No entry is marked to bring to supervision, so there is nothing to put in a pack. Mark "
    "entries in the Journal first."
)
SUPV_PDF_BUILDING = "Making the PDF…"
SUPV_PDF_SAVED = "Saved {file}. The PDF is not encrypted: keep it somewhere private."
SUPV_PDF_FAILED = "The PDF could not be made ({error}). Nothing was written; try again."

# Home: agreed actions.
SUPV_HOME_ACTIONS_ONE = "1 open action from supervision"
SUPV_HOME_ACTIONS_MANY = "{count} open actions from supervision"
SUPV_HOME_ACTIONS_HINT = "Mark each one done when it is; it then leaves this list."
SUPV_HOME_DUE = "Due {day}"
SUPV_HOME_NO_DUE = "No due date"
SUPV_HOME_AGREED = "agreed {day}"
SUPV_HOME_DONE_BUTTON = "Done"
SUPV_HOME_DONE_NAME = "Mark done: {text}"
SUPV_HOME_MORE = "…and {count} more on the Supervision page."

SUP_GROUP_ALIASES_UNREADABLE = (
    "The group pack was not written: the list of client aliases could not be read, so "
    "an alias might have been left in. Try again; if it keeps happening, run "
    "'ips-reflect verify' and restore a backup if it finds damage."
)

__all__ = [
    "SUPV_ACTIONS_HEADER_NAME",
    "SUPV_ACTIONS_ROWS_NAME",
    "SUPV_ACTION_ADDED",
    "SUPV_ACTION_COLUMNS",
    "SUPV_ACTION_DELETED",
    "SUPV_ACTION_DELETE_QUESTION",
    "SUPV_ACTION_DELETE_TITLE",
    "SUPV_ACTION_DONE",
    "SUPV_ACTION_DONE_BUTTON",
    "SUPV_ACTION_DONE_NAME",
    "SUPV_ACTION_DONE_ON",
    "SUPV_ACTION_EMPTY",
    "SUPV_ACTION_NO_DUE",
    "SUPV_ACTION_REOPENED",
    "SUPV_ACTION_REOPEN_BUTTON",
    "SUPV_ACTION_REOPEN_NAME",
    "SUPV_ACTION_STATES",
    "SUPV_ADDED_NEW",
    "SUPV_AGENDA_EMPTY",
    "SUPV_AGENDA_KINDS",
    "SUPV_CHART_AXIS",
    "SUPV_CHART_NAME",
    "SUPV_CHOOSE_ITEM",
    "SUPV_DELETE_QUESTION",
    "SUPV_DELETE_TITLE",
    "SUPV_ENTRY_WITH_ALIAS",
    "SUPV_FLAG_MARKED",
    "SUPV_FLAG_NOTE_PROMPT_DISCUSSED",
    "SUPV_FLAG_NOTE_PROMPT_RESOLVED",
    "SUPV_FLAG_NOTE_TITLE_DISCUSSED",
    "SUPV_FLAG_NOTE_TITLE_RESOLVED",
    "SUPV_FLAG_PRIVATE",
    "SUPV_FLAG_WHAT",
    "SUPV_FLAG_WHY",
    "SUPV_FROM_PAPER",
    "SUPV_GROUP_SAVE_TITLE",
    "SUPV_HOME_ACTIONS_HINT",
    "SUPV_HOME_ACTIONS_MANY",
    "SUPV_HOME_ACTIONS_ONE",
    "SUPV_HOME_AGREED",
    "SUPV_HOME_DONE_BUTTON",
    "SUPV_HOME_DONE_NAME",
    "SUPV_HOME_DUE",
    "SUPV_HOME_MORE",
    "SUPV_HOME_NO_DUE",
    "SUPV_ITEM_DISCUSSED",
    "SUPV_ITEM_GONE",
    "SUPV_ITEM_NOTE_HEADING",
    "SUPV_ITEM_OPEN",
    "SUPV_KICKER_FLAG",
    "SUPV_KICKER_TOPIC",
    "SUPV_LOCKED",
    "SUPV_MARKED_DISCUSSED",
    "SUPV_MARKED_OPEN",
    "SUPV_MARK_DISCUSSED",
    "SUPV_MARK_DISCUSSED_NAME",
    "SUPV_MOVED",
    "SUPV_NEW_BROUGHT",
    "SUPV_NEW_CREATE",
    "SUPV_NEW_INTRO",
    "SUPV_NOTE_SAVED",
    "SUPV_NOTHING_NEW",
    "SUPV_NO_SESSIONS",
    "SUPV_PACK_EMPTY",
    "SUPV_PACK_SAVE_TITLE",
    "SUPV_PAGE_TITLE",
    "SUPV_PDF_BUILDING",
    "SUPV_PDF_FAILED",
    "SUPV_PDF_FILTER",
    "SUPV_PDF_SAVED",
    "SUPV_PRESENT_EMPTY",
    "SUPV_PRESENT_FULL",
    "SUPV_PRESENT_KEYS",
    "SUPV_PRESENT_OPENED",
    "SUPV_PRESENT_OVERVIEW_KICKER",
    "SUPV_PRESENT_OVERVIEW_TITLE",
    "SUPV_PRESENT_POSITION",
    "SUPV_PRESENT_WINDOWED",
    "SUPV_PRESENT_WINDOW_TITLE",
    "SUPV_RATINGS_INTRO",
    "SUPV_RATINGS_NONE",
    "SUPV_RATING_CLEARED",
    "SUPV_RATING_DESCRIPTION",
    "SUPV_RATING_NAME",
    "SUPV_RATING_NONE",
    "SUPV_RATING_SAVED",
    "SUPV_REMOVED",
    "SUPV_SAVE_FAILED",
    "SUPV_SESSION_ALONE",
    "SUPV_SESSION_DELETED",
    "SUPV_SESSION_MADE",
    "SUPV_SESSION_WITH",
    "SUPV_SUMMARY_SAVE_TITLE",
    "SUPV_TOPIC_ADDED",
    "SUPV_TOPIC_ALREADY",
    "SUPV_UNMARK_DISCUSSED",
    "SUPV_UNMARK_DISCUSSED_NAME",
    "SUP_ACTION_DONE_ON",
    "SUP_ACTION_STATES",
    "SUP_GROUP_ALIASES_UNREADABLE",
    "SUP_PACK_ALIAS",
    "SUP_PACK_AUDIENCES",
    "SUP_PACK_COLUMNS",
    "SUP_PACK_CONTENTS",
    "SUP_PACK_COUNT_MANY",
    "SUP_PACK_COUNT_ONE",
    "SUP_PACK_EMPTY_HEAD",
    "SUP_PACK_EMPTY_HOW",
    "SUP_PACK_EMPTY_PRIVATE",
    "SUP_PACK_EMPTY_SINCE",
    "SUP_PACK_FOOTER",
    "SUP_PACK_GROUP",
    "SUP_PACK_INTRO",
    "SUP_PACK_NOTES",
    "SUP_PACK_PRIVATE",
    "SUP_PACK_REASONS",
    "SUP_PACK_SIGNS",
    "SUP_PACK_SINCE",
    "SUP_PACK_SUBJECT",
    "SUP_PACK_TAGS",
    "SUP_PACK_TITLE",
    "SUP_PACK_WITH",
    "SUP_PACK_WRITTEN",
    "SUP_SUMMARY_ACTIONS",
    "SUP_SUMMARY_ACTIONS_COLUMNS",
    "SUP_SUMMARY_ACTIONS_EMPTY",
    "SUP_SUMMARY_AGENDA",
    "SUP_SUMMARY_AGENDA_COLUMNS",
    "SUP_SUMMARY_AGENDA_EMPTY",
    "SUP_SUMMARY_DATE",
    "SUP_SUMMARY_DISCUSSED",
    "SUP_SUMMARY_EVIDENCE",
    "SUP_SUMMARY_FOOTER",
    "SUP_SUMMARY_KEEP_COPY",
    "SUP_SUMMARY_KINDS",
    "SUP_SUMMARY_MADE",
    "SUP_SUMMARY_NOTES",
    "SUP_SUMMARY_NOTES_EMPTY",
    "SUP_SUMMARY_NOT_DISCUSSED",
    "SUP_SUMMARY_NOT_RATED",
    "SUP_SUMMARY_NO_DUE",
    "SUP_SUMMARY_NO_SUPERVISOR",
    "SUP_SUMMARY_OVER_TIME",
    "SUP_SUMMARY_RATING",
    "SUP_SUMMARY_RATINGS",
    "SUP_SUMMARY_RATINGS_COLUMNS",
    "SUP_SUMMARY_RATINGS_EMPTY",
    "SUP_SUMMARY_SUBJECT",
    "SUP_SUMMARY_SUPERVISOR",
    "SUP_SUMMARY_TITLE",
]
