"""The staff layout: navigation per role, no Nutzer:in header, the idle warning and its keepalive, and the way
back to the page that asked for a sign-in (local paths only)."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from freezegun import freeze_time

import app as mitreden
from app.core.db import utcnow
from app.staff import navigation
from app.tablet.staff import einstellung
from tests.staff.helpers import PASSWORD, make_anbieter, make_user, sign_in, totp_now

NAV = re.compile(r'<nav aria-label="Bereiche für Mitarbeitende">(.*?)</nav>', re.S)
EVIL = ("//evil.example", "//evil.example/staff/", "http://evil.example/", "https://evil.example", "/\\evil.example",
        "\\\\evil.example", "javascript:alert(1)", "evil.example", "/staff/\r\nSet-Cookie:x=1")


def nav_links(html: str) -> dict[str, str | None]:
    """The staff navigation of a page: label → aria-current (None where not current)."""
    found = NAV.search(html)
    assert found, "no staff navigation on the page"
    return {label: current or None for _, current, label in
            re.findall(r'<a href="([^"]+)"(?: aria-current="([^"]+)")?>([^<]+)</a>', found.group(1))}


def admin_signed_in(app, client) -> None:
    """An Admin with a confirmed second factor, signed in."""
    secret = make_user(app, "ada", "admin", second_factor=True)
    sign_in(client, "ada")
    client.submit("/staff/zweiter-faktor", {"code": totp_now(secret)})


def test_the_navigation_shows_what_each_role_may_use(app, client):
    anbieter = make_anbieter(app, "A")
    make_user(app, "kim", "assistenz", anbieter)
    make_user(app, "lea", "anbieter_leitung", anbieter)
    sign_in(client, "kim")
    assert nav_links(client.get("/staff/").get_data(as_text=True)) == {"Start": "page", "Workshops": None,
                                                                       "Ergebnisse": None, "Tablet": None,
                                                                       "Mein Konto": None}
    assert nav_links(client.get("/tablet/").get_data(as_text=True)) == {"Start": None, "Workshops": None,
                                                                       "Ergebnisse": None, "Tablet": "page",
                                                                       "Mein Konto": None}
    assert nav_links(client.get("/staff/workshops/neu").get_data(as_text=True))["Workshops"] == "true"
    client.submit("/staff/abmelden", token_from="/staff/")
    sign_in(client, "lea")
    assert list(nav_links(client.get("/staff/").get_data(as_text=True))) == ["Start", "Konten", "Workshops",
                                                                             "Ergebnisse", "Tablet", "Freigabe",
                                                                             "Mein Konto"]
    client.submit("/staff/abmelden", token_from="/staff/")
    admin_signed_in(app, client)
    links = nav_links(client.get("/staff/anbieter/neu").get_data(as_text=True))
    assert links == {"Start": None, "Anbieter": "true", "Konten": None, "Sozialräume": None, "Protokoll": None,
                     "Mein Konto": None}


def test_each_navigation_entry_names_the_permissions_of_its_view(tmp_path):
    app = mitreden.create_app(mitreden.TestConfig(tmp_path))
    for endpoint, _label, permissions in navigation.NAVIGATION:
        declared = app.view_functions[endpoint].required_permission
        assert set(permissions) == set(declared if isinstance(declared, tuple) else (declared,)), endpoint


def test_staff_pages_have_their_own_header_footer_and_warning(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    signed_out = client.get("/staff/anmelden").get_data(as_text=True)
    assert "Mitreden – Mitarbeitende" in signed_out and not NAV.search(signed_out)
    assert 'id="staff-warnung"' not in signed_out and "Angemeldet als" not in signed_out
    sign_in(client, "kim")
    for path in ("/staff/", "/tablet/"):
        page = client.get(path).get_data(as_text=True)
        assert "Angemeldet als Kim" in page and 'action="/staff/abmelden"' in page
        assert 'href="/impressum/standard"' in page and 'href="/barrierefreiheit/standard"' in page
        assert "data-vorlesen" not in page and 'aria-label="Menü"' not in page and 'href="/woerterbuch"' not in page
        assert 'id="noch-da"' not in page and "Sind Sie noch da?" not in page
        assert 'id="staff-warnung"' in page and 'data-warnen-nach="1680" data-gnade="120"' in page
        assert "Sie werden in 2:00 Minuten wegen Inaktivität abgemeldet." in page and 'role="timer"' in page
    nutzerin = client.get("/").get_data(as_text=True)
    assert "data-vorlesen" in nutzerin and 'aria-label="Menü"' in nutzerin and "staff-warnung" not in nutzerin


def test_the_start_page_says_what_the_role_can_do_and_links_the_tablet(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    sign_in(client, "kim")
    page = client.get("/staff/").get_data(as_text=True)
    assert "Ein Tablet in den Tablet-Modus schalten" in page and "Die Ergebnisse des eigenen Anbieters sehen." in page
    assert page.count('href="/tablet/"') == 2  # the navigation and the start page
    client.submit("/staff/abmelden", token_from="/staff/")
    admin_signed_in(app, client)
    page = client.get("/staff/").get_data(as_text=True)
    assert "Alle Konten und Rollen verwalten." in page and 'href="/tablet/"' not in page


def test_keepalive_refreshes_the_idle_clock(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    sign_in(client, "kim")
    start = utcnow()
    with freeze_time(start + timedelta(minutes=25)):
        token = client.token("/staff/")
    with freeze_time(start + timedelta(minutes=50)):  # 25 minutes after the last page: still in time
        response = client.post("/staff/noch-da", data={"csrf_token": token})
        assert response.status_code == 204 and response.get_data() == b""
    with freeze_time(start + timedelta(minutes=75)):  # 25 minutes after the keepalive
        assert client.get("/staff/").status_code == 200
    with freeze_time(start + timedelta(minutes=106)):
        assert client.get("/staff/").headers["Location"].endswith("/staff/anmelden?abgelaufen=1")


def test_keepalive_needs_the_csrf_token_and_a_signed_in_staff_member(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    assert client.post("/staff/noch-da").headers["Location"].endswith("/staff/anmelden")
    sign_in(client, "kim")
    assert client.post("/staff/noch-da").status_code == 400
    assert client.post("/staff/noch-da", data={"csrf_token": "falsch"}).status_code == 400
    assert client.get("/staff/noch-da").status_code == 405
    token = client.token("/staff/")
    with freeze_time(utcnow() + timedelta(minutes=31)):  # too late: the session has ended, no keepalive brings it back
        assert "abgelaufen=1" in client.post("/staff/noch-da", data={"csrf_token": token}).headers["Location"]


def test_sign_in_leads_back_to_the_page_that_asked(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    assert client.get("/tablet/").headers["Location"].endswith("/staff/anmelden?next=/tablet/")
    page = client.get("/staff/anmelden?next=/tablet/").get_data(as_text=True)
    assert 'name="next" type="hidden" value="/tablet/"' in page
    response = client.submit("/staff/anmelden", {"login_name": "kim", "password": PASSWORD, "next": "/tablet/"})
    assert response.headers["Location"].endswith("/tablet/")
    assert client.get("/tablet/").status_code == 200
    assert client.get("/staff/anmelden?next=/tablet/").headers["Location"].endswith("/tablet/")


def test_sign_in_with_second_factor_leads_back_too(app, client):
    secret = make_user(app, "ada", "admin", second_factor=True)
    client.submit("/staff/anmelden", {"login_name": "ada", "password": PASSWORD, "next": "/staff/konten"})
    assert client.submit("/staff/zweiter-faktor", {"code": totp_now(secret)}).headers["Location"].endswith("/staff/konten")


@pytest.mark.parametrize("target", EVIL)
def test_only_local_paths_are_followed_after_sign_in(app, client, target):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    page = client.get("/staff/anmelden", query_string={"next": target}).get_data(as_text=True)
    assert 'name="next"' not in page and "evil" not in page
    response = client.submit("/staff/anmelden", {"login_name": "kim", "password": PASSWORD, "next": target})
    assert response.headers["Location"] == "/staff/"
    assert client.get("/staff/anmelden", query_string={"next": target}).headers["Location"] == "/staff/"
    expired = client.submit("/staff/abmelden", {"abgelaufen": "1", "next": target}, token_from="/staff/")
    assert expired.headers["Location"] == "/staff/anmelden?abgelaufen=1"


def test_a_form_sent_after_the_idle_time_leads_back_to_it_after_sign_in(app, client):
    admin_signed_in(app, client)
    token = client.token("/staff/anbieter/neu")
    with freeze_time(utcnow() + timedelta(minutes=31)):
        response = client.post("/staff/anbieter/neu", data={"csrf_token": token, "name": "Neu"})
        assert response.headers["Location"].endswith("/staff/anmelden?abgelaufen=1&next=/staff/anbieter/neu")
        assert "längere Zeit inaktiv" in client.get(response.headers["Location"]).get_data(as_text=True)
        # A POST-only page cannot be opened again: the sign-in leads to the start page.
        response = client.post("/staff/sozialraeume/1/aktiv", data={"csrf_token": token})
        assert response.headers["Location"].endswith("/staff/anmelden")


def test_the_warning_signs_out_with_the_expiry_message_and_the_way_back(app, client):
    make_user(app, "kim", "assistenz", make_anbieter(app, "A"))
    sign_in(client, "kim")
    response = client.submit("/staff/abmelden", {"abgelaufen": "1", "next": "/tablet/"}, token_from="/tablet/")
    assert response.headers["Location"].endswith("/staff/anmelden?abgelaufen=1&next=/tablet/")
    assert client.get("/tablet/").headers["Location"].endswith("/staff/anmelden?next=/tablet/")
    assert client.submit("/staff/abmelden", token_from="/staff/anmelden").headers["Location"].endswith("abgemeldet=1")


def test_the_tablet_page_declares_run_tablet():
    assert einstellung.required_permission == "run_tablet"
