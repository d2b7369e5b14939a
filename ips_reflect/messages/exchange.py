"""Supervision exchange: key cards, share and reply files, the supervisor's workspace
on the command line, and the signed record PDF."""

# --- files and cards (core/exchange.py, core/exchange_record.py) ------------
EX_CARD_NOT_CARD = (
    "{file} is not an IPS Reflect key card. Ask the person for the .ipskey file that "
    "'ips-reflect supervisor key' made for them."
)
EX_CARD_VERSION = (
    "{file} is a key card from a newer version of IPS Reflect; update IPS Reflect and try again."
)
EX_CARD_BAD_FIELDS = (
    "{file} looks like a key card but its name or keys cannot be read; it may have been "
    "edited or cut short. Ask for a fresh copy."
)
EX_NOT_EXCHANGE = (
    "{file} is not an IPS Reflect share or reply file. Check that you picked the file you "
    "were sent (it ends in .ipsshare or .ipsreply)."
)
EX_DAMAGED = (
    "{file} is damaged or was changed after it was made, so it cannot be opened; nothing "
    "was stored. Ask the sender to make it again and send a fresh copy."
)
EX_NEWER_FORMAT = (
    "{file} was made by a newer version of IPS Reflect (format {version}); update IPS "
    "Reflect and try again. Nothing was stored."
)
EX_TOO_LARGE = (
    "{file} is larger than any share or reply IPS Reflect makes (at most 20 MiB), so it "
    "was not read. Check that you picked the right file."
)
EX_WRONG_KIND_REPLY = (
    "{file} is a reply from a supervisor, not a share. The practitioner takes it in on "
    "their Supervision page (Open my supervisor's reply…) or with 'ips-reflect "
    "supervision receive'. Nothing was stored."
)
EX_WRONG_KIND_SHARE = (
    "{file} is a share from a practitioner, not a reply. A supervisor opens it on the "
    "Supervisees page (Open a supervisee's share…) or with 'ips-reflect supervisor "
    "open'. Nothing was stored."
)
EX_NOT_FOR_ME = (
    "{file} was sealed for the key with fingerprint {theirs}, not for yours ({mine}), so it "
    "cannot be opened here; nothing was stored. Ask the sender to share again using your "
    "current key card."
)
EX_BAD_SIGNATURE = (
    "The signature in {file} does not check out, so it may not come from the person it "
    "names; nothing was stored. Ask the sender to make it again."
)
EX_BAD_CONTENT = (
    "{file} opened, but what is inside is not a share or reply this version can use; "
    "nothing was stored. Ask the sender to make it again with an up-to-date IPS Reflect."
)
EX_NOT_WRITTEN = "{path} could not be written ({reason}); nothing was saved there."

# --- keys, cards and sharing (ops/exchange.py) -------------------------------
EX_NEED_NAME = (
    'Your key card needs your name. Give it once with --name "Your Name"; it is kept in '
    "your vault from then on."
)
EX_CARD_UNCONFIRMED = (
    "This is the first time the key card for {name} is used here. Its fingerprint is "
    "{fingerprint}: check it with {name} (by phone or in person), then run the command "
    "again with --fingerprint {fingerprint}. Nothing was shared."
)
EX_CARD_CHANGED = (
    "Warning: the key card for {name} is not the one you confirmed before (that one was "
    "{old}; this one is {fingerprint}). Someone may be pretending to be {name}. Nothing was "
    "shared. If {name} really has a new key, check the new fingerprint with them and run "
    "the command again with --replace-card --fingerprint {fingerprint}."
)
EX_FINGERPRINT_MISMATCH = (
    "The fingerprint you gave does not match the key card for {name} ({fingerprint}). Do "
    "not use this card until you have checked it with {name}. Nothing was shared."
)
EX_EVIDENCE = "The words that raised it: “{evidence}”"
EX_SHARE_TOO_BIG = (
    "This session's agenda is too large for one share file (more than 20 MiB); unmark some "
    "entries and share again. Nothing was written."
)
EX_NO_KEYS_REPLY = (
    "{file} cannot be for this vault: it has never shared a session, so it has no key to "
    "open a reply with. Nothing was stored."
)
EX_NO_KEYS_SHARE = (
    "{file} cannot be for this vault: it has no supervisor key yet. Make your key card "
    "(My key card… on the Supervisees page, or 'ips-reflect supervisor key -o "
    "NAME.ipskey'), give it to the practitioner and ask them to send the share again. "
    "Nothing was stored."
)
EX_UNKNOWN_SHARE = (
    "{file} answers a share this vault did not send, so it was not taken in. Check that "
    "you are using the vault you shared from."
)
EX_WRONG_SIGNER = (
    "{file} is not signed by the key you shared with ({name}), so it was not taken in; "
    "nothing was stored. Ask {name} to send the reply again."
)
EX_REPLAYED = (
    "{file} is an older reply (number {sequence}) than one already taken in (number "
    "{last}), so nothing was changed. Ask your supervisor for their latest reply if you "
    "expected a newer one."
)
EX_ALREADY_RECEIVED = (
    "{file} has already been taken in; nothing was changed. 'ips-reflect supervision "
    "sessions' shows the sign-off."
)
EX_RECORD_MISMATCH = (
    "The record in {file} does not match the session you shared (its fingerprint differs), "
    "so it was not taken in; nothing was stored. Ask your supervisor to reply again."
)
EX_SESSION_GONE = (
    "{file} answers a session that is no longer in your vault, so its actions have nowhere "
    "to go; nothing was stored."
)
EX_NO_SIGNOFF = (
    "No shared session has been signed off yet. Take in your supervisor's reply with "
    "'ips-reflect supervision receive FILE.ipsreply' first."
)
EX_NO_SIGNOFF_SESSION = (
    "Session {id} has not been signed off yet (or was never shared). Take in your "
    "supervisor's reply first."
)
EX_ALREADY_OPENED = (
    "{file} has already been opened here; nothing was changed. It is in the list on "
    "the Supervisees page (and in 'ips-reflect supervisor list')."
)
EX_UNKNOWN_RECEIVED = (
    "There is no opened share with id {id}; 'ips-reflect supervisor list' shows the ids."
)
EX_EMPTY_TEXT = "The text is empty; write what you want to record and try again."
EX_TOO_LONG = "The text is longer than {limit} characters; shorten it and try again."
EX_NO_SUCH_ITEM = (
    "Share {id} has no item {item}; its items are numbered 1 to {count} ('ips-reflect "
    "supervisor show {id}' lists them)."
)
EX_BAD_DUE = "{value} is not a date; give the due date as YYYY-MM-DD, e.g. 2026-04-30."
EX_NEED_SIGNOFF_NAME = 'Give the name to sign off with, e.g. --sign-off "Priya Shah".'
EX_NOT_SIGNED_OFF = (
    "Share {id} has not been signed off yet; reply with 'ips-reflect supervisor respond "
    "{id} --sign-off NAME -o FILE.ipsreply' first."
)

# --- the command line (commands/supervisor_cmd.py) ---------------------------
EX_CLI_HELP = "a supervisor's own workspace: key card, shared sessions, comments, sign-off"
EX_CLI_DESCRIPTION = (
    "Work as a supervisor in your own IPS Reflect. Give practitioners your key card; open "
    "the sessions they share with you, add comments and agreed actions, sign off and send "
    "back a reply. Everything you receive is kept in your encrypted vault."
)
EX_CLI_ID_HELP = "the share's id (see 'ips-reflect supervisor list')"
EX_CLI_KEY_HELP = "write your public key card and show its fingerprint"
EX_CLI_KEY_DESCRIPTION = (
    "Write your public key card (safe to send by e-mail) and print its fingerprint. Read "
    "the fingerprint to the practitioner over the phone or in person, so they know the card "
    "is yours. Your private keys never leave the vault."
)
EX_CLI_KEY_OUTPUT_HELP = "where to write the card, e.g. sam-patel.ipskey"
EX_CLI_NAME_HELP = "the name on your card (kept for next time)"
EX_CLI_OPEN_HELP = "open a share a practitioner sent you and keep it in your vault"
EX_CLI_OPEN_DESCRIPTION = (
    "Open a .ipsshare file sealed to your key, check its signature and keep it in your "
    "vault. A file that was changed, is for someone else or was opened before is refused."
)
EX_CLI_SHARE_FILE_HELP = "the .ipsshare file"
EX_CLI_LIST_HELP = "list the shares you have opened"
EX_CLI_SHOW_HELP = "show one share with its items, comments and actions"
EX_CLI_COMMENT_HELP = "add a comment to one item of a share"
EX_CLI_ITEM_HELP = "the item's number (see 'show')"
EX_CLI_TEXT_HELP = "the text (quote it)"
EX_CLI_ACTION_HELP = "add an action agreed in the session"
EX_CLI_DUE_HELP = "when it is due"
EX_CLI_RESPOND_HELP = "sign the session off and write a reply for the practitioner"
EX_CLI_RESPOND_DESCRIPTION = (
    "Sign the session off and write a reply file (your comments, the agreed actions, your "
    "name and the time) sealed so only the practitioner can open it. Each reply is "
    "numbered; a later reply replaces an earlier one."
)
EX_CLI_SIGNOFF_HELP = "the name you sign off with"
EX_CLI_REPLY_OUTPUT_HELP = "where to write the reply, e.g. reply.ipsreply"
EX_CLI_RECORD_HELP = "the signed session record as a PDF"
EX_CLI_NO_TERMINAL = "This file cannot go to the terminal; give a file name such as {example}."
EX_CLI_KEY_DONE = "Wrote the key card for {name} to {path}."
EX_CLI_FINGERPRINT = (
    "Fingerprint: {fingerprint}\nRead it to each person who uses your card; they check it "
    "against what their IPS Reflect shows."
)
EX_CLI_OPENED = (
    "Opened share {id}: the session of {date} from {name}, {count} item(s). {name}'s key "
    "fingerprint is {fingerprint}."
)
EX_CLI_LIST_EMPTY = "No shares opened yet; open one with 'ips-reflect supervisor open FILE'."
EX_CLI_LIST_LINE = "#{id}  {date}  {name}  {count} item(s)  {state}"
EX_CLI_SIGNED = "signed off by {name}"
EX_CLI_NOT_SIGNED = "not signed off yet"
EX_CLI_SHOW_HEAD = "Session of {date} shared by {name} (key fingerprint {fingerprint})."
EX_CLI_COMMENT_LINE = "Comment: {text}"
EX_CLI_ACTIONS_HEAD = "Agreed actions:"
EX_CLI_SIGNED_OFF = "Signed off by {name} at {when}; record fingerprint begins {fingerprint}."
EX_CLI_COMMENTED = "Added a comment to item {item} of share {id}."
EX_CLI_ACTION_ADDED = "Added an agreed action to share {id}."
EX_CLI_RESPONDED = (
    "Wrote reply number {sequence} to {path}; record fingerprint {fingerprint}. Send the "
    "file to the practitioner; only they can open it."
)
EX_CLI_RECORD_DONE = "Wrote the signed record to {path}; record fingerprint {fingerprint}."
EX_CLI_CONFIRM_INTRO = (
    "First use of the key card for {name}. Its fingerprint is:\n\n    {fingerprint}\n\n"
    "Ask {name} to read you theirs (by phone or in person)."
)
EX_CLI_CONFIRM_ASK = "Do the two match exactly? Type yes to go on: "
EX_CLI_NOT_CONFIRMED = "The fingerprint was not confirmed, so nothing was shared."

# --- the practitioner's side (commands/supervision_cmd.py) -------------------
EX_CLI_SHARE_HELP = "seal a session's agenda (marked entries only) for your supervisor"
EX_CLI_SHARE_DESCRIPTION = (
    "Write a file only your supervisor can open: the session's agenda with the entries you "
    "marked to bring to supervision (their words included) and the flags you chose. "
    "Nothing you did not mark goes in. With no session yet, one is made for today."
)
EX_CLI_TO_HELP = "your supervisor's key card (.ipskey)"
EX_CLI_SHARE_OUTPUT_HELP = "where to write the share, e.g. session.ipsshare"
EX_CLI_FINGERPRINT_HELP = "the card's fingerprint, as your supervisor read it to you"
EX_CLI_REPLACE_HELP = "accept a new card for a supervisor whose old card you confirmed"
EX_CLI_MY_NAME_HELP = "your name, as your supervisor will see it (kept for next time)"
EX_CLI_RECEIVE_HELP = "take in your supervisor's reply: comments, actions, sign-off"
EX_CLI_RECEIVE_DESCRIPTION = (
    "Check a .ipsreply file (it must be signed by the supervisor you shared with, and be "
    "newer than any reply taken in before), then keep the comments beside the session, "
    "add the agreed actions and record the sign-off."
)
EX_CLI_REPLY_FILE_HELP = "the .ipsreply file"
EX_CLI_RECORD_SESSION_HELP = "the session's id (default: the latest one signed off)"
EX_CLI_SESSION_MADE = "No session yet, so one was made for {date} from what you marked."
EX_CLI_SHARED = (
    "Wrote {count} item(s) of the session of {date} to {path}, sealed for {name} (key "
    "fingerprint {fingerprint}). Only {name} can open it; send it however you like."
)
EX_CLI_RECEIVED = (
    "Took in the reply for the session of {date}: signed off by {name}, {comments} "
    "comment(s), {actions} new action(s). Record fingerprint {fingerprint}."
)
EX_CLI_SESSION_SIGNED = "    signed off by {name} at {when}; {count} comment(s)"

# --- the record PDF (export/record_pdf.py) ----------------------------------
EX_PDF_TITLE = "Supervision record"
EX_PDF_SUBJECT = "A signed record of a supervision session"
EX_PDF_PURPOSE = (
    "Evidence of reflective discussion in supervision, for your portfolio or professional "
    "revalidation."
)
EX_PDF_META_COLUMNS = ("Record", "")
EX_PDF_PRACTITIONER = "Practitioner"
EX_PDF_SUPERVISOR = "Supervisor"
EX_PDF_SESSION_DATE = "Session date"
EX_PDF_SIGNED_OFF_BY = "Signed off by"
EX_PDF_SIGNED_OFF_AT = "Signed off at"
EX_PDF_FINGERPRINT = "Record fingerprint"
EX_PDF_FULL_FINGERPRINT = "Full record fingerprint (SHA-256):"
EX_PDF_MADE = "Printed on {date}."
EX_PDF_ITEMS = "What was discussed"
EX_PDF_NO_ITEMS = "The session's agenda was empty."
EX_PDF_COMMENTS = "Supervisor's comments"
EX_PDF_ACTIONS = "Agreed actions"
EX_PDF_ACTION_COLUMNS = ("Action", "Due")
EX_PDF_NO_ACTIONS = "No actions were agreed."
EX_PDF_CLOSING = (
    "The practitioner and the supervisor each keep a copy of this record. Both copies show "
    "the record fingerprint {fingerprint}; if the codes differ, the copies are not the same "
    "record."
)
EX_PDF_FOOTER = "Supervision record · keep it private"

__all__ = [
    "EX_ALREADY_OPENED",
    "EX_ALREADY_RECEIVED",
    "EX_BAD_CONTENT",
    "EX_BAD_DUE",
    "EX_BAD_SIGNATURE",
    "EX_CARD_BAD_FIELDS",
    "EX_CARD_CHANGED",
    "EX_CARD_NOT_CARD",
    "EX_CARD_UNCONFIRMED",
    "EX_CARD_VERSION",
    "EX_CLI_ACTIONS_HEAD",
    "EX_CLI_ACTION_ADDED",
    "EX_CLI_ACTION_HELP",
    "EX_CLI_COMMENTED",
    "EX_CLI_COMMENT_HELP",
    "EX_CLI_COMMENT_LINE",
    "EX_CLI_CONFIRM_ASK",
    "EX_CLI_CONFIRM_INTRO",
    "EX_CLI_DESCRIPTION",
    "EX_CLI_DUE_HELP",
    "EX_CLI_FINGERPRINT",
    "EX_CLI_FINGERPRINT_HELP",
    "EX_CLI_HELP",
    "EX_CLI_ID_HELP",
    "EX_CLI_ITEM_HELP",
    "EX_CLI_KEY_DESCRIPTION",
    "EX_CLI_KEY_DONE",
    "EX_CLI_KEY_HELP",
    "EX_CLI_KEY_OUTPUT_HELP",
    "EX_CLI_LIST_EMPTY",
    "EX_CLI_LIST_HELP",
    "EX_CLI_LIST_LINE",
    "EX_CLI_MY_NAME_HELP",
    "EX_CLI_NAME_HELP",
    "EX_CLI_NOT_CONFIRMED",
    "EX_CLI_NOT_SIGNED",
    "EX_CLI_NO_TERMINAL",
    "EX_CLI_OPENED",
    "EX_CLI_OPEN_DESCRIPTION",
    "EX_CLI_OPEN_HELP",
    "EX_CLI_RECEIVED",
    "EX_CLI_RECEIVE_DESCRIPTION",
    "EX_CLI_RECEIVE_HELP",
    "EX_CLI_RECORD_DONE",
    "EX_CLI_RECORD_HELP",
    "EX_CLI_RECORD_SESSION_HELP",
    "EX_CLI_REPLACE_HELP",
    "EX_CLI_REPLY_FILE_HELP",
    "EX_CLI_REPLY_OUTPUT_HELP",
    "EX_CLI_RESPONDED",
    "EX_CLI_RESPOND_DESCRIPTION",
    "EX_CLI_RESPOND_HELP",
    "EX_CLI_SESSION_MADE",
    "EX_CLI_SESSION_SIGNED",
    "EX_CLI_SHARED",
    "EX_CLI_SHARE_DESCRIPTION",
    "EX_CLI_SHARE_FILE_HELP",
    "EX_CLI_SHARE_HELP",
    "EX_CLI_SHARE_OUTPUT_HELP",
    "EX_CLI_SHOW_HEAD",
    "EX_CLI_SHOW_HELP",
    "EX_CLI_SIGNED",
    "EX_CLI_SIGNED_OFF",
    "EX_CLI_SIGNOFF_HELP",
    "EX_CLI_TEXT_HELP",
    "EX_CLI_TO_HELP",
    "EX_DAMAGED",
    "EX_EMPTY_TEXT",
    "EX_EVIDENCE",
    "EX_FINGERPRINT_MISMATCH",
    "EX_NEED_NAME",
    "EX_NEED_SIGNOFF_NAME",
    "EX_NEWER_FORMAT",
    "EX_NOT_EXCHANGE",
    "EX_NOT_FOR_ME",
    "EX_NOT_SIGNED_OFF",
    "EX_NOT_WRITTEN",
    "EX_NO_KEYS_REPLY",
    "EX_NO_KEYS_SHARE",
    "EX_NO_SIGNOFF",
    "EX_NO_SIGNOFF_SESSION",
    "EX_NO_SUCH_ITEM",
    "EX_PDF_ACTIONS",
    "EX_PDF_ACTION_COLUMNS",
    "EX_PDF_CLOSING",
    "EX_PDF_COMMENTS",
    "EX_PDF_FINGERPRINT",
    "EX_PDF_FOOTER",
    "EX_PDF_FULL_FINGERPRINT",
    "EX_PDF_ITEMS",
    "EX_PDF_MADE",
    "EX_PDF_META_COLUMNS",
    "EX_PDF_NO_ACTIONS",
    "EX_PDF_NO_ITEMS",
    "EX_PDF_PRACTITIONER",
    "EX_PDF_PURPOSE",
    "EX_PDF_SESSION_DATE",
    "EX_PDF_SIGNED_OFF_AT",
    "EX_PDF_SIGNED_OFF_BY",
    "EX_PDF_SUBJECT",
    "EX_PDF_SUPERVISOR",
    "EX_PDF_TITLE",
    "EX_RECORD_MISMATCH",
    "EX_REPLAYED",
    "EX_SESSION_GONE",
    "EX_SHARE_TOO_BIG",
    "EX_TOO_LARGE",
    "EX_TOO_LONG",
    "EX_UNKNOWN_RECEIVED",
    "EX_UNKNOWN_SHARE",
    "EX_WRONG_KIND_REPLY",
    "EX_WRONG_KIND_SHARE",
    "EX_WRONG_SIGNER",
]
