"""The practitioner's side of the supervision exchange on the Supervision page: sending
a session to a supervisor, taking in their reply and saving the signed record."""

# --- the page -----------------------------------------------------------------
EXG_SHARED_WAITING = (
    "Sent to {name} on {day} ({items}). No reply taken in yet: when {name} sends one back, "
    "open it with “Open my supervisor's reply…”."
)
EXG_SIGNED_OFF = "✓ Signed off by {name} on {when}. {comments} Record fingerprint {fingerprint}."
EXG_COMMENTS_BESIDE = "Comments from them beside their items on the agenda: {count}."
EXG_NO_COMMENTS = "They left no comments on the items."
EXG_COMMENTS_ELSEWHERE = "Comments on items no longer on this agenda: {comments}"
EXG_ITEMS = "{n} item"
EXG_ITEMS_MANY = "{n} items"
EXG_COMMENT_COUNT = "{n} comment"
EXG_COMMENT_COUNT_MANY = "{n} comments"
EXG_AGENDA_COMMENTED = "✎ comment from {name}"
EXG_COMMENT_HEADING = "Comment from your supervisor, {name}"
EXG_SIGNED_LIST = "✓ signed off"

# --- sending ------------------------------------------------------------------
EXG_SEND_WHAT = (
    "What will be sent: the {items} on the agenda of the session of {day}. Only entries "
    "you marked to bring to supervision and the flags you chose go in; nothing private, "
    "and nothing else from your journal. The file is sealed so that only the supervisor "
    "whose card you choose can open it."
)
EXG_SEND_WHAT_NEW = (
    "You have no session yet, so one will be made for today ({day}) from what you marked: "
    "{entries} and {flags}. Only those go in; nothing private, and nothing else from your "
    "journal. The file is sealed so that only the supervisor whose card you choose can "
    "open it."
)
EXG_ENTRIES = "{n} entry"
EXG_ENTRIES_MANY = "{n} entries"
EXG_FLAGS = "{n} flag"
EXG_FLAGS_MANY = "{n} flags"
EXG_CARD_NONE = "No card chosen yet."
EXG_CARD_FILTER = "Your supervisor's key card, to send to them (*.ipskey);;All files (*)"
EXG_CARD_TITLE = "Choose your supervisor's key card"
EXG_CARD_FOR = "This card is for {name}."
EXG_CARD_KNOWN = (
    "You checked this card with {name} before, so there is nothing more to check. Its "
    "fingerprint is {fingerprint}."
)
EXG_CARD_NEW = (
    "You have not used this card before. Phone {name} and read them the fingerprint "
    "below, group by group (or compare it with the one they sent you another way, not "
    "in the same e-mail as the card). Tick the box only if every character matches."
)
EXG_CARD_CHANGED = (
    "Warning: this is not the card you checked with {name} before (that one had the "
    "fingerprint {old}). Someone may be pretending to be {name}. Use it only if {name} "
    "tells you themselves that they have a new key, and check the new fingerprint "
    "below with them first."
)
EXG_FINGERPRINT_SPOKEN = "Fingerprint, group by group: {groups}."
EXG_MATCHES_HELP = (
    "Tick only once {name} has read you the same fingerprint, or you compared it with "
    "one they sent you another way. Send stays off until you do."
)
EXG_REPLACE_HELP = (
    "The card you checked before will be replaced by this one for {name}. Tick only if "
    "{name} told you they have a new key."
)
EXG_SEND_NEEDS = "To send: {what}."
EXG_NEED_CARD = "choose your supervisor's key card"
EXG_NEED_MY_NAME = "type your name"
EXG_NEED_MATCH = "tick “The fingerprint matches” once you have checked it"
EXG_NEED_REPLACE = "tick “Use this new card” if {name} really has a new key"
EXG_READY = "Ready to send to {name}."
EXG_SHARE_TITLE = "Save the sealed session for your supervisor"
EXG_SHARE_FILTER = "Sealed session for your supervisor (*.ipsshare)"
EXG_SHARE_NAME = "supervision-{day}.ipsshare"
EXG_SHARING = "Sealing the session for {name}…"
EXG_SHARED = (
    "Saved {items} of the session of {day} to {path}, sealed for {name} (fingerprint "
    "{fingerprint}). Only {name} can open it: send it to them however you like."
)
EXG_SESSION_MADE = "You had no session yet, so one was made for {day} from what you marked. "
EXG_SHARE_FAILED = "Nothing was sent. {reason}"
EXG_FAILED_OTHER = "Something went wrong ({error}); try again."

# --- the reply and the record --------------------------------------------------
EXG_REPLY_TITLE = "Open your supervisor's reply"
EXG_REPLY_FILTER = "Your supervisor's reply (*.ipsreply);;All files (*)"
EXG_RECEIVED = (
    "Took in the reply for the session of {day}: signed off by {name}, {comments} and "
    "{actions} added to your agreed actions."
)
EXG_ACTIONS = "{n} new action"
EXG_ACTIONS_MANY = "{n} new actions"
EXG_RECORD_SAVE_TITLE = "Save the signed record of the session"
EXG_RECORD_NAME = "supervision-record-{day}.pdf"

__all__ = [
    "EXG_ACTIONS",
    "EXG_ACTIONS_MANY",
    "EXG_AGENDA_COMMENTED",
    "EXG_CARD_CHANGED",
    "EXG_CARD_FILTER",
    "EXG_CARD_FOR",
    "EXG_CARD_KNOWN",
    "EXG_CARD_NEW",
    "EXG_CARD_NONE",
    "EXG_CARD_TITLE",
    "EXG_COMMENTS_BESIDE",
    "EXG_COMMENTS_ELSEWHERE",
    "EXG_COMMENT_COUNT",
    "EXG_COMMENT_COUNT_MANY",
    "EXG_COMMENT_HEADING",
    "EXG_ENTRIES",
    "EXG_ENTRIES_MANY",
    "EXG_FAILED_OTHER",
    "EXG_FINGERPRINT_SPOKEN",
    "EXG_FLAGS",
    "EXG_FLAGS_MANY",
    "EXG_ITEMS",
    "EXG_ITEMS_MANY",
    "EXG_MATCHES_HELP",
    "EXG_NEED_CARD",
    "EXG_NEED_MATCH",
    "EXG_NEED_MY_NAME",
    "EXG_NEED_REPLACE",
    "EXG_NO_COMMENTS",
    "EXG_READY",
    "EXG_RECEIVED",
    "EXG_RECORD_NAME",
    "EXG_RECORD_SAVE_TITLE",
    "EXG_REPLACE_HELP",
    "EXG_REPLY_FILTER",
    "EXG_REPLY_TITLE",
    "EXG_SEND_NEEDS",
    "EXG_SEND_WHAT",
    "EXG_SEND_WHAT_NEW",
    "EXG_SESSION_MADE",
    "EXG_SHARED",
    "EXG_SHARED_WAITING",
    "EXG_SHARE_FAILED",
    "EXG_SHARE_FILTER",
    "EXG_SHARE_NAME",
    "EXG_SHARE_TITLE",
    "EXG_SHARING",
    "EXG_SIGNED_LIST",
    "EXG_SIGNED_OFF",
]
