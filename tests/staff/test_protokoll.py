"""The audit log page: Admin only, newest first, 50 a page, German action names, names instead of ids, local time."""
from __future__ import annotations

import ast
import re
from datetime import datetime, timedelta
from pathlib import Path

from app.core.db import get_db
from app.staff import operations
from app.staff.protokoll import ACTION_NAMES, local_time, page_number
from tests.staff.helpers import PASSWORD, make_anbieter, make_user, user_id
from tests.staff.test_admin_pages import signed_in

ROOT = Path(__file__).resolve().parents[2]


def written_actions() -> dict[str, str]:
    """Every action string passed to an `audit(...)` call in any room of app/, with where it is."""
    found = {}
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name != "audit":
                continue
            action = node.args[2] if len(node.args) > 2 else None
            assert isinstance(action, ast.Constant) and isinstance(action.value, str), \
                f"{path.name}:{node.lineno}: write the action as a string, so it can be checked here"
            found[action.value] = f"{path.name}:{node.lineno}"
    return found


def test_every_action_the_code_writes_has_a_german_name():
    actions = written_actions()
    assert len(actions) >= 18 and {"sign_in", "tablet_on", "role_changed"} <= set(actions)
    missing = {action: where for action, where in actions.items() if action not in ACTION_NAMES}
    assert not missing, f"add these to ACTION_NAMES in app/staff/protokoll.py: {missing}"


def test_names_are_not_left_over():
    assert set(ACTION_NAMES) == set(written_actions()), "an action name for an action nobody writes"


def test_page_numbers_and_local_time():
    assert [page_number(value, 3) for value in (None, "", "abc", "0", "-1", "4", "2", "3", "1.5", "²", "02",
                                                     "9" * 5000)] == [1, 1, 1, 1, 1, 1, 2, 3, 1, 1, 1, 1]
    assert local_time(datetime(2026, 11, 22, 7, 5, 9)) == "22.11.2026 08:05:09"  # winter: UTC+1
    assert local_time(datetime(2026, 7, 1, 22, 30)) == "02.07.2026 00:30:00"  # summer: UTC+2, next day


def add_entries(app, count: int, start: datetime, actor: str | None = None) -> None:
    """`count` audit entries one minute apart (the last is the newest), numbered in their detail."""
    with app.app_context():
        actor_id = operations.find_user(get_db(), actor).id if actor else None
        for number in range(count):
            operations.audit(get_db(), actor_id, "anbieter_renamed", "anbieter:999999", f"Eintrag {number}",
                             start + timedelta(minutes=number))
        get_db().commit()


def details(html: str) -> list[str]:
    """The numbered details on a page, in order."""
    return re.findall(r"Eintrag (\d+)", html)


def test_only_the_admin_reads_the_log(app, client):
    anbieter = make_anbieter(app, "Alpha")
    for login, role, home in (("kim", "assistenz", anbieter), ("leitung", "anbieter_leitung", anbieter),
                              ("lt", "leistungstraeger", None), ("forschung", "evaluation", None)):
        signed_in(app, client, login, role, home)
        assert client.get("/staff/protokoll").status_code == 403, role
        client.post("/staff/abmelden")
    assert client.get("/staff/protokoll").headers["Location"].startswith("/staff/anmelden")
    signed_in(app, client, "chef", "admin")
    assert client.get("/staff/protokoll").status_code == 200
    assert "Das Protokoll lesen" in client.get("/staff/").get_data(as_text=True)


def test_newest_first_fifty_a_page_with_links(app, client):
    signed_in(app, client, "chef", "admin")
    add_entries(app, 120, datetime(2020, 1, 1), actor="chef")  # older than the sign-in entries
    first = client.get("/staff/protokoll").get_data(as_text=True)
    assert "Seite 1 von 3" in first and "Ältere Einträge" in first and "Neuere Einträge" not in first
    numbers = details(first)
    assert first.count("<tr>") == 51  # the head row and 50 entries
    assert numbers == [str(n) for n in range(119, 119 - len(numbers), -1)]  # newest first, after the sign-in rows
    second = client.get("/staff/protokoll?seite=2").get_data(as_text=True)
    assert "Ältere Einträge" in second and "Neuere Einträge" in second and 'href="/staff/protokoll?seite=3"' in second
    assert int(details(second)[0]) == int(numbers[-1]) - 1
    third = client.get("/staff/protokoll?seite=3").get_data(as_text=True)
    assert "Ältere Einträge" not in third and details(third)[-1] == "0"
    for bad in ("abc", "0", "-3", "99", "2.5", "%00", "9" * 5000):
        response = client.get(f"/staff/protokoll?seite={bad}")
        assert response.status_code == 200 and "Seite 1 von 3" in response.get_data(as_text=True), bad


def test_rows_show_names_words_and_never_a_password(app, client):
    anbieter = make_anbieter(app, "Alpha")
    make_user(app, "kim", "assistenz", anbieter)
    client.submit("/staff/anmelden", {"login_name": "kim", "password": "falsch-falsch-falsch"})
    client.submit("/staff/anmelden", {"login_name": "niemand", "password": PASSWORD})
    signed_in(app, client, "chef", "admin")
    with app.app_context():
        db = get_db()
        kim = operations.find_user(db, "kim")
        operations.change_role(db, kim, "anbieter_leitung", anbieter, operations.find_user(db, "chef").id)
        db.commit()
    html = client.get("/staff/protokoll").get_data(as_text=True)
    assert "<caption>" in html and '<th scope="col">Was</th>' in html
    assert "Rolle geändert" in html and "Anmeldung fehlgeschlagen" in html and "Angemeldet" in html
    assert "role_changed" not in html and "sign_in_failed" not in html
    assert "unbekannter Anmeldename" in html and "Anbieter Alpha" in html
    assert f"staff:{user_id(app, 'kim')}" not in html and "<td>kim</td>" in html
    assert '<td class="ganz">chef</td>' in html and '<td class="ganz">Ohne Konto</td>' in html
    assert PASSWORD not in html and "falsch-falsch-falsch" not in html
