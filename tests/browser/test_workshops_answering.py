"""Answering a workshop in a real browser: zero axe violations and the layout rules on every page and state
(tablet and phone), no word broken across lines, the whole flow by keyboard only, and without JavaScript."""
from __future__ import annotations

import base64
import os
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from tests.workshops.helpers import make_workshop, tablet_for

from .conftest import PHONE, TABLET, make_driver
from .pages import assert_accessible, broken_words, click_label, press_weiter, submit_and_wait, wait_for_path
from .test_keyboard_nojs_tablet import choose_and_continue, enter_and_wait, press, tab_to

pytestmark = pytest.mark.browser

# Set SHOTS=/some/folder to keep a full-page screenshot of every state (to look at them, not to test).
SHOTS = os.environ.get("SHOTS")


def screenshot(driver, name: str) -> None:
    """A full-page PNG of the current page, when SHOTS names a folder."""
    if not SHOTS:
        return
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "format": "png"})
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    Path(SHOTS, f"{name}.png").write_bytes(base64.b64decode(data["data"]))


def type_code(driver, code: str) -> None:
    """Type a code into the join field (what was there is replaced) and press „Weiter“."""
    field = driver.find_element(By.ID, "code")
    field.clear()
    field.send_keys(code)
    press_weiter(driver)


def walk_answering(driver, base: str, workshop: dict, over: dict, check) -> None:
    """/treffen with its errors, every kind of question with its error state, who, consent, check, thanks."""
    driver.get(base + "/treffen/")
    check("code empty")
    press_weiter(driver)
    check("code missing")
    type_code(driver, "12 34")
    check("code malformed")
    type_code(driver, "999 999")
    check("code unknown")
    type_code(driver, over["shown"])
    check("code over")
    type_code(driver, workshop["shown"])
    wait_for_path(driver, "/treffen/frage/treffen")
    check("faces")
    press_weiter(driver)
    check("faces with error")
    click_label(driver, "gut")
    press_weiter(driver)
    check("ja etwas nein")
    for value in ("etwas", "ja", "nein", "ja"):
        click_label(driver, value)
        press_weiter(driver)
    wait_for_path(driver, "/treffen/frage/gut")
    check("choices")
    click_label(driver, "leute")
    press_weiter(driver)
    press_weiter(driver)  # nothing bothered: „Weiter“ without an answer
    click_label(driver, "etwas")
    press_weiter(driver)
    click_label(driver, "geht-so")
    press_weiter(driver)
    wait_for_path(driver, "/treffen/frage/worte")
    check("own words")
    driver.execute_script("document.getElementById('antwort').value = 'Sehr lang. '.repeat(40)")
    press_weiter(driver)
    check("own words too long")
    field = driver.find_element(By.ID, "antwort")
    field.clear()
    field.send_keys("Der Raum ist schön.")
    press_weiter(driver)
    wait_for_path(driver, "/treffen/wer")
    check("who")
    click_label(driver, "allein")
    press_weiter(driver)
    check("consent")
    press_weiter(driver)
    check("consent with error")
    click_label(driver, "ja")
    press_weiter(driver)
    wait_for_path(driver, "/treffen/pruefen")
    check("check answers")
    submit_and_wait(driver, driver.find_element(By.ID, "speichern"))
    wait_for_path(driver, "/treffen/danke")
    check("thanks")
    driver.get(base + "/")
    check("start page")


# German at both sizes; English (longer words in places) at the tablet's size.
@pytest.mark.parametrize("lang, size", [("de", TABLET), ("de", PHONE), ("en", TABLET)],
                         ids=["de-tablet", "de-phone", "en-tablet"])
def test_every_answering_page_and_state_passes_axe_and_keeps_words_whole(live_server, lang, size):
    base, app = live_server
    workshop, over = make_workshop(app), make_workshop(app, -3, -1)
    driver = make_driver(size=size)
    checked, problems = [], []

    def check(state):
        assert driver.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == lang
        assert_accessible(driver, f"{lang} {size} {state}")
        words = broken_words(driver)
        if words:
            problems.append(f"{state}: words broken across lines {words}")
        screenshot(driver, f"{lang}-{size[0]}-{len(checked):02d}-{state.replace(' ', '-')}")
        checked.append(state)

    try:
        driver.get(base + "/")
        driver.add_cookie({"name": "mitreden_sprache", "value": lang, "path": "/"})
        walk_answering(driver, base, workshop, over, check)
    finally:
        driver.quit()
    assert len(checked) == 17, checked
    assert not problems, "\n".join(problems)


def test_the_whole_answering_flow_with_keyboard_only(live_server, driver):
    base, app = live_server
    workshop = make_workshop(app, fragen="kurz", eigene_frage=None, eigene_art=None)
    driver.get(base + "/")
    tab_to(driver, "main a[href='/treffen/']")
    enter_and_wait(driver, "/treffen/")
    tab_to(driver, "input#code")
    press(driver, workshop["shown"])
    tab_to(driver, "main button.haupt")
    enter_and_wait(driver, "/treffen/frage/treffen")
    choose_and_continue(driver, "input[name=antwort]", "/treffen/frage/wiederkommen")
    choose_and_continue(driver, "input[name=antwort]", "/treffen/frage/worte")
    tab_to(driver, "textarea#antwort")
    press(driver, "Gut gemacht.")
    tab_to(driver, "main button.haupt")
    enter_and_wait(driver, "/treffen/wer")
    choose_and_continue(driver, "input[name=antwort]", "/treffen/erlaubnis")
    choose_and_continue(driver, "input[name=antwort]", "/treffen/pruefen")
    assert "Gut gemacht." in driver.page_source
    tab_to(driver, "#speichern")
    enter_and_wait(driver, "/treffen/danke")
    tab_to(driver, "#fertig")
    enter_and_wait(driver, "/")


def test_the_whole_answering_flow_without_javascript(live_server, nojs_driver):
    base, app = live_server
    driver = nojs_driver
    workshop = make_workshop(app, fragen="kurz", eigene_frage="Wie finden Sie den Raum?", eigene_art="ja-etwas-nein")
    driver.get(f"{base}/treffen/{workshop['code']}")
    wait_for_path(driver, "/treffen/frage/treffen")
    assert "Frage 1 von 4" in driver.page_source
    press_weiter(driver)
    assert "Bitte wählen Sie 1 Antwort." in driver.page_source
    for value in ("geht-so", "ja", "etwas"):
        click_label(driver, value)
        press_weiter(driver)
    driver.find_element(By.ID, "antwort").send_keys("Mehr Pausen, bitte.")
    press_weiter(driver)
    for value in ("mit-hilfe", "ja"):
        click_label(driver, value)
        press_weiter(driver)
    wait_for_path(driver, "/treffen/pruefen")
    driver.find_element(By.CSS_SELECTOR, "a[href='/treffen/frage/treffen?zurueck=pruefen']").click()
    wait_for_path(driver, "/treffen/frage/treffen")
    click_label(driver, "gut")
    press_weiter(driver)
    wait_for_path(driver, "/treffen/pruefen")
    assert "Mehr Pausen, bitte." in driver.page_source
    submit_and_wait(driver, driver.find_element(By.ID, "speichern"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Danke!"
    driver.get(base + "/treffen/frage/treffen")
    wait_for_path(driver, "/treffen/danke")
    submit_and_wait(driver, driver.find_element(By.ID, "fertig"))
    wait_for_path(driver, "/")


def test_a_tablet_given_to_a_workshop_leaves_nothing_for_the_next_person(live_server, driver):
    base, app = live_server
    workshop = make_workshop(app, fragen="kurz", eigene_frage=None, eigene_art=None)
    driver.get(base + "/")
    driver.add_cookie({"name": "mitreden_tablet", "value": tablet_for(app, workshop, 20), "path": "/"})  # 20 s
    driver.get(base + "/treffen/")
    wait_for_path(driver, "/treffen/frage/treffen")
    for value in ("gut", "ja"):
        click_label(driver, value)
        press_weiter(driver)
    driver.find_element(By.ID, "antwort").send_keys("Ich heiße Anna.")
    press_weiter(driver)
    for value in ("allein", "ja"):
        click_label(driver, value)
        press_weiter(driver)
    submit_and_wait(driver, driver.find_element(By.ID, "speichern"))
    assert "Dann kann die nächste Person antworten." in driver.page_source
    submit_and_wait(driver, driver.find_element(By.ID, "fertig"))
    wait_for_path(driver, "/treffen/frage/treffen")
    # The next person presses the browser's back button again and again.
    for _ in range(5):
        driver.back()
        time.sleep(0.3)
        assert "Anna" not in driver.page_source
    driver.get(base + "/treffen/")
    wait_for_path(driver, "/treffen/frage/treffen")
    assert not driver.find_elements(By.CSS_SELECTOR, "input:checked")
    for value in ("nicht-gut", "nein"):
        click_label(driver, value)
        press_weiter(driver)
    wait_for_path(driver, "/treffen/frage/worte")
    assert driver.find_element(By.ID, "antwort").get_attribute("value") == ""
    assert "Anna" not in driver.execute_script("return JSON.stringify(sessionStorage)")
