"""Small groups never shown: the one function every table of counts passes on its way to a staff page.

The rules, for a group threshold k (K_MIN, default 5):
- A table whose group has fewer than k people is not shown at all (`protect` returns None).
- A line whose counts add up to its people (a single-choice question: each person in exactly one cell) and
  whose people are fewer than k is hidden whole, its total too.
- A count of 1 to k−1 is shown only as „weniger als k“ (primary suppression).
- In a line that adds up, the total is shown; so one hidden count could be worked out from the total and the
  other counts. Further counts of the line are hidden (secondary suppression, the smallest first) until no
  hidden small count can be worked out by anyone who knows these rules. If that is impossible, the whole
  line is hidden.
- Lines that do not add up (several choices per person) have no total to subtract from: only primary.

What a reader can know of a hidden count, and what `_possible` assumes of them: a small one lies in 1..k−1;
a secondary one is 0, or at least k and at most the smallest count still shown in its line (it was chosen as
the smallest); all hidden counts of a line add up to its total minus the shown counts.
Zeros are shown: nobody in a cell exposes no one.

Which groupings and periods are shown (fixed, never free filtering, so no table is the difference of two
others) is decided where the tables are built; this module protects each table on its own.
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
    if table.people < k:
        return None
    return SafeTable(table.columns, tuple(_protect_line(line, k) for line in table.lines), table.people, k)


def _protect_line(line: Line, k: int) -> SafeLine:
    """Primary suppression, and secondary suppression for a line that adds up."""
    if line.people is None:
        cells = tuple(Cell(None, SMALL) if 0 < count < k else Cell(count) for count in line.counts)
        return SafeLine(line.label, cells, None, False)
    if sum(line.counts) != line.people:
        raise ValueError(f"Die Zeile „{line.label}“ ergibt nicht {line.people}.")
    if line.people < k:
        return SafeLine(line.label, tuple(Cell(None, COVERED) for _ in line.counts), None, True)
    small = {i for i, count in enumerate(line.counts) if 0 < count < k}
    covered: set[int] = set()
    while small and not _safe(line.counts, small, covered, k):
        shown = [i for i in range(len(line.counts)) if i not in small | covered]
        if not shown:
            return SafeLine(line.label, tuple(Cell(None, COVERED) for _ in line.counts), None, True)
        covered.add(min(shown, key=lambda i: (line.counts[i], i)))
    cells = tuple(Cell(None, SMALL) if i in small else Cell(None, COVERED) if i in covered else Cell(count)
                  for i, count in enumerate(line.counts))
    return SafeLine(line.label, cells, line.people, True)


def _safe(counts: tuple[int, ...], small: set[int], covered: set[int], k: int) -> bool:
    """Whether every small count of the line could still be at least 2 different numbers."""
    shown = {i: count for i, count in enumerate(counts) if i not in small | covered}
    rest = sum(counts) - sum(shown.values())
    ranges = {i: [(1, k - 1)] for i in small}
    for i in covered:
        top = _covered_top(i, shown, rest)
        ranges[i] = [(0, 0), (k, top)] if top >= k else [(0, 0)]
    return all(_count(_possible(i, ranges, rest)) >= 2 for i in small)


def _covered_top(cell: int, shown: dict[int, int], rest: int) -> int:
    """The most a covered count can be: it was chosen as the smallest shown one (the first of equal ones)."""
    return min([count if cell < i else count - 1 for i, count in shown.items()] + [rest])


def _possible(cell: int, ranges: dict[int, list[tuple[int, int]]], rest: int) -> list[tuple[int, int]]:
    """The values a reader who knows the rules can still think the hidden cell has."""
    others = [(0, 0)]
    for i, own in ranges.items():
        if i != cell:
            others = _merge([(a + c, min(b + d, rest)) for a, b in others for c, d in own if a + c <= rest])
    needed = _merge([(rest - b, rest - a) for a, b in others])
    return _merge([(max(a, c), min(b, d)) for a, b in ranges[cell] for c, d in needed if max(a, c) <= min(b, d)])


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Integer intervals, sorted, overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _count(intervals: list[tuple[int, int]]) -> int:
    """How many integers the intervals hold."""
    return sum(b - a + 1 for a, b in intervals)
