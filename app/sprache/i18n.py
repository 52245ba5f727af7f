"""One gettext for all code, and the locale choice: the language switch (a cookie), then the browser, then German."""
from __future__ import annotations

import re
from datetime import date

from flask import Flask, current_app, has_request_context, request
from flask_babel import format_date, get_locale, gettext, lazy_gettext
from flask_babel import ngettext as ngettext  # re-exported: the plural gettext

LANG_COOKIE = "mitreden_sprache"

# Code imports these two names from here: `_` for texts built in a request, `_l` for texts defined
# at import time (form messages), which are translated when shown.
_ = gettext
_l = lazy_gettext


def select_locale() -> str:
    """Pick the language of this request (outside a request, e.g. in a CLI command, the first language)."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return languages[0]
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or languages[0]


def current_language() -> str:
    """The two-letter language of this request."""
    return get_locale().language


def month_name(value: str) -> str:
    """A stored month „2026-11“ as people say it: „November 2026“ (English: „November 2026“ too)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", str(value or ""))
    if not match or not 1 <= int(match.group(2)) <= 12:
        return str(value or "")
    return format_date(date(int(match.group(1)), int(match.group(2)), 1), "LLLL yyyy")


def init_app(app: Flask) -> None:
    """Make the language, the other languages and the `monat` filter available to every template."""
    app.jinja_env.globals["current_language"] = current_language
    app.jinja_env.filters["monat"] = month_name

    @app.context_processor
    def _language() -> dict:
        lang = current_language()
        other = [code for code in app.config["LANGUAGES"] if code != lang]
        return {"lang": lang, "other_languages": other}
