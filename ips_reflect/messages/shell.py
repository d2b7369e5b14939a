"""The app's window: display settings, the About box, error dialogs, the PDF preview."""

# --- main window and display settings (gui/main_window.py, gui/about.py) ----
GUI_PRIVACY_NOTE = "Private: everything stays on this computer."
GUI_PAGE_GUIDE = "Guide"
GUI_PAGE_SHORTCUT_TIP = "{title} ({shortcut})"
GUI_THEME_NAMES = {"light": "Light", "dark": "Dark", "high_contrast": "High contrast"}
GUI_THEME_CHANGED = "Theme: {name}."
GUI_TEXT_SIZE_CHANGED = "Text size: {size} points."
GUI_TEXT_SIZE_LIMIT_LARGE = "Text is already at the largest size ({size} points)."
GUI_TEXT_SIZE_LIMIT_SMALL = "Text is already at the smallest size ({size} points)."
GUI_SETTINGS_NOT_SAVED = (
    "Your display settings could not be saved ({reason}). They will apply until you "
    "close IPS Reflect; check that the data folder {folder} can be written to."
)
GUI_ABOUT_VERSION = "Version {version}"

# --- error dialogs (gui/app.py) ---------------------------------------------
GUI_CONTENT_ERROR_TITLE = "IPS Reflect cannot open its question packs"
GUI_CONTENT_ERROR_FIRST = "The first problems:"
GUI_CONTENT_ERROR_MORE = "…and {count} more."
GUI_CONTENT_ERROR_HINT = (
    "Run 'ips-reflect content check' in a terminal to see every problem, fix the "
    "files listed, then open IPS Reflect again."
)
GUI_USER_ERROR_TITLE = "IPS Reflect"
GUI_UNEXPECTED_ERROR_TITLE = "Something went wrong"
GUI_UNEXPECTED_ERROR = (
    "An unexpected problem stopped that action ({kind}). Nothing you wrote has been sent "
    "anywhere. The technical details, which never include what you wrote, are in "
    "ips-reflect.log in your data folder (Vault → Open data folder); please report them."
)

# PDF preview.
PDF_PAGE_OF = "Page {page} of {pages}"
PDF_NO_PAGES = "No pages"

PDF_PREVIEW_HELP = (
    "Page Up and Page Down turn the pages; Home and End go to the first and last. "
    "Ctrl+= makes the page bigger, Ctrl+- smaller, and Ctrl+0 shows the whole page again."
)
PDF_ZOOM_IN = "+"
PDF_ZOOM_IN_NAME = "Zoom in"
PDF_ZOOM_IN_TIP = "Make the page bigger to read it (Ctrl+=)"
PDF_ZOOM_OUT = "−"
PDF_ZOOM_OUT_NAME = "Zoom out"
PDF_ZOOM_OUT_TIP = "Make the page smaller (Ctrl+-)"
PDF_ZOOM_FIT = "Fit"
PDF_ZOOM_FIT_NAME = "Show the whole page"
PDF_ZOOM_FIT_TIP = "Show the whole page again (Ctrl+0)"
PDF_ZOOM_LEVEL = "{percent} %"
PDF_ZOOM_WHOLE = "Whole page"
PDF_PREVIOUS = "‹ Previous"
PDF_PREVIOUS_NAME = "Previous page"
PDF_PREVIOUS_TIP = "Previous page (Page Up)"
PDF_NEXT = "Next ›"
PDF_NEXT_NAME = "Next page"
PDF_NEXT_TIP = "Next page (Page Down)"
PDF_BUSY = "Making the preview"
PDF_UNREADABLE = "This PDF could not be shown."

__all__ = [
    "GUI_ABOUT_VERSION",
    "GUI_CONTENT_ERROR_FIRST",
    "GUI_CONTENT_ERROR_HINT",
    "GUI_CONTENT_ERROR_MORE",
    "GUI_CONTENT_ERROR_TITLE",
    "GUI_PAGE_GUIDE",
    "GUI_PAGE_SHORTCUT_TIP",
    "GUI_PRIVACY_NOTE",
    "GUI_SETTINGS_NOT_SAVED",
    "GUI_TEXT_SIZE_CHANGED",
    "GUI_TEXT_SIZE_LIMIT_LARGE",
    "GUI_TEXT_SIZE_LIMIT_SMALL",
    "GUI_THEME_CHANGED",
    "GUI_THEME_NAMES",
    "GUI_UNEXPECTED_ERROR",
    "GUI_UNEXPECTED_ERROR_TITLE",
    "GUI_USER_ERROR_TITLE",
    "PDF_BUSY",
    "PDF_NEXT",
    "PDF_NEXT_NAME",
    "PDF_NEXT_TIP",
    "PDF_NO_PAGES",
    "PDF_PAGE_OF",
    "PDF_PREVIEW_HELP",
    "PDF_PREVIOUS",
    "PDF_PREVIOUS_NAME",
    "PDF_PREVIOUS_TIP",
    "PDF_UNREADABLE",
    "PDF_ZOOM_FIT",
    "PDF_ZOOM_FIT_NAME",
    "PDF_ZOOM_FIT_TIP",
    "PDF_ZOOM_IN",
    "PDF_ZOOM_IN_NAME",
    "PDF_ZOOM_IN_TIP",
    "PDF_ZOOM_LEVEL",
    "PDF_ZOOM_OUT",
    "PDF_ZOOM_OUT_NAME",
    "PDF_ZOOM_OUT_TIP",
    "PDF_ZOOM_WHOLE",
]
