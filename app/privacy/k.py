"""Small groups never shown: the one function every table of counts passes on its way to a staff page.

The rules, for a group threshold k (K_MIN, default 5, at least 3). The reader is assumed to know these rules,
the group's number of people (the page says it) and every shown number; what they can still not tell apart is
what protects a person. Each decision below is made so that no hidden count, among all lines that give the same
page, has exactly one possible value from 1 to k−1 (if it is small, which small stays open); a test tries every
line there is (up to 20 people) as such a reader, also knowing that every person chose at least one of several.

- A table whose group has fewer than k people is not shown at all (`protect` returns None).
- A line that adds up (single choice: each person in exactly one cell, „keine Antwort“ always a cell of it):
  - fewer than k people in it: hidden whole, its total too;
  - no count of 1 to k−1: shown whole;
  - one such small count: it is shown as „weniger als k“ and the smallest other count that is not 0 is covered
    (a line that adds up would give the small one away); if even then the reader could tell the small count,
    the line is hidden whole;
  - two or more small counts: shown as „weniger als k“ if their sum is at least 2 more than its least (all 1)
    and 2 less than its most (all k−1), so that it leaves each several values; else the line is hidden whole;
  - zeros are shown: nobody in a cell exposes no one.
- A line of several choices per person (`people` None): each count is a yes/no line of the table's people, so a
  count is hidden when it or the people who did not choose it are 1 to k−1. Such counts all say „verdeckt“:
  where every person must choose at least one (life areas, helpers), the shown counts plus the most a
  „weniger als k“ could be may add up to exactly the people, and that would pin it. When only one count of a
  line is hidden, the next one (in the line's order) is hidden with it.
- A line that adds up with at most k+2 people and any small count is hidden whole: with so few people the
  only lines left to show a pattern of hidden cells would be those where a small count is exactly 1.

Which groupings and periods are shown (fixed, never free filtering, so no table is the difference of two
others) is decided where the tables are built; this module protects each table, and `hide_lines` hides the
lines whose total is a count hidden in another table.
"""
from __future__ import annotations

from dataclasses import dataclass

SMALL = "klein"  # 1 to k−1, shown as „weniger als k“
COVERED = "verdeckt"  # hidden so that a small count cannot be worked out


@dataclass(frozen=True)
class Line:
    """One row of counts. `people` is set when every person of the line is in exactly one cell."""

    label: str
    counts: tuple[int, ...]
    people: int | None = None


@dataclass(frozen=True)
class CountTable:
    """Counts of a group of people, before protection."""

    columns: tuple[str, ...]
    lines: tuple[Line, ...]
    people: int


@dataclass(frozen=True)
class Cell:
    """A count as staff may see it: the number, or why it is hidden."""

    value: int | None
    hidden: str | None = None


@dataclass(frozen=True)
class SafeLine:
    """A protected line: its cells and, for a line that adds up, its total (None when hidden)."""

    label: str
    cells: tuple[Cell, ...]
    total: int | None
    adds_up: bool

    @property
    def hidden_whole(self) -> bool:
        """Whether nothing of this line is shown."""
        return all(cell.hidden for cell in self.cells) and self.total is None


@dataclass(frozen=True)
class SafeTable:
    """A table that may be shown: every small group is hidden and cannot be worked out."""

    columns: tuple[str, ...]
    lines: tuple[SafeLine, ...]
    people: int
    k: int


def protect(table: CountTable, k: int) -> SafeTable | None:
    """The table as staff may see it, or None when its group is smaller than k."""
    if k < 3:
        raise ValueError("K_MIN muss mindestens 3 sein.")
    if table.people < k:
        return None
    lines = tuple(_protect_choices(line, table.people, k) if line.people is None else _protect_line(line, k)
                  for line in table.lines)
    return SafeTable(table.columns, lines, table.people, k)


def hide_lines(table: SafeTable, labels: set[str]) -> SafeTable:
    """The table with these lines hidden whole: their total is a count another table hides."""
    lines = tuple(_whole(line.label, len(line.cells)) if line.label in labels else line for line in table.lines)
    return SafeTable(table.columns, lines, table.people, table.k)


def _protect_choices(line: Line, people: int, k: int) -> SafeLine:
    """Several choices per person: hide a count when it or its complement is 1 to k−1, and never one alone."""
    hidden = {i for i, count in enumerate(line.counts) if 0 < count < k or 0 < people - count < k}
    if len(hidden) == 1:
        hidden.add((min(hidden) + 1) % len(line.counts))
    cells = tuple(Cell(None, COVERED) if i in hidden else Cell(count) for i, count in enumerate(line.counts))
    return SafeLine(line.label, cells, None, False)


def _protect_line(line: Line, k: int) -> SafeLine:
    """A line that adds up: primary suppression, and a covered second count or the whole line hidden."""
    counts, people = line.counts, line.people
    if sum(counts) != people:
        raise ValueError(f"Die Zeile „{line.label}“ ergibt nicht {people}.")
    small = [i for i, count in enumerate(counts) if 0 < count < k]
    if people < k:
        return _whole(line.label, len(counts))
    if not small:
        return _shown(line, set(), set())
    if people <= k + 2:
        return _whole(line.label, len(counts))
    if len(small) >= 2:
        together = sum(counts[i] for i in small)
        if len(small) + 2 <= together <= len(small) * (k - 1) - 2:
            return _shown(line, set(small), set())
        return _whole(line.label, len(counts))
    one = small[0]
    if len(counts) == 2:  # the other count would be the total minus the small one
        return _whole(line.label, 2)
    others = [i for i, count in enumerate(counts) if count and i != one]
    cover = min(others, key=lambda i: (counts[i], i))
    shown = {i: counts[i] for i in others if i != cover}
    rest = counts[one] + counts[cover]
    # The covered count was the smallest other one that is not 0 (the first of equal ones), at least k.
    top = min([count if cover < i else count - 1 for i, count in shown.items()] + [rest - 1])
    if min(top, rest - 1) - max(k, rest - k + 1) < 1:
        return _whole(line.label, len(counts))
    return _shown(line, {one}, {cover})


def _shown(line: Line, small: set[int], covered: set[int]) -> SafeLine:
    """The line with its small counts as „weniger als k“, the covered ones hidden, and its total."""
    cells = tuple(Cell(None, SMALL) if i in small else Cell(None, COVERED) if i in covered else Cell(count)
                  for i, count in enumerate(line.counts))
    return SafeLine(line.label, cells, line.people, True)


def _whole(label: str, size: int) -> SafeLine:
    """A line of which nothing is shown."""
    return SafeLine(label, tuple(Cell(None, COVERED) for _ in range(size)), None, True)


def as_data(table: SafeTable) -> dict:
    """A protected table as plain data (JSON), to be kept and shown again unchanged."""
    return {"columns": list(table.columns), "people": table.people, "k": table.k,
            "lines": [{"label": line.label, "total": line.total, "adds_up": line.adds_up,
                       "cells": [[cell.value, cell.hidden] for cell in line.cells]} for line in table.lines]}


def from_data(data: dict) -> SafeTable:
    """A protected table kept by `as_data`, as it was protected."""
    lines = tuple(SafeLine(line["label"], tuple(Cell(value, hidden) for value, hidden in line["cells"]),
                           line["total"], line["adds_up"]) for line in data["lines"])
    return SafeTable(tuple(data["columns"]), lines, data["people"], data["k"])
