"""Text only the command line shows: help, results and problems of `ips-reflect` commands."""

# --- ips-reflect team booklet (commands/team_cmd.py) ------------------------
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

# --- biography (commands/bio_cmd.py) ----------------------------------------
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
BIO_CLI_NO_CONSENT = (
    "Note: 'Put my card in the team booklet' is not ticked on the Biography "
    "page, so the card says 'consent: false' and the booklet will leave it out until it is."
)
BIO_SHARED_NOTICE = (
    "Note: {file} is NOT encrypted. It is meant to be shared with your team and clients, "
    "so anyone who has the file can read it."
)

# --- ips-reflect supervision (commands/supervision_cmd.py) ------------------
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

# --- ips-reflect check (commands/check_cmd.py) ------------------------------
CHECK_CMD_HEADER = "Check {n}{title}: {light}"
CHECK_CMD_MISSING = "Not answered: {ids}"
CHECK_CMD_NONE = "{file} has no before_check entries, so there is nothing to assess."
CHECK_CMD_NOT_FOUND = "{file} does not exist; give the path of an entries file (.json)."
CHECK_CMD_NO_PLAN = "There is no saved sharing plan in this vault, so --plan changes nothing."

# --- ips-reflect import: warning signs in the imported entries (commands/vault_cmd.py) ---
IMPORT_FLAGS_FOUND = (
    "{n} new possible warning sign{s} to reflect on (prompts, not verdicts): "
    "see 'ips-reflect flags'."
)
IMPORT_FLAGS_NOT_CHECKED = (
    "The entries were imported, but their warning signs could not be checked now "
    "({error}); they will be checked the next time flags are listed."
)

# -- the vault commands (init, export, search, backup, restore, verify, passwd)
CLI_INIT_DONE = (
    "Created an encrypted vault in {dir}.\n"
    "\n"
    "Your recovery code (shown only this once):\n"
    "\n"
    "    {code}\n"
    "\n"
    "Write it down on paper now and keep it somewhere safe, away from this computer.\n"
    "If you forget your passphrase, this code and 'ips-reflect recover' are the only\n"
    "way back into your vault: nobody, including us, can reset it for you."
)
CLI_EXPORT_IS_FOLDER = "{target} is a folder; give a file name to export to."
CLI_EXPORT_NO_FOLDER = "The folder {folder} does not exist; create it or choose another place."
CLI_EXPORT_PDF_TERMINAL = "A PDF cannot go to the terminal; give a file name such as entries.pdf."
CLI_NO_SUCH_UID = (
    "There is no entry with uid {uid} in the vault. "
    "Find uids with 'ips-reflect search QUERY --json'."
)
CLI_EXPORTED_TO = "Exported {count} to {out}."
CLI_EXPORTED = "Exported {count}."
CLI_NOT_WRITTEN = "{out} could not be written ({reason})."
CLI_SEARCH_NONE = "No entries match {query}."
CLI_UNTITLED = "(untitled)"
CLI_BACKUP_DONE = (
    "Backup written to {out}. It is encrypted and opens with the passphrase or "
    "recovery code you have now; restore it with 'ips-reflect restore FILE'."
)
CLI_RESTORED = "Restored {count} from {file} into {dir}."
CLI_RESTORE_REPLACED = (
    "The vault it replaced was kept in {folder}; delete that folder "
    "once you are sure you do not need it."
)
CLI_RESTORE_UNLOCK = "Unlock it with the passphrase you had when the backup was made."
CLI_BACKUP_NEEDS_OUTPUT = (
    "Say where to write the backup with -o FILE, or use 'ips-reflect backup list' to see "
    "the automatic backups."
)
CLI_BACKUP_LIST_HEAD = "Automatic backups in {folder}, newest first:"
CLI_BACKUP_LIST_NONE = (
    "No automatic backups in {folder} yet. The app makes one each time it locks or quits."
)
CLI_BACKUP_LIST_UNREADABLE = "not readable as a backup (damaged, or another kind of file)"
CLI_BACKUP_LIST_NO_COUNT = "entry count not recorded"
CLI_NEW_CODE = (
    "\n"
    "Your NEW recovery code (shown only this once):\n"
    "\n"
    "    {code}\n"
    "\n"
    "Write it down on paper and keep it somewhere safe, away from this computer.\n"
    "Backups made before today still open only with the passphrase and recovery code\n"
    "you had when each was made."
)
CLI_PASSWD_DONE = (
    "Passphrase changed. The vault now has a new key, so no old copy of its header\n"
    "opens it, and your old recovery code no longer works either."
)
CLI_RECOVER_DONE = (
    "Your passphrase has been reset and the vault has a new key. Your old recovery\n"
    "code has now been used and no longer opens anything."
)
CLI_SCAN_NONE = "No warning signs found in {shown}."
CLI_SCAN_FOUND = "{n} possible warning sign{s} in {shown} (prompts, not verdicts):"
CLI_NO_FLAGS = "No {which}flags."
CLI_STOPPED = "ips-reflect: stopped."

__all__ = [
    "BIO_CLI_IS_FOLDER",
    "BIO_CLI_NONE",
    "BIO_CLI_NOT_PDF",
    "BIO_CLI_NOT_YAML",
    "BIO_CLI_NO_CONSENT",
    "BIO_CLI_NO_FOLDER",
    "BIO_CLI_REFUSED",
    "BIO_CLI_WRITE_FAILED",
    "BIO_CLI_WROTE_CARD",
    "BIO_CLI_WROTE_CARD_PHOTO",
    "BIO_SHARED_NOTICE",
    "BOOKLET_NOT_PDF",
    "CHECK_CMD_HEADER",
    "CHECK_CMD_MISSING",
    "CHECK_CMD_NONE",
    "CHECK_CMD_NOT_FOUND",
    "CHECK_CMD_NO_PLAN",
    "CLI_BACKUP_DONE",
    "CLI_BACKUP_LIST_HEAD",
    "CLI_BACKUP_LIST_NONE",
    "CLI_BACKUP_LIST_NO_COUNT",
    "CLI_BACKUP_LIST_UNREADABLE",
    "CLI_BACKUP_NEEDS_OUTPUT",
    "CLI_EXPORTED",
    "CLI_EXPORTED_TO",
    "CLI_EXPORT_IS_FOLDER",
    "CLI_EXPORT_NO_FOLDER",
    "CLI_EXPORT_PDF_TERMINAL",
    "CLI_INIT_DONE",
    "CLI_NEW_CODE",
    "CLI_NOT_WRITTEN",
    "CLI_NO_FLAGS",
    "CLI_NO_SUCH_UID",
    "CLI_PASSWD_DONE",
    "CLI_RECOVER_DONE",
    "CLI_RESTORED",
    "CLI_RESTORE_REPLACED",
    "CLI_RESTORE_UNLOCK",
    "CLI_SCAN_FOUND",
    "CLI_SCAN_NONE",
    "CLI_SEARCH_NONE",
    "CLI_STOPPED",
    "CLI_UNTITLED",
    "IMPORT_FLAGS_FOUND",
    "IMPORT_FLAGS_NOT_CHECKED",
    "SUP_CLI_ACTIONS_COUNT",
    "SUP_CLI_ACTIONS_DESCRIPTION",
    "SUP_CLI_ACTIONS_EMPTY",
    "SUP_CLI_ACTIONS_HELP",
    "SUP_CLI_ACTION_SESSION",
    "SUP_CLI_BAD_SINCE",
    "SUP_CLI_DESCRIPTION",
    "SUP_CLI_GROUP_HELP",
    "SUP_CLI_HELP",
    "SUP_CLI_JSON_HELP",
    "SUP_CLI_LATEST_HELP",
    "SUP_CLI_NOT_ENCRYPTED",
    "SUP_CLI_NOT_WRITTEN",
    "SUP_CLI_NO_FOLDER",
    "SUP_CLI_NO_SESSIONS",
    "SUP_CLI_NO_TERMINAL",
    "SUP_CLI_OPEN_ACTIONS_EMPTY",
    "SUP_CLI_OPEN_HELP",
    "SUP_CLI_OPEN_MANY",
    "SUP_CLI_OPEN_ONE",
    "SUP_CLI_OUTPUT_HELP",
    "SUP_CLI_OUT_IS_DIR",
    "SUP_CLI_PACK_DESCRIPTION",
    "SUP_CLI_PACK_GROUP",
    "SUP_CLI_PACK_HELP",
    "SUP_CLI_PACK_LEFT_OUT",
    "SUP_CLI_PACK_LEFT_OUT_ONE",
    "SUP_CLI_PACK_MANY",
    "SUP_CLI_PACK_NONE",
    "SUP_CLI_PACK_ONE",
    "SUP_CLI_SESSIONS_DESCRIPTION",
    "SUP_CLI_SESSIONS_EMPTY",
    "SUP_CLI_SESSIONS_HELP",
    "SUP_CLI_SESSION_HELP",
    "SUP_CLI_SESSION_LINE",
    "SUP_CLI_SINCE_HELP",
    "SUP_CLI_SUMMARY_DESCRIPTION",
    "SUP_CLI_SUMMARY_DONE",
    "SUP_CLI_SUMMARY_HELP",
    "SUP_CLI_UNKNOWN_SESSION",
    "TEAM_INVALID_CARDS",
    "TEAM_NO_CARDS",
    "TEAM_NO_VALID_CARDS",
    "TEAM_SKIPPED",
    "TEAM_WROTE",
]
