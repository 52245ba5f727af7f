"""Switching tablet mode on and off as signed-in staff, for the tablet tests."""
from __future__ import annotations

from app.staff.models import ASSISTENZ
from tests.staff.helpers import make_anbieter, make_user, sign_in


def staff_member(app, login_name: str = "assistenz-a", anbieter: str = "Anbieter A", role: str = ASSISTENZ) -> int:
    """An Assistenz (or another role) of a new Anbieter; returns the Anbieter's id."""
    anbieter_id = make_anbieter(app, anbieter)
    make_user(app, login_name, role, anbieter_id)
    return anbieter_id


def tablet_on(client, app, minutes: str = "5", dauer: str = "tag") -> int:
    """Sign in as a new Assistenz and switch tablet mode on; returns the bound Anbieter's id."""
    anbieter_id = staff_member(app)
    sign_in(client, "assistenz-a")
    response = client.submit("/tablet/", {"modus": minutes, "dauer": dauer})
    assert response.status_code == 302 and response.headers["Location"].endswith("/")
    return anbieter_id
