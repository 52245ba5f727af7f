"""The audit log for the Admin: newest first, 50 entries a page, actions in German words, local time.
The log holds no password, code or token (operations.audit is never given one), so nothing is hidden here."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from flask import render_template, request
from sqlalchemy import func, select

from ..core.db import get_db
from ..sozialraum import operations as sozialraum_operations
from ..sprache.i18n import _, _l
from .models import Anbieter, AuditEntry, StaffUser
from .permissions import requires
from .views import bp

PER_PAGE = 50
# Mitreden runs in German cities; the log is stored in UTC and shown in their time.
ZONE = ZoneInfo("Europe/Berlin")

# Every action the code writes (a test checks that each audit call in any room of app/ has a name here).
ACTION_NAMES = {
    "sign_in": _l("Angemeldet"),
    "sign_out": _l("Abgemeldet"),
    "password_accepted": _l("Passwort richtig, zweiter Faktor folgt"),
    "sign_in_failed": _l("Anmeldung fehlgeschlagen"),
    "sign_in_locked": _l("Anmeldung gesperrt: zu viele Versuche"),
    "second_factor_failed": _l("Code des zweiten Faktors falsch"),
    "second_factor_set": _l("Zweiten Faktor eingerichtet"),
    "second_factor_reset": _l("Zweiten Faktor zurückgesetzt"),
    "second_factor_replaced": _l("Zweiten Faktor ersetzt"),
    "second_factor_removed": _l("Zweiten Faktor ausgeschaltet"),
    "recovery_codes_renewed": _l("Neue Wiederherstellungscodes erzeugt"),
    "current_password_failed": _l("Aktuelles Passwort falsch eingegeben"),
    "password_changed": _l("Eigenes Passwort geändert"),
    "recovery_code_used": _l("Wiederherstellungscode benutzt"),
    "password_set": _l("Passwort festgelegt"),
    "link_created": _l("Einmal-Link erzeugt"),
    "account_created": _l("Konto angelegt"),
    "account_changed": _l("Konto ein- oder ausgeschaltet"),
    "role_changed": _l("Rolle geändert"),
    "anbieter_created": _l("Anbieter angelegt"),
    "anbieter_renamed": _l("Anbieter umbenannt"),
    "anbieter_sozialraeume": _l("Sozialräume eines Anbieters festgelegt"),
    "anbieter_deleted": _l("Anbieter gelöscht"),
    "sozialraum_changed": _l("Sozialraum ein- oder ausgeschaltet"),
    "tablet_on": _l("Tablet-Modus eingeschaltet"),
    "tablet_off": _l("Tablet-Modus ausgeschaltet"),
    "words_released": _l("Eigene Worte freigegeben"),
    "words_withheld": _l("Eigene Worte zurückgehalten"),
    "workshop_created": _l("Workshop angelegt"),
    "workshop_closed": _l("Workshop beendet"),
}


def page_number(value: str | None, pages: int) -> int:
    """The page asked for in the query string; anything else (not a number, 0, past the end) is page 1."""
    if not re.fullmatch(r"[1-9][0-9]{0,8}", value or "") or int(value) > pages:
        return 1
    return int(value)


def local_time(moment: datetime) -> str:
    """A stored UTC time as local date and time."""
    return moment.replace(tzinfo=timezone.utc).astimezone(ZONE).strftime("%d.%m.%Y %H:%M:%S")


def _target_names(db, entries) -> dict[str, str]:
    """Readable names for the targets of these entries (account, Anbieter, Sozialraum), by target string."""
    wanted: dict[str, set[int]] = {"staff": set(), "anbieter": set(), "sozialraum": set()}
    for entry in entries:
        kind, _sep, number = entry.target.partition(":")
        if kind in wanted and number.isdigit():
            wanted[kind].add(int(number))
    names = {f"staff:{i}": login for i, login in
             db.execute(select(StaffUser.id, StaffUser.login_name).where(StaffUser.id.in_(wanted["staff"])))}
    names.update({f"anbieter:{i}": _("Anbieter %(name)s", name=name) for i, name in
                  db.execute(select(Anbieter.id, Anbieter.name).where(Anbieter.id.in_(wanted["anbieter"])))})
    names.update({f"sozialraum:{raum.id}": _("Sozialraum %(name)s", name=raum.name)
                  for raum in sozialraum_operations.every(db) if raum.id in wanted["sozialraum"]})
    for number in wanted["anbieter"]:  # a deleted Anbieter: its name is in the detail of `anbieter_deleted`
        names.setdefault(f"anbieter:{number}", _("gelöschter Anbieter (Nr. %(id)s)", id=number))
    for entry in entries:  # own words of the review queue (app/freigabe): where they are, never their text
        source, _sep, number = entry.target.removeprefix("freigabe:").partition(":")
        if entry.target.startswith("freigabe:") and number.isdigit():
            names[entry.target] = (_("Eigene Worte einer Workshop-Antwort (Nr. %(id)s)", id=number)
                                   if source == "workshop" else _("Eigener Wunsch in „Was ich will“ (Nr. %(id)s)",
                                                                  id=number))
    names["unbekannt"] = _("unbekannter Anmeldename")
    return names


@bp.get("/protokoll")
@requires("view_audit_log")
def protokoll():
    """The audit log, newest first, one page of 50 entries."""
    db = get_db()
    total = db.scalar(select(func.count(AuditEntry.id)))
    pages = max(1, -(-total // PER_PAGE))
    page = page_number(request.args.get("seite"), pages)
    entries = list(db.scalars(select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                              .offset((page - 1) * PER_PAGE).limit(PER_PAGE)))
    actors = dict(db.execute(select(StaffUser.id, StaffUser.login_name)
                             .where(StaffUser.id.in_({e.actor_id for e in entries if e.actor_id}))).all())
    targets = _target_names(db, entries)
    rows = [{"at": local_time(e.at), "actor": actors.get(e.actor_id) if e.actor_id else None,
             "action": ACTION_NAMES.get(e.action, e.action), "target": targets.get(e.target, e.target),
             "detail": e.detail} for e in entries]
    return render_template("staff/protokoll.html", rows=rows, page=page, pages=pages)
