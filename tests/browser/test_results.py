"""Results pages in Chromium: axe with zero violations at desktop and tablet size for every results page of the
Anbieter and of the Leistungsträger, and a workshop's results printed to PDF (charts and tables, no navigation)."""
from __future__ import annotations

import base64
import secrets
import subprocess
from datetime import date, timedelta

import pytest
from selenium.webdriver.common.by import By

from app.results import quartale
from tests.results.helpers import answers, sozialraum, willen, workshop
from tests.staff.helpers import make_anbieter, make_user

from .conftest import TABLET, make_driver
from .pages import assert_accessible, sign_in_staff

pytestmark = pytest.mark.browser
DESKTOP = (1280, 800)


def last_quarter() -> quartale.Quartal:
    """The quarter before this one: ended, whatever day the tests run."""
    return quartale.of_day(quartale.of_day(date.today()).first - timedelta(days=1))


def results_world(app, suffix: str) -> dict:
    """An Anbieter with a lead, a Leistungsträger, and results of every kind in the last quarter."""
    anbieter = make_anbieter(app, f"Anbieter Ergebnisse {suffix}")
    make_user(app, f"leitung{suffix}", "anbieter_leitung", anbieter)
    secret = make_user(app, f"traeger{suffix}", "leistungstraeger", second_factor=True)
    raum, quarter = sozialraum(app), last_quarter()
    day = quarter.last - timedelta(days=3)
    people = answers(17, treffen=["geht-so"] * 5 + ["nicht-gut"] * 2, schwer=[["zu-lang"]])
    for person in people[:5]:
        del person["neues"]
    shown = workshop(app, anbieter, raum, people, titel=f"Treffen {suffix}", tage=(day, day))
    few = workshop(app, anbieter, raum, answers(4), titel=f"Klein {suffix}", tage=(day, day))
    running = workshop(app, anbieter, raum, answers(6), titel=f"Läuft {suffix}",
                       tage=(date.today(), date.today() + timedelta(days=1)))
    demo = workshop(app, anbieter, raum, answers(6), titel=f"Vorführung {suffix}", tage=(day, day), demo=True)
    month = quarter.months[1]
    willen(app, 6, anbieter=anbieter, raum=raum, month=month, areas=("wohnen", "arbeit", "freizeit"))
    willen(app, 2, anbieter=anbieter, raum=raum, month=month, areas=("geld",), jetzt="nicht-gut")
    willen(app, 5, anbieter=anbieter, raum=raum, month=month, demo=True)
    return {"anbieter": anbieter, "raum": raum, "quartal": quarter.key, "secret": secret,
            "workshops": {"shown": shown, "few": few, "running": running, "demo": demo}}


@pytest.mark.parametrize("size", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_every_results_page_has_zero_axe_violations(live_server, size):
    base, app = live_server
    suffix = secrets.token_hex(3)
    world = results_world(app, suffix)
    a, q, raum = world["anbieter"], world["quartal"], world["raum"]
    driver = make_driver(size=size)
    try:
        sign_in_staff(driver, base, f"leitung{suffix}")
        pages = ["/staff/ergebnisse/", *(f"/staff/ergebnisse/workshop/{wid}" for wid in world["workshops"].values()),
                 f"/staff/ergebnisse/anbieter/{a}/willen/{q}", f"/staff/ergebnisse/anbieter/{a}/willen/{q}/beispiel"]
        for path in pages:
            driver.get(base + path)
            assert driver.find_elements(By.TAG_NAME, "h1"), path
            assert_accessible(driver, f"{size} {path}")
        driver.get(base + f"/staff/ergebnisse/workshop/{world['workshops']['shown']}")
        assert len(driver.find_elements(By.CSS_SELECTOR, "svg.balken")) == 9
        driver.find_element(By.CSS_SELECTOR, ".konto button").click()
        sign_in_staff(driver, base, f"traeger{suffix}", world["secret"])
        for path in ("/staff/ergebnisse/", f"/staff/ergebnisse/sozialraum/{raum}/{q}/workshops",
                     f"/staff/ergebnisse/sozialraum/{raum}/{q}/willen",
                     f"/staff/ergebnisse/sozialraum/{raum}/{q}/workshops/beispiel",
                     f"/staff/ergebnisse/sozialraum/{raum}/{q}/willen/beispiel"):
            driver.get(base + path)
            assert path.endswith("/ergebnisse/") or driver.find_elements(By.CSS_SELECTOR, "svg.balken"), path
            assert_accessible(driver, f"{size} {path}")
    finally:
        driver.quit()


def test_a_workshops_results_print_with_charts_and_tables_and_without_navigation(live_server, tmp_path):
    base, app = live_server
    suffix = secrets.token_hex(3)
    world = results_world(app, suffix)
    driver = make_driver(size=DESKTOP)
    try:
        sign_in_staff(driver, base, f"leitung{suffix}")
        driver.get(base + f"/staff/ergebnisse/workshop/{world['workshops']['shown']}")
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    finally:
        driver.quit()
    path = tmp_path / "ergebnisse.pdf"
    path.write_bytes(base64.b64decode(pdf["data"]))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    assert 3 <= len(pages) <= 12, len(pages)
    assert "Abmelden" not in text and "Mein Konto" not in text and "Zurück zu den Ergebnissen" not in text
    for words in ("Wie finden Sie das Treffen?", "Zahlen zu: Wie finden Sie das Treffen?", "weniger als 5", "verdeckt",
                  "Wer hat das ausgefüllt?", "17 Menschen haben geantwortet."):
        assert words in text, words
    # Every page carries a chart or table, never a heading alone (a heading stays with its chart).
    for number, page in enumerate(pages, 1):
        assert "Menschen" in page or "Zusammen" in page, (number, page[:200])
