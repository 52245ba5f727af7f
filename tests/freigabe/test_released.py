"""released_words: only released words, only of a group of at least K_MIN people; deleting words deletes decisions."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.core.db import get_db
from app.freigabe import operations
from app.freigabe.models import FREIGEGEBEN, WILLE, WORKSHOP, ZURUECKGEHALTEN, Entscheidung
from app.mein_code.operations import delete_person
from app.wille.models import WilleBereich, WilleRecord
from app.wille.operations import fill_record
from tests.freigabe.helpers import make_wille, make_workshop
from tests.staff.helpers import make_anbieter, make_user, user_id

AFTER = date(2026, 4, 1)  # the workshops ended on 31.3.; the first quarter is over


def decide(app, anbieter_id: int, source: str, record_id: int, status: str) -> None:
    """Decide about an item of the Anbieter's queue as its lead."""
    with app.app_context():
        db = get_db()
        item = operations.find_item(db, anbieter_id, source, record_id)
        operations.decide(db, item, status, user_id(app, "leitung"), datetime(2026, 4, 1, 9))
        db.commit()


def released(app, **group) -> list[str]:
    """The released texts of a group, with K_MIN 5."""
    with app.app_context():
        return [word.text for word in operations.released_words(get_db(), k_min=5, **group)]


@pytest.fixture
def lead(app) -> int:
    """An Anbieter with its lead; returns the Anbieter's id."""
    anbieter = make_anbieter(app, "Anbieter Alpha")
    make_user(app, "leitung", "anbieter_leitung", anbieter)
    return anbieter


@pytest.mark.parametrize(("answers", "shown"), [(4, False), (5, True)])
def test_a_workshop_shows_released_words_only_from_5_answers(app, lead, answers, shown):
    words = ["Offen bleibt das.", "Freigegeben eins.", "Zurückgehalten.", "Freigegeben zwei."]
    workshop = make_workshop(app, lead, "Treffen", words, empty=answers - len(words))
    first, released_one, withheld, released_two = workshop["answers"]
    decide(app, lead, WORKSHOP, released_one, FREIGEGEBEN)
    decide(app, lead, WORKSHOP, withheld, ZURUECKGEHALTEN)
    decide(app, lead, WORKSHOP, released_two, ZURUECKGEHALTEN)
    decide(app, lead, WORKSHOP, released_two, FREIGEGEBEN)  # changed again
    result = released(app, anbieter_id=lead, today=AFTER, workshop_id=workshop["id"])
    assert result == (["Freigegeben eins.", "Freigegeben zwei."] if shown else [])


def test_a_workshop_still_open_or_of_another_anbieter_shows_nothing(app, lead):
    workshop = make_workshop(app, lead, "Treffen", ["Freigegeben."], empty=9)
    decide(app, lead, WORKSHOP, workshop["answers"][0], FREIGEGEBEN)
    assert released(app, anbieter_id=lead, today=AFTER, workshop_id=workshop["id"]) == ["Freigegeben."]
    assert released(app, anbieter_id=lead, today=date(2026, 3, 31), workshop_id=workshop["id"]) == []  # last day
    other = make_anbieter(app, "Anbieter Beta")
    assert released(app, anbieter_id=other, today=AFTER, workshop_id=workshop["id"]) == []
    with app.app_context(), pytest.raises(ValueError):
        operations.released_words(get_db(), anbieter_id=lead, today=AFTER, k_min=5)


@pytest.mark.parametrize(("willen", "shown"), [(4, False), (5, True)])
def test_willen_show_released_words_only_from_5_per_quarter(app, lead, willen, shown):
    released_wish = make_wille(app, lead, "Ein eigenes Zimmer.", month="2026-01")
    withheld = make_wille(app, lead, "Zurückgehalten.", month="2026-03")
    open_wish = make_wille(app, lead, "Noch offen.", month="2026-02")
    for _number in range(willen - 3):
        make_wille(app, lead, "", month="2026-02")
    # Not in the group: another quarter, not allowed to be used, demo, another Anbieter's tablet.
    make_wille(app, lead, "April.", month="2026-04")
    make_wille(app, lead, "Nicht erlaubt.", month="2026-02", use_allowed=False)
    make_wille(app, lead, "Beispiel.", month="2026-02", demo=True)
    decide(app, lead, WILLE, released_wish["bereich"], FREIGEGEBEN)
    decide(app, lead, WILLE, withheld["bereich"], ZURUECKGEHALTEN)
    assert open_wish["bereich"]
    result = released(app, anbieter_id=lead, today=AFTER, quarter=(2026, 1))
    assert result == (["Ein eigenes Zimmer."] if shown else [])
    with app.app_context():
        words = operations.released_words(get_db(), anbieter_id=lead, today=AFTER, k_min=5, quarter=(2026, 1))
        assert [word.area for word in words] == (["Wohnen"] if shown else [])


def test_a_quarter_not_over_shows_nothing(app, lead):
    for number in range(6):
        wish = make_wille(app, lead, f"Wunsch {number}.", month="2026-03")
        decide(app, lead, WILLE, wish["bereich"], FREIGEGEBEN)
    assert released(app, anbieter_id=lead, today=date(2026, 3, 31), quarter=(2026, 1)) == []
    assert len(released(app, anbieter_id=lead, today=AFTER, quarter=(2026, 1))) == 6
    assert operations.quarter_over(2026, 4, date(2027, 1, 1)) and not operations.quarter_over(2026, 4, date(2026, 12, 31))


def all_decisions(app) -> list[tuple]:
    """Every decision row: (workshop answer, Wille area)."""
    with app.app_context():
        return list(get_db().execute(select(Entscheidung.workshop_antwort_id, Entscheidung.wille_bereich_id)))


def test_deleting_a_person_removes_its_decisions(app, lead):
    mine = make_wille(app, lead, "Ich will zu Anna in die Hauptstraße 12.", with_person=True)
    other = make_wille(app, lead, "Ein anderer Wunsch.")
    decide(app, lead, WILLE, mine["bereich"], FREIGEGEBEN)
    decide(app, lead, WILLE, other["bereich"], FREIGEGEBEN)
    with app.app_context():
        delete_person(get_db(), mine["person"])  # what „Alles löschen“ on Mein Code does
        get_db().commit()
        assert get_db().get(WilleRecord, mine["wille"]) is None
    assert all_decisions(app) == [(None, other["bereich"])]


def test_changing_a_wille_sends_its_words_back_to_the_queue(app, lead):
    wish = make_wille(app, lead, "Ein eigenes Zimmer.", with_person=True)
    decide(app, lead, WILLE, wish["bereich"], FREIGEGEBEN)
    with app.app_context():
        db = get_db()
        record = db.get(WilleRecord, wish["wille"])
        fill_record(record, {"wer": "selbst", "erlaubnis": "ja", "wohnort": None, "bereiche": ["wohnen"],
                             "antworten": {"wohnen": {"jetzt": "gut", "eigener_wunsch": "Zu Petra ziehen.",
                                                      "helfer": []}}}, db)
        db.commit()
        new_area = db.scalar(select(WilleBereich.id).where(WilleBereich.wille_id == wish["wille"]))
        assert operations.find_item(db, lead, WILLE, new_area).status == "offen"
    assert all_decisions(app) == []  # a released text never carries over to changed words
