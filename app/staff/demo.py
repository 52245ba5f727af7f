"""Demo accounts for trying the staff side out: one per role, two Anbieter, all marked demo=True.

Created only where the setting DEMO_ACCOUNTS allows it (`make run` sets it); a deployment never has them.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..sozialraum import operations as sozialraum_operations
from . import credentials, operations
from .models import ADMIN, ANBIETER_LEITUNG, ASSISTENZ, EVALUATION, LEISTUNGSTRAEGER

# Published on purpose: these accounts exist only on a demo installation.
DEMO_PASSWORD = "Demo-Mitreden-2026"
NORD, SUED = "Beispiel-Anbieter Nord", "Beispiel-Anbieter Süd"
# Where the demo Anbieter work (Sozialraum keys of content/sozialraeume.yml): both in Hemelingen, so the
# Leistungsträger's results for Hemelingen bring two Anbieter together.
WHERE = {NORD: ("bremen-hemelingen", "bremerhaven"), SUED: ("bremen-hemelingen",)}
# login name, display name, role, Anbieter, TOTP secret (for the roles that must use a second factor)
ACCOUNTS = (
    ("demo-assistenz-nord", "Demo Assistenz Nord", ASSISTENZ, NORD, None),
    ("demo-leitung-nord", "Demo Leitung Nord", ANBIETER_LEITUNG, NORD, None),
    ("demo-assistenz-sued", "Demo Assistenz Süd", ASSISTENZ, SUED, None),
    ("demo-leitung-sued", "Demo Leitung Süd", ANBIETER_LEITUNG, SUED, None),
    ("demo-leistungstraeger", "Demo Leistungsträger", LEISTUNGSTRAEGER, None, "DEMOLEISTUNGSTRAEGERMITREDEN2345"),
    ("demo-evaluation", "Demo Evaluation", EVALUATION, None, "DEMOEVALUATIONMITREDEN234567ABCD"),
    ("demo-admin", "Demo Administration", ADMIN, None, "DEMOADMINMITREDEN234567ABCDEFGHI"),
)


class DemoRefused(Exception):
    """Demo accounts are not allowed here, or a real account has a demo name."""


@dataclass(frozen=True)
class DemoAccount:
    """What `make run` prints for one demo account."""

    login_name: str
    role: str
    anbieter: str | None
    totp_secret: str | None


def load_demo_accounts(db: Session, allowed: bool) -> list[DemoAccount]:
    """Create or reset the demo Anbieter and accounts (repeatable); refused unless `allowed`."""
    if not allowed:
        raise DemoRefused("Demo-Konten sind hier nicht erlaubt. Nur für eine Demo-Installation: "
                          "DEMO_ACCOUNTS=1 setzen (das tut `make run`).")
    anbieter = {}
    for name in (NORD, SUED):
        found = operations.anbieter_named(db, name)
        if found is not None and not found.demo:
            raise DemoRefused(f"Es gibt schon einen echten Anbieter „{name}“.")
        anbieter[name] = found or operations.new_anbieter(db, name, demo=True)
    db.flush()
    for name, keys in WHERE.items():
        ids = [sozialraum.id for sozialraum in sozialraum_operations.every(db) if sozialraum.key in keys]
        operations.set_sozialraeume(db, anbieter[name], ids)
    password_hash, made = credentials.hash_password(DEMO_PASSWORD), []
    for login_name, display_name, role, anbieter_name, secret in ACCOUNTS:
        anbieter_id = anbieter[anbieter_name].id if anbieter_name else None
        user = operations.find_user(db, login_name)
        if user is not None and not user.demo:
            raise DemoRefused(f"Es gibt schon ein echtes Konto „{login_name}“.")
        if user is None:
            user = operations.create_account(db, login_name, display_name, role, anbieter_id, actor_id=None)
            user.demo = True
        user.password_hash, user.active = password_hash, True
        user.totp_secret, user.totp_confirmed, user.totp_last_step = secret, secret is not None, None
        made.append(DemoAccount(login_name, role, anbieter_name, secret))
    return made
