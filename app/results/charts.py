"""Horizontal bar charts drawn on the server: the geometry of an inline SVG for a protected table.

Only a `privacy.k.SafeTable` can become a chart, so a chart never shows more than its table. Each answer gets a
row: its label above, a bar whose length is its count, the count after it. A hidden count gets no bar (its
length would tell it): a small hatched square (a pattern, not only a colour) and its reason in words, drawn by
the template (templates/results/staff/_diagramm.html). A table of several lines (one per life area) becomes a
group of bars per line, all on one scale, each group an SVG of its own: a browser never cuts an SVG between
printed pages, so one long SVG would run off the page. No words are made here: they come from the table and the template.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..privacy.k import SafeTable

WIDTH = 480
# Room after the longest bar for its count or for „weniger als 5“.
LONGEST_BAR = 360
ROW = 46
HEADING = 30


@dataclass(frozen=True)
class Bar:
    """One answer: its label, its count (None when hidden) or why it is hidden, where it stands, how long it is."""

    label: str
    value: int | None
    hidden: str | None
    y: int
    width: int


@dataclass(frozen=True)
class Group:
    """The bars of one line of the table, drawn as an SVG of its own (so a long chart can go over pages);
    `label` only when the table has several lines."""

    label: str | None
    height: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    """A chart and the protected table it shows; `key` makes the ids of its elements unique on the page."""

    key: str
    titel: str
    summary: str
    table: SafeTable
    groups: tuple[Group, ...]
    width: int


def chart(key: str, titel: str, table: SafeTable, summary: str) -> Chart:
    """The chart of a protected table; anything else (a table of raw counts) is refused."""
    if not isinstance(table, SafeTable):
        raise TypeError("Nur eine durch privacy.k.protect geschützte Tabelle wird gezeigt.")
    largest = max((cell.value or 0 for line in table.lines for cell in line.cells), default=0)
    several = len(table.lines) > 1
    groups = []
    for line in table.lines:
        y = HEADING if several else 0
        bars = []
        for column, cell in zip(table.columns, line.cells, strict=True):
            width = max(2, round(LONGEST_BAR * cell.value / largest)) if cell.value else 0
            bars.append(Bar(column, cell.value, cell.hidden, y, width))
            y += ROW
        groups.append(Group(line.label if several else None, y + 4, tuple(bars)))
    return Chart(key, titel, summary, table, tuple(groups), WIDTH)


def most_chosen(table: SafeTable) -> tuple[int, list[tuple[str | None, str]]]:
    """The largest count shown and where it stands: (line label when several lines, column), for the summary."""
    largest = max((cell.value or 0 for line in table.lines for cell in line.cells), default=0)
    several = len(table.lines) > 1
    places = [(line.label if several else None, column) for line in table.lines
              for column, cell in zip(table.columns, line.cells, strict=True) if largest and cell.value == largest]
    return largest, places
