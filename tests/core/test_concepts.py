"""Concept vocabularies and rules (ips_reflect/core/concepts.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ips_reflect.core.concepts import term_words
from ips_reflect.core.content import check_content
from ips_reflect.core.flags import FlagEngine


@pytest.fixture(scope="module")
def engine(content) -> FlagEngine:
    return FlagEngine(content)


def signs(engine: FlagEngine, text: str) -> set[str]:
    return {f.sign for f in engine.scan_text(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Swapped WhatsApp numbers with R. after the session.",
        "She found me on Instagram and I accepted.",
        "Gave A. my own mobile so she can text me.",
        "I've given him my private email.",
    ],
)
def test_word_forms_of_a_concept_are_found(engine: FlagEngine, text: str) -> None:
    assert "contact_details" in signs(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "I didn't give him my personal number.",
        "He said he wants to add me on Facebook.",
        "Rang K. from the work phone; left the team number for callbacks.",
        "I gave the employer my personal mobile so they could reach me.",
    ],
)
def test_negation_requests_and_work_channels_cancel(engine: FlagEngine, text: str) -> None:
    assert "contact_details" not in signs(engine, text)


def test_evidence_names_the_words_and_why(engine: FlagEngine) -> None:
    (flag,) = [f for f in engine.scan_text("Lay awake till 3 going over what E. said.")]
    assert flag.sign == "thinking_outside_work"
    assert "Lay awake" in flag.evidence
    assert "sleep" in flag.explanation


def test_term_syntax() -> None:
    assert term_words("give|gave ... number") == ["give|gave", None, "number"]
    assert term_words("didn't log") == ["did", "not", "log"]
    for bad in ("... give", "give ...", "a|b c|", "x*y"):
        with pytest.raises(ValueError):
            term_words(bad)


def _pack(tmp_path: Path, body: str) -> Path:
    org = tmp_path / "org"
    org.mkdir()
    (org / "ours.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    return org


def test_unknown_concept_and_bad_term_are_reported_with_their_place(tmp_path: Path) -> None:
    org = _pack(
        tmp_path,
        """\
        format: ips-reflect/content
        version: 1
        pack: warning_signs
        concepts:
          ours: [busy day, "... oops"]
        sections:
          - id: warn.signs
            items:
              - id: contact_details
                rules:
                  - all: [ours, contact_chanel]
                  - all: [ours]
                    within: paragraph
        """,
    )
    from ips_reflect.paths import content_dir

    _content, problems = check_content(content_dir(), [org])
    text = "\n".join(str(p) for p in problems)
    assert "ours.yaml:5:" in text and "'... oops'" in text
    assert "ours.yaml:11:" in text and "did you mean 'contact_channel'" in text
    assert "ours.yaml:13:" in text and "'within'" in text
