"""Warning-sign flags: what each flag says, the Flags page and the live panel."""

# --- warning-sign flags (core/flags.py) -------------------------------------
FLAG_PLAN_LABEL = "Off my sharing plan"
FLAG_PLAN_HELP = (
    "Your sharing plan is what you decided with a clear head; going against it in the "
    "moment is worth a second look, and a talk in supervision."
)
FLAG_TEXT_EXPLANATION = "{why} {help}"
FLAG_TEXT_WHY_DEFAULT = "These words are often a sign of this."
FLAG_MODEL_WHY = "Notes worded like this one, written by practitioners, often describe this sign."
FLAG_TICKED_EVIDENCE = "You ticked “{label}”."
FLAG_TICKED_EXPLANATION = "You noticed this yourself, which is the hard part. {help}"
FLAG_PLAN_LEVEL_EXPLANATION = (
    "You planned not to share this with this audience (or not yet). That can change, "
    "but it is better changed on purpose, in your plan or in supervision, than in the moment."
)
FLAG_PLAN_PHRASE_EVIDENCE = "Names “{phrase}”, which is on your will-not-share list."
FLAG_PLAN_PHRASE_EXPLANATION = (
    "You put this on your will-not-share list, for example because it is still too raw "
    "or crosses a line you set. If you shared it, or are about to, take a moment to check "
    "you are all right with that."
)
FLAG_PATTERN_EXPLANATION = "{why} {help}"
FLAG_PATTERN_REPEAT_EVIDENCE = "{alias}: {count} shares in {days} days ({dates})."
FLAG_PATTERN_REPEAT_WHY = (
    "You shared with the same person {count} or more times within {days} days. Frequent "
    "sharing with one person can slowly move the focus of the work onto you."
)
FLAG_PATTERN_HOURS_EVIDENCE = (
    "{alias}: {count} entries written late at night or at the weekend ({dates})."
)
FLAG_PATTERN_HOURS_WHY = (
    "Notes about the same person written after {late}:00, before {early}:00 or at the "
    "weekend can mean they are on your mind outside work."
)
FLAG_PATTERN_SHARE_EVIDENCE = (
    "{alias}: {count} of your {total} shares in the {days} days to {end} ({dates})."
)
FLAG_PATTERN_SHARE_WHY = (
    "One person got {percent}% or more of your sharing over {days} days (when there were "
    "at least {minimum} shares). Sharing that goes mostly to one person can mean it is "
    "meeting your needs, or that the relationship is becoming special."
)
FLAG_AND_MORE = "and {count} more"

# --- warning-sign flags (pages) ---------------------------------------------
FLAGS_PAGE_TITLE = "Flags"
FLAG_SOURCE_LABELS = {
    "ticked": "You ticked it",
    "text": "Your words",
    "pattern": "Across entries",
    "plan": "Your sharing plan",
}
FLAG_SOURCE_KICKERS = {
    "ticked": "You ticked this sign",
    "text": "Noticed in what you wrote",
    "pattern": "Noticed across your entries",
    "plan": "Against your own sharing plan",
}
FLAG_STATUS_LABELS = {"open": "Open", "discussed": "Discussed", "resolved": "Resolved"}
FLAGS_STATUS_OPTIONS = {**FLAG_STATUS_LABELS, "all": "All flags"}
FLAGS_ALL_SIGNS = "Every sign"
FLAGS_COLUMNS = ("Date", "Sign", "From", "Words", "Client", "Status")
FLAGS_COUNT = "{shown} of {total} flags"
FLAGS_COUNT_NONE = "No flags yet."
FLAGS_EMPTY_OPEN = (
    "No open flags. When something you write or tick looks like a warning sign, it "
    "shows up here as a prompt to reflect."
)
FLAGS_EMPTY_FILTERED = "No flags match what is chosen above. Try “All flags” or “Every sign”."
FLAGS_LOCKED = "Unlock IPS Reflect to see your flags."
FLAGS_CHECKING = "Checking your entries for warning signs…"
FLAGS_CHECKED = (
    "Checked {scanned} new or changed {entries}: {added} new {flags}, {open} open in all."
)
FLAGS_CHECK_FAILED = (
    "The flags could not be brought up to date ({error}). Your entries are safe; try again."
)
FLAGS_SELECT_ONE = "Choose a flag on the left to see what triggered it and why it may matter."
FLAGS_WHAT = "What triggered it"
FLAGS_WHY_WORDS = "Why this may matter"
FLAGS_WHY_PAPER = "Why the paper names this sign"
FLAGS_FROM_PAPER = "From the paper: {source}"
FLAGS_STATUS_LINE = "Status: {status}"
FLAGS_NOTE_LINE = "Your note: {note}"
FLAGS_ON_AGENDA = "On the agenda for your next supervision."
FLAGS_AGENDA_ADD = "Add to next su&pervision agenda"
FLAGS_AGENDA_REMOVE = "Take off the next su&pervision agenda"
FLAGS_AGENDA_ADD_NAME = "Add this flag to the next supervision agenda"
FLAGS_AGENDA_REMOVE_NAME = "Take this flag off the next supervision agenda"
FLAGS_AGENDA_ADDED = "Added to the agenda for your next supervision."
FLAGS_AGENDA_REMOVED = "Taken off the agenda for your next supervision."
FLAGS_MARKED = "Marked “{label}” as {status}."
FLAGS_NOTE_TITLE_DISCUSSED = "Mark as discussed"
FLAGS_NOTE_TITLE_RESOLVED = "Mark as resolved"
FLAGS_NOTE_PROMPT_DISCUSSED = (
    "“{label}” will be marked as discussed. Add a note if you like, for example what you "
    "talked about or agreed."
)
FLAGS_NOTE_PROMPT_RESOLVED = (
    "“{label}” will be marked as resolved. Add a note if you like, for example what changed."
)
FLAGS_SAVE_FAILED = "That change could not be saved ({error}). Nothing was lost; try again."
FLAGS_NO_ENTRY = "This flag is not about one entry."

FLAGS_HEADER_NAME = "Flags list columns"
FLAGS_ROWS_NAME = "Flags list rows"

# --- warning-sign flags: live panel in the flows (gui/flag_panel.py) --------
FLAG_PANEL_NONE = "Nothing to pause on so far."
FLAG_PANEL_SOME = "{count} possible warning {signs}. They never stop you saving."
FLAG_PANEL_DISMISS = "Dismiss"
FLAG_PANEL_DISMISS_NAME = "Dismiss “{label}”"
FLAG_PANEL_DISMISS_TITLE = "Dismiss this flag"
FLAG_PANEL_DISMISS_PROMPT = (
    "Hide “{label}” while you write this? A note helps you and your supervisor later (optional)."
)
FLAG_PANEL_CARD_NAME = "{label}: {words}"

# Stored as the note of a flag someone dismissed while writing and left no note on.
FLAG_PANEL_DISMISSED_NOTE = "Dismissed while writing, without a note."

# --- flags on every save: re-check at once (gui/flag_sync.py) ---------------
FLAG_SYNC_FAILED = "Flags could not be checked just now ({error}). Check again on the Flags page."

__all__ = [
    "FLAGS_AGENDA_ADD",
    "FLAGS_AGENDA_ADDED",
    "FLAGS_AGENDA_ADD_NAME",
    "FLAGS_AGENDA_REMOVE",
    "FLAGS_AGENDA_REMOVED",
    "FLAGS_AGENDA_REMOVE_NAME",
    "FLAGS_ALL_SIGNS",
    "FLAGS_CHECKED",
    "FLAGS_CHECKING",
    "FLAGS_CHECK_FAILED",
    "FLAGS_COLUMNS",
    "FLAGS_COUNT",
    "FLAGS_COUNT_NONE",
    "FLAGS_EMPTY_FILTERED",
    "FLAGS_EMPTY_OPEN",
    "FLAGS_FROM_PAPER",
    "FLAGS_HEADER_NAME",
    "FLAGS_LOCKED",
    "FLAGS_MARKED",
    "FLAGS_NOTE_LINE",
    "FLAGS_NOTE_PROMPT_DISCUSSED",
    "FLAGS_NOTE_PROMPT_RESOLVED",
    "FLAGS_NOTE_TITLE_DISCUSSED",
    "FLAGS_NOTE_TITLE_RESOLVED",
    "FLAGS_NO_ENTRY",
    "FLAGS_ON_AGENDA",
    "FLAGS_PAGE_TITLE",
    "FLAGS_ROWS_NAME",
    "FLAGS_SAVE_FAILED",
    "FLAGS_SELECT_ONE",
    "FLAGS_STATUS_LINE",
    "FLAGS_STATUS_OPTIONS",
    "FLAGS_WHAT",
    "FLAGS_WHY_PAPER",
    "FLAGS_WHY_WORDS",
    "FLAG_AND_MORE",
    "FLAG_MODEL_WHY",
    "FLAG_PANEL_CARD_NAME",
    "FLAG_PANEL_DISMISS",
    "FLAG_PANEL_DISMISSED_NOTE",
    "FLAG_PANEL_DISMISS_NAME",
    "FLAG_PANEL_DISMISS_PROMPT",
    "FLAG_PANEL_DISMISS_TITLE",
    "FLAG_PANEL_NONE",
    "FLAG_PANEL_SOME",
    "FLAG_PATTERN_EXPLANATION",
    "FLAG_PATTERN_HOURS_EVIDENCE",
    "FLAG_PATTERN_HOURS_WHY",
    "FLAG_PATTERN_REPEAT_EVIDENCE",
    "FLAG_PATTERN_REPEAT_WHY",
    "FLAG_PATTERN_SHARE_EVIDENCE",
    "FLAG_PATTERN_SHARE_WHY",
    "FLAG_PLAN_HELP",
    "FLAG_PLAN_LABEL",
    "FLAG_PLAN_LEVEL_EXPLANATION",
    "FLAG_PLAN_PHRASE_EVIDENCE",
    "FLAG_PLAN_PHRASE_EXPLANATION",
    "FLAG_SOURCE_KICKERS",
    "FLAG_SOURCE_LABELS",
    "FLAG_STATUS_LABELS",
    "FLAG_SYNC_FAILED",
    "FLAG_TEXT_EXPLANATION",
    "FLAG_TEXT_WHY_DEFAULT",
    "FLAG_TICKED_EVIDENCE",
    "FLAG_TICKED_EXPLANATION",
]
