"""One clock for every date rule: Berlin's today and month, whatever zone the server runs in (review P9)."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from types import SimpleNamespace

from freezegun import freeze_time
from sqlalchemy import select

from app.core import clock
from app.core.db import get_db
from app.wille.models import WilleRecord
from app.workshops import operations
from app.workshops.staff import state
from tests.helpers import walk_flow

# New Year's night: 23:30 UTC is already 00:30 on 1 January in Berlin.
NEW_YEAR = "2026-12-31 23:30:00"


def test_today_and_this_month_are_berlins():
    with freeze_time(NEW_YEAR):
        assert clock.today() == date(2027, 1, 1) == operations.today()
        assert clock.this_month() == "2027-01"
    with freeze_time("2026-06-30 21:59:00"):  # summer time: 23:59 in Berlin
        assert clock.today() == date(2026, 6, 30) and clock.this_month() == "2026-06"


def test_a_wille_of_new_years_night_counts_in_january(client, app):
    with freeze_time(NEW_YEAR):
        walk_flow(client, erlaubnis="ja", code="nein")
    with app.app_context():
        assert get_db().scalars(select(WilleRecord.created_month)).all() == ["2027-01"]


def test_staff_see_a_workshop_over_when_its_last_day_is_over_in_berlin():
    workshop = SimpleNamespace(geschlossen_am=None, erster_tag=date(2026, 12, 30), letzter_tag=date(2026, 12, 31))
    with freeze_time(NEW_YEAR):
        assert state(workshop) == "vorbei" and not operations.is_open(workshop, operations.today())
    with freeze_time(datetime(2026, 12, 31, 23, 30) - timedelta(hours=1)):
        assert state(workshop) == "offen"
