"""URL converters of the whole app: an id in a URL is a row id the database can hold, or the page is a 404.

Without this, an id of 2^63 or more reaches the database and fails there (SQLite cannot bind it, PostgreSQL
refuses it for an INTEGER column): a 500 instead of „not found“.
"""
from __future__ import annotations

from werkzeug.routing import IntegerConverter

# The largest id an INTEGER column holds on PostgreSQL (and far more rows than Mitreden will ever have).
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """A row id in ASCII digits, 1 to MAX_ID (`<id:workshop_id>`); anything else matches no page."""

    regex = r"[0-9]+"

    def __init__(self, url_map, *args, **kwargs) -> None:
        """An unsigned integer converter with the bounds of a row id."""
        super().__init__(url_map, min=1, max=MAX_ID)


def init_app(app) -> None:
    """Offer `<id:…>` to every route; called before any blueprint adds its rules."""
    app.url_map.converters["id"] = IdConverter
