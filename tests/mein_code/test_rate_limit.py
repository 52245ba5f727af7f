"""Wrong codes: guessing is stopped per code and per address, and a room full of people is not locked out."""
from __future__ import annotations

from datetime import timedelta

from freezegun import freeze_time

from app.core.db import utcnow
from app.mein_code.codes import WORDS
from tests.conftest import CheckingClient
from tests.helpers import shown_code, walk_flow


def wrong_code(number: int) -> str:
    """A code of the right shape that nobody has: other words for each number."""
    return f"{WORDS[number % 100]} {WORDS[(number // 100) + 100]} {WORDS[-1]} 99"


def test_typos_of_one_code_lock_only_that_code_and_say_how_long(app):
    code = shown_code(walk_flow(CheckingClient(app.test_client())))
    client = CheckingClient(app.test_client())
    words, number = code.rsplit(" ", 1)
    wrong_number = f"{words} {(int(number) + 1) % 100:02d}"
    for _ in range(app.config["CODE_ATTEMPTS_PER_CODE"]):
        html = client.submit("/mein-code/", {"code": wrong_number}).get_data(as_text=True)
        assert "Dieser Code ist uns unbekannt." in html
    response = client.submit("/mein-code/", {"code": wrong_number})
    html = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "Sie haben zu oft einen falschen Code eingegeben." in html
    assert f"Bitte warten Sie {app.config['CODE_ATTEMPTS_WINDOW_MINUTES']} Minuten." in html
    assert f'value="{wrong_number}"' in html, "what the person typed stays in the field"
    # Guessing the number of these words is stopped, even with the right number.
    assert client.submit("/mein-code/", {"code": code}).status_code == 429
    # Somebody else in the same room, with another code, is not locked out.
    other = CheckingClient(app.test_client())
    assert "Dieser Code ist uns unbekannt." in other.submit("/mein-code/", {"code": wrong_code(1)}).get_data(as_text=True)
    # After the waiting time the right code works again.
    with freeze_time(utcnow() + timedelta(minutes=app.config["CODE_ATTEMPTS_WINDOW_MINUTES"] + 1)):
        assert client.submit("/mein-code/", {"code": code}).headers["Location"].endswith("/mein-code/antworten")


def test_a_room_behind_one_address_is_stopped_only_after_many_wrong_codes(app):
    code = shown_code(walk_flow(CheckingClient(app.test_client())))
    most = app.config["CODE_ATTEMPTS_PER_ADDRESS"]
    assert most >= 4 * app.config["CODE_ATTEMPTS_PER_CODE"], "a workshop's typos must not lock the room"
    room = CheckingClient(app.test_client())
    for number in range(most - 1):
        assert room.submit("/mein-code/", {"code": wrong_code(number)}).status_code == 200
    person = CheckingClient(app.test_client())
    assert person.submit("/mein-code/", {"code": code}).headers["Location"].endswith("/mein-code/antworten")
    room.submit("/mein-code/", {"code": wrong_code(most)})
    response = CheckingClient(app.test_client()).submit("/mein-code/", {"code": code})
    assert response.status_code == 429 and "Bitte warten Sie" in response.get_data(as_text=True)


def test_text_that_cannot_be_a_code_is_not_counted(app):
    client = CheckingClient(app.test_client())
    for _ in range(app.config["CODE_ATTEMPTS_PER_ADDRESS"] + 1):
        html = client.submit("/mein-code/", {"code": "hallo"}).get_data(as_text=True)
        assert "Dieser Code ist uns unbekannt." in html


def test_many_guesses_sent_at_once_do_not_slip_under_the_limit(app):
    import re
    import threading

    client = CheckingClient(app.test_client())
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/mein-code/").get_data(as_text=True)).group(1)
    cookie = client.client.get_cookie("mitreden").value
    taps = 3 * app.config["CODE_ATTEMPTS_PER_CODE"]
    start, statuses = threading.Barrier(taps), []

    def guess(number: int) -> None:
        """One guess of the number of a known set of words, sent with all the others."""
        guesser = app.test_client()
        guesser.set_cookie("mitreden", cookie)
        start.wait()
        statuses.append(guesser.post("/mein-code/", data={"code": f"Sonne Hund Tasse {number:02d}",
                                                            "csrf_token": token}).status_code)

    threads = [threading.Thread(target=guess, args=(number,)) for number in range(taps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(200) <= app.config["CODE_ATTEMPTS_PER_CODE"], statuses
    assert statuses.count(429) >= taps - app.config["CODE_ATTEMPTS_PER_CODE"]
