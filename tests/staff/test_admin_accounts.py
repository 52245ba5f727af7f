"""Admin pages for existing accounts: changing the role (and Anbieter), resetting a lost second factor."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.core.db import get_db
from app.staff import operations
from app.staff.models import AuditEntry, RecoveryCode
from tests.conftest import CheckingClient
from tests.staff.helpers import (audit_actions, get_user, make_anbieter, make_user, secret_on_page, sign_in,
                                 totp_now, user_id)
from tests.staff.test_admin_pages import signed_in


def role_url(app, login_name: str) -> str:
    """The URL the role form posts to."""
    return f"/staff/konten/{user_id(app, login_name)}/rolle"


def last_detail(app, action: str) -> str:
    """The detail of the newest audit entry with this action."""
    with app.app_context():
        return get_db().scalar(select(AuditEntry.detail).where(AuditEntry.action == action)
                               .order_by(AuditEntry.id.desc()).limit(1))


def test_the_admin_changes_role_and_anbieter(app, client):
    a, b = make_anbieter(app, "Alpha"), make_anbieter(app, "Beta")
    make_user(app, "kim", "assistenz", a)
    signed_in(app, client, "chef", "admin")
    page = client.get(f"/staff/konten/{user_id(app, 'kim')}").get_data(as_text=True)
    assert "Rolle ändern" in page and 'value="assistenz" checked' in page and f'value="{a}" checked' in page
    response = client.submit(role_url(app, "kim"), {"role": "anbieter_leitung", "anbieter": str(b)},
                             token_from=f"/staff/konten/{user_id(app, 'kim')}")
    assert response.status_code == 302
    kim = get_user(app, "kim")
    assert (kim.role, kim.anbieter_id) == ("anbieter_leitung", b)
    assert last_detail(app, "role_changed") == f"role=assistenz anbieter={a} -> role=anbieter_leitung anbieter={b}"
    client.submit(role_url(app, "kim"), {"role": "evaluation", "anbieter": "keiner"},
                  token_from=f"/staff/konten/{user_id(app, 'kim')}")
    kim = get_user(app, "kim")
    assert (kim.role, kim.anbieter_id) == ("evaluation", None)
    assert audit_actions(app).count("role_changed") == 2


def test_role_rules_are_form_errors_and_nothing_changes(app, client):
    a = make_anbieter(app, "Alpha")
    make_user(app, "kim", "assistenz", a)
    signed_in(app, client, "chef", "admin")
    page = f"/staff/konten/{user_id(app, 'kim')}"
    cases = [({"role": "assistenz", "anbieter": "keiner"}, "brauchen einen Anbieter"),
             ({"role": "evaluation", "anbieter": str(a)}, "die anderen Rollen keinen"),
             ({"role": "kaiser", "anbieter": "keiner"}, "Bitte wählen Sie eine Rolle."),
             ({"role": "assistenz", "anbieter": "999999"}, "Bitte wählen Sie einen Anbieter.")]
    for data, message in cases:
        response = client.submit(role_url(app, "kim"), data, token_from=page)
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and message in html and "<title>Fehler:" in html, data
    assert client.post(role_url(app, "kim"), data={"role": "admin", "anbieter": "keiner"}).status_code == 200
    assert get_user(app, "kim").role == "assistenz"  # without CSRF token: nothing changed
    assert "role_changed" not in audit_actions(app)


def test_nobody_changes_their_own_role_and_leads_change_none(app, client):
    a = make_anbieter(app, "Alpha")
    make_user(app, "kim", "assistenz", a)
    signed_in(app, client, "chef", "admin")
    own = f"/staff/konten/{user_id(app, 'chef')}"
    assert "Rolle ändern" not in client.get(own).get_data(as_text=True)
    response = client.submit(role_url(app, "chef"), {"role": "evaluation", "anbieter": "keiner"},
                             token_from=f"/staff/konten/{user_id(app, 'kim')}")
    assert response.status_code == 403 and "Ihre eigene Rolle können Sie nicht ändern." in response.get_data(as_text=True)
    assert get_user(app, "chef").role == "admin"
    client.post("/staff/abmelden")
    signed_in(app, client, "leitung", "anbieter_leitung", a)
    page = f"/staff/konten/{user_id(app, 'kim')}"
    assert "Rolle ändern" not in client.get(page).get_data(as_text=True)
    response = client.submit(role_url(app, "kim"), {"role": "anbieter_leitung", "anbieter": str(a)}, token_from=page)
    assert response.status_code == 403 and get_user(app, "kim").role == "assistenz"


def test_the_last_active_admin_keeps_the_role_and_stays_on(app):
    make_user(app, "chef", "admin")
    with app.app_context():
        db = get_db()
        chef = operations.find_user(db, "chef")
        with pytest.raises(operations.LastAdminError):
            operations.change_role(db, chef, "evaluation", None, None)
        with pytest.raises(operations.LastAdminError):
            operations.set_active(db, chef, False, None)
        assert chef.role == "admin" and chef.active
        second = operations.create_account(db, "zweite", "Zweite", "admin", None, None)
        operations.change_role(db, chef, "evaluation", None, None)  # another active Admin exists
        with pytest.raises(operations.LastAdminError):
            operations.set_active(db, second, False, None)
        assert second.active


def test_a_role_that_needs_a_second_factor_asks_for_it_at_the_next_sign_in(app, client):
    a = make_anbieter(app, "Alpha")
    make_user(app, "kim", "assistenz", a)
    kim = CheckingClient(app.test_client())
    sign_in(kim, "kim")
    assert kim.get("/staff/").status_code == 200
    with app.app_context():  # an unconfirmed factor, left from a set-up started earlier, does not count
        operations.start_second_factor(operations.find_user(get_db(), "kim"))
        get_db().commit()
    signed_in(app, client, "chef", "admin")
    client.submit(role_url(app, "kim"), {"role": "leistungstraeger", "anbieter": "keiner"},
                  token_from=f"/staff/konten/{user_id(app, 'kim')}")
    assert kim.get("/staff/").status_code == 302, "the role change ends kim's running session"
    response = sign_in(kim, "kim")
    assert response.headers["Location"].endswith("/staff/zweiter-faktor/einrichten")
    assert kim.get("/staff/").status_code == 302, "not signed in before the second factor is set up"
    secret = secret_on_page(kim.get("/staff/zweiter-faktor/einrichten").get_data(as_text=True))
    kim.submit("/staff/zweiter-faktor/einrichten", {"code": totp_now(secret)})
    assert kim.get("/staff/").status_code == 200 and get_user(app, "kim").totp_confirmed


def factor_url(app, login_name: str) -> str:
    """The URL that resets an account's second factor."""
    return f"/staff/konten/{user_id(app, login_name)}/zweiter-faktor"


def recovery_codes(app, login_name: str) -> int:
    """How many recovery codes an account has (used or not)."""
    with app.app_context():
        return get_db().scalar(select(func.count(RecoveryCode.id)).where(RecoveryCode.user_id == user_id(app, login_name)))


def test_the_admin_resets_a_lost_second_factor_and_hands_out_a_new_link(app, client):
    secret = make_user(app, "lt", "leistungstraeger", second_factor=True)
    with app.app_context():
        operations.new_recovery_codes(get_db(), operations.find_user(get_db(), "lt"), app.config["CODE_KEY"])
        get_db().commit()
    person = CheckingClient(app.test_client())
    sign_in(person, "lt")
    person.submit("/staff/zweiter-faktor", {"code": totp_now(secret)})
    assert person.get("/staff/").status_code == 200 and recovery_codes(app, "lt") == 10
    signed_in(app, client, "chef", "admin")
    page = f"/staff/konten/{user_id(app, 'lt')}"
    assert "Zweiten Faktor zurücksetzen" in client.get(page).get_data(as_text=True)
    assert client.post(factor_url(app, "lt")).status_code == 302 and get_user(app, "lt").totp_confirmed  # no CSRF
    response = client.submit(factor_url(app, "lt"), token_from=page)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    link = re.search(r"<code>(http[^<]+)</code>", response.get_data(as_text=True)).group(1)
    lt = get_user(app, "lt")
    assert (lt.totp_secret, lt.totp_confirmed, lt.password_hash) == (None, False, None) and recovery_codes(app, "lt") == 0
    assert audit_actions(app)[-2:] == ["second_factor_reset", "link_created"]
    assert last_detail(app, "link_created") == "factor"
    assert person.get("/staff/").status_code == 302, "the reset ends the person's running session"
    assert "Anmeldename oder Passwort ist falsch." in sign_in(person, "lt").get_data(as_text=True)
    path = link.split("localhost", 1)[1]
    new_password = "Ganz-Neue-Passphrase-77"
    person.submit(path, {"password": new_password, "password_again": new_password})
    response = sign_in(person, "lt", new_password)
    assert response.headers["Location"].endswith("/staff/zweiter-faktor/einrichten")
    assert person.get("/staff/").status_code == 302


def test_a_lead_resets_its_own_assistenz_only_and_nobody_their_own(app, client):
    a, b = make_anbieter(app, "Alpha"), make_anbieter(app, "Beta")
    make_user(app, "kim", "assistenz", a, second_factor=True)
    make_user(app, "bo", "assistenz", b, second_factor=True)
    make_user(app, "peer", "anbieter_leitung", a, second_factor=True)
    signed_in(app, client, "leitung", "anbieter_leitung", a)
    token = client.token(f"/staff/konten/{user_id(app, 'kim')}")
    assert client.post(factor_url(app, "bo"), data={"csrf_token": token}).status_code == 404
    assert client.post(factor_url(app, "peer"), data={"csrf_token": token}).status_code == 404
    assert get_user(app, "bo").totp_confirmed and get_user(app, "peer").totp_confirmed
    assert client.post(factor_url(app, "kim"), data={"csrf_token": token}).status_code == 200
    assert not get_user(app, "kim").totp_confirmed and get_user(app, "kim").password_hash is None
    client.post("/staff/abmelden")
    signed_in(app, client, "chef", "admin")
    own = f"/staff/konten/{user_id(app, 'chef')}"
    assert "Zweiten Faktor zurücksetzen" not in client.get(own).get_data(as_text=True)
    assert client.submit(factor_url(app, "chef"), token_from=own).status_code == 302
    assert get_user(app, "chef").totp_confirmed and get_user(app, "chef").password_hash is not None
    # an account without a second factor has nothing to reset: no button, and the POST changes nothing
    make_user(app, "ohne", "assistenz", a)
    page = f"/staff/konten/{user_id(app, 'ohne')}"
    assert "Zweiten Faktor zurücksetzen" not in client.get(page).get_data(as_text=True)
    assert client.submit(factor_url(app, "ohne"), token_from=page).status_code == 302
    assert get_user(app, "ohne").password_hash is not None
    assert audit_actions(app).count("second_factor_reset") == 1
