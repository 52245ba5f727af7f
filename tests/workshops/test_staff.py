"""The staff side of workshops: create (with the Leichte Sprache check of an own question), scoping, closing,
the answer count, the poster, and a tablet bound to one workshop."""
from __future__ import annotations

import re
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.core.db import get_db
from app.sozialraum.operations import every
from app.staff import operations as staff
from app.staff.models import ANBIETER_LEITUNG, ASSISTENZ, LEISTUNGSTRAEGER, AuditEntry
from app.tablet.operations import COOKIE, decode
from app.workshops import operations
from app.workshops.models import Workshop, WorkshopAntwort
from app.workshops.staff import explain
from tests.staff.helpers import audit_actions, make_anbieter, make_user, sign_in, totp_now

TODAY = datetime.now().astimezone().date()


@pytest.fixture
def world(app):
    """Anbieter A (working in 1 Sozialraum) with a lead and an Assistenz, Anbieter B with a lead; a workshop each."""
    ids = {"A": make_anbieter(app, "Anbieter A"), "B": make_anbieter(app, "Anbieter B")}
    make_user(app, "leitung-a", ANBIETER_LEITUNG, ids["A"])
    make_user(app, "assistenz-a", ASSISTENZ, ids["A"])
    make_user(app, "leitung-b", ANBIETER_LEITUNG, ids["B"])
    with app.app_context():
        db = get_db()
        raeume = every(db)
        staff.set_sozialraeume(db, db.get(staff.Anbieter, ids["A"]), [raeume[0].id])
        staff.set_sozialraeume(db, db.get(staff.Anbieter, ids["B"]), [raeume[1].id])
        workshops = {owner: operations.create_workshop(
            db, anbieter_id=ids[owner], sozialraum_id=raeume[0 if owner == "A" else 1].id, titel=f"Treffen {owner}",
            fragen="kurz", erster_tag=TODAY, letzter_tag=TODAY + timedelta(days=1), now=datetime(2026, 1, 1))
            for owner in ("A", "B")}
        db.commit()
        return {"anbieter": ids, "raeume": [raeume[0].id, raeume[1].id], "raum_namen": [raeume[0].name, raeume[1].name],
                "workshops": {owner: w.id for owner, w in workshops.items()},
                "codes": {owner: w.code for owner, w in workshops.items()}}


def audit_entries(app) -> list[tuple[str, str]]:
    """(action, target) of every audit entry, oldest first."""
    with app.app_context():
        return [tuple(row) for row in get_db().execute(select(AuditEntry.action, AuditEntry.target)
                                                         .order_by(AuditEntry.id))]


def form(world, **changes) -> dict:
    """A valid form for a new workshop of A, with some fields changed."""
    data = {"titel": "Leben, wie ich will!", "erster_tag": TODAY.isoformat(),
            "letzter_tag": (TODAY + timedelta(days=2)).isoformat(), "sozialraum": str(world["raeume"][0]),
            "fragen": "leben-wie-ich-will", "eigene_frage": "", "eigene_art": ""}
    return {**data, **changes}


def workshops_named(app, titel: str) -> list[Workshop]:
    """The workshops with this title."""
    with app.app_context():
        found = list(get_db().scalars(select(Workshop).where(Workshop.titel == titel)))
        for workshop in found:
            get_db().expunge(workshop)
        return found


def test_a_lead_creates_a_workshop_and_it_is_audited(app, client, world):
    sign_in(client, "leitung-a")
    page = client.get("/staff/workshops/neu").get_data(as_text=True)
    assert world["raum_namen"][0] in page and world["raum_namen"][1] not in page, "only A's Sozialräume"
    assert "Leben, wie ich will!" in page and "Kurze Fragen zum Treffen" in page
    assert "js/workshop-frage.js" in page
    response = client.submit("/staff/workshops/neu", form(world, eigene_frage="Wie finden Sie das Essen?",
                                                               eigene_art="gesichter"))
    assert response.status_code == 302
    [workshop] = workshops_named(app, "Leben, wie ich will!")
    assert response.headers["Location"].endswith(f"/staff/workshops/{workshop.id}")
    assert (workshop.anbieter_id, workshop.sozialraum_id) == (world["anbieter"]["A"], world["raeume"][0])
    assert (workshop.eigene_frage, workshop.eigene_art, workshop.letzter_tag) == (
        "Wie finden Sie das Essen?", "gesichter", TODAY + timedelta(days=2))
    assert audit_entries(app)[-1] == ("workshop_created", f"workshop:{workshop.id}")
    listing = client.get("/staff/workshops/").get_data(as_text=True)
    assert "Leben, wie ich will!" in listing and "Treffen A" in listing and "Treffen B" not in listing
    assert f"{workshop.code[:3]} {workshop.code[3:]}" in listing


@pytest.mark.parametrize("changes, message", [
    ({"titel": ""}, "Bitte geben Sie einen Titel ein."),
    ({"titel": "   "}, "Bitte geben Sie einen Titel ein."),
    ({"erster_tag": ""}, "Bitte geben Sie den ersten Tag ein."),
    ({"erster_tag": "morgen"}, "Bitte geben Sie den ersten Tag als Datum ein"),
    ({"letzter_tag": "31.02.2026"}, "Bitte geben Sie den letzten Tag als Datum ein"),
    ({"erster_tag": (TODAY + timedelta(days=3)).isoformat()}, "Der letzte Tag darf nicht vor dem ersten Tag liegen."),
    ({"erster_tag": "01.01.2020", "letzter_tag": "02.01.2020"}, "Der letzte Tag ist schon vorbei."),
    ({"sozialraum": ""}, "Bitte wählen Sie einen Sozialraum."),
    ({"fragen": "gibt-es-nicht"}, "Bitte wählen Sie einen Fragebogen."),
    ({"eigene_frage": "Wie finden Sie das Essen?"}, "Bitte wählen Sie, wie die Menschen auf Ihre eigene Frage"),
])
def test_create_with_errors_saves_nothing(app, client, world, changes, message):
    sign_in(client, "leitung-a")
    response = client.submit("/staff/workshops/neu", form(world, **changes))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and "<title>Fehler:" in page
    assert 'class="fehler-box"' in page
    assert workshops_named(app, form(world, **changes)["titel"]) == []


def test_b_s_sozialraum_is_refused_in_a_s_form(app, client, world):
    sign_in(client, "leitung-a")
    page = client.submit("/staff/workshops/neu", form(world, sozialraum=str(world["raeume"][1]))).get_data(as_text=True)
    assert "Bitte wählen Sie einen Sozialraum." in page
    assert workshops_named(app, "Leben, wie ich will!") == []


def test_an_own_question_with_findings_is_refused_with_explanations(app, client, world):
    sign_in(client, "leitung-a")
    question = "Würden Sie nicht gerne öfter mit den Nachbar/innen über die Sozialraumorientierung reden?"
    response = client.submit("/staff/workshops/neu", form(world, eigene_frage=question, eigene_art="ja-etwas-nein"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and workshops_named(app, "Leben, wie ich will!") == []
    for explanation in ("Die Frage steht im Konjunktiv", "Die Frage enthält eine Verneinung",
                        "Das Wort „Sozialraumorientierung“ ist sehr lang", "Der Satz ist zu lang",
                        "Schrägstrich"):
        assert explanation in page, explanation
    assert page.count("Eigene Frage:") >= 2 * 5, "each finding in the error summary and beside the field"
    fixed = client.submit("/staff/workshops/neu", form(world, eigene_frage="Wollen Sie mit Nachbarn reden?",
                                                        eigene_art="ja-etwas-nein"))
    assert fixed.status_code == 302


def test_every_rule_of_the_linter_is_explained(app):
    samples = ["Sie gehen z. B. heim.", "Der Sozialraumplanungsbericht ist da.", "Er ging heim.", "Das ist II.",
               "Das kostet 10.000 Euro.", "Am 3.4.2026 ist es.", "Es ist 9-10 Uhr.", "Das ist (gut).", "Wie geht es dir?",
               "Es wird gemacht.", "Das Haus des Vaters.", "Siehe oben.", "Wir sind sieben.", "Das ist gut. Das ist schön.",
               "Das Ge·hen ist schön.", "Ich wohne hier und ich arbeite dort.", "Text¹ ist hier."]
    with app.test_request_context():
        for sample in samples:
            found = explain(sample)
            assert found, sample
            assert not any(re.fullmatch(r"[A-Z_]+", text) for text in found)
        assert explain("Wie finden Sie das Treffen?") == []


def test_the_check_while_typing_answers_json(app, client, world):
    sign_in(client, "assistenz-a")
    bad = client.get("/staff/workshops/pruefen", query_string={"frage": "Hätten Sie Lust?"}).get_json()
    assert bad["ok"] is False and any("Konjunktiv" in text for text in bad["befunde"])
    good = client.get("/staff/workshops/pruefen", query_string={"frage": "Wie finden Sie das Treffen?"}).get_json()
    assert good == {"ok": True, "befunde": [], "zusammenfassung": "Die Frage passt zu den Regeln für Leichte Sprache."}
    client.post("/staff/abmelden")
    assert client.get("/staff/workshops/pruefen?frage=x").status_code == 302


def test_a_staff_never_sees_or_changes_b_s_workshops(app, client, world):
    sign_in(client, "leitung-a")
    b = world["workshops"]["B"]
    for url in (f"/staff/workshops/{b}", f"/staff/workshops/{b}/plakat", f"/staff/workshops/{b}/beenden",
                "/staff/workshops/999999"):
        assert client.get(url).status_code == 404, url
    token = client.token("/staff/workshops/neu")
    for url in (f"/staff/workshops/{b}/beenden", f"/staff/workshops/{b}/tablet"):
        assert client.post(url, data={"csrf_token": token, "modus": "5", "dauer": "tag"}).status_code == 404, url
    assert client.client.get_cookie(COOKIE) is None
    [workshop] = workshops_named(app, "Treffen B")
    assert workshop.geschlossen_am is None
    assert "Treffen B" not in client.get("/staff/workshops/").get_data(as_text=True)


def test_roles_without_lead_workshops_get_403(app, client, world):
    secret = make_user(app, "stadt", LEISTUNGSTRAEGER, second_factor=True)
    sign_in(client, "stadt")
    client.submit("/staff/zweiter-faktor", {"code": totp_now(secret)})
    assert client.get("/staff/").status_code == 200
    for url in ("/staff/workshops/", "/staff/workshops/neu", f"/staff/workshops/{world['workshops']['A']}"):
        assert client.get(url).status_code == 403, url
    assert "/staff/workshops/" not in client.get("/staff/").get_data(as_text=True)


def test_closing_a_workshop_early(app, client, world):
    sign_in(client, "assistenz-a")
    a = world["workshops"]["A"]
    detail = client.get(f"/staff/workshops/{a}").get_data(as_text=True)
    assert "Offen." in detail and f"/staff/workshops/{a}/beenden" in detail
    assert client.get(f"/staff/workshops/{a}/beenden").status_code == 200
    assert client.post(f"/staff/workshops/{a}/beenden").status_code == 200, "no CSRF token: nothing closes"
    assert workshops_named(app, "Treffen A")[0].geschlossen_am is None
    response = client.submit(f"/staff/workshops/{a}/beenden")
    assert response.status_code == 302
    [workshop] = workshops_named(app, "Treffen A")
    assert workshop.geschlossen_am is not None and audit_actions(app).count("workshop_closed") == 1
    assert audit_entries(app)[-1] == ("workshop_closed", f"workshop:{a}")
    with app.app_context():
        assert operations.find_by_code(get_db(), workshop.code, TODAY).reason == operations.OVER
    detail = client.get(f"/staff/workshops/{a}").get_data(as_text=True)
    assert "Beendet am" in detail and "Tablet für diesen Workshop" not in detail
    client.submit(f"/staff/workshops/{a}/beenden", token_from=f"/staff/workshops/{a}/beenden")
    assert audit_actions(app).count("workshop_closed") == 1, "closing twice changes nothing"


def _answers(app, workshop_id: int, count: int) -> None:
    """Some answers to a workshop."""
    with app.app_context():
        for _ in range(count):
            get_db().add(WorkshopAntwort(workshop_id=workshop_id, antworten={"treffen": "gut"}, filled_by="allein"))
        get_db().commit()


@pytest.mark.parametrize("count, shown", [(0, "0"), (1, "weniger als 5"), (4, "weniger als 5"), (5, "5")])
def test_the_answer_count_hides_small_numbers(app, client, world, count, shown):
    _answers(app, world["workshops"]["A"], count)
    _answers(app, world["workshops"]["B"], 3)  # B's answers never count for A
    sign_in(client, "leitung-a")
    page = client.get(f"/staff/workshops/{world['workshops']['A']}").get_data(as_text=True)
    assert re.search(r"Geantwortet haben</dt><dd>([^<]*)</dd>", page).group(1) == shown


def test_the_poster_has_the_code_the_qr_code_and_the_address(app, client, world):
    sign_in(client, "leitung-a")
    code = world["codes"]["A"]
    page = client.get(f"/staff/workshops/{world['workshops']['A']}/plakat").get_data(as_text=True)
    assert f"{code[:3]} {code[3:]}" in page and "Treffen A" in page and "<svg" in page and "<path" in page
    assert "localhost/treffen" in page and "css/plakat.css" in page
    assert "Sagen Sie Ihre Meinung!" in page


def test_a_tablet_for_one_workshop(app, client, world):
    sign_in(client, "assistenz-a")
    a = world["workshops"]["A"]
    response = client.submit(f"/staff/workshops/{a}/tablet", {"modus": "10", "dauer": "2"},
                             token_from=f"/staff/workshops/{a}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/treffen")
    with app.app_context():
        binding = decode(client.client.get_cookie(COOKIE).value, app.config["SECRET_KEY"], time.time())
    assert (binding.anbieter_id, binding.workshop_id, binding.minutes) == (world["anbieter"]["A"], a, 10)
    assert audit_actions(app)[-2:] == ["tablet_on", "sign_out"]
    assert audit_entries(app)[-2] == ("tablet_on", f"anbieter:{world['anbieter']['A']}")
    assert client.get("/staff/").status_code == 302, "staff signed out on this device"
    assert client.get(f"/staff/workshops/{a}").status_code == 302
    with app.app_context():
        detail = get_db().scalar(select(AuditEntry.detail).where(AuditEntry.action == "tablet_on"))
    assert detail.startswith("10 min, bis ") and detail.endswith(f", workshop:{a}")


def test_a_tablet_needs_a_duration_and_a_waiting_time(app, client, world):
    sign_in(client, "assistenz-a")
    a = world["workshops"]["A"]
    response = client.submit(f"/staff/workshops/{a}/tablet", {"modus": "7"}, token_from=f"/staff/workshops/{a}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/staff/workshops/{a}")
    assert client.client.get_cookie(COOKIE) is None and "tablet_on" not in audit_actions(app)


def test_an_anbieter_without_sozialraum_is_told_so(app, client, world):
    with app.app_context():
        db = get_db()
        staff.set_sozialraeume(db, db.get(staff.Anbieter, world["anbieter"]["A"]), [])
        db.commit()
    sign_in(client, "leitung-a")
    page = client.get("/staff/workshops/neu").get_data(as_text=True)
    assert "Ihr Anbieter arbeitet noch in keinem Sozialraum." in page and "<form method=\"post\" action=\"/staff/workshops/neu\"" not in page
    client.submit("/staff/workshops/neu", form(world), token_from="/staff/workshops/")
    assert workshops_named(app, "Leben, wie ich will!") == []


def test_a_past_workshop_is_over(app, client, world):
    with app.app_context():
        get_db().get(Workshop, world["workshops"]["A"]).letzter_tag = TODAY - timedelta(days=1)
        get_db().get(Workshop, world["workshops"]["A"]).erster_tag = TODAY - timedelta(days=2)
        get_db().commit()
    sign_in(client, "leitung-a")
    assert ">vorbei<" in client.get("/staff/workshops/").get_data(as_text=True)
    assert "Vorbei seit" in client.get(f"/staff/workshops/{world['workshops']['A']}").get_data(as_text=True)
