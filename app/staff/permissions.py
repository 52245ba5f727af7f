"""Roles × permissions in one table, and the decorator every staff view declares its permission with."""
from __future__ import annotations

from functools import wraps

from flask import abort, g, redirect, request, url_for
from flask_login import current_user

from ..sprache.i18n import _l
from .models import ADMIN, ANBIETER_LEITUNG, ASSISTENZ, EVALUATION, LEISTUNGSTRAEGER

# A staff page anyone may open (sign-in, second factor, sign-up link, sign-out).
PUBLIC = "public"

# The one table: which role may do what. Read it down a column to see everything a role may do.
#                         assistenz  leitung  leistungstr.  evaluation  admin
TABLE = {
    "view_start":          (1,        1,       1,            1,          1),
    "manage_own_account":  (1,        1,       1,            1,          1),
    "run_tablet":          (1,        1,       0,            0,          0),
    "lead_workshops":      (1,        1,       0,            0,          0),
    "view_own_results":    (1,        1,       0,            0,          0),
    "manage_own_staff":    (0,        1,       0,            0,          0),
    "review_words":        (0,        1,       0,            0,          0),
    "view_all_results":    (0,        0,       1,            0,          0),
    "manage_anbieter":     (0,        0,       1,            0,          1),
    "manage_sozialraeume": (0,        0,       1,            0,          1),
    "export_data":         (0,        0,       0,            1,          0),
    "manage_accounts":     (0,        0,       0,            0,          1),
    "view_audit_log":      (0,        0,       0,            0,          1),
}
COLUMNS = (ASSISTENZ, ANBIETER_LEITUNG, LEISTUNGSTRAEGER, EVALUATION, ADMIN)

# What each permission means, for the start page of a role (plain standard German).
DESCRIPTIONS = {
    "view_start": _l("Diese Startseite sehen."),
    "manage_own_account": _l("Das eigene Konto verwalten: Passwort und zweiter Faktor."),
    "run_tablet": _l("Ein Tablet in den Tablet-Modus schalten und Menschen beim Ausfüllen helfen."),
    "lead_workshops": _l("Workshops und Begehungen leiten."),
    "view_own_results": _l("Die Ergebnisse des eigenen Anbieters sehen."),
    "manage_own_staff": _l("Konten für die Mitarbeitenden des eigenen Anbieters anlegen und ändern."),
    "review_words": _l("Eigene Worte aus Workshops und „Was ich will“ prüfen und freigeben."),
    "view_all_results": _l("Die Ergebnisse aller Anbieter nach Sozialraum sehen."),
    "manage_anbieter": _l("Anbieter anlegen und festlegen, in welchen Sozialräumen sie arbeiten."),
    "manage_sozialraeume": _l("Sozialräume verwalten."),
    "export_data": _l("Pseudonymisierte Daten für die Evaluation exportieren."),
    "manage_accounts": _l("Alle Konten und Rollen verwalten."),
    "view_audit_log": _l("Das Protokoll lesen: wer wann was getan hat."),
}

ROLE_NAMES = {
    ASSISTENZ: _l("Assistenz"),
    ANBIETER_LEITUNG: _l("Anbieter-Leitung"),
    LEISTUNGSTRAEGER: _l("Leistungsträger"),
    EVALUATION: _l("Evaluation"),
    ADMIN: _l("Administration"),
}

# Roles that must use a second factor; everyone else is offered one.
SECOND_FACTOR_REQUIRED = frozenset({ADMIN, LEISTUNGSTRAEGER, EVALUATION})
# Roles that belong to exactly one Anbieter.
BELONGS_TO_ANBIETER = frozenset({ASSISTENZ, ANBIETER_LEITUNG})
# Roles that see the data of every Anbieter (scoping.py).
SEES_ALL_ANBIETER = frozenset({LEISTUNGSTRAEGER, ADMIN})


def permissions_of(role: str) -> frozenset[str]:
    """Every permission of a role (none for an unknown role)."""
    if role not in COLUMNS:
        return frozenset()
    column = COLUMNS.index(role)
    return frozenset(name for name, row in TABLE.items() if row[column])


def may(role: str, permission: str) -> bool:
    """Whether a role has a permission."""
    return permission in permissions_of(role)


def return_path() -> str | None:
    """This page's path, to come back to after signing in (None for the start page and POST-only routes)."""
    if request.url_rule is None or "GET" not in request.url_rule.methods or request.path == url_for("staff.start"):
        return None
    return request.path


def requires(permission: str, *alternatives: str):
    """Declare the permission a staff view needs (or any of several); PUBLIC for the sign-in pages.

    Not signed in: to the sign-in page. Signed in without the permission: 403. The permission is
    recorded on the view (`required_permission`), so a test can find any view without one.
    """
    accepted = (permission, *alternatives)
    for name in accepted:
        if (name == PUBLIC and alternatives) or (name != PUBLIC and name not in TABLE):
            raise ValueError(f"unknown permission: {name}")

    def decorator(view):
        """Wrap the view with the check."""

        @wraps(view)
        def wrapper(*args, **kwargs):
            if permission != PUBLIC:
                if not current_user.is_authenticated:
                    # The user loader marks a session that ran out of idle time, so the page can say so.
                    return redirect(url_for("staff.anmelden", abgelaufen=1 if g.get("staff_idle") else None,
                                            next=return_path()))
                if not any(may(current_user.role, name) for name in accepted):
                    abort(403)
            return view(*args, **kwargs)

        wrapper.required_permission = permission if not alternatives else accepted
        return wrapper

    return decorator
