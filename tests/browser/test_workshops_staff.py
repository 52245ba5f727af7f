"""The staff pages of workshops in Chromium: axe with zero violations, the own question checked while typing, and
the poster printed to exactly one A4 page whose QR code decodes to the workshop's join address."""
from __future__ import annotations

import secrets
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from app.core.db import get_db
from app.sozialraum.operations import every
from app.staff import operations as staff
from app.workshops import operations
from tests.staff.helpers import make_anbieter, make_user

from .conftest import TABLET, make_driver
from .pages import assert_accessible, pdf_pages, print_pdf, sign_in_staff, submit_and_wait

pytestmark = pytest.mark.browser
DESKTOP = (1280, 800)


def lead_with_workshop(app, titel: str = "Leben, wie ich will! in Hemelingen") -> tuple[str, int, str]:
    """An Anbieter-Leitung of a new Anbieter working in the first Sozialraum, and an open workshop of it."""
    suffix = secrets.token_hex(3)
    anbieter = make_anbieter(app, f"Anbieter Workshop {suffix}")
    make_user(app, f"leitung{suffix}", "anbieter_leitung", anbieter)
    with app.app_context():
        db = get_db()
        raum = every(db)[0].id
        staff.set_sozialraeume(db, db.get(staff.Anbieter, anbieter), [raum])
        today = datetime.now().astimezone().date()
        workshop = operations.create_workshop(db, anbieter_id=anbieter, sozialraum_id=raum, titel=titel,
                                              fragen="leben-wie-ich-will", erster_tag=today,
                                              letzter_tag=today + timedelta(days=1), now=datetime(2026, 1, 1))
        db.commit()
        return f"leitung{suffix}", workshop.id, workshop.code


def sign_in(driver, base: str, login_name: str) -> None:
    """Sign in on the staff sign-in page."""
    driver.get(base + "/staff/anmelden")
    sign_in_staff(driver, base, login_name, lands_on="/staff/")


@pytest.mark.parametrize("size", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_workshop_pages_have_zero_axe_violations(live_server, size):
    base, app = live_server
    lead, workshop, _code = lead_with_workshop(app)
    driver = make_driver(size=size)
    try:
        sign_in(driver, base, lead)
        for path in ("/staff/workshops/", "/staff/workshops/neu", f"/staff/workshops/{workshop}",
                     f"/staff/workshops/{workshop}/beenden", f"/staff/workshops/{workshop}/plakat"):
            driver.get(base + path)
            assert driver.execute_script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (size, path)
            assert_accessible(driver, f"{size} {path}")
        driver.get(base + "/staff/workshops/neu")
        driver.find_element(By.ID, "eigene_frage").send_keys("Hätten Sie Lust?")
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        summary = driver.find_element(By.CSS_SELECTOR, "[data-fehler-box]").text
        assert "Bitte geben Sie einen Titel ein." in summary and "Konjunktiv" in summary
        assert_accessible(driver, f"{size} new workshop with errors")
    finally:
        driver.quit()


def test_the_own_question_is_checked_while_typing(live_server):
    base, app = live_server
    lead, _workshop, _code = lead_with_workshop(app)
    driver = make_driver(size=DESKTOP)
    try:
        sign_in(driver, base, lead)
        driver.get(base + "/staff/workshops/neu")
        field = driver.find_element(By.ID, "eigene_frage")
        field.send_keys("Würden Sie nicht wiederkommen?")
        box = driver.find_element(By.ID, "eigene_frage-pruefung")
        WebDriverWait(driver, 10).until(lambda _d: "Konjunktiv" in box.text)
        assert "Verneinung" in box.text and box.get_attribute("aria-live") == "polite"
        field.clear()
        field.send_keys("Wollen Sie wiederkommen?")
        WebDriverWait(driver, 10).until(lambda _d: "passt zu den Regeln" in box.text)
        assert "Konjunktiv" not in box.text
        assert_accessible(driver, "own question checked while typing")
    finally:
        driver.quit()


def decode_qr(pdf: bytes, folder: Path) -> list[str]:
    """The texts of every QR code on the PDF's first page, rendered as a grey image by pdftoppm."""
    (folder / "plakat.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", "150", "-f", "1", "-l", "1", str(folder / "plakat.pdf"),
                    str(folder / "seite")], check=True)
    [image] = folder.glob("seite*.pgm")
    data = image.read_bytes()
    # A binary PGM: "P5", width, height, maximum value, each followed by white space, then one byte per pixel.
    magic, width, height, maximum, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and maximum == b"255"
    width, height = int(width), int(height)
    view = memoryview(pixels[: width * height]).cast("B", (height, width))
    return [barcode.text for barcode in zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)]


def test_the_poster_prints_on_one_a4_page_and_its_qr_code_leads_to_the_workshop(live_server, tmp_path):
    base, app = live_server
    # The longest title a workshop may have: the poster still fits one page.
    lead, workshop, code = lead_with_workshop(app, titel=("Leben, wie ich will! Wir erkunden zusammen den "
                                                          "Stadtteil Hemelingen und sagen, was uns wichtig ist, gut")[:120])
    driver = make_driver(size=DESKTOP)
    try:
        sign_in(driver, base, lead)
        driver.get(base + f"/staff/workshops/{workshop}/plakat")
        assert f"{code[:3]} {code[3:]}" in driver.find_element(By.CSS_SELECTOR, ".plakat-code").text
        pdf = print_pdf(driver)
        assert pdf_pages(pdf) == 1
        assert decode_qr(pdf, tmp_path) == [f"{base}/treffen/{code}"]
    finally:
        driver.quit()
