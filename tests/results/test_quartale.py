"""Quarters never break a page: any day a form or the database can hold has a quarter with a last day, and a quarter
in a URL is a year from 2000 to 2099 in ASCII digits or a 404 (review of issue 9, R1 and R2)."""
from __future__ import annotations

from datetime import date

import pytest

from app.results import quartale
from tests.results.helpers import answers, become, workshop, world


def test_only_ascii_years_of_this_century_are_quarters_in_a_url():
    assert quartale.parse("2026-3") == quartale.Quartal(2026, 3)
    assert quartale.parse("2000-1") and quartale.parse("2099-4")
    for odd in ("0000-1", "9999-4", "1999-4", "2100-1", "２０２６-3", "٢٠٢٦-3", "2026-٣", "2026-3\n"):
        assert quartale.parse(odd) is None, odd


@pytest.mark.parametrize("day", [date.min, date(1, 12, 31), date(2026, 12, 31), date(9999, 10, 1), date.max])
def test_every_day_has_a_quarter_with_a_first_and_last_day(day):
    quarter = quartale.of_day(day)
    assert quarter.first <= day <= quarter.last
    assert not quarter.ended(day) and quarter.ended(date.max) == (quarter.last < date.max)
    assert quartale.of_day(date.max).last == date.max and quartale.of_day(date.max).months[-1] == "9999-12"


def test_stored_months_in_other_digits_or_of_year_0_are_no_quarter():
    assert quartale.of_month("2026-07") == quartale.Quartal(2026, 3)
    assert quartale.of_month("٢٠٢٦-07") is None and quartale.of_month("0000-05") is None


def test_a_far_future_workshop_and_odd_quarters_never_give_a_500(app, client):
    people = world(app)
    raum = people["hemelingen"]
    workshop(app, people["A"], raum, answers(6), tage=(date(9999, 12, 1), date(9999, 12, 31)))
    become(client, people, "traeger")
    assert client.get("/staff/ergebnisse/").status_code == 200
    for quartal in ("0000-1", "9999-4", "２０２６-3"):
        for page in ("willen", "workshops"):
            assert client.get(f"/staff/ergebnisse/sozialraum/{raum}/{quartal}/{page}").status_code == 404, quartal
    become(client, people, "leitung-a")
    assert client.get("/staff/ergebnisse/").status_code == 200
    for quartal in ("0000-1", "9999-4"):
        assert client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/{quartal}").status_code == 404
