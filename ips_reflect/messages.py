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
    "Red when your sharing plan says never or not now for this audience, when a serious "
    "warning sign is ticked (contact details, secrets, time together outside work, personal "
    "feelings, a confused relationship), or when you answer no to “Okay with me today” or "
    "“Within professional boundaries”."
)
CHECK_RULE_AMBER = (
    "Amber when a key question is answered no or unsure, any other warning sign is ticked, "
    "your plan says to share this only briefly, or you are not sure it is okay with you."
)
CHECK_RULE_GREEN = "Green otherwise."
CHECK_RULE_NEVER_BLOCKS = (
    "The light is a prompt to think, never a rule: you can always save the check and go on."
)

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
    "Your biography could not be saved ({error}). Your text is still here; press Save "
    "to try again."
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
    "{valid} of {total} cards ready for the booklet; {bad} {have} problems (shown in red)."
)
TEAM_COLUMNS = ("Person", "File", "Role", "Status", "Problems")
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
