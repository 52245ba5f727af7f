"""The staff admin pages: Anbieter and their Sozialräume, accounts with one-time links, Sozialräume on/off."""
from __future__ import annotations

import re

from sqlalchemy import select

from app.core.db import get_db
from app.sozialraum.models import Sozialraum
from app.staff import operations
from tests.staff.helpers import (PASSWORD, audit_actions, get_user, make_anbieter, make_user, sign_in, totp_now,
                                 user_id)


def signed_in(app, client, login_name: str, role: str, anbieter_id: int | None = None) -> None:
    """Make an account and sign it in (with its second factor where the role needs one)."""
    secret = make_user(app, login_name, role, anbieter_id, second_factor=role in ("admin", "leistungstraeger",
                                                                                     "evaluation"))
    sign_in(client, login_name)
    if secret:
        client.submit("/staff/zweiter-faktor", {"code": totp_now(secret)})
    assert client.get("/staff/").status_code == 200


def sozialraum_ids(app) -> list[int]:
    """The ids of the first two Sozialräume of the content."""
    with app.app_context():
        return list(get_db().scalars(select(Sozialraum.id).order_by(Sozialraum.id)))[:2]


def test_a_leistungstraeger_creates_and_edits_an_anbieter(app, client):
    signed_in(app, client, "lt", "leistungstraeger")
    first, second = sozialraum_ids(app)
    assert "Anbieter" in client.get("/staff/").get_data(as_text=True)
    response = client.submit("/staff/anbieter/neu", {"name": " Lebenshilfe Nord ", "sozialraeume": [str(first)]})
    assert response.headers["Location"].endswith("/staff/anbieter")
    with app.app_context():
        anbieter = operations.anbieter_named(get_db(), "Lebenshilfe Nord")
        assert operations.sozialraeume_of(get_db(), anbieter.id) == [first]
        anbieter_id = anbieter.id
    assert "Lebenshilfe Nord" in client.get("/staff/anbieter").get_data(as_text=True)
    url = f"/staff/anbieter/{anbieter_id}"
    client.submit(url, {"name": "Lebenshilfe Süd", "sozialraeume": [str(first), str(second)]})
    with app.app_context():
        assert get_db().get(operations.Anbieter, anbieter_id).name == "Lebenshilfe Süd"
        assert operations.sozialraeume_of(get_db(), anbieter_id) == sorted([first, second])
    assert {"anbieter_created", "anbieter_renamed", "anbieter_sozialraeume"} <= set(audit_actions(app))


def test_anbieter_names_are_unique_and_needed(app, client):
    make_anbieter(app, "A")
    signed_in(app, client, "chef", "admin")
    html = client.submit("/staff/anbieter/neu", {"name": "A"}).get_data(as_text=True)
    assert "Es gibt schon einen Anbieter mit diesem Namen." in html
    html = client.submit("/staff/anbieter/neu", {"name": ""}).get_data(as_text=True)
    assert "Bitte geben Sie den Namen des Anbieters ein." in html
    assert client.submit("/staff/anbieter/neu", {"name": "X", "sozialraeume": ["999999"]}).status_code == 200
    assert client.get("/staff/anbieter/999999").status_code == 404


def test_an_admin_creates_an_account_and_gets_a_link_once(app, client):
    a = make_anbieter(app, "A")
    signed_in(app, client, "chef", "admin")
    response = client.submit("/staff/konten/neu", {"login_name": "Kim.A", "display_name": "Kim",
                                                   "role": "assistenz", "anbieter": str(a)})
    assert response.headers["Cache-Control"] == "no-store"
    link = re.search(r"<code>(http[^<]+/staff/link/[^<]+)</code>", response.get_data(as_text=True)).group(1)
    assert get_user(app, "kim.a").anbieter_id == a
    client.submit("/staff/abmelden", token_from="/staff/")
    path = link.split("localhost", 1)[1]
    client.submit(path, {"password": PASSWORD, "password_again": PASSWORD})
    assert client.get(path).status_code == 404  # used once
    assert sign_in(client, "kim.a").headers["Location"].endswith("/staff/")


def test_account_rules_are_shown_as_errors(app, client):
    a = make_anbieter(app, "A")
    make_user(app, "taken", "assistenz", a)
    signed_in(app, client, "chef", "admin")
    cases = [({"login_name": "taken", "role": "assistenz", "anbieter": str(a)}, "Diesen Anmeldenamen gibt es schon."),
             ({"login_name": "new", "role": "assistenz", "anbieter": "keiner"}, "brauchen einen Anbieter"),
             ({"login_name": "new", "role": "admin", "anbieter": str(a)}, "brauchen einen Anbieter"),
             ({"login_name": "mit leerzeichen", "role": "admin", "anbieter": "keiner"}, "Der Anmeldename darf nur"),
             ({"login_name": "new", "role": "kaiser", "anbieter": "keiner"}, "Bitte wählen Sie eine Rolle.")]
    for data, message in cases:
        response = client.submit("/staff/konten/neu", {"display_name": "X", **data})
        assert response.status_code == 200 and message in response.get_data(as_text=True), data
    assert get_user(app, "taken").role == "assistenz"
    with app.app_context():
        assert operations.find_user(get_db(), "new") is None


def test_a_lead_manages_only_its_own_assistenz(app, client):
    a, b = make_anbieter(app, "Anbieter A"), make_anbieter(app, "Anbieter B")
    make_user(app, "assi-a", "assistenz", a)
    make_user(app, "assi-b", "assistenz", b)
    make_user(app, "lead-a2", "anbieter_leitung", a)
    signed_in(app, client, "lead-a", "anbieter_leitung", a)
    listing = client.get("/staff/konten").get_data(as_text=True)
    assert "assi-a" in listing and "assi-b" not in listing and "lead-a2" not in listing
    form = client.get("/staff/konten/neu").get_data(as_text=True)
    assert "Anbieter B" not in form and 'value="admin"' not in form
    for data in ({"role": "assistenz", "anbieter": str(b)}, {"role": "anbieter_leitung", "anbieter": str(a)}):
        response = client.submit("/staff/konten/neu", {"login_name": "neu", "display_name": "Neu", **data})
        assert response.status_code == 200 and "Bitte wählen Sie" in response.get_data(as_text=True)
    assert client.submit("/staff/konten/neu", {"login_name": "neu", "display_name": "Neu", "role": "assistenz",
                                               "anbieter": str(a)}).status_code == 200
    assert get_user(app, "neu").anbieter_id == a
    own, foreign, peer = (user_id(app, name) for name in ("assi-a", "assi-b", "lead-a2"))
    assert client.get(f"/staff/konten/{foreign}").status_code == 404
    assert client.get(f"/staff/konten/{peer}").status_code == 404
    client.submit(f"/staff/konten/{own}/aktiv", token_from=f"/staff/konten/{own}")
    assert get_user(app, "assi-a").active is False
    assert "account_changed" in audit_actions(app)


def test_switching_off_and_a_new_reset_link(app, client):
    a = make_anbieter(app, "A")
    make_user(app, "kim", "assistenz", a)
    signed_in(app, client, "chef", "admin")
    kim = user_id(app, "kim")
    client.submit(f"/staff/konten/{kim}/aktiv", token_from=f"/staff/konten/{kim}")
    assert get_user(app, "kim").active is False
    client.submit(f"/staff/konten/{kim}/aktiv", token_from=f"/staff/konten/{kim}")
    assert get_user(app, "kim").active is True
    response = client.submit(f"/staff/konten/{kim}/link", token_from=f"/staff/konten/{kim}")
    assert "/staff/link/" in response.get_data(as_text=True) and response.headers["Cache-Control"] == "no-store"
    assert audit_actions(app).count("account_changed") == 2 and audit_actions(app)[-1] == "link_created"
    own = user_id(app, "chef")
    assert "Konto ausschalten" not in client.get(f"/staff/konten/{own}").get_data(as_text=True)
    client.submit(f"/staff/konten/{own}/aktiv", token_from=f"/staff/konten/{own}")
    assert get_user(app, "chef").active is True
    assert client.post(f"/staff/konten/{kim}/aktiv", data={}).status_code == 302  # without CSRF: nothing changes
    assert get_user(app, "kim").active is True


def test_sozialraeume_are_switched_off_and_on(app, client):
    first, _second = sozialraum_ids(app)
    signed_in(app, client, "lt", "leistungstraeger")
    client.submit(f"/staff/sozialraeume/{first}/aktiv", token_from="/staff/sozialraeume")
    with app.app_context():
        assert get_db().get(Sozialraum, first).aktiv is False
    assert "sozialraum_changed" in audit_actions(app)
    client.submit(f"/staff/sozialraeume/{first}/aktiv", token_from="/staff/sozialraeume")
    with app.app_context():
        assert get_db().get(Sozialraum, first).aktiv is True
    assert client.submit("/staff/sozialraeume/999999/aktiv", token_from="/staff/sozialraeume").status_code == 404


def test_roles_without_the_permission_get_403(app, client):
    a = make_anbieter(app, "A")
    signed_in(app, client, "kim", "assistenz", a)
    for url in ("/staff/anbieter", "/staff/anbieter/neu", "/staff/konten", "/staff/konten/neu", "/staff/sozialraeume"):
        assert client.get(url).status_code == 403, url
