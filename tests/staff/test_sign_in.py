"""Signing in and out as staff: password, lockout, second factor, recovery codes, idle time, audit."""
from __future__ import annotations

from datetime import timedelta

from freezegun import freeze_time
from sqlalchemy import select

from app.core.db import get_db, utcnow
from app.staff.models import AuditEntry
from tests.staff.helpers import (PASSWORD, audit_actions, get_user, make_anbieter, make_user, secret_on_page, sign_in,
                                 totp_now)


def test_sign_in_and_out(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    page = client.get("/staff/anmelden").get_data(as_text=True)
    assert 'autocomplete="username"' in page and 'autocomplete="current-password"' in page
    assert sign_in(client, "Kim ").headers["Location"].endswith("/staff/")
    start = client.get("/staff/").get_data(as_text=True)
    assert "Ein Tablet in den Tablet-Modus schalten" in start
    assert "Alle Konten und Rollen verwalten." not in start
    assert client.submit("/staff/abmelden", token_from="/staff/").headers["Location"].endswith("abgemeldet=1")
    assert client.get("/staff/").headers["Location"].endswith("/staff/anmelden")
    assert audit_actions(app)[-2:] == ["sign_in", "sign_out"]


def test_a_wrong_password_is_refused_and_audited_without_the_password(app, client):
    make_user(app, "kim", "admin")
    response = sign_in(client, "kim", "falsches-passwort-123")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Anmeldename oder Passwort ist falsch." in html and 'class="fehler-box"' in html
    assert "<title>Fehler:" in html
    sign_in(client, "niemand", "falsches-passwort-123")
    with app.app_context():
        entries = [(e.target, e.detail, e.actor_id) for e in
                   get_db().scalars(select(AuditEntry).where(AuditEntry.action == "sign_in_failed"))]
    assert [target for target, _detail, _actor in entries] == [f"staff:{get_user(app, 'kim').id}", "unbekannt"]
    assert all("falsches" not in target + detail and actor is None for target, detail, actor in entries)
    assert client.get("/staff/").status_code == 302


def test_too_many_tries_lock_the_name_with_the_time_to_wait(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    for _ in range(app.config["STAFF_ATTEMPTS_PER_NAME"]):
        assert sign_in(client, "kim", "falsches-passwort-123").status_code == 200
    response = sign_in(client, "kim")  # the right password, but locked
    assert response.status_code == 429
    assert "Bitte warten Sie 15 Minuten" in response.get_data(as_text=True)
    assert "sign_in_locked" in audit_actions(app)
    with freeze_time(utcnow() + timedelta(minutes=16)):
        assert sign_in(client, "kim").status_code == 302


def test_the_address_limit_holds_across_names(app, client):
    app.config["STAFF_ATTEMPTS_PER_ADDRESS"] = 3
    for name in ("a-person", "b-person", "c-person"):
        sign_in(client, name, "falsches-passwort-123")
    assert sign_in(client, "d-person", "falsches-passwort-123").status_code == 429


def test_a_required_second_factor_is_set_up_at_first_sign_in(app, client):
    make_user(app, "lea", "leistungstraeger")
    response = sign_in(client, "lea")
    assert response.headers["Location"].endswith("/staff/zweiter-faktor/einrichten")
    assert client.get("/staff/").status_code == 302  # not signed in yet
    page = client.get("/staff/zweiter-faktor/einrichten").get_data(as_text=True)
    assert 'autocomplete="one-time-code"' in page and "<svg" in page
    secret = secret_on_page(page)
    wrong = client.submit("/staff/zweiter-faktor/einrichten", {"code": "000000"})
    assert "Der Code ist falsch" in wrong.get_data(as_text=True)
    done = client.submit("/staff/zweiter-faktor/einrichten", {"code": totp_now(secret)})
    codes = done.get_data(as_text=True).count("<li><code>")
    assert codes == 10
    assert client.get("/staff/").status_code == 200
    assert get_user(app, "lea").totp_confirmed
    assert "second_factor_set" in audit_actions(app)


def test_a_confirmed_second_factor_is_asked_after_the_password(app, client):
    secret = make_user(app, "ada", "admin", second_factor=True)
    assert sign_in(client, "ada").headers["Location"].endswith("/staff/zweiter-faktor")
    assert client.get("/staff/").status_code == 302
    assert client.submit("/staff/zweiter-faktor", {"code": "123456"}).status_code == 200
    code = totp_now(secret)
    assert client.submit("/staff/zweiter-faktor", {"code": code}).headers["Location"].endswith("/staff/")
    assert client.get("/staff/").status_code == 200
    # The same code is not accepted a second time.
    client.submit("/staff/abmelden", token_from="/staff/")
    sign_in(client, "ada")
    assert client.submit("/staff/zweiter-faktor", {"code": code}).status_code == 200
    assert "second_factor_failed" in audit_actions(app)


def test_the_second_factor_is_optional_for_assistenz(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    sign_in(client, "kim")
    assert "Zweiten Faktor einrichten" in client.get("/staff/").get_data(as_text=True)
    secret = secret_on_page(client.get("/staff/zweiter-faktor/einrichten").get_data(as_text=True))
    response = client.submit("/staff/zweiter-faktor/einrichten", {"code": totp_now(secret)})
    assert response.get_data(as_text=True).count("<li><code>") == 10
    assert "Zweiten Faktor einrichten" not in client.get("/staff/").get_data(as_text=True)


def test_a_recovery_code_works_once(app, client):
    make_user(app, "lea", "leistungstraeger")
    sign_in(client, "lea")
    secret = secret_on_page(client.get("/staff/zweiter-faktor/einrichten").get_data(as_text=True))
    html = client.submit("/staff/zweiter-faktor/einrichten", {"code": totp_now(secret)}).get_data(as_text=True)
    code = html.split("<li><code>")[1].split("</code>")[0]
    client.submit("/staff/abmelden", token_from="/staff/")
    sign_in(client, "lea")
    page = client.get("/staff/wiederherstellung").get_data(as_text=True)
    assert 'autocomplete="off"' in page and "one-time-code" not in page
    assert client.submit("/staff/wiederherstellung", {"code": code.upper()}).headers["Location"].endswith("/staff/")
    client.submit("/staff/abmelden", token_from="/staff/")
    sign_in(client, "lea")
    assert client.submit("/staff/wiederherstellung", {"code": code}).status_code == 200
    assert client.get("/staff/").status_code == 302
    with app.app_context():
        assert code not in " ".join(e.detail + e.target for e in get_db().scalars(select(AuditEntry)))


def test_the_second_step_needs_the_password_first(client):
    assert client.get("/staff/zweiter-faktor").headers["Location"].endswith("/staff/anmelden")
    assert client.get("/staff/zweiter-faktor/einrichten").headers["Location"].endswith("/staff/anmelden")


def test_idle_time_signs_staff_out(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    sign_in(client, "kim")
    with freeze_time(utcnow() + timedelta(minutes=29)):
        assert client.get("/staff/").status_code == 200
    with freeze_time(utcnow() + timedelta(minutes=29 + 31)):
        response = client.get("/staff/")
        assert response.headers["Location"].endswith("/staff/anmelden?abgelaufen=1")
        assert "längere Zeit inaktiv" in client.get("/staff/anmelden?abgelaufen=1").get_data(as_text=True)
        assert client.get("/staff/").headers["Location"].endswith("/staff/anmelden")


def test_a_new_password_or_a_switched_off_account_ends_the_session(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    sign_in(client, "kim")
    with app.app_context():
        from app.staff import operations

        operations.set_active(get_db(), operations.find_user(get_db(), "kim"), False, actor_id=None)
        get_db().commit()
    assert client.get("/staff/").status_code == 302
    assert sign_in(client, "kim").status_code == 200  # an inactive account cannot sign in


def test_a_missing_permission_is_forbidden(app, client):
    from app.staff.permissions import requires

    app.add_url_rule("/staff-probe/konten", "konten_probe", requires("manage_accounts")(lambda: "Konten"))
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    assert client.get("/staff-probe/konten").headers["Location"].endswith("/staff/anmelden?next=/staff-probe/konten")
    sign_in(client, "kim")
    assert client.get("/staff-probe/konten").status_code == 403
    make_user(app, "ada", "admin")
    client.submit("/staff/abmelden", token_from="/staff/")
    sign_in(client, "ada")  # an Admin without a second factor must set it up first
    assert client.get("/staff-probe/konten").status_code == 302


def test_staff_and_nutzerin_sessions_do_not_end_each_other(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})  # a Nutzer:in's draft on this device
    sign_in(client, "kim")
    with client.session_transaction() as state:
        draft = state["draft"]
    client.submit("/staff/abmelden", token_from="/staff/")
    with client.session_transaction() as state:
        assert state["draft"] == draft  # staff sign-out keeps the Nutzer:in's answers
    sign_in(client, "kim")
    client.submit("/mein-code/abmelden", token_from="/mein-code/")  # forget_browser()
    assert client.get("/staff/").status_code == 200
    with client.session_transaction() as state:
        assert "draft" not in state
