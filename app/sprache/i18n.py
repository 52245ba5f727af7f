"""One gettext for all code, and the locale choice: the language switch (a cookie), then the browser, then German."""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import get_locale, gettext, lazy_gettext
from flask_babel import ngettext as ngettext  # re-exported: the plural gettext

LANG_COOKIE = "mitreden_sprache"

# Code imports these two names from here: `_` for texts built in a request, `_l` for texts defined
# at import time (form messages), which are translated when shown.
_ = gettext
_l = lazy_gettext


def select_locale() -> str:
    """Pick the language of this request."""
    languages = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or languages[0]


def current_language() -> str:
    """The two-letter language of this request."""
    return get_locale().language


def init_app(app: Flask) -> None:
    """Make the language and the other languages available to every template (and its macros)."""
    app.jinja_env.globals["current_language"] = current_language

    @app.context_processor
    def _language() -> dict:
        lang = current_language()
        other = [code for code in app.config["LANGUAGES"] if code != lang]
        return {"lang": lang, "other_languages": other}
