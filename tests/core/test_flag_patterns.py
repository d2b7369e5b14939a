"""How well the built-in patterns find warning signs in practitioner notes.

``tests/data/flag_notes.yaml`` holds short notes written for these tests, each
labelled with the signs its words suggest (empty for ordinary good practice).
Precision and recall are counted per (note, sign): a flag for a sign the note is
not labelled with is a false alarm, a labelled sign without a flag is a miss.
The notes marked ``holdout`` were written after the patterns and never used to
tune them, so their figures say how the patterns do on new wording: precision
holds up, recall is much lower (a phrase the patterns were not written for is
usually missed). Flags are a safety net, not a complete reader.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from ips_reflect.core.content import WARNING_SIGN_IDS
from ips_reflect.core.flags import FlagEngine

NOTES = Path(__file__).resolve().parent.parent / "data" / "flag_notes.yaml"


@cache
def _notes() -> tuple[dict[str, Any], ...]:
    data = yaml.safe_load(NOTES.read_text(encoding="utf-8"))
    return tuple(data["notes"])


def load_notes(holdout: bool | None = None) -> list[dict[str, Any]]:
    """The labelled notes; ``holdout`` True or False picks one set, None gives both."""
    return [n for n in _notes() if holdout is None or bool(n.get("holdout")) == holdout]


def score(engine: FlagEngine, notes: list[dict[str, Any]]) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    wrong = []
    for note in notes:
        expected = set(note["signs"])
        found = {f.sign for f in engine.scan_text(note["text"])}
        tp += len(expected & found)
        fp += len(found - expected)
        fn += len(expected - found)
        if found != expected:
            wrong.append(f"{note['text']!r}: expected {sorted(expected)}, got {sorted(found)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, wrong


@pytest.fixture(scope="module")
def engine(content) -> FlagEngine:
    return FlagEngine(content)


def test_the_labelled_set_is_what_the_issue_asks_for() -> None:
    main = load_notes(holdout=False)
    assert len(main) >= 60
    counts = Counter(sign for note in main for sign in note["signs"])
    assert set(counts) == set(WARNING_SIGN_IDS)
    assert min(counts.values()) >= 3, counts
    good = [n for n in main if not n["signs"]]
    assert len(good) >= 20
    innocent = " ".join(n["text"].lower() for n in good)
    for word in ("phone", "policy", "secret", "weekend"):
        assert word in innocent, word
    assert 12 <= len(load_notes(holdout=True)) <= 25
    for note in load_notes():
        assert set(note) <= {"text", "signs", "holdout"}
        assert set(note["signs"]) <= set(WARNING_SIGN_IDS), note


def test_precision_and_recall_on_the_labelled_notes(engine: FlagEngine) -> None:
    precision, recall, wrong = score(engine, load_notes(holdout=False))
    print(
        f"\ntext flags, {len(load_notes(holdout=False))} notes: "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )
    for line in wrong:
        print("  ", line)
    assert precision >= 0.9, wrong
    assert recall >= 0.8, wrong


def test_precision_and_recall_on_the_hold_out_notes(engine: FlagEngine) -> None:
    notes = load_notes(holdout=True)
    precision, recall, wrong = score(engine, notes)
    print(
        f"\ntext flags, {len(notes)} hold-out notes: precision {precision:.3f}, recall {recall:.3f}"
    )
    for line in wrong:
        print("  ", line)
    assert precision >= 0.8, wrong
    # New wording is often missed (see the module docstring): a floor against regressions.
    assert recall >= 0.3, wrong


def test_good_practice_notes_raise_no_text_flag(engine: FlagEngine) -> None:
    noisy = [
        (n["text"], sorted(f.sign for f in engine.scan_text(n["text"])))
        for n in load_notes(holdout=False)
        if not n["signs"] and engine.scan_text(n["text"])
    ]
    assert len(noisy) <= 2, noisy


#: The blind tuning rounds: (round, notes allowed to be flagged among the ordinary
#: ones, recall floor). Each file was written by someone who never saw the patterns;
#: the concept rules were then tuned on it, so these floors guard the tuned figures
#: and say nothing about new wording (the held-out files in test_flag_heldout.py do).
#: Scored before any tuning on them: round 5 precision 0.83, recall 0.58, 16/20
#: ordinary notes quiet; round 6 precision 0.86, recall 0.64, 20/20 quiet.
#: Round 4: 70 notes (50 with signs), round 5: 70 (50), round 6: 65 (45).
TUNING_ROUNDS = [(4, 1, 0.9), (5, 2, 0.7), (6, 1, 0.85)]


@pytest.mark.parametrize("round_, noisy_allowed, recall_floor", TUNING_ROUNDS)
def test_precision_and_recall_on_the_tuning_rounds(
    engine: FlagEngine, round_: int, noisy_allowed: int, recall_floor: float
) -> None:
    path = NOTES.parent / f"flag_notes_r{round_}_tuning.yaml"
    notes = yaml.safe_load(path.read_text(encoding="utf-8"))["notes"]
    precision, recall, wrong = score(engine, notes)
    good = [n for n in notes if not n["signs"]]
    quiet = sum(1 for n in good if not engine.scan_text(n["text"]))
    print(
        f"\nround {round_} tuning: precision {precision:.3f}, recall {recall:.3f}, "
        f"quiet {quiet}/{len(good)}"
    )
    assert precision >= 0.9, wrong
    assert recall >= recall_floor, wrong
    assert quiet >= len(good) - noisy_allowed, wrong
