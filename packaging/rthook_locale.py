"""PyInstaller runtime hook: a UTF-8 locale when the system gives none.

Runs inside the bundle before the app's code. A program started with an empty
environment (``env -i``, some desktop launchers, a service) has no LANG, LC_ALL or
LC_CTYPE, so the C library and Qt fall back to ASCII. Python's own C-locale coercion
(PEP 538) usually sets LC_CTYPE=C.UTF-8 before this runs; where it did not (turned off,
or no such locale), LC_ALL=C.UTF-8 is set here on Linux (glibc 2.35+ and Debian-based
systems always have it). Qt reads it when the application object is made. Python
itself runs in UTF-8 mode on every system (the spec's ``X utf8_mode=1`` option),
whatever the locale. Nothing is changed when any of the three is set: the person's
own locale wins.
"""

import os
import sys

if sys.platform.startswith("linux") and not any(
    os.environ.get(name) for name in ("LC_ALL", "LC_CTYPE", "LANG")
):
    os.environ["LC_ALL"] = "C.UTF-8"
