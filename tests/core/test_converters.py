"""`<id:…>` in a URL: a row id the database can hold, in ASCII digits, or no page at all (a 404, never a 500)."""
from __future__ import annotations

import pytest
from werkzeug.exceptions import NotFound

from app.core.converters import MAX_ID


def test_every_staff_id_in_a_url_uses_the_id_converter(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/staff/"):
            assert "<int:" not in rule.rule, rule.rule


@pytest.mark.parametrize("odd", ["0", str(MAX_ID + 1), str(2**63), str(10**40), "٤", "４", "-1", "+1", "1.0"])
def test_ids_no_row_can_have_match_no_page(app, client, odd):
    urls = app.url_map.bind("localhost")
    assert urls.match(f"/staff/workshops/{MAX_ID}") == ("workshops_staff.detail", {"workshop_id": MAX_ID})
    with pytest.raises(NotFound):
        urls.match(f"/staff/workshops/{odd}")
    assert client.get(f"/staff/ergebnisse/workshop/{odd}").status_code == 404
