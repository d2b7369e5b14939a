"""Before and after sharing: the traffic light and the reflection flows.

The flows are the Home, Prepare (sharing plan), Before sharing and After sharing pages."""

# The traffic light (core/check.py). Own words, after the paper's Boxes 2 and 3.
CHECK_LIGHT_GREEN = "Green"
CHECK_LIGHT_AMBER = "Amber"
CHECK_LIGHT_RED = "Red"
CHECK_HEADLINE_GREEN = "Green: go ahead"
CHECK_HEADLINE_AMBER = "Amber: go gently"
CHECK_HEADLINE_RED = "Red: pause and think again"
CHECK_ADVICE_GREEN = (
    "Go ahead. Keep it brief, and keep the focus on them and what they want from work."
)
CHECK_ADVICE_AMBER = (
    "Start small: share a little, then check back with the person about how it landed. "
    "If you are in two minds, talk it over with a colleague or your supervisor first."
)
CHECK_ADVICE_RED = (
    "Pause. Consider not sharing this now, and bring it to supervision so you can think "
    "it through with someone. It is your decision: you can still save this check and go on."
)
CHECK_REASON_ALL_CLEAR = (
    "Nothing in your answers, the warning signs or your sharing plan asks you to hold back."
)
CHECK_NOTE_REASONS = "Your reasons for sharing: {labels}."
CHECK_RULE_RED = (
    "Red when it would not do them any good, or not help a client get or keep work; when "
    "your sharing plan says never or not now for this audience; when you are not all right "
    "today or it would take you outside your role; or when a serious warning sign is "
    "ticked or found in your own words (unless you dismissed it with a note)."
)
CHECK_RULE_AMBER = (
    "Amber when you are unsure about a key question, answer no to any other question, think "
    "it may be better left unsaid, pick no positive reason, tick or write about another "
    "warning sign, or your plan says to share this only briefly."
)
CHECK_RULE_GREEN = "Green only when none of that applies."
CHECK_RULE_NEVER_BLOCKS = (
    "The light is a prompt to think, never a rule: you can always save the check and go on."
)

# --- the traffic light: rules from the pack, a fourth state -----------------
# core/check.py, commands/check_cmd.py, and the places that show a saved light.
CHECK_LIGHT_INCOMPLETE = "Grey"
CHECK_HEADLINE_INCOMPLETE = "Grey: not enough to advise yet"
CHECK_ADVICE_INCOMPLETE = (
    "Answer the key questions listed below and the light will give its advice. "
    "You can still save the check as it is."
)
CHECK_REASON_MISSING = "“{label}” is not answered yet, and it is one of the key questions."
CHECK_HOW_TICKED = "you ticked it"
CHECK_HOW_FOUND = "your own words in this check suggest it"
CHECK_RULE_INCOMPLETE = (
    "Grey (not enough to advise yet) while a key question is unanswered: whether it does "
    "them some good, whether it helps a client get or keep work, whether you are okay "
    "today, and whether it stays within your role."
)
CHECK_RULES_OURS = (
    "Which answers and signs turn the light red or amber is our own reading of the "
    "briefing paper, not a ranking the paper makes; your organisation can change it."
)

# --- reflection flows -------------------------------------------------------
# Pages (sidebar titles) and shared words.
FLOW_PAGE_HOME = "Home"
FLOW_PAGE_PREPARE = "Prepare"
FLOW_PAGE_BEFORE = "Before sharing"
FLOW_PAGE_AFTER = "After sharing"
FLOW_YES = "Yes"
FLOW_NO = "No"
FLOW_UNSURE = "Unsure"
FLOW_KEY_HINT = "Press {key} to choose this"
FLOW_CHOOSE = "Choose…"
FLOW_FROM_PAPER = "From the paper: {source}"
FLOW_EXAMPLE = "For example: {example}"
FLOW_LIST_PLACEHOLDER = "One per line"
FLOW_LIST_PLACEHOLDER_EXAMPLES = "One per line, for example: {examples}"
FLOW_NOT_SET = "not given"
FLOW_NOT_FROM_PLAN = "Not from my plan"
FLOW_UNNAMED_EXPERIENCE = "(no words yet)"
FLOW_EXPERIENCE_WITH_LEVEL = "{label} — {level} for {who}"
FLOW_PLAN_NOTE = "Your note in the plan: {notes}"
FLOW_LIGHT_ACCESSIBLE = "Traffic light: {light}"
FLOW_CHANGED_SINCE_SAVE = "Changed since you saved: save again to keep the changes."

# Drafts.
FLOW_NOUN_CHECK = "check"
FLOW_NOUN_REFLECTION = "reflection"
FLOW_NOUN_PLAN = "plan"
FLOW_DRAFT_OFFER = "Restore your unfinished {noun} from {when}?"
FLOW_DRAFT_RESTORE_ACCESSIBLE = "Restore your unfinished {noun}"
FLOW_DRAFT_DISCARD_ACCESSIBLE = "Discard your unfinished {noun}"

# Home.
FLOW_GOOD_MORNING = "Good morning"
FLOW_GOOD_AFTERNOON = "Good afternoon"
FLOW_GOOD_EVENING = "Good evening"
FLOW_PENDING_NONE = "No shares waiting for a reflection"
FLOW_PENDING_ONE = "1 share to reflect on"
FLOW_PENDING_MANY = "{count} shares to reflect on"
FLOW_PENDING_HINT = (
    "Checks you made before sharing that are still waiting for a reflection. Looking back "
    "while it is fresh is how the learning carries forward. Press Enter on one to start."
)
FLOW_PENDING_EMPTY_HINT = (
    "When you save a check before sharing, it waits here until you have reflected on how it went."
)
FLOW_PENDING_MORE = "… and {count} older ones."
FLOW_PENDING_LIGHT = "{light} light"
FLOW_REFLECT_NOW = "Reflect now"
FLOW_REFLECT_ON_ACCESSIBLE = "Reflect on {title}, checked {when}"
FLOW_HOME_NO_PLAN = (
    "You have no sharing plan yet. Deciding calmly, ahead of time, what you will and will "
    "not share takes about ten minutes, and every check uses it."
)
FLOW_HOME_PLAN = (
    "{count} {experiences} in your plan (version {version}, saved {when}). Revisit it "
    "whenever something changes."
)

# Before sharing.
FLOW_BEFORE_INTRO = (
    "A short check for this person and this moment. Answer what helps; nothing here stops "
    "you. It ends with a traffic light and some plain advice."
)
FLOW_AUDIENCE_CHOOSE = "Choose who you are sharing with"
FLOW_AUDIENCE_CHOOSE_AFTER = "Choose who you shared with"
FLOW_PLAN_PICKER_LABEL = "E&xperience from my plan"
FLOW_PLAN_BANNER_STOP = (
    "You can still go on; the summary will suggest pausing and talking it over first."
)
FLOW_PLAN_BANNER_BRIEF = "Keep to the short version you planned."
FLOW_STEP_WHAT = "What"
FLOW_STEP_WHY = "Why"
FLOW_STEP_WHEN = "When"
FLOW_STEP_HOW = "How"
FLOW_STEP_OKAY = "Okay with me"
FLOW_STEP_SIGNS = "Reasons & signs"
FLOW_STEP_SUMMARY = "Summary"
FLOW_STEP_QUICK = "Quick check"
FLOW_STEP_COUNTER = "Step {n} of {total}"
FLOW_QUICK_TITLE = "Quick check: the key questions"
FLOW_QUICK_INTRO = (
    "For a corridor or the minute before a meeting. Turn Quick mode off for the full check, "
    "with reasons and warning signs."
)
FLOW_SIGNS_TITLE = "Reasons and warning signs"
FLOW_SIGNS_INTRO = (
    "Tick any that apply. Hover or focus a box to read more. A warning sign is a prompt to "
    "think, never a verdict."
)
FLOW_REASONS_HEADING = "Why this could help them"
FLOW_REASONS_ACCESSIBLE = "Positive reasons for sharing"
FLOW_SIGNS_HEADING = "Warning signs I notice"
FLOW_SIGNS_ACCESSIBLE = "Warning signs"
FLOW_SIGNS_SOURCE = "Box 2 — positive reasons and examples of warning signs"
FLOW_SUMMARY_ACCESSIBLE = "The traffic light for this check"
FLOW_SUMMARY_WHY = "What led to this"
FLOW_SUMMARY_THIS_CHECK = "This check"
FLOW_SUMMARY_RULES = "How the light is worked out"
FLOW_DETAIL_AUDIENCE = "Sharing with: {who}"
FLOW_DETAIL_ALIAS = "Client alias: {alias}"
FLOW_DETAIL_EXPERIENCE = "Experience: {what}"
FLOW_BRING_TO_SUPERVISION = "Bring this to s&upervision"
FLOW_BRING_ACCESSIBLE = "Bring this check to supervision"
FLOW_BRING_DESCRIPTION = (
    "Marks the check so it is included when you prepare for supervision. Only entries you "
    "mark are shared there."
)
FLOW_CHECK_TITLE = "Check: {what}"
FLOW_CHECK_TITLE_EMPTY = "Check before sharing"
FLOW_CHECK_SAVED = (
    "Saved at {when}. After you have shared, reflect on how it went: it waits on Home."
)

# After sharing.
FLOW_STANDALONE = "Nothing: a standalone reflection"
FLOW_LINK_TITLE = "{title}, checked {when}"
FLOW_AFTER_SIGNS_HEADING = "Which warning signs did I notice?"
FLOW_AFTER_SIGNS_ACCESSIBLE = "Warning signs I noticed"
FLOW_REFLECTION_TITLE = "Reflection: {what}"
FLOW_REFLECTION_TITLE_EMPTY = "Reflection after sharing"
FLOW_REFLECTION_SAVED = "Saved at {when}. It is in your journal."

# Prepare.
FLOW_NO_EXPERIENCE = (
    "Add an experience to start: name it in your own words, then say how freely you would "
    "share it with clients, employers, your IPS team and the clinical team."
)
FLOW_LEVEL_UNDECIDED = "Not decided yet"
FLOW_KIND_UNSURE = "Not sure yet"
FLOW_TABLE_EXPERIENCE = "Experience"
FLOW_CELL_TIP = "{level} for {who}"
FLOW_LINES_TITLE = "Boundaries and ready-made lines"
FLOW_LINES_INTRO = (
    "What you will not share, and the words you will reach for when a conversation drifts "
    "there. Having them ready makes it easier to stay calm and kind."
)
FLOW_HISTORY_INTRO = (
    "Every time you save, the plan gets a new version and the earlier ones are kept. Choose "
    "one to read it."
)
FLOW_HISTORY_ROW = "Version {version} · {when}"
FLOW_HISTORY_CURRENT = "(current)"
FLOW_HISTORY_NO_EXPERIENCES = "No experiences in this version."
FLOW_HISTORY_ANSWERS = "Your answers to the questions to think about"
FLOW_PLAN_NOT_SAVED = "Not saved yet"
FLOW_PLAN_VERSION = "Version {version}, saved {when}"
FLOW_PLAN_UNSAVED = "unsaved changes"
FLOW_PLAN_SAVED = "Saved as version {version} at {when}. Earlier versions are kept."
FLOW_PLAN_FROM_VERSION = (
    "Started from version {version}. Save to make it your newest version; nothing is lost."
)
FLOW_PLAN_ENTRY_TITLE = "Sharing plan, version {version}"

# One entry to PDF.
FLOW_PDF_WARNING_TITLE = "The PDF will not be encrypted"
FLOW_PDF_WARNING = (
    "Anyone who can open the PDF can read it. Keep it somewhere private and delete it when "
    "you no longer need it. Go on?"
)
FLOW_PDF_SAVE_TITLE = "Save as PDF"
FLOW_PDF_FILTER = "PDF to read or print (*.pdf)"
FLOW_PDF_WRITING = "Writing the PDF…"
FLOW_PDF_DONE = "Saved {file}. It is not encrypted: keep it private."
FLOW_PDF_FAILED = "The PDF could not be written ({problem}). Try another folder."

__all__ = [
    "CHECK_ADVICE_AMBER",
    "CHECK_ADVICE_GREEN",
    "CHECK_ADVICE_INCOMPLETE",
    "CHECK_ADVICE_RED",
    "CHECK_HEADLINE_AMBER",
    "CHECK_HEADLINE_GREEN",
    "CHECK_HEADLINE_INCOMPLETE",
    "CHECK_HEADLINE_RED",
    "CHECK_HOW_FOUND",
    "CHECK_HOW_TICKED",
    "CHECK_LIGHT_AMBER",
    "CHECK_LIGHT_GREEN",
    "CHECK_LIGHT_INCOMPLETE",
    "CHECK_LIGHT_RED",
    "CHECK_NOTE_REASONS",
    "CHECK_REASON_ALL_CLEAR",
    "CHECK_REASON_MISSING",
    "CHECK_RULES_OURS",
    "CHECK_RULE_AMBER",
    "CHECK_RULE_GREEN",
    "CHECK_RULE_INCOMPLETE",
    "CHECK_RULE_NEVER_BLOCKS",
    "CHECK_RULE_RED",
    "FLOW_AFTER_SIGNS_ACCESSIBLE",
    "FLOW_AFTER_SIGNS_HEADING",
    "FLOW_AUDIENCE_CHOOSE",
    "FLOW_AUDIENCE_CHOOSE_AFTER",
    "FLOW_BEFORE_INTRO",
    "FLOW_BRING_ACCESSIBLE",
    "FLOW_BRING_DESCRIPTION",
    "FLOW_BRING_TO_SUPERVISION",
    "FLOW_CELL_TIP",
    "FLOW_CHANGED_SINCE_SAVE",
    "FLOW_CHECK_SAVED",
    "FLOW_CHECK_TITLE",
    "FLOW_CHECK_TITLE_EMPTY",
    "FLOW_CHOOSE",
    "FLOW_DETAIL_ALIAS",
    "FLOW_DETAIL_AUDIENCE",
    "FLOW_DETAIL_EXPERIENCE",
    "FLOW_DRAFT_DISCARD_ACCESSIBLE",
    "FLOW_DRAFT_OFFER",
    "FLOW_DRAFT_RESTORE_ACCESSIBLE",
    "FLOW_EXAMPLE",
    "FLOW_EXPERIENCE_WITH_LEVEL",
    "FLOW_FROM_PAPER",
    "FLOW_GOOD_AFTERNOON",
    "FLOW_GOOD_EVENING",
    "FLOW_GOOD_MORNING",
    "FLOW_HISTORY_ANSWERS",
    "FLOW_HISTORY_CURRENT",
    "FLOW_HISTORY_INTRO",
    "FLOW_HISTORY_NO_EXPERIENCES",
    "FLOW_HISTORY_ROW",
    "FLOW_HOME_NO_PLAN",
    "FLOW_HOME_PLAN",
    "FLOW_KEY_HINT",
    "FLOW_KIND_UNSURE",
    "FLOW_LEVEL_UNDECIDED",
    "FLOW_LIGHT_ACCESSIBLE",
    "FLOW_LINES_INTRO",
    "FLOW_LINES_TITLE",
    "FLOW_LINK_TITLE",
    "FLOW_LIST_PLACEHOLDER",
    "FLOW_LIST_PLACEHOLDER_EXAMPLES",
    "FLOW_NO",
    "FLOW_NOT_FROM_PLAN",
    "FLOW_NOT_SET",
    "FLOW_NOUN_CHECK",
    "FLOW_NOUN_PLAN",
    "FLOW_NOUN_REFLECTION",
    "FLOW_NO_EXPERIENCE",
    "FLOW_PAGE_AFTER",
    "FLOW_PAGE_BEFORE",
    "FLOW_PAGE_HOME",
    "FLOW_PAGE_PREPARE",
    "FLOW_PDF_DONE",
    "FLOW_PDF_FAILED",
    "FLOW_PDF_FILTER",
    "FLOW_PDF_SAVE_TITLE",
    "FLOW_PDF_WARNING",
    "FLOW_PDF_WARNING_TITLE",
    "FLOW_PDF_WRITING",
    "FLOW_PENDING_EMPTY_HINT",
    "FLOW_PENDING_HINT",
    "FLOW_PENDING_LIGHT",
    "FLOW_PENDING_MANY",
    "FLOW_PENDING_MORE",
    "FLOW_PENDING_NONE",
    "FLOW_PENDING_ONE",
    "FLOW_PLAN_BANNER_BRIEF",
    "FLOW_PLAN_BANNER_STOP",
    "FLOW_PLAN_ENTRY_TITLE",
    "FLOW_PLAN_FROM_VERSION",
    "FLOW_PLAN_NOTE",
    "FLOW_PLAN_NOT_SAVED",
    "FLOW_PLAN_PICKER_LABEL",
    "FLOW_PLAN_SAVED",
    "FLOW_PLAN_UNSAVED",
    "FLOW_PLAN_VERSION",
    "FLOW_QUICK_INTRO",
    "FLOW_QUICK_TITLE",
    "FLOW_REASONS_ACCESSIBLE",
    "FLOW_REASONS_HEADING",
    "FLOW_REFLECTION_SAVED",
    "FLOW_REFLECTION_TITLE",
    "FLOW_REFLECTION_TITLE_EMPTY",
    "FLOW_REFLECT_NOW",
    "FLOW_REFLECT_ON_ACCESSIBLE",
    "FLOW_SIGNS_ACCESSIBLE",
    "FLOW_SIGNS_HEADING",
    "FLOW_SIGNS_INTRO",
    "FLOW_SIGNS_SOURCE",
    "FLOW_SIGNS_TITLE",
    "FLOW_STANDALONE",
    "FLOW_STEP_COUNTER",
    "FLOW_STEP_HOW",
    "FLOW_STEP_OKAY",
    "FLOW_STEP_QUICK",
    "FLOW_STEP_SIGNS",
    "FLOW_STEP_SUMMARY",
    "FLOW_STEP_WHAT",
    "FLOW_STEP_WHEN",
    "FLOW_STEP_WHY",
    "FLOW_SUMMARY_ACCESSIBLE",
    "FLOW_SUMMARY_RULES",
    "FLOW_SUMMARY_THIS_CHECK",
    "FLOW_SUMMARY_WHY",
    "FLOW_TABLE_EXPERIENCE",
    "FLOW_UNNAMED_EXPERIENCE",
    "FLOW_UNSURE",
    "FLOW_YES",
]
