"""„Today“ and „this month“ where Mitreden is used (Europe/Berlin), whatever zone the server's clock is set to.

One clock for every date rule: a workshop's days, whether a quarter has ended, and the month a Wille is counted in.
With three clocks (server local, UTC, Berlin) a quarter could end for one rule while another still added to it.
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Berlin")


def now() -> datetime:
    """The current time in Berlin, with its zone."""
    return datetime.now(ZONE)


def today() -> date:
    """Today's date in Berlin."""
    return now().date()


def this_month() -> str:
    """This month in Berlin as a Wille stores it: 2026-11."""
    return now().strftime("%Y-%m")
