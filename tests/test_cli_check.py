"""`ips-reflect check FILE [--json] [--plan]`: the traffic light for every check in a file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ips_reflect.cli import main

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "docs" / "examples" / "check-scenarios.json"
EXPECT = re.compile(r"^expect (green|amber|red|incomplete): ")
PASS = "kettle orbit marmalade tunnel"


def run_json(capsys, *args: str) -> dict:
    assert main(["check", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def write(tmp_path: Path, entries: list[dict], name: str = "checks.json") -> Path:
    path = tmp_path / name
    doc = {"format": "ips-reflect/entries", "version": 1, "entries": entries}
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def check(answers: dict, **extra) -> dict:
    return {
        "kind": "before_check",
        "created": "2026-03-02T10:00:00+00:00",
        "answers": answers,
        **extra,
    }


ALL_CLEAR = {
    "before.benefit.helps_person": "yes",
    "before.why.work_goal": "yes",
    "before.okay.today": "yes",
    "before.why.boundaries": "yes",
}


def test_check_scenarios_file_has_40_or_more_checks_with_expected_lights() -> None:
    doc = json.loads(SCENARIOS.read_text(encoding="utf-8"))
    titles = [e["title"] for e in doc["entries"] if e["kind"] == "before_check"]
    assert len(titles) >= 40
    assert all(EXPECT.match(t) for t in titles)
    lights = {EXPECT.match(t).group(1) for t in titles}
    assert lights == {"green", "amber", "red", "incomplete"}


def test_check_every_scenario_gets_its_expected_light(capsys) -> None:
    doc = run_json(capsys, str(SCENARIOS))
    assert len(doc["checks"]) >= 40
    wrong = []
    for row in doc["checks"]:
        expected = EXPECT.match(row["title"]).group(1)
        if row["light"] != expected:
            wrong.append(f"{row['index']} {row['title']}: got {row['light']} {row['reasons']}")
    assert not wrong, "\n".join(wrong)


def test_check_json_shape(capsys, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            check({}, title="blank"),
            {"kind": "journal", "created": "2026-03-02T10:00:00+00:00"},
            check({**ALL_CLEAR, "before.benefit.helps_person": "no"}, audience="client"),
        ],
    )
    doc = run_json(capsys, str(path))
    assert list(doc) == ["checks"]
    first, second = doc["checks"]
    assert set(first) == {"index", "title", "light", "reasons", "missing"}
    assert first["light"] == "incomplete"
    assert first["missing"] == [
        "before.benefit.helps_person",
        "before.okay.today",
        "before.why.boundaries",
    ]
    assert all(isinstance(r, str) for r in first["reasons"])
    assert second["index"] == 2  # the journal entry is skipped, not counted
    assert second["light"] == "red"
    assert second["missing"] == []
    assert "Benefits them" in second["reasons"][0]


def test_check_text_mode_through_the_real_command(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            check(
                {**ALL_CLEAR, "before.why.motivation": "I gave him my personal mobile number."},
                audience="client",
                reasons=["hope"],
                title="Sam",
            )
        ],
    )
    result = subprocess.run(
        [sys.executable, "-m", "ips_reflect", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Check 0 (Sam): Red: pause and think again")
    assert "Giving contact details" in result.stdout
    assert "your own words" in result.stdout


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"format": "ips-reflect/entries", "version": 1, "entries": [\n  {"kind": }]}', ":2:"),
        (
            '{"format": "ips-reflect/entries", "version": 1, "entries": [\n'
            '  {"kind": "before_check", "created": "2026-03-02T10:00:00+00:00"},\n'
            '  {"kind": "before_check", "created": "2026-03-02T10:00:00+00:00",\n'
            '   "answers": {"before.okay.today": 3}}]}',
            ":3:3: entries[1].answers",
        ),
        (
            '{"format": "ips-reflect/entries", "version": 1, "entries": [\n'
            '  {"kind": "before_check", "created": "2026-03-02T10:00:00+00:00",\n'
            '   "warning_signs": ["not_a_sign"]}]}',
            ":2:3: entries[0].warning_signs",
        ),
    ],
)
def test_check_bad_input_is_one_sentence_with_a_place_and_exit_1(
    capsys, tmp_path: Path, text: str, where: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert where in err
    assert "Traceback" not in err
    assert "imported" not in err


def test_check_missing_file_or_no_checks_exit_1(capsys, tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "nope.json")]) == 1
    assert "does not exist" in capsys.readouterr().err
    path = write(tmp_path, [{"kind": "journal", "created": "2026-03-02T10:00:00+00:00"}])
    assert main(["check", str(path)]) == 1
    assert "no before_check entries" in capsys.readouterr().err


@pytest.fixture
def planned_vault(data_dir: Path, monkeypatch) -> None:
    from ips_reflect.store.crypto import KdfParams
    from ips_reflect.store.vault import Vault

    params = KdfParams(8192, 1, 1)
    monkeypatch.setattr(Vault, "kdf_target", params)
    vault, _code = Vault.create(data_dir, PASS, kdf=params)
    with vault:
        vault.plans.save(
            {
                "experiences": [
                    {
                        "id": "e-redund01",
                        "label": "my redundancy",
                        "levels": {"client": "briefly", "employer": "never"},
                    }
                ]
            }
        )
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)


def test_check_plan_applies_the_saved_sharing_plan(capsys, tmp_path: Path, planned_vault) -> None:
    pick = {"before.what.plan_experience": "e-redund01"}
    path = write(
        tmp_path,
        [
            check({**ALL_CLEAR, **pick}, audience="employer", reasons=["hope"]),
            check({**ALL_CLEAR, **pick}, audience="client", reasons=["hope"]),
        ],
    )
    without = run_json(capsys, str(path))
    assert [c["light"] for c in without["checks"]] == ["green", "green"]
    with_plan = run_json(capsys, str(path), "--plan")
    assert [c["light"] for c in with_plan["checks"]] == ["red", "amber"]
    assert with_plan["checks"][0]["reasons"] == [
        "Your sharing plan marks “my redundancy” as never for employers."
    ]
    assert "only briefly" in with_plan["checks"][1]["reasons"][0]


def test_check_plan_with_a_wrong_passphrase_exit_1(
    capsys, tmp_path: Path, planned_vault, monkeypatch
) -> None:
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", "not the passphrase at all")
    path = write(tmp_path, [check(ALL_CLEAR, audience="client")])
    assert main(["check", str(path), "--plan"]) == 1
    assert "Traceback" not in capsys.readouterr().err
