"""Request tests of „Was ich will“: validation, nothing lost, consent, saving, tablet mode."""
import re

from sqlalchemy import func, select

from app.core.db import get_db
from app.models import Draft, Person, WilleBereich, WilleRecord
from tests.helpers import shown_code, walk_flow


def count(app, model) -> int:
    """Rows in a table."""
    with app.app_context():
        return get_db().scalar(select(func.count()).select_from(model))


def test_question_page_structure(client):
    html = client.get("/will/bereiche").get_data(as_text=True)
    assert re.search(r"<legend><h1>Über welche Bereiche", html)
    assert 'class="zurueck"' in html and ">Weiter</button>" in html
    assert html.count('type="checkbox"') == 9


def test_empty_answer_shows_error_summary_and_inline_message(client):
    response = client.submit("/will/bereiche", {})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<title>Fehler: Über welche Bereiche" in html
    assert 'href="#bereiche-0">Bitte wählen Sie mindestens 1 Bereich.' in html
    assert 'class="fehler-text" id="bereiche-fehler"' in html
    assert 'aria-describedby="bereiche-hinweis bereiche-fehler"' in html


def test_too_long_text_keeps_everything_entered(client):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    client.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    long_text = "Garten " * 60
    response = client.submit("/will/wohnen/wunsch", {"wuensche": ["ruhe"], "eigener_wunsch": long_text})
    html = response.get_data(as_text=True)
    assert "Ihr Text ist zu lang." in html and "Bitte machen Sie den Text kürzer." in html
    assert long_text.strip() in html, "the text is shown again"
    assert re.search(r'value="ruhe" checked', html), "the ticked wish stays ticked"


def test_unknown_choice_is_rejected_not_stored(client, app):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    response = client.submit("/will/wohnen/jetzt", {"jetzt": "<script>"})
    assert response.status_code == 200 and "Bitte wählen Sie 1 Gesicht." in response.get_data(as_text=True)
    response = client.submit("/will/bereiche", {"bereiche": ["wohnen", "raumfahrt"]})
    assert response.status_code == 200


def test_niemand_cannot_go_with_helpers(client):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    client.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    client.submit("/will/wohnen/wunsch", {"wuensche": ["ruhe"]})
    client.submit("/will/wohnen/selbst", {"selbst": ""})
    html = client.submit("/will/wohnen/hilfe", {"helfer": ["niemand", "familie"]}).get_data(as_text=True)
    assert "Bitte wählen Sie nur 1 davon." in html
    assert '<li class="oder">oder</li>' in html and re.search(r'value="niemand"( checked)? data-allein', html)


def test_es_soll_so_bleiben_is_a_wish_of_its_own(client):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    client.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    page = client.get("/will/wohnen/wunsch").get_data(as_text=True)
    assert "Es soll so bleiben, wie es ist." in page
    html = client.submit("/will/wohnen/wunsch", {"wuensche": ["ruhe", "bleiben"]}).get_data(as_text=True)
    assert "Es soll so bleiben“ gewählt und auch andere Wünsche." in html
    assert client.submit("/will/wohnen/wunsch", {"wuensche": ["bleiben"]}).status_code == 302
    client.submit("/will/wohnen/selbst", {"selbst": ""})
    client.submit("/will/wohnen/hilfe", {"helfer": ["niemand"]})
    assert "Es soll so bleiben, wie es ist." in client.get("/will/wohnen/wunsch?zurueck=pruefen").get_data(as_text=True)


def test_expired_csrf_token_keeps_answers_and_explains(client):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    client.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    response = client.post("/will/wohnen/wunsch", data={"wuensche": ["ruhe"], "eigener_wunsch": "Ein Garten", "csrf_token": "abgelaufen"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Die Seite ist zu lange offen gewesen." in html
    assert "Ein Garten" in html and re.search(r'value="ruhe" checked', html)
    assert re.search(r'name="csrf_token" value="[^"]{20,}"', html), "a fresh token to submit again"


def test_back_navigation_shows_earlier_answers(client):
    client.submit("/will/bereiche", {"bereiche": ["wohnen", "arbeit"]})
    client.submit("/will/wohnen/jetzt", {"jetzt": "nicht-gut"})
    html = client.get("/will/bereiche").get_data(as_text=True)
    assert re.search(r'value="wohnen" checked', html) and re.search(r'value="arbeit" checked', html)
    assert re.search(r'value="nicht-gut" checked', client.get("/will/wohnen/jetzt").get_data(as_text=True))


def test_pages_cannot_be_skipped(client):
    assert client.get("/will/pruefen").headers["Location"].endswith("/will/")
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    assert client.get("/will/erlaubnis").headers["Location"].endswith("/will/wohnen/jetzt")
    assert client.get("/will/arbeit/jetzt").headers["Location"].endswith("/will/wohnen/jetzt")


def test_full_flow_with_code_saves_and_shows_sheet(client, app):
    html = walk_flow(client, bereiche=("wohnen", "arbeit"))
    code = shown_code(html)
    assert code and re.fullmatch(r"(\w+ ){3}\d\d", code)
    assert "Mein Wille" in html and "Ich will mehr Ruhe zu Hause." in html and "Ich will einen Garten." in html
    assert count(app, WilleRecord) == 1 and count(app, WilleBereich) == 2 and count(app, Person) == 1
    with app.app_context():
        record = get_db().scalar(select(WilleRecord))
        assert record.use_allowed and record.filled_by == "mit-hilfe" and record.person_id
        assert re.fullmatch(r"\d{4}-\d\d", record.created_month)
        person = get_db().scalar(select(Person))
        assert code.lower() not in person.code_hash and len(person.code_hash) == 64


def test_check_answers_change_link_returns_to_check_page(client):
    walk_flow_until_check(client)
    html = client.get("/will/pruefen").get_data(as_text=True)
    assert 'href="/will/wohnen/jetzt?zurueck=pruefen"' in html
    response = client.submit("/will/wohnen/jetzt?zurueck=pruefen", {"jetzt": "gut"})
    assert response.headers["Location"].endswith("/will/pruefen")


def walk_flow_until_check(client):
    """Answer everything but do not save."""
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    for frage, data in {"jetzt": {"jetzt": "gut"}, "wunsch": {"wuensche": ["ruhe"]}, "selbst": {"selbst": ""}, "hilfe": {"helfer": ["familie"]}}.items():
        client.submit(f"/will/wohnen/{frage}", data)
    for frage, value in (("wohnort", "unbekannt"), ("wer", "allein"), ("erlaubnis", "nein"), ("code", "nein")):
        client.submit(f"/will/{frage}", {"antwort": value})


def test_two_times_no_stores_nothing_but_gives_the_sheet(client, app):
    walk_flow_until_check(client)
    response = client.submit("/will/pruefen")
    assert response.headers["Location"].endswith("/will/fertig")
    html = client.get("/will/fertig").get_data(as_text=True)
    assert "Mein Wille" in html and "Ich will mehr Ruhe zu Hause." in html and shown_code(html) is None
    assert count(app, WilleRecord) == 0 and count(app, Person) == 0
    # A reload or a double tap still shows the sheet: only the draft keeps it, until „Fertig“.
    assert client.post("/will/pruefen", data={"csrf_token": client.token("/will/fertig")}).headers["Location"].endswith("/will/fertig")
    assert "Ich will mehr Ruhe zu Hause." in client.get("/will/fertig").get_data(as_text=True)
    assert count(app, Draft) == 1
    client.submit("/will/fertig")
    assert count(app, Draft) == 0 and count(app, WilleRecord) == 0
    assert client.get("/will/fertig").status_code == 302
    assert client.submit("/will/fertig", token_from="/will/bereiche").status_code == 302


def test_consent_only_stores_anonymous_record_without_person(client, app):
    walk_flow(client, erlaubnis="ja", code="nein")
    with app.app_context():
        record = get_db().scalar(select(WilleRecord))
        assert record.use_allowed and record.person_id is None
    assert count(app, Person) == 0


def test_code_only_stores_record_that_may_not_be_used(client, app):
    walk_flow(client, erlaubnis="nein", code="ja")
    with app.app_context():
        record = get_db().scalar(select(WilleRecord))
        assert not record.use_allowed and record.person_id is not None


def test_fertig_clears_session_and_back_button_shows_nothing(client, app):
    walk_flow(client)
    response = client.submit("/will/fertig")
    assert response.headers["Location"].startswith("/?neu=1")
    assert client.get("/will/fertig").headers["Location"].endswith("/will/")
    assert client.get("/will/pruefen").status_code == 302
    assert client.get("/mein-code/karte").status_code == 302
    assert client.get("/will/wohnen/jetzt").status_code == 302


def test_personal_pages_are_not_cached(client):
    walk_flow(client)
    assert client.get("/will/fertig").headers["Cache-Control"] == "no-store"
    assert client.get("/mein-code/karte").headers["Cache-Control"] == "no-store"


def test_code_card_has_vector_qr_with_code_only_in_fragment(client):
    html = walk_flow(client)
    code = shown_code(html)
    card = client.get("/mein-code/karte").get_data(as_text=True)
    assert "<svg" in card and "<path" in card and code in card


def test_saved_wille_survives_app_restart(app, instance):
    from app import TestConfig, create_app
    from tests.conftest import CheckingClient

    client = CheckingClient(app.test_client())
    code = shown_code(walk_flow(client))
    restarted = create_app(TestConfig(instance, app.config["DATABASE_URL"]))
    other = CheckingClient(restarted.test_client())
    assert other.submit("/mein-code/", {"code": code}).status_code == 302
    assert "Ich will einen Garten." in other.get("/mein-code/antworten").get_data(as_text=True)
    restarted.extensions["db_engine"].dispose()


def test_draft_survives_restart(app, instance):
    from app import TestConfig, create_app
    from tests.conftest import CheckingClient

    client = CheckingClient(app.test_client())
    client.submit("/will/bereiche", {"bereiche": ["geld"]})
    restarted_app = create_app(TestConfig(instance, app.config["DATABASE_URL"]))
    restarted = CheckingClient(restarted_app.test_client())
    restarted.client._cookies = client.client._cookies
    assert re.search(r'value="geld" checked', restarted.get("/will/bereiche").get_data(as_text=True))
    restarted_app.extensions["db_engine"].dispose()


def test_language_switch_after_a_form_error_stays_on_the_page(client):
    html = client.submit("/will/bereiche", {}).get_data(as_text=True)
    assert "Bitte wählen Sie" in html
    assert 'href="/sprache/en?weiter=/will/bereiche"' in html
