"""The encrypted vault: unlock, set-up, recovery, locking, storage errors, backup and restore."""

# --- vault: unlock, set-up, recovery, lock ----------------------------------
UNLOCK_WRONG_PASSPHRASE = (
    "That passphrase does not open this vault. Check it (and Caps Lock) and try again; "
    "if you have forgotten it, press “Use recovery code…” below."
)
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
LOCKED_IDLE = "IPS Reflect locked itself after {minutes} minutes without use."
LOCKED_BY_REQUEST = "IPS Reflect is locked."
LOCK_BACKUP_FAILED = (
    "The automatic backup could not be made this time; your earlier backups are kept."
)
LOCK_BACKUP_FAILED_LAST = "The backup taken when the vault last locked did not work: {problem}"
QUIT_FINISHING_BACKUP = "Finishing the automatic backup before closing…"

# Locking after a time without use, and unlocking again (gui/app.py).
LOCK_AFTER_CHOICE = "{minutes} min without use"
LOCK_AFTER_SET = "IPS Reflect will lock after {minutes} minutes without use."
UNLOCK_AGAIN = "Type your passphrase to open your entries again."
UNLOCK_STILL_OPENING = (
    "Still opening… The first time after IPS Reflect is updated, your vault may rebuild "
    "its search index, once; with many years of entries that takes a few seconds."
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

# --- hardening: readers, disk errors, recovery ------------------------------
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

# --- new passphrases (core/passphrase.py): the strength meter and the floor ----
PASS_LABELS = ("Very weak", "Weak", "Fair", "Good", "Strong")
PASS_LABEL_EMPTY = "Empty"
PASS_LABEL_SHORT = "Too short"
PASS_HINT_EMPTY = "Choose a passphrase only you know."
PASS_HINT_SHORT = "Use at least {n} characters; four or five unrelated words work well."
PASS_HINT_COMMON = "It is one of the commonest choices, or built on one, so it is tried first."
PASS_HINT_KEYBOARD = "It follows a run of keys on the keyboard."
PASS_HINT_SEQUENCE = "It contains a run such as abc or 123."
PASS_HINT_REPEAT = "It repeats the same characters."
PASS_HINT_DATE = "It contains a date or a year, which is quick to guess."
PASS_HINT_WORDS = "A few common words alone are guessed quickly."
PASS_HINT_FLOOR = "Four or five unrelated words are strong enough and easy to remember."
PASS_HINT_GOOD = "Strong enough. Make sure you can remember it."
PASS_HINT_STRONG = "A strong passphrase. Make sure you can remember it."
PASS_TOO_SHORT = (
    "That passphrase is too short: use at least {n} characters (four or five unrelated "
    "words are easy to remember and hard to guess)."
)
PASS_MISMATCH = "The two passphrases do not match; type the same passphrase twice."
PASS_TOO_WEAK = "That passphrase would be guessed too easily ({label}). {hint}"

__all__ = [
    "LOCKED_BY_REQUEST",
    "LOCKED_IDLE",
    "LOCK_AFTER_CHOICE",
    "LOCK_AFTER_SET",
    "LOCK_BACKUP_FAILED",
    "LOCK_BACKUP_FAILED_LAST",
    "PASS_HINT_COMMON",
    "PASS_HINT_DATE",
    "PASS_HINT_EMPTY",
    "PASS_HINT_FLOOR",
    "PASS_HINT_GOOD",
    "PASS_HINT_KEYBOARD",
    "PASS_HINT_REPEAT",
    "PASS_HINT_SEQUENCE",
    "PASS_HINT_SHORT",
    "PASS_HINT_STRONG",
    "PASS_HINT_WORDS",
    "PASS_LABELS",
    "PASS_LABEL_EMPTY",
    "PASS_LABEL_SHORT",
    "PASS_MISMATCH",
    "PASS_TOO_SHORT",
    "PASS_TOO_WEAK",
    "QUIT_FINISHING_BACKUP",
    "RECOVERY_EMPTY",
    "SETUP_UNEXPECTED",
    "UNLOCK_AGAIN",
    "UNLOCK_EMPTY",
    "UNLOCK_STILL_OPENING",
    "UNLOCK_UNEXPECTED",
    "UNLOCK_WRONG_PASSPHRASE",
    "VAULT_BACKUP_DAMAGED",
    "VAULT_BACKUP_EMPTY",
    "VAULT_BACKUP_MISSING",
    "VAULT_BACKUP_NEWER",
    "VAULT_BACKUP_NOT_BACKUP",
    "VAULT_BACKUP_NO_FOLDER",
    "VAULT_BACKUP_REFUSED",
    "VAULT_BACKUP_SOURCE_DAMAGED",
    "VAULT_BACKUP_WRITE_FAILED",
    "VAULT_BACKUP_WRONG_PASSPHRASE",
    "VAULT_BACKUP_WRONG_RECOVERY_CODE",
    "VAULT_BUSY",
    "VAULT_CREATE_FAILED",
    "VAULT_DB_DAMAGED",
    "VAULT_DB_EMPTY",
    "VAULT_DB_MISSING",
    "VAULT_DB_UNREADABLE",
    "VAULT_DIR_UNUSABLE",
    "VAULT_DISK_BUSY",
    "VAULT_DISK_DENIED",
    "VAULT_DISK_FULL",
    "VAULT_DISK_IO",
    "VAULT_DISK_READONLY",
    "VAULT_EXISTS",
    "VAULT_HEADER_DAMAGED",
    "VAULT_HEADER_MISSING",
    "VAULT_HEADER_NEWER",
    "VAULT_HEADER_UNREADABLE",
    "VAULT_HEADER_WRITE_FAILED",
    "VAULT_LOCKED",
    "VAULT_LOCK_FAILED",
    "VAULT_LOCK_HOLDER",
    "VAULT_MISSING",
    "VAULT_REKEY_FAILED",
    "VAULT_RESTORE_FAILED",
    "VAULT_RESTORE_SWAP_FAILED",
    "VAULT_SCHEMA_NEWER",
    "VAULT_STORAGE_FAILED",
    "VAULT_WRONG_PASSPHRASE",
    "VAULT_WRONG_RECOVERY_CODE",
]
