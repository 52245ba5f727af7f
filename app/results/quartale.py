"""Calendar quarters, the fixed periods of results: a quarter is shown only once it has ended."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, order=True)
class Quartal:
    """One calendar quarter, e.g. the 3rd of 2026 (July to September)."""

    jahr: int
    nummer: int

    @property
    def key(self) -> str:
        """How the quarter stands in a URL: 2026-3."""
        return f"{self.jahr}-{self.nummer}"

    @property
    def first(self) -> date:
        """Its first day."""
        return date(self.jahr, 3 * self.nummer - 2, 1)

    @property
    def last(self) -> date:
        """Its last day (31 December without a look at the next year, so the year 9999 has one too)."""
        if self.nummer == 4:
            return date(self.jahr, 12, 31)
        return date(self.jahr, 3 * self.nummer + 1, 1) - timedelta(days=1)

    @property
    def months(self) -> tuple[str, ...]:
        """Its 3 months as stored with a Wille: 2026-07, 2026-08, 2026-09."""
        return tuple(f"{self.jahr}-{month:02d}" for month in range(3 * self.nummer - 2, 3 * self.nummer + 1))

    def ended(self, today: date) -> bool:
        """Whether the quarter is over (no answer can join it any more)."""
        return self.last < today


def parse(text: str) -> Quartal | None:
    """A quarter from its URL form (2026-3), or None; only years 2000 to 2099 in ASCII digits (not „２０２６“)."""
    match = re.fullmatch(r"(20[0-9][0-9])-([1-4])", text or "")
    return Quartal(int(match.group(1)), int(match.group(2))) if match else None


def of_day(day: date) -> Quartal:
    """The quarter a day is in."""
    return Quartal(day.year, (day.month - 1) // 3 + 1)


def of_month(month: str) -> Quartal | None:
    """The quarter of a stored month (2026-07), or None for a malformed one."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})", month or "")
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        return None
    return Quartal(int(match.group(1)), (int(match.group(2)) - 1) // 3 + 1)
