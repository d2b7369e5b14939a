"""The learned sign model: how it reads, how it joins the rules, and how a broken or
missing model file is handled."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from ips_reflect import messages
from ips_reflect.core.content import check_content, load_content
from ips_reflect.core.flags import FlagEngine
from ips_reflect.core.sign_model import (
    MODEL_FILE,
    SignModel,
    SignModelError,
    analyse,
    sentences,
)
from ips_reflect.paths import content_dir

DATA = Path(__file__).resolve().parent.parent / "data"
MODEL_ONLY = "I let him have twenty quid till Friday, nobody needs to know."


@pytest.fixture(scope="module")
def engine(content) -> FlagEngine:
    return FlagEngine(content)


def signs(engine: FlagEngine, text: str) -> set[str]:
    return {f.sign for f in engine.scan_text(text)}


# --------------------------------------------------------------------------- the file


def test_the_shipped_model_was_trained_on_the_notes_in_tests_data() -> None:
    """Editing a training file without running `make model` fails here; held-back
    notes are never among the training files."""
    data = json.loads((content_dir() / MODEL_FILE).read_text(encoding="utf-8"))
    files = data["trained_on"]["files"]
    assert files and not any("heldout" in name for name in files)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (DATA / name).read_bytes())
    assert digest.hexdigest() == data["trained_on"]["sha256"], "run `make model`"
    assert 0 < data["assist"] <= data["threshold"] < 1


def test_every_training_file_is_used() -> None:
    data = json.loads((content_dir() / MODEL_FILE).read_text(encoding="utf-8"))
    notes = {p.name for p in DATA.glob("flag_notes*.yaml") if "heldout" not in p.name}
    assert notes == set(data["trained_on"]["files"])


def copy_content(tmp_path: Path) -> Path:
    base = tmp_path / "content"
    shutil.copytree(content_dir(), base)
    return base


@pytest.mark.parametrize(
    ("raw", "where", "says"),
    [
        (b'{\n  "format": "ips-reflect/sign-model",\n  "version": 1,\n  oops\n}', ":4:3", "JSON"),
        (b'{"format": "something else"}', ":1:1", "not a sign model"),
        (b"\xff\xfe", ":1:1", "UTF-8"),
        (b"[" * 100_000, ":1:1", "nested too deeply"),
    ],
)
def test_a_broken_model_file_is_a_content_problem_with_a_place(
    tmp_path: Path, raw: bytes, where: str, says: str
) -> None:
    base = copy_content(tmp_path)
    (base / MODEL_FILE).write_bytes(raw)
    content, problems = check_content(base)
    assert content is None
    (problem,) = problems
    assert str(problem.location).endswith(MODEL_FILE + where)
    assert says in problem.message and "Traceback" not in problem.message


def test_a_model_for_a_sign_no_pack_defines_is_refused(tmp_path: Path) -> None:
    base = copy_content(tmp_path)
    data = json.loads((base / MODEL_FILE).read_text(encoding="utf-8"))
    data["signs"][0] = "made_up_sign"
    (base / MODEL_FILE).write_text(json.dumps(data), encoding="utf-8")
    _, problems = check_content(base)
    assert any("made_up_sign" in p.message for p in problems)


def test_without_a_model_the_rules_alone_decide(tmp_path: Path) -> None:
    base = copy_content(tmp_path)
    (base / MODEL_FILE).unlink()
    content = load_content(base)
    assert content.sign_model is None
    engine = FlagEngine(content)
    assert signs(engine, "I gave him my personal mobile.") == {"contact_details"}
    assert signs(engine, MODEL_ONLY) == set()


def test_changing_the_model_changes_the_engine_signature(tmp_path: Path, content) -> None:
    """Stored flags are keyed by the signature, so a new model re-checks every entry."""
    base = copy_content(tmp_path)
    data = json.loads((base / MODEL_FILE).read_text(encoding="utf-8"))
    data["threshold"] = min(0.9, data["threshold"] + 0.05)
    (base / MODEL_FILE).write_text(json.dumps(data), encoding="utf-8")
    assert FlagEngine(load_content(base)).signature != FlagEngine(content).signature


def test_model_values_are_checked() -> None:
    good = json.loads((content_dir() / MODEL_FILE).read_text(encoding="utf-8"))
    for key, value in [("threshold", 1.5), ("assist", 0.99), ("intercepts", [1]), ("terms", [])]:
        bad = dict(good, **{key: value})
        with pytest.raises(SignModelError):
            SignModel.from_data(bad)


# --------------------------------------------------------------------------- reading


def test_negation_marks_the_rest_of_its_clause_only() -> None:
    terms = analyse("I didn't give him my number, but I did add him on Facebook.")
    assert {"~give", "~number", "didn't ~give"} <= set(terms)
    assert "didn't" not in terms  # a negation word alone says nothing
    assert {"add", "facebook"} <= set(terms) and "~facebook" not in terms


def test_initials_do_not_end_a_sentence() -> None:
    """Client aliases are initials: "J.K." must not turn a note into a long entry."""
    text = "J.K. did well at the trial. I gave her my mobile!\nA. B. and C. met."
    assert [text[a:b] for a, b in sentences(text)] == [
        "J.K. did well at the trial.",
        "I gave her my mobile!",
        "A. B. and C. met.",
    ]


def test_curly_apostrophes_read_as_straight_ones() -> None:
    assert analyse("I didn\u2019t log it") == analyse("I didn't log it")


# --------------------------------------------------------------------------- with the rules


def test_the_model_finds_a_sign_no_rule_words_and_says_so(engine: FlagEngine, content) -> None:
    assert signs(FlagEngine(content, use_model=False), MODEL_ONLY) == set()
    flags = {f.sign: f for f in engine.scan_text(MODEL_ONLY)}
    flag = flags["ignoring_policy"]
    assert flag.evidence == MODEL_ONLY.rstrip(".") or flag.evidence == MODEL_ONLY
    assert messages.FLAG_MODEL_WHY in flag.explanation
    assert flag.spans == ((0, len(MODEL_ONLY)),)


@pytest.mark.parametrize(
    "text",
    [
        "I didn't give him my personal number.",
        "I didn't add her on Facebook.",
        "He said he wants to add me on Facebook.",
        "I gave him a leaflet with my number on it.",
        "She asked for my mobile and I explained we use the work phone.",
        "Thinking about the job fair next week.",
        "Quiet weekend, walked the dog and read. No work at all.",
    ],
)
def test_ordinary_practice_stays_unflagged(engine: FlagEngine, text: str) -> None:
    assert signs(engine, text) == set()


def test_a_long_entry_is_read_in_windows_and_keeps_its_rule_flags(engine: FlagEngine) -> None:
    """A long entry is read four sentences at a time with a stricter cut-off (many
    windows are many chances of a false alarm); the rules' own finds all stand."""
    ordinary = (
        "Team meeting ran over again. We went through the caseload and the new referral "
        "form. I updated three CVs and booked two mock interviews. The employer at the "
        "garden centre wants to meet next month. "
    )
    sign = "Before he left I gave him my personal mobile number. "
    text = ordinary * 2 + sign + ordinary * 2
    flags = [f for f in engine.scan_text(text) if f.sign == "contact_details"]
    assert len(flags) == 1
    start, end = flags[0].spans[0]
    assert text.index(sign) <= start < end <= text.index(sign) + len(sign)
    assert signs(engine, ordinary * 4) == set()
    model = engine.model
    assert model is not None and model.long_threshold >= model.threshold


def test_scoring_is_quick(engine: FlagEngine) -> None:
    """A typical entry costs well under a millisecond more than the rules alone."""
    import time

    text = MODEL_ONLY + " We looked at two warehouse jobs and updated his CV."
    engine.scan_text(text)
    start = time.perf_counter()
    for _ in range(200):
        engine.scan_text(text)
    assert (time.perf_counter() - start) / 200 < 0.01
