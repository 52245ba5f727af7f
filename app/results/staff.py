"""The results pages for staff (plain standard German): an overview per role and one page per group of tables.

An Anbieter's staff (`view_own_results`) see each own workshop once it is over, and the Willen saved on its
tablets per completed quarter; the Leistungsträger (`view_all_results`) sees per Sozialraum and completed
quarter the workshops across Anbieter and the Willen of the people living there. Never finer. Demo answers
have pages of their own, marked „Beispiel“. Every table passes `privacy.k.protect` here, and `render` refuses
any table that has not (operations → privacy.k → template).
"""
from __future__ import annotations

import dataclasses
from datetime import date

from flask import Blueprint, abort, current_app, render_template
from flask_login import current_user

from ..core import clock
from ..core.db import commit, get_db
from ..freigabe import stats as freigabe_stats
from ..privacy.k import CountTable, SafeLine, SafeTable, hide_lines, protect
from ..sozialraum import stats as sozialraum_stats
from ..sprache.i18n import _
from ..staff.permissions import may, requires
from ..staff.scoping import scoped_anbieter
from ..wille import stats as wille_stats
from ..workshops import stats as workshop_stats
from . import charts, quartale, stand

bp = Blueprint("results", __name__, url_prefix="/staff/ergebnisse")


@dataclasses.dataclass(frozen=True)
class Part:
    """One table of a page: its chart, or None when its group is too small; `words` marks own words (not counted)."""

    key: str
    titel: str
    chart: charts.Chart | None
    words: bool = False
    # Own words released by the Anbieter's staff (groups of at least K_MIN only); never counted.
    released: tuple = ()


def labels() -> dict[str, str]:
    """The words of answers and tables that are not in the content files, in plain German."""
    return {
        "gut": _("Gut"), "geht-so": _("Geht so"), "nicht-gut": _("Nicht gut"),
        "ja": _("Ja"), "etwas": _("Etwas"), "nein": _("Nein"),
        "allein": _("Allein"), "mit-hilfe": _("Mit Hilfe"), "andere": _("Jemand anderes für die Person"),
        "familie": _("Familie"), "freunde": _("Freunde"), "nachbarn": _("Nachbarn"), "assistenz": _("Assistenz"),
        "verein": _("Verein oder Gruppe"), "niemand": _("Niemand"), "bleiben": _("Es soll so bleiben, wie es ist."),
        "keine-antwort": _("keine Antwort"), "wer": _("Wer hat das ausgefüllt?"),
        "bereiche": _("Gewählte Lebensbereiche"), "jetzt": _("Wie es jetzt ist, je Lebensbereich"),
        "helfer": _("Wer helfen kann"),
    }


def render(template: str, **context):
    """Render a results page; a table of counts that has not passed privacy.k.protect is refused."""
    for value in context.values():
        _refuse_unprotected(value)
    return render_template(template, **context)


def _refuse_unprotected(value) -> None:
    """Raise TypeError if a raw CountTable hides anywhere in a value given to a template."""
    if isinstance(value, CountTable):
        raise TypeError("Eine Tabelle muss durch privacy.k.protect, bevor eine Seite sie zeigt.")
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _refuse_unprotected(item)
    elif isinstance(value, dict):
        for item in value.values():
            _refuse_unprotected(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _refuse_unprotected(getattr(value, field.name))


def summary(table: SafeTable) -> str:
    """One sentence that says what the chart shows."""
    largest, places = charts.most_chosen(table)
    several = len(table.lines) > 1
    names = ", ".join(f"„{line}: {column}“" if several else f"„{column}“" for line, column in places)
    values = {"people": table.people, "answers": names, "count": largest}
    if not places:
        return _("%(people)s Menschen haben geantwortet; die einzelnen Zahlen sind verdeckt, weil die Gruppen zu "
                 "klein sind.", **values)
    if several:
        return _("Eine Gruppe von Balken je Lebensbereich, %(people)s Menschen insgesamt; die größte gezeigte Zahl "
                 "ist %(count)s bei %(answers)s.", **values)
    if not table.lines[0].adds_up:
        return _("%(people)s Menschen haben geantwortet und konnten mehrere Antworten wählen; die größte gezeigte "
                 "Zahl ist %(count)s bei %(answers)s.", **values)
    return _("%(people)s Menschen haben geantwortet; die größte gezeigte Zahl ist %(count)s bei %(answers)s.",
             **values)


def parts(counted, prefix: str = "", released: tuple = ()) -> list[Part]:
    """Protect every workshop table (privacy.k) and draw it; own words get their place, with the released ones once."""
    k = current_app.config["K_MIN"]
    found = []
    for key, titel, table in counted:
        html_id = f"{prefix}{key}"
        if table is None:  # own words: never counted; the released ones are shown at the first such place
            found.append(Part(html_id, titel, None, words=True, released=released))
            released = ()
            continue
        found.append(_part(html_id, titel, protect(table, k)))
    return found


def _part(html_id: str, titel: str, safe: SafeTable | None) -> Part:
    """One protected table with its chart (None: its group is too small)."""
    return Part(html_id, titel, charts.chart(html_id, titel, safe, summary(safe)) if safe else None)


def protect_willen(counted: list, k: int) -> stand.Tables:
    """The Willen tables through privacy.k. A life area whose count is hidden hides its line of „how it is now“
    (its total is that count) and its wishes (counted among the people who chose it)."""
    tables = {key: protect(table, k) for key, table in counted}
    areas = tables.get(wille_stats.AREAS)
    hidden = {key for key, cell in zip(areas.columns, areas.lines[0].cells) if cell.value is None} if areas else set()
    if tables.get(wille_stats.NOW):
        tables[wille_stats.NOW] = hide_lines(tables[wille_stats.NOW], hidden)
    for area in hidden:
        if f"{wille_stats.WISHES}-{area}" in tables:
            tables[f"{wille_stats.WISHES}-{area}"] = None
    return [(key, tables[key]) for key, _table in counted]


def shown_areas(tables: stand.Tables) -> set[str]:
    """The keys of the life areas whose count is shown and at least k: own wishes of others say too much."""
    areas = dict(tables).get(wille_stats.AREAS)
    if areas is None:
        return set()
    return {key for key, cell in zip(areas.columns, areas.lines[0].cells) if cell.value and cell.value >= areas.k}


def willen_parts(tables: stand.Tables) -> list[Part]:
    """The protected Willen tables, drawn with the words of the reader's language for their keys."""
    names = labels() | wille_stats.names()
    found = []
    for key, safe in tables:
        if key.startswith(f"{wille_stats.WISHES}-"):
            area = key.removeprefix(f"{wille_stats.WISHES}-")
            titel = _("Gewählte Wünsche im Lebensbereich %(bereich)s", bereich=names.get(area, area))
            found.append(_part(key, titel, _named(safe, names | wille_stats.names(area))))
        else:
            found.append(_part(key, names.get(key, key), _named(safe, names)))
    return found


def _named(safe: SafeTable | None, names: dict[str, str]) -> SafeTable | None:
    """A keyed protected table with words for its columns and lines."""
    if safe is None:
        return None
    lines = tuple(SafeLine(names.get(line.label, line.label), line.cells, line.total, line.adds_up)
                  for line in safe.lines)
    return SafeTable(tuple(names.get(column, column) for column in safe.columns), lines, safe.people, safe.k)


def _today() -> date:
    """Today, for what is over and which quarters have ended."""
    return clock.today()


def _user():
    """The signed-in staff member (the object, not Flask-Login's proxy)."""
    return current_user._get_current_object()


def _ended(quartal: str) -> quartale.Quartal:
    """The quarter of a URL if it has ended; else 404 (an open quarter still changes)."""
    found = quartale.parse(quartal)
    if found is None or not found.ended(_today()):
        abort(404)
    return found


@bp.get("/")
@requires("view_own_results", "view_all_results")
def uebersicht():
    """The overview of one's role: own workshops and quarters, or Sozialräume and quarters."""
    db, user, today = get_db(), _user(), _today()
    if may(user.role, "view_all_results"):
        return render("results/staff/uebersicht_sozialraum.html", raeume=_sozialraum_overview(db, user, today, False),
                      beispiele=_sozialraum_overview(db, user, today, True))
    return render("results/staff/uebersicht_anbieter.html", workshops=workshop_stats.workshops_over(db, user, today),
                  quartale=_wille_quarters(db, user, today, False), beispiel_quartale=_wille_quarters(db, user, today, True))


def _wille_quarters(db, user, today: date, demo: bool) -> list[quartale.Quartal]:
    """The ended quarters with Willen saved on the tablets of the user's Anbieter, the latest first."""
    months = wille_stats.months_with_willen(db, user, anbieter_id=user.anbieter_id, demo=demo)
    found = {quartale.of_month(month) for _raum, month in months}
    if not demo:  # a kept quarter stays listed when its Willen were deleted later
        found |= {quartale.parse(key) for _anbieter, key in stand.quarters(db, anbieter_id=user.anbieter_id)}
    return sorted((q for q in found if q is not None and q.ended(today)), reverse=True)


def _sozialraum_overview(db, user, today: date, demo: bool) -> list[dict]:
    """Per Sozialraum the ended quarters with workshops or Willen, and which of the two each has."""
    found: dict[int, dict[quartale.Quartal, set[str]]] = {}
    for raum, day in workshop_stats.sozialraum_quarters(db, user, demo):
        if (quarter := quartale.of_day(day)).ended(today):
            found.setdefault(raum, {}).setdefault(quarter, set()).add("workshops")
    willen = [(raum, quartale.of_month(month)) for raum, month in wille_stats.months_with_willen(db, user, demo=demo)]
    if not demo:  # a kept quarter stays listed when its Willen were deleted later
        willen += [(raum, quartale.parse(key)) for raum, key in stand.quarters(db)]
    for raum, quarter in willen:
        if raum is not None and quarter is not None and quarter.ended(today):
            found.setdefault(raum, {}).setdefault(quarter, set()).add("willen")
    names = sozialraum_stats.names(db)
    return [{"id": raum, "name": name, "quartale": [(q, found[raum][q]) for q in sorted(found[raum], reverse=True)]}
            for raum, name in names.items() if raum in found]


@bp.get("/workshop/<id:workshop_id>")
@requires("view_own_results")
def workshop(workshop_id: int):
    """One own workshop: every question's table once the workshop is over."""
    db, user, today = get_db(), _user(), _today()
    info = workshop_stats.workshop_info(db, workshop_id, user, today)
    if info is None:
        abort(404)
    counted = workshop_stats.workshop_counts(db, workshop_id, user, today, labels()) if info.over else None
    released = tuple(freigabe_stats.released_words(db, anbieter_id=user.anbieter_id, today=today,
                                                   k_min=current_app.config["K_MIN"], workshop_id=info.id))
    return render("results/staff/workshop.html", workshop=info,
                  teile=parts(counted, released=released) if counted is not None else None,
                  sozialraum=sozialraum_stats.names(db).get(info.sozialraum_id, ""))


def _anbieter_willen(anbieter_id: int, quartal: str, demo: bool):
    """The Willen saved on an Anbieter's tablets in one ended quarter (real or demo ones)."""
    db, user = get_db(), _user()
    anbieter = scoped_anbieter(db, anbieter_id, user)
    if anbieter is None:
        abort(404)
    quarter = _ended(quartal)
    tables = _willen_tables(quarter, demo, anbieter_id=anbieter.id)
    # The own wishes of these Willen reach this page only after release by the Anbieter's staff (the release
    # queue), and only of life areas whose count is shown: four wishes of „Geld“ would tell a hidden 4.
    areas = {wille_stats.names().get(key) for key in shown_areas(tables)}
    released = tuple(word for word in freigabe_stats.released_words(
        db, anbieter_id=anbieter.id, today=_today(), k_min=current_app.config["K_MIN"],
        quarter=(quarter.jahr, quarter.nummer), demo=demo) if word.area in areas)
    own_wishes = Part("eigene-wuensche", _("Eigene Wünsche"), None, words=True, released=released)
    return render("results/staff/willen.html", teile=[*willen_parts(tables), own_wishes], quartal=quarter,
                  beispiel=demo, gruppe=anbieter.name, ueber_anbieter=True)


def _willen_tables(quarter: quartale.Quartal, demo: bool, **group) -> stand.Tables:
    """The protected Willen tables of one group (anbieter_id= or sozialraum_id=) and ended quarter; real ones as
    they were first shown (results.stand)."""
    db, k = get_db(), current_app.config["K_MIN"]

    def make() -> stand.Tables:
        return protect_willen(wille_stats.wille_counts(db, _user(), quarter.months, demo=demo, **group), k)

    if demo:
        return make()
    tables = stand.kept_or_new(db, make, quartal=quarter.key, k=k, **group)
    commit()
    return tables


@bp.get("/anbieter/<id:anbieter_id>/willen/<quartal>")
@requires("view_own_results")
def anbieter_willen(anbieter_id: int, quartal: str):
    """The real Willen saved on an Anbieter's tablets in one ended quarter."""
    return _anbieter_willen(anbieter_id, quartal, demo=False)


@bp.get("/anbieter/<id:anbieter_id>/willen/<quartal>/beispiel")
@requires("view_own_results")
def anbieter_willen_beispiel(anbieter_id: int, quartal: str):
    """The demo Willen saved on an Anbieter's tablets in one ended quarter, marked „Beispiel“."""
    return _anbieter_willen(anbieter_id, quartal, demo=True)


def _raum(sozialraum_id: int) -> str:
    """The name of a Sozialraum; 404 for an unknown one."""
    name = sozialraum_stats.names(get_db()).get(sozialraum_id)
    if name is None:
        abort(404)
    return name


def _sozialraum_workshops(sozialraum_id: int, quartal: str, demo: bool):
    """The workshops of a Sozialraum whose last day is in one ended quarter, across Anbieter, per question set."""
    name, quarter = _raum(sozialraum_id), _ended(quartal)
    groups = workshop_stats.sozialraum_counts(get_db(), _user(), sozialraum_id, quarter.first, quarter.last, demo,
                                              labels())
    sets = [(titel, parts(counted, prefix=f"s{index}-")) for index, (titel, counted) in enumerate(groups)]
    return render("results/staff/sozialraum_workshops.html", sets=sets, quartal=quarter, beispiel=demo, gruppe=name)


@bp.get("/sozialraum/<id:sozialraum_id>/<quartal>/workshops")
@requires("view_all_results")
def sozialraum_workshops(sozialraum_id: int, quartal: str):
    """Real workshop answers of one Sozialraum and ended quarter."""
    return _sozialraum_workshops(sozialraum_id, quartal, demo=False)


@bp.get("/sozialraum/<id:sozialraum_id>/<quartal>/workshops/beispiel")
@requires("view_all_results")
def sozialraum_workshops_beispiel(sozialraum_id: int, quartal: str):
    """Demo workshop answers of one Sozialraum and ended quarter, marked „Beispiel“."""
    return _sozialraum_workshops(sozialraum_id, quartal, demo=True)


def _sozialraum_willen(sozialraum_id: int, quartal: str, demo: bool):
    """The Willen of the people living in a Sozialraum, saved in one ended quarter, across Anbieter."""
    name, quarter = _raum(sozialraum_id), _ended(quartal)
    tables = _willen_tables(quarter, demo, sozialraum_id=sozialraum_id)
    return render("results/staff/willen.html", teile=willen_parts(tables), quartal=quarter, beispiel=demo,
                  gruppe=name, ueber_anbieter=False)


@bp.get("/sozialraum/<id:sozialraum_id>/<quartal>/willen")
@requires("view_all_results")
def sozialraum_willen(sozialraum_id: int, quartal: str):
    """Real Willen of one Sozialraum and ended quarter."""
    return _sozialraum_willen(sozialraum_id, quartal, demo=False)


@bp.get("/sozialraum/<id:sozialraum_id>/<quartal>/willen/beispiel")
@requires("view_all_results")
def sozialraum_willen_beispiel(sozialraum_id: int, quartal: str):
    """Demo Willen of one Sozialraum and ended quarter, marked „Beispiel“."""
    return _sozialraum_willen(sozialraum_id, quartal, demo=True)
