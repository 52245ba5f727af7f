"""Static files as a browser on a weak connection needs them: compressed, and kept for a year when versioned.

Templates link every asset with its content hash (`?v=…`, ui.helpers.static_url), so a versioned
URL never changes its content and may be cached `immutable`.
"""
from __future__ import annotations

from flask import Flask, Response, request

ONE_YEAR = 60 * 60 * 24 * 365


def init_app(app: Flask) -> None:
    """Register the hook; it runs before Flask-Compress's (hooks run in reverse order of registration)."""

    @app.after_request
    def _static(response: Response) -> Response:
        if request.endpoint != "static":
            return response
        response.headers["Cache-Control"] = (
            f"public, max-age={ONE_YEAR}, immutable" if request.args.get("v") else "no-cache"
        )
        if response.status_code == 200:
            # Flask sends a file as a stream; read into memory (the file is closed with the response),
            # Flask-Compress compresses it like a page, with brotli or gzip, and answers If-None-Match.
            response.direct_passthrough = False
            response.make_sequence()
        return response
