"""Accounts and their rules, one-time links, the Sozialräume of an Anbieter, and create-admin."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.core.db import get_db, utcnow
from app.sozialraum.models import Sozialraum
from app.staff import operations
from app.staff.models import AuditEntry
from tests.staff.helpers import PASSWORD, make_anbieter, make_user, sign_in


@pytest.mark.parametrize("role, with_anbieter", [("assistenz", False), ("anbieter_leitung", False),
                                                  ("admin", True), ("leistungstraeger", True), ("chef", False)])
def test_roles_need_exactly_the_anbieter_they_must_have(app, role, with_anbieter):
    anbieter = make_anbieter(app, "A") if with_anbieter else None
    with app.app_context(), pytest.raises(operations.AccountError):
        operations.create_account(get_db(), "person", "Person", role, anbieter, actor_id=None)


def test_a_role_change_is_checked_and_audited(app):
    a = make_anbieter(app, "A")
    make_user(app, "kim", "assistenz", a)
    with app.app_context():
        db = get_db()
        user = operations.find_user(db, "kim")
        with pytest.raises(operations.AccountError):
            operations.change_role(db, user, "admin", a, actor_id=None)
        operations.change_role(db, user, "anbieter_leitung", a, actor_id=None)
        db.commit()
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "role_changed")).one()
        assert entry.detail == f"role=assistenz anbieter={a} -> role=anbieter_leitung anbieter={a}"


def test_login_names_are_unique_without_case(app):
    make_user(app, "kim", "admin")
    with app.app_context(), pytest.raises(operations.AccountError):
        operations.create_account(get_db(), " KIM ", "Kim", "admin", None, actor_id=None)


def test_a_lead_manages_only_own_staff(app):
    a, b = make_anbieter(app, "A"), make_anbieter(app, "B")
    make_user(app, "leitung-a", "anbieter_leitung", a)
    make_user(app, "assistenz-a", "assistenz", a)
    make_user(app, "assistenz-b", "assistenz", b)
    make_user(app, "leitung-a2", "anbieter_leitung", a)
    make_user(app, "admin", "admin")
    with app.app_context():
        db = get_db()
        lead, admin = operations.find_user(db, "leitung-a"), operations.find_user(db, "admin")
        assert operations.may_manage(lead, operations.find_user(db, "assistenz-a"))
        assert not operations.may_manage(lead, operations.find_user(db, "assistenz-b"))
        assert not operations.may_manage(lead, operations.find_user(db, "leitung-a2"))  # only its Assistenz
        assert not operations.may_manage(lead, lead)
        assert not operations.may_manage(lead, admin)
        assert operations.may_manage(admin, operations.find_user(db, "assistenz-b"))


def test_an_anbieter_works_in_chosen_sozialraeume(app):
    a = make_anbieter(app, "A")
    with app.app_context():
        db = get_db()
        ids = list(db.scalars(select(Sozialraum.id).order_by(Sozialraum.id)))[:2]
        anbieter = db.get(operations.Anbieter, a)
        operations.set_sozialraeume(db, anbieter, ids + ids[:1], actor_id=None)
        db.commit()
        assert operations.sozialraeume_of(db, a) == ids
        operations.set_sozialraeume(db, anbieter, ids[1:], actor_id=None)
        assert operations.sozialraeume_of(db, a) == ids[1:]


def _link(app, login_name: str, hours: int = 72) -> str:
    """A fresh sign-up link token for an account."""
    with app.app_context():
        db = get_db()
        token = operations.new_link(db, operations.find_user(db, login_name), operations.SIGNUP,
                                    app.config["CODE_KEY"], utcnow(), actor_id=None, hours=hours)
        db.commit()
        return token


def test_a_sign_up_link_sets_the_password_once(app, client):
    a = make_anbieter(app, "A")
    with app.app_context():
        operations.create_account(get_db(), "kim", "Kim", "assistenz", a, actor_id=None)
        get_db().commit()
    token = _link(app, "kim")
    url = f"/staff/link/{token}"
    page = client.get(url).get_data(as_text=True)
    assert 'autocomplete="new-password"' in page and 'type="password"' in page
    response = client.submit(url, {"password": "password1234", "password_again": "password1234"})
    assert "Dieses Passwort ist zu verbreitet" in response.get_data(as_text=True)
    response = client.submit(url, {"password": PASSWORD, "password_again": PASSWORD + "x"})
    assert "Die beiden Passwörter sind verschieden." in response.get_data(as_text=True)
    response = client.submit(url, {"password": PASSWORD, "password_again": PASSWORD})
    assert response.headers["Location"].endswith("/staff/anmelden?passwort=1")
    assert client.get(url).status_code == 404  # used up
    assert sign_in(client, "kim").headers["Location"].endswith("/staff/")
    with app.app_context():
        stored = list(get_db().scalars(select(operations.SignupLink.token_hash)))
        assert token not in stored[0]


def test_an_expired_link_and_an_older_link_do_not_work(app, client):
    make_user(app, "kim", "admin")
    old = _link(app, "kim")
    expired = _link(app, "kim", hours=0)
    assert client.get(f"/staff/link/{old}").status_code == 404  # replaced by the newer link
    assert client.get(f"/staff/link/{expired}").status_code == 404
    fresh = _link(app, "kim")
    with app.app_context():
        key, now = app.config["CODE_KEY"], utcnow()
        assert operations.valid_link(get_db(), fresh, key, now + timedelta(hours=71)) is not None
        assert operations.valid_link(get_db(), fresh, key, now + timedelta(hours=73)) is None


def test_create_admin_prints_a_link_that_sets_the_password(app, runner, client):
    result = runner.invoke(args=["create-admin", "--name", "Chefin", "--url", "http://localhost"])
    assert result.exit_code == 0, result.output
    url = result.output.strip().splitlines()[-1]
    assert url.startswith("http://localhost/staff/link/")
    path = url.removeprefix("http://localhost")
    assert client.submit(path, {"password": PASSWORD, "password_again": PASSWORD}).status_code == 302
    again = runner.invoke(args=["create-admin", "--name", "chefin"])
    assert again.exit_code != 0
    with app.app_context():
        assert operations.find_user(get_db(), "chefin").role == "admin"
