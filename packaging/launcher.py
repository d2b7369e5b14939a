"""What both executables of the installed app run: ``ips-reflect`` (the command line,
with a console) and ``IPS Reflect`` / ``ips-reflect-app`` (the windowed app). Both
open the app when given no command, as ``ips-reflect`` from pip does.

PyInstaller's runtime hook (``rthook_locale.py``) has set a UTF-8 locale by the time
this runs; the flag check's helper processes (``ops/flags.py``, multiprocessing's
``spawn``) start this same executable, which ``freeze_support`` turns into the helper.
"""

import multiprocessing
import sys


def _main() -> int:
    multiprocessing.freeze_support()  # a helper process runs its task here and exits
    from ips_reflect.cli import main

    # macOS before 10.9 added a process serial number when Finder opened an app.
    argv = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]
    return main(argv)


if __name__ == "__main__":
    sys.exit(_main())
