"""Demo accounts: refused without DEMO_ACCOUNTS, otherwise one per role and two Anbieter, marked demo, repeatable."""
from __future__ import annotations

import pyotp
from sqlalchemy import func, select

from app.core.db import get_db
from app.staff.demo import DEMO_PASSWORD
from app.staff.models import ROLES, Anbieter, StaffUser
from tests.staff.helpers import get_user, make_user, sign_in


def _count(app, model) -> int:
    """Rows in a table."""
    with app.app_context():
        return get_db().scalar(select(func.count()).select_from(model))


def test_demo_accounts_are_refused_without_the_flag(app, runner):
    assert app.config["DEMO_ACCOUNTS"] is False
    result = runner.invoke(args=["load-demo-staff"])
    assert result.exit_code != 0 and "DEMO_ACCOUNTS=1" in result.output
    assert _count(app, StaffUser) == 0 and _count(app, Anbieter) == 0


def test_demo_accounts_one_per_role_two_anbieter(app, runner, client):
    app.config["DEMO_ACCOUNTS"] = True
    result = runner.invoke(args=["load-demo-staff"])
    assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output and "demo-admin" in result.output
    assert "demo-leitung-nord (Anbieter-Leitung, Beispiel-Anbieter Nord)" in result.output
    with app.app_context():
        users = [(u.role, u.demo, u.active, u.totp_secret) for u in get_db().scalars(select(StaffUser))]
        names = {a.id: a.name for a in get_db().scalars(select(Anbieter)) if a.demo}
    assert set(names.values()) == {"Beispiel-Anbieter Nord", "Beispiel-Anbieter Süd"}
    assert {role for role, *_ in users} == set(ROLES) and all(demo and active for _, demo, active, _ in users)
    for role, _demo, _active, secret in users:
        assert (secret is not None) == (role in ("admin", "leistungstraeger", "evaluation"))
        assert secret is None or secret in result.output
    admin = get_user(app, "demo-admin")
    sign_in(client, "demo-admin", DEMO_PASSWORD)
    assert client.submit("/staff/zweiter-faktor", {"code": pyotp.TOTP(admin.totp_secret).now()}).status_code == 302
    assert client.get("/staff/").status_code == 200
    assert runner.invoke(args=["load-demo-staff"]).exit_code == 0, "repeatable"
    assert _count(app, StaffUser) == len(users) and _count(app, Anbieter) == 2


def test_a_real_account_with_a_demo_name_is_not_overwritten(app, runner):
    app.config["DEMO_ACCOUNTS"] = True
    make_user(app, "demo-admin", "admin")
    result = runner.invoke(args=["load-demo-staff"])
    assert result.exit_code != 0 and "echtes Konto" in result.output
    assert get_user(app, "demo-admin").demo is False
