"""A meeting's answers and a Wille in one browser: the two flows share one draft but never each other's answers,
consent or „saved“, and starting one never wipes the other in progress (review of issue 9, P6)."""
from __future__ import annotations

from sqlalchemy import select

from app.core.db import get_db
from app.models import Draft
from app.workshops.models import WorkshopAntwort
from tests.helpers import AREA_ANSWERS, answer_everything, walk_flow
from tests.workshops.helpers import LEBEN, answer_all, make_workshop


def draft_data(app) -> dict:
    """The data of the one draft on the server."""
    with app.app_context():
        [draft] = get_db().scalars(select(Draft))
        return draft.data


def stored(app) -> int:
    """How many meeting answers are stored."""
    with app.app_context():
        return len(get_db().scalars(select(WorkshopAntwort)).all())


def test_a_meetings_ja_is_never_preselected_on_the_willes_consent_page(client, app):
    workshop = make_workshop(app)
    client.get(f"/treffen/{workshop['code']}")
    answer_all(client, erlaubnis="ja")
    # Before saving she goes to „Was ich will“ and answers up to its consent page.
    assert client.submit("/will/bereiche", {"bereiche": ["wohnen"]}).status_code == 302
    for frage, data in AREA_ANSWERS.items():
        assert client.submit(f"/will/wohnen/{frage}", data).status_code == 302
    for frage, value in (("wohnort", "bremen-hemelingen"), ("wer", "mit-hilfe")):
        assert client.submit(f"/will/{frage}", {"antwort": value}).headers["Location"].endswith(
            "/will/erlaubnis" if frage == "wer" else "/will/wer")
    consent = client.get("/will/erlaubnis").get_data(as_text=True)
    assert "<h1>" in consent and "checked" not in consent, "no consent given for another purpose"
    # The meeting's answers are all still there, on its check page.
    check = client.get("/treffen/pruefen")
    assert check.status_code == 200 and "Das Essen war lecker." in check.get_data(as_text=True)


def test_a_saved_wille_never_makes_the_meeting_think_its_answers_were_saved(client, app):
    workshop = make_workshop(app)
    client.get(f"/treffen/{workshop['code']}")
    answer_all(client, erlaubnis="ja")
    walk_flow(client, erlaubnis="ja", code="nein")
    check = client.get("/treffen/pruefen")
    assert check.status_code == 200, "the meeting's check page, not its thank-you page"
    assert client.submit("/treffen/pruefen").headers["Location"].endswith("/treffen/danke")
    assert "Ihre Antworten sind gespeichert." in client.get("/treffen/danke").get_data(as_text=True)
    assert stored(app) == 1


def test_a_meetings_code_never_wipes_a_wille_in_progress(client, app):
    client.submit("/will/bereiche", {"bereiche": ["wohnen", "arbeit"]})
    client.submit("/will/wohnen/jetzt", AREA_ANSWERS["jetzt"])
    workshop = make_workshop(app)
    assert client.get(f"/treffen/{workshop['code']}").headers["Location"].endswith("/treffen/frage/treffen")
    client.submit("/treffen/frage/treffen", {"antwort": "gut"})
    data = draft_data(app)
    assert data["bereiche"] == ["wohnen", "arbeit"] and data["antworten"]["wohnen"] == AREA_ANSWERS["jetzt"]
    assert data["treffen"]["antworten"] == {"treffen": "gut"}
    assert client.get("/will/bereiche").status_code == 200
    assert client.get("/will/wohnen/jetzt").status_code == 200, "the Wille goes on where she left it"


def test_starting_a_wille_never_wipes_a_meeting_in_progress(client, app):
    workshop = make_workshop(app)
    client.get(f"/treffen/{workshop['code']}")
    client.submit("/treffen/frage/treffen", {"antwort": "gut"})
    answer_everything(client)
    assert draft_data(app)["treffen"]["antworten"] == {"treffen": "gut"}
    client.submit("/will/pruefen")
    # „Los geht es“ after a saved Wille starts a new one: the meeting's answers in progress stay.
    assert client.get("/will/bereiche").headers["Location"].endswith("/will/bereiche")
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    data = draft_data(app)
    assert data["treffen"] == {"workshop": workshop["id"], "antworten": {"treffen": "gut"}}
    assert "gespeichert" not in data and data["bereiche"] == ["wohnen"]
    answer_all(client, {key: value for key, value in LEBEN.items() if key != "treffen"})
    client.submit("/treffen/pruefen")
    assert stored(app) == 1


def test_a_saved_wille_is_the_person_before_and_is_forgotten_when_a_meeting_starts(client, app):
    walk_flow(client, erlaubnis="ja", code="nein")
    workshop = make_workshop(app)
    client.get(f"/treffen/{workshop['code']}")
    assert draft_data(app) == {"treffen": {"workshop": workshop["id"]}}
    assert client.get("/will/fertig").headers["Location"].endswith("/will/")

