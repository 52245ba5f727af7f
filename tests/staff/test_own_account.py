"""The own account (/staff/mein-konto): overview, own password, second factor and recovery codes."""
from __future__ import annotations

import re
from datetime import timedelta

from freezegun import freeze_time
from sqlalchemy import select

from app.core.db import get_db, utcnow
from app.staff import credentials, operations
from app.staff.models import AuditEntry
from tests.conftest import CheckingClient
from tests.staff.helpers import PASSWORD, audit_actions, get_user, make_anbieter, make_user, sign_in, totp_now

NEW = "Neue-Sichere-Passphrase-77"
CODE_ITEM = re.compile(r"<li><code>([a-z0-9-]+)</code></li>")


def signed_in(app, client, login_name: str, role: str, anbieter: str | None = None, factor: bool = False):
    """Make an account and sign it in (with its second factor if it has one); returns its TOTP secret."""
    secret = make_user(app, login_name, role, make_anbieter(app, anbieter) if anbieter else None, second_factor=factor)
    sign_in(client, login_name)
    if secret:
        client.submit("/staff/zweiter-faktor", {"code": totp_now(secret)})
    assert client.get("/staff/mein-konto").status_code == 200
    return secret


def second_client(app) -> CheckingClient:
    """Another browser."""
    return CheckingClient(app.test_client())


def change(client, current: str = PASSWORD, new: str = NEW, again: str | None = None):
    """Send the password form."""
    return client.submit("/staff/mein-konto/passwort",
                         {"current_password": current, "password": new, "password_again": again or new})


def audit_details(app, action: str) -> list[str]:
    """Target and detail of every audit entry of an action."""
    with app.app_context():
        return [f"{e.target} {e.detail}" for e in get_db().scalars(select(AuditEntry).where(AuditEntry.action == action))]


def codes_on(response) -> list[str]:
    """The recovery codes a page shows."""
    return CODE_ITEM.findall(response.get_data(as_text=True))


def test_the_pages_need_a_sign_in(app, client):
    for url in ("/staff/mein-konto", "/staff/mein-konto/passwort", "/staff/mein-konto/zweiter-faktor",
                "/staff/mein-konto/zweiter-faktor/aus", "/staff/mein-konto/wiederherstellungscodes"):
        assert client.get(url).headers["Location"].startswith("/staff/anmelden"), url


def test_the_overview_shows_the_account(app, client):
    signed_in(app, client, "kim", "assistenz", anbieter="Anbieter Nord")
    page = client.get("/staff/mein-konto").get_data(as_text=True)
    for text in ("kim", "Kim", "Assistenz", "Anbieter Nord", "nicht eingerichtet", "/staff/zweiter-faktor/einrichten",
                 "/staff/mein-konto/passwort"):
        assert text in page, text
    assert "Wiederherstellungscodes</dt>" not in page and "/staff/mein-konto/zweiter-faktor/aus" not in page


def test_the_overview_counts_recovery_codes_and_warns_when_few_are_left(app, client):
    signed_in(app, client, "chef", "admin", factor=True)
    assert "Sie haben keine unbenutzten Wiederherstellungscodes" in client.get("/staff/mein-konto").get_data(as_text=True)
    codes = codes_on(client.submit("/staff/mein-konto/wiederherstellungscodes", {"current_password": PASSWORD}))
    page = client.get("/staff/mein-konto").get_data(as_text=True)
    assert "Administration" in page and "eingerichtet" in page and "10 unbenutzte Codes" in page
    assert "Pflicht" in page and "Erzeugen Sie bitte neue Codes" not in page and "keine unbenutzten" not in page
    assert "/staff/mein-konto/zweiter-faktor/aus" not in page  # required for an admin
    with app.app_context():
        user = operations.find_user(get_db(), "chef")
        for code in codes[:7]:
            assert operations.use_recovery_code(get_db(), user, code, app.config["CODE_KEY"], utcnow())
        get_db().commit()
    page = client.get("/staff/mein-konto").get_data(as_text=True)
    assert "3 unbenutzte Codes" in page and "Sie haben nur noch 3 Wiederherstellungscodes" in page


def test_a_password_change_keeps_this_device_and_ends_the_others(app, client):
    signed_in(app, client, "kim", "assistenz", anbieter="A")
    other = second_client(app)
    sign_in(other, "kim")
    assert other.get("/staff/").status_code == 200
    page = client.get("/staff/mein-konto/passwort").get_data(as_text=True)
    assert 'autocomplete="current-password"' in page and page.count('autocomplete="new-password"') == 2
    response = change(client)
    assert response.headers["Location"].endswith("/staff/mein-konto?erledigt=passwort")
    assert "Ihr Passwort ist geändert" in client.get("/staff/mein-konto?erledigt=passwort").get_data(as_text=True)
    assert client.get("/staff/").status_code == 200  # this device stays signed in
    assert other.get("/staff/").headers["Location"].startswith("/staff/anmelden")  # the other one is out
    assert audit_actions(app)[-1] == "password_changed"
    assert audit_details(app, "password_changed") == [f"staff:{get_user(app, 'kim').id} "]
    with app.app_context():
        assert not any(secret in f"{e.target}{e.detail}" for e in get_db().scalars(select(AuditEntry))
                       for secret in (PASSWORD, NEW))
    third = second_client(app)
    assert sign_in(third, "kim").status_code == 200  # the old password no longer works
    assert sign_in(third, "kim", NEW).headers["Location"].endswith("/staff/")


def test_the_new_password_follows_the_sign_up_rules(app, client):
    signed_in(app, client, "kim", "assistenz", anbieter="A")
    cases = {("kurz-123", None): "mindestens 12 Zeichen", ("1qaz2wsx3edc", None): "zu verbreitet",
             ("aaaaaaaaaaaaaaa", None): "zu verbreitet", ("kim-hat-ein-passwort", None): "Anmeldenamen nicht",
             (NEW, NEW + "x"): "verschieden", (PASSWORD, None): "vom aktuellen unterscheiden"}
    for (new, again), message in cases.items():
        response = change(client, new=new, again=again)
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and message in html and "<title>Fehler:" in html, message
        assert 'class="fehler-box"' in html and new not in html  # a password is never echoed
    assert "password_changed" not in audit_actions(app)


def test_a_wrong_current_password_counts_as_a_sign_in_try_and_locks(app, client):
    signed_in(app, client, "kim", "assistenz", anbieter="A")
    response = change(client, current="falsches-passwort-123")
    assert response.status_code == 200 and "Das aktuelle Passwort ist falsch." in response.get_data(as_text=True)
    for _ in range(app.config["STAFF_ATTEMPTS_PER_NAME"] - 1):
        change(client, current="falsches-passwort-123")
    locked = change(client)  # the right password, but locked
    assert locked.status_code == 429 and "Bitte warten Sie 15 Minuten" in locked.get_data(as_text=True)
    assert sign_in(second_client(app), "kim").status_code == 429  # the same counter as the sign-in
    assert audit_actions(app).count("current_password_failed") == app.config["STAFF_ATTEMPTS_PER_NAME"]
    assert "sign_in_locked" in audit_actions(app) and "password_changed" not in audit_actions(app)
    assert all("falsch" not in detail for detail in audit_details(app, "current_password_failed"))
    with freeze_time(utcnow() + timedelta(minutes=16)):
        assert change(client).headers["Location"].endswith("erledigt=passwort")


def test_a_right_current_password_is_not_counted_even_when_the_change_is_refused(app, client):
    signed_in(app, client, "kim", "assistenz", anbieter="A")
    for _ in range(app.config["STAFF_ATTEMPTS_PER_NAME"] + 1):
        assert "vom aktuellen unterscheiden" in change(client, new=PASSWORD).get_data(as_text=True)
    assert change(client).headers["Location"].endswith("erledigt=passwort")


def test_every_form_needs_its_csrf_token(app, client):
    secret = signed_in(app, client, "ben", "assistenz", anbieter="A", factor=True)
    before = len(audit_actions(app))
    for url, data in (("/staff/mein-konto/passwort", {"current_password": PASSWORD, "password": NEW,
                                                       "password_again": NEW}),
                      ("/staff/mein-konto/wiederherstellungscodes", {"current_password": PASSWORD}),
                      ("/staff/mein-konto/zweiter-faktor/aus", {"current_password": PASSWORD})):
        assert client.post(url, data=data).status_code == 200, url
    assert len(audit_actions(app)) == before
    user = get_user(app, "ben")
    assert user.totp_confirmed and user.totp_secret == secret
    assert sign_in(second_client(app), "ben").headers["Location"].endswith("/staff/zweiter-faktor")  # password kept


def test_renewed_recovery_codes_replace_the_old_ones(app, client):
    signed_in(app, client, "chef", "admin", factor=True)
    page = client.get("/staff/mein-konto/wiederherstellungscodes").get_data(as_text=True)
    assert "0 unbenutzte Codes" in page and 'autocomplete="current-password"' in page
    wrong = client.submit("/staff/mein-konto/wiederherstellungscodes", {"current_password": "falsches-passwort-1"})
    assert "Das aktuelle Passwort ist falsch." in wrong.get_data(as_text=True) and not codes_on(wrong)
    first = codes_on(client.submit("/staff/mein-konto/wiederherstellungscodes", {"current_password": PASSWORD}))
    response = client.submit("/staff/mein-konto/wiederherstellungscodes", {"current_password": PASSWORD})
    second = codes_on(response)
    assert len(first) == len(second) == 10 and not set(first) & set(second)
    assert response.headers["Cache-Control"] == "no-store"
    assert audit_actions(app).count("recovery_codes_renewed") == 2
    assert not any(code in detail for detail in audit_details(app, "recovery_codes_renewed") for code in first + second)
    other = second_client(app)
    sign_in(other, "chef")
    assert other.submit("/staff/wiederherstellung", {"code": first[0]}).status_code == 200  # old: refused
    assert other.submit("/staff/wiederherstellung", {"code": second[0]}).headers["Location"].endswith("/staff/")


def test_replacing_the_second_factor_needs_the_password_and_a_code_of_the_new_app(app, client):
    old = signed_in(app, client, "chef", "admin", factor=True)
    page = client.get("/staff/mein-konto/zweiter-faktor")
    html = page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store" and 'autocomplete="one-time-code"' in html
    new = re.search(r'<p class="code" id="schluessel">([A-Z2-7]+)</p>', html).group(1)
    sealed = re.search(r'name="sealed" value="([^"]+)"', html).group(1)
    assert new != old and new not in sealed
    form = {"sealed": sealed, "current_password": PASSWORD, "code": totp_now(new)}
    wrong = client.submit("/staff/mein-konto/zweiter-faktor", {**form, "current_password": "falsches-passwort-1"})
    assert "Das aktuelle Passwort ist falsch." in wrong.get_data(as_text=True)
    assert new in wrong.get_data(as_text=True)  # the same new secret stays on the page
    bad_code = client.submit("/staff/mein-konto/zweiter-faktor", {**form, "code": "000000"})
    assert "Der Code ist falsch" in bad_code.get_data(as_text=True)
    tampered = client.submit("/staff/mein-konto/zweiter-faktor", {**form, "sealed": sealed[:-2] + "xx"})
    assert "Die Zeit ist abgelaufen" in tampered.get_data(as_text=True)
    assert get_user(app, "chef").totp_secret == old  # the old factor still holds
    done = client.submit("/staff/mein-konto/zweiter-faktor", form)
    assert len(codes_on(done)) == 10 and done.headers["Cache-Control"] == "no-store"
    assert "Der neue zweite Faktor ist eingerichtet" in done.get_data(as_text=True)
    assert get_user(app, "chef").totp_secret == new and audit_actions(app)[-1] == "second_factor_replaced"
    assert not any(new in detail or sealed in detail for detail in audit_details(app, "second_factor_replaced"))
    with freeze_time(utcnow() + timedelta(seconds=60)):
        other = second_client(app)
        sign_in(other, "chef")
        assert other.submit("/staff/zweiter-faktor", {"code": totp_now(old)}).status_code == 200  # old app: refused
        assert other.submit("/staff/zweiter-faktor", {"code": totp_now(new)}).headers["Location"].endswith("/staff/")


def test_a_sealed_secret_expires_and_is_bound_to_its_account():
    sealed = credentials.seal_new_secret("JBSWY3DPEHPK3PXP", 7, "schluessel")
    assert credentials.open_new_secret(sealed, 7, "schluessel") == "JBSWY3DPEHPK3PXP"
    assert credentials.open_new_secret(sealed, 8, "schluessel") is None
    assert credentials.open_new_secret(sealed, 7, "anderer-schluessel") is None
    assert credentials.open_new_secret("", 7, "schluessel") is None
    with freeze_time(utcnow() + timedelta(minutes=credentials.NEW_SECRET_MINUTES + 1)):
        assert credentials.open_new_secret(sealed, 7, "schluessel") is None


def test_a_sealed_secret_works_only_for_its_own_account(app, client):
    signed_in(app, client, "chef", "admin", factor=True)
    sealed = re.search(r'name="sealed" value="([^"]+)"', client.get("/staff/mein-konto/zweiter-faktor")
                       .get_data(as_text=True)).group(1)
    other = second_client(app)
    secret = signed_in(app, other, "lea", "leistungstraeger", factor=True)
    response = other.submit("/staff/mein-konto/zweiter-faktor",
                            {"sealed": sealed, "current_password": PASSWORD, "code": "123456"})
    assert "Die Zeit ist abgelaufen" in response.get_data(as_text=True)
    assert get_user(app, "lea").totp_secret == secret


def test_the_second_factor_is_switched_off_only_where_it_is_optional(app, client):
    signed_in(app, client, "ben", "assistenz", anbieter="A", factor=True)
    client.submit("/staff/mein-konto/wiederherstellungscodes", {"current_password": PASSWORD})
    assert "/staff/mein-konto/zweiter-faktor/aus" in client.get("/staff/mein-konto").get_data(as_text=True)
    wrong = client.submit("/staff/mein-konto/zweiter-faktor/aus", {"current_password": "falsches-passwort-1"})
    assert "Das aktuelle Passwort ist falsch." in wrong.get_data(as_text=True)
    assert get_user(app, "ben").totp_confirmed
    done = client.submit("/staff/mein-konto/zweiter-faktor/aus", {"current_password": PASSWORD})
    assert done.headers["Location"].endswith("/staff/mein-konto?erledigt=faktor_aus")
    user = get_user(app, "ben")
    assert not user.totp_confirmed and user.totp_secret is None
    with app.app_context():
        assert operations.recovery_codes_left(get_db(), user) == 0
    assert audit_actions(app)[-1] == "second_factor_removed"
    assert sign_in(second_client(app), "ben").headers["Location"].endswith("/staff/")  # password only now
    for url in ("/staff/mein-konto/zweiter-faktor/aus", "/staff/mein-konto/wiederherstellungscodes",
                "/staff/mein-konto/zweiter-faktor"):  # nothing to switch off, renew or replace
        assert "/staff/zweiter-faktor/einrichten" in client.get(url).get_data(as_text=True) or url.endswith("aus")
        assert client.submit(url, {"current_password": PASSWORD}, token_from="/staff/mein-konto/passwort"
                             ).status_code == 403, url


def test_a_role_that_requires_the_second_factor_cannot_switch_it_off(app, client):
    for name, role in (("chef", "admin"), ("lea", "leistungstraeger"), ("eva", "evaluation")):
        browser = second_client(app)
        signed_in(app, browser, name, role, factor=True)
        page = browser.get("/staff/mein-konto/zweiter-faktor/aus").get_data(as_text=True)
        assert "Pflicht" in page and 'name="current_password"' not in page
        response = browser.submit("/staff/mein-konto/zweiter-faktor/aus", {"current_password": PASSWORD},
                                  token_from="/staff/mein-konto/passwort")
        assert response.status_code == 403 and get_user(app, name).totp_confirmed, role
    assert "second_factor_removed" not in audit_actions(app)
