"""One entry (or all of them) as a PDF: content read back with pypdf."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from ips_reflect.cli import main
from ips_reflect.core.check import LIGHT_ANSWER_KEY, PLAN_EXPERIENCE_QUESTION
from ips_reflect.core.entries import Entry
from ips_reflect.errors import UserError
from ips_reflect.export.entry_pdf import answer_text, build_entries_pdf, build_entry_pdf

PLAN = {
    "experiences": [{"id": "e-redund01", "label": "my redundancy", "levels": {"employer": "never"}}]
}


def check_entry() -> Entry:
    return Entry(
        kind="before_check",
        created="2026-11-04T10:32:00+00:00",
        title="Check: employer — my redundancy",
        audience="employer",
        client_alias="Mr P",
        answers={
            PLAN_EXPERIENCE_QUESTION: "e-redund01",
            LIGHT_ANSWER_KEY: "red",
            "before.what.for_employer": "That I was let go and found work again.",
            "before.what.kind": "work_struggles",
            "before.why.boundaries": "yes",
            "before.when.right_time": "unsure",
            "old.question": "An answer to a question no longer in the packs",
        },
        body=(
            "Red: pause and think again.\n\n"
            "- Your sharing plan marks “my redundancy” as never for employers.\n"
            "- You ticked the warning sign “Invoking envy”.\n\nPause."
        ),
        reasons=["hope"],
        warning_signs=["envy"],
    )


def test_entry_pdf_of_a_check_before_sharing(tmp_path, content, pdf_text):
    out = build_entry_pdf(check_entry(), content, tmp_path / "check.pdf", plan=PLAN)
    text = pdf_text(out)
    assert "CHECK BEFORE SHARING" in text
    assert "Check: employer — my redundancy" in text
    assert "4 November 2026, 10:32" in text
    assert "An employer" in text and "Mr P" in text
    assert "my redundancy (plan: never for employers)" in text
    # The light in words (the shape is drawn next to it), the reasons and the advice.
    assert "Red: pause and think again" in text
    assert "Your sharing plan marks “my redundancy” as never for employers." in text
    assert "bring it to supervision" in text
    assert "Offering hope" in text and "Invoking envy" in text
    # Answers under the wording of their questions, grouped by section.
    assert "What might I share?" in text
    assert content.item("before.what.for_employer").text[:60] in " ".join(text.split())
    assert "That I was let go and found work again." in text
    assert "Struggles at work" in text  # the choice's words, not its id
    assert "Unsure" in text
    assert "Other answers" in text and "old.question" in text
    assert "not encrypted" in text and "Page 1 of 1" in text
    assert "e-redund01" not in text and "check.light" not in text
    reader = PdfReader(str(out))
    assert reader.metadata.title == "Check: employer — my redundancy"


def test_entry_pdf_of_a_reflection_after_sharing(tmp_path, content, pdf_text):
    entry = Entry(
        kind="after_reflection",
        title="Reflection: client — hope",
        audience="client",
        linked_uid="0f8fad5b-d9cb-469f-a165-70867728950e",
        answers={
            "after.how_it_went": 4,
            "after.share_with_team": "yes",
            "after.learned": "Less is more.\n\nAnd wait to be asked.",
        },
        bring_to_supervision=True,
    )
    text = pdf_text(build_entry_pdf(entry, content, tmp_path / "r.pdf"))
    assert "REFLECTION AFTER SHARING" in text
    assert "4 of 5 (1 Badly, 5 Really well)" in text
    assert "a check made before sharing" in text
    assert "to bring to supervision" in text
    assert "Less is more." in text and "And wait to be asked." in text
    assert "Red:" not in text  # no light on a reflection


def test_entry_pdf_answers_read_as_words(content):
    assert answer_text(content.item("after.supervision"), "no") == "No"
    assert answer_text(content.item("prep.comfort.everyday_facts"), ["a", "b"]) == ["a", "b"]
    assert answer_text(None, True) == "Yes"
    assert answer_text(content.item("prep.plan.level"), "not_now") == "Not now, it is still too raw"


def test_entry_pdf_light_worked_out_when_not_saved(tmp_path, content, pdf_text):
    entry = Entry(kind="before_check", answers={"before.okay.today": "no"})
    text = pdf_text(build_entry_pdf(entry, content, tmp_path / "c.pdf"))
    assert "Red: pause and think again" in text
    assert "not feeling all right in yourself today" in text


def test_entry_pdf_shows_a_grey_check(tmp_path, content, pdf_text):
    entry = Entry(kind="before_check", answers={LIGHT_ANSWER_KEY: "incomplete"})
    text = pdf_text(build_entry_pdf(entry, content, tmp_path / "g.pdf"))
    assert "Grey: not enough to advise yet" in text
    assert "“Benefits them” is not answered yet" in text


def test_entry_pdf_is_atomic(tmp_path, content, monkeypatch):
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"old")
    with pytest.raises(UserError):
        build_entry_pdf(check_entry(), content, tmp_path / "missing" / "x.pdf")
    from ips_reflect.export import pdfstyle

    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pdfstyle, "band", lambda _label: broken)
    with pytest.raises(RuntimeError):
        build_entry_pdf(check_entry(), content, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_entries_pdf_starts_each_entry_on_a_new_page(tmp_path, content, pdf_pages):
    entries = [check_entry(), Entry(kind="journal", title="A quiet day", body="Nothing much.")]
    pages = pdf_pages(build_entries_pdf(entries, content, tmp_path / "all.pdf"))
    assert len(pages) == 2
    assert "Check: employer" in pages[0]
    assert "A quiet day" in pages[1] and "Nothing much." in pages[1]
    assert "Page 2 of 2" in pages[1]


PASS = "a long enough passphrase"


def test_cli_export_pdf_all_or_one_entry_before_and_after(
    tmp_path, monkeypatch, capsys, data_dir, pdf_pages
):
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    monkeypatch.setattr(Vault, "kdf_target", KdfParams(8192, 1, 1))
    vault, _ = Vault.create(data_dir, PASS, kdf=KdfParams(8192, 1, 1))
    vault.plans.save(PLAN)
    check = vault.entries.add(check_entry())
    vault.entries.add(Entry(kind="after_reflection", title="After", linked_uid=check.uid))
    vault.close()

    out = tmp_path / "all.pdf"
    assert main(["export", "--format", "pdf", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Exported 2 entries" in captured.out
    assert "NOT encrypted" in captured.err
    # The journal PDF, as the app writes it: a contents page, then each entry.
    pages = pdf_pages(out)
    assert len(pages) == 3 and "Journal entries" in pages[0]
    assert "my redundancy (plan: never for employers)" in pages[1]

    one = tmp_path / "one.pdf"
    assert main(["export", "--format", "pdf", "--uid", check.uid, "-o", str(one)]) == 0
    assert len(pdf_pages(one)) == 2
    assert main(["export", "--format", "pdf", "--uid", check.uid, "-o", "-"]) == 1
    assert "cannot go to the terminal" in capsys.readouterr().err
    missing = "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert main(["export", "--format", "json", "--uid", missing, "-o", str(one)]) == 1
    assert f"no entry with uid {missing}" in capsys.readouterr().err
