"""Error pages in Leichte Sprache, never a stack trace."""
import pytest


@pytest.mark.parametrize(("url", "code"), [("/gibt-es-nicht", 404), ("/will/unbekannt/jetzt", 404)])
def test_error_pages_are_leichte_sprache(client, url, code):
    response = client.get(url)
    assert response.status_code == code
    assert "Diese Seite gibt es nicht" in response.get_data(as_text=True)


def test_method_not_allowed_is_friendly(client):
    response = client.client.delete("/")
    assert response.status_code == 405 and "Etwas ist schiefgegangen" in response.get_data(as_text=True)


def test_500_page_has_no_stack_trace(app):
    from tests.conftest import CheckingClient

    @app.get("/kaputt")
    def kaputt():
        raise RuntimeError("geheimer Stacktrace")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = CheckingClient(app.test_client()).get("/kaputt")
    html = response.get_data(as_text=True)
    assert response.status_code == 500 and "Bei uns ist ein Fehler passiert" in html and "geheimer" not in html


def test_too_large_request_is_friendly(client):
    response = client.post("/will/bereiche", data={"x": "a" * 100_000})
    assert response.status_code == 413 and "zu viel" in response.get_data(as_text=True)


@pytest.mark.parametrize(("code", "text"), [(400, "Etwas ist schiefgegangen"), (403, "Diese Seite ist gesperrt"), (429, "Bitte warten Sie kurz")])
def test_every_error_page_is_in_leichte_sprache(app, code, text):
    from flask import abort

    from tests.conftest import CheckingClient

    app.add_url_rule(f"/fehler-{code}", f"fehler_{code}", lambda: abort(code))
    response = CheckingClient(app.test_client()).get(f"/fehler-{code}")
    assert response.status_code == code and text in response.get_data(as_text=True)
