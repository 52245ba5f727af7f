"""Issue 9's „Done means“, walked once through the pages as the people would.

An Anbieter-Leitung creates „Leben, wie ich will!“ for Hemelingen and prints the poster; an Assistenz gives a
tablet to the workshop; six people answer on it in turn and two on their phones through the QR link; the lead
ends the workshop and sees results with charts and tables; once the quarter is over the Leistungsträger sees
Hemelingen across Anbieter; no page shows a count from 1 to 4.
"""
from __future__ import annotations

import re

from freezegun import freeze_time
from sqlalchemy import func, select

from app.core.db import get_db
from app.staff import operations as staff
from app.workshops.models import Workshop, WorkshopAntwort
from tests.conftest import CheckingClient
from tests.results.helpers import answers, small_numbers, sozialraum, workshop
from tests.staff.helpers import make_anbieter, make_user, sign_in, totp_now
from tests.workshops.helpers import LEBEN, answer_all

NO_OWN = {key: value for key, value in LEBEN.items() if key != "eigene"}


def signed_in(app, login: str, secret: str | None = None) -> CheckingClient:
    """A staff member's own browser, signed in."""
    client = CheckingClient(app.test_client())
    sign_in(client, login)
    if secret:
        client.submit("/staff/zweiter-faktor", {"code": totp_now(secret)})
    assert client.get("/staff/").status_code == 200
    return client


def test_a_workshop_from_poster_to_results_never_shows_a_group_under_5(app):
    hemelingen = sozialraum(app)
    nord, sued = make_anbieter(app, "Lebenshilfe Nord"), make_anbieter(app, "Lebenshilfe Süd")
    with app.app_context():
        db = get_db()
        for anbieter in (nord, sued):
            staff.set_sozialraeume(db, db.get(staff.Anbieter, anbieter), [hemelingen])
        db.commit()
    make_user(app, "leitung-nord", "anbieter_leitung", nord)
    make_user(app, "assistenz-nord", "assistenz", nord)
    traeger = make_user(app, "stadt", "leistungstraeger", second_factor=True)

    with freeze_time("2026-09-15 09:00:00"):
        lead = signed_in(app, "leitung-nord")
        created = lead.submit("/staff/workshops/neu", {
            "titel": "Leben, wie ich will!", "erster_tag": "2026-09-15", "letzter_tag": "2026-09-16",
            "sozialraum": str(hemelingen), "fragen": "leben-wie-ich-will", "eigene_frage": "", "eigene_art": ""})
        assert created.status_code == 302, created.get_data(as_text=True)[:3000]
        with app.app_context():
            found = get_db().scalar(select(Workshop).where(Workshop.anbieter_id == nord))
            workshop_id, code = found.id, found.code
        poster = lead.get(f"/staff/workshops/{workshop_id}/plakat").get_data(as_text=True)
        # The code in large type, the address in text, the QR code (decoded in tests/browser/test_workshops_staff.py).
        assert f"{code[:3]} {code[3:]}" in poster and "/treffen</p>" in poster and 'class="qr"' in poster

        # The Assistenz gives this device to the workshop; six people answer on it, one after the other.
        tablet = signed_in(app, "assistenz-nord")
        switched = tablet.submit(f"/staff/workshops/{workshop_id}/tablet", {"modus": "5", "dauer": "tag"},
                                 token_from=f"/staff/workshops/{workshop_id}")
        assert switched.status_code == 302 and tablet.get("/staff/").status_code == 302, "signed out on the tablet"
        for person in range(6):
            assert tablet.get("/treffen/?neu=1" if person else "/treffen/").status_code == 302
            answer_all(tablet, {**NO_OWN, "treffen": "nicht-gut" if person == 0 else "gut", "worte": ""})
            assert tablet.submit("/treffen/pruefen").headers["Location"].endswith("/treffen/danke")
            tablet.submit("/treffen/danke", token_from="/treffen/danke")  # „Fertig“: the next person
        # Two on their own phones through the QR link.
        for _ in range(2):
            phone = CheckingClient(app.test_client())
            assert phone.get(f"/treffen/{code}").headers["Location"].endswith("/treffen/frage/treffen")
            answer_all(phone, {**NO_OWN, "worte": ""})
            phone.submit("/treffen/pruefen")
            assert "Danke!" in phone.get("/treffen/danke").get_data(as_text=True)
        with app.app_context():
            assert get_db().scalar(select(func.count(WorkshopAntwort.id))) == 8

        # Results only once the workshop is over: the lead ends it, then sees charts and tables.
        assert "Zu wenige" not in lead.get(f"/staff/ergebnisse/workshop/{workshop_id}").get_data(as_text=True)
        lead.submit(f"/staff/workshops/{workshop_id}/beenden")
        results = lead.get(f"/staff/ergebnisse/workshop/{workshop_id}").get_data(as_text=True)
        assert "<svg" in results and "<table" in results and "weniger als 5" in results  # the one „nicht gut“
        assert small_numbers(results) == []

    # Another Anbieter's workshop in Hemelingen in the same quarter.
    workshop(app, sued, hemelingen, answers(5), tage=(__import__("datetime").date(2026, 9, 20),) * 2)
    with freeze_time("2026-10-02 09:00:00"):
        city = signed_in(app, "stadt", traeger)
        overview = city.get("/staff/ergebnisse/").get_data(as_text=True)
        assert re.search(rf"/staff/ergebnisse/sozialraum/{hemelingen}/2026-3/workshops", overview)
        across = city.get(f"/staff/ergebnisse/sozialraum/{hemelingen}/2026-3/workshops").get_data(as_text=True)
        assert "<svg" in across and "<table" in across and "13" in across, "8 + 5 people, never per Anbieter"
        assert "Lebenshilfe Nord" not in across and "Lebenshilfe Süd" not in across
        assert small_numbers(across) == []
        assert city.get(f"/staff/ergebnisse/workshop/{workshop_id}").status_code == 403
