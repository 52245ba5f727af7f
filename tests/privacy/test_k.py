"""Small-group suppression: examples, and properties over generated tables.

The property test works out every hidden small count the way a reader who knows the rules would — by trying
every assignment of the hidden counts that fits what the page shows — independently of the module's own
interval arithmetic, and asserts none is pinned to one number.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.privacy.k import COVERED, SMALL, CountTable, Line, protect

K = 5


def shown(line):
    """The cells of a protected line as a reader sees them: numbers, or the hidden marks."""
    return [cell.value if cell.hidden is None else cell.hidden for cell in line.cells]


def test_a_group_smaller_than_k_is_not_shown_at_all():
    assert protect(CountTable(("ja", "nein"), (Line("Frage", (2, 2), 4),), 4), K) is None
    assert protect(CountTable(("ja", "nein"), (Line("Frage", (3, 2), 5),), 5), K) is not None


@pytest.mark.parametrize("k", [4, 5, 6])
def test_counts_below_k_are_hidden_and_the_rest_shown_exactly(k):
    table = protect(CountTable(("a", "b", "c"), (Line("Mehrfach", (k - 1, k, 0)),), 20), k)
    assert shown(table.lines[0]) == [SMALL, k, 0]


def test_one_small_count_in_a_line_that_adds_up_takes_a_second_one_with_it():
    line = protect(CountTable(("gut", "geht so", "nicht gut"), (Line("Wie war es?", (9, 6, 2), 17),), 17),
                   K).lines[0]
    assert shown(line) == [9, COVERED, SMALL] and line.total == 17


def test_two_small_counts_that_fit_only_one_way_are_covered_further():
    # 1 + 1 = 2 left over: both would be 1. Covering the 5 as well leaves 7 to share: 1..4, 1..4 and 0 or 5.
    line = protect(CountTable(("a", "b", "c"), (Line("Frage", (5, 1, 1), 7),), 7), K).lines[0]
    assert shown(line) == [COVERED, SMALL, SMALL]


def test_a_line_whose_people_are_fewer_than_k_is_hidden_whole():
    table = protect(CountTable(("gut", "schlecht"), (Line("Wohnen", (6, 3), 9), Line("Geld", (2, 1), 3)), 12), K)
    assert table.lines[1].hidden_whole and not table.lines[0].hidden_whole


def test_a_line_that_cannot_be_protected_is_hidden_whole():
    # 1 and 5 of 6: covering the 5 leaves 6 to share, 1..4 and 0 or 5 or 6: only 1 + 5 fits.
    line = protect(CountTable(("a", "b"), (Line("Frage", (1, 5), 6),), 6), K).lines[0]
    assert line.hidden_whole and {cell.hidden for cell in line.cells} == {COVERED}
    # 4 and 1 of 5 can stay: 1..4 and 1..4 sharing 5 leaves each 4 possibilities.
    assert shown(protect(CountTable(("a", "b"), (Line("Frage", (4, 1), 5),), 5), K).lines[0]) == [SMALL, SMALL]


def test_counts_that_do_not_add_up_to_the_people_are_refused():
    with pytest.raises(ValueError):
        protect(CountTable(("a", "b"), (Line("Frage", (4, 4), 9),), 9), K)


def reader_possibilities(line, counts, k):
    """Every assignment of the hidden counts a reader who knows the rules cannot rule out."""
    cells = line.cells
    shown_values = {i: cell.value for i, cell in enumerate(cells) if cell.hidden is None}
    rest = line.total - sum(shown_values.values())
    options = []
    for i, cell in enumerate(cells):
        if cell.hidden == SMALL:
            options.append(range(1, k))
        elif cell.hidden == COVERED:
            # Chosen as the smallest shown count (the first of equal ones).
            top = min([v if i < j else v - 1 for j, v in shown_values.items()] + [rest])
            options.append([0, *range(k, top + 1)])
        else:
            options.append([cell.value])
    hidden = [i for i, cell in enumerate(cells) if cell.hidden]
    found = []

    def walk(position, chosen, left):
        if position == len(hidden):
            if left == 0:
                found.append(dict(chosen))
            return
        for value in options[hidden[position]]:
            if value <= left:
                chosen[hidden[position]] = value
                walk(position + 1, chosen, left - value)
        chosen.pop(hidden[position], None)

    walk(0, {}, rest)
    return found


@st.composite
def lines_that_add_up(draw):
    """A single-choice question: 2 to 4 answers, counts 0 to 12."""
    counts = tuple(draw(st.lists(st.integers(0, 12), min_size=2, max_size=4)))
    return counts


@settings(max_examples=400, deadline=None)
@given(counts=lines_that_add_up(), k=st.sampled_from([4, 5, 6]))
def test_no_hidden_small_count_can_be_worked_out(counts, k):
    people = sum(counts)
    table = protect(CountTable(tuple("abcd"[: len(counts)]), (Line("Frage", counts, people),), people), k)
    if people < k:
        assert table is None
        return
    line = table.lines[0]
    values = shown(line)
    assert all(not (0 < v < k) for v in values if isinstance(v, int)), "no small count is shown"
    assert all(v == c for v, c in zip(values, counts) if isinstance(v, int)), "shown counts are true"
    assert all((v == SMALL) == (0 < c < k) for v, c in zip(values, counts) if not line.hidden_whole)
    if line.hidden_whole:
        return
    assert line.total == people
    possible = reader_possibilities(line, counts, k)
    assert {i: c for i, c in enumerate(counts) if line.cells[i].hidden} in possible, "the truth fits"
    for i, cell in enumerate(line.cells):
        if cell.hidden == SMALL:
            assert len({p[i] for p in possible}) >= 2, f"cell {i} of {counts} can be worked out"


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(st.integers(0, 12), min_size=3, max_size=3), min_size=1, max_size=4),
       choices=st.lists(st.integers(0, 30), min_size=1, max_size=5), k=st.sampled_from([4, 5, 6]))
def test_every_line_of_a_bigger_table_follows_the_rules(rows, choices, k):
    people = max([sum(row) for row in rows] + choices + [k])
    lines = tuple(Line(f"Bereich {n}", tuple(row), sum(row)) for n, row in enumerate(rows))
    lines += (Line("Mehrfach", tuple(min(c, people) for c in choices)),)
    table = protect(CountTable(("a", "b", "c", "d", "e")[: max(3, len(choices))], lines, people), k)
    for line, original in zip(table.lines, lines):
        for cell, count in zip(line.cells, original.counts):
            assert cell.value is None or cell.value == count
            assert cell.value is None or not 0 < cell.value < k
        if original.people is not None and original.people < k:
            assert line.hidden_whole and line.total is None
        if original.people is None:
            assert [c.hidden for c in line.cells] == [SMALL if 0 < n < k else None for n in original.counts]
