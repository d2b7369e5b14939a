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
