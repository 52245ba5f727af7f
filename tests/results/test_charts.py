"""Charts: drawn only from protected tables, the same numbers as their table, hidden cells without a bar."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from freezegun import freeze_time

from app.privacy.k import CountTable, Line, protect
from app.results import charts, quartale
from app.results.staff import render
from tests.results.helpers import answers, become, read, willen, workshop, world


def test_a_results_template_can_only_receive_protected_tables(app):
    raw = CountTable(("ja", "nein"), (Line("Frage", (6, 1), 7),), 7)
    with app.test_request_context():
        for context in ({"tabelle": raw}, {"teile": [("frage", "Titel", raw)]}, {"x": {"y": [raw]}}):
            with pytest.raises(TypeError):
                render("results/staff/willen.html", **context)
    with pytest.raises(TypeError):
        charts.chart("frage", "Titel", raw, "Satz")


def test_every_results_page_is_rendered_through_the_check():
    source = (Path(__file__).resolve().parents[2] / "app" / "results" / "staff.py").read_text()
    calls = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]
    direct = [node for node in calls if getattr(node.func, "id", None) == "render_template"]
    assert len(direct) == 1, "only results.staff.render may call render_template"
    assert sum(getattr(node.func, "id", None) == "render" for node in calls) >= 5


def test_a_chart_of_a_protected_table():
    safe = protect(CountTable(("a", "b", "c"), (Line("x", (10, 5, 2), 17),), 17), 5)
    drawn = charts.chart("frage", "Titel", safe, "Satz")
    bars = drawn.groups[0].bars
    assert [(bar.label, bar.value, bar.hidden) for bar in bars] == [("a", 10, None), ("b", None, "verdeckt"),
                                                                    ("c", None, "klein")]
    assert bars[0].width == charts.LONGEST_BAR and bars[1].width == bars[2].width == 0
    assert [group.height for group in drawn.groups] == [3 * charts.ROW + 4]


def test_quarters():
    q = quartale.parse("2026-3")
    assert (q.first.isoformat(), q.last.isoformat(), q.months) == ("2026-07-01", "2026-09-30",
                                                                   ("2026-07", "2026-08", "2026-09"))
    assert quartale.parse("2026-5") is None and quartale.parse("2026-03") is None and quartale.parse("x") is None
    assert quartale.parse("2026-4").last.isoformat() == "2026-12-31"
    assert not q.ended(q.last) and q.ended(quartale.parse("2026-4").first)
    assert quartale.of_month("2026-10") == quartale.parse("2026-4") and quartale.of_month("2026-13") is None


def pairs(chart_texts: list[str]) -> list[tuple[str, str]]:
    """(label, value) of a chart's texts; group headings (followed by another label) are left out."""
    found, texts = [], list(chart_texts)
    while texts:
        label = texts.pop(0)
        if texts and (re.fullmatch(r"\d+|weniger als \d+|verdeckt", texts[0])):
            found.append((label, texts.pop(0)))
    return found


def numbers_of(table: list[list[str]]) -> list[tuple[str, str]]:
    """(column, value) of a table's cells, in the order the chart draws them (one line, or line by line)."""
    head, *rows = table
    if head[0] == "Antwort":
        return [(row[0], row[1]) for row in rows if row[0] != "Zusammen"]
    columns = [c for c in head[1:] if c != "Zusammen"]
    return [(column, row[1 + i]) for row in rows for i, column in enumerate(columns)]


def test_every_numbers_table_equals_its_chart(app, client):
    with freeze_time("2026-10-15 10:00:00"):
        found = world(app)
        wid = workshop(app, found["A"], found["hemelingen"],
                       answers(17, treffen=["geht-so"] * 5 + ["nicht-gut"] * 2, schwer=[["zu-lang"]]))
        willen(app, 6, anbieter=found["A"], areas=("wohnen", "arbeit"))
        willen(app, 2, anbieter=found["A"], areas=("wohnen", "geld"), jetzt="nicht-gut")
        become(client, found, "leitung-a")
        checked = 0
        for url in (f"/staff/ergebnisse/workshop/{wid}", f"/staff/ergebnisse/anbieter/{found['A']}/willen/2026-3"):
            page = read(client.get(url).get_data(as_text=True))
            assert len(page.tables) == len(page.charts) > 4
            for table, chart in zip(page.tables, page.charts, strict=True):
                assert numbers_of(table) == pairs(chart), url
                checked += 1
        assert checked > 12
