"""The team lead's Team page: the folder of bio cards and the 'Meet the team' booklet."""

# Sidebar name of the page.
TEAM_PAGE_NAME = "Team booklet"

# Team page.
TEAM_CHOOSE_FOLDER_TITLE = "Choose the team's shared folder of bio cards"
TEAM_NO_FOLDER = "No folder chosen yet."
TEAM_FOLDER_SUMMARY = "{valid} of {total} cards ready for the booklet."
TEAM_FOLDER_SUMMARY_BAD = (
    "{valid} of {total} cards ready for the booklet; {bad} {have} problems (marked ✗)."
)
TEAM_COLUMNS = ("Person or file", "Role", "Status", "Problems")
TEAM_STATUS_OK = "✓ Ready"
TEAM_STATUS_OK_WARN = "✓ Ready, {n} warning{s}"
TEAM_STATUS_OK_WARN_SPOKEN = "Ready for the booklet, with {n} warning{s}"
TEAM_STATUS_BAD = "✗ {n} problem{s}"
TEAM_STATUS_OK_SPOKEN = "Ready for the booklet"
TEAM_STATUS_BAD_SPOKEN = "Not ready: {n} problem{s}"
TEAM_PROBLEMS_NONE = "No problems."
TEAM_PROBLEMS_FOR = "Problems in {file}:"
TEAM_PROBLEMS_FOR_PERSON = "Problems in {name}'s card ({file}):"
# One line per problem, shared by the Team page and `ips-reflect team booklet` (ops/team.py).
TEAM_CARD_OF = "{name}'s card"
TEAM_CARD_UNNAMED = "The card in {file}"
TEAM_CARD_ERROR = "{card}: {where}: {reason}."
TEAM_CARD_WARNING = "{card}: {where}: warning, the card can still go in the booklet: {reason}."
TEAM_SKIP_TITLE = "Leave out cards with problems?"
TEAM_SKIP = (
    "{n} card{s} cannot go in the booklet until fixed: {names}. Build the booklet with "
    "the other {valid} {people} and leave {them} out?"
)
TEAM_BUILD_TITLE = "Save the booklet"
TEAM_BUILD_FILTER = "'Meet the team' booklet to print or share (*.pdf)"
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
TEAM_MOVED = "{name} is now number {pos} of {total}."
TEAM_CHECKLIST_SHOW = "Show the team lead checklist"
TEAM_CHECKLIST_HIDE = "Hide the team lead checklist"

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
TEAM_READING = "Reading the cards…"
TEAM_READ_FAILED = (
    "The cards could not be read. Check that the folder is still there and try Reload."
)

__all__ = [
    "TEAM_BUILDING",
    "TEAM_BUILD_FAILED",
    "TEAM_BUILD_FAILED_TITLE",
    "TEAM_BUILD_FILTER",
    "TEAM_BUILD_TITLE",
    "TEAM_BUILT",
    "TEAM_CARD_ERROR",
    "TEAM_CARD_OF",
    "TEAM_CARD_UNNAMED",
    "TEAM_CARD_WARNING",
    "TEAM_CHECKLIST_HIDE",
    "TEAM_CHECKLIST_SHOW",
    "TEAM_CHOOSE_FOLDER_TITLE",
    "TEAM_COLUMNS",
    "TEAM_DEFAULT_TITLE",
    "TEAM_FOLDER_SUMMARY",
    "TEAM_FOLDER_SUMMARY_BAD",
    "TEAM_MOVED",
    "TEAM_NOTHING_TO_BUILD",
    "TEAM_NOT_BUILT",
    "TEAM_NO_FOLDER",
    "TEAM_PAGE_NAME",
    "TEAM_PAGE_NO_CARDS",
    "TEAM_PREVIEW_EMPTY",
    "TEAM_PREVIEW_FAILED",
    "TEAM_PREVIEW_NAME",
    "TEAM_PREVIEW_NONE_VALID",
    "TEAM_PROBLEMS_FOR",
    "TEAM_PROBLEMS_FOR_PERSON",
    "TEAM_PROBLEMS_HEADING",
    "TEAM_PROBLEMS_NONE",
    "TEAM_READING",
    "TEAM_READ_FAILED",
    "TEAM_SKIP",
    "TEAM_SKIP_TITLE",
    "TEAM_STATUS_BAD",
    "TEAM_STATUS_BAD_SPOKEN",
    "TEAM_STATUS_OK",
    "TEAM_STATUS_OK_SPOKEN",
    "TEAM_STATUS_OK_WARN",
    "TEAM_STATUS_OK_WARN_SPOKEN",
]
