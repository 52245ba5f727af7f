"""The staff door of workshops (plain standard German): list, create with an own question checked by the Leichte
Sprache linter, detail with the answer count, the poster, closing early, and a tablet bound to one workshop.

Only Assistenz and Anbieter-Leitung (`lead_workshops`), only for their own Anbieter: every workshop is read through
`staff.scoping`, so a foreign or unknown id is a 404.
"""
from __future__ import annotations

import re
import secrets
from datetime import date, datetime, timedelta, timezone

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request, session, url_for
from flask_babel import format_date
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..core.clock import ZONE, today
from ..core.db import commit, get_db, utcnow
from ..sozialraum import operations as sozialraum_operations
from ..sprache.i18n import _, _l
from ..sprache.linter import check_text
from ..staff import operations as staff
from ..staff.permissions import may, requires
from ..staff.scoping import scoped, scoped_get
from ..tablet import operations as tablet
from ..ui.forms import ConfirmForm, MitredenForm, OneChoiceField, clean_text
from ..ui.qr import qr_svg
from . import codes, fragen, operations
from .models import Workshop, WorkshopAntwort

bp = Blueprint("workshops_staff", __name__, url_prefix="/staff/workshops")

# How many days the last day of a workshop may lie after its first: longer is a typo, and answers count by quarter.
MAX_DAYS_AFTER = 31

# The kinds of answer an own question may have (an own list of choices would need pictograms of its own).
OWN_KINDS = {fragen.FACES: _l("Gesichter: gut, geht so, nicht gut"), fragen.YES_NO: _l("Ja, etwas, nein"),
             fragen.WORDS: _l("Eigene Worte (freiwillig)")}

# What each rule of the linter means, for staff who do not know its rule names (the linter's advice is terse).
RULES = {
    "LANGER_SATZ": _l("Der Satz ist zu lang. In Leichter Sprache hat ein Satz höchstens 12 Wörter."),
    "ZWEI_INFORMATIONSEINHEITEN": _l("Der Satz sagt zwei Dinge auf einmal. Schreiben Sie zwei kurze Sätze, "
                                     "jeden in eine eigene Zeile."),
    "EIN_SATZ_PRO_ZEILE": _l("In einer Zeile stehen mehrere Sätze. Beginnen Sie jeden Satz in einer neuen Zeile."),
    "LANGES_WORT": _l("Das Wort „%(wort)s“ ist sehr lang. Trennen Sie ein zusammengesetztes Nomen mit einem "
                      "Mediopunkt (Sozial·raum) oder nehmen Sie ein kürzeres Wort."),
    "MEDIOPUNKT": _l("Der Mediopunkt in „%(wort)s“ hilft hier nicht: nur lange zusammengesetzte Nomen bekommen "
                     "einen. Schreiben Sie das Wort ohne Mediopunkt."),
    "ABKUERZUNG": _l("Die Frage enthält eine Abkürzung wie „z. B.“ oder „bzw.“. Schreiben Sie das Wort aus."),
    "VERNEINUNG": _l("Die Frage enthält eine Verneinung wie „nicht“ oder „kein“. Fragen Sie positiv, "
                     "zum Beispiel „Wie gefällt Ihnen …?“."),
    "KONJUNKTIV": _l("Die Frage steht im Konjunktiv (würde, hätte, könnte). Schreiben Sie direkt: kann, hat, ist."),
    "GENITIV": _l("Die Frage enthält einen Genitiv wie „des Treffens“. Schreiben Sie „von dem Treffen“."),
    "PRAETERITUM": _l("Die Frage steht im Präteritum (war, hatte, ging). Schreiben Sie im Präsens oder Perfekt: "
                      "„ist“, „hat gemacht“."),
    "ROEMISCHE_ZAHL": _l("Die Frage enthält eine römische Zahl. Schreiben Sie Ziffern: 2 statt II."),
    "ZAHLWOERTER": _l("Eine Zahl ist als Wort geschrieben. Schreiben Sie Ziffern: 7 statt sieben."),
    "ZAHLEN": _l("Die Frage enthält eine große Zahl, eine Kommazahl oder Prozent. Schreiben Sie „viele“, "
                 "„wenige“ oder „die Hälfte“."),
    "DATUM": _l("Ein Datum steht nur in Ziffern. Schreiben Sie den Monat aus: 21. November 2026."),
    "VON_BIS": _l("Eine Spanne steht mit Strich. Schreiben Sie „9 bis 10 Uhr“ statt „9–10“."),
    "SONDERZEICHEN": _l("Die Frage enthält Sonderzeichen, Klammern oder einen Schrägstrich wie in „Nutzer/innen“. "
                        "Lassen Sie sie weg."),
    "QUERVERWEIS": _l("Die Frage verweist auf eine andere Stelle („siehe“). Schreiben Sie alles in die Frage."),
    "FUSSNOTE": _l("Die Frage enthält eine Fußnote. Schreiben Sie alles in den Text."),
    "PASSIV": _l("Die Frage steht im Passiv („wird gemacht“). Schreiben Sie aktiv: Wer macht was?"),
    "ANREDE": _l("Die Frage duzt. Sprechen Sie die Menschen mit „Sie“ an."),
}


def explain(text: str) -> list[str]:
    """Every Leichte Sprache finding in an own question, each explained for staff (none: the question may be used)."""
    found = []
    for _line, rule, advice in check_text(text):
        word = re.search(r"„([^“]+)“", advice)
        message = RULES.get(rule)
        message = str(message) % {"wort": word.group(1) if word else ""} if message else advice
        if message not in found:
            found.append(message)
    return found


def parse_day(typed: str | None) -> date | None:
    """A day as a date field sends it (2026-11-24) or as people type it (24.11.2026); None if it is neither."""
    typed = (typed or "").strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(typed, pattern).date()
        except ValueError:
            continue
    return None


def _day(message: str):
    """A validator: the field holds a day (kept as text, so the page shows what was typed)."""
    def check(form, field) -> None:
        """Refuse a text that is no day."""
        if parse_day(field.data) is None:
            raise ValidationError(message)
    return check


class WorkshopForm(MitredenForm):
    """A new workshop: title, days, Sozialraum, question set, and an optional own question."""

    titel = StringField(filters=[clean_text], validators=[DataRequired(_l("Bitte geben Sie einen Titel ein.")),
                                    Length(max=120, message=_l("Der Titel darf höchstens 120 Zeichen lang sein."))])
    erster_tag = StringField(validators=[InputRequired(_l("Bitte geben Sie den ersten Tag ein.")), _day(
        _l("Bitte geben Sie den ersten Tag als Datum ein, zum Beispiel 24.11.2026."))])
    letzter_tag = StringField(validators=[InputRequired(_l("Bitte geben Sie den letzten Tag ein.")), _day(
        _l("Bitte geben Sie den letzten Tag als Datum ein, zum Beispiel 25.11.2026."))])
    sozialraum = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie einen Sozialraum."))])
    fragen = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie einen Fragebogen."))])
    eigene_frage = TextAreaField(filters=[clean_text], validators=[Optional(), Length(
        max=200, message=_l("Die eigene Frage darf höchstens 200 Zeichen lang sein."))])
    eigene_art = OneChoiceField(validators=[Optional()])
    # One token per blank form: a second POST of the same form (a double click, a resend) creates nothing new.
    einmal = HiddenField(default=lambda: secrets.token_urlsafe(32), validators=[Optional(), Length(max=64)])

    def validate_erster_tag(self, field) -> None:
        """The first day is at most 2 years ahead (a typo like 2062 is caught; results count by quarter)."""
        first = parse_day(field.data)
        if first and first > years_later(today(), 2):
            raise ValidationError(_("Der erste Tag darf höchstens 2 Jahre in der Zukunft liegen."))

    def validate_letzter_tag(self, field) -> None:
        """The last day is neither before the first day, nor more than 31 days after it, nor already over."""
        first, last = parse_day(self.erster_tag.data), parse_day(field.data)
        if first and last and last < first:
            raise ValidationError(_("Der letzte Tag darf nicht vor dem ersten Tag liegen."))
        if first and last and last > first + timedelta(days=MAX_DAYS_AFTER):
            raise ValidationError(_("Der letzte Tag darf höchstens 31 Tage nach dem ersten Tag liegen."))
        if last and last < today():
            raise ValidationError(_("Der letzte Tag ist schon vorbei. Bitte wählen Sie heute oder einen späteren Tag."))

    def validate_eigene_frage(self, field) -> None:
        """An own question is used only when the Leichte Sprache linter finds nothing in it: one error per finding."""
        field.errors.extend(_("Eigene Frage: %(befund)s", befund=finding) for finding in explain(field.data or ""))

    def validate(self, extra_validators=None) -> bool:
        """Validate every field; an own question also needs a kind of answer (checked here: the kind is optional)."""
        valid = super().validate(extra_validators)
        if self.eigene_frage.data and not self.eigene_art.data:
            self.eigene_art.errors.append(_("Bitte wählen Sie, wie die Menschen auf Ihre eigene Frage antworten."))
            return False
        return valid


def years_later(day: date, years: int) -> date:
    """The same day some years later (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _user():
    """The signed-in staff member."""
    return current_user._get_current_object()


def _workshop(workshop_id: int) -> Workshop:
    """A workshop of the staff member's Anbieter; a foreign or unknown id is a 404."""
    workshop = scoped_get(get_db(), Workshop, workshop_id, _user())
    if workshop is None:
        abort(404)
    return workshop


def _sozialraum_names(db) -> dict[int, str]:
    """The names of every Sozialraum, by id."""
    return {raum.id: raum.name for raum in sozialraum_operations.every(db)}


def _set_titles() -> dict[str, str]:
    """The title of every question set, in the page's language."""
    return {key: fragen.question_set(key).titel for key in fragen.set_keys()}


def state(workshop: Workshop) -> str:
    """Where a workshop stands today: not yet open, open, or over (after its last day or closed early)."""
    if workshop.geschlossen_am is not None or today() > workshop.letzter_tag:
        return "vorbei"
    return "offen" if operations.is_open(workshop, today()) else "bald"


@bp.get("/")
@requires("lead_workshops")
def liste():
    """The workshops of the staff member's Anbieter, newest first."""
    db = get_db()
    query = scoped(select(Workshop), Workshop, _user()).order_by(Workshop.erster_tag.desc(), Workshop.id.desc())
    workshops = list(db.scalars(query))
    return render_template("workshops/staff/liste.html", workshops=workshops, raeume=_sozialraum_names(db),
                           state=state, shown=codes.shown)


@bp.route("/neu", methods=["GET", "POST"])
@requires("lead_workshops")
def neu():
    """Create a workshop in one of the Sozialräume the Anbieter works in."""
    db, user = get_db(), _user()
    names = _sozialraum_names(db)
    raeume = [(str(i), names[i]) for i in staff.sozialraeume_of(db, user.anbieter_id) if i in names]
    form = WorkshopForm()
    form.sozialraum.choices = raeume
    form.fragen.choices = list(_set_titles().items())
    form.eigene_art.choices = [(key, str(label)) for key, label in OWN_KINDS.items()]
    if raeume and form.validate_on_submit():
        return redirect(url_for("workshops_staff.detail", workshop_id=_create(form, user).id))
    return render_template("workshops/staff/neu.html", form=form, raeume=raeume)


def _create(form: WorkshopForm, user) -> Workshop:
    """The workshop of this form: created once; a second POST of the same form finds the first one."""
    db, token = get_db(), form.einmal.data or None
    earlier = operations.created_by_form(db, token)
    if earlier is not None and earlier.anbieter_id == user.anbieter_id:
        return earlier
    if earlier is not None:
        token = None  # another Anbieter's token (never by chance): create, but without it
    try:
        workshop = operations.create_workshop(
            db, anbieter_id=user.anbieter_id, sozialraum_id=int(form.sozialraum.data), titel=form.titel.data,
            fragen=form.fragen.data, erster_tag=parse_day(form.erster_tag.data),
            letzter_tag=parse_day(form.letzter_tag.data), now=utcnow(), eigene_frage=form.eigene_frage.data or None,
            eigene_art=form.eigene_art.data or None, form_token=token)
        staff.audit(db, user.id, "workshop_created", f"workshop:{workshop.id}",
                    f"{workshop.titel}, {workshop.erster_tag.isoformat()} bis {workshop.letzter_tag.isoformat()}")
        commit()
    except IntegrityError:
        # The same form sent twice at once: the other request created the workshop.
        db.rollback()
        earlier = operations.created_by_form(db, token)
        if earlier is None or earlier.anbieter_id != user.anbieter_id:
            raise
        return earlier
    return workshop


@bp.get("/pruefen")
@requires("lead_workshops")
def pruefen():
    """The linter's findings on an own question while it is typed (JSON for the page's script; the form checks too)."""
    text = clean_text(request.args.get("frage", ""))[:400]
    findings = explain(text) if text else []
    if not text:
        summary = ""
    elif findings:
        summary = _("Die eigene Frage ist noch nicht in Leichter Sprache. Das können Sie ändern:")
    else:
        summary = _("Die Frage passt zu den Regeln für Leichte Sprache.")
    return jsonify({"ok": not findings, "zusammenfassung": summary, "befunde": findings})


def answer_count(workshop: Workshop) -> int:
    """How many people answered a workshop."""
    return get_db().scalar(select(func.count(WorkshopAntwort.id)).where(WorkshopAntwort.workshop_id == workshop.id))


def count_shown(count: int, k: int) -> str:
    """A count as staff may see it: 1 to k−1 people only as „weniger als k“ (the rule of privacy.k)."""
    return _("weniger als %(k)s", k=k) if 0 < count < k else str(count)


def local(moment: datetime) -> datetime:
    """A stored UTC time in Berlin time, as staff read clocks."""
    return moment.replace(tzinfo=timezone.utc).astimezone(ZONE)


@bp.get("/<id:workshop_id>")
@requires("lead_workshops")
def detail(workshop_id: int):
    """A workshop: how many answered, until when, its code, the poster, a tablet for it, closing it."""
    workshop = _workshop(workshop_id)
    db = get_db()
    return render_template(
        "workshops/staff/detail.html", workshop=workshop, state=state(workshop), code=codes.shown(workshop.code),
        anzahl=count_shown(answer_count(workshop), current_app.config["K_MIN"]),
        raum=_sozialraum_names(db).get(workshop.sozialraum_id, ""), set_titel=_set_titles().get(workshop.fragen, ""),
        kinds=OWN_KINDS, closed=local(workshop.geschlossen_am) if workshop.geschlossen_am else None,
        form=tablet_form({"modus": str(tablet.MINUTES[0]), "dauer": tablet.END_OF_DAY}),
        join=join_url(workshop.code))


@bp.route("/<id:workshop_id>/beenden", methods=["GET", "POST"])
@requires("lead_workshops")
def beenden(workshop_id: int):
    """Ask (GET), then close a workshop early (POST): answers stop at once. Audited; closing twice changes nothing."""
    workshop = _workshop(workshop_id)
    form = ConfirmForm()
    if state(workshop) != "vorbei" and form.validate_on_submit():
        workshop.geschlossen_am = utcnow()
        staff.audit(get_db(), _user().id, "workshop_closed", f"workshop:{workshop.id}", workshop.titel)
        commit()
        return redirect(url_for("workshops_staff.detail", workshop_id=workshop.id))
    if request.method == "POST" and state(workshop) == "vorbei":
        return redirect(url_for("workshops_staff.detail", workshop_id=workshop.id))
    return render_template("workshops/staff/beenden.html", workshop=workshop, form=form)


class TabletWorkshopForm(MitredenForm):
    """Tablet mode for one workshop: the waiting time before „Sind Sie noch da?“ and how long it lasts."""

    modus = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Antwort."))])
    dauer = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie, wie lange der Tablet-Modus an bleibt."))])


def tablet_form(data: dict | None = None) -> TabletWorkshopForm:
    """The tablet form with the waiting times and durations of the tablet settings page."""
    form = TabletWorkshopForm(data=data)
    form.modus.choices = [(str(m), _l("An: neu anfangen nach %(minuten)s Minuten ohne Tippen", minuten=m))
                          for m in tablet.MINUTES]
    form.dauer.choices = [(value, _l("Bis zum Ende des Tages") if value == tablet.END_OF_DAY
                           else _l("%(stunden)s Stunden", stunden=value)) for value in tablet.DURATIONS]
    return form


@bp.post("/<id:workshop_id>/tablet")
@requires("lead_workshops")
def tablet_modus(workshop_id: int):
    """Give this device to the workshop: tablet mode bound to the Anbieter and this workshop, then sign out here."""
    workshop, user = _workshop(workshop_id), _user()
    if not may(user.role, "run_tablet"):
        abort(403)
    form = tablet_form()
    if not form.validate_on_submit():
        return redirect(url_for("workshops_staff.detail", workshop_id=workshop.id))
    binding = tablet.switch_on(get_db(), user, session, int(form.modus.data), form.dauer.data,
                               datetime.now().astimezone(), workshop_id=workshop.id)
    commit()
    response = redirect("/treffen")
    tablet.set_cookie(response, binding)
    return response


def join_url(code: str) -> str:
    """The address the QR code leads to: the Nutzer:in's door of this workshop, on the address staff use."""
    return f"{request.url_root.rstrip('/')}/treffen/{code}"


def days_said(workshop: Workshop) -> str:
    """The days of a workshop as the poster says them in Leichte Sprache: „Am 24. November 2026“."""
    first, last = (format_date(day, "long") for day in (workshop.erster_tag, workshop.letzter_tag))
    return _("Am %(tag)s", tag=first) if first == last else _("Vom %(von)s bis %(bis)s", von=first, bis=last)


@bp.get("/<id:workshop_id>/plakat")
@requires("lead_workshops")
def plakat(workshop_id: int):
    """The A4 poster in Leichte Sprache: big code, QR code, the address in text, pictograms."""
    workshop = _workshop(workshop_id)
    return render_template("workshops/plakat.html", workshop=workshop, code=codes.shown(workshop.code),
                           qr=qr_svg(join_url(workshop.code)), tage=days_said(workshop),
                           adresse=f"{request.host}{request.script_root}/treffen")
