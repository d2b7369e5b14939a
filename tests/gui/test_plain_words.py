"""Plain words for people who are not technical: tabs say what they hold, file types say
what the file is for, and a page says what just happened once (not in its own status
line and the window's status bar at the same time)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QTabWidget

from ips_reflect import messages
from ips_reflect.gui.pages.journal.page import create_page as create_journal
from ips_reflect.gui.pages.supervision import SupervisionPage
from ips_reflect.gui.shell.uiloader import load_ui

pytestmark = pytest.mark.timeout(60)


def test_no_tab_is_named_after_a_box_in_the_paper(qtbot) -> None:
    view = load_ui("prepare")
    qtbot.addWidget(view)
    (tabs,) = view.findChildren(QTabWidget)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "&Questions to think about" in titles
    assert not any(re.search(r"\bBox\b", t) for t in titles), titles
    view.close()


def test_the_journal_says_what_each_kind_of_file_is_for(qtbot, content) -> None:
    spec = create_journal(content)
    qtbot.addWidget(spec.view)
    try:
        texts = {key: a.text() for key, a in spec.controller.export_actions.items()}
        assert "another computer (JSON)" in texts[("json", False)]
        assert "plain text for other apps (Markdown)" in texts[("md", False)]
        assert "read or print" in texts[("pdf", True)]
    finally:
        spec.controller.set_vault(None)
        spec.view.close()
    assert "between computers" in messages.JOURNAL_IMPORT_FILTER
    for name, file_filter in messages.JOURNAL_EXPORT_FILTERS.items():
        assert not file_filter.startswith(("JSON", "Markdown", "PDF files")), name
    # a file filter says what the file is for, not only its type
    for file_filter in (
        messages.BIO_CARD_FILTER,
        messages.BIO_PDF_FILTER,
        messages.TEAM_BUILD_FILTER,
        messages.FLOW_PDF_FILTER,
        messages.SUPV_PDF_FILTER,
        messages.CARE_BACKUP_FILTER,
    ):
        assert not re.match(r"^(Bio cards|PDF files|IPS Reflect backups) \(", file_filter)
    assert "booklet" in messages.BIO_CARD_FILTER


def test_the_supervision_page_says_what_happened_once(qtbot, content, vault) -> None:
    view = load_ui("supervision")
    qtbot.addWidget(view)
    page = SupervisionPage(view, content)
    said: list[str] = []
    page.statusMessage.connect(said.append)
    try:
        page.set_vault(vault)
        page.new_session("2026-03-12", "Alex Morgan", [])
        assert page.status_label.text().startswith("New session planned: ")
        assert said == []
    finally:
        page.set_vault(None)
        page.close_presenter()
        view.close()
