"""Key derivation, key wrapping, recovery codes and the header file."""

from __future__ import annotations

import json
import math
import os
import re
import stat

import pytest

from ips_reflect.store import crypto, header
from ips_reflect.store.crypto import DEFAULT_KDF, KdfParams
from ips_reflect.store.errors import BadRecoveryCode, HeaderDamaged, NoVault

from .conftest import FAST_KDF


def test_defaults_meet_the_design():
    assert DEFAULT_KDF.memory_cost >= 64 * 1024
    assert DEFAULT_KDF.time_cost >= 3
    assert DEFAULT_KDF.parallelism == 2


def test_wrap_unwrap_and_wrong_secret():
    key = crypto.new_db_key()
    assert len(key) == 32
    wrap = header.make_wrap(key, b"secret one", crypto.PURPOSE_PASSPHRASE, FAST_KDF)
    h = header.Header("2026-01-01T00:00:00+00:00", wrap, wrap)
    assert header.open_wrap(h, b"secret one", crypto.PURPOSE_PASSPHRASE) == key
    with pytest.raises(crypto.KeyUnwrapError):
        header.open_wrap(h, b"secret two", crypto.PURPOSE_PASSPHRASE)
    assert len(wrap.salt) == 16 and len(wrap.nonce) == 12


def test_associated_data_binds_purpose_and_parameters():
    key = crypto.new_db_key()
    wrap = header.make_wrap(key, b"s3cret", crypto.PURPOSE_PASSPHRASE, FAST_KDF)
    # The same wrap presented as the recovery wrap fails: purpose is bound.
    h = header.Header("x", wrap, wrap)
    with pytest.raises(crypto.KeyUnwrapError):
        header.open_wrap(h, b"s3cret", crypto.PURPOSE_RECOVERY)
    # Editing the stored parameters in the header fails too.
    bumped = crypto.KeyWrap(
        KdfParams(FAST_KDF.memory_cost, FAST_KDF.time_cost + 1, 1), *list(vars(wrap).values())[1:]
    )
    with pytest.raises(crypto.KeyUnwrapError):
        header.open_wrap(header.Header("x", bumped, bumped), b"s3cret", crypto.PURPOSE_PASSPHRASE)


def test_passphrase_is_unicode_normalised():
    assert crypto.normalise_passphrase("cafe\u0301 au lait") == crypto.normalise_passphrase(
        "caf\u00e9 au lait"
    )


def test_recovery_code_shape_and_entropy():
    codes = {crypto.generate_recovery_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(r"([2-9A-HJ-NP-Z]{4}-){5}[2-9A-HJ-NP-Z]{4}", code)
        assert not set(code) & set("01OI")
    bits = crypto.RECOVERY_LENGTH * math.log2(len(crypto.RECOVERY_ALPHABET))
    assert bits >= 120


def test_recovery_code_input_is_forgiving_but_strict():
    code = crypto.generate_recovery_code()
    canonical = crypto.normalise_recovery_code(code)
    assert crypto.normalise_recovery_code(code.lower().replace("-", " ")) == canonical
    with pytest.raises(BadRecoveryCode, match="never contains 0, 1, O or I"):
        crypto.normalise_recovery_code("0" + code[1:])
    with pytest.raises(BadRecoveryCode, match="instead of 24"):
        crypto.normalise_recovery_code(code[:-2])


def test_kdf_params_from_header_are_bounded():
    with pytest.raises(ValueError):
        KdfParams.from_dict(
            {"name": "argon2id", "memory_cost": 1, "time_cost": 1, "parallelism": 1}
        )
    with pytest.raises(ValueError):
        KdfParams.from_dict({"name": "scrypt"})
    with pytest.raises(ValueError):
        KdfParams.from_dict(
            {"name": "argon2id", "memory_cost": 65536, "time_cost": True, "parallelism": 2}
        )
    assert KdfParams.from_dict(DEFAULT_KDF.to_dict()) == DEFAULT_KDF
    assert FAST_KDF.below(DEFAULT_KDF) and not DEFAULT_KDF.below(DEFAULT_KDF)


def _header() -> header.Header:
    key = crypto.new_db_key()
    return header.new_header(key, b"passphrase", b"RECOVERY", FAST_KDF)


def test_header_written_atomically_and_privately(tmp_path):
    h = _header()
    header.write_header(tmp_path, h)
    path = tmp_path / "header.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert header.read_header(tmp_path) == h
    assert sorted(os.listdir(tmp_path)) == ["header.json"]  # no temp files left
    doc = json.loads(path.read_text())
    assert doc["format"] == "ips-reflect/vault-header" and doc["version"] == 1
    assert doc["passphrase"]["kdf"]["name"] == "argon2id"


def test_missing_header_says_run_init(tmp_path):
    with pytest.raises(NoVault, match=r"No vault in .* yet\. Run 'ips-reflect init' first"):
        header.read_header(tmp_path / "nowhere")


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'{"format": "ips-reflect/vault-header", "version": 1}', b"\xff"],
)
def test_damaged_header_is_a_clear_error(tmp_path, content):
    (tmp_path / "header.json").write_bytes(content)
    with pytest.raises(HeaderDamaged, match=r"is damaged .* Restore a backup"):
        header.read_header(tmp_path)


def test_newer_header_asks_for_an_update(tmp_path):
    header.write_header(tmp_path, _header())
    path = tmp_path / "header.json"
    doc = json.loads(path.read_text())
    doc["version"] = 2
    path.write_text(json.dumps(doc))
    with pytest.raises(HeaderDamaged, match="newer IPS Reflect"):
        header.read_header(tmp_path)


def test_header_without_database_and_database_without_header(tmp_path):
    (tmp_path / "vault.db").write_bytes(b"x")
    with pytest.raises(HeaderDamaged, match=r"no header\.json"):
        header.read_header(tmp_path)
