"""Content pages: each is one YAML file of content/<lang>/ rendered by one template."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request

from ..core.security import local_path, shareable
from ..sprache.content import localized
from ..sprache.i18n import LANG_COOKIE
from .betreiber import betreiber, text_values

bp = Blueprint("pages", __name__)


def _page(name: str):
    """Render a content page from content/<lang>/<name>.yml."""
    return render_template("pages/seite.html", seite=localized(name))


@bp.get("/")
@shareable
def start():
    """Start page (BITV 2.0 § 4: content, orientation, accessibility, more Leichte Sprache)."""
    return _page("start")


@bp.get("/hilfe")
@shareable
def hilfe():
    """How Mitreden works."""
    return _page("hilfe")


@bp.get("/daten")
@shareable
def daten():
    """What happens with my data."""
    return _page("daten")


@bp.get("/ueber")
@shareable
def ueber():
    """About Mitreden, with the pictogram licence."""
    return _page("ueber")


def _legal_page(name: str):
    """A legal page: its text from content/, the deployment's details from its betreiber file."""
    details = betreiber()
    return render_template("pages/seite.html", seite=localized(name, values=text_values(details)), betreiber=details)


@bp.get("/barrierefreiheit")
@shareable
def barrierefreiheit():
    """The accessibility statement (BITV 2.0 § 7) in Leichte Sprache, with the feedback contact."""
    return _legal_page("barrierefreiheit")


@bp.get("/barrierefreiheit/standard")
@shareable
def barrierefreiheit_standard():
    """The accessibility statement in standard German (the wording of the EU model statement)."""
    return _legal_page("standard/barrierefreiheit")


@bp.get("/impressum")
@shareable
def impressum():
    """Who runs Mitreden, in Leichte Sprache."""
    return _legal_page("impressum")


@bp.get("/impressum/standard")
@shareable
def impressum_standard():
    """The Impressum in standard German (§ 5 DDG, § 18 MStV)."""
    return _legal_page("standard/impressum")


@bp.get("/woerterbuch")
@shareable
def woerterbuch():
    """The glossary of hard words."""
    return render_template("pages/woerterbuch.html", seite=localized("woerterbuch"))


def safe_next(target: str | None) -> str:
    """Only local paths are followed after switching language."""
    return local_path(target) or "/"


@bp.get("/sprache/<code>")
def sprache(code: str):
    """Switch language and remember the choice for a year."""
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    response = redirect(safe_next(request.args.get("weiter")))
    response.set_cookie(
        LANG_COOKIE, code, max_age=60 * 60 * 24 * 365, httponly=True, samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response
