"""Passwords, TOTP codes and recovery codes, without a database."""
from __future__ import annotations

import pyotp

from app.staff import credentials


def test_password_rules():
    assert credentials.password_problem("kurz") == "too_short"
    assert credentials.password_problem("elf-Zeichen") == "too_short"
    assert credentials.password_problem("Q1W2E3R4T5Y6") == "common"  # on the shipped list, any case
    assert credentials.password_problem("aaaaaaaaaaaaaaaa") == "common"
    assert credentials.password_problem("mein-name-ist-heike", "Heike") == "name"
    assert credentials.password_problem("Tulpen im Regen 2026") is None


def test_the_shipped_list_has_ten_thousand_common_passwords():
    common = credentials.common_passwords()
    assert len(common) > 9_900
    assert {"password", "123456", "qwerty"} <= common


def test_passwords_are_argon2_hashes_that_check():
    stored = credentials.hash_password("Tulpen im Regen 2026")
    assert stored.startswith("$argon2id$")
    assert "Tulpen" not in stored
    assert credentials.check_password(stored, "Tulpen im Regen 2026")
    assert not credentials.check_password(stored, "Tulpen im Regen 2025")
    assert not credentials.check_password(None, "Tulpen im Regen 2026")
    assert not credentials.check_password("kein hash", "Tulpen im Regen 2026")


def test_a_totp_code_works_once_and_allows_one_step_of_drift():
    secret = credentials.new_totp_secret()
    totp = pyotp.TOTP(secret)
    at = 1_800_000_000.0
    code = totp.at(at)
    step = credentials.totp_step(secret, code, None, at)
    assert step == int(at // 30)
    assert credentials.totp_step(secret, code, step, at) is None  # replay
    assert credentials.totp_step(secret, totp.at(at - 30), None, at) is not None
    assert credentials.totp_step(secret, totp.at(at - 90), None, at) is None
    assert credentials.totp_step(secret, "12a456", None, at) is None


def test_recovery_codes_are_random_and_typed_loosely():
    codes = credentials.new_recovery_codes()
    assert len(codes) == len(set(codes)) == credentials.RECOVERY_CODES
    assert credentials.normalise_recovery_code(" K7QM-2xvd 9hte ") == "k7qm2xvd9hte"
