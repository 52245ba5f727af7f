"""Only signed-in staff with run_tablet switch tablet mode; the binding is signed, expires, and names the Anbieter."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from app.core.db import get_db
from app.staff.models import LEISTUNGSTRAEGER
from app.tablet.operations import COOKIE, Binding, decode, encode, until_for
from app.wille.models import WilleRecord
from tests.helpers import walk_flow
from tests.staff.helpers import audit_actions, make_user, sign_in, totp_now
from tests.tablet.helpers import staff_member, tablet_on


def _records(app) -> list[tuple[int | None, bool]]:
    """(anbieter_id, demo) of every saved Wille."""
    with app.app_context():
        return [(r.anbieter_id, r.demo) for r in get_db().scalars(select(WilleRecord).order_by(WilleRecord.id))]


def test_settings_need_a_staff_sign_in(client, app):
    response = client.get("/tablet/")
    assert response.status_code == 302 and "/staff/anmelden" in response.headers["Location"]
    assert client.post("/tablet/", data={"modus": "5", "dauer": "tag"}).status_code == 302
    assert COOKIE not in {cookie.key for cookie in client.client._cookies.values()}


def test_staff_without_run_tablet_get_403(client, app):
    secret = make_user(app, "stadt", LEISTUNGSTRAEGER, second_factor=True)
    sign_in(client, "stadt")
    client.submit("/staff/zweiter-faktor", {"code": totp_now(secret)})
    assert client.get("/staff/").status_code == 200
    assert client.get("/tablet/").status_code == 403


def test_switching_on_binds_the_anbieter_and_signs_staff_out(client, app):
    anbieter_id = tablet_on(client, app, minutes="10", dauer="2")
    assert audit_actions(app)[-2:] == ["tablet_on", "sign_out"]
    assert client.get("/staff/").status_code == 302, "staff signed out on this device"
    assert client.get("/tablet/").status_code == 302, "switching off needs a new sign-in"
    cookie = client.client.get_cookie(COOKIE)
    with app.app_context():
        binding = decode(cookie.value, app.config["SECRET_KEY"], time.time())
    assert binding.anbieter_id == anbieter_id and binding.minutes == 10
    assert 2 * 3600 - 60 < binding.until - time.time() <= 2 * 3600


def test_the_nutzer_pages_show_no_staff_link(client, app):
    tablet_on(client, app)
    for url in ("/", "/will/bereiche", "/hilfe"):
        page = client.get(url).get_data(as_text=True)
        assert "/staff/" not in page and 'href="/tablet/"' not in page, url


def test_help_for_assistenz_leads_to_tablet_mode_only_when_it_is_off(client, app):
    """The section for Assistenz says a staff account is needed; in tablet mode it is not shown at all."""
    page = client.get("/hilfe").get_data(as_text=True)
    assert 'href="/tablet/"' in page and "Konto für Mitarbeitende" in page
    tablet_on(client, app)
    assert "Konto für Mitarbeitende" not in client.get("/hilfe").get_data(as_text=True)


def test_a_binding_of_another_key_or_expired_is_ignored(app):
    binding = Binding(1, 5, time.time() + 3600)
    good = encode(binding, "key-1")
    assert decode(good, "key-1", time.time()) == binding
    assert decode(good, "key-2", time.time()) is None
    assert decode(good[:-2] + ("AA" if not good.endswith("AA") else "BB"), "key-1", time.time()) is None
    assert decode(good, "key-1", time.time() + 3601) is None
    assert decode(encode(Binding(1, 7, time.time() + 3600), "key-1"), "key-1", time.time()) is None


def test_an_expired_cookie_turns_tablet_mode_off(client, app):
    with app.app_context():
        value = encode(Binding(1, 5, time.time() - 1), app.config["SECRET_KEY"])
        fresh = encode(Binding(1, 5, time.time() + 60), app.config["SECRET_KEY"])
    client.set_cookie(COOKIE, value)
    assert "data-tablet-minuten" not in client.get("/").get_data(as_text=True)
    client.set_cookie(COOKIE, fresh)
    assert 'data-tablet-minuten="5"' in client.get("/").get_data(as_text=True)


def test_until_the_end_of_the_day():
    now = datetime(2026, 3, 5, 14, 30, tzinfo=timezone.utc)
    assert until_for("tag", now) == datetime(2026, 3, 6, tzinfo=timezone.utc)
    assert until_for("4", now) == now + timedelta(hours=4)


def test_a_duration_must_be_chosen(client, app):
    staff_member(app)
    sign_in(client, "assistenz-a")
    response = client.submit("/tablet/", {"modus": "5"})
    assert response.status_code == 200 and "wie lange der Tablet-Modus an bleibt" in response.get_data(as_text=True)
    assert client.submit("/tablet/", {"modus": "5", "dauer": "99"}).status_code == 200


def test_a_wille_saved_in_tablet_mode_records_the_anbieter(client, app):
    walk_flow(client)
    client.submit("/will/fertig")
    anbieter_id = tablet_on(client, app)
    walk_flow(client)
    assert _records(app) == [(None, False), (anbieter_id, False)]


def test_a_staff_member_signed_in_without_tablet_mode_records_no_anbieter(client, app):
    staff_member(app)
    sign_in(client, "assistenz-a")
    walk_flow(client)
    assert _records(app) == [(None, False)]


def test_a_binding_may_name_a_workshop():
    binding = Binding(1, 5, time.time() + 3600, workshop_id=7)
    assert decode(encode(binding, "key"), "key", time.time()) == binding
    assert decode(encode(Binding(1, 5, time.time() + 3600), "key"), "key", time.time()).workshop_id is None
