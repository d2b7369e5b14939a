"""Client aliases are removed however they are written: composed or decomposed
accents, any case, any white space between words; only as whole words; and the
rest of the text is kept exactly as written. Ends with the group supervision pack
read back from the PDF."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from ips_reflect.core.entries import Entry
from ips_reflect.core.supervision import AliasMatcher, anonymised, redact_aliases
from ips_reflect.export.supervision_pdf import supervision_pack_pdf

NFC_ZOE = unicodedata.normalize("NFC", "Zoë")
NFD_ZOE = unicodedata.normalize("NFD", "Zoë")


def test_the_two_spellings_of_zoe_really_differ() -> None:
    assert NFC_ZOE != NFD_ZOE and len(NFC_ZOE) == 3 and len(NFD_ZOE) == 4


@pytest.mark.parametrize(
    ("alias", "text", "expected"),
    [
        # composed / decomposed, both ways
        (NFC_ZOE, f"Met {NFD_ZOE} today.", "Met [client] today."),
        (NFD_ZOE, f"Met {NFC_ZOE} today.", "Met [client] today."),
        (NFC_ZOE, f"Met {NFC_ZOE} today.", "Met [client] today."),
        # case, folded after normalising
        (
            NFC_ZOE,
            "ZOË and zoë and " + unicodedata.normalize("NFD", "ZOË"),
            "[client] and " * 2 + "[client]",
        ),
        # white space between the alias's words
        ("Mr Tañ", "Saw Mr  Tañ.", "Saw [client]."),
        ("Mr Tañ", "Saw Mr\nTañ.", "Saw [client]."),
        ("Mr Tañ", "Saw Mr\r\n  Tañ.", "Saw [client]."),
        ("Mr Tañ", "Saw Mr\u00a0Tañ.", "Saw [client]."),
        ("Mr Tañ", "Saw Mr\tTañ.", "Saw [client]."),
        ("Mr Tañ", "Saw " + unicodedata.normalize("NFD", "MR\u2028TAÑ") + ".", "Saw [client]."),
        ("Mr  Tañ", "Saw Mr Tañ.", "Saw [client]."),  # spaces in the alias itself
        # whole words only
        (
            "Al",
            "Al met Alan at the rehearsal; AL.",
            "[client] met Alan at the rehearsal; [client].",
        ),
        ("Al", "Sal, Al_x and Al2 stay", "Sal, Al_x and Al2 stay"),
        ("Zoë", "Zoëy and Zoë", "Zoëy and [client]"),
        # regex metacharacters are plain text
        ("J. (Jo)", "Met J. (Jo) and J. Jo and J: (Jo)", "Met [client] and J. Jo and J: (Jo)"),
        ("a+b", "aab and a+b", "aab and [client]"),
        # ß and ss
        ("Strauß", "STRAUSS, Strauss, Strauß", "[client], [client], [client]"),
        ("Strauss", "Frau Strauß kam.", "Frau [client] kam."),
        ("Mas", "Maß", "Maß"),  # never half of a character
        # possessives keep the 's
        (NFC_ZOE, f"{NFD_ZOE}'s CV and {NFC_ZOE}\u2019s", "[client]'s CV and [client]\u2019s"),
    ],
)
def test_alias_is_removed(alias: str, text: str, expected: str) -> None:
    assert redact_aliases(text, [alias]) == expected


def test_the_rest_of_the_text_is_kept_exactly_as_written() -> None:
    text = "Ünïcode ﬁne Straße  two  spaces\n" + NFD_ZOE + " e\u0301 ZOË\tend"
    out = redact_aliases(text, [NFC_ZOE])
    assert out == "Ünïcode ﬁne Straße  two  spaces\n[client] e\u0301 [client]\tend"


def test_longest_alias_first() -> None:
    assert redact_aliases("Mr Tañ and Mr Smith", ["Mr", "Mr Tañ"]) == "[client] and [client] Smith"


def test_placeholder_blank_aliases_and_empty_text() -> None:
    assert redact_aliases("Dana rang", ["Dana"], "[someone]") == "[someone] rang"
    assert redact_aliases("Dana rang", ["", "  ", "\n"]) == "Dana rang"
    assert redact_aliases("", ["Dana"]) == ""
    assert AliasMatcher([]).spans("Dana") == []


def test_spans_point_into_the_original_text() -> None:
    text = f"x {NFD_ZOE} y Mr\u00a0\u00a0Tañ"
    spans = AliasMatcher([NFC_ZOE, "mr tañ"]).spans(text)
    assert [text[a:b] for a, b in spans] == [NFD_ZOE, "Mr\u00a0\u00a0Tañ"]


def _entry(**kw) -> Entry:
    return Entry(
        kind="journal", created="2026-03-06T09:30:00+00:00", bring_to_supervision=True, **kw
    )


def test_anonymised_uses_the_same_matcher_everywhere() -> None:
    entry = _entry(
        title=f"About {NFD_ZOE}",
        body=f"ZOË said\nMr  Tañ rang {NFD_ZOE}'s mum.",
        client_alias=NFC_ZOE,
        tags=[NFD_ZOE.upper()],
        answers={"a": f"{NFD_ZOE}!", "b": ["Mr\nTañ"], "c": 3},
    )
    (out,) = anonymised([entry], extra_aliases=["Mr Tañ"])
    assert out.title == "About [client]"
    assert out.body == "[client] said\n[client] rang [client]'s mum."
    assert out.client_alias is None
    assert out.tags == ["[client]"]
    assert out.answers == {"a": "[client]!", "b": ["[client]"], "c": 3}


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    raw = " ".join(page.extract_text() or "" for page in reader.pages)
    return unicodedata.normalize("NFC", raw).casefold()


def test_group_pack_pdf_has_no_decomposed_or_spaced_alias(content) -> None:
    entry = _entry(
        title=f"Meeting {NFD_ZOE}",
        body=f"{NFD_ZOE} brought her CV. Later Mr  Tañ and Mr\nTañ called about ZOË.",
        client_alias=NFC_ZOE,
    )
    other = _entry(body="Nothing to say.", client_alias="Mr Tañ")
    shown = _pdf_text(supervision_pack_pdf([entry, other], content, group=True, extra_aliases=()))
    assert "zoë" not in shown and "zoe" not in shown
    assert "tañ" not in shown and "tan" not in shown
    assert "[client] brought her cv" in " ".join(shown.split())
    # The one-to-one pack still names her.
    assert "zoë" in _pdf_text(supervision_pack_pdf([entry], content))
