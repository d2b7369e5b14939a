"""User-facing sentences that are not question content.

Question wording lives in ``content/*.yaml``; window layouts and their labels in
``ui/*.ui``. Everything else a person reads (errors, confirmations, status
lines) is defined in this package, one module per area, so it can be reviewed in one place:

- ``shell``: the main window, display settings, error dialogs and the PDF preview;
- ``guide``: the Guide page;
- ``care``: the Vault menu (passphrase, backups, restore, checks);
- ``vault``: unlock, set-up, recovery, locking, storage errors, backup and restore;
- ``checks``: the traffic light and the reflection flows (Home, Prepare, Before and
  After sharing);
- ``flags``: warning-sign flags, the Flags page and the live panel;
- ``journal``: the Journal and Trends pages;
- ``biography``: the Biography page and its privacy guard;
- ``team``: the Team page and its booklet;
- ``supervision``: the supervision PDFs, the Supervision page and the presenter view;
- ``exchange``: key cards, share and reply files, the supervisor's workspace, the record;
- ``exchange_gui``: sending to a supervisor and their reply, on the Supervision page;
- ``supervisees``: the Supervisees page (the supervisor's side in the app);
- ``cli``: text only the command line shows.

Keep each message a full sentence: what happened, and what to do.

Code reads them as ``messages.NAME``: each area module lists its names in ``__all__`` and
they are all re-exported here. ``tests/test_messages.py`` checks that every one is used.
"""

from ips_reflect.messages import (
    biography,
    care,
    checks,
    cli,
    exchange,
    exchange_gui,
    flags,
    guide,
    journal,
    shell,
    supervisees,
    supervision,
    team,
    vault,
)
from ips_reflect.messages.biography import *  # noqa: F403
from ips_reflect.messages.care import *  # noqa: F403
from ips_reflect.messages.checks import *  # noqa: F403
from ips_reflect.messages.cli import *  # noqa: F403
from ips_reflect.messages.exchange import *  # noqa: F403
from ips_reflect.messages.exchange_gui import *  # noqa: F403
from ips_reflect.messages.flags import *  # noqa: F403
from ips_reflect.messages.guide import *  # noqa: F403
from ips_reflect.messages.journal import *  # noqa: F403
from ips_reflect.messages.shell import *  # noqa: F403
from ips_reflect.messages.supervisees import *  # noqa: F403
from ips_reflect.messages.supervision import *  # noqa: F403
from ips_reflect.messages.team import *  # noqa: F403
from ips_reflect.messages.vault import *  # noqa: F403

__all__: list[str] = []
__all__ += biography.__all__
__all__ += care.__all__
__all__ += checks.__all__
__all__ += cli.__all__
__all__ += exchange.__all__
__all__ += exchange_gui.__all__
__all__ += flags.__all__
__all__ += guide.__all__
__all__ += journal.__all__
__all__ += shell.__all__
__all__ += supervisees.__all__
__all__ += supervision.__all__
__all__ += team.__all__
__all__ += vault.__all__
