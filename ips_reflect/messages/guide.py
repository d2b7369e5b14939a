"""The Guide page: browsing and searching every item of the question packs."""

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

__all__ = [
    "GUIDE_ALL_TYPES",
    "GUIDE_ANSWER_KINDS",
    "GUIDE_APPLIES_TO",
    "GUIDE_AUDIENCES",
    "GUIDE_AUDIENCES_ALL",
    "GUIDE_CHOICES",
    "GUIDE_CLEAR_SEARCH",
    "GUIDE_COUNT_ALL",
    "GUIDE_COUNT_FILTERED",
    "GUIDE_EMPTY",
    "GUIDE_EMPTY_IN_TYPE",
    "GUIDE_EMPTY_TYPE_ONLY",
    "GUIDE_EXAMPLES",
    "GUIDE_FROM_PAPER",
    "GUIDE_GROUPS",
    "GUIDE_GROUPS_ALL",
    "GUIDE_HOW_ANSWERED",
    "GUIDE_IN",
    "GUIDE_IN_THIS_PACK",
    "GUIDE_IN_THIS_SECTION",
    "GUIDE_QUICK",
    "GUIDE_SCALE_ENDS",
    "GUIDE_SECTION_COUNT",
    "GUIDE_SEE_ALSO",
    "GUIDE_TYPE_NAMES",
    "GUIDE_TYPE_OPTION",
    "GUIDE_WELCOME",
    "GUIDE_WELCOME_PARTS",
    "GUIDE_WELCOME_TITLE",
]
