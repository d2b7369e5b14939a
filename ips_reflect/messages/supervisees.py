"""Supervisees: the supervisor's page (key card, shares opened, the walk-through,
comments, actions, sign-off and the record)."""

SVS_PAGE_TITLE = "Supervisees"
SVS_LOCKED = "Unlock IPS Reflect to see the sessions your supervisees shared with you."
SVS_NO_SHARES = (
    "No shares opened yet. When someone you supervise sends you a session (a .ipsshare "
    "file), choose “Open a supervisee's share…” above."
)

# --- the key card -----------------------------------------------------------
SVS_NAME_TITLE = "Your name on your key card"
SVS_NAME_PROMPT = (
    "The people you supervise will see this name on your key card and on every reply you "
    "send. You are asked once; it is kept in your vault."
)
SVS_NAME_NEEDED = "Type your name for the key card, or press Cancel."
SVS_CARD_SAVE_TITLE = "Save your key card"
SVS_CARD_FILTER = "Key cards (*.ipskey)"
SVS_CARD_SAVING = "Saving your key card…"
SVS_CARD_SAVED = "Your key card is saved in {file}. Send it to the people you supervise."
SVS_CARD_HEADING = "Your key card's fingerprint"
SVS_CARD_SPOKEN = "Read out: {words}."
SVS_CARD_HOW = (
    "Send your key card (the .ipskey file) to each person you supervise. The first time they "
    "use it, their IPS Reflect asks them to check this fingerprint with you: read it to them "
    "over the phone or in person, so they know the card is really yours."
)
SVS_CARD_NAME = "Key card of {name}. Fingerprint {code}."
#: How each character of a fingerprint is read out over the phone.
SVS_SPOKEN = {
    "0": "zero",
    "1": "one",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
    "A": "alpha",
    "B": "bravo",
    "C": "charlie",
    "D": "delta",
    "E": "echo",
    "F": "foxtrot",
    "G": "golf",
    "H": "hotel",
    "J": "juliett",
    "K": "kilo",
    "M": "mike",
    "N": "november",
    "P": "papa",
    "Q": "quebec",
    "R": "romeo",
    "S": "sierra",
    "T": "tango",
    "V": "victor",
    "W": "whiskey",
    "X": "x-ray",
    "Y": "yankee",
    "Z": "zulu",
}
SVS_SPOKEN_GROUP_BREAK = " · "

# --- opening a share --------------------------------------------------------
SVS_OPEN_TITLE = "Open a supervisee's share"
SVS_SHARE_FILTER = "Shared sessions (*.ipsshare)"
SVS_OPENING = "Opening {file}…"
SVS_OPENED = "Opened {name}'s session of {date}: {count}. Their key's fingerprint is {fingerprint}."
SVS_FAILED = "Something went wrong ({reason}). Nothing was stored; try again."

# --- the lists --------------------------------------------------------------
SVS_PERSON_LINE = "{name}\n{sessions}"
SVS_PERSON_WAITING = "{sessions}, {waiting} waiting for sign-off"
SVS_SESSIONS_ONE = "1 session"
SVS_SESSIONS_MANY = "{n} sessions"
SVS_ITEMS_ONE = "1 item"
SVS_ITEMS_MANY = "{n} items"
SVS_SESSION_COLUMNS = ("Session", "Items", "Signed off")
SVS_SESSIONS_HEADER_NAME = "Columns of the sessions table"
SVS_SESSIONS_ROWS_NAME = "Sessions shared with you"
SVS_NOT_SIGNED = "Not yet"
SVS_SIGNED = "{name}"
SVS_SIGNED_REPLIES = "{name} ({replies} replies)"
SVS_SESSION_ROW_NAME = "Session of {date}, {items}. Signed off: {state}."

# --- the walk-through -------------------------------------------------------
SVS_HEADING = "{name} · session of {date}"
SVS_POSITION = "Item {n} of {total}"
SVS_KIND_FLAG = "{kind} · {sign}"
SVS_NO_ITEMS = "This share has no items to walk through."
SVS_ITEM_NO_TEXT = "(No words with this item: talk it over together.)"
SVS_COMMENTS_HEADING = "Your comments so far"
SVS_COMMENT_KEPT = "Comment kept on item {n}."
SVS_KEYS_HINT = (
    "Alt+Right and Alt+Left move between items. What you type is kept as a comment on "
    "this item when you move on."
)
SVS_ITEM_ACCESSIBLE = "{position}. {kicker}. {title}"

# --- actions and the sign-off -----------------------------------------------
SVS_ACTION_COLUMNS = ("Action", "Due")
SVS_ACTIONS_HEADER_NAME = "Columns of the agreed actions"
SVS_ACTIONS_ROWS_NAME = "Agreed actions"
SVS_NO_DUE = "No date"
SVS_ACTION_ADDED = "Action added: {text}"
SVS_ACTION_EMPTY = "Type the action first, then add it."
SVS_SIGNOFF_EMPTY = "Type the name to sign off with first."
SVS_REPLY_SAVE_TITLE = "Save the reply"
SVS_REPLY_FILTER = "Supervision replies (*.ipsreply)"
SVS_REPLYING = "Signing off and saving the reply…"
SVS_REPLIED = (
    "Signed off and saved reply {sequence} in {file}. Send it to {name}. Record fingerprint: "
    "{fingerprint} (their copy of the record shows the same code)."
)
SVS_RECORD_STATE = "Signed off by {name} on {when}. Record fingerprint: {fingerprint}."
SVS_RECORD_NONE = (
    "Not signed off yet. When you have talked it through, sign off and save the reply; "
    "send the file back to {name}."
)
SVS_RECORD_SAVE_TITLE = "Save the supervision record as a PDF"
SVS_RECORD_FILTER = "PDF files (*.pdf)"
SVS_RECORD_SAVING = "Making the record PDF…"
SVS_RECORD_SAVED = (
    "The record is saved in {file} (record fingerprint {fingerprint}). The PDF is not "
    "encrypted: keep it somewhere private."
)

__all__ = [
    "SVS_ACTIONS_HEADER_NAME",
    "SVS_ACTIONS_ROWS_NAME",
    "SVS_ACTION_ADDED",
    "SVS_ACTION_COLUMNS",
    "SVS_ACTION_EMPTY",
    "SVS_CARD_FILTER",
    "SVS_CARD_HEADING",
    "SVS_CARD_HOW",
    "SVS_CARD_NAME",
    "SVS_CARD_SAVED",
    "SVS_CARD_SAVE_TITLE",
    "SVS_CARD_SAVING",
    "SVS_CARD_SPOKEN",
    "SVS_COMMENTS_HEADING",
    "SVS_COMMENT_KEPT",
    "SVS_FAILED",
    "SVS_HEADING",
    "SVS_ITEMS_MANY",
    "SVS_ITEMS_ONE",
    "SVS_ITEM_ACCESSIBLE",
    "SVS_ITEM_NO_TEXT",
    "SVS_KEYS_HINT",
    "SVS_KIND_FLAG",
    "SVS_LOCKED",
    "SVS_NAME_NEEDED",
    "SVS_NAME_PROMPT",
    "SVS_NAME_TITLE",
    "SVS_NOT_SIGNED",
    "SVS_NO_DUE",
    "SVS_NO_ITEMS",
    "SVS_NO_SHARES",
    "SVS_OPENED",
    "SVS_OPENING",
    "SVS_OPEN_TITLE",
    "SVS_PAGE_TITLE",
    "SVS_PERSON_LINE",
    "SVS_PERSON_WAITING",
    "SVS_POSITION",
    "SVS_RECORD_FILTER",
    "SVS_RECORD_NONE",
    "SVS_RECORD_SAVED",
    "SVS_RECORD_SAVE_TITLE",
    "SVS_RECORD_SAVING",
    "SVS_RECORD_STATE",
    "SVS_REPLIED",
    "SVS_REPLYING",
    "SVS_REPLY_FILTER",
    "SVS_REPLY_SAVE_TITLE",
    "SVS_SESSIONS_HEADER_NAME",
    "SVS_SESSIONS_MANY",
    "SVS_SESSIONS_ONE",
    "SVS_SESSIONS_ROWS_NAME",
    "SVS_SESSION_COLUMNS",
    "SVS_SESSION_ROW_NAME",
    "SVS_SHARE_FILTER",
    "SVS_SIGNED",
    "SVS_SIGNED_REPLIES",
    "SVS_SIGNOFF_EMPTY",
    "SVS_SPOKEN",
    "SVS_SPOKEN_GROUP_BREAK",
]
