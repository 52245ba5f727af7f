"""Passwords (argon2id, length and common-password checks), TOTP second factor, recovery codes and
link tokens: every secret of a staff account, and how each is stored (never in plain text)."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache
from pathlib import Path

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer

MIN_LENGTH = 12
COMMON_PASSWORDS = Path(__file__).with_name("common_passwords.txt")
RECOVERY_CODES = 10
ISSUER = "Mitreden"
# How long a new TOTP secret offered for a replacement stays valid before it is confirmed.
NEW_SECRET_MINUTES = 15

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Checked when a login name has no password, so a wrong name takes as long as a wrong password.
DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of the 10,000 most common passwords, lowercased."""
    return frozenset(line.strip().lower() for line in COMMON_PASSWORDS.read_text().splitlines() if line.strip())


def password_problem(password: str, login_name: str = "") -> str | None:
    """Why a new password is refused ("too_short", "common", "name"), or None if it is fine."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    lowered = password.lower()
    if lowered in common_passwords() or len(set(lowered)) <= 2:
        return "common"
    if login_name and login_name.lower() in lowered:
        return "name"
    return None


def hash_password(password: str) -> str:
    """An argon2id hash of a password."""
    return _hasher.hash(password)


def check_password(stored: str | None, password: str) -> bool:
    """Whether a password matches its stored hash; without a hash, a dummy check takes the same time."""
    try:
        return _hasher.verify(stored or DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Whether a hash was made with older parameters and should be renewed at the next sign-in."""
    return _hasher.check_needs_rehash(stored)



def keyed_hash(text: str, key: str) -> str:
    """HMAC-SHA256 of a text: for recovery codes, link tokens and counting keys."""
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()


def new_totp_secret() -> str:
    """A fresh base32 TOTP secret."""
    return pyotp.random_base32()


def totp_uri(secret: str, login_name: str) -> str:
    """The otpauth:// address an authenticator app reads (as QR code or typed)."""
    return pyotp.TOTP(secret).provisioning_uri(name=login_name, issuer_name=ISSUER)


def totp_step(secret: str, code: str, last_step: int | None, at_timestamp: float) -> int | None:
    """The time step of a valid code (one step of clock drift allowed), or None; a step already used is refused."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now_step = int(at_timestamp // totp.interval)
    for step in (now_step, now_step - 1, now_step + 1):
        if hmac.compare_digest(totp.generate_otp(step), code) and (last_step is None or step > last_step):
            return step
    return None


def seal_new_secret(secret: str, user_id: int, key: str) -> str:
    """A new TOTP secret, signed for one user, to travel in the replacement form until its first code is right."""
    return URLSafeTimedSerializer(key, salt="staff-new-totp").dumps({"user": user_id, "secret": secret})


def open_new_secret(sealed: str, user_id: int, key: str) -> str | None:
    """The secret sealed for this user, unless tampered with, for someone else, or older than NEW_SECRET_MINUTES."""
    try:
        found = URLSafeTimedSerializer(key, salt="staff-new-totp").loads(sealed or "", max_age=NEW_SECRET_MINUTES * 60)
    except BadSignature:
        return None
    if not isinstance(found, dict) or found.get("user") != user_id or not isinstance(found.get("secret"), str):
        return None
    return found["secret"]


def new_recovery_codes() -> list[str]:
    """Fresh recovery codes to show once, e.g. „k7qm-2xvd-9hte“."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return ["-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))
            for _ in range(RECOVERY_CODES)]


def normalise_recovery_code(raw: str) -> str:
    """A typed recovery code without spaces and hyphens, lowercased."""
    return "".join(ch for ch in (raw or "").lower() if ch.isalnum())


def new_link_token() -> str:
    """A random token for a one-time link."""
    return secrets.token_urlsafe(32)
