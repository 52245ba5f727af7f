"""Workshops and answering them in request tests."""
from __future__ import annotations

import time
from datetime import datetime, timedelta

from app.core.db import get_db
from app.sozialraum.operations import every
from app.tablet.operations import Binding, encode
from app.workshops import codes, operations
from tests.staff.helpers import make_anbieter

# Answers to every question of „Leben, wie ich will!“ with an own question of 3 faces.
LEBEN = {
    "treffen": "gut", "sagen": "etwas", "zuhoeren": "ja", "stadtteil": "nein", "neues": "ja",
    "gut": ["leute", "essen"], "schwer": ["zu-laut"], "wiederkommen": "ja", "eigene": "geht-so",
    "worte": "Das Essen war lecker.",
}


def make_workshop(app, days_from: int = -1, days_to: int = 1, fragen: str = "leben-wie-ich-will",
                  eigene_frage: str | None = "Wie finden Sie den Raum?", eigene_art: str | None = "gesichter",
                  anbieter: int | None = None, demo: bool = False) -> dict:
    """A workshop from days_from to days_to days from today; returns its id, code and Anbieter."""
    anbieter = anbieter or make_anbieter(app, f"Anbieter {datetime.now().timestamp()}")
    with app.app_context():
        db = get_db()
        today = operations.today()
        workshop = operations.create_workshop(
            db, anbieter_id=anbieter, sozialraum_id=every(db)[0].id, titel="Leben, wie ich will!", fragen=fragen,
            erster_tag=today + timedelta(days=days_from), letzter_tag=today + timedelta(days=days_to),
            now=datetime.now(), eigene_frage=eigene_frage, eigene_art=eigene_art, demo=demo)
        db.commit()
        return {"id": workshop.id, "code": workshop.code, "shown": codes.shown(workshop.code), "anbieter": anbieter}


def tablet_for(app, workshop: dict, minutes: int = 5) -> str:
    """The signed tablet cookie of a device given to this workshop (as the staff page sets it)."""
    binding = Binding(workshop["anbieter"], minutes, time.time() + 3600, workshop["id"])
    return encode(binding, app.config["SECRET_KEY"])


def answer_all(client, answers: dict = LEBEN, wer: str = "allein", erlaubnis: str = "ja") -> None:
    """Answer every question page in order, then who filled in and consent, arriving at the check page."""
    for key, value in answers.items():
        response = client.submit(f"/treffen/frage/{key}", {"antwort": value})
        assert response.status_code == 302, (key, response.get_data(as_text=True)[:2000])
    assert client.submit("/treffen/wer", {"antwort": wer}).headers["Location"].endswith("/treffen/erlaubnis")
    assert client.submit("/treffen/erlaubnis", {"antwort": erlaubnis}).headers["Location"].endswith("/treffen/pruefen")


def join(client, workshop: dict):
    """Type the workshop's code on /treffen (as the poster shows it, with a space)."""
    return client.submit("/treffen/", {"code": workshop["shown"]})
