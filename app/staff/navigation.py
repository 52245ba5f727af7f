"""The navigation of the staff pages: one list, shown as far as the signed-in role may use it."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request, url_for

from ..sprache.i18n import _l
from .permissions import may

# Every entry of the staff navigation, in its order: (endpoint, label, permissions — any of them).
# A view's own @requires must accept one of these, so a link never leads to a 403 (tests/staff/test_layout.py).
NAVIGATION = (
    ("staff.start", _l("Start"), ("view_start",)),
    ("staff.anbieter_liste", _l("Anbieter"), ("manage_anbieter",)),
    ("staff.konten", _l("Konten"), ("manage_accounts", "manage_own_staff")),
    ("staff.sozialraeume", _l("Sozialräume"), ("manage_sozialraeume",)),
    ("workshops_staff.liste", _l("Workshops"), ("lead_workshops",)),
    ("results.uebersicht", _l("Ergebnisse"), ("view_own_results", "view_all_results")),
    ("tablet.einstellung", _l("Tablet"), ("run_tablet",)),
    ("freigabe.liste", _l("Freigabe"), ("review_words",)),
    ("staff.protokoll", _l("Protokoll"), ("view_audit_log",)),
    ("staff.mein_konto", _l("Mein Konto"), ("manage_own_account",)),
)


@dataclass(frozen=True)
class Entry:
    """One link of the navigation; `current` is "page" on the page itself, "true" on a page below it."""

    url: str
    label: str
    current: str | None


def entries(role: str) -> list[Entry]:
    """The links a role may use, marking where this request is."""
    found = []
    for endpoint, label, permissions in NAVIGATION:
        if endpoint not in current_app.view_functions or not any(may(role, name) for name in permissions):
            continue
        url = url_for(endpoint)
        below = endpoint != "staff.start" and request.path.startswith(url.rstrip("/") + "/")
        found.append(Entry(url, str(label), "page" if request.path == url else "true" if below else None))
    return found
