"""Paper as people get it: the „Mein Wille“ sheet and the code card, printed by Chromium on A4."""
import pytest
from selenium.webdriver.common.by import By

from .conftest import PHONE, TABLET, make_driver
from .pages import click_label, pdf_pages, press_weiter, print_pdf, submit_and_wait, wait_for_path
from .walk import JA_JA, answer_final

pytestmark = pytest.mark.browser

A4 = b"/MediaBox [0 0 594.95996 841.91998]"
PT14 = 14 * 96 / 72  # 14 pt in CSS px
# A string without a place to break, as people sometimes type (a web address, a long name).
UNBREAKABLE = "Ich·will·ein·Haus·mit·einem·großen·Garten·und·einem·Hund"
# The smallest font of any text on the sheet; with print media emulated, the sizes are those of paper.
SMALLEST_TEXT = """
let smallest = Infinity;
const walker = document.createTreeWalker(document.querySelector('.blatt'), NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.data.trim() || node.parentElement.closest('.sr-only')) continue;
  smallest = Math.min(smallest, parseFloat(getComputedStyle(node.parentElement).fontSize));
}
return smallest;
"""


def two_areas(driver, base: str) -> None:
    """Wohnen with own words and nothing written about oneself, Arbeit with a suggested wish, to the check page."""
    driver.get(base + "/will/bereiche")
    click_label(driver, "wohnen")
    click_label(driver, "arbeit")
    press_weiter(driver)
    for bereich, wunsch in (("wohnen", "ruhe"), ("arbeit", "arbeit-finden")):
        wait_for_path(driver, f"/will/{bereich}/jetzt")
        click_label(driver, "geht-so")
        press_weiter(driver)
        wait_for_path(driver, f"/will/{bereich}/wunsch")
        click_label(driver, wunsch)
        if bereich == "wohnen":
            driver.find_element(By.ID, "eigener_wunsch").send_keys(UNBREAKABLE)
        press_weiter(driver)
        wait_for_path(driver, f"/will/{bereich}/selbst")
        if bereich == "arbeit":
            driver.find_element(By.ID, "selbst").send_keys("Ich kann jeden Tag pünktlich sein.")
        press_weiter(driver)
        wait_for_path(driver, f"/will/{bereich}/hilfe")
        click_label(driver, "familie")
        click_label(driver, "assistenz")
        press_weiter(driver)
    answer_final(driver, JA_JA)


def scrolls_sideways_on_a_phone(driver) -> bool:
    """Whether the page is wider than a phone's screen."""
    driver.set_window_size(*PHONE)
    wider = driver.execute_script("return document.documentElement.scrollWidth > document.documentElement.clientWidth")
    driver.set_window_size(*TABLET)
    return wider


def test_sheet_of_2_areas_is_one_a4_page_at_14_pt_and_the_code_card_one_page(live_server):
    """Also: a typed string with no place to break stays on a phone's screen, on the check page and the sheet."""
    base, _app = live_server
    driver = make_driver()
    try:
        two_areas(driver, base)
        assert UNBREAKABLE in driver.page_source and not scrolls_sideways_on_a_phone(driver)
        submit_and_wait(driver, driver.find_element(By.ID, "speichern"))
        wait_for_path(driver, "/will/fertig")
        assert UNBREAKABLE in driver.page_source and not scrolls_sideways_on_a_phone(driver)
        sheet = print_pdf(driver)
        assert A4 in sheet and pdf_pages(sheet) == 1
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert driver.execute_script(SMALLEST_TEXT) >= PT14 - 0.01, "Leichte Sprache on paper: 14 pt or more"
        assert driver.execute_script("return getComputedStyle(document.querySelector('.blatt')).borderTopStyle") == "none"
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        driver.get(base + "/mein-code/karte")
        card = print_pdf(driver)
        assert A4 in card and pdf_pages(card) == 1
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        size = driver.execute_script("const r = document.querySelector('.code-karte').getBoundingClientRect();"
                                     "return [r.width * 25.4 / 96, r.height * 25.4 / 96]")
        assert [round(mm) for mm in size] == [170, 55], "2 sides of 85 × 55 mm, folded in the middle"
        pictures = driver.find_elements(By.CSS_SELECTOR, ".karte-woerter use")
        assert len(pictures) == 3 and all("code-words.svg" in p.get_attribute("href") for p in pictures)
        assert base.split("://")[1] + "/mein-code/" in driver.find_element(By.CSS_SELECTOR, ".karte-adresse").text
    finally:
        driver.quit()
