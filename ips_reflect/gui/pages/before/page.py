"""The "Before I share" page: a short stepped check that ends in a traffic light.

Steps (the paper's Boxes 2 and 3 and "is it okay with me?"): What → Why →
When → How → Okay with me → Reasons & signs → Summary, for a chosen audience
and client alias. The What step picks an experience from the sharing plan and
the page warns at once, in a banner, if the plan says not for this audience,
too raw or never. Quick mode puts the key questions on one screen (for a client,
the work test too). Signs that the live panel finds in the words (and that were
not dismissed there) count towards the light like ticked ones.

The light is worked out by :func:`ips_reflect.core.check.assess`; it never
blocks: Save is always there on the summary. The check is saved as an Entry of
kind ``before_check``; its answers are kept by question id, plus
``before.what.plan_experience`` (the plan experience id) and ``check.light``.

The view is ``ui/before.ui``; :class:`BeforePage` is its controller. Keyboard:
Enter goes to the next step (or presses the focused button), Alt+B / Alt+N /
Alt+S go back, on and save, and Y / N / U answer a yes / no / unsure question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ips_reflect import messages
from ips_reflect.core.content import Content
from ips_reflect.gui.pages.before.check import CheckPart
from ips_reflect.gui.pages.before.form import PAGE_KEY, BeforeForm
from ips_reflect.gui.pages.before.steps import StepsPart
from ips_reflect.gui.shell.uiloader import load_ui
from ips_reflect.gui.widgets.flow_form import chain_tab_order, focusables, install_enter

if TYPE_CHECKING:
    from ips_reflect.store.vault import Vault


class BeforePage(StepsPart, CheckPart, BeforeForm):
    """Controller of ``ui/before.ui``: the steps and the check, built on the form."""

    def __init__(self, view: QWidget, content: Content, parent: QObject | None = None) -> None:
        super().__init__(view, content, parent)

        # -- signals
        self.full.connect(self._changed)
        self.reasons.changed.connect(self._changed)
        self.signs.changed.connect(self._changed)
        self.live_flags.flagDismissed.connect(lambda _s, _n: self._dismissed_flag())
        self.bring.toggled.connect(lambda _c: self._changed())
        self.alias.textChanged.connect(lambda _t: self._changed())
        self.audience.currentIndexChanged.connect(self._audience_changed)
        self.picker.changed.connect(lambda: self._experience_changed(self.picker))
        self.quick_picker.changed.connect(lambda: self._experience_changed(self.quick_picker))
        self.quick_check.toggled.connect(self._mode_changed)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.new_button.clicked.connect(lambda: self.start(self.quick_mode))
        self.reflect_button.clicked.connect(self._reflect_now)
        self.alias.returnPressed.connect(self.advance)
        install_enter(view, self.advance)
        view.destroyed.connect(self.keeper.stop)

        chain = [self.quick_check, *self.draft_banner_buttons(), self.audience, self.alias]
        for key in ("what", "why", "when", "how", "okay", "signs", "summary", "quick"):
            chain += focusables(self.pages[key])
        chain += [
            self.back_button,
            self.reflect_button,
            self.new_button,
            self.pdf_button,
            self.save_button,
            self.next_button,
        ]
        chain_tab_order(chain)

        self.full.set_audience(None)
        self._show_step()
        self.set_vault(None)

    # ------------------------------------------------------------------ vault

    def _locked(self) -> None:
        self._lock_entry()
        self.picker.set_plan(self.plan, None)
        self.quick_picker.set_plan(self.plan, None)

    def _unlocked(self, vault: Vault) -> None:
        self.reload_plan()
        self.reload_aliases()

    def reload_plan(self) -> None:
        """Read the latest sharing plan (after it was saved on the Prepare page)."""
        if self._vault is None:
            return
        self.plan = self._latest_plan(self._vault)
        audience = self.current_audience
        chosen = self.picker.value()
        with self._quiet():
            self.picker.set_plan(self.plan, audience, chosen)
            self.quick_picker.set_plan(self.plan, audience, chosen)
        self._update_plan_banner()

    def reload_aliases(self) -> None:
        if self._vault is not None:
            self._aliases.setStringList(self._vault.entries.client_aliases())


def create_page(content: Content) -> tuple[str, str, QWidget, BeforePage, str]:
    """(key, title, view, controller, icon name) for ``MainWindow.add_page``."""
    view = load_ui("before")
    return PAGE_KEY, messages.FLOW_PAGE_BEFORE, view, BeforePage(view, content), "before"
