"""Answering a workshop without an account: join by code or QR link, the questions, consent, check, thanks;
codes that open nothing, the limit on join tries, saving once, and a tablet passed from person to person."""
from __future__ import annotations

import re
from datetime import datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from app.core.db import get_db
from app.models import Draft
from app.sprache.content import baustein
from app.workshops import zahlen
from app.workshops.models import Workshop, WorkshopAntwort, WorkshopZahl
from tests.conftest import CheckingClient
from tests.helpers import simultaneous_taps
from tests.sprache.test_einheitliche_woerter import sentences_of, text_of
from tests.workshops.helpers import LEBEN, answer_all, join, make_workshop, tablet_for


def rows(app) -> list[SimpleNamespace]:
    """Every stored answer, read while the app context lasts."""
    with app.app_context():
        return [SimpleNamespace(workshop_id=r.workshop_id, antworten=r.antworten, eigene_worte=r.eigene_worte,
                                filled_by=r.filled_by, demo=r.demo) for r in get_db().scalars(select(WorkshopAntwort))]


def counted(app) -> int:
    """How many answers the counts kept at save time hold (app/workshops/zahlen.py), over every workshop."""
    with app.app_context():
        return get_db().scalar(select(func.coalesce(func.sum(WorkshopZahl.anzahl), 0))
                               .where(WorkshopZahl.frage == zahlen.PEOPLE))


def drafts(app) -> list[dict]:
    """The data of every draft on the server."""
    with app.app_context():
        return [d.data for d in get_db().scalars(select(Draft))]


def test_the_whole_flow_stores_the_answers_once_with_consent(client, app):
    workshop = make_workshop(app)
    assert join(client, workshop).headers["Location"].endswith("/treffen/frage/treffen")
    first = client.get("/treffen/frage/treffen").get_data(as_text=True)
    assert "Frage 1 von 10" in first and 'href="/treffen/"' in first, "progress, and back to the code page"
    assert first.count('type="radio"') == 3 and "#gut" in first and "#nicht-gut" in first
    second = client.get("/treffen/frage/sagen")
    assert second.status_code == 302, "no page before the earlier ones are answered"
    client.submit("/treffen/frage/treffen", {"antwort": "gut"})
    second = client.get("/treffen/frage/sagen").get_data(as_text=True)
    assert "Frage 2 von 10" in second and "Ein bisschen" in second and "#etwas" in second
    assert 'href="/treffen/frage/treffen"' in second, "Zurück leads to the question before"
    answer_all(client)
    consent = client.get("/treffen/erlaubnis").get_data(as_text=True)
    with app.test_request_context():
        statement = sentences_of(baustein("einwilligung_treffen"))
    assert all(sentence in text_of(consent) for sentence in statement), "the meeting's consent statement"
    assert "Ihre Antworten zum Treffen bleiben immer ohne Code." in text_of(consent) and 'href="/daten"' in consent
    assert "Darum können Sie diese Antworten später nicht löschen." in text_of(consent)
    assert "Mit Code können Sie" not in consent, "a meeting's answers never have a code"
    check = client.get("/treffen/pruefen").get_data(as_text=True)
    for shown in ("Das Essen war lecker.", "Wie finden Sie den Raum?", "Es ist zu laut.", "Ich allein"):
        assert shown in check
    assert check.count(">Ändern<") == 12 and "/treffen/frage/schwer?zurueck=pruefen" in check
    assert client.submit("/treffen/pruefen").headers["Location"].endswith("/treffen/danke")
    done = client.get("/treffen/danke").get_data(as_text=True)
    assert "<h1>" in done and "Danke!" in done and "Ihre Antworten sind gespeichert." in done
    [row] = rows(app)
    assert row.workshop_id == workshop["id"] and row.filled_by == "allein" and row.demo is False
    assert row.eigene_worte == "Das Essen war lecker."
    assert row.antworten == {key: value for key, value in LEBEN.items() if key != "worte"}, "own words kept apart"
    assert drafts(app) == [{"treffen": {"workshop": workshop["id"], "gespeichert": "ja"}}], "the draft keeps no answer"


def test_the_qr_link_goes_straight_to_the_first_question(client, app):
    workshop = make_workshop(app, fragen="kurz", eigene_frage=None, eigene_art=None)
    response = client.get(f"/treffen/{workshop['code']}")
    assert response.headers["Location"].endswith("/treffen/frage/treffen")
    assert "Frage 1 von 3" in client.get("/treffen/frage/treffen").get_data(as_text=True)


def test_a_demo_workshop_stores_demo_answers(client, app):
    workshop = make_workshop(app, fragen="kurz", eigene_frage=None, eigene_art=None, demo=True)
    join(client, workshop)
    answer_all(client, {"treffen": "gut", "wiederkommen": "nein", "worte": ""}, wer="andere")
    client.submit("/treffen/pruefen")
    [row] = rows(app)
    assert row.demo is True and row.eigene_worte == "" and row.filled_by == "andere"


@pytest.mark.parametrize("days, message", [
    ((1, 2), "Das Treffen fängt später an."),
    ((-3, -1), "Das Treffen ist schon vorbei."),
    (None, "Dieser Code ist uns unbekannt."),
    ("48 29 1", "Der Code hat 6 Zahlen."),
])
def test_codes_that_open_nothing_say_why_and_keep_what_was_typed(client, app, days, message):
    if isinstance(days, tuple):
        typed = make_workshop(app, *days)["shown"]
    else:
        typed = days or "999 999"
        make_workshop(app)
    response = client.submit("/treffen/", {"code": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and "<title>Fehler:" in page
    assert f'value="{typed}"' in page and 'inputmode="numeric"' in page and "Zum Beispiel: 482 915" in page
    assert 'class="fehler-box"' in page and 'href="#code"' in page
    if days in ((1, 2), (-3, -1)):
        assert 'href="/"' in page and "Zur Start·seite" in page, "a way on"
    assert drafts(app) == []


def test_the_qr_link_of_a_closed_workshop_shows_the_same_message(client, app):
    workshop = make_workshop(app)
    with app.app_context():
        get_db().get(Workshop, workshop["id"]).geschlossen_am = datetime.now()
        get_db().commit()
    page = client.get(f"/treffen/{workshop['code']}").get_data(as_text=True)
    assert "Das Treffen ist schon vorbei." in page and f'value="{workshop["code"]}"' in page


def test_join_tries_are_limited_per_address_but_right_codes_never_count(client, app):
    app.config["JOIN_ATTEMPTS_PER_ADDRESS"] = 3
    workshop = make_workshop(app)
    for _ in range(5):  # a room joining with the right code is never counted
        assert join(client, workshop).status_code == 302
    for wrong in ("111 111", "111 112", "111 113"):
        assert client.submit("/treffen/", {"code": wrong}).status_code == 200
    locked = client.submit("/treffen/", {"code": workshop["shown"]})
    page = locked.get_data(as_text=True)
    assert locked.status_code == 429 and "Bitte warten Sie 15 Minuten." in page and "zu oft" in page
    assert client.get(f"/treffen/{workshop['code']}").status_code == 429, "the QR link is limited too"
    other = CheckingClient(app.test_client())
    assert other.submit("/treffen/", {"code": workshop["shown"]}, environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 302
    # Personal codes are counted apart: the lock on join codes does not stop „Mein Code“.
    assert client.submit("/mein-code/", {"code": "Sonne Hund Tasse 47"}).status_code == 200


def test_a_room_behind_one_router_with_typos_is_not_locked_out(client, app):
    workshop = make_workshop(app)
    for person in range(60):
        if person % 2:
            assert client.submit("/treffen/", {"code": f"{100000 + person}"}).status_code == 200
        assert join(client, workshop).status_code == 302, person


def test_a_scale_needs_an_answer_choices_and_own_words_may_stay_empty(client, app):
    workshop = make_workshop(app)
    join(client, workshop)
    page = client.submit("/treffen/frage/treffen", {}).get_data(as_text=True)
    assert "Bitte wählen Sie 1 Antwort." in page and 'href="#antwort-0"' in page and "<title>Fehler:" in page
    answers = {**LEBEN, "gut": [], "schwer": [], "worte": ""}
    answer_all(client, answers)
    client.submit("/treffen/pruefen")
    [row] = rows(app)
    assert row.antworten["gut"] == [] and row.eigene_worte == ""


def test_own_words_have_the_text_limit(client, app):
    workshop = make_workshop(app, fragen="kurz", eigene_frage=None, eigene_art=None)
    join(client, workshop)
    client.submit("/treffen/frage/treffen", {"antwort": "gut"})
    client.submit("/treffen/frage/wiederkommen", {"antwort": "ja"})
    page = client.get("/treffen/frage/worte").get_data(as_text=True)
    assert 'data-zeichen="300"' in page and "Sie können diese Frage auch überspringen." in page
    long = client.submit("/treffen/frage/worte", {"antwort": "Wort " * 80}).get_data(as_text=True)
    assert "Ihr Text ist zu lang." in long and ("Wort " * 80).strip() in long, "what was typed stays"


def test_consent_no_stores_nothing_and_thanks(client, app):
    workshop = make_workshop(app)
    join(client, workshop)
    answer_all(client, erlaubnis="nein")
    check = client.get("/treffen/pruefen").get_data(as_text=True)
    assert "Darum speichern wir Ihre Antworten nicht." in check
    client.submit("/treffen/pruefen")
    done = client.get("/treffen/danke").get_data(as_text=True)
    assert "Danke!" in done and "Sie haben Nein gesagt." in done
    assert rows(app) == [] and drafts(app) == [{"treffen": {"workshop": workshop["id"], "gespeichert": "nein"}}]


def test_a_workshop_closed_while_answering_stores_nothing(client, app):
    workshop = make_workshop(app)
    join(client, workshop)
    answer_all(client)
    with app.app_context():
        get_db().get(Workshop, workshop["id"]).geschlossen_am = datetime.now()
        get_db().commit()
    client.submit("/treffen/pruefen")
    assert "Das Treffen ist inzwischen vorbei." in client.get("/treffen/danke").get_data(as_text=True)
    assert rows(app) == []


def test_change_from_the_check_page_returns_there(client, app):
    workshop = make_workshop(app)
    join(client, workshop)
    answer_all(client)
    page = client.get("/treffen/frage/treffen?zurueck=pruefen").get_data(as_text=True)
    assert 'href="/treffen/pruefen"' in page and "checked" in page
    response = client.submit("/treffen/frage/treffen?zurueck=pruefen", {"antwort": "nicht-gut"})
    assert response.headers["Location"].endswith("/treffen/pruefen")
    response = client.submit("/treffen/erlaubnis?zurueck=pruefen", {"antwort": "ja"})
    assert response.headers["Location"].endswith("/treffen/pruefen")
    client.submit("/treffen/pruefen")
    assert rows(app)[0].antworten["treffen"] == "nicht-gut"


def test_sending_the_check_page_three_times_saves_once(client, app):
    join(client, make_workshop(app))
    answer_all(client)
    client.submit("/treffen/pruefen")
    for _ in range(2):
        response = client.post("/treffen/pruefen", data={"csrf_token": client.token("/treffen/danke")})
        assert response.headers["Location"].endswith("/treffen/danke")
    assert len(rows(app)) == 1 and counted(app) == 1


@pytest.mark.parametrize("taps", [2, 5])
def test_simultaneous_taps_on_save_store_once(app, taps):
    client = CheckingClient(app.test_client())
    join(client, make_workshop(app))
    answer_all(client)
    token = client.token("/treffen/pruefen")
    cookie = client.client.get_cookie("mitreden").value
    responses = simultaneous_taps(app, cookie, "/treffen/pruefen", {"csrf_token": token}, taps)
    results = [response.headers.get("Location", "") for response in responses]
    assert len(results) == taps and all(location.endswith("/treffen/danke") for location in results), results
    assert len(rows(app)) == 1 and counted(app) == 1


def test_after_saving_the_back_button_leads_to_the_thanks_and_changes_nothing(client, app):
    join(client, make_workshop(app))
    answer_all(client)
    client.submit("/treffen/pruefen")
    for url in ("/treffen/frage/treffen", "/treffen/frage/worte?zurueck=pruefen", "/treffen/wer", "/treffen/pruefen"):
        assert client.get(url).headers["Location"].endswith("/treffen/danke"), url
    response = client.post("/treffen/frage/treffen", data={"antwort": "nicht-gut", "csrf_token": client.token("/treffen/danke")})
    assert response.headers["Location"].endswith("/treffen/danke")
    assert [r.antworten["treffen"] for r in rows(app)] == ["gut"]


def test_pages_without_a_workshop_lead_to_the_code_page(client, app):
    for url in ("/treffen/frage/treffen", "/treffen/wer", "/treffen/pruefen", "/treffen/danke"):
        assert client.get(url).headers["Location"].endswith("/treffen/"), url
    join(client, make_workshop(app))
    assert client.get("/treffen/frage/gibt-es-nicht").headers["Location"].endswith("/treffen/frage/treffen")


def test_a_tablet_given_to_a_workshop_passes_from_person_to_person(client, app):
    workshop = make_workshop(app)
    client.set_cookie("mitreden_tablet", tablet_for(app, workshop))
    assert client.get("/treffen/").headers["Location"].endswith("/treffen/frage/treffen"), "no code on the tablet"
    first = client.get("/treffen/frage/treffen").get_data(as_text=True)
    assert 'href="/"' in first, "before the first question: the start page, not the code page"
    answer_all(client, {**LEBEN, "worte": "Ich heiße Anna."})
    client.submit("/treffen/pruefen")
    done = client.get("/treffen/danke").get_data(as_text=True)
    assert "Dann kann die nächste Person antworten." in done and "data-neu" in done
    response = client.submit("/treffen/danke", token_from="/treffen/danke")
    assert response.headers["Location"].endswith("/treffen/?neu=1")
    assert client.get("/treffen/?neu=1").headers["Location"].endswith("/treffen/frage/treffen?neu=1")
    # The next person: nothing of the one before, on any page.
    assert drafts(app) == [{"treffen": {"workshop": workshop["id"]}}]
    for url in ("/treffen/frage/treffen?neu=1", "/treffen/danke"):
        page = client.get(url)
        assert b"checked" not in page.data and b"Anna" not in page.data, url
    answer_all(client, {**LEBEN, "treffen": "nicht-gut", "worte": ""}, wer="mit-hilfe")
    check = client.get("/treffen/pruefen").get_data(as_text=True)
    assert "Anna" not in check and "Ich allein" not in check
    client.submit("/treffen/pruefen")
    assert sorted(r.filled_by for r in rows(app)) == ["allein", "mit-hilfe"]


def test_a_new_person_on_the_tablet_starts_fresh_without_fertig(client, app):
    workshop = make_workshop(app)
    client.set_cookie("mitreden_tablet", tablet_for(app, workshop))
    client.get("/treffen/")
    answer_all(client)
    client.submit("/treffen/pruefen")
    # The person walked away from the thank-you page; the next one taps „Meine Meinung zum Treffen“.
    assert client.get("/treffen/").headers["Location"].endswith("/treffen/frage/treffen")
    assert b"checked" not in client.get("/treffen/frage/treffen").data
    assert drafts(app) == [{"treffen": {"workshop": workshop["id"]}}]


def test_a_tablet_given_to_a_workshop_that_is_over_says_so(client, app):
    workshop = make_workshop(app, -3, -1)
    client.set_cookie("mitreden_tablet", tablet_for(app, workshop))
    page = client.get("/treffen/").get_data(as_text=True)
    assert "Das Treffen ist schon vorbei." in page and drafts(app) == []


def test_the_start_page_leads_to_the_meeting_questions(client):
    page = client.get("/").get_data(as_text=True)
    assert 'href="/treffen/"' in page and "Meine Meinung zum Treffen" in page
    assert re.search(r'href="/treffen/"><svg class="picto"', page), "with a pictogram"


def test_neu_anfangen_on_a_tablet_given_to_a_workshop_starts_the_next_person_at_its_first_question(client, app):
    workshop = make_workshop(app)
    client.set_cookie("mitreden_tablet", tablet_for(app, workshop))
    client.get("/treffen/")
    client.submit("/treffen/frage/treffen", {"antwort": "gut"})
    response = client.submit("/tablet/neu", token_from="/treffen/frage/sagen")
    assert response.headers["Location"].endswith("/treffen/?neu=1")
    assert drafts(app) == []
    assert client.get("/treffen/?neu=1").headers["Location"].endswith("/treffen/frage/treffen?neu=1")
    assert b"checked" not in client.get("/treffen/frage/treffen?neu=1").data
