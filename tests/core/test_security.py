"""Security headers, cookies, what the browser may keep, compression."""
import re
from pathlib import Path

import brotli
import pytest

from app.core.config import Config
from tests.helpers import walk_flow
from tests.tablet.helpers import tablet_on

ROOT = Path(__file__).resolve().parents[2]
SHAREABLE = ["/", "/hilfe", "/daten", "/ueber", "/woerterbuch", "/will/"]
PERSONAL = ["/will/bereiche", "/will/wohnen/jetzt", "/will/pruefen", "/will/fertig", "/mein-code/", "/tablet/"]


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.get_data(as_text=True), "no inline script"


def test_session_cookie_flags(app):
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert Config().SESSION_COOKIE_SECURE is True


def test_pages_with_answers_are_never_kept_and_content_pages_may_go_back(client):
    walk_flow(client, erlaubnis="ja", code="nein")
    for url in SHAREABLE:
        assert client.get(url).headers["Cache-Control"] == "no-cache", url
    for url in PERSONAL:
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
    assert client.get("/gibt-es-nicht").headers["Cache-Control"] == "no-store"


def test_tablet_mode_keeps_no_page_at_all(client, app):
    tablet_on(client, app)
    for url in SHAREABLE:
        assert client.get(url).headers["Cache-Control"] == "no-store", url


def test_versioned_assets_are_immutable(client):
    html = client.get("/").get_data(as_text=True)
    assets = set(re.findall(r'(?:href|src)="(/static/[^"#]+\?v=[0-9a-f]+)', html))
    assert len(assets) == 3, assets  # stylesheet, script, pictogram sprite
    for asset in assets:
        response = client.get(asset)
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable", asset
        response.close()
    unversioned = client.get("/static/css/mitreden.css")
    assert unversioned.headers["Cache-Control"] == "no-cache"
    unversioned.close()


@pytest.mark.parametrize(("accept", "page", "asset"), [("gzip, deflate, br, zstd", "br", "br"), ("gzip, deflate", "gzip", "gzip"),
                                                   ("", None, None)])
def test_responses_are_compressed_as_the_browser_accepts(client, accept, page, asset):
    headers = {"Accept-Encoding": accept}
    html = client.client.get("/will/", headers=headers)
    assert html.headers.get("Content-Encoding") == page
    assert "Accept-Encoding" in html.headers["Vary"]
    sprite_url = re.search(r"/static/pictograms/sprite\.svg\?v=\w+", client.get("/").get_data(as_text=True)).group(0)
    sprite = client.client.get(sprite_url, headers=headers)
    assert sprite.headers.get("Content-Encoding") == asset
    if asset == "br":
        assert brotli.decompress(sprite.get_data()) == (ROOT / "static" / "pictograms" / "sprite.svg").read_bytes()
    sprite.close()


def test_assets_carry_only_the_headers_they_need(client):
    sprite_url = re.search(r"/static/pictograms/sprite\.svg\?v=\w+", client.get("/").get_data(as_text=True)).group(0)
    response = client.client.get(sprite_url, headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Security-Policy"] and response.headers["X-Content-Type-Options"] == "nosniff"
    for header in ("Permissions-Policy", "Cross-Origin-Opener-Policy", "X-Frame-Options", "Content-Disposition",
                   "Expires", "Last-Modified", "Accept-Ranges"):
        assert header not in response.headers, header
    assert response.headers["ETag"].endswith(':br"')
    response.close()
    # A policy binds only a document: an SVG can be one, a stylesheet cannot.
    css_url = re.search(r"/static/css/mitreden\.css\?v=\w+", client.get("/").get_data(as_text=True)).group(0)
    css = client.client.get(css_url, headers={"Accept-Encoding": "br"})
    assert "Content-Security-Policy" not in css.headers and css.headers["X-Content-Type-Options"] == "nosniff"
    css.close()


def test_a_missing_asset_is_never_cached_for_a_year(client):
    response = client.client.get("/static/gibt-es-nicht.css?v=0123456789")
    assert response.status_code == 404 and response.headers["Cache-Control"] == "no-cache"


def test_pages_do_not_echo_the_query_string(client):
    # A page that can show a personal code is compressed: text an attacker puts into the URL must not
    # appear beside it, or the compressed size would tell whether a guess matches (BREACH).
    html = client.get("/will/?rate=Apfel-Baum").get_data(as_text=True)
    assert "Apfel-Baum" not in html


@pytest.mark.parametrize("accept", ["br", "gzip", ""])
@pytest.mark.parametrize("asset", ["css/mitreden.css", "js/mitreden.js"])
def test_stylesheet_and_script_are_sent_minified_in_every_encoding(client, accept, asset):
    import gzip

    url = re.search(rf"/static/{asset}\?v=\w+", client.get("/").get_data(as_text=True)).group(0)
    response = client.client.get(url, headers={"Accept-Encoding": accept})
    body = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    text = (brotli.decompress(body) if encoding == "br" else gzip.decompress(body) if encoding == "gzip" else body).decode()
    source = (ROOT / "static" / asset).read_text(encoding="utf-8")
    assert len(text) < 0.8 * len(source) and "/*" not in text
    response.close()
