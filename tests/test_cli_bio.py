"""`ips-reflect bio card` and `ips-reflect bio pdf` as a practitioner runs them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ips_reflect.cli import main
from ips_reflect.core.biocard import load_card
from ips_reflect.core.biography import draft_biography
from ips_reflect.core.bioprofile import card_from_payload, plan_blocked_phrases, split_lines
from ips_reflect.store.crypto import KdfParams
from ips_reflect.store.records import Biography
from ips_reflect.store.vault import Vault

PASS = "kettle orbit marmalade tunnel"
FAST_KDF = KdfParams(memory_cost=8192, time_cost=1, parallelism=1)

PAYLOAD = {
    "name": "Łukasz Nowak",
    "role": "Employment Specialist",
    "pronouns": "he/him",
    "years": "4",
    "why": "Work helped me get back on my feet, and I want others to have that chance.",
    "previous_jobs": ["warehouse operative", "bus driver", "bar manager"],
    "sectors": ["logistics", "transport", "hospitality"],
    "languages": ["English", "Polish"],
    "interests": ["cycling", "cooking for friends"],
    "happy_to_share": ["changing career in my thirties"],
    "likes": ["early mornings"],
    "dislikes": ["cold tea"],
    "fav_film": "Paddington 2",
    "fav_music": "jazz",
    "template": "warm",
    "service": "Leeds IPS",
}


def jpeg_bytes() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (60, 80), (120, 150, 140)).save(buf, "JPEG")
    return buf.getvalue()


def payload(**changes: object) -> dict[str, object]:
    p = {**PAYLOAD, **changes}
    if "biography" not in changes:
        from ips_reflect.core.bioprofile import bio_fields

        p["biography"] = draft_biography(bio_fields(p), "warm")
    return p


@pytest.fixture
def env(monkeypatch, data_dir: Path) -> Path:
    monkeypatch.setattr(Vault, "kdf_target", FAST_KDF)
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", PASS)
    return data_dir


def make_vault(data_dir: Path, bio: Biography | None = None, plan: object = None) -> None:
    vault, _code = Vault.create(data_dir, PASS, kdf=FAST_KDF)
    with vault:
        if bio is not None:
            vault.biography.save(bio)
        if plan is not None:
            vault.plans.save(plan)


def run(*args: str) -> int:
    return main(["bio", *args])


def test_card_is_written_with_its_photo_and_a_plaintext_notice(env, tmp_path, capsys) -> None:
    photo = jpeg_bytes()
    make_vault(env, Biography(payload(), photo, "image/jpeg", True, "2027-03-01"))
    out = tmp_path / "lukasz.yaml"
    assert run("card", "-o", str(out)) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == (
        f"Wrote your bio card to {out}, with your photo beside it as lukasz.jpg."
    )
    assert "NOT encrypted" in captured.err and "meant to be shared" in captured.err
    assert (tmp_path / "lukasz.jpg").read_bytes() == photo
    card = load_card(out)
    assert card.name == "Łukasz Nowak" and card.pronouns == "he/him"
    assert card.photo == (tmp_path / "lukasz.jpg").absolute()
    assert card.consent is True and str(card.review_date) == "2027-03-01"
    assert card.sectors == ("logistics", "transport", "hospitality")
    text = out.read_text(encoding="utf-8")
    assert "photo: lukasz.jpg" in text
    assert "cold tea" not in text  # dislikes feed the draft, not the card


def test_card_then_team_booklet_round_trip(env, tmp_path, capsys) -> None:
    from pypdf import PdfReader

    make_vault(env, Biography(payload(), jpeg_bytes(), "image/jpeg", True, None))
    team = tmp_path / "team"
    team.mkdir()
    assert run("card", "-o", str(team / "lukasz.yaml")) == 0
    booklet = tmp_path / "booklet.pdf"
    assert main(["team", "booklet", str(team), "-o", str(booklet)]) == 0
    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(booklet)).pages)
    assert "Łukasz Nowak" in text and "Logistics" in text
    assert "Wrote" in capsys.readouterr().out


def test_personal_phone_number_is_refused_and_nothing_written(env, tmp_path, capsys) -> None:
    bio = payload()
    bio["biography"] = str(bio["biography"]) + " Text me on 07700 900123 any time."
    make_vault(env, Biography(bio, None, None, True, None))
    out = tmp_path / "card.yaml"
    assert run("card", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["data"]
    assert "card.yaml was not written" in err
    assert "a phone number (07700 900123)" in err
    assert "Traceback" not in err


def test_words_the_sharing_plan_keeps_private_are_refused(env, tmp_path, capsys) -> None:
    plan = {
        "experiences": [
            {
                "id": "e-1",
                "label": "my divorce",
                "kind": "exp.life_struggles",
                "levels": {"client": "never", "employer": "never"},
            }
        ],
        "will_not_share": ["my brother's illness"],
    }
    bio = payload(happy_to_share=["my divorce and starting again"])
    make_vault(env, Biography(bio, None, None, True, None), plan)
    out = tmp_path / "bio.pdf"
    assert run("pdf", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert not out.exists()
    assert "'my divorce'" in err and "sharing plan" in err


HOSPITAL_PLAN = {
    "experiences": [
        {
            "id": "e-1",
            "label": "My time in hospital",
            "kind": "exp.mental_health",
            "levels": {"client": "never", "ips_team": "briefly"},
        }
    ],
}


def test_a_plan_topic_is_caught_by_its_content_words(env, tmp_path, capsys) -> None:
    bio = payload(biography=draft_biography(PAYLOAD, "warm") + " I was in hospital in 2019.")
    make_vault(env, Biography(bio, None, None, True, None), HOSPITAL_PLAN)
    out = tmp_path / "card.yaml"
    assert run("card", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert not out.exists()
    assert "'My time in hospital'" in err and "'hospital'" in err
    assert "Traceback" not in err


def test_a_plan_topic_does_not_stop_an_ordinary_biography(env, tmp_path, capsys) -> None:
    plan = {"will_not_share": ["Time off work after my breakdown"]}
    bio = payload(biography=draft_biography(PAYLOAD, "warm") + " I work part time.")
    make_vault(env, Biography(bio, None, None, True, None), plan)
    out = tmp_path / "card.yaml"
    assert run("card", "-o", str(out)) == 0, capsys.readouterr().err
    assert out.exists()


def _unreadable_plan(monkeypatch) -> None:
    from ips_reflect.store.records import PlanStore

    def broken(self):
        raise ValueError("Expecting value: line 1 column 1 (char 0)")

    monkeypatch.setattr(PlanStore, "latest", broken)


@pytest.mark.parametrize("action", ["card", "pdf"])
def test_an_unreadable_plan_fails_closed(env, tmp_path, capsys, monkeypatch, action) -> None:
    make_vault(env, Biography(payload(), None, None, True, None), HOSPITAL_PLAN)
    _unreadable_plan(monkeypatch)
    out = tmp_path / ("card.yaml" if action == "card" else "bio.pdf")
    assert run(action, "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["data"]
    assert "sharing plan could not be read" in err and "nothing was shared or written" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "damaged",
    [
        "not a plan",
        ["My time in hospital"],
        {"experiences": "My time in hospital"},
        {"experiences": [{"label": 42, "levels": {"client": "never"}}]},
        {"will_not_share": [{"x": 1}]},
    ],
)
def test_a_damaged_stored_plan_fails_closed(env, tmp_path, capsys, damaged) -> None:
    make_vault(env, Biography(payload(), None, None, True, None), damaged)
    out = tmp_path / "card.yaml"
    assert run("card", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert not out.exists()
    assert "sharing plan could not be read" in err


def test_no_biography_says_what_to_do(env, tmp_path, capsys) -> None:
    make_vault(env)
    assert run("card", "-o", str(tmp_path / "card.yaml")) == 1
    err = capsys.readouterr().err
    assert "There is no biography in your vault yet" in err and "Biography page" in err


def test_no_vault_is_a_sentence_not_a_traceback(env, tmp_path, capsys) -> None:
    assert run("pdf", "-o", str(tmp_path / "bio.pdf")) == 1
    err = capsys.readouterr().err
    assert "ips-reflect init" in err and "Traceback" not in err


def test_wrong_passphrase_exits_1(env, tmp_path, capsys, monkeypatch) -> None:
    make_vault(env, Biography(payload(), None, None, True, None))
    monkeypatch.setenv("IPS_REFLECT_PASSPHRASE", "not the passphrase at all")
    assert run("card", "-o", str(tmp_path / "card.yaml")) == 1
    assert "passphrase" in capsys.readouterr().err


def test_pdf_is_one_page_with_name_service_and_photo(env, tmp_path, capsys) -> None:
    from pypdf import PdfReader

    make_vault(env, Biography(payload(), jpeg_bytes(), "image/jpeg", True, None))
    out = tmp_path / "bio.pdf"
    assert run("pdf", "-o", str(out), "--service", "Bradford IPS") == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"Wrote your biography to {out}."
    assert "NOT encrypted" in captured.err
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Łukasz Nowak" in text and "Bradford IPS" in text
    assert any(reader.pages[0].images)  # the photo from the vault is on the page


def test_pdf_uses_the_saved_service_name(env, tmp_path) -> None:
    from pypdf import PdfReader

    make_vault(env, Biography(payload(), None, None, True, None))
    out = tmp_path / "bio.pdf"
    assert run("pdf", "-o", str(out)) == 0
    assert "Leeds IPS" in PdfReader(str(out)).pages[0].extract_text()


def test_card_without_consent_says_the_booklet_will_leave_it_out(env, tmp_path, capsys) -> None:
    make_vault(env, Biography(payload(), None, None, False, None))
    out = tmp_path / "card.yaml"
    assert run("card", "-o", str(out)) == 0
    assert "consent: false" in capsys.readouterr().err
    assert load_card(out).consent is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("card", "-o", "card.txt"), "ending in .yaml"),
        (("pdf", "-o", "bio.yaml"), "ending in .pdf"),
        (("card", "-o", "missing-folder/card.yaml"), "does not exist"),
    ],
)
def test_bad_output_names_exit_1_before_asking_anything(
    env, tmp_path, capsys, monkeypatch, args, message
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IPS_REFLECT_PASSPHRASE")
    assert run(*args) == 1
    assert message in capsys.readouterr().err


def test_usage_errors_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["bio"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["bio", "card"])
    assert exc.value.code == 2


# --------------------------------------------------------------------------- bioprofile


def test_payload_to_card_and_plan_phrases() -> None:
    card = card_from_payload(
        {"name": "  Sam  Okafor ", "role": "ES", "biography": " Hi. ", "interests": "a\n\nb\nA"},
        consent=True,
        review_date="2027-01-31",
    )
    assert card.name == "Sam Okafor" and card.biography == "Hi."
    assert card.interests == ("a", "b") and card.pronouns is None
    assert str(card.review_date) == "2027-01-31"
    assert split_lines(" x \n\n y ") == ["x", "y"]
    plan = {
        "experiences": [
            {"id": "a", "label": "my debts", "levels": {"client": "not_now"}},
            {"id": "b", "label": "my allotment", "levels": {"client": "freely"}},
        ],
        "will_not_share": ["my address"],
    }
    assert plan_blocked_phrases(plan) == ["my debts", "my address"]
    assert plan_blocked_phrases(None) == []
