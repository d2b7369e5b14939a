"""Looking after the vault: the Vault menu's dialogs and ``ips-reflect verify``."""

# --- check the vault (ops/vault_care.py) ---------------------------------------
CARE_CHECK_OK = (
    "OK: encryption, database and search index all check out. {entries} ({in_bin} in the "
    "bin), {flags}, {plans}, {sessions}, {drafts}."
)
CARE_CHECK_FAILED = (
    "The vault failed its checks (listed below). Make a copy of the data folder, "
    "then restore your latest backup (Vault > Restore from a backup, or "
    "'ips-reflect restore FILE')."
)
CARE_CURRENT_WRONG = (
    "That is not your current passphrase, so nothing was changed. Type the passphrase "
    "you unlocked with."
)


# --- the Vault menu's dialogs (gui/shell/care/) ----------------------------------
CARE_UNEXPECTED = (
    "Something unexpected went wrong ({error}) and nothing was changed. Try again, and "
    "restart IPS Reflect if it keeps happening."
)
CARE_FOLDER_NOT_OPENED = (
    "IPS Reflect could not open a file browser here. Your data folder is {folder}."
)

# change passphrase, new recovery code
CARE_CURRENT_EMPTY = "Type your current passphrase first, to show the change is yours."
CARE_NEW_SAME = (
    "The new passphrase is the same as the current one. Choose a different one, or "
    "press Cancel to keep it."
)
CARE_PASSPHRASE_CHANGED = (
    "Your passphrase is changed. Your old recovery code no longer opens anything, so "
    "here is a new one."
)
CARE_PASSPHRASE_DONE = "Passphrase changed. Use the new one the next time you unlock."
CARE_CODE_CHANGED = (
    "Here is your new recovery code. The old one no longer opens anything; your "
    "passphrase stays the same."
)
CARE_CODE_DONE = "New recovery code confirmed. Keep it somewhere safe, away from this computer."

# back up now
CARE_BACKING_UP = "Making an encrypted backup of your vault. This takes a few seconds."
CARE_BACKUP_DONE = (
    "Backup made: {file} ({size}, {entries}). It opens with your current passphrase or "
    "recovery code."
)
CARE_SAVING_COPY = "Saving a copy of the backup. This takes a few seconds."
CARE_COPY_SAVED = (
    "A copy was saved as {file}. Keep it somewhere safe, such as a USB stick you keep locked away."
)
CARE_SAVE_COPY_TITLE = "Save a copy of your backup"
CARE_BACKUP_FILTER = "Encrypted backup of your IPS Reflect data (*.ipsbackup)"

# restore
CARE_COLUMN_CREATED = "Made on"
CARE_COLUMN_SIZE = "Size"
CARE_COLUMN_ENTRIES = "Entries"
CARE_ENTRIES_NOT_RECORDED = "not recorded"
CARE_UNREADABLE = "unreadable"
CARE_DATE_UNKNOWN = "date unknown"
CARE_RESTORE_NONE = (
    "There are no backups in your data folder yet. Use Choose another file to pick one "
    "you saved somewhere else."
)
CARE_RESTORE_LISTED = "{count} found in {folder}, newest first."
CARE_RESTORE_CHOOSE_TITLE = "Choose a backup to restore"
CARE_RESTORE_CHOSEN = "Chosen: {file}."
CARE_RESTORE_PICK = "Choose a backup from the list, or another file, first."
CARE_RESTORE_UNREADABLE = (
    "That file cannot be read as an IPS Reflect backup, so it cannot be restored. "
    "Choose another one."
)
CARE_RESTORE_PASSPHRASE_LABEL = "&Passphrase of that backup"
CARE_RESTORE_CODE_LABEL = "&Recovery code of that backup"
CARE_RESTORE_PASSPHRASE_EMPTY = (
    "Type the passphrase you used when that backup was made; it may differ from today's."
)
CARE_RESTORE_CODE_EMPTY = "Type the recovery code you had when that backup was made."
CARE_RESTORE_CONFIRM = (
    "Restoring replaces the vault you have open now with the backup made on {date} "
    "({entries}). Your current vault is not deleted: it is moved into a new folder "
    "named replaced- and today's date and time, inside {folder}. IPS Reflect then "
    "locks, restores the backup and asks you to unlock it."
)
CARE_RESTORE_CONFIRM_HEADING = "Replace your vault with this backup?"
CARE_RESTORE_CHECKING = (
    "Checking that the backup opens with what you typed. Nothing is changed yet."
)

# check the vault
CARE_CHECKING = (
    "Checking the encryption, the database and the search index. This takes a few seconds."
)

# --- restoring from the Vault menu (gui/shell/app.py) -----------------------------
CARE_RESTORE_LOCKED = "IPS Reflect locked to restore a backup."
CARE_RESTORING = "Restoring the backup: checking it, then putting it in place…"
CARE_RESTORED = "Restored {count} {entries} from {file}."
CARE_RESTORE_REPLACED_IN = (
    "The vault it replaced is kept in {folder}; delete that folder once you are sure you "
    "do not need it."
)
CARE_RESTORE_UNLOCK = "Unlock with the passphrase you had when that backup was made."
CARE_RESTORE_NOT_DONE = "The backup was not restored and your vault is unchanged: {problem}"

__all__ = [
    "CARE_BACKING_UP",
    "CARE_BACKUP_DONE",
    "CARE_BACKUP_FILTER",
    "CARE_CHECKING",
    "CARE_CHECK_FAILED",
    "CARE_CHECK_OK",
    "CARE_CODE_CHANGED",
    "CARE_CODE_DONE",
    "CARE_COLUMN_CREATED",
    "CARE_COLUMN_ENTRIES",
    "CARE_COLUMN_SIZE",
    "CARE_COPY_SAVED",
    "CARE_CURRENT_EMPTY",
    "CARE_CURRENT_WRONG",
    "CARE_DATE_UNKNOWN",
    "CARE_ENTRIES_NOT_RECORDED",
    "CARE_FOLDER_NOT_OPENED",
    "CARE_NEW_SAME",
    "CARE_PASSPHRASE_CHANGED",
    "CARE_PASSPHRASE_DONE",
    "CARE_RESTORED",
    "CARE_RESTORE_CHECKING",
    "CARE_RESTORE_CHOOSE_TITLE",
    "CARE_RESTORE_CHOSEN",
    "CARE_RESTORE_CODE_EMPTY",
    "CARE_RESTORE_CODE_LABEL",
    "CARE_RESTORE_CONFIRM",
    "CARE_RESTORE_CONFIRM_HEADING",
    "CARE_RESTORE_LISTED",
    "CARE_RESTORE_LOCKED",
    "CARE_RESTORE_NONE",
    "CARE_RESTORE_NOT_DONE",
    "CARE_RESTORE_PASSPHRASE_EMPTY",
    "CARE_RESTORE_PASSPHRASE_LABEL",
    "CARE_RESTORE_PICK",
    "CARE_RESTORE_REPLACED_IN",
    "CARE_RESTORE_UNLOCK",
    "CARE_RESTORE_UNREADABLE",
    "CARE_RESTORING",
    "CARE_SAVE_COPY_TITLE",
    "CARE_SAVING_COPY",
    "CARE_UNEXPECTED",
    "CARE_UNREADABLE",
]
