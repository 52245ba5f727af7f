"""Content pages in Leichte Sprache for everyone: start, help, data, glossary, about."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, redirect, request

from . import content
from .i18n import LANG_COOKIE
from .page_cache import render_page

bp = Blueprint("pages", __name__)


def _page(name: str, endpoint: str):
    """Render a content page from content/<lang>/<name>.yml."""
    # Glossary words are linked in the text, so the glossary's version is part of the key.
    return render_page("pages/seite.html", key=(content.version(name), content.version("woerterbuch")),
                       seite=content.localized(name), endpoint=endpoint)


@bp.get("/")
def start():
    """Start page (BITV 2.0 § 4: content, orientation, accessibility, more Leichte Sprache)."""
    return _page("start", "pages.start")


@bp.get("/hilfe")
def hilfe():
    """How Mitreden works."""
    return _page("hilfe", "pages.hilfe")


@bp.get("/daten")
def daten():
    """What happens with my data."""
    return _page("daten", "pages.daten")


@bp.get("/ueber")
def ueber():
    """About Mitreden, with the pictogram licence."""
    return _page("ueber", "pages.ueber")


@bp.get("/woerterbuch")
def woerterbuch():
    """The glossary of hard words."""
    return render_page("pages/woerterbuch.html", key=content.version("woerterbuch"),
                       seite=content.localized("woerterbuch"))


def safe_next(target: str | None) -> str:
    """Only local paths are followed after switching language."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


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
