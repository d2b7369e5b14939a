"""The journal: the Journal page (list, entry, editor, bin, import, export) and Trends."""

# Journal page (gui/journal.py, journal_models.py, entry_view.py).
JOURNAL_PAGE_TITLE = "Journal"
JOURNAL_LOCKED = "Your journal is locked. Unlock it to read your entries."
JOURNAL_NO_ENTRIES = (
    "No entries yet. Choose New entry (Ctrl+N) to write one, or Import to add entries from a file."
)
JOURNAL_NO_MATCHES = "No entries match. Try fewer words, or clear the filters."
JOURNAL_BIN_EMPTY = "The bin is empty."
JOURNAL_CHOOSE = "Choose an entry in the list to read it here."
JOURNAL_ENTRY_WORD = "entry"
JOURNAL_ENTRIES_WORD = "entries"
JOURNAL_COUNT_ALL = "{n} {entries}"
JOURNAL_COUNT_SHOWN = "{n} of {total} {entries} shown"
JOURNAL_COUNT_BIN = (
    "Bin: {n} {entries}. Each is deleted for good 30 days after it was put in the bin."
)
JOURNAL_COL_DATE = "Date"
JOURNAL_COL_KIND = "Kind"
JOURNAL_COL_TITLE = "Title"
JOURNAL_COL_AUDIENCE = "Shared with"
JOURNAL_COL_CLIENT = "Client"
JOURNAL_COL_TAGS = "Tags"
JOURNAL_COL_FLAGS = "Flags"
JOURNAL_COL_DAYS_LEFT = "Days left"
JOURNAL_DAYS_LEFT = "{n} days"
JOURNAL_FLAGS_SPOKEN = "{n} open flag{s}"
JOURNAL_NO_FLAGS_SPOKEN = "No open flags"
JOURNAL_NO_AUDIENCE_SPOKEN = "Not about a share"
JOURNAL_NO_ALIAS_SPOKEN = "No client alias"
JOURNAL_NO_TAGS_SPOKEN = "No tags"
JOURNAL_UNTITLED = "(untitled)"
JOURNAL_KIND_NAMES = {
    "preparation": "Preparation",
    "before_check": "Check before sharing",
    "after_reflection": "Reflection after sharing",
    "journal": "Journal entry",
}
JOURNAL_KIND_SHORT = {
    "preparation": "Preparation",
    "before_check": "Check",
    "after_reflection": "Reflection",
    "journal": "Journal",
}
JOURNAL_KIND_FILTER = {
    "preparation": "Preparations",
    "before_check": "Checks before sharing",
    "after_reflection": "Reflections after sharing",
    "journal": "Journal entries",
}
JOURNAL_ALL_KINDS = "All kinds"
JOURNAL_AUDIENCE_NAMES = {
    "client": "A client",
    "employer": "An employer",
    "ips_team": "The IPS team",
    "clinical_team": "The clinical team",
}
JOURNAL_AUDIENCE_SHORT = {
    "client": "Client",
    "employer": "Employer",
    "ips_team": "IPS team",
    "clinical_team": "Clinical",
}
JOURNAL_AUDIENCE_FILTER = {
    "client": "With clients",
    "employer": "With employers",
    "ips_team": "With the IPS team",
    "clinical_team": "With the clinical team",
}
JOURNAL_ANYONE = "With anyone"
JOURNAL_NO_AUDIENCE = "Not about a share"
JOURNAL_ALL_TAGS = "All tags"
JOURNAL_TAG_ITEM = "{tag} ({n})"
JOURNAL_PERIODS = {
    "any": "Any time",
    "7": "Last 7 days",
    "30": "Last 30 days",
    "90": "Last 3 months",
    "365": "Last 12 months",
    "custom": "Between dates",
}
JOURNAL_ENTRY_SPOKEN = "{kind}"
JOURNAL_FACT_AUDIENCE = "Shared with"
JOURNAL_FACT_ALIAS = "Client alias"
JOURNAL_FACT_PLAN = "From my plan"
JOURNAL_FACT_TAGS = "Tags"
JOURNAL_FACT_SUPERVISION = "Supervision"
JOURNAL_FACT_EDITED = "Last edited"
JOURNAL_SUPERVISION_YES = "To bring to supervision"
JOURNAL_SUPERVISION_NO = "Not marked for supervision"
JOURNAL_PLAN_EXPERIENCE_UNKNOWN = "an experience from your sharing plan"
JOURNAL_IN_BIN = "In the bin since {day}: deleted for good in {days} day{s} unless you restore it."
JOURNAL_LIGHT = "Traffic light: {headline}"
JOURNAL_REFLECTION_AFTER = "Reflection afterwards:"
JOURNAL_NO_REFLECTION = "No reflection on this share yet."
JOURNAL_FOLLOWS_CHECK = "Follows the check:"
JOURNAL_REASONS = "Reasons for sharing"
JOURNAL_SIGNS = "Warning signs ticked"
JOURNAL_FLAGS = "Flags to reflect on"
JOURNAL_FLAG_LINE = "{sign}: {status}, {source}"
JOURNAL_ASSESSMENT = "What the check said"
JOURNAL_NOTES = "Notes"
JOURNAL_ANSWERS = "Answers"
JOURNAL_YES_NO_UNSURE = {
    "yes": "Yes",
    "no": "No",
    "unsure": "Not sure",
}
JOURNAL_SCALE_VALUE = "{value} out of 5"
JOURNAL_SCALE_ENDS = "(1 is “{low}”, 5 is “{high}”)"
JOURNAL_NONE = "(none)"
JOURNAL_NOT_ANSWERED = "Not answered"
JOURNAL_EDITOR_NEW = "New journal entry"
JOURNAL_EDITOR_EDIT = "Edit this {kind}"
JOURNAL_NEED_TEXT = "Write a title or some notes first; an empty entry is not saved."
JOURNAL_SAVE_FAILED_TITLE = "The entry was not saved"
JOURNAL_GONE = "That entry is no longer in your vault."
JOURNAL_DISCARD_TITLE = "Discard your changes?"
JOURNAL_DISCARD_ASK = "You have changes in the editor that are not saved. Discard them?"
JOURNAL_DRAFT_NOUN = "journal entry"
JOURNAL_DRAFT_KEPT = "Your unsaved journal entry is still in the editor."
JOURNAL_DRAFT_BACK = "Your unfinished journal entry is back in the editor."
JOURNAL_UNDO = "Undo"
JOURNAL_REDO = "Redo"
JOURNAL_UNDO_EDIT = "edit entry"
JOURNAL_UNDO_FIELD = {
    "title": "edit title",
    "body": "edit notes",
    "tags": "edit tags",
    "client_alias": "edit client alias",
    "audience": "edit who it was shared with",
}
JOURNAL_UNDO_NEW = "new entry"
JOURNAL_UNDO_DELETE = "move to bin"
JOURNAL_UNDO_RESTORE = "restore from bin"
JOURNAL_UNDO_SUPERVISION_ON = "mark for supervision"
JOURNAL_UNDO_SUPERVISION_OFF = "unmark for supervision"
JOURNAL_DELETE_TITLE = "Move to the bin?"
JOURNAL_DELETE_ASK = (
    "Move {n} {entries} to the bin? You can restore from the bin for {days} days; after "
    "that they are deleted for good. Ctrl+Z undoes this."
)
JOURNAL_DELETE_FOREVER_TITLE = "Delete for good?"
JOURNAL_DELETE_FOREVER_ASK = (
    "Delete {n} {entries} for good? This cannot be undone, and nothing can bring them back."
)
JOURNAL_BINNED = "Moved {n} {entries} to the bin."
JOURNAL_RESTORED = "Restored {n} {entries} from the bin."
JOURNAL_DELETED_FOREVER = "Deleted {n} {entries} for good."
JOURNAL_IMPORT_TITLE = "Import entries"
JOURNAL_IMPORT_FILTER = (
    "Journal file saved by IPS Reflect, for moving entries between computers (*.json);;"
    "All files (*)"
)
JOURNAL_IMPORTING = "Importing entries…"
JOURNAL_IMPORTED = "Imported {n} {entries}."
JOURNAL_IMPORT_SKIPPED = "{n} {entries} already in your vault {were} skipped."
JOURNAL_IMPORT_FAILED_TITLE = "Nothing was imported"
JOURNAL_IMPORT_PROBLEMS = (
    "{file} has {n} problem(s); nothing was imported. Fix them and import the file again."
)
JOURNAL_MORE_PROBLEMS = "… and {n} more."
JOURNAL_EXPORT_MENU = "Export entries"
JOURNAL_EXPORT_ALL_JSON = "All entries, as a file to move your journal to another computer (JSON)…"
JOURNAL_EXPORT_ALL_MD = "All entries, as plain text for other apps (Markdown)…"
JOURNAL_EXPORT_SEL_JSON = "Selected entries, as a file to move to another computer (JSON)…"
JOURNAL_EXPORT_SEL_MD = "Selected entries, as plain text for other apps (Markdown)…"
JOURNAL_EXPORT_SEL_PDF = "Selected entries, as a PDF to read or print…"
JOURNAL_EXPORT_TITLE = "Export entries"
JOURNAL_EXPORT_FILTERS = {
    "json": "Journal file to move your entries to another computer (*.json)",
    "md": "Plain text for other apps, such as a word processor (*.md)",
    "pdf": "PDF to read or print (*.pdf)",
}
JOURNAL_FORMAT_NAMES = {
    "json": "file to move your journal to another computer (JSON)",
    "md": "plain text file for other apps (Markdown)",
    "pdf": "PDF",
}
JOURNAL_EXPORT_NOTHING = "Select one or more entries in the list first."
JOURNAL_PLAINTEXT_TITLE = "This file will not be encrypted"
JOURNAL_PLAINTEXT_WARNING = (
    "You are about to save {n} {entries} as a {format}. The file is NOT encrypted: "
    "anyone who can open it can read these entries. Keep it somewhere private and delete "
    "it when you no longer need it."
)
JOURNAL_EXPORTING = "Saving as a {format}…"
JOURNAL_EXPORTED = "Exported {n} {entries} to {file}. That file is not encrypted."
JOURNAL_EXPORT_FAILED_TITLE = "The file was not written"
JOURNAL_EXPORT_NO_FOLDER = "The folder {folder} does not exist; choose another place."
JOURNAL_EXPORT_UNWRITABLE = "{file} could not be written ({problem}). Choose another place."
JOURNAL_UNEXPECTED = (
    "Something went wrong ({kind}). Nothing was changed in your vault; please try again."
)
JOURNAL_PROGRESS_TITLE = "Please wait"

JOURNAL_TITLE_WITH_MATCH = "{title}. Matching words: {snippet}"

# The editor beside the live warning-sign panel (gui/journal_flags.py).
JOURNAL_EDITOR_SPLIT_NAME = "Entry editor and warning signs while you write"

# Trends (core/trends.py): the words under each chart, read by screen readers too.
TRENDS_ONCE = "once"
TRENDS_TWICE = "twice"
TRENDS_N_TIMES = "{n} times"
TRENDS_AND = "and"
TRENDS_PERIOD_WORDS = "the last {n} {unit}"
TRENDS_AUDIENCE_WITH = {
    "client": "with clients",
    "employer": "with employers",
    "ips_team": "with the IPS team",
    "clinical_team": "with the clinical team",
    "none": "without saying who with",
}
TRENDS_SHARES = "In {period} you shared {times}: {parts}."
TRENDS_SHARES_PART = "{n} {who}"
TRENDS_SHARES_NONE = (
    "You have not recorded a share in {period}. Each reflection after sharing counts as a "
    "share, and so does each check before sharing that has no reflection yet."
)
TRENDS_BUSIEST = "The busiest was {bucket}, with {n} shares."
TRENDS_WEEK_OF = "the week of {label}"
TRENDS_MONTH_OF = "{label}"
TRENDS_SIGNS = "In {period}, {n} {signs} came up: {parts}."
TRENDS_SIGN_ONE = "warning sign"
TRENDS_SIGN_MANY = "warning signs"
TRENDS_SIGN_PART = "{sign} {times}"
TRENDS_OTHER_SIGNS = "other signs"
TRENDS_SIGNS_NOT_VERDICT = "Each one is a prompt for reflection, not a verdict."
TRENDS_SIGNS_NONE = "No warning signs came up in {period}."
TRENDS_REASONS_TOP = (
    "Across {shares} share{s} in {period}, the reason you gave most often was “{reason}” ({times})."
)
TRENDS_REASONS_THEN = "Then came {rest}."
TRENDS_REASON_PART = "“{reason}” ({n})"
TRENDS_REASONS_NONE = "No positive reasons were recorded for shares in {period}."
TRENDS_RATINGS = (
    "You rated how {n} share{s} went in {period}: {parts}. On average, {average} out of 5."
)
TRENDS_RATED_WELL = "{n} went well (4 or 5)"
TRENDS_RATED_MIDDLE = "{n} went so-so (3)"
TRENDS_RATED_BADLY = "{n} went badly (1 or 2)"
TRENDS_RATINGS_NONE = "None of your reflections in {period} says how the share went yet."

# Trends page (gui/trends.py).
TRENDS_PAGE_TITLE = "Trends"
TRENDS_PERIOD_NAMES = {
    "4w": "Last 4 weeks",
    "12w": "Last 12 weeks",
    "6m": "Last 6 months",
    "12m": "Last 12 months",
}
TRENDS_SHARES_TITLE_WEEK = "Shares per week, by who with"
TRENDS_SHARES_TITLE_MONTH = "Shares per month, by who with"
TRENDS_SIGNS_TITLE = "Warning signs over time"
TRENDS_REASONS_TITLE = "Positive reasons given"
TRENDS_RATINGS_TITLE = "How shares went"
TRENDS_AXIS_SHARES = "Shares"
TRENDS_AXIS_SIGNS = "Signs"
TRENDS_AXIS_TIMES = "Times given"
TRENDS_AXIS_REFLECTIONS = "Reflections"
TRENDS_AUDIENCE_LEGEND = {
    "client": "Clients",
    "employer": "Employers",
    "ips_team": "IPS team",
    "clinical_team": "Clinical team",
    "none": "Not said",
}
TRENDS_RATING_AXIS = "1 = {low}, 5 = {high}"
TRENDS_SUMMARY_NAME = "Summary: {title}"
TRENDS_CHART_NAME = "Chart: {title}. The summary below says the same in words."

__all__ = [
    "JOURNAL_ALL_KINDS",
    "JOURNAL_ALL_TAGS",
    "JOURNAL_ANSWERS",
    "JOURNAL_ANYONE",
    "JOURNAL_ASSESSMENT",
    "JOURNAL_AUDIENCE_FILTER",
    "JOURNAL_AUDIENCE_NAMES",
    "JOURNAL_AUDIENCE_SHORT",
    "JOURNAL_BINNED",
    "JOURNAL_BIN_EMPTY",
    "JOURNAL_CHOOSE",
    "JOURNAL_COL_AUDIENCE",
    "JOURNAL_COL_CLIENT",
    "JOURNAL_COL_DATE",
    "JOURNAL_COL_DAYS_LEFT",
    "JOURNAL_COL_FLAGS",
    "JOURNAL_COL_KIND",
    "JOURNAL_COL_TAGS",
    "JOURNAL_COL_TITLE",
    "JOURNAL_COUNT_ALL",
    "JOURNAL_COUNT_BIN",
    "JOURNAL_COUNT_SHOWN",
    "JOURNAL_DAYS_LEFT",
    "JOURNAL_DELETED_FOREVER",
    "JOURNAL_DELETE_ASK",
    "JOURNAL_DELETE_FOREVER_ASK",
    "JOURNAL_DELETE_FOREVER_TITLE",
    "JOURNAL_DELETE_TITLE",
    "JOURNAL_DISCARD_ASK",
    "JOURNAL_DISCARD_TITLE",
    "JOURNAL_DRAFT_BACK",
    "JOURNAL_DRAFT_KEPT",
    "JOURNAL_DRAFT_NOUN",
    "JOURNAL_EDITOR_EDIT",
    "JOURNAL_EDITOR_NEW",
    "JOURNAL_EDITOR_SPLIT_NAME",
    "JOURNAL_ENTRIES_WORD",
    "JOURNAL_ENTRY_SPOKEN",
    "JOURNAL_ENTRY_WORD",
    "JOURNAL_EXPORTED",
    "JOURNAL_EXPORTING",
    "JOURNAL_EXPORT_ALL_JSON",
    "JOURNAL_EXPORT_ALL_MD",
    "JOURNAL_EXPORT_FAILED_TITLE",
    "JOURNAL_EXPORT_FILTERS",
    "JOURNAL_EXPORT_MENU",
    "JOURNAL_EXPORT_NOTHING",
    "JOURNAL_EXPORT_NO_FOLDER",
    "JOURNAL_EXPORT_SEL_JSON",
    "JOURNAL_EXPORT_SEL_MD",
    "JOURNAL_EXPORT_SEL_PDF",
    "JOURNAL_EXPORT_TITLE",
    "JOURNAL_EXPORT_UNWRITABLE",
    "JOURNAL_FACT_ALIAS",
    "JOURNAL_FACT_AUDIENCE",
    "JOURNAL_FACT_EDITED",
    "JOURNAL_FACT_PLAN",
    "JOURNAL_FACT_SUPERVISION",
    "JOURNAL_FACT_TAGS",
    "JOURNAL_FLAGS",
    "JOURNAL_FLAGS_SPOKEN",
    "JOURNAL_FLAG_LINE",
    "JOURNAL_FOLLOWS_CHECK",
    "JOURNAL_FORMAT_NAMES",
    "JOURNAL_GONE",
    "JOURNAL_IMPORTED",
    "JOURNAL_IMPORTING",
    "JOURNAL_IMPORT_FAILED_TITLE",
    "JOURNAL_IMPORT_FILTER",
    "JOURNAL_IMPORT_PROBLEMS",
    "JOURNAL_IMPORT_SKIPPED",
    "JOURNAL_IMPORT_TITLE",
    "JOURNAL_IN_BIN",
    "JOURNAL_KIND_FILTER",
    "JOURNAL_KIND_NAMES",
    "JOURNAL_KIND_SHORT",
    "JOURNAL_LIGHT",
    "JOURNAL_LOCKED",
    "JOURNAL_MORE_PROBLEMS",
    "JOURNAL_NEED_TEXT",
    "JOURNAL_NONE",
    "JOURNAL_NOTES",
    "JOURNAL_NOT_ANSWERED",
    "JOURNAL_NO_ALIAS_SPOKEN",
    "JOURNAL_NO_AUDIENCE",
    "JOURNAL_NO_AUDIENCE_SPOKEN",
    "JOURNAL_NO_ENTRIES",
    "JOURNAL_NO_FLAGS_SPOKEN",
    "JOURNAL_NO_MATCHES",
    "JOURNAL_NO_REFLECTION",
    "JOURNAL_NO_TAGS_SPOKEN",
    "JOURNAL_PAGE_TITLE",
    "JOURNAL_PERIODS",
    "JOURNAL_PLAINTEXT_TITLE",
    "JOURNAL_PLAINTEXT_WARNING",
    "JOURNAL_PLAN_EXPERIENCE_UNKNOWN",
    "JOURNAL_PROGRESS_TITLE",
    "JOURNAL_REASONS",
    "JOURNAL_REDO",
    "JOURNAL_REFLECTION_AFTER",
    "JOURNAL_RESTORED",
    "JOURNAL_SAVE_FAILED_TITLE",
    "JOURNAL_SCALE_ENDS",
    "JOURNAL_SCALE_VALUE",
    "JOURNAL_SIGNS",
    "JOURNAL_SUPERVISION_NO",
    "JOURNAL_SUPERVISION_YES",
    "JOURNAL_TAG_ITEM",
    "JOURNAL_TITLE_WITH_MATCH",
    "JOURNAL_UNDO",
    "JOURNAL_UNDO_DELETE",
    "JOURNAL_UNDO_EDIT",
    "JOURNAL_UNDO_FIELD",
    "JOURNAL_UNDO_NEW",
    "JOURNAL_UNDO_RESTORE",
    "JOURNAL_UNDO_SUPERVISION_OFF",
    "JOURNAL_UNDO_SUPERVISION_ON",
    "JOURNAL_UNEXPECTED",
    "JOURNAL_UNTITLED",
    "JOURNAL_YES_NO_UNSURE",
    "TRENDS_AND",
    "TRENDS_AUDIENCE_LEGEND",
    "TRENDS_AUDIENCE_WITH",
    "TRENDS_AXIS_REFLECTIONS",
    "TRENDS_AXIS_SHARES",
    "TRENDS_AXIS_SIGNS",
    "TRENDS_AXIS_TIMES",
    "TRENDS_BUSIEST",
    "TRENDS_CHART_NAME",
    "TRENDS_MONTH_OF",
    "TRENDS_N_TIMES",
    "TRENDS_ONCE",
    "TRENDS_OTHER_SIGNS",
    "TRENDS_PAGE_TITLE",
    "TRENDS_PERIOD_NAMES",
    "TRENDS_PERIOD_WORDS",
    "TRENDS_RATED_BADLY",
    "TRENDS_RATED_MIDDLE",
    "TRENDS_RATED_WELL",
    "TRENDS_RATINGS",
    "TRENDS_RATINGS_NONE",
    "TRENDS_RATINGS_TITLE",
    "TRENDS_RATING_AXIS",
    "TRENDS_REASONS_NONE",
    "TRENDS_REASONS_THEN",
    "TRENDS_REASONS_TITLE",
    "TRENDS_REASONS_TOP",
    "TRENDS_REASON_PART",
    "TRENDS_SHARES",
    "TRENDS_SHARES_NONE",
    "TRENDS_SHARES_PART",
    "TRENDS_SHARES_TITLE_MONTH",
    "TRENDS_SHARES_TITLE_WEEK",
    "TRENDS_SIGNS",
    "TRENDS_SIGNS_NONE",
    "TRENDS_SIGNS_NOT_VERDICT",
    "TRENDS_SIGNS_TITLE",
    "TRENDS_SIGN_MANY",
    "TRENDS_SIGN_ONE",
    "TRENDS_SIGN_PART",
    "TRENDS_SUMMARY_NAME",
    "TRENDS_TWICE",
    "TRENDS_WEEK_OF",
]
