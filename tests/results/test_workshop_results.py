"""An Anbieter's results of its own workshops: k at the edge (4, 5, 6 people), hidden cells, only once over."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from freezegun import freeze_time

from tests.results.helpers import answers, become, read, small_numbers, workshop, world

TOO_FEW = "Zu wenige Antworten, um etwas zu zeigen."


@pytest.fixture
def signed_in(app, client):
    """Anbieter A's lead signed in, on a day after the workshops of these tests."""
    with freeze_time("2026-10-15 10:00:00"):
        found = world(app)
        become(client, found, "leitung-a")
        yield found


@pytest.mark.parametrize("people", [4, 5, 6])
def test_a_group_below_k_shows_nothing_and_from_k_on_everything(app, client, signed_in, people):
    wid = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(people))
    html = client.get(f"/staff/ergebnisse/workshop/{wid}").get_data(as_text=True)
    if people < 5:
        assert TOO_FEW in html and "<svg class=\"balken" not in html and "<table" not in html
        assert f"{people} Menschen" not in html
    else:
        assert TOO_FEW not in html and f"{people} Menschen haben geantwortet." in html
        page = read(html)
        # treffen, sagen, zuhoeren, stadtteil, neues, gut, schwer, wiederkommen, wer: 9 tables and 9 charts
        assert len(page.tables) == len(page.charts) == 9
        assert ["Gut", str(people)] in page.tables[0] and ["Zusammen", str(people)] in page.tables[0]
    assert not small_numbers(html)


def test_a_small_count_is_shown_as_less_than_5_its_partner_covered_and_a_small_complement_hidden(app, client, signed_in):
    # treffen: 10 × gut, 5 × geht so, 2 × nicht gut → „weniger als 5“, and the smallest other count covered
    people = answers(17, treffen=["geht-so"] * 5 + ["nicht-gut"] * 2, schwer=[["zu-lang"]])
    wid = workshop(app, signed_in["A"], signed_in["hemelingen"], people)
    html = client.get(f"/staff/ergebnisse/workshop/{wid}").get_data(as_text=True)
    page = read(html)
    assert page.tables[0][1:] == [["Gut", "10"], ["Geht so", "verdeckt"], ["Nicht gut", "weniger als 5"],
                                  ["keine Antwort", "0"], ["Zusammen", "17"]]
    assert page.tables[6][1] == ["Das Treffen dauert zu lange.", "verdeckt"]
    # 16 of 17 chose „zu laut“: the 1 who did not is a small group too
    assert page.tables[6][2] == ["Es ist zu laut.", "verdeckt"]
    assert not small_numbers(html)


def test_a_line_that_cannot_be_protected_is_hidden_whole(app, client, signed_in):
    # 6 people: 5 × gut, 1 × nicht gut; whatever else were shown, the 1 could be worked out from the total
    wid = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(6, treffen=["nicht-gut"]))
    html = client.get(f"/staff/ergebnisse/workshop/{wid}").get_data(as_text=True)
    assert read(html).tables[0][1:] == [["Gut", "verdeckt"], ["Geht so", "verdeckt"], ["Nicht gut", "verdeckt"],
                                        ["keine Antwort", "verdeckt"], ["Zusammen", "verdeckt"]]
    assert read(html).charts[0] == ["Gut", "verdeckt", "Geht so", "verdeckt", "Nicht gut", "verdeckt",
                                    "keine Antwort", "verdeckt"]
    assert not small_numbers(html)


def test_single_choices_always_have_a_no_answer_cell_and_choices_a_line_that_does_not_add_up(app, client, signed_in):
    people = answers(12, gut=[[]] * 12)
    for person in people[:5]:
        del person["treffen"]
    wid = workshop(app, signed_in["A"], signed_in["hemelingen"], people)
    page = read(client.get(f"/staff/ergebnisse/workshop/{wid}").get_data(as_text=True))
    assert page.tables[0][1:] == [["Gut", "7"], ["Geht so", "0"], ["Nicht gut", "0"],
                                  ["keine Antwort", "5"], ["Zusammen", "12"]]
    assert ["keine Antwort", "0"] in page.tables[1]  # nobody skipped „sagen“: the cell is there all the same
    gut = page.tables[5]
    assert gut[1] == ["Die Menschen beim Treffen.", "0"] and not any(row[0] == "Zusammen" for row in gut)


def test_own_words_are_never_counted_nor_shown_and_have_their_place(app, client, signed_in):
    wid = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(5), words="Frau Beispiel war nett")
    html = client.get(f"/staff/ergebnisse/workshop/{wid}").get_data(as_text=True)
    assert "Frau Beispiel" not in html
    assert "Eigene Worte werden nicht gezählt." in html and "Wollen Sie noch etwas sagen?" in html


def test_a_workshop_not_over_shows_no_numbers_and_is_not_listed(app, client, signed_in):
    running = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(6), titel="Läuft noch",
                       tage=(date(2026, 10, 14), date(2026, 10, 16)))
    html = client.get(f"/staff/ergebnisse/workshop/{running}").get_data(as_text=True)
    assert "Dieser Workshop läuft noch." in html and "<table" not in html and "6 Menschen" not in html
    assert "Läuft noch" not in client.get("/staff/ergebnisse/").get_data(as_text=True)
    with freeze_time("2026-10-17 09:00:00"):
        become(client, signed_in, "leitung-a")
        assert "Läuft noch" in client.get("/staff/ergebnisse/").get_data(as_text=True)
        assert "6 Menschen haben geantwortet." in client.get(f"/staff/ergebnisse/workshop/{running}").get_data(as_text=True)


def test_a_workshop_closed_early_counts_from_then(app, client, signed_in):
    from datetime import datetime

    from app.core.db import get_db
    from app.workshops.models import Workshop

    wid = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(5), tage=(date(2026, 10, 14), date(2026, 10, 20)))
    assert "läuft noch" in client.get(f"/staff/ergebnisse/workshop/{wid}").get_data(as_text=True)
    with app.app_context():
        get_db().get(Workshop, wid).geschlossen_am = datetime(2026, 10, 15, 9)
        get_db().commit()
    assert "5 Menschen haben geantwortet." in client.get(f"/staff/ergebnisse/workshop/{wid}").get_data(as_text=True)


def test_demo_answers_never_mix_with_real_ones(app, client, signed_in):
    real = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(5), titel="Echter Workshop")
    with app.app_context():  # demo answers slipped into a real workshop are not counted
        from app.core.db import get_db
        from app.workshops.models import WorkshopAntwort

        get_db().add_all([WorkshopAntwort(workshop_id=real, antworten=dict(answers(1)[0]), filled_by="allein",
                                          demo=True) for _ in range(3)])
        get_db().commit()
    demo = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(6), titel="Vorführung", demo=True)
    html = client.get(f"/staff/ergebnisse/workshop/{real}").get_data(as_text=True)
    assert "5 Menschen haben geantwortet." in html and "Beispiel" not in html
    html = client.get(f"/staff/ergebnisse/workshop/{demo}").get_data(as_text=True)
    assert "6 Menschen haben geantwortet." in html and "<h1>Beispiel: Ergebnisse von „Vorführung“</h1>" in html
    overview = client.get("/staff/ergebnisse/").get_data(as_text=True)
    real_part, demo_part = overview.split("<h2>Beispiel-Daten</h2>")
    assert "Echter Workshop" in real_part and "Vorführung" not in real_part
    assert "Beispiel: Vorführung" in demo_part and "Echter Workshop" not in demo_part


def test_another_anbieters_workshop_is_404_and_other_roles_403(app, client, signed_in):
    theirs = workshop(app, signed_in["B"], signed_in["hemelingen"], answers(6), titel="Workshop Beta")
    ours = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(6))
    assert client.get(f"/staff/ergebnisse/workshop/{theirs}").status_code == 404
    assert "Workshop Beta" not in client.get("/staff/ergebnisse/").get_data(as_text=True)
    become(client, signed_in, "assistenz-a")
    assert client.get(f"/staff/ergebnisse/workshop/{ours}").status_code == 200
    assert client.get(f"/staff/ergebnisse/workshop/{theirs}").status_code == 404
    for name in ("traeger", "chef"):
        become(client, signed_in, name)
        assert client.get(f"/staff/ergebnisse/workshop/{ours}").status_code == 403
    assert client.get("/staff/ergebnisse/").status_code == 403  # the Admin has no results at all


@pytest.mark.parametrize("people", [4, 5])
def test_released_own_words_appear_only_for_groups_of_k_and_never_open_or_withheld_ones(app, client, signed_in,
                                                                                        people):
    from sqlalchemy import select

    from app.core.db import get_db
    from app.freigabe import operations as freigabe
    from app.workshops.models import WorkshopAntwort

    wid = workshop(app, signed_in["A"], signed_in["hemelingen"], answers(people))
    with app.app_context():
        db = get_db()
        rows = db.scalars(select(WorkshopAntwort).where(WorkshopAntwort.workshop_id == wid)
                          .order_by(WorkshopAntwort.id)).all()
        for row, words in zip(rows, ("Das Essen war lecker.", "Es war zu laut hier.", "Noch offen hier.")):
            row.eigene_worte = words
        db.commit()
        items = {item.text: item for item in freigabe.queue(db, signed_in["A"])}
        freigabe.decide(db, items["Das Essen war lecker."], freigabe.FREIGEGEBEN, None, datetime(2026, 10, 15))
        freigabe.decide(db, items["Es war zu laut hier."], freigabe.ZURUECKGEHALTEN, None, datetime(2026, 10, 15))
        db.commit()
    with freeze_time("2026-10-15 10:00:00"):
        html = client.get(f"/staff/ergebnisse/workshop/{wid}").get_data(as_text=True)
    assert ("Das Essen war lecker." in html) == (people >= 5)
    assert "Es war zu laut hier." not in html and "Noch offen hier." not in html
