"""The practitioner's own biography: the Biography page, its privacy guard, its bio card."""

# Sidebar name of the page.
BIO_PAGE_NAME = "My biography"

# Biography page.
BIO_NAME_LABEL = "Name"
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
BIO_PHOTO_FILTER = "Photo of you for your card and biography (*.png *.jpg *.jpeg)"
BIO_PHOTO_BAD_TITLE = "That photo cannot be used"
BIO_PHOTO_BAD = "That photo cannot be used: {reason}."
BIO_PHOTO_NONE = "No photo"
BIO_PHOTO_KEPT = "Kept in your vault, encrypted."
BIO_PHOTO_ADDED = "Photo added; it is kept in your vault, encrypted."
BIO_CARD_SAVE_TITLE = "Save your bio card"
BIO_CARD_FILTER = "Bio card for the team's 'Meet the team' booklet (*.yaml)"
BIO_PDF_SAVE_TITLE = "Export your biography as a PDF"
BIO_PDF_FILTER = "One-page biography to print or hand out (*.pdf)"
BIO_REFUSED_TITLE = "Nothing was written"
BIO_REFUSED = (
    "Your {what} is meant to be shared, so it was not written: {n} thing{s} in your "
    "biography must change first."
)
BIO_WHAT_CARD = "bio card"
BIO_WHAT_PDF = "biography PDF"
BIO_NO_CONSENT_TITLE = "Consent not ticked"
BIO_NO_CONSENT = (
    "“Put my card in the team booklet” is not ticked, so the card will say "
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

BIO_BIOGRAPHY_LABEL = "Your biography"
BIO_SERVICE_LABEL = "Service"
BIO_PREVIEW_NAME = "Preview of your biography PDF"
BIO_PREVIEW_FAILED = "The preview could not be made ({error}). Your text is safe; try again."
BIO_PHOTO_NOT_IMAGE = "it is not a PNG or JPEG image; save it as .png or .jpg"

# Shown on the Biography page and by `ips-reflect bio pdf` alike.
BIO_CLI_WROTE_PDF = "Wrote your biography to {file}."

# --- biography guard: the sharing plan must be readable (fails closed) ------
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

BIO_UNREADABLE = (
    "Your saved biography could not be read, so it is not shown and nothing here will "
    "be saved over it. Lock and unlock to try again; if it keeps happening, run "
    "'ips-reflect verify' and restore a backup if it finds damage."
)

__all__ = [
    "BIO_BIOGRAPHY_LABEL",
    "BIO_CARD_FILTER",
    "BIO_CARD_PHOTO_PART",
    "BIO_CARD_SAVE_TITLE",
    "BIO_CARD_WRITTEN",
    "BIO_CLI_WROTE_PDF",
    "BIO_COUNT",
    "BIO_COUNT_EMPTY",
    "BIO_DRAFT_REPLACE",
    "BIO_DRAFT_REPLACE_TITLE",
    "BIO_EXPORT_FAILED",
    "BIO_EXPORT_FAILED_TITLE",
    "BIO_GUARD_CLEAR",
    "BIO_GUARD_FOUND",
    "BIO_GUARD_ITEM",
    "BIO_GUARD_NO_PLAN",
    "BIO_GUARD_PLAN_UNREADABLE",
    "BIO_LIST_HINT",
    "BIO_LOCKED",
    "BIO_NAME_LABEL",
    "BIO_NO_CONSENT",
    "BIO_NO_CONSENT_TITLE",
    "BIO_PAGE_NAME",
    "BIO_PDF_BUILDING",
    "BIO_PDF_FILTER",
    "BIO_PDF_SAVE_TITLE",
    "BIO_PDF_WRITTEN",
    "BIO_PHOTO_ADDED",
    "BIO_PHOTO_BAD",
    "BIO_PHOTO_BAD_TITLE",
    "BIO_PHOTO_CHOOSE_TITLE",
    "BIO_PHOTO_FILTER",
    "BIO_PHOTO_KEPT",
    "BIO_PHOTO_NONE",
    "BIO_PHOTO_NOT_IMAGE",
    "BIO_PLAN_UNREADABLE",
    "BIO_PLAN_UNREADABLE_TITLE",
    "BIO_PREVIEW_EMPTY",
    "BIO_PREVIEW_FAILED",
    "BIO_PREVIEW_NAME",
    "BIO_REFUSED",
    "BIO_REFUSED_TITLE",
    "BIO_SAVED",
    "BIO_SAVE_FAILED",
    "BIO_SERVICE_LABEL",
    "BIO_SHARED_TITLE",
    "BIO_TARGET_LONG",
    "BIO_TARGET_OK",
    "BIO_TARGET_SHORT",
    "BIO_TEMPLATE_NAMES",
    "BIO_UNREADABLE",
    "BIO_UNSAVED",
    "BIO_WHAT_CARD",
    "BIO_WHAT_PDF",
]
