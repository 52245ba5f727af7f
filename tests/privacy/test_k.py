"""Small-group suppression: examples, and a reader who knows the rules trying every line there is.

The reader sees what a page shows — the group's people, the shown counts and totals, which cells are hidden
and how — and knows the rules of `protect` exactly, including when they cover a further count or hide a line
whole. For every line of a given size and total the reader runs `protect` and keeps the lines that give the
same page. No hidden count may then have only one possible value from 1 to k−1, and no „weniger als k“ only one
possible value at all. The exhaustive test tries every line up to 20 people; hypothesis tries bigger ones.
"""
from __future__ import annotations

import itertools
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.privacy.k import COVERED, SMALL, CountTable, Line, hide_lines, protect

K = 5


def shown(line):
    """The cells of a protected line as a reader sees them: numbers, or the hidden marks."""
    return [cell.value if cell.hidden is None else cell.hidden for cell in line.cells]


def page(counts, k, people=None):
    """What a page shows of one line: cells and total (a line that adds up, or choices of `people`)."""
    lines = (Line("q", tuple(counts), sum(counts) if people is None else None),)
    table = protect(CountTable(tuple("abcdef"[:len(counts)]), lines, people or sum(counts)), k)
    return tuple(shown(table.lines[0])), table.lines[0].total


def splits(total, size):
    """Every line of `size` counts that adds up to `total`."""
    if size == 0:
        yield from [()] if total == 0 else []
        return
    for cuts in itertools.combinations(range(total + size - 1), size - 1):
        bounds = (-1, *cuts, total + size - 1)
        yield tuple(bounds[i + 1] - bounds[i] - 1 for i in range(size))


def pinned(view, worlds, k):
    """The hidden cells a reader could work out from the lines `worlds` that all give the page `view`: those whose
    possible values from 1 to k−1 are exactly one (if it is small, the reader would know how small)."""
    found = []
    for i, mark in enumerate(view[0]):
        if mark in (SMALL, COVERED):
            small = {world[i] for world in worlds} & set(range(1, k))
            if len(small) == 1:
                found.append((i, small))
    return found


def test_a_group_smaller_than_k_is_not_shown_at_all():
    assert protect(CountTable(("ja", "nein"), (Line("Frage", (2, 2), 4),), 4), K) is None
    assert protect(CountTable(("ja", "nein"), (Line("Frage", (3, 2), 5),), 5), K) is not None


def test_k_below_3_is_refused():
    with pytest.raises(ValueError):
        protect(CountTable(("ja", "nein"), (Line("Frage", (3, 2), 5),), 5), 2)


def test_one_small_count_in_a_line_that_adds_up_takes_the_smallest_other_with_it():
    line = protect(CountTable(("gut", "geht so", "nicht gut", "keine"), (Line("Wie war es?", (9, 6, 2, 0), 17),),
                              17), K).lines[0]
    assert shown(line) == [9, COVERED, SMALL, 0] and line.total == 17


@pytest.mark.parametrize("counts", [(5, 1, 1), (1, 1, 5, 6), (4, 4, 4), (4, 4), (5, 1, 0), (1, 5)])
def test_lines_a_reader_of_the_old_rule_could_work_out_are_hidden_whole(counts):
    # The review's examples: 5/1/1 was shown as „verdeckt, weniger als 5, weniger als 5“ — only 5/1/1 fits.
    line = protect(CountTable(tuple("abcd"[:len(counts)]), (Line("Frage", counts, sum(counts)),), sum(counts)),
                   K).lines[0]
    assert line.hidden_whole and {cell.hidden for cell in line.cells} == {COVERED}


def test_two_small_counts_whose_sum_leaves_room_are_shown_as_small():
    line = protect(CountTable(("a", "b", "c"), (Line("Frage", (9, 2, 3), 14),), 14), K).lines[0]
    assert shown(line) == [9, SMALL, SMALL] and line.total == 14


def test_a_line_whose_people_are_fewer_than_k_is_hidden_whole():
    table = protect(CountTable(("gut", "schlecht", "keine"), (Line("Wohnen", (6, 3, 0), 9), Line("Geld", (2, 1, 0), 3)),
                               12), K)
    assert table.lines[1].hidden_whole and shown(table.lines[0]) == [COVERED, SMALL, 0]


@pytest.mark.parametrize("k", [4, 5, 6])
def test_a_choice_is_hidden_when_it_or_the_people_who_did_not_choose_it_are_few(k):
    people = 3 * k
    table = protect(CountTable(tuple("abcde"), (Line("Mehrfach", (k - 1, k, 0, people - 1, people)),), people), k)
    assert shown(table.lines[0]) == [COVERED, k, 0, COVERED, people]


def test_a_choice_is_never_hidden_alone():
    table = protect(CountTable(("a", "b", "c"), (Line("Mehrfach", (5, 5, 4)),), 14), K)
    assert shown(table.lines[0]) == [COVERED, 5, COVERED]  # the 4 takes the next one (the first) with it


def test_hide_lines_hides_the_named_lines_whole():
    table = protect(CountTable(("gut", "schlecht"), (Line("Wohnen", (6, 3), 9), Line("Geld", (5, 5), 10)), 12), K)
    hidden = hide_lines(table, {"Geld"})
    assert hidden.lines[1].hidden_whole and hidden.lines[0] == table.lines[0]


def test_counts_that_do_not_add_up_to_the_people_are_refused():
    with pytest.raises(ValueError):
        protect(CountTable(("a", "b"), (Line("Frage", (4, 4), 9),), 9), K)


@pytest.mark.parametrize("k", [3, 4, 5, 6])
def test_no_line_up_to_20_people_gives_a_hidden_count_away(k):
    found = []
    for size in (2, 3, 4, 5):
        for people in range(k, 21 if size < 5 else 16):
            views = defaultdict(list)
            for world in splits(people, size):
                views[page(world, k)].append(world)
            for view, worlds in views.items():
                found += [(view, worlds, cell) for cell in pinned(view, worlds, k)]
    assert not found, found[:3]


@pytest.mark.parametrize("at_least_one", [False, True], ids=["free", "at-least-one"])
@pytest.mark.parametrize("k", [3, 4, 5, 6])
def test_no_choice_gives_away_a_small_group_of_those_who_chose_it_or_not(k, at_least_one):
    # Every line of 2 to 4 choices; with at_least_one every person chose one or more, so the counts add up to at
    # least the people (life areas, helpers) — a reader who knows that may use it.
    found = []
    for size in (2, 3, 4):
        for people in range(k, 15 if size < 4 else 11):
            views = defaultdict(list)
            for world in itertools.product(range(people + 1), repeat=size):
                if not at_least_one or sum(world) >= people:
                    views[page(world, k, people)].append(world)
            for view, worlds in views.items():
                found += [(view, worlds[:3], cell) for cell in pinned(view, worlds, k)]
                complements = [tuple(people - count for count in world) for world in worlds]
                found += [(view, "not chosen", cell) for cell in pinned(view, complements, k)]
    assert not found, found[:3]


def worlds_like(counts, view, k):
    """The lines a reader cannot tell from `counts`: same shown cells and total, every value of the hidden ones."""
    hidden = [i for i, mark in enumerate(view[0]) if mark in (SMALL, COVERED)]
    rest = sum(counts) - sum(counts[i] for i in range(len(counts)) if i not in hidden)
    for values in splits(rest, len(hidden)):
        world = list(counts)
        for i, value in zip(hidden, values):
            world[i] = value
        if page(world, k) == view:
            yield tuple(world)


@settings(max_examples=150, deadline=None)
@given(counts=st.one_of(st.lists(st.one_of(st.integers(0, 6), st.integers(0, 80)), min_size=2, max_size=3),
                        st.lists(st.integers(0, 14), min_size=4, max_size=4)),
       k=st.sampled_from([4, 5, 6]))
def test_bigger_lines_give_no_hidden_count_away(counts, k):
    people = sum(counts)
    if people < k:
        assert protect(CountTable(tuple("abcd"[:len(counts)]), (Line("q", tuple(counts), people),), people),
                       k) is None
        return
    view = page(counts, k)
    assert all(v == c for v, c in zip(view[0], counts) if isinstance(v, int)), "shown counts are true"
    assert not any(0 < v < k for v in view[0] if isinstance(v, int)), "no small count is shown"
    worlds = list(worlds_like(counts, view, k))
    assert tuple(counts) in worlds, "the truth fits"
    assert not pinned(view, worlds, k)
