"""Every page of the Wille flow, served with the page cache, equals the page rendered fresh.

Two apps get the same clicks in lockstep: one with the page cache, one without. Several people in a
row make the cached app reuse pages, with other ticks, errors, typed text, languages and tablet mode.
"""
import re

import pytest

from app import config as app_config
from app import create_app
from app.cli import upgrade_database
from tests.conftest import CheckingClient

TOKEN = re.compile(r'name="csrf_token" value="[^"]*"')


def make_app(instance, cache: bool):
    """An app on its own database, with or without the page cache."""
    settings = app_config.TestConfig(instance)
    if not cache:
        settings.PAGE_CACHE_SIZE = 0
    app = create_app(settings)
    upgrade_database(app)
    from app.cli import load_content

    with app.app_context():
        load_content(app)
    return app


class Twin:
    """One person's browser, twice: every response of the cached app must equal the fresh one."""

    def __init__(self, cached, fresh, lang: str, tablet: bool) -> None:
        self.clients = [CheckingClient(cached.test_client()), CheckingClient(fresh.test_client())]
        self.headers = {"Accept-Language": lang}
        self.pages = 0
        if tablet:
            self.submit("/assistenz/tablet", {"modus": "5"})

    def _compare(self, responses) -> None:
        cached, fresh = responses
        assert cached.status_code == fresh.status_code
        assert cached.headers.get("Location") == fresh.headers.get("Location")
        html_cached, html_fresh = (TOKEN.sub("", r.get_data(as_text=True)) for r in responses)
        if 'class="code"' not in html_fresh:  # the personal code is random in each app
            assert html_cached == html_fresh
        self.pages += 1

    def get(self, url: str) -> None:
        """GET in both apps and compare."""
        self._compare([client.get(url, headers=self.headers) for client in self.clients])

    def submit(self, url: str, data: dict | None = None) -> None:
        """POST the form in both apps (each with its own token) and compare."""
        self._compare([client.submit(url, data, headers=self.headers) for client in self.clients])


def walk(twin: Twin, variant: int) -> None:
    """A walk through the flow with errors, back navigation and a change from the check page."""
    for url in ("/", "/hilfe", "/will/", "/will/bereiche"):
        twin.get(url)
    twin.submit("/will/bereiche", {})
    areas = [["wohnen"], ["wohnen", "arbeit"], ["arbeit", "freizeit"]][variant % 3]
    twin.submit("/will/bereiche", {"bereiche": areas})
    for area in areas:
        twin.get(f"/will/{area}/jetzt")
        twin.submit(f"/will/{area}/jetzt", {})
        twin.submit(f"/will/{area}/jetzt", {"jetzt": ["gut", "geht-so", "nicht-gut"][variant % 3]})
        twin.submit(f"/will/{area}/wunsch", {})
        twin.submit(f"/will/{area}/wunsch", {"eigener_wunsch": "Zu lang. " * 50})
        twin.submit(f"/will/{area}/wunsch", {"eigener_wunsch": f"Mein Wunsch {variant} <&>"})
        twin.get(f"/will/{area}/jetzt")
        twin.get(f"/will/{area}/wunsch")
        twin.submit(f"/will/{area}/selbst", {"selbst": "" if variant else "Ich kann fragen."})
        twin.submit(f"/will/{area}/hilfe", {"helfer": ["niemand", "familie"]})
        twin.submit(f"/will/{area}/hilfe", {"helfer": ["familie"] if variant else ["niemand"]})
    for frage, value in (("wohnort", "unbekannt" if variant else "jena-nord"), ("wer", "allein"),
                         ("erlaubnis", "ja"), ("code", "nein")):
        twin.get(f"/will/{frage}")
        twin.submit(f"/will/{frage}", {})
        twin.submit(f"/will/{frage}", {"antwort": value})
    twin.get("/will/pruefen")
    twin.get(f"/will/{areas[0]}/jetzt?zurueck=pruefen")
    twin.submit(f"/will/{areas[0]}/jetzt?zurueck=pruefen", {"jetzt": "gut"})
    twin.get("/will/pruefen")
    twin.submit("/will/pruefen")
    twin.get("/will/fertig")


@pytest.mark.parametrize("lang,tablet", [("de", False), ("en", True)])
def test_cached_pages_equal_fresh_pages(tmp_path, lang, tablet):
    cached, fresh = make_app(tmp_path / "cached", cache=True), make_app(tmp_path / "fresh", cache=False)
    twins = [Twin(cached, fresh, lang, tablet) for _ in range(3)]
    for variant, twin in enumerate(twins):
        walk(twin, variant)
    assert sum(twin.pages for twin in twins) > 100
    assert len(cached.extensions["page_cache"].values()) > 20 and "page_cache" not in fresh.extensions
