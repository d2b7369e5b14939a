"""User-facing sentences that are not question content.

Question wording lives in ``content/*.yaml``; window layouts and their labels in
``ui/*.ui``. Everything else a person reads (errors, confirmations, status
lines) is defined here, grouped by area, so it can be reviewed in one place.
Keep each message a full sentence: what happened, and what to do.
"""

from __future__ import annotations

# --- app shell --------------------------------------------------------------

APP_TITLE = "IPS Reflect"

# --- gui shell --------------------------------------------------------------

GUI_PRIVACY_NOTE = "Private: everything stays on this computer."
GUI_PAGE_GUIDE = "Guide"
GUI_PAGE_SHORTCUT_TIP = "{title} ({shortcut})"
GUI_THEME_NAMES = {"light": "Light", "dark": "Dark", "high_contrast": "High contrast"}
GUI_THEME_CHANGED = "Theme: {name}."
GUI_TEXT_SIZE_CHANGED = "Text size: {size} points."
GUI_TEXT_SIZE_LIMIT_LARGE = "Text is already at the largest size ({size} points)."
GUI_TEXT_SIZE_LIMIT_SMALL = "Text is already at the smallest size ({size} points)."
GUI_SETTINGS_NOT_SAVED = (
    "Your display settings could not be saved ({reason}). They will apply until you "
    "close IPS Reflect; check that the data folder {folder} can be written to."
)
GUI_ABOUT_VERSION = "Version {version}"

GUI_CONTENT_ERROR_TITLE = "IPS Reflect cannot open its question packs"
GUI_CONTENT_ERROR_FIRST = "The first problems:"
GUI_CONTENT_ERROR_MORE = "…and {count} more."
GUI_CONTENT_ERROR_HINT = (
    "Run 'ips-reflect content check' in a terminal to see every problem, fix the "
    "files listed, then open IPS Reflect again."
)
GUI_USER_ERROR_TITLE = "IPS Reflect"
GUI_UNEXPECTED_ERROR_TITLE = "Something went wrong"
GUI_UNEXPECTED_ERROR = (
    "An unexpected problem stopped that action ({kind}). Nothing you wrote has been sent "
    "anywhere. Set IPS_REFLECT_DEBUG=1 and start IPS Reflect again to see the technical "
    "details, and please report them."
)

# Guide page.
GUIDE_ALL_TYPES = "Everything"
GUIDE_CLEAR_SEARCH = "Clear the search"
GUIDE_TYPE_OPTION = "{label} ({count})"
GUIDE_COUNT_ALL = "All {total} items"
GUIDE_COUNT_FILTERED = "{shown} of {total} items"
GUIDE_EMPTY = "Nothing matches “{query}”. Try fewer words."
GUIDE_EMPTY_IN_TYPE = "Nothing in {type} matches “{query}”. Try fewer words, or show Everything."
GUIDE_EMPTY_TYPE_ONLY = "There are no {type} in the Guide."
GUIDE_FROM_PAPER = "From the paper: {source}"
GUIDE_IN = "In {pack} › {section}"
GUIDE_EXAMPLES = "Examples"
GUIDE_HOW_ANSWERED = "How you answer"
GUIDE_APPLIES_TO = "Who it applies to"
GUIDE_AUDIENCES = "When sharing with: {names}."
GUIDE_AUDIENCES_ALL = "When sharing with anyone: clients, employers and colleagues."
GUIDE_GROUPS = "For: {names}."
GUIDE_GROUPS_ALL = "For every practitioner."
GUIDE_QUICK = "Part of the quick check before sharing."
GUIDE_SEE_ALSO = "See also"
GUIDE_IN_THIS_SECTION = "In this section"
GUIDE_IN_THIS_PACK = "In this part"
GUIDE_SECTION_COUNT = "{title} ({count} items)"
GUIDE_WELCOME_TITLE = "Browse the Guide"
GUIDE_WELCOME = (
    "Choose an item on the left to read what it asks, why it matters and where it comes "
    "from in the briefing paper. Type in the search box to find items by any word."
)
GUIDE_WELCOME_PARTS = "What is in it"

GUIDE_ANSWER_KINDS = {
    "text": "In your own words.",
    "yes_no_unsure": "Yes, no or unsure.",
    "scale": "On a scale from 1 to 5.",
    "choice": "By choosing one of the options.",
    "list": "As a short list.",
}
GUIDE_SCALE_ENDS = "1 means “{low}”, 5 means “{high}”."
GUIDE_CHOICES = "Options: {choices}."

# Singular and plural names of each item type, as people read them.
GUIDE_TYPE_NAMES = {
    "question": ("Question", "Questions"),
    "experience_kind": ("Kind of experience", "Kinds of experience"),
    "practitioner_group": ("Practitioner group", "Practitioner groups"),
    "context": ("Who you share with", "Who you share with"),
    "reason": ("Positive reason", "Positive reasons"),
    "warning_sign": ("Warning sign", "Warning signs"),
    "topic": ("Supervision topic", "Supervision topics"),
    "prompt": ("Reflection prompt", "Reflection prompts"),
    "field": ("Biography field", "Biography fields"),
    "check": ("Team lead check", "Team lead checks"),
}

# --- vault: unlock, set-up, recovery, lock ------------------------------------

UNLOCK_EMPTY = "Type your passphrase, then press Enter."
UNLOCK_UNEXPECTED = (
    "The vault could not be opened ({error}). Nothing was changed. "
    "Try again; if it keeps happening, restore your latest backup."
)
SETUP_UNEXPECTED = (
    "The vault could not be created ({error}). Nothing was saved. "
    "Check that the data folder can be written to and try again."
)
RECOVERY_EMPTY = "Type the recovery code you wrote down at set-up."
RECOVERY_CONFIRM_HINT = "Type the first group exactly as shown: {group}"
LOCKED_IDLE = "IPS Reflect locked itself after {minutes} minutes without use."
LOCKED_BY_REQUEST = "IPS Reflect is locked."
LOCK_BACKUP_FAILED = (
    "The automatic backup could not be made this time; your earlier backups are kept."
)

# --- vault: storage, backups and the command line ---------------------------

VAULT_MISSING = (
    "No vault in {dir} yet. Run 'ips-reflect init' first (or give your vault's folder "
    "with --data-dir)."
)
VAULT_EXISTS = (
    "There is already a vault in {dir}; nothing was changed. To make a separate vault, "
    "choose another folder with --data-dir."
)
VAULT_DIR_UNUSABLE = (
    "The data folder {dir} cannot be created or used ({problem}). Choose another folder "
    "with --data-dir."
)
VAULT_WRONG_PASSPHRASE = (
    "That passphrase does not open this vault. Check it and try again, or use your "
    "recovery code with 'ips-reflect recover'."
)
VAULT_WRONG_RECOVERY_CODE = (
    "That recovery code does not open this vault. Check each group of four against what "
    "you wrote down and try again."
)
VAULT_LOCKED = "The vault is locked. Unlock it with your passphrase and try again."
VAULT_HEADER_MISSING = (
    "The vault in {dir} has its database but no header.json, so it cannot be unlocked. "
    "Restore a backup with 'ips-reflect restore FILE'."
)
VAULT_HEADER_DAMAGED = (
    "The vault header {where} is damaged ({problem}). Restore a backup with "
    "'ips-reflect restore FILE'."
)
VAULT_HEADER_NEWER = (
    "The vault header {where} is format version {version}, written by a newer IPS Reflect. "
    "Update IPS Reflect to open this vault."
)
VAULT_HEADER_UNREADABLE = (
    "The vault header {where} cannot be read ({problem}). Check that the folder belongs "
    "to you and try again."
)
VAULT_DB_MISSING = (
    "The vault in {dir} has a header but no vault.db. Restore a backup with "
    "'ips-reflect restore FILE'."
)
VAULT_DB_UNREADABLE = (
    "{path} cannot be read with this vault's key: the file is damaged or does not belong "
    "with header.json. Restore a backup with 'ips-reflect restore FILE'."
)
VAULT_SCHEMA_NEWER = (
    "The vault in {dir} was last used by a newer IPS Reflect (database version {found}; "
    "this version knows up to {known}). Update IPS Reflect to open it."
)
VAULT_BACKUP_NO_FOLDER = "The folder {folder} does not exist; create it or choose another place."
VAULT_BACKUP_WRITE_FAILED = (
    "The backup could not be written to {file} ({problem}). Check there is space and "
    "that you may write there, then try again."
)
VAULT_BACKUP_MISSING = "There is no backup file at {file}. Check the name and try again."
VAULT_BACKUP_NOT_BACKUP = (
    "{file} is not an IPS Reflect backup. Choose a file made with 'ips-reflect backup' "
    "(or one from the backups folder)."
)
VAULT_BACKUP_DAMAGED = (
    "The backup {file} is damaged and was not restored; your vault is unchanged. "
    "Try an older backup."
)
VAULT_BACKUP_NEWER = (
    "The backup {file} was made by a newer IPS Reflect; update IPS Reflect to restore it. "
    "Your vault is unchanged."
)
VAULT_BACKUP_WRONG_PASSPHRASE = (
    "That passphrase does not open the backup {file}; your vault is unchanged. Use the "
    "passphrase you had when the backup was made, or that time's recovery code with "
    "--recovery-code."
)
VAULT_BACKUP_WRONG_RECOVERY_CODE = (
    "That recovery code does not open the backup {file}; your vault is unchanged. Use "
    "the recovery code you had when the backup was made."
)
VAULT_RESTORE_SWAP_FAILED = (
    "The restore could not be finished ({problem}); your vault was put back as it was. "
    "Check the folder's permissions and free space, then try again."
)
VAULT_BUSY = (
    "The vault in {dir} is in use by {holder}, so nothing was done. Close it (or wait "
    "for it to finish), then try again."
)
VAULT_LOCK_HOLDER = "{holder} (process {pid}, since {since})"
VAULT_REKEY_FAILED = (
    "The vault in {dir} could not be given its new key ({problem}); your passphrase and "
    "recovery code are unchanged and nothing was lost. Free some disk space or check the "
    "drive, then try again."
)
VAULT_BACKUP_EMPTY = (
    "The backup {file} holds an empty database, not a vault, so it was not restored; your "
    "vault is unchanged. Try another backup."
)
VAULT_BACKUP_REFUSED = (
    "The backup {file} was not opened: {problem}. Your vault is unchanged. Use a backup "
    "made by IPS Reflect."
)
VAULT_DISK_FULL = (
    "The vault in {dir} could not be {doing}: the disk is full. Nothing was changed. Free "
    "some space (empty the bin, move large files), then try again."
)
VAULT_DISK_READONLY = (
    "The vault in {dir} could not be {doing}: the folder is on a read-only drive. Nothing "
    "was changed. Copy the folder to a drive you can write to, or open it there, and try "
    "again."
)
VAULT_DISK_DENIED = (
    "The vault in {dir} could not be {doing}: you are not allowed to write in that folder. "
    "Nothing was changed. Check that the folder belongs to you, then try again."
)
VAULT_DISK_BUSY = (
    "The vault in {dir} could not be {doing}: another program is using its database right "
    "now. Nothing was changed. Wait a moment, close other copies of IPS Reflect, then try "
    "again."
)
VAULT_DISK_IO = (
    "The vault in {dir} could not be {doing}: the drive reported a read or write error. "
    "Nothing was changed. Check the drive (or copy the folder elsewhere), then try again."
)
VAULT_LOCK_FAILED = (
    "The vault in {dir} could not be locked for use ({problem}); nothing was done. Check "
    "that the folder belongs to you and that the disk is not full, then try again."
)

# --- biography and team -------------------------------------------------------

TEAM_NO_CARDS = (
    "There are no biography cards (.yaml files) in {folder}. Put one card per person "
    "in that folder and run the command again."
)
TEAM_NO_VALID_CARDS = (
    "None of the {total} cards in {folder} can be used, so no booklet was written. "
    "Fix the lines listed above and run the command again."
)
TEAM_INVALID_CARDS = (
    "{bad} of {total} cards {have} problems, so no booklet was written. Fix the lines "
    "listed above, or run again with --skip-invalid to leave those cards out."
)
TEAM_SKIPPED = "Left out {bad} card{s} with problems (listed above): {names}."
TEAM_WROTE = "Wrote {file}: {people} {people_word}, {pages} page{pages_s}."
BOOKLET_NOT_PDF = "The booklet will be a PDF, so give a file name ending in .pdf (you gave {file})."
LOCK_AFTER_CHOICE = "{minutes} min without use"
LOCK_AFTER_SET = "IPS Reflect will lock after {minutes} minutes without use."

# --- reflection flows ----------------------------------------------------------

# The traffic light (core/check.py). Own words, after the paper's Boxes 2 and 3.
CHECK_LIGHT_GREEN = "Green"
CHECK_LIGHT_AMBER = "Amber"
CHECK_LIGHT_RED = "Red"
CHECK_HEADLINE_GREEN = "Green: go ahead"
CHECK_HEADLINE_AMBER = "Amber: go gently"
CHECK_HEADLINE_RED = "Red: pause and think again"
CHECK_ADVICE_GREEN = (
    "Go ahead. Keep it brief, and keep the focus on them and what they want from work."
)
CHECK_ADVICE_AMBER = (
    "Start small: share a little, then check back with the person about how it landed. "
    "If you are in two minds, talk it over with a colleague or your supervisor first."
)
CHECK_ADVICE_RED = (
    "Pause. Consider not sharing this now, and bring it to supervision so you can think "
    "it through with someone. It is your decision: you can still save this check and go on."
)
CHECK_REASON_BRIEF_PLAN = "Keep to the outline you planned."
CHECK_REASON_SERIOUS_SIGN = (
    "You ticked “{label}”, a warning sign that a professional boundary is at stake."
)
CHECK_REASON_SIGN = "You ticked the warning sign “{label}”."
CHECK_REASON_NO = "You answered no to “{label}”."
CHECK_REASON_UNSURE = "You are unsure about “{label}”."
CHECK_REASON_ALL_CLEAR = (
    "Nothing in your answers, the warning signs or your sharing plan asks you to hold back."
)
CHECK_NOTE_UNANSWERED = "{count} of the {total} key questions {are} not answered yet."
CHECK_NOTE_REASONS = "Your reasons for sharing: {labels}."
CHECK_RULE_RED = (
    "Red when it would not do them any good, or not help a client get or keep work; when "
    "your sharing plan says never or not now for this audience; when you are not all right "
    "today or it would take you outside your role; or when a serious warning sign is "
    "ticked or found in your own words (unless you dismissed it with a note)."
)
CHECK_RULE_AMBER = (
    "Amber when you are unsure about a key question, answer no to any other question, think "
    "it may be better left unsaid, pick no positive reason, tick or write about another "
    "warning sign, or your plan says to share this only briefly."
)
CHECK_RULE_GREEN = "Green only when none of that applies."
CHECK_RULE_NEVER_BLOCKS = (
    "The light is a prompt to think, never a rule: you can always save the check and go on."
)

# Pages (sidebar titles) and shared words.
FLOW_PAGE_HOME = "Home"
FLOW_PAGE_PREPARE = "Prepare"
FLOW_PAGE_BEFORE = "Before sharing"
FLOW_PAGE_AFTER = "After sharing"
FLOW_YES = "Yes"
FLOW_NO = "No"
FLOW_UNSURE = "Unsure"
FLOW_KEY_HINT = "Press {key} to choose this"
FLOW_CHOOSE = "Choose…"
FLOW_FROM_PAPER = "From the paper: {source}"
FLOW_EXAMPLE = "For example: {example}"
FLOW_LIST_PLACEHOLDER = "One per line"
FLOW_LIST_PLACEHOLDER_EXAMPLES = "One per line, for example: {examples}"
FLOW_NOT_SET = "not given"
FLOW_NOT_FROM_PLAN = "Not from my plan"
FLOW_UNNAMED_EXPERIENCE = "(no words yet)"
FLOW_EXPERIENCE_WITH_LEVEL = "{label} — {level} for {who}"
FLOW_PLAN_NOTE = "Your note in the plan: {notes}"
FLOW_LIGHT_ACCESSIBLE = "Traffic light: {light}"
FLOW_CHANGED_SINCE_SAVE = "Changed since you saved: save again to keep the changes."

# Drafts.
FLOW_NOUN_CHECK = "check"
FLOW_NOUN_REFLECTION = "reflection"
FLOW_NOUN_PLAN = "plan"
FLOW_DRAFT_OFFER = "Restore your unfinished {noun} from {when}?"
FLOW_DRAFT_RESTORE_ACCESSIBLE = "Restore your unfinished {noun}"
FLOW_DRAFT_DISCARD_ACCESSIBLE = "Discard your unfinished {noun}"

# Home.
FLOW_GOOD_MORNING = "Good morning"
FLOW_GOOD_AFTERNOON = "Good afternoon"
FLOW_GOOD_EVENING = "Good evening"
FLOW_PENDING_NONE = "No shares waiting for a reflection"
FLOW_PENDING_ONE = "1 share to reflect on"
FLOW_PENDING_MANY = "{count} shares to reflect on"
FLOW_PENDING_HINT = (
    "Checks you made before sharing that are still waiting for a reflection. Looking back "
    "while it is fresh is how the learning carries forward. Press Enter on one to start."
)
FLOW_PENDING_EMPTY_HINT = (
    "When you save a check before sharing, it waits here until you have reflected on how it went."
)
FLOW_PENDING_MORE = "… and {count} older ones."
FLOW_PENDING_LIGHT = "{light} light"
FLOW_REFLECT_NOW = "Reflect now"
FLOW_REFLECT_ON_ACCESSIBLE = "Reflect on {title}, checked {when}"
FLOW_HOME_NO_PLAN = (
    "You have no sharing plan yet. Deciding calmly, ahead of time, what you will and will "
    "not share takes about ten minutes, and every check uses it."
)
FLOW_HOME_PLAN = (
    "{count} {experiences} in your plan (version {version}, saved {when}). Revisit it "
    "whenever something changes."
)

# Before sharing.
FLOW_BEFORE_INTRO = (
    "A short check for this person and this moment. Answer what helps; nothing here stops "
    "you. It ends with a traffic light and some plain advice."
)
FLOW_AUDIENCE_CHOOSE = "Choose who you are sharing with"
FLOW_AUDIENCE_CHOOSE_AFTER = "Choose who you shared with"
FLOW_PLAN_PICKER_LABEL = "E&xperience from my plan"
FLOW_PLAN_BANNER_STOP = (
    "You can still go on; the summary will suggest pausing and talking it over first."
)
FLOW_PLAN_BANNER_BRIEF = "Keep to the short version you planned."
FLOW_STEP_WHAT = "What"
FLOW_STEP_WHY = "Why"
FLOW_STEP_WHEN = "When"
FLOW_STEP_HOW = "How"
FLOW_STEP_OKAY = "Okay with me"
FLOW_STEP_SIGNS = "Reasons & signs"
FLOW_STEP_SUMMARY = "Summary"
FLOW_STEP_QUICK = "Quick check"
FLOW_STEP_COUNTER = "Step {n} of {total}"
FLOW_QUICK_TITLE = "Quick check: the key questions"
FLOW_QUICK_INTRO = (
    "For a corridor or the minute before a meeting. Turn Quick mode off for the full check, "
    "with reasons and warning signs."
)
FLOW_SIGNS_TITLE = "Reasons and warning signs"
FLOW_SIGNS_INTRO = (
    "Tick any that apply. Hover or focus a box to read more. A warning sign is a prompt to "
    "think, never a verdict."
)
FLOW_REASONS_HEADING = "Why this could help them"
FLOW_REASONS_ACCESSIBLE = "Positive reasons for sharing"
FLOW_SIGNS_HEADING = "Warning signs I notice"
FLOW_SIGNS_ACCESSIBLE = "Warning signs"
FLOW_SIGNS_SOURCE = "Box 2 — positive reasons and examples of warning signs"
FLOW_SUMMARY_ACCESSIBLE = "The traffic light for this check"
FLOW_SUMMARY_WHY = "What led to this"
FLOW_SUMMARY_THIS_CHECK = "This check"
FLOW_SUMMARY_RULES = "How the light is worked out"
FLOW_DETAIL_AUDIENCE = "Sharing with: {who}"
FLOW_DETAIL_ALIAS = "Client alias: {alias}"
FLOW_DETAIL_EXPERIENCE = "Experience: {what}"
FLOW_BRING_TO_SUPERVISION = "Bring this to s&upervision"
FLOW_BRING_ACCESSIBLE = "Bring this check to supervision"
FLOW_BRING_DESCRIPTION = (
    "Marks the check so it is included when you prepare for supervision. Only entries you "
    "mark are shared there."
)
FLOW_CHECK_TITLE = "Check: {what}"
FLOW_CHECK_TITLE_EMPTY = "Check before sharing"
FLOW_CHECK_SAVED = (
    "Saved at {when}. After you have shared, reflect on how it went: it waits on Home."
)

# After sharing.
FLOW_STANDALONE = "Nothing: a standalone reflection"
FLOW_LINK_TITLE = "{title}, checked {when}"
FLOW_AFTER_SIGNS_HEADING = "Which warning signs did I notice?"
FLOW_AFTER_SIGNS_ACCESSIBLE = "Warning signs I noticed"
FLOW_REFLECTION_TITLE = "Reflection: {what}"
FLOW_REFLECTION_TITLE_EMPTY = "Reflection after sharing"
FLOW_REFLECTION_SAVED = "Saved at {when}. It is in your journal."

# Prepare.
FLOW_NO_EXPERIENCE = (
    "Add an experience to start: name it in your own words, then say how freely you would "
    "share it with clients, employers, your IPS team and the clinical team."
)
FLOW_LEVEL_UNDECIDED = "Not decided yet"
FLOW_KIND_UNSURE = "Not sure yet"
FLOW_TABLE_EXPERIENCE = "Experience"
FLOW_CELL_TIP = "{level} for {who}"
FLOW_LINES_TITLE = "Boundaries and ready-made lines"
FLOW_LINES_INTRO = (
    "What you will not share, and the words you will reach for when a conversation drifts "
    "there. Having them ready makes it easier to stay calm and kind."
)
FLOW_HISTORY_INTRO = (
    "Every time you save, the plan gets a new version and the earlier ones are kept. Choose "
    "one to read it."
)
FLOW_HISTORY_ROW = "Version {version} · {when}"
FLOW_HISTORY_CURRENT = "(current)"
FLOW_HISTORY_NO_EXPERIENCES = "No experiences in this version."
FLOW_HISTORY_ANSWERS = "Box 1 questions"
FLOW_PLAN_NOT_SAVED = "Not saved yet"
FLOW_PLAN_VERSION = "Version {version}, saved {when}"
FLOW_PLAN_UNSAVED = "unsaved changes"
FLOW_PLAN_SAVED = "Saved as version {version} at {when}. Earlier versions are kept."
FLOW_PLAN_FROM_VERSION = (
    "Started from version {version}. Save to make it your newest version; nothing is lost."
)
FLOW_PLAN_ENTRY_TITLE = "Sharing plan, version {version}"

# One entry to PDF.
FLOW_PDF_WARNING_TITLE = "The PDF will not be encrypted"
FLOW_PDF_WARNING = (
    "Anyone who can open the PDF can read it. Keep it somewhere private and delete it when "
    "you no longer need it. Go on?"
)
FLOW_PDF_SAVE_TITLE = "Save as PDF"
FLOW_PDF_FILTER = "PDF files (*.pdf)"
FLOW_PDF_WRITING = "Writing the PDF…"
FLOW_PDF_DONE = "Saved {file}. It is not encrypted: keep it private."
FLOW_PDF_FAILED = "The PDF could not be written ({problem}). Try another folder."

# --- biography and team pages ---------------------------------------------------

# Command line: ips-reflect bio card | bio pdf
BIO_CLI_NONE = (
    "There is no biography in your vault yet. Open IPS Reflect, fill in the Biography "
    "page and press Save, then run this command again."
)
BIO_CLI_REFUSED = (
    "{file} was not written: the {what} is meant to be shared, and {n} thing{s} in your "
    "biography must change first (listed below). Change them on the Biography page and "
    "run the command again."
)
BIO_CLI_NOT_YAML = (
    "A bio card is a .yaml file, so give a file name ending in .yaml (you gave {file})."
)
BIO_CLI_NOT_PDF = (
    "The biography will be a PDF, so give a file name ending in .pdf (you gave {file})."
)
BIO_CLI_IS_FOLDER = "{file} is a folder; give a file name to write to."
BIO_CLI_NO_FOLDER = "The folder {folder} does not exist; create it or choose another place."
BIO_CLI_WRITE_FAILED = (
    "{file} could not be written ({problem}). Check that you may write there and try again."
)
BIO_CLI_WROTE_CARD = "Wrote your bio card to {file}."
BIO_CLI_WROTE_CARD_PHOTO = "Wrote your bio card to {file}, with your photo beside it as {photo}."
BIO_CLI_WROTE_PDF = "Wrote your biography to {file}."
BIO_CLI_NO_CONSENT = (
    "Note: 'I agree this card can go in the team booklet' is not ticked on the Biography "
    "page, so the card says 'consent: false' and the booklet will leave it out until it is."
)
BIO_SHARED_NOTICE = (
    "Note: {file} is NOT encrypted. It is meant to be shared with your team and clients, "
    "so anyone who has the file can read it."
)

# Sidebar names of the two pages.
BIO_PAGE_NAME = "My biography"
TEAM_PAGE_NAME = "Team booklet"

# Biography page.
BIO_NAME_LABEL = "Name"
BIO_NAME_HELP = "Your name as you would like clients and colleagues to see it."
BIO_LIST_HINT = "{text} (one per line)"
BIO_TEMPLATE_NAMES = {
    "warm": "Warm and personal",
    "brief": "Short and simple",
    "work_history": "Work history first",
}
BIO_COUNT = "{words} word{s} · {hint}"
BIO_COUNT_EMPTY = "No biography yet: press “Draft from my answers” or write your own."
BIO_TARGET_OK = "Aim for {low}–{high} words: this is about right."
BIO_TARGET_SHORT = "Aim for {low}–{high} words: a few more help people get to know you."
BIO_TARGET_LONG = "Aim for {low}–{high} words: a little shorter is easier to read."
BIO_DRAFT_REPLACE_TITLE = "Replace your biography?"
BIO_DRAFT_REPLACE = (
    "You have changed the biography since it was drafted. Replace it with a new draft "
    "from your answers? (Ctrl+Z in the text brings your version back.)"
)
BIO_GUARD_CLEAR = (
    "Nothing to remove: no phone numbers, personal e-mail, home address, social media, "
    "or words your sharing plan keeps private."
)
BIO_GUARD_FOUND = "{n} thing{s} to change before you share this:"
BIO_GUARD_ITEM = "{field}: {message}. {advice}."
BIO_GUARD_NO_PLAN = "Save a sharing plan and its private words are checked here too."
BIO_SAVED = "Saved in your vault at {time}."
BIO_UNSAVED = "Changes not saved yet."
BIO_SAVE_FAILED = (
    "Your biography could not be saved ({error}). Your text is still here; press Save to try again."
)
BIO_LOCKED = "Unlock your vault to write your biography."
BIO_PHOTO_CHOOSE_TITLE = "Choose a photo of yourself"
BIO_PHOTO_FILTER = "Photos (*.png *.jpg *.jpeg)"
BIO_PHOTO_BAD_TITLE = "That photo cannot be used"
BIO_PHOTO_BAD = "That photo cannot be used: {reason}."
BIO_PHOTO_NONE = "No photo"
BIO_PHOTO_KEPT = "Kept in your vault, encrypted."
BIO_PHOTO_ADDED = "Photo added; it is kept in your vault, encrypted."
BIO_CARD_SAVE_TITLE = "Save your bio card"
BIO_CARD_FILTER = "Bio cards (*.yaml)"
BIO_PDF_SAVE_TITLE = "Export your biography as a PDF"
BIO_PDF_FILTER = "PDF files (*.pdf)"
BIO_REFUSED_TITLE = "Nothing was written"
BIO_REFUSED = (
    "Your {what} is meant to be shared, so it was not written: {n} thing{s} in your "
    "biography must change first."
)
BIO_WHAT_CARD = "bio card"
BIO_WHAT_PDF = "biography PDF"
BIO_NO_CONSENT_TITLE = "Consent not ticked"
BIO_NO_CONSENT = (
    "“I agree this card can go in the team booklet” is not ticked, so the card will say "
    "so and the booklet will leave it out. Save the card anyway?"
)
BIO_SHARED_TITLE = "Saved, not encrypted"
BIO_CARD_WRITTEN = (
    "Your bio card is saved as {file}{photo}. It is not encrypted: it is meant to be "
    "shared, so put it in your team's shared folder for the booklet."
)
BIO_CARD_PHOTO_PART = ", with your photo beside it as {photo}"
BIO_PDF_WRITTEN = (
    "Your biography is saved as {file}. It is not encrypted: it is meant to be shared, "
    "so anyone who has the file can read it."
)
BIO_EXPORT_FAILED_TITLE = "The file was not written"
BIO_EXPORT_FAILED = "The file could not be written: {error}"
BIO_PDF_BUILDING = "Making your PDF…"
BIO_PREVIEW_EMPTY = "Write or draft your biography to see your page here."
BIO_PREVIEW_BUILDING = "Updating the preview…"

# Team page.
TEAM_CHOOSE_FOLDER_TITLE = "Choose the team's shared folder of bio cards"
TEAM_NO_FOLDER = "No folder chosen yet."
TEAM_FOLDER_SUMMARY = "{valid} of {total} cards ready for the booklet."
TEAM_FOLDER_SUMMARY_BAD = (
    "{valid} of {total} cards ready for the booklet; {bad} {have} problems (marked ✗)."
)
TEAM_COLUMNS = ("Person or file", "Role", "Status", "Problems")
TEAM_STATUS_OK = "✓ Ready"
TEAM_STATUS_BAD = "✗ {n} problem{s}"
TEAM_STATUS_OK_SPOKEN = "Ready for the booklet"
TEAM_STATUS_BAD_SPOKEN = "Not ready: {n} problem{s}"
TEAM_PROBLEMS_NONE = "No problems."
TEAM_PROBLEMS_FOR = "Problems in {file}:"
TEAM_SKIP_TITLE = "Leave out cards with problems?"
TEAM_SKIP = (
    "{n} card{s} cannot go in the booklet until fixed: {names}. Build the booklet with "
    "the other {valid} {people} and leave {them} out?"
)
TEAM_BUILD_TITLE = "Save the booklet"
TEAM_BUILD_FILTER = "PDF files (*.pdf)"
TEAM_BUILT = (
    "Wrote {file}: {people} {people_word}, {pages} page{pages_s}. It is not encrypted: "
    "it is meant to be shared."
)
TEAM_BUILD_FAILED_TITLE = "The booklet was not written"
TEAM_NOTHING_TO_BUILD = (
    "None of the cards in this folder can go in the booklet yet. Fix the problems listed, "
    "or choose another folder."
)
TEAM_PREVIEW_EMPTY = "Choose the folder of bio cards to see the booklet here."
TEAM_PREVIEW_FAILED = "The preview could not be made: {error}"
TEAM_BUILDING = "Building the booklet…"
TEAM_PREVIEWING = "Updating the preview…"
TEAM_MOVED = "{name} is now number {pos} of {total}."
TEAM_CHECKLIST_SHOW = "Show the team lead checklist"
TEAM_CHECKLIST_HIDE = "Hide the team lead checklist"

# PDF preview.
PDF_PAGE_OF = "Page {page} of {pages}"
PDF_NO_PAGES = "No pages"

# --- biography and team pages (continued) ----------------------------------------

BIO_BIOGRAPHY_LABEL = "Your biography"
BIO_SERVICE_LABEL = "Service"
BIO_PREVIEW_NAME = "Preview of your biography PDF"
BIO_PREVIEW_FAILED = "The preview could not be made ({error}). Your text is safe; try again."
BIO_PHOTO_NOT_IMAGE = "it is not a PNG or JPEG image; save it as .png or .jpg"

TEAM_PREVIEW_NAME = "Preview of the booklet"
TEAM_DEFAULT_TITLE = "Meet the team"
TEAM_PAGE_NO_CARDS = (
    "There are no bio cards (.yaml files) in {folder}. Ask each person to save their card "
    "there, then press Reload."
)
TEAM_PROBLEMS_HEADING = "Problems with the chosen card"
TEAM_PREVIEW_NONE_VALID = (
    "None of these cards can go in the booklet yet; the preview appears once one is ready."
)
TEAM_NOT_BUILT = "Nothing was written: the cards with problems are still listed on the left."
TEAM_BUILD_FAILED = "The booklet could not be written: {error}"

PDF_PREVIEW_HELP = "Page Up and Page Down turn the pages; Home and End go to the first and last."
PDF_PREVIOUS = "‹ Previous"
PDF_PREVIOUS_NAME = "Previous page"
PDF_PREVIOUS_TIP = "Previous page (Page Up)"
PDF_NEXT = "Next ›"
PDF_NEXT_NAME = "Next page"
PDF_NEXT_TIP = "Next page (Page Down)"
PDF_BUSY = "Making the preview"
PDF_UNREADABLE = "This PDF could not be shown."
TEAM_READING = "Reading the cards…"
TEAM_READ_FAILED = (
    "The cards could not be read. Check that the folder is still there and try Reload."
)

# --- warning-sign flags -----------------------------------------------------------

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

# --- journal ----------------------------------------------------------------------

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
JOURNAL_COL_MATCHES = "Matches"
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
JOURNAL_FLAG_STATUS = {"open": "open", "discussed": "discussed", "resolved": "resolved"}
JOURNAL_FLAG_SOURCE = {
    "ticked": "you ticked it",
    "text": "found in your words",
    "pattern": "a pattern across entries",
    "plan": "differs from your sharing plan",
}
JOURNAL_ASSESSMENT = "What the check said"
JOURNAL_NOTES = "Notes"
JOURNAL_ANSWERS = "Answers"
JOURNAL_YES = "Yes"
JOURNAL_NO = "No"
JOURNAL_YES_NO_UNSURE = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
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
JOURNAL_IMPORT_FILTER = "IPS Reflect entries (*.json);;All files (*)"
JOURNAL_IMPORTING = "Importing entries…"
JOURNAL_IMPORTED = "Imported {n} {entries}."
JOURNAL_IMPORT_SKIPPED = "{n} {entries} already in your vault {were} skipped."
JOURNAL_IMPORT_FAILED_TITLE = "Nothing was imported"
JOURNAL_IMPORT_PROBLEMS = (
    "{file} has {n} problem(s); nothing was imported. Fix them and import the file again."
)
JOURNAL_MORE_PROBLEMS = "… and {n} more."
JOURNAL_EXPORT_MENU = "Export entries"
JOURNAL_EXPORT_ALL_JSON = "All entries as JSON…"
JOURNAL_EXPORT_ALL_MD = "All entries as Markdown…"
JOURNAL_EXPORT_SEL_JSON = "Selected entries as JSON…"
JOURNAL_EXPORT_SEL_MD = "Selected entries as Markdown…"
JOURNAL_EXPORT_SEL_PDF = "Selected entries as PDF…"
JOURNAL_EXPORT_TITLE = "Export entries"
JOURNAL_EXPORT_FILTERS = {
    "json": "JSON files (*.json)",
    "md": "Markdown files (*.md)",
    "pdf": "PDF files (*.pdf)",
}
JOURNAL_FORMAT_NAMES = {"json": "JSON", "md": "Markdown", "pdf": "PDF"}
JOURNAL_EXPORT_NOTHING = "Select one or more entries in the list first."
JOURNAL_PLAINTEXT_TITLE = "This file will not be encrypted"
JOURNAL_PLAINTEXT_WARNING = (
    "You are about to save {n} {entries} as a {format} file. The file is NOT encrypted: "
    "anyone who can open it can read these entries. Keep it somewhere private and delete "
    "it when you no longer need it."
)
JOURNAL_EXPORTING = "Exporting to {format}…"
JOURNAL_EXPORTED = "Exported {n} {entries} to {file}. That file is not encrypted."
JOURNAL_EXPORT_FAILED_TITLE = "The file was not written"
JOURNAL_EXPORT_NO_FOLDER = "The folder {folder} does not exist; choose another place."
JOURNAL_EXPORT_UNWRITABLE = "{file} could not be written ({problem}). Choose another place."
JOURNAL_UNEXPECTED = (
    "Something went wrong ({kind}). Nothing was changed in your vault; please try again."
)
JOURNAL_PROGRESS_TITLE = "Please wait"

# Trends page (gui/trends.py).
TRENDS_PAGE_TITLE = "Trends"
TRENDS_LOCKED = "Unlock your journal to see your trends."
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
JOURNAL_TITLE_WITH_MATCH = "{title}. Matching words: {snippet}"

# --- warning-sign flags (pages) ---------------------------------------------------

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
FLAGS_STATUS_OPTIONS = {
    "open": "Open",
    "discussed": "Discussed",
    "resolved": "Resolved",
    "all": "All flags",
}
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
FLAGS_ENTRIES = "Entries"
FLAGS_STATUS_LINE = "Status: {status}"
FLAGS_NOTE_LINE = "Your note: {note}"
FLAGS_ON_AGENDA = "On the agenda for your next supervision."
FLAGS_AGENDA_ADD = "Add to next supervision &agenda"
FLAGS_AGENDA_REMOVE = "Take off the next supervision &agenda"
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
FLAG_PANEL_NONE = "Nothing to pause on so far."
FLAG_PANEL_SOME = "{count} possible warning {signs}. They never stop you saving."
FLAG_PANEL_DISMISS = "Dismiss"
FLAG_PANEL_DISMISS_NAME = "Dismiss “{label}”"
FLAG_PANEL_DISMISS_TITLE = "Dismiss this flag"
FLAG_PANEL_DISMISS_PROMPT = (
    "Hide “{label}” while you write this? A note helps you and your supervisor later (optional)."
)
FLAG_PANEL_CARD_NAME = "{label}: {words}"
FLAGS_HEADER_NAME = "Flags list columns"
FLAGS_ROWS_NAME = "Flags list rows"
UNLOCK_AGAIN = "Type your passphrase to open your entries again."

# --- supervision: pack, session summary and command line (export/, commands/) -----
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
SUP_SUMMARY_RATINGS = "Own ratings on six areas from SLEF (not a SLEF score)"
SUP_SUMMARY_RATINGS_COLUMNS = ("Area", "This session")
SUP_SUMMARY_RATING = "{rating} of 5"
SUP_SUMMARY_NOT_RATED = "not rated"
SUP_SUMMARY_RATINGS_EMPTY = "No self-ratings were recorded in this session."
SUP_SUMMARY_OVER_TIME = "Over time"
SUP_SUMMARY_KEEP_COPY = (
    "Practitioner and supervisor each keep a copy of this summary, and bring it back "
    "next time to look at how the agreed actions went."
)

SUP_CLI_HELP = "supervision pack, session summary, sessions and agreed actions"
SUP_CLI_DESCRIPTION = (
    "Outputs for supervision. 'pack' puts the entries you marked to bring to supervision "
    "into a PDF (nothing unmarked ever goes in); 'summary' prints one session as a PDF; "
    "'sessions' and 'actions' list what is recorded."
)
SUP_CLI_BAD_SINCE = (
    "--since needs a date written as YYYY-MM-DD, such as 2026-03-01, and “{value}” is not "
    "one. Nothing was written."
)
SUP_CLI_OUT_IS_DIR = "{path} is a folder; give a file name such as {example}. Nothing was written."
SUP_CLI_NO_FOLDER = (
    "The folder {folder} does not exist; create it first or choose another place. "
    "Nothing was written."
)
SUP_CLI_NOT_WRITTEN = "{path} could not be written ({reason}); nothing was saved there."
SUP_CLI_PACK_ONE = "Put 1 entry marked for supervision in {path}."
SUP_CLI_PACK_MANY = "Put {count} entries marked for supervision in {path}."
SUP_CLI_PACK_NONE = (
    "No entries are marked for supervision, so {path} only explains how to mark them."
)
SUP_CLI_PACK_LEFT_OUT = "{count} other entries stayed private and are not in it."
SUP_CLI_PACK_LEFT_OUT_ONE = "1 other entry stayed private and is not in it."
SUP_CLI_PACK_GROUP = "Client aliases were replaced with {placeholder}."
SUP_CLI_NO_SESSIONS = (
    "There are no supervision sessions yet. Record one on the Supervision page of the app, "
    "then make its summary."
)
SUP_CLI_UNKNOWN_SESSION = (
    "There is no supervision session with id {id}. See the ids with "
    "'ips-reflect supervision sessions'."
)
SUP_CLI_SUMMARY_DONE = "Wrote the summary of the session on {date} to {path}."
SUP_CLI_NOT_ENCRYPTED = (
    "Note: {path} is NOT encrypted. Anyone who can open it can read it; keep it somewhere "
    "private and delete it when you no longer need it."
)
SUP_CLI_SESSIONS_EMPTY = "No supervision sessions yet."
SUP_CLI_ACTIONS_EMPTY = "No agreed actions yet."
SUP_CLI_OPEN_ACTIONS_EMPTY = "No open actions: everything agreed is done."
SUP_CLI_NO_TERMINAL = "A PDF cannot go to the terminal; give a file name such as {example}."
SUP_CLI_PACK_HELP = "the entries you marked to bring to supervision, as a PDF"
SUP_CLI_PACK_DESCRIPTION = (
    "Write the entries you marked “Bring to supervision” (not those in the bin) to a PDF. "
    "Entries you did not mark are never included. The PDF is NOT encrypted."
)
SUP_CLI_OUTPUT_HELP = "the PDF to write (replaced if it exists)"
SUP_CLI_GROUP_HELP = "for group reflective practice: replace every client alias with {placeholder}"
SUP_CLI_SINCE_HELP = "only entries written on or after this day"
SUP_CLI_SUMMARY_HELP = "one supervision session as a PDF to keep"
SUP_CLI_SUMMARY_DESCRIPTION = (
    "Write one session (the most recent unless --session says which) as a PDF: agenda, "
    "notes, agreed actions and self-ratings. Entries on the agenda appear only while they "
    "are still marked to bring to supervision. The PDF is NOT encrypted."
)
SUP_CLI_SESSION_HELP = "the session's id (see 'ips-reflect supervision sessions')"
SUP_CLI_LATEST_HELP = "the most recent session (the default)"
SUP_CLI_SESSIONS_HELP = "list supervision sessions"
SUP_CLI_SESSIONS_DESCRIPTION = (
    "List supervision sessions, most recent first, with their supervisor and how many "
    "agreed actions are still open."
)
SUP_CLI_ACTIONS_HELP = "list agreed actions with their due dates"
SUP_CLI_ACTIONS_DESCRIPTION = (
    "List the actions agreed in supervision with their due date and state (open, due "
    "today, overdue or done)."
)
SUP_CLI_OPEN_HELP = "only actions that are not done yet"
SUP_CLI_JSON_HELP = "print one JSON document"
SUP_CLI_SESSION_LINE = "#{id}  {date}  {supervisor}  {open}"
SUP_CLI_OPEN_ONE = "1 open action"
SUP_CLI_OPEN_MANY = "{count} open actions"
SUP_CLI_ACTIONS_COUNT = "{count} agreed, {open} open, {overdue} overdue."
SUP_CLI_ACTION_SESSION = "agreed on {date}"


# --- supervision: pages and presenter view (gui/) ---------------------------------
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
SUPV_FLAG_STATUS = {"open": "Open", "discussed": "Discussed", "resolved": "Resolved"}
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
SUPV_PDF_FILTER = "PDF files (*.pdf)"
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
SUPV_HOME_ACTIONS_TITLE = "Agreed in supervision"
SUPV_HOME_ACTIONS_NONE = "No open actions from supervision."
SUPV_HOME_ACTIONS_ONE = "1 open action from supervision"
SUPV_HOME_ACTIONS_MANY = "{count} open actions from supervision"
SUPV_HOME_ACTIONS_HINT = "Mark each one done when it is; it then leaves this list."
SUPV_HOME_DUE = "Due {day}"
SUPV_HOME_NO_DUE = "No due date"
SUPV_HOME_AGREED = "agreed {day}"
SUPV_HOME_DONE_BUTTON = "Done"
SUPV_HOME_DONE_NAME = "Mark done: {text}"
SUPV_HOME_MORE = "…and {count} more on the Supervision page."


# --- hardening: readers, disk errors, recovery -------------------------------------
VAULT_STORAGE_FAILED = (
    "IPS Reflect could not use the vault's files in {dir} ({problem}). Anything you were "
    "saving just now was not saved; everything saved before is safe. Free some disk space "
    "or check the drive, then try again."
)
VAULT_DB_DAMAGED = (
    "The vault database {path} is damaged ({problem}). Run 'ips-reflect verify' to see "
    "what is affected, then restore your latest backup with 'ips-reflect restore FILE'; "
    "the damaged files are kept aside, not deleted."
)
VAULT_DB_EMPTY = (
    "{path} holds none of the vault's data (the file is empty or was replaced), so it was "
    "not opened and nothing was changed. Restore your latest backup with 'ips-reflect "
    "restore FILE'; automatic backups are in {backups}."
)
VAULT_CREATE_FAILED = (
    "The vault could not be created in {dir} ({problem}); nothing was left behind. Free "
    "some disk space or choose another folder with --data-dir, then try again."
)
VAULT_HEADER_WRITE_FAILED = (
    "The vault header {where} could not be written ({problem}); the previous header was "
    "kept, so your passphrase and recovery code are unchanged. Free some disk space or "
    "check the drive, then try again."
)
VAULT_RESTORE_FAILED = (
    "The backup {file} could not be restored ({problem}); your vault is unchanged. Free "
    "some disk space or check the drive, then try again."
)
VAULT_BACKUP_SOURCE_DAMAGED = (
    "The vault database {path} is damaged ({problem}), so no backup was made and the "
    "earlier backups were kept. Run 'ips-reflect verify' to see what is affected, then "
    "restore your latest backup with 'ips-reflect restore FILE'."
)


# --- warning-sign flags: live panel in the flows -----------------------------------
# Stored as the note of a flag someone dismissed while writing and left no note on.
FLAG_PANEL_DISMISSED_NOTE = "Dismissed while writing, without a note."

# --- the traffic light: rules from the pack, a fourth state, `ips-reflect check` ----
# core/check.py, commands/check_cmd.py, and the places that show a saved light.
CHECK_LIGHT_INCOMPLETE = "Grey"
CHECK_HEADLINE_INCOMPLETE = "Grey: not enough to advise yet"
CHECK_ADVICE_INCOMPLETE = (
    "Answer the key questions listed below and the light will give its advice. "
    "You can still save the check as it is."
)
CHECK_REASON_MISSING = "“{label}” is not answered yet, and it is one of the key questions."
CHECK_HOW_TICKED = "you ticked it"
CHECK_HOW_FOUND = "your own words in this check suggest it"
CHECK_RULE_INCOMPLETE = (
    "Grey (not enough to advise yet) while a key question is unanswered: whether it does "
    "them some good, whether it helps a client get or keep work, whether you are okay "
    "today, and whether it stays within your role."
)
CHECK_RULES_OURS = (
    "Which answers and signs turn the light red or amber is our own reading of the "
    "briefing paper, not a ranking the paper makes; your organisation can change it."
)
CHECK_CMD_HEADER = "Check {n}{title}: {light}"
CHECK_CMD_MISSING = "Not answered: {ids}"
CHECK_CMD_NONE = "{file} has no before_check entries, so there is nothing to assess."
CHECK_CMD_NOT_FOUND = "{file} does not exist; give the path of an entries file (.json)."
CHECK_CMD_NO_PLAN = "There is no saved sharing plan in this vault, so --plan changes nothing."


# --- biography guard: the sharing plan must be readable (fails closed) -------------
BIO_PLAN_UNREADABLE = (
    "Your sharing plan could not be read, so the biography cannot be checked against it; "
    "nothing was shared or written. Open the Prepare page and save your plan again (or "
    "restore your latest backup), then try again."
)
BIO_PLAN_UNREADABLE_TITLE = "Your sharing plan could not be read"
BIO_GUARD_PLAN_UNREADABLE = (
    "Your sharing plan could not be read, so this biography cannot be checked against it. "
    "Bio cards and PDFs are refused until it can: open the Prepare page and save your "
    "plan again, or restore your latest backup."
)


# --- flags on every save: re-check at once, journal live panel (gui/flag_sync.py) ---
FLAG_SYNC_FAILED = "Flags could not be checked just now ({error}). Check again on the Flags page."
JOURNAL_EDITOR_SPLIT_NAME = "Entry editor and warning signs while you write"
IMPORT_FLAGS_FOUND = (
    "{n} new possible warning sign{s} to reflect on (prompts, not verdicts): "
    "see 'ips-reflect flags'."
)
IMPORT_FLAGS_NOT_CHECKED = (
    "The entries were imported, but their warning signs could not be checked now "
    "({error}); they will be checked the next time flags are listed."
)
