"""Error pages in Leichte Sprache: never a stack trace, always a way back."""
from __future__ import annotations

from flask import Flask, render_template
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

try:  # gunicorn runs deployments; without it (e.g. Flask's own server) no such error can occur.
    from gunicorn.http.errors import ParseException
except ImportError:  # pragma: no cover
    ParseException = type("ParseException", (Exception,), {})

KNOWN = (400, 403, 404, 405, 413, 429, 500)


def init_app(app: Flask) -> None:
    """Register one handler for all HTTP errors and one for unexpected exceptions."""

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        code = error.code if error.code in KNOWN else 400
        return render_template("fehler.html", code=code), error.code or 400

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return _http(error)
        if isinstance(error, ParseException):
            # A body the server cannot read (a broken chunked upload under gunicorn) is the sender's fault.
            return _http(BadRequest())
        app.logger.exception("Unerwarteter Fehler")
        return render_template("fehler.html", code=500), InternalServerError.code
