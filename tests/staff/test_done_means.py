"""Issue 8's „Done means“, walked once end to end through the pages, as the people would.

The first Admin comes from `flask create-admin`; the Admin creates the Leistungsträger; the Leistungsträger
creates two Anbieter; the Admin creates their leads; each lead creates its Assistenz; everyone sets a password
through a one-time link and signs in, with the second factor where the role needs it; an Assistenz switches a
tablet into tablet mode; a Nutzer:in completes „Was ich will“ on it; and nobody of one Anbieter sees or changes
anything of the other. The exhaustive role × route × owner walk is in test_isolation.py.
"""
from __future__ import annotations

import re

from sqlalchemy import select

from app.core.db import get_db
from app.staff import operations
from app.wille.models import WilleRecord
from tests.conftest import CheckingClient
from tests.helpers import walk_flow
from tests.staff.helpers import PASSWORD, audit_actions, get_user, secret_on_page, totp_now, user_id

from .test_admin_pages import sozialraum_ids


def shown_link(html: str) -> str:
    """The path of the one-time link a page shows once."""
    return re.search(r"<code>https?://[^/<]+(/staff/link/[^<]+)</code>", html).group(1)


def set_password_and_sign_in(app, path: str, login_name: str, set_up_second_factor: bool = False) -> CheckingClient:
    """A new device: the person opens their link, sets a password, signs in (setting up the second factor)."""
    client = CheckingClient(app.test_client())
    assert client.submit(path, {"password": PASSWORD, "password_again": PASSWORD}).status_code == 302
    assert client.get(path).status_code == 404, "a sign-up link works once"
    response = client.submit("/staff/anmelden", {"login_name": login_name, "password": PASSWORD})
    if set_up_second_factor:
        if not response.headers["Location"].endswith("/staff/zweiter-faktor/einrichten"):
            client.get("/staff/zweiter-faktor/einrichten")  # offered on the start page, not required
        secret = secret_on_page(client.get("/staff/zweiter-faktor/einrichten").get_data(as_text=True))
        codes = client.submit("/staff/zweiter-faktor/einrichten", {"code": totp_now(secret)})
        assert codes.headers["Cache-Control"] == "no-store" and "Wiederherstellungs" in codes.get_data(as_text=True)
    else:
        assert response.headers["Location"].endswith("/staff/")
    assert client.get("/staff/").status_code == 200
    return client


def new_account(client, login_name: str, role: str, anbieter_id: int | None) -> str:
    """Create an account on the page; returns its one-time link."""
    response = client.submit("/staff/konten/neu", {"login_name": login_name, "display_name": login_name.title(),
                                                   "role": role, "anbieter": str(anbieter_id or "keiner")})
    assert response.status_code == 200, response.get_data(as_text=True)
    return shown_link(response.get_data(as_text=True))


def test_a_city_sets_up_two_anbieter_and_a_tablet_in_tablet_mode_saves_for_its_anbieter(app, runner):
    created = runner.invoke(args=["create-admin", "--name", "stadt-admin"])
    assert created.exit_code == 0, created.output
    admin = set_password_and_sign_in(app, re.search(r"(/staff/link/\S+)", created.output).group(1), "stadt-admin",
                                     set_up_second_factor=True)

    lt = set_password_and_sign_in(app, new_account(admin, "stadt-lt", "leistungstraeger", None), "stadt-lt",
                                  set_up_second_factor=True)
    first, second = sozialraum_ids(app)
    for name, sozialraum in (("Lebenshilfe Nord", first), ("Lebenshilfe Süd", second)):
        assert lt.submit("/staff/anbieter/neu", {"name": name, "sozialraeume": [str(sozialraum)]}).status_code == 302
    with app.app_context():
        nord, sued = (operations.anbieter_named(get_db(), name).id for name in ("Lebenshilfe Nord", "Lebenshilfe Süd"))
    assert lt.get("/staff/konten").status_code == 403, "a Leistungsträger manages Anbieter, not accounts"

    leads = {anbieter: set_password_and_sign_in(app, new_account(admin, f"leitung-{key}", "anbieter_leitung", anbieter),
                                                f"leitung-{key}", set_up_second_factor=(key == "nord"))
             for key, anbieter in (("nord", nord), ("sued", sued))}
    assert get_user(app, "leitung-nord").totp_confirmed and not get_user(app, "leitung-sued").totp_confirmed
    links = {anbieter: new_account(leads[anbieter], f"assistenz-{key}", "assistenz", anbieter)
             for key, anbieter in (("nord", nord), ("sued", sued))}
    assert get_user(app, "assistenz-nord").anbieter_id == nord and get_user(app, "assistenz-sued").anbieter_id == sued

    # No staff member sees or changes anything of the other Anbieter: by URL, id or form field.
    foreign = user_id(app, "assistenz-sued")
    lead_nord = leads[nord]
    assert "assistenz-sued" not in lead_nord.get("/staff/konten").get_data(as_text=True)
    assert lead_nord.get(f"/staff/konten/{foreign}").status_code == 404
    assert lead_nord.get(f"/staff/anbieter/{sued}").status_code in (403, 404)
    own_page = f"/staff/konten/{user_id(app, 'assistenz-nord')}"
    assert lead_nord.submit(f"/staff/konten/{foreign}/aktiv", token_from=own_page).status_code == 404
    assert get_user(app, "assistenz-sued").active
    refused = lead_nord.submit("/staff/konten/neu", {"login_name": "unterwandert", "display_name": "X",
                                                     "role": "assistenz", "anbieter": str(sued)})
    with app.app_context():
        assert refused.status_code == 200 and operations.find_user(get_db(), "unterwandert") is None
    assert leads[sued].get(f"/staff/konten/{user_id(app, 'assistenz-nord')}").status_code == 404

    # The Assistenz of Nord puts a tablet into tablet mode; it signs them out there.
    tablet = set_password_and_sign_in(app, links[nord], "assistenz-nord")
    assert tablet.submit("/tablet/", {"modus": "5", "dauer": "tag"}).status_code == 302
    assert tablet.get("/staff/").status_code == 302, "switching tablet mode on signs the staff member out here"
    assert "/staff/" not in tablet.get("/hilfe").get_data(as_text=True)

    # A Nutzer:in completes „Was ich will“ on it: the Wille records the Anbieter, never the staff member.
    walk_flow(tablet)
    with app.app_context():
        assert list(get_db().scalars(select(WilleRecord.anbieter_id))) == [nord]

    actions = audit_actions(app)
    assert actions.count("account_created") == 6 and actions.count("anbieter_created") == 2
    assert actions.count("sign_in") >= 5 and "tablet_on" in actions
