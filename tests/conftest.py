"""Fixtures: an app with a fresh database per test — on SQLite and on PostgreSQL — and a client that
checks every page it fetches."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app import TestConfig, create_app
from tests.databases import DATABASES, Databases


class PageStructure(HTMLParser):
    """Collects what the structural page checks need."""

    def __init__(self) -> None:
        super().__init__()
        self.h1_count = 0
        self.in_h1 = False
        self.h1_text = ""
        self.in_title = False
        self.title = ""
        self.ids: list[str] = []
        self.html_lang = None
        self.inputs: list[dict] = []
        self.label_for: set[str] = set()
        self.forms: list[dict] = []
        self.label_depth = 0
        self.wrapped_inputs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        """Record ids, headings, inputs, labels and forms."""
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "br" and self.in_h1:
            self.h1_text += " "
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "h1":
            self.h1_count += 1
            self.in_h1 = True
        elif tag == "title":
            self.in_title = True
        elif tag in ("input", "textarea", "select") and attributes.get("type") not in ("hidden", "submit"):
            self.inputs.append(attributes)
        elif tag == "label":
            if attributes.get("for"):
                self.label_for.add(attributes["for"])
        elif tag == "form":
            self.forms.append(attributes)

    def handle_endtag(self, tag):
        """Leave headings and the title."""
        if tag == "h1":
            self.in_h1 = False
        elif tag == "title":
            self.in_title = False

    def handle_data(self, data):
        """Collect the h1 and title text."""
        if self.in_h1:
            self.h1_text += data
        if self.in_title:
            self.title += data


def check_page(html: str) -> PageStructure:
    """The structural checks every page must pass (GOV.UK Notify's test client does the same)."""
    page = PageStructure()
    page.feed(html)
    assert page.h1_count == 1, f"expected exactly one <h1>, found {page.h1_count}"
    h1 = " ".join(page.h1_text.split())
    title = " ".join(page.title.split())
    assert title.removeprefix("Fehler: ").removeprefix("Error: ").startswith(h1), (title, h1)
    duplicates = {i for i in page.ids if page.ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"
    assert page.html_lang in ("de", "en"), "<html lang> missing"
    for field in page.inputs:
        assert field.get("id") in page.label_for, f"input without label: {field}"
    for form in page.forms:
        assert form.get("action"), "form without action"
        if form.get("method", "get").lower() == "post":
            assert 'name="csrf_token"' in html
    return page


class CheckingClient:
    """Wraps Flask's test client: every HTML page fetched passes check_page."""

    def __init__(self, client) -> None:
        self.client = client

    def _check(self, response):
        if response.mimetype == "text/html" and response.status_code not in (204, 302):  # 204: no page to check
            check_page(response.get_data(as_text=True))
        return response

    def get(self, *args, **kwargs):
        """GET and check."""
        return self._check(self.client.get(*args, **kwargs))

    def post(self, *args, **kwargs):
        """POST and check."""
        return self._check(self.client.post(*args, **kwargs))

    def token(self, url: str) -> str:
        """The CSRF token of the form on a page."""
        html = self.get(url).get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def submit(self, url: str, data: dict | None = None, token_from: str | None = None, **kwargs):
        """POST a form with a fresh CSRF token from the page (or from the page that holds the form)."""
        return self.post(url, data={**(data or {}), "csrf_token": self.token(token_from or url)}, **kwargs)

    def __getattr__(self, name):
        return getattr(self.client, name)


@pytest.fixture(scope="session")
def databases(tmp_path_factory) -> Databases:
    """Migrated, content-loaded template databases, copied for each test (see tests/databases.py)."""
    found = Databases(tmp_path_factory.mktemp("templates"))
    yield found
    found.close()


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    """A fresh instance folder (keys, and the SQLite file) per test."""
    return tmp_path / "instance"


@pytest.fixture(params=DATABASES)
def database_url(request, databases, instance) -> str:
    """A fresh database for one test, on each of the two databases in turn."""
    url = databases.fresh(request.param, instance)
    yield url
    databases.drop(request.param, url)


@pytest.fixture
def app(instance: Path, database_url: str):
    """An app on a fresh, migrated, content-loaded database."""
    app = create_app(TestConfig(instance, database_url))
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def client(app) -> CheckingClient:
    """A test client that checks every page."""
    return CheckingClient(app.test_client())


@pytest.fixture
def runner(app):
    """A CLI runner."""
    return app.test_cli_runner()
