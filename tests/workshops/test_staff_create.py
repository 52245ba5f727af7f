"""Creating a workshop: a double click creates one workshop, and its days stay within sensible limits."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from app.workshops import operations
from app.workshops.staff import years_later
from tests.conftest import CheckingClient
from tests.staff.helpers import sign_in
from tests.workshops.test_staff import form, workshops_named, world  # noqa: F401 (world is a fixture)


def form_token(client) -> str:
    """The one-time token of a blank „Neuer Workshop“ form."""
    page = client.get("/staff/workshops/neu").get_data(as_text=True)
    return re.search(r'name="einmal" type="hidden" value="([^"]+)"', page).group(1)


def test_the_same_form_sent_twice_creates_one_workshop(app, client, world):
    sign_in(client, "leitung-a")
    token = form_token(client)
    first = client.submit("/staff/workshops/neu", form(world, einmal=token))
    second = client.submit("/staff/workshops/neu", form(world, einmal=token))
    [workshop] = workshops_named(app, "Leben, wie ich will!")
    assert first.headers["Location"] == second.headers["Location"]
    assert first.headers["Location"].endswith(f"/staff/workshops/{workshop.id}")
    assert client.get(second.headers["Location"]).status_code == 200


def test_two_blank_forms_create_two_workshops(app, client, world):
    sign_in(client, "leitung-a")
    tokens = {form_token(client), form_token(client)}
    assert len(tokens) == 2, "every blank form has its own token"
    for token in tokens:
        assert client.submit("/staff/workshops/neu", form(world, einmal=token)).status_code == 302
    assert len(workshops_named(app, "Leben, wie ich will!")) == 2


def test_another_anbieters_token_never_leads_to_their_workshop(app, client, world):
    sign_in(client, "leitung-a")
    token = form_token(client)
    client.submit("/staff/workshops/neu", form(world, einmal=token, titel="Von A"))
    other = CheckingClient(app.test_client())
    sign_in(other, "leitung-b")
    response = other.submit("/staff/workshops/neu", form(world, einmal=token, titel="Von B",
                                                          sozialraum=str(world["raeume"][1])))
    [von_a], [von_b] = workshops_named(app, "Von A"), workshops_named(app, "Von B")
    assert response.headers["Location"].endswith(f"/staff/workshops/{von_b.id}") and von_a.id != von_b.id


@pytest.mark.parametrize("erster, letzter, message", [
    (800, 801, "Der erste Tag darf höchstens 2 Jahre in der Zukunft liegen."),
    (0, 32, "Der letzte Tag darf höchstens 31 Tage nach dem ersten Tag liegen."),
    (0, 2_900_000, "Der letzte Tag darf höchstens 31 Tage nach dem ersten Tag liegen."),
    (-10, -1, "Der letzte Tag ist schon vorbei."),
])
def test_workshop_days_stay_within_limits(app, client, world, erster, letzter, message):
    sign_in(client, "leitung-a")
    today = operations.today()
    last = (today + timedelta(days=letzter)) if letzter < 2_000_000 else date(9999, 12, 31)
    response = client.submit("/staff/workshops/neu", form(world, erster_tag=(today + timedelta(days=erster)).isoformat(),
                                                          letzter_tag=last.strftime("%d.%m.%Y")))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page
    assert workshops_named(app, "Leben, wie ich will!") == []


def test_the_longest_workshop_is_31_days_after_its_first_day(app, client, world):
    sign_in(client, "leitung-a")
    today = operations.today()
    response = client.submit("/staff/workshops/neu", form(world, erster_tag=today.isoformat(),
                                                          letzter_tag=(today + timedelta(days=31)).isoformat()))
    assert response.status_code == 302 and len(workshops_named(app, "Leben, wie ich will!")) == 1


def test_years_later_keeps_the_day_or_takes_the_28th():
    assert years_later(date(2026, 5, 3), 2) == date(2028, 5, 3)
    assert years_later(date(2028, 2, 29), 2) == date(2030, 2, 28)
